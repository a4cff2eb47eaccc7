package filing

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"
)

// codesAt returns the codes of the problems at one path.
func codesAt(t *testing.T, err error, path string) []Code {
	t.Helper()
	var out []Code
	for _, p := range problemsOf(t, err) {
		if p.Path == path {
			out = append(out, p.Code)
		}
	}
	return out
}

// expect checks that err has exactly the wanted "path code" problems.
func expect(t *testing.T, err error, want ...string) {
	t.Helper()
	got := pathCodes(problemsOf(t, err))
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("problems\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestR01_NewSubjectNeedsAWebsite(t *testing.T) {
	f := validFiling(t)
	f.Websites = nil
	expect(t, validateAt(f), "websites filing.no_website")
	// A subject that already has its number may be filed alone (a change).
	f.Subject.Number = "黔ICP备2026001073号"
	expect(t, validateAt(f))
}

func TestR01_DuplicateDomains(t *testing.T) {
	f := validFiling(t)
	f.Websites[2].Domains = []string{"xn--fsqu00a.xn--fiqs8s"} // the A-label of websites[1]'s 例子.中国
	f.Websites[2].HomeURL = "http://例子.中国/shop"
	err := validateAt(f)
	expect(t, err, "websites[2].domains[0] filing.duplicate_domain")
	var ve *ValidationError
	errors.As(err, &ve)
	if !strings.Contains(ve.Problems[0].Zh, "例子.中国") {
		t.Errorf("message shows %q", ve.Problems[0].Zh)
	}
	// Inside one (existing, multi-domain) website too; case and trailing dot do not hide it.
	f = validFiling(t)
	f.Websites[0].Number = "黔ICP备2026001073号-1"
	f.Websites[0].Domains = []string{"example.com", "EXAMPLE.COM."}
	expect(t, validateAt(f), "websites[0].domains[1] filing.duplicate_domain")
}

func TestR01_ManyDomainsUseTheMap(t *testing.T) {
	f := validFiling(t)
	f.Subject.Number = "黔ICP备2026001073号"
	f.Websites = f.Websites[:1]
	w := f.Websites[0]
	w.Number = "黔ICP备2026001073号-1"
	w.Domains = nil
	for i := range 19 {
		w.Domains = append(w.Domains, "site"+string(rune('a'+i))+".cn")
	}
	w.Domains = append(w.Domains, "sitea.cn")
	w.HomeURL = "sitea.cn"
	f.Websites[0] = w
	expect(t, validateAt(f), "websites[0].domains[19] filing.duplicate_domain")
}

func TestR03_PrincipalAndLegalRepresentative(t *testing.T) {
	tests := []struct {
		name     string
		province string
		letter   bool
		legalRep string
		want     []string
	}{
		{"principal is the legal representative", "11", false, "张伟", nil},
		{"legal representative name with stray spaces", "11", false, " 张 伟 ", nil},
		{"legal representative missing", "11", false, "", []string{"subject.legal_representative subject.legal_representative_required"}},
		{"Beijing: no letters", "11", false, "刘强", []string{"subject.principal.name subject.principal_not_legal_rep"}},
		{"Beijing: letter not accepted", "11", true, "刘强", []string{"subject.authorisation_letter subject.authorisation_letter_not_accepted"}},
		{"Guangdong: letter not accepted", "44", true, "刘强", []string{"subject.authorisation_letter subject.authorisation_letter_not_accepted"}},
		{"Guizhou (网站备案日常问题解答): letter accepted", "52", true, "刘强", nil},
		{"Guizhou: letter missing", "52", false, "刘强", []string{"subject.authorisation_letter subject.authorisation_letter_required"}},
		{"Hainan: letter accepted", "46", true, "刘强", nil},
		{"Gansu: letter accepted", "62", true, "刘强", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := validFiling(t)
			f.Subject.Province = tt.province
			f.Subject.AuthorisationLetter = tt.letter
			f.Subject.LegalRepresentative = tt.legalRep
			expect(t, validateAt(f), tt.want...)
		})
	}
}

