package filing

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// colonHex formats a digest as keytool prints it: upper-case hex pairs
// joined by colons.
func colonHex(b []byte) string {
	h := strings.ToUpper(hex.EncodeToString(b))
	var parts []string
	for i := 0; i < len(h); i += 2 {
		parts = append(parts, h[i:i+2])
	}
	return strings.Join(parts, ":")
}

// testModulus is a 2048-bit RSA modulus in hex (512 digits), derived from
// a label so that each test key differs.
func testModulus(label string) string {
	var b strings.Builder
	for i := 0; b.Len() < 512; i++ {
		s := sha256.Sum256([]byte(fmt.Sprintf("%s/%d", label, i)))
		b.WriteString(hex.EncodeToString(s[:]))
	}
	return strings.ToUpper(b.String()[:512])
}

// validAppFiling returns validIndividual with one app on Android and iOS
// (3 domains each) and a WeChat mini-program.
func validAppFiling(t testing.TB) *Filing {
	t.Helper()
	f := validIndividual(t)
	p := f.Subject.Principal
	certA, certI := []byte("android-cert-xiaoming"), []byte("ios-cert-xiaoming")
	md := md5.Sum(certA)
	sh := sha1.Sum(certI)
	f.Apps = []App{
		{
			Kind: AppKindApp,
			Service: Service{
				Name:           "小明记账",
				ServiceContent: "个人记账工具",
				Principal:      p,
			},
			Language:   "中文简体",
			Categories: []string{"工具"},
			Platforms: []AppPlatform{
				{
					Platform: PlatformAndroid, Identifier: "cn.wangxiaoming.ledger",
					PublicKey: testModulus("android"), Fingerprint: colonHex(md[:]),
					Domains: []string{"api.wangxiaoming.cn", "img.wangxiaoming.cn", "wangxiaoming.cn"},
					SDKs:    []AppSDK{{Name: "微信开放平台SDK", Provider: "深圳市腾讯计算机系统有限公司", Purpose: "登录"}},
				},
				{
					Platform: PlatformIOS, Identifier: "cn.wangxiaoming.Ledger",
					PublicKey: testModulus("ios"), Fingerprint: strings.ToLower(hex.EncodeToString(sh[:])),
					Domains: []string{"api.wangxiaoming.cn", "img.wangxiaoming.cn", "wangxiaoming.cn"},
				},
			},
		},
		{
			Kind: AppKindMiniProgram,
			Service: Service{
				Name:      "小明记账助手",
				Principal: p,
			},
			Language:  "中文简体",
			Host:      HostWeChat,
			HostAppID: "wx5a6c601ca97c8443",
		},
	}
	return f
}

func TestR71_ValidAppAndMiniProgram(t *testing.T) {
	f := validAppFiling(t)
	require.NoError(t, Validate(f))
	n := NormalizeFiling(f)
	require.Len(t, n.Apps, 2)
	pl := n.Apps[0].Platforms
	assert.Equal(t, HashMD5, pl[0].FingerprintAlgorithm, "Android defaults to MD5")
	assert.Equal(t, HashSHA1, pl[1].FingerprintAlgorithm, "iOS defaults to SHA-1")
	assert.Len(t, pl[0].Fingerprint, 32)
	assert.NotContains(t, pl[0].Fingerprint, ":")
	assert.Equal(t, strings.ToUpper(pl[1].Fingerprint), pl[1].Fingerprint)
	assert.Equal(t, "cn.wangxiaoming.Ledger", pl[1].Identifier, "a Bundle ID keeps its case")
	assert.Empty(t, Warnings(f))
}

func TestR70_SubjectOnFileAddsOnlyAnApp(t *testing.T) {
	f := validAppFiling(t)
	f.Subject.Number = "黔ICP备2026001073号"
	f.Websites = nil
	assert.NoError(t, Validate(f), "a subject on file adds only the app")

	f.Subject.Number = ""
	err := Validate(f)
	assert.NoError(t, err, "a new subject may come with its first app instead of a website")

	f.Apps = nil
	assert.ErrorIs(t, Validate(f), CodeNoWebsite)
}

