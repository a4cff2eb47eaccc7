package filing

import (
	"fmt"
	"log/slog"
	"strings"
)

// Apps, mini-programs and quick apps (移动互联网应用程序, R-70..R-75).
//
// Since 工信部信管〔2023〕105号 an app (APP), a mini-program (小程序) or a
// quick app (快应用) that provides internet information services is filed
// like a website, under the same subject. The filing form
// 《互联网信息服务备案登记表》 has a block for the app beside the block for
// the website: the name (identical on every platform), service content and
// category, language, pre-approvals, the responsible person
// and, per running platform, the identifier (package name, Bundle ID,
// bundle name), the signing certificate's public key and fingerprint, the
// domains that platform uses and the third-party SDKs. The form says
// of the domain list, the package data and the whole access block
// "小程序、快应用无需填写": the hosting platform files them.

// hostedKind reports whether the kind runs on a hosting platform, which
// files its domains, identifiers, keys and access information.
func hostedKind(k AppKind) bool { return k == AppKindMiniProgram || k == AppKindQuickApp }

// Platform is a running platform of an app (运行平台): Android, iOS,
// HarmonyOS or another, named in AppPlatform.PlatformName.
type Platform string

// Running platforms.
const (
	PlatformAndroid   Platform = "android"
	PlatformIOS       Platform = "ios"
	PlatformHarmonyOS Platform = "harmonyos"
	PlatformOther     Platform = "other"
)

var platformInfo = map[Platform][3]string{
	PlatformAndroid:   {"安卓", "Android", "包名"},
	PlatformIOS:       {"iOS", "iOS", "Bundle ID"},
	PlatformHarmonyOS: {"鸿蒙", "HarmonyOS", "包名（bundleName）"},
	PlatformOther:     {"其他", "other", "应用标识"},
}

// Valid reports whether p is one of the declared platforms.
func (p Platform) Valid() bool { _, ok := platformInfo[p]; return ok }

// Zh returns the platform's Chinese name ("安卓", "iOS", "鸿蒙", "其他"), or
// the code itself for an unknown platform.
func (p Platform) Zh() string {
	if i, ok := platformInfo[p]; ok {
		return i[0]
	}
	return string(p)
}

// En returns the platform's English name, or the code itself.
func (p Platform) En() string {
	if i, ok := platformInfo[p]; ok {
		return i[1]
	}
	return string(p)
}

// DefaultFingerprint returns the fingerprint algorithm the filing form asks
// for on the platform: MD5 on Android (签名MD5值), SHA-1 on
// iOS. HarmonyOS and other platforms have no default: the filing names its
// algorithm (AppPlatform.FingerprintAlgorithm). Which hash the system wants
// for HarmonyOS NEXT is not published; Huawei's tooling shows SHA-256
// fingerprints, so the SDK accepts any of the three there (DESIGN).
func (p Platform) DefaultFingerprint() (HashAlgorithm, bool) {
	switch p {
	case PlatformAndroid:
		return HashMD5, true
	case PlatformIOS:
		return HashSHA1, true
	}
	return "", false
}

// HashAlgorithm names the hash of a certificate fingerprint.
type HashAlgorithm string

// Fingerprint algorithms and their lengths in hex digits.
const (
	HashMD5    HashAlgorithm = "md5"    // 32 hex digits
	HashSHA1   HashAlgorithm = "sha1"   // 40 hex digits
	HashSHA256 HashAlgorithm = "sha256" // 64 hex digits
)

// HexLen returns the length of the algorithm's digest in hex digits, or 0
// for an unknown algorithm.
func (h HashAlgorithm) HexLen() int {
	switch h {
	case HashMD5:
		return 32
	case HashSHA1:
		return 40
	case HashSHA256:
		return 64
	}
	return 0
}

// String returns the algorithm as people write it ("MD5", "SHA-1",
// "SHA-256"), or the code itself.
func (h HashAlgorithm) String() string {
	switch h {
	case HashMD5:
		return "MD5"
	case HashSHA1:
		return "SHA-1"
	case HashSHA256:
		return "SHA-256"
	}
	return string(h)
}

// HostPlatform is the platform a mini-program or quick app runs on and is
// filed through (微信, 支付宝, 抖音, 百度, 华为快应用, ...).
type HostPlatform string

// Hosting platforms. The list holds the platforms whose filing channels
// the SDK knows of; HostOther takes the rest, named in App.HostName.
const (
	HostWeChat      HostPlatform = "wechat"             // 微信小程序
	HostAlipay      HostPlatform = "alipay"             // 支付宝小程序
	HostDouyin      HostPlatform = "douyin"             // 抖音小程序
	HostBaidu       HostPlatform = "baidu"              // 百度智能小程序
	HostQQ          HostPlatform = "qq"                 // QQ小程序
	HostKuaishou    HostPlatform = "kuaishou"           // 快手小程序
	HostHuaweiQuick HostPlatform = "huawei_quick"       // 华为快应用
	HostQuickAlly   HostPlatform = "quick_app_alliance" // 快应用联盟 (the phone makers' quick app centre)
	HostOther       HostPlatform = "other"              // another platform, named in HostName
)

var hostInfo = map[HostPlatform]struct {
	zh, en string
	kind   AppKind // "" for any hosted kind
}{
	HostWeChat:      {"微信", "WeChat", AppKindMiniProgram},
	HostAlipay:      {"支付宝", "Alipay", AppKindMiniProgram},
	HostDouyin:      {"抖音", "Douyin", AppKindMiniProgram},
	HostBaidu:       {"百度", "Baidu", AppKindMiniProgram},
	HostQQ:          {"QQ", "QQ", AppKindMiniProgram},
	HostKuaishou:    {"快手", "Kuaishou", AppKindMiniProgram},
	HostHuaweiQuick: {"华为快应用", "Huawei quick app", AppKindQuickApp},
	HostQuickAlly:   {"快应用联盟", "Quick App Alliance", AppKindQuickApp},
	HostOther:       {"其他平台", "other platform", ""},
}