// Jiangsu and Anhui accept a letter, and then want the website principal to
// be the subject principal; the website principal may otherwise be anyone.
func TestR03_LetterSamePrincipal(t *testing.T) {
	for _, prov := range []string{"32", "34"} {
		f := validFiling(t)
		f.Subject.Province = prov
		f.Subject.LegalRepresentative = "刘强"
		f.Subject.AuthorisationLetter = true
		expect(t, validateAt(f),
			"websites[0].principal.name website.principal_must_be_subject_principal",
			"websites[1].principal.name website.principal_must_be_subject_principal",
			"websites[2].principal.name website.principal_must_be_subject_principal")
		for i := range f.Websites {
			f.Websites[i].Principal = f.Subject.Principal
		}
		expect(t, validateAt(f))
		// Without a letter, the website principal may be anyone.
		g := validFiling(t)
		g.Subject.Province = prov
		expect(t, validateAt(g))
	}
}

func TestR05_CertificateAgainstJudgement(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(f *Filing)
		want   []string
	}{
		{"organisation with a personal certificate", func(f *Filing) {
			f.Subject.CertType, f.Subject.CertNumber = CertResidentID, f.Subject.Principal.CertNumber
		}, []string{"subject.cert_type subject.personal_cert_for_organisation"}},
		{"company name filed as individual", func(f *Filing) {
			f.Subject.Nature = NatureIndividual
		}, []string{"subject.nature subject.kind_conflict"}},
		{"personal name filed as enterprise", func(f *Filing) {
			f.Subject.Name = "张伟"
		}, []string{"subject.nature subject.kind_conflict"}},
		{"个体工商户 without trade name, noted in remarks", func(f *Filing) {
			f.Subject.Name = "张伟"
			f.Subject.Remarks = "无字号无公章个体工商户"
		}, nil},
		{"个体工商户 with trade name", func(f *Filing) {
			f.Subject.Name = "张伟（个体工商户）"
		}, nil},
		{"government with a business licence", func(f *Filing) {
			f.Subject.Name = "贵阳市大数据发展管理局"
			f.Subject.Nature = NatureGovernment
		}, []string{"subject.cert_type subject.cert_not_accepted"}},
		{"government with a certno.USCC certificate", func(f *Filing) {
			f.Subject.Name = "贵阳市大数据发展管理局"
			f.Subject.Nature = NatureGovernment
			f.Subject.CertType = CertUSCC
			f.Subject.CertNumber = "11520100MB1234567X"
		}, []string{"subject.cert_number " + string(mustCode(t, certno.CheckUSCC("11520100MB1234567X")))}},
		{"unknown nature", func(f *Filing) {
			f.Subject.Nature = "个体户"
		}, []string{"subject.nature subject.nature_unknown"}},
		{"unknown certificate type", func(f *Filing) {
			f.Subject.CertType = "军官证"
		}, []string{"subject.cert_type cert.unknown_type"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := validFiling(t)
			tt.mutate(f)
			expect(t, validateAt(f), tt.want...)
		})
	}
}

func TestR05_IndividualWithOrganisationCertificate(t *testing.T) {
	f := validIndividual(t)
	f.Subject.CertType, f.Subject.CertNumber = CertBusinessLicence, "91520000214434146R"
	expect(t, validateAt(f), "subject.cert_type subject.organisation_cert_for_individual")
}

func TestR02_IndividualPrincipalIsTheIndividual(t *testing.T) {
	f := validIndividual(t)
	f.Subject.Principal.Name = "王大明"
	expect(t, validateAt(f), "subject.principal.name subject.individual_principal_mismatch")
	f = validIndividual(t)
	f.Subject.Principal.CertNumber = testResidentID(t, "520102", "19950612", "137")
	expect(t, validateAt(f), "subject.principal.cert_number subject.individual_principal_mismatch")
}

func TestR06_JiangxiNeedsLandline(t *testing.T) {
	f := validFiling(t)
	f.Subject.Province = "36"
	f.Subject.Principal.EmergencyPhone = "13600136000"
	err := validateAt(f)
	expect(t, err,
		"subject.principal.landline person.landline_required",
		"websites[0].principal.landline person.landline_required",
		"websites[1].principal.landline person.landline_required",
		"websites[2].principal.landline person.landline_required")
	var ve *ValidationError
	errors.As(err, &ve)
	if p := ve.Problems[0]; p.Label != "主体负责人固定电话" || !strings.Contains(p.Zh, "江西省") || p.Rule != "R-06" {
		t.Errorf("problem %+v", p)
	}
	f.Subject.Principal.Landline = "0791-86123456"
	for i := range f.Websites {
		f.Websites[i].Principal.Landline = "（０７９１）８６１２３４５６"
	}
	expect(t, validateAt(f))
	// Other provinces do not require it.
	g := validFiling(t)
	expect(t, validateAt(g))
}

