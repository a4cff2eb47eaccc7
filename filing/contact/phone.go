package contact

import (
	_ "embed"
	"strings"

	"github.com/beiankit/beian/filing/personal"
	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/internal/textnorm"
)

// Phone number checks (R-09 field formats; the per-province phone
// requirements of R-06 are the rules engine's). Mainland mobiles are checked
// against the segment table data/mobile_prefixes.json, landlines against the
// area-code plan data/area_codes.json; both tables carry their source.
//
// Accepted mobile input: 11 digits, optionally preceded by +86, 0086 or 86,
// with spaces, hyphens or parentheses anywhere, in full-width or ASCII
// characters ("＋８６ １３８－００１３－８０００"). Canonical form: 11 digits.
//
// Accepted landline input: trunk 0, area code and subscriber number
// ("010-12345678", "(010)12345678", "01012345678", "0755-8765-4321",
// "+86 10 12345678"), optionally an extension after 转, 分机, ext, x, # or
// a comma, or as a separate hyphen/space group after a complete number
// ("010-12345678-123"). Canonical form: "0AA-NNNNNNNN[-EXT]".

// phoneMaxInput caps raw phone input, in bytes (a full-width number with
// country code, separators and extension stays far below it).
const phoneMaxInput = 96

// Phone problems.
var (
	CodePhoneEmpty         = codes.Define("phone.empty", "R-09", "电话号码不能为空", "phone number is empty")
	CodePhoneTooLong       = codes.Define("phone.too_long", "R-09", "电话号码过长", "phone number is too long")
	CodePhoneChars         = codes.Define("phone.chars", "R-09", "电话号码含有不允许的字符，只能填写数字、空格、“-”和括号", "phone number has characters other than digits, spaces, hyphens and parentheses")
	CodePhoneCountry       = codes.Define("phone.country", "R-09", "请填写中国大陆的电话号码（国家码+86）", "phone number has a country code other than +86")
	CodePhoneMobileFormat  = codes.Define("phone.mobile_format", "R-09", "手机号码应为11位数字，以1开头", "mobile number must be 11 digits starting with 1")
	CodePhoneMobileSegment = codes.Define("phone.mobile_segment", "R-09", "手机号码的号段不存在，请核对号码", "mobile number prefix is not an allocated mobile segment")
	CodePhoneMobileIoT     = codes.Define("phone.mobile_iot", "R-09", "物联网卡号码不能接收短信验证码，请填写手机号码", "13-digit IoT numbers cannot receive verification SMS")
	CodePhoneLandFormat    = codes.Define("phone.landline_format", "R-09", "固定电话格式不正确，应为“区号-号码”，如“010-12345678”", "landline must be area code and number, e.g. 010-12345678")
	CodePhoneLandArea      = codes.Define("phone.landline_area", "R-09", "固定电话区号不正确或缺少区号（以0开头，如010、0755）", "landline area code is missing or not in the numbering plan")
	CodePhoneLandNumber    = codes.Define("phone.landline_number", "R-09", "固定电话号码位数不正确（该区号下应为%d位，且不以0开头）", "landline subscriber number must have %d digits and not start with 0")
	CodePhoneExtension     = codes.Define("phone.extension", "R-09", "分机号应为1-6位数字", "extension must be 1 to 6 digits")
	CodePhoneService       = codes.Define("phone.service_number", "R-09", "400/800等客服号码不能作为联系电话，请填写固定电话或手机号码", "400/800 service numbers are not accepted as a contact number")
)

//go:embed data/mobile_prefixes.json
var phoneMobilePrefixesJSON []byte

//go:embed data/area_codes.json
var phoneAreaCodesJSON []byte

// phoneSegment is one entry of the mobile segment table.
type phoneSegment struct {
	Prefix  string `json:"prefix"`
	Carrier string `json:"carrier"`
	Kind    string `json:"kind"`
}

var (
	phoneSegments []phoneSegment
	// phoneSegByPrefix maps len(prefix)*100000+value(prefix) to an index
	// into phoneSegments (prefixes have 3 to 5 digits).
	phoneSegByPrefix = map[int]int{}
	// phoneTwoDigitArea[n] is true for the two-digit area codes.
	phoneTwoDigitArea [100]bool
	// phoneAreaLens[n] is a bit set of the subscriber lengths (bit 7, bit 8)
	// of the three-digit area n; 0 for an unlisted area.
	phoneAreaLens [1000]uint16
	phoneService  []string
	_             = loadPhoneTables()
)

