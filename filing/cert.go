package filing

import (
	"strings"
	"time"
)

// Certificate number checks. Every Check* function takes raw user
// input, normalises it (NormalizeText: NFKC so full-width digits and letters
// become ASCII, white space removed, ASCII letters upper-cased) and checks it
// against its national standard. It returns nil or a *Problem without a Path.
//
// Input longer than certMaxInput bytes is rejected with cert.too_long before
// any normalisation work, so hostile input costs nothing.

// certMaxInput caps raw certificate input, in bytes. An 18-character number
// typed entirely in full-width characters with separators stays well under it
// (18×3 bytes + separators).
const certMaxInput = 128

// Certificate problems.
var (
	CodeCertEmpty       = define("cert.empty", "R-09", "证件号码不能为空", "certificate number is empty")
	CodeCertTooLong     = define("cert.too_long", "R-09", "证件号码过长", "certificate number is too long")
	CodeCertUnknownType = define("cert.unknown_type", "R-09", "证件类型不正确，请从列表中选择", "unknown certificate type")
	CodeCertFree        = define("cert.free_format", "R-09", "证件号码含有不允许的字符或过长（最多64个字符）", "certificate number has control characters or is longer than 64 characters")

	CodeIDLength       = define("id.length", "R-09", "身份证号码应为18位", "resident ID number must have 18 characters")
	CodeIDLegacy15     = define("id.legacy_15", "R-09", "15位旧身份证号码已停用，请填写18位身份证号码", "15-digit legacy resident ID numbers are not accepted; use the 18-digit number")
	CodeIDChars        = define("id.chars", "R-09", "身份证号码前17位应为数字，最后一位为数字或字母X", "resident ID number: 17 digits then a digit or X")
	CodeIDRegion       = define("id.region", "R-09", "身份证号码的地址码（前6位）不正确", "resident ID address code (first 6 digits) is not a valid region")
	CodeIDBirthDate    = define("id.birth_date", "R-09", "身份证号码中的出生日期不正确", "resident ID birth date (digits 7-14) is not a real date")
	CodeIDBirthFuture  = define("id.birth_future", "R-09", "身份证号码中的出生日期晚于今天", "resident ID birth date is in the future")
	CodeIDBirthEarly   = define("id.birth_too_early", "R-09", "身份证号码中的出生日期早于1800年", "resident ID birth date is before 1800-01-01")
	CodeIDChecksum     = define("id.checksum", "R-09", "身份证号码校验位不正确，请核对号码", "resident ID check character (GB 11643 MOD 11-2) does not match")
	CodeIDPermitNumber = define("id.residence_permit_number", "R-09", "该号码是港澳台居民居住证号码，请选择证件类型“港澳台居民居住证”", "the number is a residence-permit number (address code 810000/820000/830000); choose certificate type hk_mo_tw_residence")
	CodeIDNotPermit    = define("id.not_residence_permit", "R-09", "港澳台居民居住证号码应以810000、820000或830000开头", "a residence-permit number starts with 810000, 820000 or 830000")

	CodeUSCCLength     = define("uscc.length", "R-09", "统一社会信用代码应为18位", "unified social credit code must have 18 characters")
	CodeUSCCRegNo15    = define("uscc.registration_number", "R-09", "这是15位旧工商注册号，请填写18位统一社会信用代码", "15-digit business registration numbers were replaced by the 18-character unified social credit code")
	CodeUSCCChars      = define("uscc.chars", "R-09", "统一社会信用代码含有不允许的字符（不使用字母I、O、Z、S、V）", "unified social credit code has characters outside 0-9 A-Z without I O Z S V")
	CodeUSCCChecksum   = define("uscc.checksum", "R-09", "统一社会信用代码校验位不正确，请核对号码", "unified social credit code check character (GB 32100 MOD 31) does not match")
	CodeUSCCDepartment = define("uscc.department", "R-09", "统一社会信用代码的登记管理部门代码（第1位）不正确", "unified social credit code: unknown registration department code (character 1)")
	CodeUSCCRegion     = define("uscc.region", "R-09", "统一社会信用代码的行政区划码（第3-8位）不正确", "unified social credit code: region code (characters 3-8) is not a valid region")
	CodeUSCCOrgCode    = define("uscc.orgcode", "R-09", "统一社会信用代码中的组织机构代码（第9-17位）不正确", "unified social credit code: embedded organisation code (characters 9-17) fails GB 11714")

	CodeOrgCodeFormat   = define("orgcode.format", "R-09", "组织机构代码格式应为8位数字或大写字母加1位校验码，如“D2143569-X”", "organisation code must be 8 digits or upper-case letters and a check character, e.g. D2143569-X")
	CodeOrgCodeChecksum = define("orgcode.checksum", "R-09", "组织机构代码校验码不正确，请核对号码", "organisation code check character (GB 11714) does not match")

	CodeHKMOPermitFormat = define("permit.hk_mo_format", "R-09", "港澳居民来往内地通行证号码应为字母H或M加8位数字（旧版为H或M加10位数字）", "HK/MO permit number: H or M then 8 digits (older form: 10 digits)")
	CodeTWPermitFormat   = define("permit.tw_format", "R-09", "台湾居民来往大陆通行证号码应为8位数字（旧版为10位数字）", "Taiwan permit number: 8 digits (older form: 10 digits)")
	CodePassportFormat   = define("passport.format", "R-09", "护照号码应为5-17位字母或数字", "passport number: 5 to 17 letters or digits")
	CodePRIDFormat       = define("prid.format", "R-09", "外国人永久居留身份证号码应为18位（以9开头）或15位（3位字母加12位数字）", "foreign permanent residence ID: 18 characters starting with 9, or 3 letters and 12 digits")
	CodePRIDChecksum     = define("prid.checksum", "R-09", "外国人永久居留身份证号码校验位不正确，请核对号码", "foreign permanent residence ID check character (MOD 11-2) does not match")
)