func TestR06_EmergencyPhone(t *testing.T) {
	f := validFiling(t)
	f.Websites[0].Principal.EmergencyPhone = "139 0013 9000" // the person's own mobile
	expect(t, validateAt(f), "websites[0].principal.emergency_phone person.emergency_same_as_mobile")

	// Jiangxi: the two principals' mobiles are not each other's emergency phone.
	g := validFiling(t)
	g.Subject.Province = "36"
	g.Subject.Principal.Landline = "0791-86123456"
	g.Subject.Principal.EmergencyPhone = "13900139000" // the website principal's mobile
	for i := range g.Websites {
		g.Websites[i].Principal.Landline = "0791-86123456"
	}
	g.Websites[2].Principal.EmergencyPhone = "13800138000" // the subject principal's mobile
	expect(t, validateAt(g),
		"subject.principal.emergency_phone person.emergency_cross",
		"websites[2].principal.emergency_phone person.emergency_cross")
	// The same in Guizhou is fine.
	g.Subject.Province = "52"
	expect(t, validateAt(g))
}

func TestR06_MinimumAge(t *testing.T) {
	// testNow is 2026-11-23 (CST).
	tests := []struct {
		province, birth string
		tooYoung        bool
	}{
		{"12", "20081124", true},  // Tianjin 18: one day short
		{"12", "20081123", false}, // 18 today
		{"44", "20101124", true},  // Guangdong 16
		{"44", "20101123", false},
		{"37", "20091124", true},  // Shandong 17
		{"32", "20101201", true},  // Jiangsu 16
		{"36", "20101124", true},  // Jiangxi 16
		{"52", "20200101", false}, // Guizhou: no rule in the table
		{"13", "20080229", false}, // leap-day birth: 18 on 2026-03-01
	}
	for _, tt := range tests {
		t.Run(tt.province+"/"+tt.birth, func(t *testing.T) {
			f := validIndividual(t)
			region := tt.province + "0102"
			id := testResidentID(t, region, tt.birth, "135")
			f.Subject.Province = tt.province
			f.Subject.CertNumber, f.Subject.Principal.CertNumber = id, id
			f.Websites[0].Principal = f.Subject.Principal
			if tt.province == "36" {
				f.Subject.Principal.Landline = "0791-86123456"
				f.Websites[0].Principal = f.Subject.Principal
			}
			err := validateAt(f)
			if tt.tooYoung {
				expect(t, err, "subject.cert_number subject.too_young")
			} else {
				expect(t, err)
			}
		})
	}
	// The clock comes from WithNow: the same person is old enough a day later.
	f := validIndividual(t)
	id := testResidentID(t, "120102", "20081124", "135")
	f.Subject.Province = "12"
	f.Subject.CertNumber, f.Subject.Principal.CertNumber = id, id
	f.Websites[0].Principal = f.Subject.Principal
	if err := Validate(f, WithNow(func() time.Time { return testNow.AddDate(0, 0, 1) })); err != nil {
		t.Errorf("a day later: %v", err)
	}
}

func TestR06_CrossProvinceIndividual(t *testing.T) {
	tests := []struct {
		province string
		permit   bool
		want     []string
	}{
		{"44", false, []string{"subject.residence_permit subject.residence_permit_required"}},
		{"44", true, nil},
		{"62", true, []string{"subject.province subject.cross_province_refused"}},
		{"14", false, []string{"subject.province subject.cross_province_refused"}},
		{"52", false, nil}, // local ID
		{"11", false, nil}, // no rule in the table
	}
	for _, tt := range tests {
		t.Run(tt.province, func(t *testing.T) {
			f := validIndividual(t) // resident ID issued in Guizhou (52)
			f.Subject.Province = tt.province
			f.Subject.ResidencePermit = tt.permit
			expect(t, validateAt(f), tt.want...)
		})
	}
}