// loadPhoneTables decodes the embedded tables into the look-up arrays above;
// it runs once, during package variable initialisation.
func loadPhoneTables() bool {
	var m struct {
		Prefixes []phoneSegment `json:"prefixes"`
	}
	mustUnmarshal("mobile_prefixes", phoneMobilePrefixesJSON, &m)
	phoneSegments = m.Prefixes
	for i, p := range phoneSegments {
		if len(p.Prefix) < 3 || len(p.Prefix) > 5 || !allDigits(p.Prefix) {
			panic("contact: embedded data/mobile_prefixes.json: bad prefix " + p.Prefix) // build defect
		}
		phoneSegByPrefix[phonePrefixKey(p.Prefix)] = i
	}
	var a struct {
		TwoDigit map[string]string `json:"two_digit"`
		Eight    []string          `json:"three_digit_eight"`
		Seven    []string          `json:"three_digit_seven"`
		Service  []string          `json:"service_prefixes"`
	}
	mustUnmarshal("area_codes", phoneAreaCodesJSON, &a)
	for k := range a.TwoDigit {
		phoneTwoDigitArea[phoneAtoi(k)] = true
	}
	for _, k := range a.Eight {
		phoneAreaLens[phoneAtoi(k)] |= 1 << 8
	}
	for _, k := range a.Seven {
		phoneAreaLens[phoneAtoi(k)] |= 1 << 7
	}
	phoneService = a.Service
	return true
}

func phoneAtoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func phonePrefixKey(p string) int { return len(p)*100000 + phoneAtoi(p) }

// phoneLookupSegment returns the segment entry with the longest prefix of d.
func phoneLookupSegment(d string) (phoneSegment, bool) {
	for l := 5; l >= 3; l-- {
		if len(d) < l {
			continue
		}
		if i, ok := phoneSegByPrefix[phonePrefixKey(d[:l])]; ok {
			return phoneSegments[i], true
		}
	}
	return phoneSegment{}, false
}

// CheckMobile checks a mainland mobile number: 11 digits in an
// allocated segment (data/mobile_prefixes.json: the three carriers, China
// Broadcast Network 192, the MVNO segments 162/165/167/170/171, the
// 145/147/149 data-card segments, which the source lists as SMS-capable and
// so can receive the filing system's verification SMS). 13-digit IoT numbers
// (phone.mobile_iot) and unallocated segments (phone.mobile_segment) are
// rejected. A +86, 0086 or 86 prefix, spaces, hyphens and full-width digits
// are accepted.
func CheckMobile(s string) error {
	if len(s) == 11 && allDigits(s) { // canonical fast path
		if p := checkMobileDigits(s); p != nil {
			return p
		}
		return nil
	}
	if _, p := normalizeMobile(s); p != nil {
		return p
	}
	return nil
}

// phoneDigits normalises s and returns its digits with the country code
// removed. plus86 is true when a country code was present. Spaces, hyphens
// and parentheses are dropped.
func phoneDigits(s string) (digits string, plus86 bool, p *problem.Problem) {
	if len(s) > phoneMaxInput {
		return "", false, problem.New(CodePhoneTooLong)
	}
	t := textnorm.Text(s)
	if t == "" {
		return "", false, problem.New(CodePhoneEmpty)
	}
	plus := false
	b := make([]byte, 0, len(t))
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case '0' <= c && c <= '9':
			b = append(b, c)
		case c == ' ' || c == '-' || c == '(' || c == ')':
		case c == '+' && len(b) == 0 && !plus:
			plus = true
		default:
			return "", false, problem.New(CodePhoneChars)
		}
	}
	d := string(b)
	switch {
	case plus && strings.HasPrefix(d, "86"):
		return d[2:], true, nil
	case plus:
		return "", false, problem.New(CodePhoneCountry)
	case strings.HasPrefix(d, "0086"):
		return d[4:], true, nil
	case strings.HasPrefix(d, "00"):
		return "", false, problem.New(CodePhoneCountry)
	case len(d) == 13 && strings.HasPrefix(d, "861"):
		return d[2:], true, nil
	}
	return d, false, nil
}

