package certno

import "github.com/beiankit/beian/filing/problem"

// Organisation code (组织机构代码), GB 11714-1997: parsing and checks.

// Organisation code problems.
var (
	CodeOrgCodeFormat   = codes.Define("orgcode.format", "R-09", "组织机构代码格式应为8位数字或大写字母加1位校验码，如“D2143569-X”", "organisation code must be 8 digits or upper-case letters and a check character, e.g. D2143569-X")
	CodeOrgCodeChecksum = codes.Define("orgcode.checksum", "R-09", "组织机构代码校验码不正确，请核对号码", "organisation code check character (GB 11714) does not match")
)

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
		return 0, problem.New(CodeOrgCodeFormat)
	}
	c := orgCodeCheck(first8)
	if c == 0 {
		return 0, problem.New(CodeOrgCodeFormat)
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
func checkOrgCodeCanon(c string) (string, *problem.Problem) {
	var body, check string
	switch {
	case len(c) == 10 && c[8] == '-':
		body, check = c[:8], c[9:]
	case len(c) == 9:
		body, check = c[:8], c[8:]
	default:
		return "", problem.New(CodeOrgCodeFormat)
	}
	want := orgCodeCheck(body)
	if want == 0 || !(check[0] == 'X' || '0' <= check[0] && check[0] <= '9') {
		return "", problem.New(CodeOrgCodeFormat)
	}
	if want != check[0] {
		return "", problem.New(CodeOrgCodeChecksum)
	}
	if len(c) == 10 {
		return c, nil
	}
	return body + "-" + check, nil
}
