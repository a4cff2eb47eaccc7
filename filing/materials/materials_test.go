package materials_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/filingtest"
	"github.com/beiankit/beian/filing/materials"
)

var at = time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)

func ids(qs []materials.Requirement) []materials.ID {
	var out []materials.ID
	for _, q := range qs {
		out = append(out, q.Material.ID)
	}
	return out
}

// the national rows and the province rows read from the province
// table.
func TestR93_Required(t *testing.T) {
	g := filingtest.New(93)

	org := g.Filing(g.Organisation("53"), 1)
	assert.Equal(t, []materials.ID{"authenticity_form", "handheld_id_photo"}, ids(materials.Required(materials.Case{Filing: org, Now: at})))
	assert.Equal(t, []materials.ID{"authenticity_form"}, ids(materials.Required(materials.Case{Filing: org, Now: at, VerifiedOnPhone: true})))

	four := g.Filing(g.Organisation("53"), 4)
	assert.Contains(t, ids(materials.Required(materials.Case{Filing: four, Now: at, VerifiedOnPhone: true})), materials.ID("domain_certificates"))

	approved := g.Filing(g.Organisation("53"), 1)
	approved.Subject.Number, approved.Websites[0].Number = "滇ICP备2026000001号", "滇ICP备2026000001号-1"
	assert.Empty(t, materials.Required(materials.Case{Filing: approved, Now: at, VerifiedOnPhone: true}), "nothing new")

	// every province whose cross-province policy asks a residence permit
	for _, p := range filing.Provinces() {
		rule, ok := filing.DefaultProvinceRules().Lookup(p.Code, filing.RuleCrossProvince, at)
		ind := g.Filing(g.Individual(p.Code), 1)
		other := "11"
		if p.Code == "11" {
			other = "12"
		}
		ind.Subject.CertNumber = filing.IDNumber(other + string(ind.Subject.CertNumber)[2:])
		got := ids(materials.Required(materials.Case{Filing: ind, Now: at, VerifiedOnPhone: true}))
		if ok && rule.Policy == "residence_permit" {
			assert.Contains(t, got, materials.ID("residence_proof"), p.Code)
		} else {
			assert.NotContains(t, got, materials.ID("residence_proof"), p.Code)
		}
		home := g.Filing(g.Individual(p.Code), 1)
		assert.NotContains(t, ids(materials.Required(materials.Case{Filing: home, Now: at})), materials.ID("residence_proof"), p.Code)
	}

	// every province that accepts an authorisation letter
	for _, p := range filing.Provinces() {
		_, ok := filing.DefaultProvinceRules().Lookup(p.Code, filing.RuleAuthorisationLetter, at)
		f := g.Filing(g.Organisation(p.Code), 1)
		f.Subject.Principal.Name = "另一人"
		got := ids(materials.Required(materials.Case{Filing: f, Now: at, VerifiedOnPhone: true}))
		assert.Equal(t, ok, contains(got, "authorisation_letter"), p.Code)
	}
	assert.Nil(t, materials.Required(materials.Case{}))
}

func contains(s []materials.ID, id materials.ID) bool {
	for _, x := range s {
		if x == id {
			return true
		}
	}
	return false
}

// the completeness check names what is missing in Chinese.
func TestR93_Check(t *testing.T) {
	g := filingtest.New(7)
	f := g.Filing(g.Organisation("53"), 1)
	c := materials.Case{Filing: f, Now: at}
	err := materials.Check(c, []materials.ID{"authenticity_form"})
	require.Error(t, err)
	assert.True(t, errors.Is(err, materials.CodeMissing))
	var me *materials.MissingError
	require.True(t, errors.As(err, &me))
	assert.Equal(t, []materials.ID{"handheld_id_photo"}, ids(me.Missing))
	assert.Equal(t, "备案材料不完整，缺少：手持证件照", me.MessageZh())
	assert.NoError(t, materials.Check(c, []materials.ID{"authenticity_form", "handheld_id_photo"}))
}

// a caller adds its province's letters and videos as rows.
func TestR93_ProvinceRows(t *testing.T) {
	r, err := materials.Default().With(materials.Row{ID: "33-video", Province: "33", Material: "promise_video", When: "organisation", Source: "the caller's bureau notice"})
	require.NoError(t, err)
	g := filingtest.New(3)
	zj := g.Filing(g.Organisation("33"), 1)
	assert.Contains(t, ids(r.Required(materials.Case{Filing: zj, Now: at, VerifiedOnPhone: true})), materials.ID("promise_video"))
	gz := g.Filing(g.Organisation("52"), 1)
	assert.NotContains(t, ids(r.Required(materials.Case{Filing: gz, Now: at, VerifiedOnPhone: true})), materials.ID("promise_video"))
	assert.NotContains(t, ids(materials.Required(materials.Case{Filing: zj, Now: at, VerifiedOnPhone: true})), materials.ID("promise_video"), "default unchanged")

	for _, bad := range []materials.Row{{ID: "x", Material: "nope", When: "always", Source: "s"}, {ID: "x", Material: "promise_video", When: "sometimes", Source: "s"}, {ID: "x", Material: "promise_video", When: "always"}} {
		_, err := materials.Default().With(bad)
		assert.Error(t, err)
	}
	_, err = materials.Parse([]byte("{"))
	assert.Error(t, err)
	assert.NotEmpty(t, materials.Default().Materials())
	assert.NotEmpty(t, materials.Default().Rows())
}

// a row's condition joins known terms with "+"; counted terms take a
// number from 1.
func TestR93_Conditions(t *testing.T) {
	assert.Contains(t, materials.Conditions(), "domain_prefixes_N")
	assert.Contains(t, materials.Conditions(), "new_website")
	for _, when := range []string{"always", "domains_4", "individual+new_website+domain_prefixes_6", "new_websites_6", "organisation+site_name_not_subject", "renamed"} {
		_, err := materials.Default().With(materials.Row{ID: "x", Material: "construction_plan", When: when, Source: "s"})
		assert.NoError(t, err, when)
	}
	for _, when := range []string{"", "domains", "domains_", "domains_0", "domains_04", "domains_x", "prefixes_3", "individual+", "individual+sometimes", "domains_-1"} {
		_, err := materials.Default().With(materials.Row{ID: "x", Material: "construction_plan", When: when, Source: "s"})
		assert.Error(t, err, when)
	}
	for _, row := range materials.Default().Rows() {
		assert.NotEmpty(t, row.Grade, row.ID)
		if row.Province != "" {
			assert.Len(t, row.Province, 2, row.ID)
		}
	}
}

func BenchmarkRequired(b *testing.B) {
	g := filingtest.New(1)
	c := materials.Case{Filing: g.Filing(g.Individual("44"), 2), Now: at}
	b.ReportAllocs()
	for b.Loop() {
		_ = materials.Required(c)
	}
}