// certCanon returns the canonical form of a certificate number: NFKC, white
// space removed, ASCII letters upper-cased. Input that is already canonical
// (ASCII digits, upper-case letters and hyphens only) is returned as is
// without allocating. A nil *Problem means c may be checked.
func certCanon(s string) (string, *Problem) {
	if len(s) > certMaxInput {
		return "", newProblem(CodeCertTooLong)
	}
	canonical := len(s) > 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || c == '-') {
			canonical = false
			break
		}
	}
	if canonical {
		return s, nil
	}
	t := NormalizeText(s)
	var b strings.Builder
	b.Grow(len(t))
	for _, r := range t {
		switch {
		case r == ' ':
			continue
		case 'a' <= r && r <= 'z':
			b.WriteByte(byte(r - 'a' + 'A'))
		default:
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "", newProblem(CodeCertEmpty)
	}
	return b.String(), nil
}

// ---------------------------------------------------------------------------
// Resident ID, GB 11643-1999

// ResidentID is the structure of a citizen identity number (公民身份号码,
// GB 11643-1999).
type ResidentID struct {
	// Region is the 6-digit address code (GB/T 2260) of the registered
	// residence when the number was issued.
	Region string
	// Province is the first two digits of Region ("81"/"82"/"83" for the
	// residence permits of Hong Kong, Macao and Taiwan residents).
	Province string
	// Birth is the birth date at midnight China Standard Time (UTC+8).
	Birth time.Time
	// Male is true for an odd sequence code (digit 17), false for even.
	Male bool
	// Legacy is true for a 15-digit number of the first-generation card
	// (birth year 19YY, no check digit). Legacy numbers parse but cannot be
	// filed: CheckResidentID rejects them with id.legacy_15.
	Legacy bool
}

// certZone is China Standard Time, the zone of birth dates (no DST since 1991).
var certZone = time.FixedZone("CST", 8*3600)

// residentIDWeights are the GB 11643 weights 2^(17-i) mod 11 for positions 1..17.
var residentIDWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// residentIDChecks maps S mod 11 to the check character (ISO 7064 MOD 11-2).
const residentIDChecks = "10X98765432"

