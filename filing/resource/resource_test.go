package resource_test

import (
	"context"
	"errors"
	"net/netip"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/resource"
	"github.com/beiankit/beian/filing/resource/resourcetest"
)

var now = time.Date(2026, 11, 30, 10, 0, 0, 0, calendar.Location())

func TestR96_PresetsHaveSources(t *testing.T) {
	ps := resource.Policies()
	require.Len(t, ps, 3)
	for _, p := range ps {
		assert.NotEmpty(t, p.Source, p.Name)
		assert.NoError(t, p.Validate(), p.Name)
		assert.Positive(t, p.CapPerInstance, p.Name)
	}
	tc, ok := resource.PolicyNamed("tencent")
	require.True(t, ok)
	assert.Equal(t, 3, tc.MinMonthsLeft)
	assert.Equal(t, 5, tc.CapPerInstance)
	assert.True(t, tc.RefuseLoadBalancer)
	ali, ok := resource.PolicyNamed("alibaba")
	require.True(t, ok)
	assert.True(t, ali.Grantable)
	assert.Equal(t, resource.KindServiceNumber, ali.Kind)
	_, ok = resource.PolicyNamed("nope")
	assert.False(t, ok)
	ps[0].CapPerInstance = 99 // a copy
	again, _ := resource.PolicyNamed(ps[0].Name)
	assert.NotEqual(t, 99, again.CapPerInstance)
	assert.Regexp(t, `^\d{4}-\d\d-\d\d$`, resource.PoliciesCompiled())
	bad := tc
	bad.CapPerInstance = -1
	assert.ErrorIs(t, bad.Validate(), resource.ErrBadInput)
}

func TestR96_Eligible(t *testing.T) {
	good := resourcetest.Instance("ins-1", "acct-a")
	good.ExpiresAt = resource.MonthsLater(now, 3)
	tencent, _ := resource.PolicyNamed("tencent")
	alibaba, _ := resource.PolicyNamed("alibaba")
	huawei, _ := resource.PolicyNamed("huawei")
	mod := func(f func(*resource.Instance)) resource.Instance { i := good; f(&i); return i }
	for _, tc := range []struct {
		name   string
		inst   resource.Instance
		policy resource.Policy
		want   []filing.Code
	}{
		{"exactly three months left", good, tencent, nil},
		{"one second short of three months", mod(func(i *resource.Instance) { i.ExpiresAt = i.ExpiresAt.Add(-time.Second) }), tencent, []filing.Code{resource.ErrMonthsLeft}},
		{"Alibaba asks no months, but a live instance", mod(func(i *resource.Instance) { i.ExpiresAt = now.Add(time.Hour) }), alibaba, nil},
		{"expired instance, even without a months rule", mod(func(i *resource.Instance) { i.ExpiresAt = now }), alibaba, []filing.Code{resource.ErrMonthsLeft}},
		{"pay-as-you-go", mod(func(i *resource.Instance) { i.Prepaid = false }), huawei, []filing.Code{resource.ErrNotPrepaid}},
		{"pay-as-you-go is fine for Alibaba's API", mod(func(i *resource.Instance) { i.Prepaid = false }), alibaba, nil},
		{"Hong Kong region", mod(func(i *resource.Instance) { i.Mainland = false }), tencent, []filing.Code{resource.ErrNotMainland}},
		{"no public address", mod(func(i *resource.Instance) { i.PublicIP = netip.Addr{} }), tencent, []filing.Code{resource.ErrNoPublicIP}},
		{"private address", mod(func(i *resource.Instance) { i.PublicIP = netip.MustParseAddr("10.1.2.3") }), tencent, []filing.Code{resource.ErrNoPublicIP}},
		{"carrier-grade NAT address", mod(func(i *resource.Instance) { i.PublicIP = netip.MustParseAddr("100.100.1.1") }), alibaba, []filing.Code{resource.ErrNoPublicIP}},
		{"documentation address", mod(func(i *resource.Instance) { i.PublicIP = netip.MustParseAddr("203.0.113.7") }), huawei, []filing.Code{resource.ErrNoPublicIP}},
		{"public IPv6", mod(func(i *resource.Instance) { i.PublicIP = netip.MustParseAddr("240e:3a1::1") }), tencent, nil},
		{"load balancer address (Tencent)", mod(func(i *resource.Instance) { i.LoadBalancer = true }), tencent, []filing.Code{resource.ErrLoadBalancerIP}},
		{"load balancer address (Alibaba binds SLB)", mod(func(i *resource.Instance) { i.LoadBalancer = true }), alibaba, nil},
		{"trial", mod(func(i *resource.Instance) { i.Trial = true }), alibaba, []filing.Code{resource.ErrTrial}},
		{"stopped (Alibaba)", mod(func(i *resource.Instance) { i.Running = false }), alibaba, []filing.Code{resource.ErrNotRunning}},
		{"everything wrong at once", resource.Instance{ID: "ins-x", Trial: true, ExpiresAt: now.AddDate(0, 1, 0)}, tencent,
			[]filing.Code{resource.ErrNotPrepaid, resource.ErrTrial, resource.ErrNotMainland, resource.ErrNoPublicIP, resource.ErrMonthsLeft}},
		{"zero policy accepts a live instance", resource.Instance{ID: "ins-z", ExpiresAt: now.Add(time.Minute)}, resource.Policy{}, nil},
	} {
		err := resource.Eligible(tc.inst, tc.policy, now)
		if tc.want == nil {
			assert.NoError(t, err, tc.name)
			continue
		}
		var ie *resource.IneligibleError
		if !assert.ErrorAs(t, err, &ie, tc.name) {
			continue
		}
		got := make([]filing.Code, len(ie.Reasons))
		for i, r := range ie.Reasons {
			got[i] = r.Code
			assert.Equal(t, "R-96", r.Rule, tc.name)
			assert.Contains(t, r.Zh, tc.inst.ID, tc.name)
			assert.Contains(t, r.Zh, "请", tc.name) // says what to do
		}
		assert.Equal(t, tc.want, got, tc.name)
		for _, c := range tc.want {
			assert.ErrorIs(t, err, c, tc.name)
		}
		assert.Equal(t, string(tc.want[0]), ie.ErrorCode(), tc.name)
		assert.NotEmpty(t, ie.MessageZh(), tc.name)
		assert.NotEmpty(t, ie.MessageEn(), tc.name)
	}
}

