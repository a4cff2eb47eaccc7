package change_test

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/change"
)

// TestR81_DefaultTableKeepsTheOldChangeRules compares the default province
// table's change rules with the old data/change_rules.json (kept in
// testdata) for every province.
func TestR81_DefaultTableKeepsTheOldChangeRules(t *testing.T) {
	b, err := os.ReadFile("testdata/change_rules_old.json")
	require.NoError(t, err)
	var old struct {
		Default   change.Rules               `json:"default"`
		Provinces map[string]json.RawMessage `json:"provinces"`
	}
	require.NoError(t, json.Unmarshal(b, &old))
	provinces := filing.Provinces()
	require.NotEmpty(t, provinces)
	for _, p := range append(provinces, filing.Province{Code: ""}) {
		want := old.Default
		if raw, ok := old.Provinces[p.Code]; ok {
			require.NoError(t, json.Unmarshal(raw, &want))
		}
		assert.Equal(t, want, change.RulesOf(p.Code), p.Code)
		assert.Equal(t, want, change.RulesIn(filing.DefaultProvinceRules(), p.Code, time.Now()), p.Code)
	}
}

// withRow returns the default table with one more row.
func withRow(t *testing.T, row filing.ProvinceRule) *filing.ProvinceRules {
	t.Helper()
	row.Source = "a caller's reading of its bureau's notice"
	r, err := filing.DefaultProvinceRules().With(row)
	require.NoError(t, err)
	return &r
}

func TestR81_ChangeRulesFromCallersTable(t *testing.T) {
	cases := []struct {
		name    string
		edit    func(f *filing.Filing)
		row     filing.ProvinceRule
		without []filing.Code // under the default table
		with    []filing.Code // under the caller's
	}{
		{"subject A to B", func(f *filing.Filing) {
			f.Subject.Name, f.Subject.CertNumber = "另一家科技有限公司", "91520000MA6TGXXX0X"
		}, filing.ProvinceRule{Province: "52", Kind: filing.RuleChangeSubjectToOther, Policy: filing.ChangeAlways},
			[]filing.Code{change.CodeSubjectReplaced}, nil},
		{"certificate number alone", func(f *filing.Filing) { f.Subject.CertNumber = "91520000MA6XXXXX0X" },
			filing.ProvinceRule{Province: "*", Kind: filing.RuleChangeCertNumber, Policy: filing.ChangeAlways},
			[]filing.Code{change.CodeCertNumberChanged}, nil},
		{"name change letter", func(f *filing.Filing) { f.Subject.Name = "新名称科技有限公司" },
			filing.ProvinceRule{Province: "52", Kind: filing.RuleChangeNameLetter},
			nil, []filing.Code{change.CodeNameChangeLetter}},
	}
	for _, tc := range cases {
		old := filed(t, "52")
		nw := clone(old)
		tc.edit(nw)
		_, err := change.Check(old, nw, change.Options{})
		require.Equal(t, tc.without, codes(err), tc.name)
		_, err = change.Check(old, nw, change.Options{ProvinceRules: withRow(t, tc.row)})
		assert.Equal(t, tc.with, codes(err), tc.name)
	}

	// Individual to organisation.
	old := filedIndividual()
	nw := clone(old)
	nw.Subject.Nature = filing.NatureEnterprise
	_, err := change.Check(old, nw, change.Options{})
	require.ErrorIs(t, err, change.CodeToOrganisation)
	_, err = change.Check(old, nw, change.Options{ProvinceRules: withRow(t, filing.ProvinceRule{Province: "52", Kind: filing.RuleChangeIndividualToOrganisation, Policy: filing.ChangeAlways})})
	assert.NotErrorIs(t, err, change.CodeToOrganisation)

	// Face check on every change.
	old = filed(t, "52")
	nw = clone(old)
	nw.Subject.Address = "贵州省贵阳市观山湖区新地址1号"
	plan, err := change.Check(old, nw, change.Options{})
	require.NoError(t, err)
	require.False(t, plan.FaceCheck)
	plan, err = change.Check(old, nw, change.Options{ProvinceRules: withRow(t, filing.ProvinceRule{Province: "52", Kind: filing.RuleChangeFaceCheck})})
	require.NoError(t, err)
	assert.True(t, plan.FaceCheck)

	// A dated row applies from its day (Options.At).
	dated := withRow(t, filing.ProvinceRule{Province: "52", Kind: filing.RuleChangeFaceCheck, Since: "2027-01-01"})
	plan, err = change.Check(old, nw, change.Options{ProvinceRules: dated, At: time.Date(2026, 12, 31, 12, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	assert.False(t, plan.FaceCheck)
	plan, err = change.Check(old, nw, change.Options{ProvinceRules: dated, At: time.Date(2027, 1, 1, 12, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	assert.True(t, plan.FaceCheck)
}
