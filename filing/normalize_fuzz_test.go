package filing

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/domain"
)

// Every normaliser is idempotent, N(N(x)) == N(x), and the check of N(x)
// agrees with the check of x (same verdict, same code): normalising stored
// data again never changes it, and never turns a rejected value into an
// accepted one or back.

// codeOf is the code of a check's error, "" for none.
func codeOf(err error) Code {
	if err == nil {
		return ""
	}
	var p *Problem
	if errors.As(err, &p) {
		return p.Code
	}
	return Code("not-a-problem: " + err.Error())
}

// assertNormaliser checks idempotence and agreement for one input.
func assertNormaliser(t *testing.T, what, x string, norm func(string) (string, error), check func(string) error) {
	t.Helper()
	n1, err := norm(x)
	if err != nil {
		var p *Problem
		if !errors.As(err, &p) {
			t.Fatalf("%s(%q): error %T is not a *Problem", what, x, err)
		}
		return
	}
	n2, err := norm(n1)
	if err != nil {
		t.Fatalf("%s(%q) = %q, which is rejected again: %v", what, x, n1, err)
	}
	if n2 != n1 {
		t.Fatalf("%s not idempotent: %q → %q → %q", what, x, n1, n2)
	}
	if check != nil {
		if a, b := codeOf(check(x)), codeOf(check(n1)); a != b {
			t.Fatalf("%s: check of %q is %q but of its normal form %q is %q", what, x, a, n1, b)
		}
	}
}

func FuzzNormalizeText(f *testing.F) {
	for _, s := range []string{"", " ａｂｃ　１２３ ", "\xff\xfe", "Ⅻ", "ﬁ", "e\u0301", "\u3000\u3000x", "a\tb\nc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assertNormaliser(t, "NormalizeText", s, func(s string) (string, error) { return NormalizeText(s), nil }, nil)
	})
}

func FuzzNormalizeDomain(f *testing.F) {
	for _, s := range []string{"Example.COM", "例子.中国", "xn--fsqu00a.xn--fiqs8s", "ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ", "a.b.c.com.cn.", "foo.dyndns.org", "ß.de", "xn--zca.de", "Ⅻ.com", "a..b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assertNormaliser(t, "domain.NormalizeDomain", s, domain.NormalizeDomain, domain.CheckDomain)
		assertNormaliser(t, "domain.RegistrableDomain", s, domain.RegistrableDomain, domain.CheckDomain)
	})
}

func FuzzNormalizeHomeURL(f *testing.F) {
	for _, s := range []string{" WWW.例子.中国:80/ ", "https://example.com:443/a?b#c", "example.com", "http://例子.中国/路径", "HTTP://EXAMPLE.COM/%7e", "http://a.example.com/./../x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assertNormaliser(t, "domain.NormalizeHomeURL", s, domain.NormalizeHomeURL, func(s string) error {
			return domain.CheckHomeURL(s, []string{"example.com", "xn--fsqu00a.xn--fiqs8s"})
		})
	})
}

func FuzzNormalizeEmail(f *testing.F) {
	for _, s := range []string{"Zhang.San@例子.中国", "ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ", " a@b.cn ", "a@@b.cn", "\"a b\"@c.cn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assertNormaliser(t, "contact.NormalizeEmail", s, func(s string) (string, error) {
			e, err := contact.NormalizeEmail(s)
			return e.Raw(), err
		}, contact.CheckEmail)
	})
}

// certNow fixes the clock of the resident-ID birth-date check.
var certNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func FuzzNormalizeCertNumber(f *testing.F) {
	for _, s := range []string{"11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ", "D2143569-X", "d2143569x", "91350100M000100Y43", "H12345678", "E 1234 5678", "830000199001011237"} {
		f.Add(uint8(0), s)
	}
	types := certno.CertTypes()
	f.Fuzz(func(t *testing.T, ti uint8, s string) {
		ct := types[int(ti)%len(types)].Code
		assertNormaliser(t, "certno.NormalizeCertNumber("+string(ct)+")", s, func(s string) (string, error) {
			n, err := normalizeCertNumberAt(ct, s, &certNow)
			return n.Raw(), err
		}, func(s string) error { return certno.CheckCertNumberAt(ct, s, certNow) })
	})
}

// TestR09_NormalisersIdempotent runs the agreement check over real-world
// spellings of every kind of value, so that it runs without -fuzz too.
func TestR09_NormalisersIdempotent(t *testing.T) {
	for _, s := range []string{"010-12345678转8", "0433-1234567转8", "0433-1234567-8", "0851 1234567 转 12", "0754-1234567x9", "+86 433 1234567 8"} {
		assertNormaliser(t, "contact.NormalizePhone", s, normalizePhoneString, checkPhoneString)
	}
	for _, s := range []string{"ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ", "例子.中国", "Foo.DynDNS.org"} {
		assertNormaliser(t, "domain.NormalizeDomain", s, domain.NormalizeDomain, domain.CheckDomain)
	}
	for _, s := range []string{" WWW.例子.中国:80/ ", "https://Example.com:443"} {
		assertNormaliser(t, "domain.NormalizeHomeURL", s, domain.NormalizeHomeURL, nil)
	}
	assertNormaliser(t, "NormalizeText", strings.Repeat("ａ　", 3), func(s string) (string, error) { return NormalizeText(s), nil }, nil)
}

func normalizePhoneString(s string) (string, error) {
	p, err := contact.NormalizePhone(s)
	return p.Raw(), err
}

// checkPhoneString is the check contact.NormalizePhone stands for: a mobile or a
// landline.
func checkPhoneString(s string) error {
	_, err := contact.NormalizePhone(s)
	return err
}