func TestR06_OneDomainPerNewWebsite(t *testing.T) {
	f := validFiling(t)
	f.Websites[0].Domains = []string{"example.com", "example.net"}
	expect(t, validateAt(f), "websites[0].domains website.one_domain")
	// An approved website keeps the domains it was filed with.
	f.Websites[0].Number = "黔ICP备2026001073号-1"
	expect(t, validateAt(f))
	// Before 2019-04-22 several domains were allowed.
	f.Websites[0].Number = ""
	if err := Validate(f, WithNow(func() time.Time { return time.Date(2019, 4, 21, 12, 0, 0, 0, time.UTC) })); err != nil {
		t.Errorf("before 2019-04-22: %v", err)
	}
}

func TestR06_PerOrderLimits(t *testing.T) {
	four := func(province string) *Filing {
		f := validFiling(t)
		f.Subject.Province = province
		f.Websites = append(f.Websites, f.Websites[0])
		f.Websites[3].Domains = []string{"example.net"}
		f.Websites[3].HomeURL = "example.net"
		return f
	}
	expect(t, validateAt(four("14")), "websites filing.too_many_domains_per_order") // Shanxi ≤ 3
	expect(t, validateAt(four("41")))                                               // Henan ≤ 5
	expect(t, validateAt(four("43")),                                               // Hunan: one site, one domain
		"websites filing.too_many_domains_per_order", "websites filing.too_many_websites_per_order")
	// Websites already approved do not count towards the order.
	f := four("14")
	f.Websites[0].Number = "晋ICP备2026001073号-1"
	expect(t, validateAt(f))
}

func TestR06_WebsitesPerSubject(t *testing.T) {
	f := validFiling(t)
	f.Subject.Province = "61"
	f.Subject.Number = "陕ICP备2026001073号"
	base := f.Websites[0]
	f.Websites = nil
	for i := range 31 {
		w := base
		w.Number = "陕ICP备2026001073号-" + strconv.Itoa(i+1) // one suffix each
		w.Domains = []string{"site" + strings.Repeat("x", i+1) + ".cn"}
		w.HomeURL = w.Domains[0]
		f.Websites = append(f.Websites, w)
	}
	expect(t, validateAt(f), "websites filing.too_many_websites")
	f.Websites[30].Status = StatusCancelled
	expect(t, validateAt(f))
}

func TestR06_PublicSectorDomains(t *testing.T) {
	gov := func(province string, domain string) *Filing {
		f := validFiling(t)
		f.Subject.Province = province
		f.Subject.Name = "某市数据管理局"
		f.Subject.Nature = NatureGovernment
		f.Subject.CertType = CertUSCC
		f.Subject.CertNumber = "91520000214434146R"
		f.Websites = f.Websites[:1]
		f.Websites[0].Domains = []string{domain}
		f.Websites[0].HomeURL = "www." + domain
		return f
	}
	expect(t, validateAt(gov("32", "example.com")), "websites[0].domains[0] domain.government_suffix_required")
	expect(t, validateAt(gov("32", "sjj.nanjing.gov.cn")), "websites[0].domains[0] domain.subdomain")
	expect(t, validateAt(gov("32", "nanjing.gov.cn")))
	expect(t, validateAt(gov("33", "数据局.政务")))
	expect(t, validateAt(gov("52", "example.com"))) // Guizhou: no such rule

	inst := func(province, domain string) *Filing {
		f := gov(province, domain)
		f.Subject.Name = "某市信息中心"
		f.Subject.Nature = NatureInstitution
		f.Subject.CertType = CertInstitution
		return f
	}
	expect(t, validateAt(inst("31", "example.com")), "websites[0].domains[0] domain.institution_suffix_required")
	expect(t, validateAt(inst("31", "example.cn")))
	expect(t, validateAt(inst("31", "example.公益")))
	// National: .gov.cn is reserved whatever the province.
	expect(t, validateAt(inst("52", "example.gov.cn")), "websites[0].domains[0] domain.government_only")
	f := validFiling(t)
	f.Websites[0].Domains = []string{"example.gov.cn"}
	f.Websites[0].HomeURL = "example.gov.cn"
	expect(t, validateAt(f), "websites[0].domains[0] domain.government_only")
}

