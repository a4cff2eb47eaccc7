package lifecycle_test

import (
	"fmt"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/sms"
)

// The review limit is a row of the province table: a caller whose bureau
// announces a shorter limit hands its own table to DueWith.
func ExampleReviewOf() {
	cst := calendar.Location()
	rules, err := filing.DefaultProvinceRules().With(filing.ProvinceRule{
		Province: "36", Kind: filing.RuleReviewLimit, Value: 10, Policy: filing.ReviewFromForm,
		Source: "江西 bureau notice as read by the caller", Checked: "2026-12-07",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2026, 3, 2, 15, 0, 0, 0, cst)
	fmt.Println(lifecycle.ReviewOf(filing.DefaultProvinceRules(), "36", at).Workdays, lifecycle.ReviewOf(rules, "36", at).Workdays,
		lifecycle.ReviewOf(rules, "52", at).Workdays)

	s := lifecycle.State{Type: sms.NewFiling, Province: "36", Status: filing.StatusBureauReview,
		ReviewFrom: at, FormAt: time.Date(2026, 3, 4, 10, 0, 0, 0, cst)}
	due, kind, _, _ := s.Due(nil)
	fmt.Println(kind.RuleID(), due.Format("2006-01-02"))
	due, kind, _, _ = s.DueWith(nil, rules)
	fmt.Println(kind.RuleID(), due.Format("2006-01-02"))
	// Output:
	// 15 10 20
	// R-21 2026-03-25
	// R-21 2026-03-18
}
