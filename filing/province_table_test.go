package filing_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
)

// oldValidityRules is data/validity_rules.json as it was before its
// province rows moved into the province table (testdata/validity_rules_old.json).
type oldValidityRules struct {
	Certificate struct {
		DefaultMonths int            `json:"default_months"`
		ByType        map[string]int `json:"by_type"`
		Provinces     map[string]int `json:"provinces"`
	} `json:"certificate"`
	Domain struct {
		WarnMonths int            `json:"warn_months"`
		Provinces  map[string]int `json:"provinces"`
	} `json:"domain"`
	Holder struct {
		Default   string            `json:"default"`
		Provinces map[string]string `json:"provinces"`
	} `json:"holder"`
}

// TestR84_R85_DefaultTableKeepsTheOldValidityAnswers compares the default
// table's answers with the old data file's for every province.
func TestR84_R85_DefaultTableKeepsTheOldValidityAnswers(t *testing.T) {
	b, err := os.ReadFile("testdata/validity_rules_old.json")
	require.NoError(t, err)
	var old oldValidityRules
	require.NoError(t, json.Unmarshal(b, &old))
	r := filing.DefaultProvinceRules()
	provinces := filing.Provinces()
	require.NotEmpty(t, provinces)
	for _, p := range provinces {
		code := p.Code
		for _, ct := range []filing.CertType{filing.CertResidentID, filing.CertPassport, filing.CertUSCC} {
			want := old.Certificate.DefaultMonths
			if n, ok := old.Certificate.Provinces[code]; ok {
				want = n
			}
			if n, ok := old.Certificate.ByType[string(ct)]; ok && n > want {
				want = n
			}
			assert.Equal(t, want, r.CertMinMonths(code, ct, cst(2026, 3, 5)), "cert %s %s", code, ct)
			assert.Equal(t, want, filing.CertMinMonths(code, ct), "cert %s %s", code, ct)
		}
		wantMonths, wantRefused := old.Domain.WarnMonths, false
		if n, ok := old.Domain.Provinces[code]; ok {
			wantMonths, wantRefused = n, true
		}
		months, refused := r.DomainMinMonths(code, cst(2026, 3, 5))
		assert.Equal(t, wantMonths, months, "domain months %s", code)
		assert.Equal(t, wantRefused, refused, "domain refused %s", code)
		wantHolder := old.Holder.Default
		if h, ok := old.Holder.Provinces[code]; ok {
			wantHolder = h
		}
		assert.Equal(t, filing.HolderPolicy(wantHolder), filing.HolderPolicyOf(code), "holder %s", code)
	}
}

func TestR84_CertMinFromCallersTable(t *testing.T) {
	asOf := cst(2026, 3, 5)
	p := filing.Person{CertType: filing.CertResidentID, CertValidity: filing.Validity{End: day(2026, 8, 1)}}
	require.NoError(t, filing.CheckPersonValidity(p, "52", asOf), "5 months left pass the default 3")
	r, err := filing.DefaultProvinceRules().With(filing.ProvinceRule{Province: "52", Kind: filing.RuleCertMinMonths, Value: 6, Source: "a caller's bureau notice"})
	require.NoError(t, err)
	assert.Equal(t, 6, r.CertMinMonths("52", filing.CertResidentID, asOf))
	assert.ErrorIs(t, r.CheckPersonValidity(p, "52", asOf), certno.CodeCertValidityShort)
	assert.NoError(t, r.CheckPersonValidity(p, "45", asOf), "other provinces keep the national row")
	// Switched off: no province minimum, a passport's own 6 months remain.
	off, err := filing.DefaultProvinceRules().With(filing.ProvinceRule{Province: "*", Kind: filing.RuleCertMinMonths, Off: true, Source: "test"})
	require.NoError(t, err)
	assert.Equal(t, 0, off.CertMinMonths("52", filing.CertResidentID, asOf))
	assert.Equal(t, 6, off.CertMinMonths("52", filing.CertPassport, asOf))
}

func TestR85_DomainMinFromCallersTable(t *testing.T) {
	asOf := cst(2026, 3, 5)
	s := org()
	s.Province = "45" // Guangxi: warned by default
	d := reg()
	d.Expires = day(2026, 5, 5)
	warnings, err := filing.CheckDomainRegistration(s, d, asOf)
	require.NoError(t, err)
	require.Len(t, warnings, 1)
	r, err := filing.DefaultProvinceRules().With(filing.ProvinceRule{Province: "45", Kind: filing.RuleDomainMinMonths, Value: 3, Policy: filing.DomainMinRefused, Source: "a caller's bureau notice"})
	require.NoError(t, err)
	warnings, err = r.CheckDomainRegistration(s, d, asOf)
	assert.Empty(t, warnings)
	assert.ErrorIs(t, err, filing.CodeDomainExpiringSoon)
	w := filing.Website{Domains: []string{d.Domain}, Registrations: []filing.DomainRegistration{d}}
	_, err = r.CheckWebsiteRegistrations(s, w, asOf)
	assert.ErrorIs(t, err, filing.CodeDomainExpiringSoon)
}

