package numbering

import (
	"strings"

	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/filing/province"
)

// Codes of the public-security filing number. They were defined by
// package filing before the parser moved here; the code strings did not
// change.
var (
	CodePSNumberEmpty = define("pubsec.empty", "R-87",
		"未填写公安联网备案号",
		"public-security number missing")
	CodePSNumberFormat = define("pubsec.format", "R-87",
		"公安联网备案号“%[1]s”格式不正确，应为“省简称公网安备”加14位数字加“号”",
		"public-security number %[1]q: want province abbreviation + 公网安备 + 14 digits + 号")
	CodePSAreaUnknown = define("pubsec.area_unknown", "R-87",
		"公安联网备案号中的地区代码%[1]s不在行政区划代码表（%[2]s）中，请核对",
		"public-security number: area code %[1]s is not in the GB/T 2260 table of %[2]s")
	CodePSProvinceMismatch = define("pubsec.province_mismatch", "R-87",
		"公安联网备案号的省简称“%[1]s”与地区代码%[2]s所属省份不一致",
		"public-security number: abbreviation %[1]s does not match the province of area code %[2]s")
	CodePSLegacy = define("pubsec.legacy", "R-87",
		"公安联网备案号“%[1]s”为旧格式，未能校验",
		"public-security number %[1]q is in an older format and was not validated")
)

// Digit counts of public-security numbers.
const (
	// psDigits is the current form: a 6-digit area code + 8.
	psDigits = 14
	// psOldDigits is the older 公网安备 form seen in real footers:
	// 京公网安备110105000655号 (a 6-digit area code + 6).
	psOldDigits = 12
	// minPSLegacyDigits and maxPSLegacyDigits bound the older bare 备 form
	// (浙备3301000000001号); 19 digits keep the serial in a uint64.
	minPSLegacyDigits = 8
	maxPSLegacyDigits = 19
)

// Legacy reports whether n is a public-security number in an older form:
// 12 digits after 公网安备 (京公网安备110105000655号) or the bare 备 form
// (浙备3301000000001号). R-87 accepts older forms unvalidated, so a legacy
// number parses (Parse, Find, ParsePublicSecurity) and Warnings gives
// CodePSLegacy for it, never an area-code warning.
//
// DESIGN (how Parse represents an older form): it is a Number of
// KindPublicSecurity like a current one, with Legacy true; Parse has no
// place for warnings, so the warning is read from the Number (Warnings) and
// ParsePublicSecurity returns it beside the Number. The bare 备 form is kept
// in the Number and printed back as given, so Parse(n.String()) == n holds
// for every form.
func (n Number) Legacy() bool {
	return n.kind == KindPublicSecurity && (n.short || n.width != psDigits)
}

// Warnings returns what a parsed number accepts but a user should check,
// as problems whose codes are this package's, or nil. Only
// public-security numbers have any today:
//
//   - CodePSLegacy for an older form (Legacy), which is not validated
//     further;
//   - CodePSAreaUnknown when the area code (Region) is not in the embedded
//     GB/T 2260 table (province.AreaCode, as of province.AreaCodesAsOf);
//   - CodePSProvinceMismatch when the area code lies in another province
//     than the abbreviation (沪公网安备11010802035340号).
//
// DESIGN (no official definition of the digits was found): digits 1-6 are
// taken as the GB/T 2260 area code of the filing public-security organ; an
// unknown code or one of another province gives a warning, never a
// rejection, since division codes change every year and numbers outlive
// them. Warnings depends on n alone, so the warnings of a number found by
// Find are those ParsePublicSecurity gives for its text.
func (n Number) Warnings() []*problem.Problem {
	if n.kind != KindPublicSecurity {
		return nil
	}
	if n.Legacy() {
		return []*problem.Problem{problem.New(CodePSLegacy, n.String())}
	}
	area := n.Region()
	if _, known := province.AreaCode(area); !known {
		return []*problem.Problem{problem.New(CodePSAreaUnknown, area, province.AreaCodesAsOf())}
	}
	if area[:2] != n.ProvinceCode() {
		abbr := ""
		if n.prov != 0 && int(n.prov) <= len(provs) {
			abbr = provs[n.prov-1].out[KindPublicSecurity]
		}
		return []*problem.Problem{problem.New(CodePSProvinceMismatch, abbr, area)}
	}
	return nil
}

// ParsePublicSecurity reads a public-security filing number (公安联网备案号,
// R-87), as a form field holds it. The current format is a province
// abbreviation, 公网安备, 14 digits and 号: 京公网安备11010802035340号.
//
// It is Parse, restricted to KindPublicSecurity, with the number's Warnings:
// the same presentation noise is normalised (spaces between the parts,
// full-width digits, a colon after 公网安备, Traditional 備/號/網, every
// abbreviation of the province), a missing 号 after 公网安备 is accepted
// (most footers omit it), and the canonical Number is returned. Older forms
// (12 digits after 公网安备, or the bare 备 form with 8 to 19 digits and a
// 号) are accepted with Legacy set and a CodePSLegacy warning; an area code
// that is unknown or of another province gives a warning (see Warnings).
//
// Anything else, another kind of record number included, is a
// *problem.Problem with CodePSNumberFormat, or CodePSNumberEmpty for an empty
// (or all-space) input. The problem quotes at most the first 32 bytes of
// the input.
func ParsePublicSecurity(s string) (n Number, warnings []*problem.Problem, err error) {
	n, e := parse(s)
	switch {
	case e.code == CodeEmpty:
		return Number{}, nil, problem.New(CodePSNumberEmpty)
	case e.code != "" || n.kind != KindPublicSecurity:
		return Number{}, nil, problem.New(CodePSNumberFormat, quoteInput(s, 32))
	}
	return n, n.Warnings(), nil
}

// quoteInput returns s without surrounding white space, as valid UTF-8,
// cut to at most limit bytes at a character boundary ("…" marks a cut).
func quoteInput(s string, limit int) string {
	t := strings.ToValidUTF8(strings.TrimSpace(s), "?")
	if len(t) <= limit {
		return t
	}
	i := limit
	for i > 0 && t[i]&0xC0 == 0x80 {
		i--
	}
	return t[:i] + "…"
}
