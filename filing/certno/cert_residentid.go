package certno

import (
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing/personal"
	"github.com/beiankit/beian/filing/problem"
)

// Resident ID (公民身份号码), GB 11643-1999: parsing and checks.

// Resident ID problems.
var (
	CodeIDLength       = codes.Define("id.length", "R-09", "身份证号码应为18位", "resident ID number must have 18 characters")
	CodeIDLegacy15     = codes.Define("id.legacy_15", "R-09", "15位旧身份证号码已停用，请填写18位身份证号码", "15-digit legacy resident ID numbers are not accepted; use the 18-digit number")
	CodeIDChars        = codes.Define("id.chars", "R-09", "身份证号码前17位应为数字，最后一位为数字或字母X", "resident ID number: 17 digits then a digit or X")
	CodeIDRegion       = codes.Define("id.region", "R-09", "身份证号码的地址码（前6位）不正确", "resident ID address code (first 6 digits) is not a valid region")
	CodeIDBirthDate    = codes.Define("id.birth_date", "R-09", "身份证号码中的出生日期不正确", "resident ID birth date (digits 7-14) is not a real date")
	CodeIDBirthFuture  = codes.Define("id.birth_future", "R-09", "身份证号码中的出生日期晚于今天", "resident ID birth date is in the future")
	CodeIDBirthEarly   = codes.Define("id.birth_too_early", "R-09", "身份证号码中的出生日期早于1800年", "resident ID birth date is before 1800-01-01")
	CodeIDChecksum     = codes.Define("id.checksum", "R-09", "身份证号码校验位不正确，请核对号码", "resident ID check character (GB 11643 MOD 11-2) does not match")
	CodeIDPermitNumber = codes.Define("id.residence_permit_number", "R-09", "该号码是港澳台居民居住证号码，请选择证件类型“港澳台居民居住证”", "the number is a residence-permit number (address code 810000/820000/830000); choose certificate type hk_mo_tw_residence")
	CodeIDNotPermit    = codes.Define("id.not_residence_permit", "R-09", "港澳台居民居住证号码应以810000、820000或830000开头", "a residence-permit number starts with 810000, 820000 or 830000")
)

// ResidentID is the structure of a citizen identity number (公民身份号码,
// GB 11643-1999).
type ResidentID struct {
	// Region is the 6-digit address code (GB/T 2260) of the registered
	// residence when the number was issued.
	Region string
	// Province is the first two digits of Region ("81"/"82"/"83" for the
	// residence permits of Hong Kong, Macao and Taiwan residents).
	Province string
	// Birth is the birth date (a civil date; Birth.Time() is its midnight
	// in China Standard Time).
	Birth calendar.Day
	// Male is true for an odd sequence code (digit 17), false for even.
	Male bool
	// Legacy is true for a 15-digit number of the first-generation card
	// (birth year 19YY, no check digit). Legacy numbers parse but cannot be
	// filed: CheckResidentID rejects them with id.legacy_15.
	Legacy bool
}

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
		return 0, problem.New(CodeIDChars)
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
			if _, p := checkResidentIDBody(s[:17], check, now); p != nil {
				return p
			}
			return nil
		}
	}
	c, p := certCanon(s)
	if p != nil {
		return p
	}
	if _, p := checkResidentIDCanon(c, now); p != nil {
		return p
	}
	return nil
}

// checkResidentIDCanon checks a canonical 18-character number and returns
// its birth date; a nil now means the clock.
func checkResidentIDCanon(c string, now *time.Time) (calendar.Day, *problem.Problem) {
	if len(c) == 15 && certAllDigits(c) {
		return calendar.Day{}, problem.New(CodeIDLegacy15)
	}
	if len(c) != 18 {
		return calendar.Day{}, problem.New(CodeIDLength)
	}
	if !certAllDigits(c[:17]) || !(c[17] == 'X' || '0' <= c[17] && c[17] <= '9') {
		return calendar.Day{}, problem.New(CodeIDChars)
	}
	return checkResidentIDBody(c[:17], c[17], now)
}