func TestR85_HolderFromCallersTable(t *testing.T) {
	asOf := cst(2026, 3, 5)
	d := reg()
	d.Holder, d.HolderCertNumber = "张三", "" // the legal representative
	_, err := filing.CheckDomainRegistration(org(), d, asOf)
	require.ErrorIs(t, err, filing.CodeHolderMismatch, "Guizhou: exact subject by default")
	r, err := filing.DefaultProvinceRules().With(filing.ProvinceRule{Province: "52", Kind: filing.RuleDomainHolder, Policy: string(filing.HolderReg264), Source: "工信部信管〔2017〕264号"})
	require.NoError(t, err)
	assert.Equal(t, filing.HolderReg264, r.HolderPolicy("52", asOf))
	_, err = r.CheckDomainRegistration(org(), d, asOf)
	assert.NoError(t, err)
}

// TestProvinceTable_EveryRowSourcedAndDated: every row of the embedded
// table has a source and the day it was checked, and every kind has a row.
func TestProvinceTable_EveryRowSourcedAndDated(t *testing.T) {
	r := filing.DefaultProvinceRules()
	kinds := map[filing.RuleKind]bool{}
	for _, row := range r.Rules() {
		assert.NotEmpty(t, row.Source, "%s %s", row.Province, row.Kind)
		assert.Regexp(t, `^\d{4}-\d\d-\d\d$`, row.Checked, "%s %s", row.Province, row.Kind)
		kinds[row.Kind] = true
	}
	for _, k := range filing.RuleKinds() {
		assert.True(t, kinds[k], "no row of kind %s", k)
	}
	// The DESIGN rows say so in their source.
	for _, row := range r.Rules() {
		if row.Design {
			assert.Contains(t, row.Source, "DESIGN", "%s %s", row.Province, row.Kind)
		}
	}
}

func TestProvinceTable_RejectsBadRows(t *testing.T) {
	bad := map[string]filing.ProvinceRule{
		"unknown kind":              {Province: "11", Kind: "no_such_kind", Source: "x"},
		"no source":                 {Province: "11", Kind: filing.RuleShellGraceDays, Value: 7},
		"grace without days":        {Province: "11", Kind: filing.RuleShellGraceDays, Source: "x"},
		"negative review limit":     {Province: "11", Kind: filing.RuleReviewLimit, Value: -1, Policy: filing.ReviewFromSubmission, Source: "x"},
		"review without start":      {Province: "11", Kind: filing.RuleReviewLimit, Value: 20, Source: "x"},
		"review from nowhere":       {Province: "11", Kind: filing.RuleReviewLimit, Value: 20, Policy: "tomorrow", Source: "x"},
		"change allowance unknown":  {Province: "11", Kind: filing.RuleChangeSubjectToOther, Policy: "sometimes", Source: "x"},
		"flag kind with a value":    {Province: "11", Kind: filing.RuleChangeNameLetter, Value: 1, Source: "x"},
		"flag kind with a policy":   {Province: "11", Kind: filing.RuleChangeFaceCheck, Policy: "never", Source: "x"},
		"holder policy unknown":     {Province: "11", Kind: filing.RuleDomainHolder, Policy: "anyone", Source: "x"},
		"domain months no policy":   {Province: "11", Kind: filing.RuleDomainMinMonths, Value: 3, Source: "x"},
		"cert months zero":          {Province: "11", Kind: filing.RuleCertMinMonths, Source: "x"},
		"checked not a date":        {Province: "11", Kind: filing.RuleChangeFaceCheck, Source: "x", Checked: "yesterday"},
		"same principal elsewhere":  {Province: "11", Kind: filing.RuleLandlineRequired, SamePrincipal: true, Source: "x"},
		"unknown province of grace": {Province: "99", Kind: filing.RuleShellGraceDays, Value: 7, Source: "x"},
	}
	for name, row := range bad {
		_, err := filing.NewProvinceRules(row)
		assert.ErrorIs(t, err, filing.CodeProvinceRulesInvalid, name)
		_, err = filing.DefaultProvinceRules().With(row)
		assert.ErrorIs(t, err, filing.CodeProvinceRulesInvalid, name)
		b, merr := json.Marshal(map[string]any{"rules": []filing.ProvinceRule{row}})
		require.NoError(t, merr)
		_, err = filing.LoadProvinceRules(b)
		assert.ErrorIs(t, err, filing.CodeProvinceRulesInvalid, name)
	}
	assert.Equal(t, "rules.invalid", string(filing.CodeProvinceRulesInvalid), "the code never changes")
	_, err := filing.NewProvinceRules(filing.ProvinceRule{Province: "11", Kind: filing.RuleShellGraceDays, Off: true, Source: "x"})
	assert.NoError(t, err, "an Off row needs no value")
}
