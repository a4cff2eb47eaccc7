package filingtest

import (
	"sync"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/province"
)

// Provinces and province rules of a Gen.

// knownPlaces are the entries of places whose province filing knows.
var knownPlaces = sync.OnceValue(func() []place {
	var out []place
	for _, p := range places {
		if _, ok := filing.ProvinceByCode(p.province); ok {
			out = append(out, p)
		}
	}
	return out
})

// provinceCode returns the GB/T 2260 code of a province given as code, name
// or abbreviation (as filing.NormalizeFiling reads it), or "".
func provinceCode(s string) string {
	s = filing.NormalizeText(s)
	for _, look := range []func(string) (filing.Province, bool){filing.ProvinceByCode, province.ByName, filing.ProvinceByAbbr} {
		if p, ok := look(s); ok {
			return p.Code
		}
	}
	return ""
}

// placeOf returns the place of a province given as code, name or
// abbreviation; anything else gives a random province.
func (g *Gen) placeOf(province string) place {
	code := provinceCode(province)
	for _, p := range knownPlaces() {
		if p.province == code {
			return p
		}
	}
	return pick(g, knownPlaces())
}

// rulesAt is the instant at which the generators read the province rules:
// far ahead, so that a requirement is met even when it only comes into force
// later (an extra landline or fewer websites never make a filing invalid).
// Permissions (authorisation letters) are only used when they hold from the
// start, see letterRule.
var rulesAt = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// rule returns the default province rule of a kind for a province.
func rule(province string, kind filing.RuleKind) (filing.ProvinceRule, bool) {
	return filing.DefaultProvinceRules().Lookup(province, kind, rulesAt)
}

// needsLandline reports whether the province wants a landline as well as a
// mobile for its principals (R-06, Jiangxi).
func needsLandline(province string) bool {
	_, ok := rule(province, filing.RuleLandlineRequired)
	return ok
}

// letterRule returns the province's authorisation-letter rule when
// the province accepts letters at all times.
func letterRule(province string) (filing.ProvinceRule, bool) {
	r, ok := rule(province, filing.RuleAuthorisationLetter)
	return r, ok && r.Since == ""
}

// provinceName returns the full Chinese name of a province code.
func provinceName(code string) string {
	p, _ := filing.ProvinceByCode(code)
	return p.Name
}