// normalizeMobile returns the 11-digit canonical form of a mobile number.
func normalizeMobile(s string) (string, *problem.Problem) {
	d, _, p := phoneDigits(s)
	if p != nil {
		return "", p
	}
	if p := checkMobileDigits(d); p != nil {
		return "", p
	}
	return d, nil
}

// checkMobileDigits checks a digit string as a mobile number.
func checkMobileDigits(d string) *problem.Problem {
	if len(d) == 13 && strings.HasPrefix(d, "14") {
		if seg, ok := phoneLookupSegment(d); ok && seg.Kind == "iot" {
			return problem.New(CodePhoneMobileIoT)
		}
	}
	if len(d) != 11 || d[0] != '1' {
		return problem.New(CodePhoneMobileFormat)
	}
	seg, ok := phoneLookupSegment(d)
	if !ok || seg.Kind == "iot" {
		return problem.New(CodePhoneMobileSegment)
	}
	return nil
}

// CheckLandline checks a mainland fixed-line number: trunk 0, an area
// code of the numbering plan (two digits for 10, 20-25, 27-29; otherwise a
// three-digit code listed in data/area_codes.json), a subscriber number of
// the area's length (8 digits in two-digit areas and the listed three-digit
// ones, 7 elsewhere; some areas accept both) not starting with 0, and an
// optional extension of 1 to 6 digits. 400/800 service numbers are rejected (phone.service_number): they
// reach a call centre, not the responsible person.
func CheckLandline(s string) error {
	if _, p := normalizeLandline(s); p != nil {
		return p
	}
	return nil
}

// phoneExtMarkers separate an extension from the number (after NFKC and
// lower-casing).
var phoneExtMarkers = []string{"转", "分机", "ext.", "ext", "x", "#", ","}