func TestR06_ProvinceRulesOverride(t *testing.T) {
	f := validFiling(t)
	f.Subject.Province = "36"
	// Switch Jiangxi's landline rule off.
	rules, err := DefaultProvinceRules().With(ProvinceRule{Province: "36", Kind: RuleLandlineRequired, Off: true, Source: "test"})
	if err != nil {
		t.Fatal(err)
	}
	expect(t, validateAt(f, WithProvinceRules(rules)))
	// Add a national rule instead.
	rules, err = DefaultProvinceRules().With(ProvinceRule{Province: "*", Kind: RuleLandlineRequired, Source: "test"})
	if err != nil {
		t.Fatal(err)
	}
	g := validFiling(t)
	if got := codesAt(t, validateAt(g, WithProvinceRules(rules)), "subject.principal.landline"); !slices.Equal(got, []Code{CodeLandlineRequired}) {
		t.Errorf("national landline rule: %v", got)
	}
	// An empty table: no province rules at all (R-03 included).
	h := validFiling(t)
	h.Subject.LegalRepresentative = ""
	h.Subject.Province = "36"
	expect(t, validateAt(h, WithProvinceRules(ProvinceRules{})))
	// The default table is untouched by With.
	if _, ok := DefaultProvinceRules().Lookup("36", RuleLandlineRequired, testNow); !ok {
		t.Error("With changed the default table")
	}
}

func TestR06_ProvinceRulesTable(t *testing.T) {
	r := DefaultProvinceRules()
	src, compiled := r.Source()
	if src == "" || compiled == "" {
		t.Error("table without source or date")
	}
	for _, rule := range r.Rules() {
		if rule.Source == "" {
			t.Errorf("rule %s %s has no source", rule.Province, rule.Kind)
		}
	}
	if rule, ok := r.Lookup("36", RuleLandlineRequired, testNow); !ok || !strings.Contains(rule.Source, "江西省通信管理局 用户典型问题指南") {
		t.Errorf("Jiangxi landline rule: %+v %v", rule, ok)
	}
	if _, ok := r.Lookup("36", RuleOneDomainPerNewWebsite, testNow); !ok {
		t.Error("national rule not found through a province")
	}
	if _, ok := r.Lookup("36", RuleOneDomainPerNewWebsite, time.Date(2019, 4, 21, 15, 59, 0, 0, time.UTC)); ok {
		t.Error("rule applied before its date (2019-04-21 23:59 CST)")
	}
	if _, ok := r.Lookup("36", RuleOneDomainPerNewWebsite, time.Date(2019, 4, 21, 16, 0, 0, 0, time.UTC)); !ok {
		t.Error("rule not applied from 2019-04-22 00:00 CST")
	}
	age := map[string]int{"12": 18, "13": 18, "43": 18, "15": 18, "35": 18, "44": 16, "37": 17, "32": 16, "36": 16}
	for p, want := range age {
		if rule, ok := r.Lookup(p, RuleMinAge, testNow); !ok || rule.Value != want {
			t.Errorf("min age %s = %d, want %d", p, rule.Value, want)
		}
	}
	for _, p := range []string{"32", "34", "46", "62", "52"} {
		if _, ok := r.Lookup(p, RuleAuthorisationLetter, testNow); !ok {
			t.Errorf("province %s should accept letters", p)
		}
	}
	// JSON round trip.
	b, err := r.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var back ProvinceRules
	if err := back.UnmarshalJSON(b); err != nil {
		t.Fatal(err)
	}
	if len(back.Rules()) != len(r.Rules()) {
		t.Errorf("round trip: %d rules, want %d", len(back.Rules()), len(r.Rules()))
	}
}

