package certno

import "github.com/beiankit/beian/filing/problem"

// Permits, passports and foreign permanent residence IDs: parsing and checks.

// Permit, passport and permanent residence ID problems.
var (
	CodeHKMOPermitFormat = codes.Define("permit.hk_mo_format", "R-09", "港澳居民来往内地通行证号码应为字母H或M加8位数字（旧版为H或M加10位数字）", "HK/MO permit number: H or M then 8 digits (older form: 10 digits)")
	CodeTWPermitFormat   = codes.Define("permit.tw_format", "R-09", "台湾居民来往大陆通行证号码应为8位数字（旧版为10位数字）", "Taiwan permit number: 8 digits (older form: 10 digits)")
	CodePassportFormat   = codes.Define("passport.format", "R-09", "护照号码应为5-17位字母或数字", "passport number: 5 to 17 letters or digits")
	CodePRIDFormat       = codes.Define("prid.format", "R-09", "外国人永久居留身份证号码应为18位（以9开头）或15位（3位字母加12位数字）", "foreign permanent residence ID: 18 characters starting with 9, or 3 letters and 12 digits")
	CodePRIDChecksum     = codes.Define("prid.checksum", "R-09", "外国人永久居留身份证号码校验位不正确，请核对号码", "foreign permanent residence ID check character (MOD 11-2) does not match")
)

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
		return problem.New(CodeHKMOPermitFormat)
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
		return problem.New(CodeTWPermitFormat)
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
		return problem.New(CodePassportFormat)
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

func checkPRIDCanon(c string) *problem.Problem {
	switch len(c) {
	case 18:
		if c[0] != '9' || !certAllDigits(c[:17]) || !(c[17] == 'X' || '0' <= c[17] && c[17] <= '9') {
			return problem.New(CodePRIDFormat)
		}
		if mod112(c) != c[17] {
			return problem.New(CodePRIDChecksum)
		}
		return nil
	case 15:
		for i := 0; i < 3; i++ {
			if c[i] < 'A' || c[i] > 'Z' {
				return problem.New(CodePRIDFormat)
			}
		}
		if !certAllDigits(c[3:]) {
			return problem.New(CodePRIDFormat)
		}
		return nil
	}
	return problem.New(CodePRIDFormat)
}
