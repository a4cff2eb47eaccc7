package sitename_test

import (
	"testing"
	"unicode/utf8"

	"github.com/beiankit/beian/filing/sitename"
)

// FuzzR90_Normalize: Normalize never panics, returns valid UTF-8 and is
// idempotent.
func FuzzR90_Normalize(f *testing.F) {
	for _, s := range []string{"星辰", "ＢＢＳ 论坛", "ЬЬѕ", "\xff", "ǅ", "ﬀ", "İ", "ẞ", "Ω"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := sitename.Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q: invalid UTF-8", s, n)
		}
		if nn := sitename.Normalize(n); nn != n {
			t.Fatalf("Normalize not idempotent: %q → %q → %q", s, n, nn)
		}
	})
}

// FuzzR91_Check: Check never panics and every finding names its rule.
func FuzzR91_Check(f *testing.F) {
	f.Add("中国星辰论坛", "individual", "王小明", "44", "bbs.example.cn")
	f.Add("example.com", "enterprise", "星辰科技有限公司", "52", "")
	f.Fuzz(func(t *testing.T, name, nature, sponsor, province, domain string) {
		for _, fd := range sitename.Check(sitename.Input{Name: name, Nature: nature, Sponsor: sponsor, Province: province, Domains: []string{domain}}) {
			if fd.Rule == "" || fd.Zh == "" || fd.En == "" {
				t.Fatalf("finding without rule or message: %+v", fd)
			}
		}
	})
}

// FuzzR91_Parse: Parse never panics, and rules it accepts check names
// without panicking.
func FuzzR91_Parse(f *testing.F) {
	f.Add([]byte(`{"min_chars":3,"families":[{"id":"x","code":"name.province_word","severity":"error","words":["维修"]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := sitename.Parse(data)
		if err != nil {
			return
		}
		_ = r.Check(sitename.Input{Name: "家电维修笔记", Nature: "individual", Province: "33", Domains: []string{"bbs.example.cn"}})
	})
}