func TestR72_AndroidPackageNames(t *testing.T) {
	long := "com." + strings.Repeat("a", 252)
	for _, tc := range []struct {
		id   string
		want Code // "" = valid
		why  string
	}{
		{"com.tencent.mm", "", "WeChat"},
		{"com.eg.android.AlipayGphone", "", "Alipay, mixed case"},
		{"com.ss.android.ugc.aweme", "", "Douyin"},
		{"com.taobao.taobao", "", "Taobao"},
		{"com.sina.weibo", "", "Weibo"},
		{"me.ele", "", "Ele.me: two segments"},
		{"ctrip.android.view", "", "Ctrip"},
		{"com.tencent.mobileqq", "", "QQ"},
		{"  com.tencent.mm ", "", "white space trimmed"},
		{"tencent", CodeAppIdentifierSyntax, "one segment"},
		{"com.1tencent.mm", CodeAppIdentifierSyntax, "segment starts with a digit"},
		{"com._tencent.mm", CodeAppIdentifierSyntax, "segment starts with '_'"},
		{"com..mm", CodeAppIdentifierSyntax, "double dot"},
		{".com.tencent.mm", CodeAppIdentifierSyntax, "leading dot"},
		{"com.tencent.mm.", CodeAppIdentifierSyntax, "trailing dot"},
		{"com.tencent-mm.app", CodeAppIdentifierSyntax, "hyphen (iOS only)"},
		{"ｃｏｍ.tencent.mm", CodeAppIdentifierSyntax, "full-width letters"},
		{"com.腾讯.mm", CodeAppIdentifierSyntax, "Han characters"},
		{"com.tencent.mm\x00", CodeAppIdentifierSyntax, "NUL byte"},
		{"", CodeAppIdentifierEmpty, "empty"},
		{long, CodeAppIdentifierLong, "256 bytes"},
		{long[:255], "", "255 bytes"},
	} {
		err := CheckAppIdentifier(PlatformAndroid, tc.id)
		if tc.want == "" {
			assert.NoError(t, err, tc.why)
			continue
		}
		assert.ErrorIs(t, err, tc.want, tc.why)
		var p *Problem
		if assert.ErrorAs(t, err, &p, tc.why) {
			assert.Equal(t, "R-72", p.Rule)
			assert.NotEmpty(t, p.Zh)
		}
	}
}

func TestR72_IOSBundleIDs(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want Code
		why  string
	}{
		{"com.tencent.xin", "", "WeChat"},
		{"com.alipay.iphoneclient", "", "Alipay"},
		{"com.taobao.taobao4iphone", "", "Taobao"},
		{"com.ss.iphone.ugc.Aweme", "", "Douyin, mixed case"},
		{"com.sina.weibo", "", "Weibo"},
		{"com.tencent.mqq", "", "QQ"},
		{"com.my-company.app", "", "hyphen allowed"},
		{"com.123.app", "", "digit-led segment allowed on iOS"},
		{"xin", "", "one segment: Apple sets no segment count (youdaoPro is real)"},
		{"com.tencent_xin.app", CodeAppIdentifierSyntax, "underscore"},
		{"com.tencent xin", CodeAppIdentifierSyntax, "space inside"},
		{"com.腾讯.xin", CodeAppIdentifierSyntax, "Han characters"},
		{"com..xin", CodeAppIdentifierSyntax, "double dot"},
	} {
		err := CheckAppIdentifier(PlatformIOS, tc.id)
		if tc.want == "" {
			assert.NoError(t, err, tc.why)
		} else {
			assert.ErrorIs(t, err, tc.want, tc.why)
		}
	}
}

func TestR72_HarmonyOSBundleNames(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want Code
		why  string
	}{
		{"com.huawei.hmos.settings", "", "HarmonyOS settings"},
		{"com.huawei.hmos.browser", "", "HarmonyOS browser"},
		{"com.huawei.hmos.filemanager", "", "HarmonyOS file manager"},
		{"com.example.app_1", "", "underscore inside"},
		{"com.example.1app", "", "later segments may start with a digit"},
		{"com.huawei", CodeAppIdentifierSyntax, "two segments"},
		{"a.b.c", CodeAppIdentifierShort, "5 bytes"},
		{"a.bc.de", "", "exactly 7 bytes"},
		{"1com.example.app", CodeAppIdentifierSyntax, "first segment starts with a digit"},
		{"com._x.app", CodeAppIdentifierSyntax, "segment starts with '_'"},
		{"com.x_.app", CodeAppIdentifierSyntax, "segment ends with '_'"},
		{"com.my-app.demo", CodeAppIdentifierSyntax, "hyphen"},
		{"com.example..app", CodeAppIdentifierSyntax, "double dot"},
		{"com.example." + strings.Repeat("a", 117), CodeAppIdentifierLong, "129 bytes"},
		{"com.example." + strings.Repeat("a", 116), "", "128 bytes"},
	} {
		err := CheckAppIdentifier(PlatformHarmonyOS, tc.id)
		if tc.want == "" {
			assert.NoError(t, err, tc.why)
		} else {
			assert.ErrorIs(t, err, tc.want, tc.why)
		}
	}
	assert.ErrorIs(t, CheckAppIdentifier("symbian", "com.nokia.app"), CodeAppPlatformUnknown)
	assert.NoError(t, CheckAppIdentifier(PlatformOther, "HarmonyOS-lite/demo"))
	assert.ErrorIs(t, CheckAppIdentifier(PlatformOther, "has space"), CodeAppIdentifierSyntax)
}