// ResidentIDCheckChar computes the GB 11643 check character ('0'-'9' or 'X')
// of the first 17 digits of a resident ID number. It is also the check of the
// 2023 foreign permanent residence ID. It fails with id.chars unless first17
// is exactly 17 ASCII digits.
func ResidentIDCheckChar(first17 string) (byte, error) {
	if len(first17) != 17 || !certAllDigits(first17) {
		return 0, newProblem(CodeIDChars)
	}
	return mod112(first17), nil
}

// mod112 computes the MOD 11-2 check character of 17 ASCII digits.
func mod112(d string) byte {
	s := 0
	for i := 0; i < 17; i++ {
		s += int(d[i]-'0') * residentIDWeights[i]
	}
	return residentIDChecks[s%11]
}

// CheckResidentID checks a resident ID number (居民身份证, GB 11643-1999)
// against today's date in China; see CheckResidentIDAt.
func CheckResidentID(s string) error {
	return checkResidentID(s, nil)
}

// CheckResidentIDAt checks a resident ID number as of the instant now:
//
//   - 18 characters after normalisation (full-width digits, spaces and a
//     lower-case x are accepted); a 15-digit first-generation number is
//     id.legacy_15, and the user is asked for the 18-digit number;
//   - the address code's province part is a mainland province (11..65 of
//     GB/T 2260), or the whole code is 810000/820000/830000 (港澳台居民居住证,
//     which use GB 11643 numbers). 71xxxx (Taiwan) is reserved by GB/T 2260
//     and no card carries it: rejected. County parts are not checked because
//     GB/T 2260 renames counties every year and a number keeps its old code;
//   - the birth date is a real date (19000229 is not, 20000229 is), not after
//     now's date in China (UTC+8) and not before 1800-01-01 (a typo floor; age
//     limits are the province rules' business, see ResidentID.AgeAt);
//   - the check character matches ISO 7064 MOD 11-2.
//
// Whether a residence-permit number fits the certificate type chosen is
// checked by CheckCertNumber.
func CheckResidentIDAt(s string, now time.Time) error {
	return checkResidentID(s, &now)
}

// checkResidentID checks raw input as of *now; a nil now means the clock
// (read only when needed).
func checkResidentID(s string, now *time.Time) error {
	// Fast path: 17 ASCII digits and a digit, X or x need no normalisation
	// and no allocation.
	if len(s) == 18 && certAllDigits(s[:17]) {
		check := s[17]
		if check == 'x' {
			check = 'X'
		}
		if check == 'X' || '0' <= check && check <= '9' {
			if p := checkResidentIDBody(s[:17], check, now); p != nil {
				return p
			}
			return nil
		}
	}
	c, p := certCanon(s)
	if p != nil {
		return p
	}
	if p := checkResidentIDCanon(c, now); p != nil {
		return p
	}
	return nil
}

// checkResidentIDCanon checks a canonical 18-character number; a nil now
// means the clock.
func checkResidentIDCanon(c string, now *time.Time) *Problem {
	if len(c) == 15 && certAllDigits(c) {
		return newProblem(CodeIDLegacy15)
	}
	if len(c) != 18 {
		return newProblem(CodeIDLength)
	}
	if !certAllDigits(c[:17]) || !(c[17] == 'X' || '0' <= c[17] && c[17] <= '9') {
		return newProblem(CodeIDChars)
	}
	return checkResidentIDBody(c[:17], c[17], now)
}

// checkResidentIDBody checks 17 digits and the upper-case check character.
func checkResidentIDBody(body string, check byte, now *time.Time) *Problem {
	if !residentIDRegionOK(body[:6]) {
		return newProblem(CodeIDRegion)
	}
	if p := certCheckBirth(body[6:14], now); p != nil {
		return p
	}
	if mod112(body) != check {
		return newProblem(CodeIDChecksum)
	}
	return nil
}

// residentIDRegionOK reports whether a 6-digit address code is acceptable on
// a resident ID or residence permit.
func residentIDRegionOK(region string) bool {
	if certProvince[int(region[0]-'0')*10+int(region[1]-'0')] {
		return true
	}
	_, ok := certPermitRegion[region]
	return ok
}

