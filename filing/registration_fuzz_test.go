package filing

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/beiankit/beian/filing/domain"
)

// FuzzNormalizeRegistration checks the registry data of a website under
// NormalizeFiling: normalising twice changes nothing, and registry
// data whose domain normalises as the website's domain does is matched to
// it, before and after normalisation (never registry.missing or
// registry.domain).
func FuzzNormalizeRegistration(f *testing.F) {
	for _, s := range [][2]string{
		{"xn--fiqs8s.com", "中国.com"},
		{"xn--fiqs8s.com", "XN--FIQS8S.COM."},
		{"ｅｘａｍｐｌｅ。cn", " Example.CN "},
		{"a..b", "a..b"},
		{"例子.中国", "xn--fsqu00a.xn--fiqs8s"},
		{"ß.de", "xn--zca.de"},
	} {
		f.Add(s[0], s[1], "贵州示例科技有限公司　")
	}
	asOf := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, site, reg, holder string) {
		fil := &Filing{Websites: []Website{{Domains: []string{site},
			Registrations: []DomainRegistration{{Domain: reg, Holder: holder, HolderCertType: "统一社会信用代码", HolderCertNumber: IDNumber(holder)}}}}}
		n1 := NormalizeFiling(fil)
		n2 := NormalizeFiling(n1)
		if !reflect.DeepEqual(n1, n2) {
			t.Fatalf("NormalizeFiling not idempotent on registrations:\n%+v\n%+v", n1.Websites[0].Registrations, n2.Websites[0].Registrations)
		}
		if fil.Websites[0].Registrations[0].Domain != reg {
			t.Fatalf("NormalizeFiling changed its input")
		}
		a, errA := domain.NormalizeDomain(site)
		b, errB := domain.NormalizeDomain(reg)
		if errA != nil || errB != nil || a != b {
			return
		}
		for _, w := range []Website{fil.Websites[0], n1.Websites[0]} {
			_, err := CheckWebsiteRegistrations(Subject{Name: holder}, w, asOf)
			if ve, ok := err.(*ValidationError); ok {
				for _, p := range ve.Problems {
					if slices.Contains([]Code{CodeRegistrationMissing, CodeRegistrationDomain}, p.Code) {
						t.Fatalf("%q and %q normalise alike (%q) but are not matched: %v", site, reg, a, err)
					}
				}
			}
		}
	})
}