func TestR74_BundleIDKeyCaseInsensitive(t *testing.T) {
	assert.Equal(t, AppIdentifierKey("com.ss.iphone.ugc.aweme"), AppIdentifierKey("com.ss.iphone.ugc.Aweme"))
	assert.Equal(t, AppIdentifierKey("com.eg.android.alipaygphone"), AppIdentifierKey(" com.eg.android.AlipayGphone "))
	assert.NotEqual(t, AppIdentifierKey("com.tencent.mm"), AppIdentifierKey("com.tencent.xin"))
	k := AppIdentifierKey("Com.Tencent.XIN")
	assert.Equal(t, k, AppIdentifierKey(k), "idempotent")
}

func TestR72_Fingerprints(t *testing.T) {
	md := md5.Sum([]byte("cert"))
	sh := sha1.Sum([]byte("cert"))
	s256 := sha256.Sum256([]byte("cert"))
	mdHex := strings.ToUpper(hex.EncodeToString(md[:]))
	for _, tc := range []struct {
		in   string
		alg  HashAlgorithm
		want string
		code Code
		why  string
	}{
		{colonHex(md[:]), HashMD5, mdHex, "", "keytool form"},
		{strings.ToLower(colonHex(md[:])), HashMD5, mdHex, "", "lower case with colons"},
		{hex.EncodeToString(md[:]), HashMD5, mdHex, "", "plain lower hex"},
		{strings.ReplaceAll(colonHex(md[:]), ":", " "), HashMD5, mdHex, "", "space separated"},
		{"  " + mdHex + "\n", HashMD5, mdHex, "", "surrounding white space"},
		{colonHex(sh[:]), HashSHA1, strings.ToUpper(hex.EncodeToString(sh[:])), "", "SHA-1"},
		{colonHex(s256[:]), HashSHA256, strings.ToUpper(hex.EncodeToString(s256[:])), "", "SHA-256"},
		{colonHex(sh[:]), HashMD5, "", CodeFingerprintLength, "SHA-1 where MD5 is wanted"},
		{mdHex[:30], HashMD5, "", CodeFingerprintLength, "30 digits"},
		{mdHex[:31] + "G", HashMD5, "", CodeFingerprintHex, "G is not hex"},
		{mdHex[:31] + "Ａ", HashMD5, mdHex[:31] + "A", "", "full-width A from an input method folds"},
		{toFullWidth(strings.ToLower(colonHex(md[:]))), HashMD5, mdHex, "", "full-width digits, letters and colons fold"},
		{mdHex[:31] + "Ｇ", HashMD5, "", CodeFingerprintHex, "full-width G is still not hex"},
		{"B3:4F:B" + mdHex[5:], HashMD5, "", CodeFingerprintSeparator, "colon after an odd digit"},
		{"B34F:" + mdHex[4:], HashMD5, "", CodeFingerprintSeparator, "colon after four digits"},
		{"B3:4F " + strings.Join(strings.Split(colonHex(md[:]), ":")[2:], ":"), HashMD5, "", CodeFingerprintSeparator, "mixed separators"},
		{colonHex(md[:]) + ":", HashMD5, "", CodeFingerprintSeparator, "trailing colon"},
		{"", HashMD5, "", CodeFingerprintEmpty, "empty"},
		{strings.Repeat("A", 300), HashMD5, "", CodeFingerprintLength, "overlong"},
	} {
		got, err := NormalizeFingerprint(tc.in, tc.alg)
		if tc.code != "" {
			assert.ErrorIs(t, err, tc.code, tc.why)
			continue
		}
		if assert.NoError(t, err, tc.why) {
			assert.Equal(t, tc.want, got, tc.why)
			again, err := NormalizeFingerprint(got, tc.alg)
			assert.NoError(t, err, tc.why)
			assert.Equal(t, got, again, "idempotent: "+tc.why)
		}
	}
}

