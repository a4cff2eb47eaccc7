package domain

import (
	"errors"
	"strings"
	"testing"
)

func TestR09_CheckHomeURL(t *testing.T) {
	own := []string{"example.com", "例子.中国"}
	tests := []struct {
		name string
		in   string
		want Code
	}{
		{"https root", "https://www.example.com/", ""},
		{"no scheme", "www.example.com", ""},
		{"bare domain", "example.com", ""},
		{"upper-case scheme and host", "HTTP://WWW.EXAMPLE.COM", ""},
		{"stray spaces", "  http://example.com/index.html  ", ""},
		{"full-width", "ｈｔｔｐ：／／ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ", ""},
		{"IDN host under A-label domain", "http://www.例子.中国/", ""},
		{"A-label host under U-label domain", "http://xn--fsqu00a.xn--fiqs8s", ""},
		{"default port http", "http://example.com:80/", ""},
		{"default port https", "https://example.com:443/a?b=c#d", ""},
		{"scheme-relative", "//example.com/", ""},
		{"deep subdomain", "https://a.b.c.example.com/x", ""},
		{"trailing dot host", "http://www.example.com./", ""},
		{"other domain", "http://www.example.cn/", CodeURLNotUnderDomain},
		{"suffix trick", "http://evilexample.com/", CodeURLNotUnderDomain},
		{"domain as subdomain of other", "http://example.com.evil.cn/", CodeURLNotUnderDomain},
		{"javascript", "javascript:alert(1)", CodeURLScheme},
		{"javascript with slashes", "javascript://example.com/%0aalert(1)", CodeURLScheme},
		{"JavaScript mixed case", "JaVaScRiPt:alert(1)", CodeURLScheme},
		{"data", "data:text/html,<script>", CodeURLScheme},
		{"ftp", "ftp://example.com/", CodeURLScheme},
		{"mailto", "mailto:a@example.com", CodeURLScheme},
		{"userinfo", "http://user:pass@example.com/", CodeURLUserInfo},
		{"userinfo phishing", "http://example.com@evil.cn/", CodeURLUserInfo},
		{"non-default port", "http://example.com:8080/", CodeURLPort},
		{"https on 80", "https://example.com:80/", CodeURLPort},
		{"port without scheme", "example.com:8443", CodeURLPort},
		{"empty port", "http://example.com:/", CodeURLInvalid},
		{"IPv4 host", "http://192.168.1.1/", CodeURLIPHost},
		{"IPv6 host", "http://[::1]/", CodeURLIPHost},
		{"wildcard host", "http://*.example.com/", CodeURLHost},
		{"single label", "http://localhost/", CodeURLHost},
		{"no host", "http:///path", CodeURLHost},
		{"inner space", "http://example.com/a b", CodeURLInvalid},
		{"control character", "http://example.com/\x00", CodeURLInvalid},
		{"empty", " ", CodeURLEmpty},
		{"too long", "http://example.com/" + strings.Repeat("a", HomeURLMaxLen), CodeURLTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckHomeURL(tt.in, own)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("CheckHomeURL(%q) = %v, want nil", tt.in, err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("CheckHomeURL(%q) = %v, want %s", tt.in, err, tt.want)
			}
		})
	}
}

func TestR09_HomeURLNeedsAFiledDomain(t *testing.T) {
	for _, domains := range [][]string{nil, {}, {"not a domain"}, {"*.example.com"}} {
		if err := CheckHomeURL("http://example.com/", domains); !errors.Is(err, CodeURLNotUnderDomain) {
			t.Errorf("domains %q: %v", domains, err)
		}
	}
}

func TestR09_NormalizeHomeURL(t *testing.T) {
	tests := map[string]string{
		"www.example.com":                "http://www.example.com",
		" HTTPS://WWW.EXAMPLE.COM:443/ ": "https://www.example.com",
		"http://www.例子.中国:80/":           "http://www.xn--fsqu00a.xn--fiqs8s",
		"http://example.com/A/B?x=1":     "http://example.com/A/B?x=1",
		"ｈｔｔｐ：／／ｅｘａｍｐｌｅ．ｃｏｍ／ｉｎｄｅｘ": "http://example.com/index",
	}
	for in, want := range tests {
		got, err := NormalizeHomeURL(in)
		if err != nil || got != want {
			t.Errorf("NormalizeHomeURL(%q) = %q, %v; want %q", in, got, err, want)
		}
		// Normalising is idempotent.
		if again, err := NormalizeHomeURL(got); err != nil || again != got {
			t.Errorf("NormalizeHomeURL(%q) = %q, %v; not idempotent", got, again, err)
		}
	}
}

// TestR09_FastHomeURLMatchesSlowPath: on every input the fast path takes, it
// gives what the net/url path gives; inputs it must not take go to the slow
// path.
func TestR09_FastHomeURLMatchesSlowPath(t *testing.T) {
	fast := []string{
		"https://www.example.com/", "http://example.com", "https://www.example.com/shop/index.html",
		"http://a-b.example.cn/~user/a_b-c.d/", "https://m.example.com.cn//x", "http://example.com/.",
	}
	slow := []string{
		"HTTPS://www.example.com/", "https://WWW.example.com/", "https://www.example.com:443/", "https://www.example.com/?q=1",
		"https://www.example.com/#top", "https://www.example.com/a%20b", "https://user@example.com/", "https://例子.中国/",
		"https://xn--fsqu00a.xn--fiqs8s/", "https://www.example.com./", "https://www.example.com/a b", "https://1.2.3.4/",
		"www.example.com", "https://www.example.com/\u00e9", "https://-bad.example.com/", "ftp://example.com/",
	}
	for _, s := range fast {
		out, host, ok := fastHomeURL(s)
		if !ok {
			t.Errorf("fastHomeURL(%q) not taken", s)
			continue
		}
		var m Memo
		want, p := m.checkHomeURLSlow(s, nil)
		if p != nil || out != want || host != m.urls[0].host {
			t.Errorf("fastHomeURL(%q) = %q, %q; slow path %q, %v", s, out, host, want, p)
		}
	}
	for _, s := range slow {
		if _, _, ok := fastHomeURL(s); ok {
			t.Errorf("fastHomeURL(%q) taken; it must go through net/url", s)
		}
	}
}
