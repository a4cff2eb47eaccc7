package certno

import (
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing/problem"
)

// Fuzz targets for the certificate checks. Properties: no panic;
// whatever passes normalises to a canonical form that passes again unchanged.

func FuzzCheckResidentID(f *testing.F) {
	for _, s := range []string{
		"11010519491231002X", "440524188001010014", "110105194912310021", "11010519491231002x",
		"１１０１０５１９４９１２３１００２Ｘ", "110105491231002", "11010520000229002X", "810000198001010014",
		" 110105 19491231 002X ", "", "\xff\xfe", strings.Repeat("1", 129),
	} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, calendar.Location())
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckResidentIDAt(s, now)
		// The ASCII fast path and the normalising path agree: padding with
		// spaces forces the latter.
		if len(s) <= 100 {
			slow := CheckResidentIDAt(" "+s+"\u3000", now)
			if ckCodeOf(err) != ckCodeOf(slow) {
				t.Fatalf("%q: fast path %v, normalising path %v", s, err, slow)
			}
		}
		if _, perr := ParseResidentID(s); err == nil && perr != nil {
			t.Fatalf("%q: Check ok but Parse fails: %v", s, perr)
		}
		if err != nil {
			if _, ok := err.(*problem.Problem); !ok {
				t.Fatalf("%q: error %T is not a *problem.Problem", s, err)
			}
			return
		}
		c, _ := certCanon(s)
		if len(c) != 18 || !certAllDigits(c[:17]) || strings.ContainsAny(c, "x ") {
			t.Fatalf("%q passed with canonical form %q", s, c)
		}
		if c[17] != ckWithIDCheck(t, c[:17])[17] {
			t.Fatalf("%q passed with a wrong check character", s)
		}
		typ := CertResidentID
		if _, permit := certPermitRegion[c[:6]]; permit {
			typ = CertHKMOTWResidence
		}
		n, err := NormalizeCertNumber(typ, s)
		if err != nil || n.Raw() != c {
			t.Fatalf("%q: NormalizeCertNumber = %q, %v; want %q", s, n.Raw(), err, c)
		}
		again, err := NormalizeCertNumber(typ, n.Raw())
		if err != nil || again != n {
			t.Fatalf("%q: not idempotent: %q, %v", s, again.Raw(), err)
		}
		r, err := ParseResidentID(n.Raw())
		if err != nil || r.Region != c[:6] || r.Male != ((c[16]-'0')%2 == 1) || r.Birth.Time().Format("20060102") != c[6:14] {
			t.Fatalf("%q: Parse = %+v, %v", s, r, err)
		}
	})
}

// ckCodeOf returns the Code of a *problem.Problem, or "" for nil.
func ckCodeOf(err error) Code {
	if p, ok := err.(*problem.Problem); ok {
		return p.Code
	}
	if err != nil {
		return "not-a-problem"
	}
	return ""
}

func FuzzCheckUSCC(f *testing.F) {
	seeds := append([]string{}, ckUSCCVectors...)
	seeds = append(seeds, "91100000100003962A", "914403001922038217", "91350100m000100y43",
		"９１３５０１００Ｍ０００１００Ｙ４３", "440301103097413", "91310000631295002H", "", "IOZSV",
		strings.Repeat("9", 200))
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckUSCC(s)
		u, perr := ParseUSCC(s)
		if (err == nil) != (perr == nil) {
			t.Fatalf("%q: Check %v, Parse %v", s, err, perr)
		}
		if err != nil {
			if _, ok := err.(*problem.Problem); !ok {
				t.Fatalf("%q: error %T is not a *problem.Problem", s, err)
			}
			return
		}
		c, _ := certCanon(s)
		if len(c) != 18 || ckWithUSCCCheck(t, c[:17]) != c {
			t.Fatalf("%q passed with canonical %q failing the independent MOD 31", s, c)
		}
		if CheckOrgCode(u.OrgCode) != nil || u.Region != c[2:8] || u.Department != c[0] || u.Category != c[1] {
			t.Fatalf("%q: Parse = %+v", s, u)
		}
		n, err := NormalizeCertNumber(CertUSCC, s)
		if err != nil || n.Raw() != c {
			t.Fatalf("%q: NormalizeCertNumber = %q, %v; want %q", s, n.Raw(), err, c)
		}
		if again, err := NormalizeCertNumber(CertUSCC, n.Raw()); err != nil || again != n {
			t.Fatalf("%q: not idempotent: %q, %v", s, again.Raw(), err)
		}
	})
}

func FuzzCheckOrgCode(f *testing.F) {
	for _, s := range []string{
		"D2143569-X", "19220382-1", "MA1FL0LY9", "768225469", "d2143569x", "ｄ２１４３５６９－Ｘ",
		"D2143569-1", "D2143569--X", "", "-", strings.Repeat("A", 300),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckOrgCode(s)
		if err != nil {
			if _, ok := err.(*problem.Problem); !ok {
				t.Fatalf("%q: error %T is not a *problem.Problem", s, err)
			}
			return
		}
		n, err := NormalizeCertNumber(CertOrgCode, s)
		if err != nil {
			t.Fatalf("%q: Check ok, Normalize %v", s, err)
		}
		c := n.Raw()
		if len(c) != 10 || c[8] != '-' || ckWithOrgCheck(t, c[:8]) != c[:8]+c[9:] {
			t.Fatalf("%q: canonical %q", s, c)
		}
		if again, err := NormalizeCertNumber(CertOrgCode, c); err != nil || again != n {
			t.Fatalf("%q: not idempotent: %q, %v", s, again.Raw(), err)
		}
		if CheckOrgCode(c) != nil || CheckOrgCode(c[:8]+c[9:]) != nil {
			t.Fatalf("%q: canonical forms fail", s)
		}
	})
}
