package filing

import (
	"testing"
	"time"

	"github.com/beiankit/beian/filing/certno"
)

// testNow is the fixed clock of the validation tests.
var testNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return testNow }

// testResidentID builds a valid 18-digit resident ID number from a 6-digit
// region, a birth date YYYYMMDD and a 3-digit sequence.
func testResidentID(t testing.TB, region, birth, seq string) IDNumber {
	t.Helper()
	first := region + birth + seq
	c, err := certno.ResidentIDCheckChar(first)
	if err != nil {
		t.Fatalf("certno.ResidentIDCheckChar(%q): %v", first, err)
	}
	return IDNumber(first + string(c))
}

// validFiling returns a valid new filing in Guizhou: an enterprise with
// three new websites, one domain each.
func validFiling(t testing.TB) *Filing {
	t.Helper()
	principal := Person{
		Name:       "张伟",
		CertType:   CertResidentID,
		CertNumber: testResidentID(t, "520102", "19800101", "123"),
		Mobile:     "13800138000",
		Email:      "zhangwei@example.com",
	}
	web := func(name, domain, home string) Website {
		return Website{
			Service: Service{
				Name: name,
				Principal: Person{
					Name:           "李娜",
					CertType:       CertResidentID,
					CertNumber:     testResidentID(t, "520103", "19900215", "246"),
					Mobile:         "13900139000",
					EmergencyPhone: "13700137000",
					Email:          "lina@example.cn",
				},
			},
			Domains: []string{domain},
			HomeURL: home,
		}
	}
	return &Filing{
		Subject: Subject{
			Province:            "52",
			Name:                "贵州星辰科技有限公司",
			Nature:              NatureEnterprise,
			CertType:            CertBusinessLicence,
			CertNumber:          "91520000214434146R",
			Address:             "贵州省贵阳市观山湖区长岭北路1号",
			Principal:           principal,
			LegalRepresentative: "张伟",
		},
		Websites: []Website{
			web("星辰官网", "example.com", "https://www.example.com/"),
			web("星辰中文站", "例子.中国", "http://www.例子.中国"),
			web("星辰商城", "example.cn", "example.cn/shop"),
		},
	}
}