// toFullWidth writes the printable ASCII of s as a Chinese input method in
// full-width mode types it.
func toFullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 0x7f {
			r += 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestR72_PublicKeys(t *testing.T) {
	m := testModulus("k")
	got, err := NormalizePublicKey("0x" + strings.ToLower(m[:64]) + "\n" + strings.ToLower(m[64:]))
	require.NoError(t, err)
	assert.Equal(t, m, got)
	got, err = NormalizePublicKey(toFullWidth(strings.ToLower(m)))
	require.NoError(t, err, "full-width input folds")
	assert.Equal(t, m, got)
	_, err = NormalizePublicKey("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA")
	assert.ErrorIs(t, err, CodePublicKeyHex, "base64 is not hex")
	_, err = NormalizePublicKey("ABC")
	assert.ErrorIs(t, err, CodePublicKeyLength)
	_, err = NormalizePublicKey(strings.Repeat("AB", 2049))
	assert.ErrorIs(t, err, CodePublicKeyLength)
}

// appCase changes the valid app filing and expects problems at paths.
type appCase struct {
	name   string
	change func(f *Filing)
	want   []string // "path code"
}

func runAppCases(t *testing.T, cases []appCase) {
	t.Helper()
	for _, tc := range cases {
		f := validAppFiling(t)
		tc.change(f)
		got := pathCodes(problemsOf(t, Validate(f)))
		assert.ElementsMatch(t, tc.want, got, tc.name)
	}
}

func TestR71_AppFields(t *testing.T) {
	runAppCases(t, []appCase{
		{"unknown kind", func(f *Filing) { f.Apps[0].Kind = "widget" }, []string{"apps[0].kind app.kind_unknown"}},
		{"kind in upper case is normalised", func(f *Filing) { f.Apps[0].Kind = " APP " }, []string{}},
		{"identifier, fingerprint and key typed full-width fold", func(f *Filing) {
			p := &f.Apps[0].Platforms[0]
			p.Identifier, p.Fingerprint, p.PublicKey = toFullWidth(p.Identifier), toFullWidth(p.Fingerprint), toFullWidth(p.PublicKey)
		}, []string{}},
		{"no name", func(f *Filing) { f.Apps[0].Name = "" }, []string{"apps[0].name filing.required"}},
		{"no platform on a new app", func(f *Filing) { f.Apps[0].Platforms = nil }, []string{"apps[0].platforms app.no_platform"}},
		{"platform listed twice", func(f *Filing) {
			f.Apps[0].Platforms[1].Platform = PlatformAndroid
			f.Apps[0].Platforms[1].FingerprintAlgorithm = HashMD5
		}, []string{
			"apps[0].platforms[1].platform app.duplicate_platform", "apps[0].platforms[1].fingerprint app.fingerprint_length"}},
		{"unknown platform", func(f *Filing) { f.Apps[0].Platforms[1].Platform = "symbian" }, []string{"apps[0].platforms[1].platform app.platform_unknown"}},
		{"other platform without a name", func(f *Filing) {
			p := &f.Apps[0].Platforms[1]
			p.Platform, p.FingerprintAlgorithm = PlatformOther, HashSHA1
		}, []string{"apps[0].platforms[1].platform_name app.platform_name_required"}},
		{"Android with SHA-1", func(f *Filing) { f.Apps[0].Platforms[0].FingerprintAlgorithm = "SHA-1" }, []string{"apps[0].platforms[0].fingerprint_algorithm app.fingerprint_algorithm"}},
		{"iOS fingerprint of MD5 length", func(f *Filing) { f.Apps[0].Platforms[1].Fingerprint = f.Apps[0].Platforms[0].Fingerprint }, []string{"apps[0].platforms[1].fingerprint app.fingerprint_length"}},
		{"HarmonyOS without algorithm", func(f *Filing) {
			p := &f.Apps[0].Platforms[1]
			p.Platform, p.Identifier = PlatformHarmonyOS, "com.huawei.hmos.ledger"
		}, []string{"apps[0].platforms[1].fingerprint_algorithm app.fingerprint_algorithm_required"}},
		{"HarmonyOS with SHA-256", func(f *Filing) {
			p := &f.Apps[0].Platforms[1]
			s := sha256.Sum256([]byte("hap"))
			p.Platform, p.Identifier, p.FingerprintAlgorithm, p.Fingerprint = PlatformHarmonyOS, "com.huawei.hmos.ledger", "sha-256", colonHex(s[:])
		}, []string{}},
		{"bad Android package", func(f *Filing) { f.Apps[0].Platforms[0].Identifier = "cn.1ledger" }, []string{"apps[0].platforms[0].identifier app.identifier_syntax"}},
		{"no identifier", func(f *Filing) { f.Apps[0].Platforms[0].Identifier = "" }, []string{"apps[0].platforms[0].identifier filing.required"}},
		{"non-hex fingerprint", func(f *Filing) { f.Apps[0].Platforms[0].Fingerprint = "ZZ" + f.Apps[0].Platforms[0].Fingerprint[2:] }, []string{"apps[0].platforms[0].fingerprint app.fingerprint_not_hex"}},
		{"public key not hex", func(f *Filing) { f.Apps[0].Platforms[0].PublicKey = "MIIBIjANBgkq" }, []string{"apps[0].platforms[0].public_key app.public_key_not_hex"}},
		{"SDK without provider", func(f *Filing) { f.Apps[0].Platforms[0].SDKs[0].Provider = "" }, []string{"apps[0].platforms[0].sdks[0].provider filing.required"}},
		{"app with a hosting platform", func(f *Filing) { f.Apps[0].Host = HostWeChat }, []string{"apps[0].host app.host_for_app"}},
		{"same app twice", func(f *Filing) {
			dup := f.Apps[0]
			dup.Platforms = []AppPlatform{f.Apps[0].Platforms[1]}
			dup.Platforms[0].Identifier = "cn.wangxiaoming.ledger2"
			f.Apps[0].Platforms = f.Apps[0].Platforms[:1]
			dup.Name = " 小明记账"
			f.Apps = append(f.Apps, dup)
		}, []string{"apps[2].name app.duplicate_name"}},
		{"identifier in two apps, case aside", func(f *Filing) {
			dup := f.Apps[0]
			dup.Name = "小明记账Pro"
			dup.Platforms = []AppPlatform{f.Apps[0].Platforms[1]}
			dup.Platforms[0].Identifier = "CN.wangxiaoming.ledger"
			f.Apps = append(f.Apps, dup)
		}, []string{"apps[2].platforms[0].identifier app.duplicate_identifier"}},
		{"bad principal mobile", func(f *Filing) { f.Apps[1].Principal.Mobile = "12345" }, []string{"apps[1].principal.mobile phone.mobile_format"}},
	})
}

func TestR71_MiniProgramsCarryNoPlatformData(t *testing.T) {
	runAppCases(t, []appCase{
		{"mini-program with package data", func(f *Filing) { f.Apps[1].Platforms = f.Apps[0].Platforms[:1] }, []string{"apps[1].platforms app.hosted_field"}},
		{"mini-program with access", func(f *Filing) {
			f.Apps[1].Access = []Access{{ISP: "阿里云", Since: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)}}
		}, []string{"apps[1].access app.hosted_field"}},
		{"mini-program without host", func(f *Filing) { f.Apps[1].Host = "" }, []string{"apps[1].host app.host_required"}},
		{"unknown host", func(f *Filing) { f.Apps[1].Host = "wechatt" }, []string{"apps[1].host app.host_unknown"}},
		{"WeChat hosts no quick app", func(f *Filing) { f.Apps[1].Kind = AppKindQuickApp }, []string{"apps[1].host app.host_kind"}},
		{"Huawei quick app", func(f *Filing) {
			f.Apps[1].Kind, f.Apps[1].Host, f.Apps[1].HostAppID = AppKindQuickApp, HostHuaweiQuick, "105123456"
		}, []string{}},
		{"other host without a name", func(f *Filing) { f.Apps[1].Host = HostOther }, []string{"apps[1].host_name app.host_name_required"}},
	})
}