// Valid reports whether h is one of the declared hosting platforms.
func (h HostPlatform) Valid() bool { _, ok := hostInfo[h]; return ok }

// Zh returns the platform's Chinese name, or the code itself.
func (h HostPlatform) Zh() string {
	if i, ok := hostInfo[h]; ok {
		return i.zh
	}
	return string(h)
}

// En returns the platform's English name, or the code itself.
func (h HostPlatform) En() string {
	if i, ok := hostInfo[h]; ok {
		return i.en
	}
	return string(h)
}

// App is one app, mini-program or quick app filed under the subject
// (应用信息, R-70, R-71). Apps sit beside websites in a Filing and take their
// record numbers from the same sequence.
//
// An app (Kind AppKindApp) lists its running platforms in Platforms and
// may carry access records. A mini-program or quick app names its hosting
// platform (Host, HostAppID) instead and carries no platforms, domains,
// keys or access: the form says "小程序、快应用无需填写". The name
// keeps the website name's cap of 100 characters (DESIGN; Huawei quick
// apps allow 30).
type App struct {
	Service
	// Kind is app, mini_program or quick_app.
	Kind AppKind `json:"kind" validate:"required"`
	// Categories are the service categories (类目), e.g. "生活服务", at most
	// 5 (the WeChat filing API's limit, which mirrors the filing system).
	Categories []string `json:"categories,omitempty" validate:"omitempty,max=5,dive,required,max=50"`
	// Language is the app's main language (语种), e.g. "中文简体"; Huawei
	// advises one.
	Language string `json:"language" validate:"required,max=50"`
	// Platforms are the running platforms of an app, one row each; empty
	// for mini-programs and quick apps. At most 8.
	Platforms []AppPlatform `json:"platforms,omitempty" validate:"omitempty,max=8,dive"`
	// Host is the hosting platform of a mini-program or quick app.
	Host HostPlatform `json:"host,omitempty"`
	// HostName names the hosting platform when Host is HostOther.
	HostName string `json:"host_name,omitempty" validate:"omitempty,max=50"`
	// HostAppID is the mini-program's or quick app's ID on its hosting
	// platform (WeChat "wx" + 16 hex digits, Alipay 16 digits, ...). The
	// filing form does not carry it; it is checked against the observed
	// formats with warnings only (AppIDWarning).
	HostAppID string `json:"host_app_id,omitempty" validate:"omitempty,max=64"`
}

// AppPlatform is one running platform of an app: its
// identifier, signing certificate data, domains and third-party SDKs.
type AppPlatform struct {
	// Platform is android, ios, harmonyos or other.
	Platform Platform `json:"platform" validate:"required"`
	// PlatformName names the platform when Platform is other.
	PlatformName string `json:"platform_name,omitempty" validate:"omitempty,max=50"`
	// Identifier is the Android package name (applicationId,
	// "com.tencent.mm"), the iOS Bundle ID ("com.tencent.xin") or the
	// HarmonyOS bundle name ("com.huawei.hmos.settings"); see
	// CheckAppIdentifier. A Bundle ID keeps its case for display and
	// compares case-insensitively (AppIdentifierKey).
	Identifier string `json:"identifier" validate:"required"`
	// PublicKey is the signing certificate's public key (公钥): for RSA the
	// modulus in hex, stored without separators in upper case.
	PublicKey string `json:"public_key" validate:"required"`
	// Fingerprint is the signing certificate's fingerprint (签名值), stored
	// canonical: upper-case hex without separators (NormalizeFingerprint).
	Fingerprint string `json:"fingerprint" validate:"required"`
	// FingerprintAlgorithm is the hash of Fingerprint: md5 on Android and
	// sha1 on iOS (filled in when empty), named on HarmonyOS and others.
	FingerprintAlgorithm HashAlgorithm `json:"fingerprint_algorithm,omitempty"`
	// Domains are the domains this platform uses (域名列表), at the level
	// used; a domain may appear under several platforms. At most 50.
	Domains []string `json:"domains,omitempty" validate:"omitempty,max=50,dive,icp_domain"`
	// SDKs are the third-party SDKs the platform's build uses, with their
	// providers. At most 100.
	SDKs []AppSDK `json:"sdks,omitempty" validate:"omitempty,max=100,dive"`
}

// AppSDK is one third-party SDK an app uses (SDK服务厂商及功能类型).
type AppSDK struct {
	// Name is the SDK's name, e.g. "微信开放平台SDK".
	Name string `json:"name" validate:"required,max=100"`
	// Provider is the SDK's provider (SDK服务厂商), e.g. "深圳市腾讯计算机系统有限公司".
	Provider string `json:"provider" validate:"required,max=100"`
	// Purpose is the function type (功能类型), e.g. "支付", "定位", "登录".
	Purpose string `json:"purpose,omitempty" validate:"omitempty,max=50"`
}

// LogValue logs the app with its responsible person masked
// (MaskedLogValue).
func (a App) LogValue() slog.Value { return MaskedLogValue(a) }

// Format prints the app for fmt with its responsible person masked
// (FormatMasked).
func (a App) Format(f fmt.State, verb rune) { FormatMasked(f, verb, a) }

// AppDomains returns the distinct domains of an app's platforms, in their
// order of first appearance.
func (a *App) AppDomains() []string {
	var out []string
	for i := range a.Platforms {
		for _, d := range a.Platforms[i].Domains {
			dup := false
			for _, e := range out {
				if strings.EqualFold(e, d) {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, d)
			}
		}
	}
	return out
}
