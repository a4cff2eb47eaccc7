package shell_test

import (
	"fmt"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
	"github.com/beiankit/beian/filing/shell"
)

func ExampleGraceFor() {
	for _, p := range []string{"52", "42", "54"} {
		fmt.Println(p, shell.GraceFor(p))
	}
	// Output:
	// 52 168h0m0s
	// 42 720h0m0s
	// 54 1632h0m0s
}

// A bureau that reads Hubei's notice as one week hands its own province
// table to the classifier; other provinces keep the default graces.
func ExampleWithProvinceRules() {
	rules, err := filing.DefaultProvinceRules().With(filing.ProvinceRule{
		Province: "42", Kind: filing.RuleShellGraceDays, Value: 7,
		Source: "湖北通信管理局 notice as read by the caller", Checked: "2026-12-07",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	cst := calendar.Location()
	approved := time.Date(2026, 5, 1, 10, 0, 0, 0, cst)
	rec := record.Record{
		Subject:  record.Subject{Number: "鄂ICP备2025001234号", Province: "42", Status: filing.StatusApproved},
		Websites: []record.Website{{Number: "鄂ICP备2025001234号-1", Status: filing.StatusApproved, ApprovedAt: approved}},
	}
	asOf := approved.AddDate(0, 0, 10)
	for _, opts := range [][]shell.StreamOption{nil, {shell.WithProvinceRules(rules)}} {
		r, err := shell.ClassifyRecord(rec, asOf, opts...)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.Findings[0].Rule, r.Findings[0].Kind, r.Findings[0].ShellDate)
	}
	fmt.Println(shell.GraceIn(rules, "42", asOf), shell.GraceIn(rules, "54", asOf))
	// Output:
	// R-64 website_at_risk 2026-05-31
	// R-61 shell_website 2026-05-08
	// 168h0m0s 1632h0m0s
}
