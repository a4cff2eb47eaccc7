package contact

import (
	"strings"
	"testing"

	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/filing/problem"
)

// FuzzCheckEmail: no panic; whatever passes normalises to an address
// of at most 254 octets with one @ that normalises again to itself.
func FuzzCheckEmail(f *testing.F) {
	for _, s := range []string{
		"zhang.san@example.com", "Zhang.San@例子.中国", "user@例子。中国", "ｕｓｅｒ＠ｅｘａｍｐｌｅ．ｃｏｍ",
		"张三 <a@b.cn>", "a@@b.cn", "a..b@c.cn", "a@192.0.2.1", "a@[192.0.2.1]", "@", "", "a@b.cn.",
		strings.Repeat("a", 65) + "@b.cn",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckEmail(s)
		e, nerr := NormalizeEmail(s)
		if (err == nil) != (nerr == nil) {
			t.Fatalf("%q: Check %v, Normalize %v", s, err, nerr)
		}
		if err != nil {
			if _, ok := err.(*problem.Problem); !ok {
				t.Fatalf("%q: error %T is not a *problem.Problem", s, err)
			}
			return
		}
		r := e.Raw()
		if len(r) > 254 || strings.Count(r, "@") != 1 || strings.ContainsAny(r, " <>\"") {
			t.Fatalf("%q → %q", s, r)
		}
		at := strings.IndexByte(r, '@')
		if d, err := domain.NormalizeDomain(r[at+1:]); err != nil || d != r[at+1:] {
			t.Fatalf("%q → %q: domain not canonical (%q, %v)", s, r, d, err)
		}
		again, err := NormalizeEmail(r)
		if err != nil || again != e {
			t.Fatalf("%q → %q → %q, %v", s, r, again.Raw(), err)
		}
	})
}
