package filing_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

// A caller whose bureau refuses domains expiring within 3 months, and
// accepts the legal representative as holder, adds those rows to its table
// and runs the registry checks under it; the default table only warns in
// Guangxi and wants the exact subject.
func ExampleProvinceRules_CheckDomainRegistration() {
	rules, err := filing.DefaultProvinceRules().With(
		filing.ProvinceRule{Province: "45", Kind: filing.RuleDomainMinMonths, Value: 3, Policy: filing.DomainMinRefused,
			Source: "广西 bureau notice as read by the caller", Checked: "2026-12-07"},
		filing.ProvinceRule{Province: "45", Kind: filing.RuleDomainHolder, Policy: string(filing.HolderSubjectOrLegalRep),
			Source: "广西 bureau notice as read by the caller", Checked: "2026-12-07"},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	cst := calendar.Location()
	s := filing.Subject{Province: "45", Name: "南宁示例网络有限公司", Nature: filing.NatureEnterprise,
		CertType: filing.CertUSCC, CertNumber: "91450100MA5XXXXX0X", LegalRepresentative: "王五"}
	d := filing.DomainRegistration{Domain: "example.cn", Holder: "王五", Registrar: "阿里云计算有限公司",
		RealNameVerified: true, Expires: time.Date(2026, 5, 1, 0, 0, 0, 0, cst)}
	asOf := time.Date(2026, 3, 5, 10, 0, 0, 0, cst)
	for _, r := range []filing.ProvinceRules{filing.DefaultProvinceRules(), rules} {
		warnings, err := r.CheckDomainRegistration(s, d, asOf)
		fmt.Println(len(warnings), "warning(s);", err)
	}
	// Output:
	// 1 warning(s); filing: registry.holder: domain example.cn: the holder does not match the subject (policy exact_subject)
	// 0 warning(s); filing: registry.expiring_soon: domain example.cn must be valid for more than 3 months (expires 2026-05-01): renew it first
}

// The minimum remaining validity of a responsible person's certificate is a
// row of the table; a certificate type's own minimum (a passport's 6
// months) applies when larger.
func ExampleProvinceRules_CertMinMonths() {
	at := time.Date(2026, 3, 5, 10, 0, 0, 0, calendar.Location())
	r := filing.DefaultProvinceRules()
	fmt.Println(r.CertMinMonths("52", filing.CertResidentID, at), r.CertMinMonths("52", filing.CertPassport, at))
	months, refused := r.DomainMinMonths("52", at)
	fmt.Println(months, refused, r.HolderPolicy("44", at))
	// Output:
	// 3 6
	// 3 true subject_or_legal_rep
}

// RuleKinds lists what the province table may hold.
func ExampleRuleKinds() {
	n := 0
	for _, k := range filing.RuleKinds() {
		if row, ok := filing.DefaultProvinceRules().Lookup("36", k, time.Date(2026, 3, 5, 0, 0, 0, 0, calendar.Location())); ok && row.Province == "36" {
			fmt.Println(strings.TrimSpace(fmt.Sprintln(k, row.Value, row.Policy)))
			n++
		}
	}
	fmt.Println(n, "of Jiangxi's own rows")
	// Output:
	// cross_province 0 residence_permit
	// emergency_phone_cross 0
	// landline_required 0
	// min_age 16
	// review_limit_days 15 form_arrival
	// 5 of Jiangxi's own rows
}
