package filingtest

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/beiankit/beian/filing"
)

// Apps of a Gen (R-70..R-73).

// appSDKs are third-party SDKs apps commonly declare, with their providers
// and function types.
var appSDKs = []filing.AppSDK{
	{Name: "微信开放平台SDK", Provider: "深圳市腾讯计算机系统有限公司", Purpose: "登录"},
	{Name: "支付宝SDK", Provider: "支付宝（中国）网络技术有限公司", Purpose: "支付"},
	{Name: "高德地图SDK", Provider: "高德软件有限公司", Purpose: "定位"},
	{Name: "极光推送SDK", Provider: "深圳市和讯华谷信息技术有限公司", Purpose: "推送"},
	{Name: "友盟统计SDK", Provider: "友盟同欣（北京）科技有限公司", Purpose: "统计"},
}

var appSuffix = []string{"助手", "APP", "生活", "云", "通", "优选"}

var appCategories = []string{"工具", "生活服务", "商务", "教育", "资讯"}

// App returns a new app of subject s that filing.Validate accepts beside
// the subject's websites:
//   - kind AppKindApp: one platform row per platform given (Android and iOS
//     when none is), each with an identifier derived from a fresh domain of
//     the Gen (reverse-DNS; never repeated by the Gen, case aside), a
//     pseudo-random 2048-bit RSA modulus as the public key, and the
//     fingerprint of a certificate-like encoding of that key with the
//     platform's hash (Android MD5, iOS SHA-1, HarmonyOS and others
//     SHA-256, named), in keytool's colon form; two domains at the level
//     used ("api.<domain>" and the domain itself) and one or two SDKs;
//   - AppKindMiniProgram: a WeChat, Alipay, Douyin or Baidu mini-program
//     with an AppID in the platform's observed format; AppKindQuickApp: a
//     Huawei quick app. No platforms, domains, keys or access.
//
// The responsible person is the subject's for an individual, another
// person of the province otherwise. The name never repeats within the Gen.
func (g *Gen) App(s filing.Subject, kind filing.AppKind, platforms ...filing.Platform) filing.App {
	p := g.placeOf(s.Province)
	b := pick(g, brands)
	a := filing.App{
		Kind: kind,
		Service: filing.Service{
			Name:           g.fresh("app", func(tag string) string { return b.han + tag + pick(g, appSuffix) }),
			ServiceContent: "为用户提供" + pick(g, appCategories) + "类信息服务",
		},
		Language:   "中文简体",
		Categories: []string{pick(g, appCategories)},
	}
	info, _ := filing.Nature(filing.NormalizeText(string(s.Nature))).Info()
	if info.Individual {
		a.Principal = s.Principal
	} else {
		a.Principal = g.personIn(p, needsLandline(p.province))
	}
	switch kind {
	case filing.AppKindMiniProgram:
		switch g.intn(4) {
		case 0:
			a.Host, a.HostAppID = filing.HostWeChat, "wx"+g.hex(16)
		case 1:
			a.Host, a.HostAppID = filing.HostAlipay, "2021"+g.digits(12)
		case 2:
			a.Host, a.HostAppID = filing.HostDouyin, "tt"+g.hex(16)
		default:
			a.Host = filing.HostBaidu
		}
		return a
	case filing.AppKindQuickApp:
		a.Host, a.HostAppID = filing.HostHuaweiQuick, "1"+g.digits(8)
		return a
	}
	if len(platforms) == 0 {
		platforms = []filing.Platform{filing.PlatformAndroid, filing.PlatformIOS}
	}
	domain := g.Domain()
	labels := strings.Split(domain, ".")
	slices.Reverse(labels)
	reverse := strings.Join(labels, ".")
	for _, pl := range platforms {
		row := filing.AppPlatform{Platform: pl, Domains: []string{"api." + domain, domain}}
		var id string
		switch pl {
		case filing.PlatformAndroid:
			id = reverse + ".android"
		case filing.PlatformIOS:
			id = reverse + ".iPhone"
		case filing.PlatformHarmonyOS:
			id = reverse + ".harmony"
		default:
			row.PlatformName = "车机系统"
			id = reverse + ".car"
		}
		// The domain is fresh, so the identifier is new; claimed for the
		// record, case folded as conflicts compare identifiers.
		row.Identifier = id
		g.claim("app-id", filing.AppIdentifierKey(id))
		modulus := g.modulus()
		cert := append([]byte("cert:"+id+":"), modulus...)
		row.PublicKey = strings.ToUpper(hex.EncodeToString(modulus))
		switch pl {
		case filing.PlatformAndroid:
			sum := md5.Sum(cert)
			row.Fingerprint = colonHex(sum[:])
		case filing.PlatformIOS:
			sum := sha1.Sum(cert)
			row.Fingerprint = colonHex(sum[:])
		default:
			sum := sha256.Sum256(cert)
			row.Fingerprint, row.FingerprintAlgorithm = colonHex(sum[:]), filing.HashSHA256
		}
		row.SDKs = []filing.AppSDK{pick(g, appSDKs)}
		if g.chance(2) {
			if extra := pick(g, appSDKs); extra != row.SDKs[0] {
				row.SDKs = append(row.SDKs, extra)
			}
		}
		a.Platforms = append(a.Platforms, row)
	}
	return a
}

// modulus returns 256 pseudo-random bytes with the top bit and the lowest
// bit set, the shape of a 2048-bit RSA modulus.
func (g *Gen) modulus() []byte {
	b := make([]byte, 256)
	for i := range b {
		b[i] = byte(g.intn(256))
	}
	b[0] |= 0x80
	b[255] |= 1
	return b
}

// hex returns n random lower-case hex digits.
func (g *Gen) hex(n int) string {
	const digits = "0123456789abcdef"
	b := make([]byte, n)
	for i := range b {
		b[i] = digits[g.intn(16)]
	}
	return string(b)
}

// colonHex formats a digest as keytool prints it.
func colonHex(sum []byte) string {
	h := strings.ToUpper(hex.EncodeToString(sum))
	var b strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(h[i : i+2])
	}
	return b.String()
}

// FilingWithApps returns Filing(s, websites) with one app of each kind:
// an app on Android, iOS and HarmonyOS, a mini-program and a quick app.
func (g *Gen) FilingWithApps(s filing.Subject, websites int) *filing.Filing {
	f := g.Filing(s, websites)
	f.Apps = []filing.App{
		g.App(s, filing.AppKindApp, filing.PlatformAndroid, filing.PlatformIOS, filing.PlatformHarmonyOS),
		g.App(s, filing.AppKindMiniProgram),
		g.App(s, filing.AppKindQuickApp),
	}
	return f
}