func TestR06_LoadProvinceRulesRejectsBadTables(t *testing.T) {
	bad := []string{
		`{`,
		`{"rules":[{"province":"99","kind":"min_age","value":18,"source":"x"}]}`,
		`{"rules":[{"province":"11","kind":"no_such_kind","source":"x"}]}`,
		`{"rules":[{"province":"11","kind":"min_age","source":"x"}]}`,
		`{"rules":[{"province":"11","kind":"min_age","value":18}]}`,
		`{"rules":[{"province":"11","kind":"cross_province","policy":"maybe","source":"x"}]}`,
		`{"rules":[{"province":"11","kind":"landline_required","since":"2019-13-01","source":"x"}]}`,
		`{"rules":[{"province":"11","kind":"landline_required","source":"x"},{"province":"11","kind":"landline_required","source":"y"}]}`,
	}
	for _, b := range bad {
		if _, err := LoadProvinceRules([]byte(b)); !errors.Is(err, CodeProvinceRulesInvalid) {
			t.Errorf("LoadProvinceRules(%s) = %v", b, err)
		}
	}
	if _, err := NewProvinceRules(ProvinceRule{Province: "11", Kind: RuleMinAge, Value: 20, Source: "x"}); err != nil {
		t.Errorf("NewProvinceRules: %v", err)
	}
}

func TestR07_PreApprovals(t *testing.T) {
	f := validFiling(t)
	f.Websites[0].Involves = []PreApprovalCategory{"news", "电子公告服务"}
	err := validateAt(f)
	expect(t, err,
		"websites[0].involves[0] website.preapproval_missing",
		"websites[0].involves[1] website.preapproval_missing")
	var ve *ValidationError
	errors.As(err, &ve)
	if zh := ve.At("websites[0].involves[1]")[0].Zh; !strings.Contains(zh, "专项审批") || !strings.Contains(zh, "电子公告服务") {
		t.Errorf("BBS message %q", zh)
	}
	if zh := ve.At("websites[0].involves[0]")[0].Zh; !strings.Contains(zh, "前置审批") || !strings.Contains(zh, "新闻") {
		t.Errorf("news message %q", zh)
	}
	f.Websites[0].PreApprovals = []PreApproval{
		{Category: "新闻", Number: "黔网信备52012345号", ValidUntil: testNow.AddDate(1, 0, 0)},
		{Category: "bbs", Number: "黔通信BBS[2026]001"},
	}
	expect(t, validateAt(f))
	f.Websites[0].PreApprovals[0].ValidUntil = testNow.AddDate(0, 0, -1)
	expect(t, validateAt(f), "websites[0].pre_approvals[0].valid_until website.preapproval_expired")
	// 有效期至 a day: valid through that day in China, whatever the hour
	// (testNow is 2026-11-23 18:00 in China).
	cst := calendar.Location()
	f.Websites[0].PreApprovals[0].ValidUntil = time.Date(2026, 11, 23, 0, 0, 0, 0, cst)
	expect(t, validateAt(f))
	f.Websites[0].PreApprovals[0].ValidUntil = time.Date(2026, 11, 22, 16, 0, 0, 0, time.UTC) // 2026-11-23 00:00 in China
	expect(t, validateAt(f))
	f.Websites[0].PreApprovals[0].ValidUntil = time.Date(2026, 11, 22, 23, 59, 0, 0, cst)
	expect(t, validateAt(f), "websites[0].pre_approvals[0].valid_until website.preapproval_expired")
	f.Websites[0].Involves = []PreApprovalCategory{"astrology"}
	f.Websites[0].PreApprovals = nil
	expect(t, validateAt(f), "websites[0].involves[0] website.preapproval_unknown")
}