// certDate converts 8 ASCII digits YYYYMMDD to its parts; ok is false when
// they are not a real Gregorian date.
func certDate(d string) (y, m, day int, ok bool) {
	y = int(d[0]-'0')*1000 + int(d[1]-'0')*100 + int(d[2]-'0')*10 + int(d[3]-'0')
	m = int(d[4]-'0')*10 + int(d[5]-'0')
	day = int(d[6]-'0')*10 + int(d[7]-'0')
	if m < 1 || m > 12 || day < 1 {
		return 0, 0, 0, false
	}
	dim := [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		dim = 29
	}
	return y, m, day, day <= dim
}

// certCheckBirth checks 8 digits YYYYMMDD as a birth date as of *now. A nil now
// means the clock, which is only read for a birth date after the day the
// package was initialised (earlier dates cannot be in the future), so the
// common case costs no clock read.
func certCheckBirth(d string, now *time.Time) *Problem {
	y, m, day, ok := certDate(d)
	if !ok {
		return newProblem(CodeIDBirthDate)
	}
	if y < 1800 {
		return newProblem(CodeIDBirthEarly)
	}
	birth := certCivilDays(y, m, day)
	var today int64
	if now == nil {
		if birth <= certInitDay {
			return nil
		}
		today = certChinaDay(time.Now())
	} else {
		today = certChinaDay(*now)
	}
	if birth > today {
		return newProblem(CodeIDBirthFuture)
	}
	return nil
}

// certInitDay is the China date (days since 1970-01-01) when the package was
// initialised.
var certInitDay = certChinaDay(time.Now())

// certChinaDay returns the date of instant t in China (UTC+8) as days since
// 1970-01-01.
func certChinaDay(t time.Time) int64 {
	s := t.Unix() + 8*3600
	d := s / 86400
	if s%86400 < 0 {
		d--
	}
	return d
}

// certCivilDays returns the days from 1970-01-01 to the Gregorian date y-m-d
// (Howard Hinnant's days_from_civil).
func certCivilDays(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// ParseResidentID returns the structure of a resident ID number. It accepts
// what CheckResidentID accepts (the birth date is checked against today), and
// also a 15-digit first-generation number, reported with Legacy set (its
// birth year is 19YY); such a number still cannot be filed.
func ParseResidentID(s string) (ResidentID, error) {
	return parseResidentID(s, nil)
}

// ParseResidentIDAt is ParseResidentID with the birth date checked against
// the instant now instead of the clock.
func ParseResidentIDAt(s string, now time.Time) (ResidentID, error) {
	return parseResidentID(s, &now)
}

func parseResidentID(s string, now *time.Time) (ResidentID, error) {
	c, p := certCanon(s)
	if p != nil {
		return ResidentID{}, p
	}
	legacy := false
	if len(c) == 15 && certAllDigits(c) {
		legacy = true
		if !residentIDRegionOK(c[:6]) {
			return ResidentID{}, newProblem(CodeIDRegion)
		}
		if p := certCheckBirth("19"+c[6:12], now); p != nil {
			return ResidentID{}, p
		}
		c = c[:6] + "19" + c[6:] + "0" // check char unused below
	} else if p := checkResidentIDCanon(c, now); p != nil {
		return ResidentID{}, p
	}
	y, m, d, _ := certDate(c[6:14])
	return ResidentID{
		Region:   c[:6],
		Province: c[:2],
		Birth:    time.Date(y, time.Month(m), d, 0, 0, 0, 0, certZone),
		Male:     (c[16]-'0')%2 == 1,
		Legacy:   legacy,
	}, nil
}

// UpgradeLegacyResidentID converts a 15-digit first-generation resident ID
// number to its 18-digit form (insert "19" before the birth year, append the
// MOD 11-2 check): 110105491231002 gives 11010519491231002X. The result is
// the number to ask the user to confirm, not a substitute for it.
func UpgradeLegacyResidentID(s string) (IDNumber, error) {
	c, p := certCanon(s)
	if p != nil {
		return "", p
	}
	if len(c) != 15 || !certAllDigits(c) {
		return "", newProblem(CodeIDLength)
	}
	n := c[:6] + "19" + c[6:]
	return IDNumber(n + string(mod112(n))), nil
}

// AgeAt returns the age in completed years on the date of instant t in China
// (UTC+8): a person born on 2008-03-01 is 18 from 2026-03-01. Someone born on
// 29 February becomes a year older on 1 March in common years. A t before
// the birth date gives a negative or zero age.
func (r ResidentID) AgeAt(t time.Time) int {
	by, bm, bd := r.Birth.In(certZone).Date()
	ty, tm, td := t.In(certZone).Date()
	age := ty - by
	if tm < bm || tm == bm && td < bd {
		age--
	}
	return age
}

// ---------------------------------------------------------------------------
// Unified social credit code, GB 32100-2015

// usccAlphabet is the GB 32100 character set; a character's value is its index.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// usccValue maps a byte to its GB 32100 value, -1 outside the alphabet.
var usccValue = func() (v [256]int8) {
	for i := range v {
		v[i] = -1
	}
	for i := 0; i < len(usccAlphabet); i++ {
		v[usccAlphabet[i]] = int8(i)
	}
	return v
}()

// usccWeights are 3^i mod 31 for positions 1..17.
var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// USCC is the structure of a unified social credit code (统一社会信用代码,
// GB 32100-2015).
type USCC struct {
	// Department is the registration department code (character 1), e.g. '9'
	// (工商); Category the institution category under it (character 2), e.g.
	// '1' (企业).
	Department, Category byte
	// DepartmentName and CategoryName are the Chinese names from the
	// GB 32100 table (data/uscc_categories.json); CategoryName is empty for a
	// category the table does not list.
	DepartmentName, CategoryName string
	// CategoryKnown is false for a category the table does not list under
	// its department. Such codes are accepted (the table grows by amendment);
	// callers may warn.
	CategoryKnown bool
	// Region is the 6-digit administrative region code of the registration
	// authority (characters 3-8); "100000" for national-level registration.
	Region string
	// OrgCode is the embedded organisation code (characters 9-17) in its
	// GB 11714 printed form "XXXXXXXX-C".
	OrgCode string
}

// USCCCheckChar computes the GB 32100 check character of the first 17
// characters of a unified social credit code. It fails with uscc.chars
// unless first17 is 17 characters of the GB 32100 alphabet.
func USCCCheckChar(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, newProblem(CodeUSCCChars)
	}
	for i := 0; i < 17; i++ {
		if usccValue[first17[i]] < 0 {
			return 0, newProblem(CodeUSCCChars)
		}
	}
	return usccCheck(first17), nil
}