func TestR73_AppDomains(t *testing.T) {
	runAppCases(t, []appCase{
		{"fourth level is fine", func(f *Filing) { f.Apps[0].Platforms[0].Domains[0] = "a.b.c.wangxiaoming.cn" }, []string{}},
		{"fifth level is too deep", func(f *Filing) { f.Apps[0].Platforms[0].Domains[0] = "a.b.c.d.wangxiaoming.cn" }, []string{"apps[0].platforms[0].domains[0] app.domain_too_deep"}},
		{"under a second-level suffix", func(f *Filing) { f.Apps[0].Platforms[0].Domains[0] = "a.b.c.example.com.cn" }, []string{}},
		{"twice under one platform", func(f *Filing) { f.Apps[0].Platforms[0].Domains[1] = "API.wangxiaoming.cn." }, []string{"apps[0].platforms[0].domains[1] app.duplicate_domain"}},
		{"the website's domain is fine (R-73)", func(f *Filing) { f.Apps[0].Platforms[0].Domains = []string{"www.wangxiaoming.cn"} }, []string{}},
		{"IDN normalised", func(f *Filing) { f.Apps[0].Platforms[0].Domains[0] = "接口.例子.中国" }, []string{}},
		{"unapproved TLD", func(f *Filing) { f.Apps[0].Platforms[0].Domains[0] = "api.ledger.io" }, []string{"apps[0].platforms[0].domains[0] domain.tld_not_approved"}},
		{"public suffix", func(f *Filing) { f.Apps[0].Platforms[0].Domains[0] = "com.cn" }, []string{"apps[0].platforms[0].domains[0] domain.public_suffix"}},
		{"reserved suffix for an individual", func(f *Filing) { f.Apps[0].Platforms[0].Domains[0] = "app.ledger.gov.cn" }, []string{"apps[0].platforms[0].domains[0] domain.government_only"}},
	})
}