func TestR96_MonthsLater(t *testing.T) {
	loc := calendar.Location()
	for _, tc := range []struct{ from, want time.Time }{
		{time.Date(2026, 11, 30, 10, 0, 0, 0, loc), time.Date(2027, 2, 28, 10, 0, 0, 0, loc)},
		{time.Date(2027, 11, 30, 10, 0, 0, 0, loc), time.Date(2028, 2, 29, 10, 0, 0, 0, loc)}, // leap year
		{time.Date(2026, 1, 31, 0, 0, 0, 0, loc), time.Date(2026, 4, 30, 0, 0, 0, 0, loc)},
		{time.Date(2026, 3, 15, 23, 59, 0, 0, loc), time.Date(2026, 6, 15, 23, 59, 0, 0, loc)},
		// 2026-03-31 20:00 UTC is 1 April in Beijing: months count there.
		{time.Date(2026, 3, 31, 20, 0, 0, 0, time.UTC), time.Date(2026, 7, 1, 4, 0, 0, 0, loc)},
	} {
		assert.True(t, tc.want.Equal(resource.MonthsLater(tc.from, 3)), "%v → %v, want %v", tc.from, resource.MonthsLater(tc.from, 3), tc.want)
	}
}

func TestR96_NormalizeCode(t *testing.T) {
	for in, want := range map[string]string{
		"ABCD-EFGH-JKMN-PQRS":        "ABCD-EFGH-JKMN-PQRS",
		"abcd-efgh":                  "ABCD-EFGH",
		" ＡＢＣＤ－１２３４ ":                "ABCD-1234",
		"4f9f0d9c-1b2c-69448375e0f8": "4F9F0D9C-1B2C-69448375E0F8",
		"ab cd\tef":                  "ABCDEF",
	} {
		got, err := resource.NormalizeCode(in)
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, got, in)
			again, err := resource.NormalizeCode(got)
			assert.NoError(t, err)
			assert.Equal(t, got, again, "idempotent")
		}
	}
	for _, in := range []string{"", "abc", "-ABCD", "ABCD-", "AB--CD", "ABCD_EFGH", "ＡＢＣＤ。", "АВСD-1234" /* Cyrillic */, "ABCD\x00", string(make([]byte, 100)), "ABCD-ÉFGH"} {
		_, err := resource.NormalizeCode(in)
		assert.ErrorIs(t, err, resource.ErrBadCode, "%q", in)
	}
	long := make([]byte, resource.MaxCodeLen+1)
	for i := range long {
		long[i] = 'A'
	}
	_, err := resource.NormalizeCode(string(long))
	assert.ErrorIs(t, err, resource.ErrBadCode)
}

func TestR96_NewCode(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		c := resource.NewCode()
		assert.Regexp(t, `^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$`, c)
		n, err := resource.NormalizeCode(c)
		require.NoError(t, err)
		assert.Equal(t, c, n)
		assert.False(t, seen[c])
		seen[c] = true
	}
}

func TestR96_LedgerRefusesBadInput(t *testing.T) {
	_, err := resource.NewLedger(resource.NewMemoryStore(), resource.Policy{CapPerInstance: -1})
	require.ErrorIs(t, err, resource.ErrBadInput)
	l, err := resource.NewLedger(resource.NewMemoryStore(), resourcetest.Policy(5, true, true),
		resource.WithNow(func() time.Time { return now }))
	require.NoError(t, err)
	ctx := context.Background()
	_, err = l.Issue(ctx, resource.Instance{})
	assert.ErrorIs(t, err, resource.ErrBadInput)
	_, err = l.Redeem(ctx, "ABCD-EFGH", "", "order-1")
	assert.ErrorIs(t, err, resource.ErrBadInput)
	_, err = l.Complete(ctx, "ABCD-EFGH", "", "")
	assert.ErrorIs(t, err, resource.ErrBadInput)
	_, err = l.Abandon(ctx, "ABCD-EFGH", "")
	assert.ErrorIs(t, err, resource.ErrBadInput)
	_, err = l.Grant(ctx, "ABCD-EFGH", "a", "")
	assert.ErrorIs(t, err, resource.ErrBadInput)
	_, err = l.Revoke(ctx, "ABCD-EFGH", "")
	assert.ErrorIs(t, err, resource.ErrBadInput)
	_, err = l.Renew(ctx, "", now)
	assert.ErrorIs(t, err, resource.ErrBadInput)
	_, err = l.Redeem(ctx, "bad code!", "a", "order-1")
	var re *resource.Error
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "resource.bad_code", re.ErrorCode())
	assert.Equal(t, "R-96", re.Rule)
	assert.NotEmpty(t, re.MessageZh())
	assert.Contains(t, re.MessageEn(), "bad code!")
	// An expired instance cannot issue.
	inst := resourcetest.Instance("ins-1", "acct-a")
	inst.ExpiresAt = now
	_, err = l.Issue(ctx, inst)
	assert.True(t, errors.Is(err, resource.ErrMonthsLeft))
}
