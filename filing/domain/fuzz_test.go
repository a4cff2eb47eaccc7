package domain

import (
	"errors"
	"strings"
	"testing"

	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/internal/textnorm"
	"golang.org/x/net/idna"
)

func FuzzCheckDomain(f *testing.F) {
	for _, s := range []string{"example.com", "WWW.EXAMPLE.COM.", "例子.中国", "例子。中国", "xn--fsqu00a.xn--fiqs8s", "com.cn", "example.io", "192.168.0.1", "[::1]", "*.example.com", "example.com:80", "ｅｘａｍｐｌｅ．ｃｎ", "beijing.政务.cn"} {
		f.Add(s)
	}
	f.Add("example.中国")
	f.Add("www.example.xn--fiqs8s")
	// The edges of the label scan: hyphens at a label's ends and doubled,
	// empty labels, 63 and 64 bytes.
	for _, s := range []string{"-a.cn", "a-.cn", "a--b.cn", "a-b-c.cn", "a..cn", ".a.cn", "a.cn.", "a.-", "a.b-", strings.Repeat("a", 63) + ".cn", strings.Repeat("a", 64) + ".cn", "a." + strings.Repeat("b", 64)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// The label scan answers as the byte-by-byte scan it replaced.
		if n, ok := ldhLabels(s); n != ldhLabelsOracle(s) || ok != (ldhLabelsOracle(s) > 0) {
			t.Fatalf("ldhLabels(%q) = %d, %v; the byte-by-byte scan gives %d", s, n, ok, ldhLabelsOracle(s))
		}
		// NormalizeDomain, fast paths and all, answers as the general path
		// alone, errors included.
		if d, err := NormalizeDomain(s); d != idnaOracle(s) || problemCode(err) != problemCode(idnaOracleErr(s)) {
			t.Fatalf("NormalizeDomain(%q) = %q, %v; folding and IDNA alone give %q, %v", s, d, err, idnaOracle(s), idnaOracleErr(s))
		}
		// The fast paths agree with IDNA wherever they answer.
		if d, ok := fastASCIIDomain(s); ok {
			if want, err := normalizeDomainIDNA(s); err != nil || d != want {
				t.Fatalf("fastASCIIDomain(%q) = %q; IDNA gives %q, %v", s, d, want, err)
			}
		}
		if d, ok := fastIDNTLDDomain(s); ok {
			if want, err := normalizeDomainIDNA(s); err != nil || d != want {
				t.Fatalf("fastIDNTLDDomain(%q) = %q; IDNA gives %q, %v", s, d, want, err)
			}
			if u, err := idna.Display.ToUnicode(d); err != nil || DomainUnicode(d) != u {
				t.Fatalf("DomainUnicode(%q) = %q; IDNA gives %q, %v", d, DomainUnicode(d), u, err)
			}
		}
		err := CheckDomain(s)
		if err != nil {
			var p *problem.Problem
			if !errors.As(err, &p) || p.Code == "" || p.Zh == "" {
				t.Fatalf("CheckDomain(%q) = %#v", s, err)
			}
			return
		}
		a, err := NormalizeDomain(s)
		if err != nil {
			t.Fatalf("CheckDomain(%q) ok but NormalizeDomain fails: %v", s, err)
		}
		if err := CheckDomain(a); err != nil {
			t.Fatalf("normalised %q of %q fails: %v", a, s, err)
		}
		if b, _ := NormalizeDomain(a); b != a {
			t.Fatalf("NormalizeDomain not idempotent: %q → %q → %q", s, a, b)
		}
	})
}

func FuzzCheckHomeURL(f *testing.F) {
	for _, s := range []string{"http://www.example.com/", "www.example.com", "javascript:alert(1)", "http://user@example.com", "https://example.com:443/a?b#c", "http://例子.中国/", "ｈｔｔｐ：／／ｅｘａｍｐｌｅ．ｃｏｍ", "//example.com", "http://[::1]/", "example.com:8080"} {
		f.Add(s, "example.com")
	}
	f.Fuzz(func(t *testing.T, raw, domain string) {
		if out, host, ok := fastHomeURL(raw); ok {
			var m Memo
			slow, p := m.checkHomeURLSlow(raw, nil)
			if p != nil || slow != out || m.urls[0].host != host {
				t.Fatalf("fast path %q (host %q) for %q; slow path %q, %v", out, host, raw, slow, p)
			}
		}
		err := CheckHomeURL(raw, []string{domain})
		u, nerr := NormalizeHomeURL(raw)
		if err == nil && nerr != nil {
			t.Fatalf("CheckHomeURL(%q) ok but NormalizeHomeURL fails: %v", raw, nerr)
		}
		if nerr != nil {
			return
		}
		again, err2 := NormalizeHomeURL(u)
		if err2 != nil || again != u {
			t.Fatalf("NormalizeHomeURL not idempotent: %q → %q → %q (%v)", raw, u, again, err2)
		}
		if (CheckHomeURL(u, []string{domain}) == nil) != (err == nil) {
			t.Fatalf("CheckHomeURL differs on %q and its normal form %q", raw, u)
		}
	})
}

// ldhLabelsOracle is the scan ldhLabels replaced, one case per byte, kept
// as its oracle: the number of labels, or 0 where ldhLabels refuses s.
func ldhLabelsOracle(s string) int {
	if s == "" || len(s) > 254 {
		return 0
	}
	labelLen, labels := 0, 1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			labelLen++
		case c == '-':
			if labelLen == 0 {
				return 0
			}
			labelLen++
		case c == '.':
			if labelLen == 0 || s[i-1] == '-' {
				return 0
			}
			if i == len(s)-1 {
				return 0 // trailing dot: slow path trims it
			}
			labelLen = 0
			labels++
		default:
			return 0
		}
		if labelLen > 63 {
			return 0
		}
	}
	if labelLen == 0 || s[len(s)-1] == '-' {
		return 0
	}
	if strings.Contains(s, "--") {
		return 0 // punycode ("xn--") and hyphen rules: let IDNA validate
	}
	return labels
}

// idnaOracle and idnaOracleErr are NormalizeDomain's general path with no
// fast path: folding, then the syntax checks and IDNA on the folded name.
func idnaOracle(s string) string {
	d, _ := normalizeDomainIDNA(folded(s))
	if len(s) > 1024 {
		return ""
	}
	return d
}

func idnaOracleErr(s string) error {
	if len(s) > 1024 {
		return problem.New(CodeDomainTooLong)
	}
	_, err := normalizeDomainIDNA(folded(s))
	return err
}

// folded is s as the general path folds it; normalizeDomainIDNA takes no
// shortcut for a name that folding leaves as it is (textnorm.Text is
// idempotent, and so is replacing "。").
func folded(s string) string {
	return strings.ReplaceAll(textnorm.Text(s), "。", ".")
}

// problemCode is the code of a *problem.Problem error, "" for nil.
func problemCode(err error) string {
	var p *problem.Problem
	if errors.As(err, &p) {
		return string(p.Code)
	}
	if err != nil {
		return "?"
	}
	return ""
}
