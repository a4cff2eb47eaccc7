package certno

import "github.com/beiankit/beian/filing/problem"

// Unified social credit code (统一社会信用代码), GB 32100-2015: parsing and checks.

// Unified social credit code problems.
var (
	CodeUSCCLength     = codes.Define("uscc.length", "R-09", "统一社会信用代码应为18位", "unified social credit code must have 18 characters")
	CodeUSCCRegNo15    = codes.Define("uscc.registration_number", "R-09", "这是15位旧工商注册号，请填写18位统一社会信用代码", "15-digit business registration numbers were replaced by the 18-character unified social credit code")
	CodeUSCCChars      = codes.Define("uscc.chars", "R-09", "统一社会信用代码含有不允许的字符（不使用字母I、O、Z、S、V）", "unified social credit code has characters outside 0-9 A-Z without I O Z S V")
	CodeUSCCChecksum   = codes.Define("uscc.checksum", "R-09", "统一社会信用代码校验位不正确，请核对号码", "unified social credit code check character (GB 32100 MOD 31) does not match")
	CodeUSCCDepartment = codes.Define("uscc.department", "R-09", "统一社会信用代码的登记管理部门代码（第1位）不正确", "unified social credit code: unknown registration department code (character 1)")
	CodeUSCCRegion     = codes.Define("uscc.region", "R-09", "统一社会信用代码的行政区划码（第3-8位）不正确", "unified social credit code: region code (characters 3-8) is not a valid region")
	CodeUSCCOrgCode    = codes.Define("uscc.orgcode", "R-09", "统一社会信用代码中的组织机构代码（第9-17位）不正确", "unified social credit code: embedded organisation code (characters 9-17) fails GB 11714")
)

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
		return 0, problem.New(CodeUSCCChars)
	}
	for i := 0; i < 17; i++ {
		if usccValue[first17[i]] < 0 {
			return 0, problem.New(CodeUSCCChars)
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
func checkUSCCCanon(c string) (*certDepartment, *problem.Problem) {
	if len(c) == 15 && certAllDigits(c) {
		return nil, problem.New(CodeUSCCRegNo15)
	}
	if len(c) != 18 {
		return nil, problem.New(CodeUSCCLength)
	}
	for i := 0; i < 18; i++ {
		if usccValue[c[i]] < 0 {
			return nil, problem.New(CodeUSCCChars)
		}
	}
	if usccCheck(c) != c[17] {
		return nil, problem.New(CodeUSCCChecksum)
	}
	dept := certDepartments[c[0]]
	if dept == nil {
		return nil, problem.New(CodeUSCCDepartment)
	}
	region := c[2:8]
	if !certAllDigits(region) ||
		!(certProvince[int(region[0]-'0')*10+int(region[1]-'0')] || certNationalRegion[region]) {
		return nil, problem.New(CodeUSCCRegion)
	}
	if orgCodeCheck(c[8:16]) != c[16] {
		return nil, problem.New(CodeUSCCOrgCode)
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