// usccCheck computes the check of 17 characters known to be in the alphabet.
func usccCheck(c string) byte {
	s := 0
	for i := 0; i < 17; i++ {
		s += int(usccValue[c[i]]) * usccWeights[i]
	}
	return usccAlphabet[(31-s%31)%31]
}

// CheckUSCC checks a unified social credit code (GB 32100-2015, R-09):
// 18 characters of 0-9 and A-Z without I, O, Z, S and V; the MOD 31 check
// character; a registration department listed in the GB 32100 table (an
// unknown department is rejected, an unknown category under a known
// department is accepted, see data/uscc_categories.json); a region code
// whose province part is a mainland province, or 100000 (national-level
// registration); and the embedded organisation code (characters 9-17)
// passing GB 11714. A 15-digit old business registration number gets its own
// code, uscc.registration_number.
func CheckUSCC(s string) error {
	c, p := certCanon(s)
	if p != nil {
		return p
	}
	if _, p := checkUSCCCanon(c); p != nil {
		return p
	}
	return nil
}

// checkUSCCCanon checks a canonical code and returns its department entry.
func checkUSCCCanon(c string) (*certDepartment, *Problem) {
	if len(c) == 15 && certAllDigits(c) {
		return nil, newProblem(CodeUSCCRegNo15)
	}
	if len(c) != 18 {
		return nil, newProblem(CodeUSCCLength)
	}
	for i := 0; i < 18; i++ {
		if usccValue[c[i]] < 0 {
			return nil, newProblem(CodeUSCCChars)
		}
	}
	if usccCheck(c) != c[17] {
		return nil, newProblem(CodeUSCCChecksum)
	}
	dept := certDepartments[c[0]]
	if dept == nil {
		return nil, newProblem(CodeUSCCDepartment)
	}
	region := c[2:8]
	if !certAllDigits(region) ||
		!(certProvince[int(region[0]-'0')*10+int(region[1]-'0')] || certNationalRegion[region]) {
		return nil, newProblem(CodeUSCCRegion)
	}
	if orgCodeCheck(c[8:16]) != c[16] {
		return nil, newProblem(CodeUSCCOrgCode)
	}
	return dept, nil
}

