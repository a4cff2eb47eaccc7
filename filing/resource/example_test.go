package resource_test

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing/resource"
)

// A Tencent-like ledger: account A issues an authorisation code from its
// server, account B's filing redeems it, a second filing cannot, and once
// the filing succeeds the code is spent (R-96).
func ExampleLedger() {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Location())
	policy, _ := resource.PolicyNamed("tencent")
	l, _ := resource.NewLedger(resource.NewMemoryStore(), policy,
		resource.WithNow(func() time.Time { return at }),
		resource.WithCodes(func() string { return "K7QD-2M4X-9TNA-R3VB" }))
	ctx := context.Background()
	server := resource.Instance{ID: "ins-8x2k", Account: "acct-a", Prepaid: true, Running: true, Mainland: true,
		PublicIP: netip.MustParseAddr("119.29.29.29"), ExpiresAt: at.AddDate(1, 0, 0)}
	e, _ := l.Issue(ctx, server)
	fmt.Println(e.Code, e.State.Zh())
	e, _ = l.Redeem(ctx, "k7qd-2m4x-9tna-r3vb", "acct-b", "order-1")
	fmt.Println(e.State.Zh(), e.FilingID)
	_, err := l.Redeem(ctx, e.Code, "acct-c", "order-2")
	var re *resource.Error
	if errors.As(err, &re) {
		fmt.Println(re.Rule, re.Zh)
	}
	e, _ = l.Complete(ctx, e.Code, "order-1", "粤ICP备2026000001号")
	fmt.Println(e.State.Zh(), e.RecordNumber)
	// Output:
	// K7QD-2M4X-9TNA-R3VB 可用
	// 备案中 order-1
	// R-96 备案资源K7QD-2M4X-9TNA-R3VB正被另一个备案订单使用，不能同时用于两个备案。请等待该订单完成或放弃后再使用
	// 已备案 粤ICP备2026000001号
}

// A pay-as-you-go server with two months left cannot back a filing under the
// Huawei-like preset; every reason is reported at once.
func ExampleEligible() {
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Location())
	policy, _ := resource.PolicyNamed("huawei")
	err := resource.Eligible(resource.Instance{ID: "ecs-1", Mainland: true,
		PublicIP: netip.MustParseAddr("121.36.0.1"), ExpiresAt: at.AddDate(0, 2, 0)}, policy, at)
	var ie *resource.IneligibleError
	if errors.As(err, &ie) {
		for _, r := range ie.Reasons {
			fmt.Println(r.Code)
		}
	}
	// Output:
	// resource.not_prepaid
	// resource.months_left
}
