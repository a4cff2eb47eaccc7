package contact

import (
	"strings"
	"testing"
)

func TestR09_EmailValid(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"zhang.san@example.com", "zhang.san@example.com"},
		{"Zhang.San@Example.COM", "Zhang.San@example.com"}, // local part keeps its case
		{"  a@b.cn  ", "a@b.cn"},
		{"12345@qq.com", "12345@qq.com"},
		{"first+tag@sub.example.com.cn", "first+tag@sub.example.com.cn"},
		{"o'brien@example.org", "o'brien@example.org"},
		{"a!#$%&'*+-/=?^_`{|}~z@example.com", "a!#$%&'*+-/=?^_`{|}~z@example.com"},
		{"user@例子.中国", "user@xn--fsqu00a.xn--fiqs8s"},
		{"user@例子。中国", "user@xn--fsqu00a.xn--fiqs8s"},
		{"user@xn--fsqu00a.xn--fiqs8s", "user@xn--fsqu00a.xn--fiqs8s"},
		{"ｕｓｅｒ＠ｅｘａｍｐｌｅ．ｃｏｍ", "user@example.com"},  // full-width
		{"user@EXAMPLE.com.", "user@example.com"}, // trailing dot
		{strings.Repeat("a", 64) + "@example.com", strings.Repeat("a", 64) + "@example.com"},
	} {
		ckWantCode(t, tc.in, CheckEmail(tc.in), "")
		got, err := NormalizeEmail(tc.in)
		if err != nil || got.Raw() != tc.want {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want %q", tc.in, got.Raw(), err, tc.want)
		}
	}
}

func TestR09_EmailInvalid(t *testing.T) {
	long := strings.Repeat("a", 63)
	domain250 := long + "." + long + "." + long + "." + strings.Repeat("b", 57) + ".cn" // 252 octets
	for _, tc := range []struct {
		name, in string
		want     Code
	}{
		{"empty", "", CodeEmailEmpty},
		{"spaces", "   ", CodeEmailEmpty},
		{"huge", strings.Repeat("a", emailMaxInput+1), CodeEmailTooLong},
		{"display name", "张三 <zhang@example.com>", CodeEmailFormat},
		{"angle brackets", "<zhang@example.com>", CodeEmailFormat},
		{"quoted local", `"zhang san"@example.com`, CodeEmailFormat},
		{"inner space", "zhang san@example.com", CodeEmailFormat},
		{"comma list", "a@b.cn,c@d.cn", CodeEmailFormat},
		{"semicolon list", "a@b.cn;c@d.cn", CodeEmailFormat},
		{"comment", "a(comment)@b.cn", CodeEmailFormat},
		{"ip literal", "a@[192.0.2.1]", CodeEmailFormat},
		{"no at", "zhang.example.com", CodeEmailAt},
		{"two at", "a@b@c.cn", CodeEmailAt},
		{"double at", "a@@b.cn", CodeEmailAt},
		{"full-width two at", "a＠b＠c.cn", CodeEmailAt},
		{"empty local", "@example.com", CodeEmailLocal},
		{"leading dot", ".a@example.com", CodeEmailLocal},
		{"trailing dot", "a.@example.com", CodeEmailLocal},
		{"double dot", "a..b@example.com", CodeEmailLocal},
		{"unicode local", "张三@example.com", CodeEmailLocal},
		{"local 65", strings.Repeat("a", 65) + "@example.com", CodeEmailLocalLong},
		{"empty domain", "a@", CodeEmailDomain},
		{"single label", "a@localhost", CodeEmailDomain},
		{"ip domain", "a@192.0.2.1", CodeEmailDomain},
		{"bad label", "a@-example.com", CodeEmailDomain},
		{"double dot domain", "a@example..com", CodeEmailDomain},
		{"underscore domain", "a@ex_ample.com", CodeEmailDomain},
		{"total 255", "abc@" + domain250, CodeEmailTooLong},
		{"invalid UTF-8", "a\xff@example.com", CodeEmailLocal},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ckWantCode(t, tc.in, CheckEmail(tc.in), tc.want)
			got, err := NormalizeEmail(tc.in)
			ckWantCode(t, tc.in, err, tc.want)
			if got != "" {
				t.Errorf("error with non-empty result %q", got.Raw())
			}
		})
	}
}

// TestR09_EmailLengthBoundary: 254 octets pass, 255 fail.
func TestR09_EmailLengthBoundary(t *testing.T) {
	long := strings.Repeat("a", 63)
	domain := long + "." + long + "." + long + "." + strings.Repeat("b", 55) + ".cn" // 250 octets
	if len(domain) != 250 {
		t.Fatalf("domain length %d", len(domain))
	}
	ok := "abc@" + domain // 254
	ckWantCode(t, ok, CheckEmail(ok), "")
	bad := "abcd@" + domain // 255
	ckWantCode(t, bad, CheckEmail(bad), CodeEmailTooLong)
}

func TestR09_EmailNormalizeIdempotent(t *testing.T) {
	for _, in := range []string{"Zhang.San@例子.中国", " ｕｓｅｒ＠ＥＸＡＭＰＬＥ．ｃｏｍ ", "a+b@Sub.Example.com."} {
		e, err := NormalizeEmail(in)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		again, err := NormalizeEmail(e.Raw())
		if err != nil || again != e {
			t.Errorf("%q → %q → %q, %v", in, e.Raw(), again.Raw(), err)
		}
	}
}

func TestR09_EmailCodesRegistered(t *testing.T) {
	for _, c := range []Code{CodeEmailEmpty, CodeEmailTooLong, CodeEmailFormat, CodeEmailAt, CodeEmailLocal, CodeEmailLocalLong, CodeEmailDomain} {
		if c.Rule() != "R-09" {
			t.Errorf("%s: rule %q", c, c.Rule())
		}
	}
}
