package numbering_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/filing/province"
	"github.com/beiankit/beian/numbering"
)

// codesOf lists the codes of problems, nil for none.
func codesOf(ps []*problem.Problem) []problem.Code {
	var out []problem.Code
	for _, p := range ps {
		out = append(out, p.Code)
	}
	return out
}

// TestR87_PSNumber: the cases of filing's former ParsePSNumber test, read by
// the one parser. One case changed with the move: a 公网安备 number without
// its closing 号 is accepted (numbering has always read footers that omit
// it, and a form field now reads the same way).
func TestR87_PSNumber(t *testing.T) {
	cases := []struct {
		in       string
		province string
		digits   string
		legacy   bool
		code     problem.Code
		warnings []problem.Code
	}{
		{"京公网安备11010802035340号", "11", "11010802035340", false, "", nil},
		{"粤公网安备44030502008569号", "44", "44030502008569", false, "", nil},
		{"粤公网安备 44140202000117号", "44", "44140202000117", false, "", nil},
		{"京公网安备１１０１０８０２０３５３４０号", "11", "11010802035340", false, "", nil},
		{"京公网安备11000002000001号", "11", "11000002000001", false, "", nil},
		{"川公网安备51010702000001号", "51", "51010702000001", false, "", nil},
		{"京公网安备99999902000001号", "11", "99999902000001", false, "", []problem.Code{numbering.CodePSAreaUnknown}},
		{"沪公网安备11010802035340号", "31", "11010802035340", false, "", []problem.Code{numbering.CodePSProvinceMismatch}},
		{"浙备3301000000001号", "33", "3301000000001", true, "", []problem.Code{numbering.CodePSLegacy}},
		{"京公网安备110108020353号", "11", "110108020353", true, "", []problem.Code{numbering.CodePSLegacy}},
		{"京ICP备05002571号", "", "", false, numbering.CodePSNumberFormat, nil},
		{"京公网安备11010802035340", "11", "11010802035340", false, "", nil}, // was CodePSNumberFormat in filing
		{"X公网安备11010802035340号", "", "", false, numbering.CodePSNumberFormat, nil},
		{"", "", "", false, numbering.CodePSNumberEmpty, nil},
		{"京公网安备1101a802035340号", "", "", false, numbering.CodePSNumberFormat, nil},
	}
	for _, tc := range cases {
		n, warnings, err := numbering.ParsePublicSecurity(tc.in)
		if tc.code != "" {
			assert.ErrorIs(t, err, tc.code, tc.in)
			continue
		}
		if !assert.NoError(t, err, tc.in) {
			continue
		}
		assert.Equal(t, tc.province, n.ProvinceCode(), tc.in)
		assert.Equal(t, tc.digits, n.Serial(), tc.in)
		assert.Equal(t, tc.legacy, n.Legacy(), tc.in)
		assert.Equal(t, tc.warnings, codesOf(warnings), tc.in)
	}
	name, ok := province.AreaCode("440305")
	assert.True(t, ok)
	assert.Equal(t, "南山区", name)
	assert.Equal(t, "2023-06-30", province.AreaCodesAsOf())
}

// TestR87_DivisionTableIsGBT2260: the division table holds the GB/T 2260
// rows the statistics bureau's table lacks, so a public-security number of
// 三沙市西沙区 names a known area.
func TestR87_DivisionTableIsGBT2260(t *testing.T) {
	for code, want := range map[string]string{
		"460302": "西沙区", "460303": "南沙区", "710000": "台湾省", "810000": "香港特别行政区", "820000": "澳门特别行政区",
		"460300": "三沙市", "440305": "南山区",
	} {
		name, ok := province.AreaCode(code)
		assert.True(t, ok, code)
		assert.Equal(t, want, name, code)
	}
	n, warnings, err := numbering.ParsePublicSecurity("琼公网安备46030202000001号")
	assert.NoError(t, err)
	assert.Empty(t, warnings, "460302 is a known area code")
	assert.Equal(t, "460302", n.Region())
}