// normalizeLandline returns the canonical "0AA-NNNNNNNN[-EXT]" form.
func normalizeLandline(s string) (string, *problem.Problem) {
	if len(s) > phoneMaxInput {
		return "", problem.New(CodePhoneTooLong)
	}
	t := strings.ToLower(textnorm.Text(s))
	if t == "" {
		return "", problem.New(CodePhoneEmpty)
	}
	main, ext, marked := t, "", false
	for _, m := range phoneExtMarkers {
		if i := strings.Index(t, m); i >= 0 {
			main, ext, marked = t[:i], t[i+len(m):], true
			break
		}
	}
	// Groups of digits in the main part.
	var groups []string
	plus := false
	start := -1
	for i := 0; i <= len(main); i++ {
		var c byte = ' '
		if i < len(main) {
			c = main[i]
		}
		switch {
		case '0' <= c && c <= '9':
			if start < 0 {
				start = i
			}
			continue
		case c == ' ' || c == '-' || c == '(' || c == ')':
		case c == '+' && len(groups) == 0 && start < 0 && !plus:
			plus = true
		default:
			return "", problem.New(CodePhoneChars)
		}
		if start >= 0 {
			groups = append(groups, main[start:i])
			start = -1
		}
	}
	if len(groups) == 0 {
		return "", problem.New(CodePhoneEmpty)
	}
	// Country code: +86, 0086 (then the trunk 0 is dropped in the number).
	switch {
	case plus:
		if !strings.HasPrefix(groups[0], "86") {
			return "", problem.New(CodePhoneCountry)
		}
		groups[0] = groups[0][2:]
		if groups[0] == "" {
			groups = groups[1:]
		}
		if len(groups) == 0 {
			return "", problem.New(CodePhoneLandFormat)
		}
		groups[0] = "0" + strings.TrimPrefix(groups[0], "0")
	case strings.HasPrefix(groups[0], "0086"):
		groups[0] = "0" + strings.TrimPrefix(groups[0][4:], "0")
	case strings.HasPrefix(groups[0], "00"):
		return "", problem.New(CodePhoneCountry)
	}
	first := groups[0]
	for _, sp := range phoneService {
		if strings.HasPrefix(first, sp) || strings.HasPrefix(first, "10"+sp) {
			return "", problem.New(CodePhoneService)
		}
	}
	if first[0] != '0' {
		if len(first) > 1 && first[0] == '1' && first[1] >= '3' {
			return "", problem.New(CodePhoneLandFormat) // a mobile number
		}
		return "", problem.New(CodePhoneLandArea)
	}
	// Area code from the first digits (across groups).
	all := strings.Join(groups, "")
	if len(all) < 4 {
		return "", problem.New(CodePhoneLandFormat)
	}
	var areaLen int
	var lens uint16
	switch {
	case phoneTwoDigitArea[phoneAtoi(all[1:3])]:
		areaLen, lens = 2, 1<<8
	default:
		areaLen, lens = 3, phoneAreaLens[phoneAtoi(all[1:4])]
		if lens == 0 {
			return "", problem.New(CodePhoneLandArea)
		}
	}
	// The number ends at a group boundary; at most one further group is an
	// extension when no marker was given. Where an area allows 8 and 7
	// digits, 8 is tried first.
	//
	// When the first group is exactly the area code and the second a
	// subscriber number of a length the area allows, that is the split:
	// the canonical form "0AA-NNNNNNN-E" then reads back as written, and a
	// one-digit extension is never merged into a 7-digit subscriber number
	// of an area that also has 8-digit numbers.
	subLen, k := 0, 0
	if len(groups) >= 2 && len(groups[0]) == 1+areaLen && len(groups[1]) <= 8 && lens&(1<<len(groups[1])) != 0 {
		subLen, k = len(groups[1]), 2
	}
	for _, l := range [2]int{8, 7} {
		if subLen != 0 {
			break
		}
		if lens&(1<<l) == 0 {
			continue
		}
		need := 1 + areaLen + l
		n, j := 0, 0
		for j < len(groups) && n < need {
			n += len(groups[j])
			j++
		}
		if n == need {
			subLen, k = l, j
			break
		}
	}
	if subLen == 0 {
		l := 8
		if lens&(1<<8) == 0 {
			l = 7
		}
		return "", problem.New(CodePhoneLandNumber, l)
	}
	need := 1 + areaLen + subLen
	if rest := groups[k:]; len(rest) > 0 {
		if marked || len(rest) > 1 {
			return "", problem.New(CodePhoneLandFormat)
		}
		ext = rest[0]
	} else if marked {
		ext = strings.Map(func(r rune) rune {
			if r == ' ' || r == '-' || r == ':' || r == '：' {
				return -1
			}
			return r
		}, ext)
		if ext == "" || len(ext) > 6 || !allDigits(ext) {
			return "", problem.New(CodePhoneExtension)
		}
	}
	if ext != "" && len(ext) > 6 {
		return "", problem.New(CodePhoneExtension)
	}
	num := all[:need]
	area, sub := num[:1+areaLen], num[1+areaLen:]
	if sub[0] == '0' {
		return "", problem.New(CodePhoneLandNumber, subLen)
	}
	out := area + "-" + sub
	if ext != "" {
		out += "-" + ext
	}
	return out, nil
}

// NormalizePhone checks a mobile or landline number and returns its canonical
// form: a mobile as 11 digits (+86 / 0086 / 86, spaces and hyphens removed,
// full-width digits folded), a landline as "0AA-NNNNNNNN[-EXT]". The number
// is a mobile when, after the country code, it starts with 1 followed by 3-9;
// everything else is checked as a landline.
func NormalizePhone(s string) (personal.Phone, error) {
	if len(s) == 11 && allDigits(s) && s[0] == '1' {
		if p := checkMobileDigits(s); p != nil {
			return "", p
		}
		return personal.Phone(s), nil
	}
	d, _, p := phoneDigits(s)
	if p == nil && len(d) >= 2 && d[0] == '1' && d[1] >= '3' && !phoneHasExtMarker(s) {
		if p := checkMobileDigits(d); p != nil {
			return "", p
		}
		return personal.Phone(d), nil
	}
	out, p := normalizeLandline(s)
	if p != nil {
		return "", p
	}
	return personal.Phone(out), nil
}

// phoneHasExtMarker reports whether s holds an extension marker (a mobile has
// no extension, so such input is checked as a landline).
func phoneHasExtMarker(s string) bool {
	t := strings.ToLower(s)
	for _, m := range phoneExtMarkers {
		if strings.Contains(t, m) {
			return true
		}
	}
	return false
}