// ParseUSCC checks a unified social credit code like CheckUSCC and returns
// its structure.
func ParseUSCC(s string) (USCC, error) {
	c, p := certCanon(s)
	if p != nil {
		return USCC{}, p
	}
	dept, p := checkUSCCCanon(c)
	if p != nil {
		return USCC{}, p
	}
	catName, known := dept.Categories[c[1:2]]
	return USCC{
		Department:     c[0],
		Category:       c[1],
		DepartmentName: dept.Zh,
		CategoryName:   catName,
		CategoryKnown:  known,
		Region:         c[2:8],
		OrgCode:        c[8:16] + "-" + c[16:17],
	}, nil
}

// ---------------------------------------------------------------------------
// Organisation code, GB 11714-1997

var orgCodeWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// orgCodeValue returns the GB 11714 value of a body character (0-9, A=10 ..
// Z=35), or -1.
func orgCodeValue(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'A' <= c && c <= 'Z':
		return int(c-'A') + 10
	}
	return -1
}

// orgCodeCheck computes the check of 8 body characters; it returns 0 when a
// character is outside 0-9 A-Z.
func orgCodeCheck(body string) byte {
	s := 0
	for i := 0; i < 8; i++ {
		v := orgCodeValue(body[i])
		if v < 0 {
			return 0
		}
		s += v * orgCodeWeights[i]
	}
	switch c := 11 - s%11; c {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + c)
	}
}

// OrgCodeCheckChar computes the GB 11714 check character ('0'-'9' or 'X') of
// the 8 body characters of an organisation code. It fails with
// orgcode.format unless first8 is 8 digits or upper-case ASCII letters.
func OrgCodeCheckChar(first8 string) (byte, error) {
	if len(first8) != 8 {
		return 0, newProblem(CodeOrgCodeFormat)
	}
	c := orgCodeCheck(first8)
	if c == 0 {
		return 0, newProblem(CodeOrgCodeFormat)
	}
	return c, nil
}

// CheckOrgCode checks an organisation code (组织机构代码, GB 11714-1997,
// R-09), written "XXXXXXXX-C" or "XXXXXXXXC": 8 digits or upper-case letters
// (lower case is upper-cased by normalisation) and the check character.
func CheckOrgCode(s string) error {
	c, p := certCanon(s)
	if p != nil {
		return p
	}
	if _, p := checkOrgCodeCanon(c); p != nil {
		return p
	}
	return nil
}

// checkOrgCodeCanon checks a canonical organisation code and returns its
// printed form "XXXXXXXX-C" (c itself when it already is, without
// allocating).
func checkOrgCodeCanon(c string) (string, *Problem) {
	var body, check string
	switch {
	case len(c) == 10 && c[8] == '-':
		body, check = c[:8], c[9:]
	case len(c) == 9:
		body, check = c[:8], c[8:]
	default:
		return "", newProblem(CodeOrgCodeFormat)
	}
	want := orgCodeCheck(body)
	if want == 0 || !(check[0] == 'X' || '0' <= check[0] && check[0] <= '9') {
		return "", newProblem(CodeOrgCodeFormat)
	}
	if want != check[0] {
		return "", newProblem(CodeOrgCodeChecksum)
	}
	if len(c) == 10 {
		return c, nil
	}
	return body + "-" + check, nil
}

// ---------------------------------------------------------------------------
// Permits, passports, foreign permanent residence IDs