func TestR09_FieldChecksInAFiling(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(f *Filing)
		want   []string
	}{
		{"IP literal domain", func(f *Filing) { f.Websites[0].Domains[0] = "192.168.1.1" }, []string{"websites[0].domains[0] domain.ip_literal", "websites[0].home_url url.not_under_domain"}},
		{"port in domain", func(f *Filing) { f.Websites[0].Domains[0] = "example.com:8080" }, []string{"websites[0].domains[0] domain.port", "websites[0].home_url url.not_under_domain"}},
		{"wildcard domain", func(f *Filing) { f.Websites[0].Domains[0] = "*.example.com" }, []string{"websites[0].domains[0] domain.wildcard", "websites[0].home_url url.not_under_domain"}},
		{"com.cn", func(f *Filing) { f.Websites[2].Domains[0] = "com.cn"; f.Websites[2].HomeURL = "www.com.cn" }, []string{"websites[2].domains[0] domain.public_suffix"}},
		{".io", func(f *Filing) { f.Websites[2].Domains[0] = "example.io"; f.Websites[2].HomeURL = "example.io" }, []string{"websites[2].domains[0] domain.tld_not_approved"}},
		{"www subdomain", func(f *Filing) {
			f.Websites[2].Domains[0] = "WWW.EXAMPLE.CN."
			f.Websites[2].HomeURL = "www.example.cn"
		}, []string{"websites[2].domains[0] domain.subdomain"}},
		{"no domains", func(f *Filing) { f.Websites[1].Domains = []string{} }, []string{"websites[1].domains filing.required", "websites[1].home_url url.not_under_domain"}},
		{"home URL on another domain", func(f *Filing) { f.Websites[1].HomeURL = "http://www.example.com/" }, []string{"websites[1].home_url url.not_under_domain"}},
		{"home URL with port", func(f *Filing) { f.Websites[0].HomeURL = "https://www.example.com:8443/" }, []string{"websites[0].home_url url.port"}},
		{"home URL IP", func(f *Filing) { f.Websites[0].HomeURL = "http://1.2.3.4/" }, []string{"websites[0].home_url url.ip_host"}},
		{"resident ID checksum", func(f *Filing) {
			n := f.Websites[1].Principal.CertNumber.Raw()
			wrong := byte('0')
			if n[17] == '0' {
				wrong = '1'
			}
			f.Websites[1].Principal.CertNumber = IDNumber(n[:17] + string(wrong))
		}, []string{"websites[1].principal.cert_number id.checksum"}},
		{"passport for a person", func(f *Filing) {
			f.Websites[1].Principal.CertType, f.Websites[1].Principal.CertNumber = CertPassport, "E12345678"
		}, nil},
		{"bad e-mail", func(f *Filing) { f.Websites[0].Principal.Email = "张三 <a@b.cn>" }, []string{"websites[0].principal.email " + string(mustCode(t, contact.CheckEmail("张三 <a@b.cn>")))}},
		{"unknown province", func(f *Filing) { f.Subject.Province = "99" }, []string{"subject.province subject.province_unknown"}},
		{"province by name", func(f *Filing) { f.Subject.Province = "黔" }, nil},
		{"access period", func(f *Filing) {
			f.Websites[0].Access = []Access{{ISP: "某云", Since: testNow.AddDate(0, -1, 0), Until: testNow.AddDate(0, -2, 0)}}
		}, []string{"websites[0].access[0].until website.access_period"}},
		{"access in the future", func(f *Filing) {
			f.Websites[0].Access = []Access{{ISP: "某云", Since: testNow.AddDate(0, 0, 2)}}
		}, []string{"websites[0].access[0].since website.access_future"}},
		{"access without since", func(f *Filing) {
			f.Websites[0].Access = []Access{{ISP: "某云", ISPProvince: "52"}}
		}, []string{"websites[0].access[0].since filing.required"}},
		{"bad status", func(f *Filing) { f.Websites[0].Status = "published" }, []string{"websites[0].status filing.status_unknown"}},
		{"too many domains", func(f *Filing) {
			f.Websites[0].Number = "黔ICP备2026001073号-1"
			for i := range 20 {
				f.Websites[0].Domains = append(f.Websites[0].Domains, "a"+strings.Repeat("b", i)+".cn")
			}
		}, []string{"websites[0].domains filing.too_many"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := validFiling(t)
			tt.mutate(f)
			expect(t, validateAt(f), tt.want...)
		})
	}
}

// A birth date after the validator's clock is rejected even when the real
// clock has passed it.
func TestR09_BirthDateAgainstClock(t *testing.T) {
	f := validIndividual(t)
	id := testResidentID(t, "520102", "20200101", "135")
	f.Subject.CertNumber, f.Subject.Principal.CertNumber = id, id
	f.Websites[0].Principal = f.Subject.Principal
	past := func() time.Time { return time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC) }
	err := Validate(f, WithNow(past))
	for _, path := range []string{"subject.cert_number", "subject.principal.cert_number", "websites[0].principal.cert_number"} {
		if got := codesAt(t, err, path); !slices.Equal(got, []Code{certno.CodeIDBirthFuture}) {
			t.Errorf("%s: %v", path, got)
		}
	}
}
