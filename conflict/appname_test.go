package conflict

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
)

// TestR74_AppNameHomoglyphs: an app name on file is not evaded by a
// Cyrillic or Greek letter that reads as its Latin one, or by an invisible
// joiner: each of these variants of "WeChat Pay" conflicts with it, while
// names that differ to the eye do not.
func TestR74_AppNameHomoglyphs(t *testing.T) {
	ix := New()
	require.NoError(t, ix.Put(Record{
		Subject: SubjectRecord{Number: numTencent, Province: "44", Name: "深圳市腾讯计算机系统有限公司", Nature: filing.NatureEnterprise,
			CertType: filing.CertBusinessLicence, CertNumber: certB},
		Apps: []AppRecord{{Number: numTencent + "-1627A", Kind: filing.AppKindApp, Name: "WeChat Pay"}},
	}))
	variants := []string{
		"WeChat Pay", "wechat pay", "ＷｅＣｈａｔ Ｐａｙ",
		"WеChat Pay", "WeСhat Pay", "WeChаt Pay", "WeChat Рay", "WeChat Pаy", "WeChat Pау", // Cyrillic е С а Р а у
		"WЕChat Pay", "ԜeChat Pay", "WeCһat Pay", "WeChaт Pay", "WeChat PAY", // Cyrillic Е Ԝ һ т, case
		"WΕChat Pay", "WeChΑt Pay", "WeChat Ρay", "WeChat Pαy", "WeChaΤ Pay", // Greek Ε Α Ρ α Τ
		"We\u200dChat Pay", "WeChat\u200c Pay", "We\u2060Chat Pay", "WeC\u00adhat Pay", "\u200eWeChat Pay", // ZWJ ZWNJ WJ SHY LRM
	}
	require.Len(t, variants, 24)
	for _, v := range variants {
		cs, err := ix.Check(appFiling(v, plat(filing.PlatformAndroid, "cn.example.pay")))
		require.NoError(t, err, v)
		if assert.Len(t, cs, 1, "%q", v) {
			assert.Equal(t, KindAppNameTaken, cs[0].Kind, v)
		}
		r, err := ix.Query(Query{By: ByAppName, Value: v})
		require.NoError(t, err, v)
		assert.NotEmpty(t, r.Records, "query %q", v)
	}
	for _, v := range []string{"WeChat Pal", "WeChat Рау Plus", "微信支付", "WeChatPay2"} {
		cs, err := ix.Check(appFiling(v, plat(filing.PlatformAndroid, "cn.example.pay")))
		require.NoError(t, err, v)
		assert.Empty(t, cs, v)
	}
}

// FuzzAppNameKey: AppNameKey never panics, is idempotent, and a key is
// never longer than NFKC and folding can make it.
func FuzzAppNameKey(f *testing.F) {
	for _, s := range []string{"WeChat Pay", "WеChat\u200dPay", "ԀԁΑα", "е\u0301", "\xff", "微信", "ᏹ0", "Ᏹ0", "ꭰᎠ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := AppNameKey(s)
		if AppNameKey(k) != k {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, k, AppNameKey(k))
		}
	})
}

func ExampleAppNameKey() {
	fmt.Println(AppNameKey("WeChat Pay") == AppNameKey("WеChat\u200dPay")) // a Cyrillic е and a zero-width joiner
	fmt.Println(AppNameKey("ＷｅＣｈａｔ Ｐａｙ"))
	// Output:
	// true
	// wechatpay
}

// TestR74_CherokeeNamesMeet: a Cherokee name meets itself in either case,
// and its key is a fixed point (x/text's case folding swaps Cherokee cases).
func TestR74_CherokeeNamesMeet(t *testing.T) {
	for _, tc := range []struct{ a, b string }{{"ᏹ0", "Ᏹ0"}, {"ꭰᏹ", "ᎠᏱ"}, {"Ꮳ App", "ꮳapp"}} {
		ka, kb := AppNameKey(tc.a), AppNameKey(tc.b)
		assert.Equal(t, ka, kb, "%q and %q", tc.a, tc.b)
		assert.Equal(t, ka, AppNameKey(ka), "AppNameKey(%q) not a fixed point", tc.a)
		assert.Equal(t, NameKey(tc.a), NameKey(NameKey(tc.a)), "NameKey(%q) not a fixed point", tc.a)
	}
}