// CheckHKMOPermit checks the number of a Mainland travel permit for Hong Kong
// and Macao residents (港澳居民来往内地通行证, 回乡证, R-09): H (Hong Kong) or M
// (Macao) and the holder's 8-digit lifelong number (the card issued since
// 2013), or the 1999-2012 form of 11 characters whose last two digits count
// re-issues (00 at first issue). The older form is still accepted as a
// number; whether the permit is in force is the caller's business.
// Source: 公安部《港澳居民来往内地通行证号码规则》 (2010-03-10, via
// http://lhoil.com/law/law_view.asp?id=324224 and chinanews 2010-03-10).
func CheckHKMOPermit(s string) error {
	c, p := certCanon(s)
	if p != nil {
		return p
	}
	if !hkmoPermitOK(c) {
		return newProblem(CodeHKMOPermitFormat)
	}
	return nil
}

func hkmoPermitOK(c string) bool {
	return (len(c) == 9 || len(c) == 11) && (c[0] == 'H' || c[0] == 'M') && certAllDigits(c[1:])
}

// CheckTWPermit checks the number of a Mainland travel permit for Taiwan
// residents (台湾居民来往大陆通行证, 台胞证, R-09): the holder's 8-digit
// lifelong number ("一人一号、终身不变" since 2008-09-25, kept by the card of
// 2015), or the older 10-digit form (lifelong number and two issue digits,
// issued from 2006 in Fujian, Jiangsu and Shanghai). The 1992-2008 form with
// an issuing-office code in parentheses ("1234567801(B)") is rejected: those
// five-year booklets have all expired. Source: 中新网 2008-09-12
// "台胞证9月25日起实行一人一号、终身不变" (via http://www.ncdzx.com/sy/rdxw/200809/t20080912_742862.htm).
func CheckTWPermit(s string) error {
	c, p := certCanon(s)
	if p != nil {
		return p
	}
	if !twPermitOK(c) {
		return newProblem(CodeTWPermitFormat)
	}
	return nil
}

func twPermitOK(c string) bool {
	return (len(c) == 8 || len(c) == 10) && certAllDigits(c)
}

// CheckPassport checks a passport number (护照, R-09). Foreign passports
// follow no single national standard (ICAO 9303 fixes a 9-character field
// that states may extend), so the rule is deliberately loose: 5 to 17 ASCII
// letters or digits after normalisation (letters upper-cased, spaces
// removed). Chinese passports (E + 8 digits, E + letter + 7 digits, G + 8
// digits...) all satisfy it.
func CheckPassport(s string) error {
	c, p := certCanon(s)
	if p != nil {
		return p
	}
	if !passportOK(c) {
		return newProblem(CodePassportFormat)
	}
	return nil
}

func passportOK(c string) bool {
	if len(c) < 5 || len(c) > 17 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if !('0' <= c[i] && c[i] <= '9' || 'A' <= c[i] && c[i] <= 'Z') {
			return false
		}
	}
	return true
}

// CheckForeignPRID checks a foreigner's permanent residence ID number
// (外国人永久居留身份证, R-09) in either form:
//
//   - 2023 form (issued from 2023-12-01): 18 characters, first digit 9 (the
//     foreigner marker; citizen numbers start 1-8), 17 digits and a MOD 11-2
//     check character, the GB 11643 algorithm;
//   - 2017 form: 15 characters, 3 Latin letters (nationality) and 12 digits
//     (no check algorithm is published; only the shape is checked).
//
// Source: 国家移民管理局《新版外国人永久居留身份证机读信息规则（2023版）》
// (via http://www.eastcoms.com/service/pro/840.html).
func CheckForeignPRID(s string) error {
	c, p := certCanon(s)
	if p != nil {
		return p
	}
	if p := checkPRIDCanon(c); p != nil {
		return p
	}
	return nil
}

func checkPRIDCanon(c string) *Problem {
	switch len(c) {
	case 18:
		if c[0] != '9' || !certAllDigits(c[:17]) || !(c[17] == 'X' || '0' <= c[17] && c[17] <= '9') {
			return newProblem(CodePRIDFormat)
		}
		if mod112(c) != c[17] {
			return newProblem(CodePRIDChecksum)
		}
		return nil
	case 15:
		for i := 0; i < 3; i++ {
			if c[i] < 'A' || c[i] > 'Z' {
				return newProblem(CodePRIDFormat)
			}
		}
		if !certAllDigits(c[3:]) {
			return newProblem(CodePRIDFormat)
		}
		return nil
	}
	return newProblem(CodePRIDFormat)
}