// checkResidentIDBody checks 17 digits and the upper-case check character,
// and returns the birth date.
func checkResidentIDBody(body string, check byte, now *time.Time) (calendar.Day, *problem.Problem) {
	if !residentIDRegionOK(body[:6]) {
		return calendar.Day{}, problem.New(CodeIDRegion)
	}
	birth, p := certCheckBirth(body[6:14], now)
	if p != nil {
		return calendar.Day{}, p
	}
	if mod112(body) != check {
		return calendar.Day{}, problem.New(CodeIDChecksum)
	}
	return birth, nil
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

// certBirth reads 8 ASCII digits YYYYMMDD as a birth date: id.birth_date
// when they are not a real Gregorian date (calendar.NewDay does not
// normalise: 19000229 is refused), id.birth_too_early before 1800-01-01.
func certBirth(d string) (calendar.Day, *problem.Problem) {
	y := int(d[0]-'0')*1000 + int(d[1]-'0')*100 + int(d[2]-'0')*10 + int(d[3]-'0')
	m := int(d[4]-'0')*10 + int(d[5]-'0')
	day := int(d[6]-'0')*10 + int(d[7]-'0')
	if y < 1800 { // too early if it is a date at all (year 0000 included)
		if m < 1 || m > 12 || day < 1 || day > calendar.DaysIn(y, m) {
			return calendar.Day{}, problem.New(CodeIDBirthDate)
		}
		return calendar.Day{}, problem.New(CodeIDBirthEarly)
	}
	birth, err := calendar.NewDay(y, time.Month(m), day)
	if err != nil {
		return calendar.Day{}, problem.New(CodeIDBirthDate)
	}
	return birth, nil
}

// certCheckBirth checks 8 digits YYYYMMDD as a birth date as of *now (its
// civil date in China). A nil now means the clock, which is only read for a
// birth date after the day the package was initialised (earlier dates cannot
// be in the future), so the common case costs no clock read. It returns the
// birth date.
func certCheckBirth(d string, now *time.Time) (calendar.Day, *problem.Problem) {
	birth, p := certBirth(d)
	if p != nil {
		return calendar.Day{}, p
	}
	var today calendar.Day
	if now == nil {
		if !birth.After(certInitDay) {
			return birth, nil
		}
		today = calendar.DayOf(time.Now())
	} else {
		today = calendar.DayOf(*now)
	}
	if birth.After(today) {
		return calendar.Day{}, problem.New(CodeIDBirthFuture)
	}
	return birth, nil
}

// certInitDay is the date in China when the package was initialised.
var certInitDay = calendar.DayOf(time.Now())

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
	var birth calendar.Day
	if len(c) == 15 && certAllDigits(c) {
		legacy = true
		if !residentIDRegionOK(c[:6]) {
			return ResidentID{}, problem.New(CodeIDRegion)
		}
		if birth, p = certCheckBirth("19"+c[6:12], now); p != nil {
			return ResidentID{}, p
		}
		c = c[:6] + "19" + c[6:] + "0" // check char unused below
	} else if birth, p = checkResidentIDCanon(c, now); p != nil {
		return ResidentID{}, p
	}
	return ResidentID{
		Region:   c[:6],
		Province: c[:2],
		Birth:    birth,
		Male:     (c[16]-'0')%2 == 1,
		Legacy:   legacy,
	}, nil
}

// UpgradeLegacyResidentID converts a 15-digit first-generation resident ID
// number to its 18-digit form (insert "19" before the birth year, append the
// MOD 11-2 check): 110105491231002 gives 11010519491231002X. The result is
// the number to ask the user to confirm, not a substitute for it.
func UpgradeLegacyResidentID(s string) (personal.IDNumber, error) {
	c, p := certCanon(s)
	if p != nil {
		return "", p
	}
	if len(c) != 15 || !certAllDigits(c) {
		return "", problem.New(CodeIDLength)
	}
	n := c[:6] + "19" + c[6:]
	return personal.IDNumber(n + string(mod112(n))), nil
}

// AgeAt returns the age in completed years on the date of instant t in China
// (UTC+8): a person born on 2008-03-01 is 18 from 2026-03-01. Someone born on
// 29 February becomes a year older on 1 March in common years. A t before
// the birth date gives a negative or zero age.
func (r ResidentID) AgeAt(t time.Time) int {
	by, bm, bd := r.Birth.Date()
	ty, tm, td := calendar.DayOf(t).Date()
	age := ty - by
	if tm < bm || tm == bm && td < bd {
		age--
	}
	return age
}