// TestR87_ParseAndParsePublicSecurityAgree: on public-security numbers of
// every form, on other record numbers and on garbage, ParsePublicSecurity
// returns what Parse returns (the same Number, or an error for the same
// inputs) and the warnings of that Number: one code path.
func TestR87_ParseAndParsePublicSecurityAgree(t *testing.T) {
	inputs := []string{
		"京公网安备11010802035340号", "京公网安备 11010802035340", "沪公网安备: 31010902002961号",
		"京公网安备１１０１０８０２０３５３４０号", "蜀公网安备51078202110037号", "貴公網安備52052302000396號",
		"京公网安备99999902000001号", "沪公网安备11010802035340号", "京公网安备110105000655号",
		"陕公网安备110105006181号", "浙备3301000000001号", "浙備33010000000012號",
		"京公网安备1101050203014号", "滇公网安备 5303810000000 号", "京公网安备11010502030143号-1",
		"浙备3301000000001", "京ICP备05002571号", "京B2-20090059", "", "  ", "\xff", "京公网安备",
	}
	for _, s := range inputs {
		want, perr := numbering.Parse(s)
		n, warnings, err := numbering.ParsePublicSecurity(s)
		if perr != nil || want.Kind() != numbering.KindPublicSecurity {
			var p *problem.Problem
			require.ErrorAs(t, err, &p, "%q", s)
			assert.Contains(t, []problem.Code{numbering.CodePSNumberFormat, numbering.CodePSNumberEmpty}, p.Code, "%q", s)
			assert.Equal(t, errors.Is(perr, numbering.CodeEmpty), p.Code == numbering.CodePSNumberEmpty, "%q", s)
			assert.True(t, n.IsZero(), "%q", s)
			continue
		}
		require.NoError(t, err, "%q", s)
		assert.Equal(t, want, n, "%q", s)
		assert.Equal(t, codesOf(want.Warnings()), codesOf(warnings), "%q", s)
		assert.Equal(t, want.Legacy(), containsCode(warnings, numbering.CodePSLegacy), "%q", s)
	}
}

func containsCode(ps []*problem.Problem, c problem.Code) bool {
	for _, p := range ps {
		if p.Code == c {
			return true
		}
	}
	return false
}

// TestR87_LegacyForms: each older form parses to a Legacy number that
// prints back as given and reparses to itself; a current number is not
// Legacy; warnings carry the canonical number, not the raw input.
func TestR87_LegacyForms(t *testing.T) {
	for _, c := range []struct {
		in, canonical string
		legacy        bool
	}{
		{"京公网安备11010802035340号", "京公网安备11010802035340号", false},
		{"京公网安备 110105000655", "京公网安备110105000655号", true},
		{"浙 备 3301000000001 号", "浙备3301000000001号", true},
		{"浙备33010000000012号", "浙备33010000000012号", true}, // 14 digits, but the older form: not validated
		{"浙备12345678号", "浙备12345678号", true},
		{"浙备1234567890123456789号", "浙备1234567890123456789号", true},
	} {
		n, err := numbering.Parse(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.canonical, n.String(), c.in)
		assert.Equal(t, c.legacy, n.Legacy(), c.in)
		back, err := numbering.Parse(n.String())
		require.NoError(t, err, c.in)
		assert.Equal(t, n, back, c.in)
		if c.legacy {
			require.Len(t, n.Warnings(), 1, c.in)
			assert.Equal(t, numbering.CodePSLegacy, n.Warnings()[0].Code, c.in)
			assert.Contains(t, n.Warnings()[0].Zh, c.canonical, c.in)
		}
	}
	// The 备 form and the 公网安备 form of the same 14 digits are two
	// numbers: the older one is not validated.
	assert.NotEqual(t, numbering.MustParse("浙备33010000000012号"), numbering.MustParse("浙公网安备33010000000012号"))
	// Other kinds have no warnings and are never Legacy.
	icp := numbering.MustParse("京ICP备05002571号")
	assert.False(t, icp.Legacy())
	assert.Nil(t, icp.Warnings())
	assert.False(t, numbering.Number{}.Legacy())
}

// TestR87_WarningMessages: the warnings say which area code and which
// abbreviation, in both languages, and belong to R-87.
func TestR87_WarningMessages(t *testing.T) {
	_, w, err := numbering.ParsePublicSecurity("京公网安备99999902000001号")
	require.NoError(t, err)
	require.Len(t, w, 1)
	assert.Equal(t, "R-87", w[0].Rule)
	assert.Contains(t, w[0].Zh, "999999")
	assert.Contains(t, w[0].En, province.AreaCodesAsOf())

	_, w, err = numbering.ParsePublicSecurity("沪公网安备11010802035340号")
	require.NoError(t, err)
	require.Len(t, w, 1)
	assert.Equal(t, "R-87", w[0].Rule)
	assert.Contains(t, w[0].Zh, "沪")
	assert.Contains(t, w[0].Zh, "110108")

	_, _, err = numbering.ParsePublicSecurity("  京ICP备05002571号\xff  ")
	var p *problem.Problem
	require.ErrorAs(t, err, &p)
	assert.Equal(t, "R-87", p.Rule)
	assert.Contains(t, p.Zh, "京ICP备05002571号?", "the input quoted trimmed and as valid UTF-8")
	_, _, err = numbering.ParsePublicSecurity("京公网安备" + "１１０１０８０２０３５３４０１２３４５６７８９０号")
	require.ErrorAs(t, err, &p)
	assert.Contains(t, p.Zh, "…", "a long input is cut")
}