// ---------------------------------------------------------------------------
// Dispatch

// CheckCertNumber checks a certificate number by the number format of its
// type (CertInfo.Format, data/certificates.json), R-09. An unknown type is
// cert.unknown_type. Beyond the format, a residence-permit number (address
// code 810000/820000/830000) is only accepted for the hk_mo_tw_residence
// type and that type only accepts such numbers. For uscc_or_orgcode an
// 18-character number is checked as a credit code, anything else as an
// organisation code. Free-format numbers (no national standard) need 1 to 64
// characters without control characters.
func CheckCertNumber(t CertType, s string) error {
	if _, err := NormalizeCertNumber(t, s); err != nil {
		return err
	}
	return nil
}

// NormalizeCertNumber checks a certificate number like CheckCertNumber and
// returns the canonical form to store: normalised (NFKC, no spaces), letters
// upper-cased, the organisation code in its printed form "XXXXXXXX-C", every
// other standard number without separators.
func NormalizeCertNumber(t CertType, s string) (IDNumber, error) {
	return normalizeCertNumberAt(t, s, nil)
}

// CheckCertNumberAt is CheckCertNumber with resident-ID birth dates checked
// against the instant now instead of the clock (see CheckResidentIDAt).
func CheckCertNumberAt(t CertType, s string, now time.Time) error {
	if _, err := normalizeCertNumberAt(t, s, &now); err != nil {
		return err
	}
	return nil
}

// normalizeCertNumberAt is NormalizeCertNumber as of *now (nil: the clock).
func normalizeCertNumberAt(t CertType, s string, now *time.Time) (IDNumber, error) {
	info, ok := t.Info()
	if !ok {
		return "", newProblem(CodeCertUnknownType)
	}
	if info.Format == FormatFree {
		return normalizeFreeCert(s)
	}
	c, p := certCanon(s)
	if p != nil {
		return "", p
	}
	switch info.Format {
	case FormatResidentID:
		if p := checkResidentIDCanon(c, now); p != nil {
			return "", p
		}
		_, permit := certPermitRegion[c[:6]]
		switch {
		case info.Code == CertHKMOTWResidence && !permit:
			return "", newProblem(CodeIDNotPermit)
		case info.Code != CertHKMOTWResidence && permit:
			return "", newProblem(CodeIDPermitNumber)
		}
	case FormatUSCC:
		if _, p := checkUSCCCanon(c); p != nil {
			return "", p
		}
	case FormatOrgCode:
		o, p := checkOrgCodeCanon(c)
		if p != nil {
			return "", p
		}
		c = o
	case FormatUSCCOrOrgCode:
		if len(c) == 18 {
			if _, p := checkUSCCCanon(c); p != nil {
				return "", p
			}
			break
		}
		o, p := checkOrgCodeCanon(c)
		if p != nil {
			return "", p
		}
		c = o
	case FormatHKMOPermit:
		if !hkmoPermitOK(c) {
			return "", newProblem(CodeHKMOPermitFormat)
		}
	case FormatTWPermit:
		if !twPermitOK(c) {
			return "", newProblem(CodeTWPermitFormat)
		}
	case FormatPassport:
		if !passportOK(c) {
			return "", newProblem(CodePassportFormat)
		}
	case FormatForeignPRID:
		if p := checkPRIDCanon(c); p != nil {
			return "", p
		}
	default:
		return "", newProblem(CodeCertUnknownType)
	}
	return IDNumber(c), nil
}

// normalizeFreeCert normalises a number with no national standard (部队代号,
// 办学许可证 ...): NFKC, trimmed, 1 to 64 characters, no control characters.
func normalizeFreeCert(s string) (IDNumber, error) {
	if len(s) > certMaxInput*2 {
		return "", newProblem(CodeCertTooLong)
	}
	t := NormalizeText(s)
	if t == "" {
		return "", newProblem(CodeCertEmpty)
	}
	n := 0
	for _, r := range t {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\uFFFD' {
			return "", newProblem(CodeCertFree)
		}
		n++
	}
	if n > 64 {
		return "", newProblem(CodeCertFree)
	}
	return IDNumber(t), nil
}
