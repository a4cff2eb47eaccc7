package certno_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
)

func ExampleCheckResidentID() {
	// Full-width digits and a lower-case x are normalised first.
	fmt.Println(certno.CheckResidentID("１１０１０５１９４９１２３１００２ｘ"))

	err := certno.CheckResidentID("110105194912310021")
	fmt.Println(errors.Is(err, certno.CodeIDChecksum))
	var p *filing.Problem
	if errors.As(err, &p) {
		fmt.Println(p.Code, p.Rule, p.Zh)
	}
	fmt.Println(certno.CheckResidentID("110105491231002"))
	// Output:
	// <nil>
	// true
	// id.checksum R-09 身份证号码校验位不正确，请核对号码
	// id.legacy_15: 15-digit legacy resident ID numbers are not accepted; use the 18-digit number
}

func ExampleCheckResidentIDAt() {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	fmt.Println(certno.CheckResidentIDAt("110105202601020014", now)) // born tomorrow
	fmt.Println(certno.CheckResidentIDAt("110105200002290021", now)) // 29 February 2000
	// Output:
	// id.birth_future: resident ID birth date is in the future
	// <nil>
}

func ExampleParseResidentID() {
	r, err := certno.ParseResidentID("11010519491231002X")
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Region, r.Province, r.Birth, r.Male)
	fmt.Println(r.AgeAt(time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)))
	// Output:
	// 110105 11 1949-12-31 false
	// 76
}

func ExampleUpgradeLegacyResidentID() {
	n, err := certno.UpgradeLegacyResidentID("110105491231002")
	fmt.Println(n.Raw(), err)
	// Output: 11010519491231002X <nil>
}

func ExampleParseUSCC() {
	u, err := certno.ParseUSCC("91350100M000100Y43")
	if err != nil {
		panic(err)
	}
	fmt.Printf("%c%c %s/%s region %s org code %s\n", u.Department, u.Category, u.DepartmentName, u.CategoryName, u.Region, u.OrgCode)
	fmt.Println(certno.CheckUSCC("91100000100003962A"))
	// Output:
	// 91 工商/企业 region 350100 org code M000100Y-4
	// uscc.checksum: unified social credit code check character (GB 32100 MOD 31) does not match
}

func ExampleNormalizeCertNumber() {
	for _, in := range []struct {
		t filing.CertType
		s string
	}{
		{filing.CertResidentID, " 110105 19491231 002x "},
		{filing.CertBusinessLicence, "９１３５０１００ｍ０００１００ｙ４３"},
		{filing.CertOrgCode, "d2143569x"},
		{filing.CertHKMOPermit, "h12345678"},
	} {
		n, err := certno.NormalizeCertNumber(in.t, in.s)
		fmt.Println(n.Raw(), err)
	}
	// Output:
	// 11010519491231002X <nil>
	// 91350100M000100Y43 <nil>
	// D2143569-X <nil>
	// H12345678 <nil>
}

func ExampleCheckCertNumber() {
	fmt.Println(certno.CheckCertNumber(filing.CertInstitution, "D2143569-X"))         // 组织机构代码
	fmt.Println(certno.CheckCertNumber(filing.CertInstitution, "91350100M000100Y43")) // or 统一社会信用代码
	fmt.Println(certno.CheckCertNumber("no_such_type", "123"))
	// Output:
	// <nil>
	// <nil>
	// cert.unknown_type: unknown certificate type
}

func ExampleResidentIDCheckChar() {
	c, _ := certno.ResidentIDCheckChar("11010519491231002")
	u, _ := certno.USCCCheckChar("91350100M000100Y4")
	o, _ := certno.OrgCodeCheckChar("D2143569")
	fmt.Printf("%c %c %c\n", c, u, o)
	// Output: X 3 X
}

// A validity period (证件有效期) as forms give it, and one whose end is
// before its start (R-84).
func ExampleParseValidity() {
	v, _ := certno.ParseValidity("20160301", "长期")
	fmt.Println(v.Start.Format(time.DateOnly), v.LongTerm)
	_, err := certno.ParseValidity("2030-01-01", "2020-01-01")
	fmt.Println(err)
	// Output:
	// 2016-03-01 true
	// validity.order: certificate validity: the end date is before the start date
}

// A resident ID valid until 2026-06-01 has no more than three months left
// on 2026-03-05: too short for a filing (R-84).
func ExampleCheckValidity() {
	asOf := time.Date(2026, 3, 5, 10, 0, 0, 0, calendar.Location())
	v, _ := certno.ParseValidity("2006-06-01", "2026-06-01")
	fmt.Println(certno.CheckValidity(v, filing.CertMinMonths("52", filing.CertResidentID), asOf))
	// Output: validity.short: the certificate must be valid for more than 3 months (valid until 2026-06-01)
}
