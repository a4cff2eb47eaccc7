package filing

import (
	"strings"
	"unicode/utf8"
)

// Codes of the public-security filing number.
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

// PSNumber is a parsed public-security filing number (公安联网备案号), e.g.
// 京公网安备11010802035340号.
type PSNumber struct {
	// Province is the GB/T 2260 code of the abbreviation's province.
	Province string `json:"province"`
	// Digits are the digits of the number: 14 for the current format (a
	// 6-digit GB/T 2260 area code of the filing public-security organ + 8),
	// another count for an older one.
	Digits string `json:"digits"`
	// Legacy is true for an older format, accepted as unvalidated.
	Legacy bool `json:"legacy,omitempty"`
}

// AreaCode returns the 6-digit area code of a current-format number, or "".
func (n PSNumber) AreaCode() string {
	if n.Legacy || len(n.Digits) != 14 {
		return ""
	}
	return n.Digits[:6]
}

// String returns the canonical form, "京公网安备11010802035340号"; an older
// format is written with 公网安备 too.
func (n PSNumber) String() string {
	p, ok := ProvinceByCode(n.Province)
	if !ok {
		return ""
	}
	return p.Abbr + "公网安备" + n.Digits + "号"
}

// maxPSNumber bounds the text ParsePSNumber reads.
const maxPSNumber = 96

// ParsePSNumber reads a public-security filing number. The current
// format is a province abbreviation, 公网安备, 14 digits and 号 (spaces and
// full-width digits accepted). DESIGN (no official definition was found):
// digits 1-6 are taken as the GB/T 2260 area code of the filing
// public-security organ; a code not in the embedded table
// (AreaCodesAsOf) or of another province than the abbreviation gives a
// warning, never a rejection, since codes change every year. Older forms
// (another digit count, or "浙备3301000000001号") are accepted with Legacy
// set and a CodePSLegacy warning. Anything else is a *Problem with
// CodePSNumberFormat or CodePSNumberEmpty.
func ParsePSNumber(s string) (n PSNumber, warnings []*Problem, err error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return PSNumber{}, nil, newProblem(CodePSNumberEmpty)
	}
	if len(t) > maxPSNumber || !utf8.ValidString(t) {
		return PSNumber{}, nil, newProblem(CodePSNumberFormat, truncate(strings.ToValidUTF8(t, "?"), 32))
	}
	bad := func() (PSNumber, []*Problem, error) {
		return PSNumber{}, nil, newProblem(CodePSNumberFormat, truncate(t, 32))
	}
	r, size := utf8.DecodeRuneInString(t)
	prov, ok := ProvinceByAbbr(string(r))
	if !ok {
		return bad()
	}
	rest := t[size:]
	legacy := false
	switch {
	case strings.HasPrefix(rest, "公网安备"):
		rest = rest[len("公网安备"):]
	case strings.HasPrefix(rest, "备"):
		rest, legacy = rest[len("备"):], true
	default:
		return bad()
	}
	body, ok := strings.CutSuffix(strings.TrimSpace(rest), "号")
	if !ok {
		return bad()
	}
	var digits strings.Builder
	for _, c := range body {
		switch {
		case c >= '0' && c <= '9':
			digits.WriteRune(c)
		case c >= '０' && c <= '９':
			digits.WriteRune(c - '０' + '0')
		case c == ' ' || c == '\u3000':
		default:
			return bad()
		}
	}
	d := digits.String()
	if len(d) < 8 || len(d) > 20 {
		return bad()
	}
	n = PSNumber{Province: prov.Code, Digits: d, Legacy: legacy || len(d) != 14}
	if n.Legacy {
		return n, []*Problem{newProblem(CodePSLegacy, truncate(t, 32))}, nil
	}
	area := d[:6]
	if _, known := AreaCode(area); !known {
		warnings = append(warnings, newProblem(CodePSAreaUnknown, area, AreaCodesAsOf()))
	} else if area[:2] != prov.Code {
		warnings = append(warnings, newProblem(CodePSProvinceMismatch, prov.Abbr, area))
	}
	return n, warnings, nil
}