func TestR71_HostAppIDWarnings(t *testing.T) {
	for _, tc := range []struct {
		host HostPlatform
		id   string
		warn bool
	}{
		{HostWeChat, "wx5a6c601ca97c8443", false},
		{HostWeChat, "wx5A6C601CA97C8443", true},
		{HostWeChat, "wx5a6c601ca97c84", true},
		{HostAlipay, "2021002163661399", false},
		{HostAlipay, "2013062600000474", false},
		{HostAlipay, "202100216366139", true},
		{HostDouyin, "tt411d37a0de37d565", false},
		{HostDouyin, "abcdefgh123456", true},
		{HostBaidu, "anything", false},
		{HostWeChat, "", false},
	} {
		w := AppIDWarning(tc.host, tc.id)
		assert.Equal(t, tc.warn, w != nil, "%s %s", tc.host, tc.id)
		if w != nil {
			assert.ErrorIs(t, w, CodeHostAppIDFormat)
		}
	}
	f := validAppFiling(t)
	f.Apps[1].HostAppID = "wx123"
	require.NoError(t, Validate(f), "a warning never fails validation")
	ws := Warnings(f)
	require.Len(t, ws, 1)
	assert.Equal(t, "apps[1].host_app_id", ws[0].Path)
	assert.Equal(t, "平台AppID", ws[0].Label)
}

func TestR71_AppJSONAndMasking(t *testing.T) {
	f := validAppFiling(t)
	b, err := json.Marshal(f)
	require.NoError(t, err)
	var back Filing
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, f.Apps, back.Apps)
	assert.Contains(t, string(b), `"identifier":"cn.wangxiaoming.ledger"`)
	assert.Contains(t, string(b), string(f.Apps[0].Principal.Mobile), "JSON keeps personal data raw")

	mobile := string(f.Apps[0].Principal.Mobile)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		assert.NotContains(t, fmt.Sprintf(verb, f.Apps[0]), mobile, verb)
	}
	var sb strings.Builder
	slog.New(slog.NewJSONHandler(&sb, nil)).Info("app", "app", f.Apps[0])
	assert.NotContains(t, sb.String(), mobile)
	assert.NotContains(t, sb.String(), string(f.Apps[0].Principal.CertNumber))
}

func TestR71_AppLabels(t *testing.T) {
	assert.Equal(t, "包名/Bundle ID", Label("apps[3].platforms[1].identifier"))
	assert.Equal(t, "APP负责人手机号码", Label("apps[0].principal.mobile"))
	assert.Equal(t, "应用域名", Label("apps[0].platforms[0].domains[2]"))
}

func TestR71_DraftApp(t *testing.T) {
	f := validAppFiling(t)
	f.Apps[0].Platforms = nil
	f.Apps[0].Language = ""
	assert.NoError(t, Validate(f, WithDraft()))
}

func TestR75_KindLetters(t *testing.T) {
	assert.Equal(t, "A", AppKindApp.Letter())
	assert.Equal(t, "X", AppKindMiniProgram.Letter())
	assert.Equal(t, "K", AppKindQuickApp.Letter())
	assert.Equal(t, "", AppKind("widget").Letter())
	assert.Equal(t, "APP应用", AppKindApp.ServiceType())
	assert.Equal(t, "网站", AppKind("").ServiceType())
}
