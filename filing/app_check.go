package filing

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Field checks of apps: platform identifiers, certificate
// fingerprints and public keys, hosting platform AppIDs.
//
// Decisions (DESIGN where no source exists):
//   - Android package names: at least 2 segments, each starting with a
//     letter, then letters, digits and '_' (developer.android.com, "Configure
//     the app module"). Android states no length limit; the SDK caps
//     identifiers of every platform at 255 bytes (DESIGN, the longest file
//     name Android and iOS accept for the package's data directory).
//   - iOS Bundle IDs: letters, digits, '-' and '.' (Apple glossary "Bundle
//     ID"), non-empty segments. Reverse-DNS form is Apple's advice, not a
//     rule: single-segment IDs (youdaoPro, SuningEMall, yyvoice) are on
//     the App Store and are accepted (DESIGN: 1 segment or more). They are case-insensitive: the case is kept for
//     display, AppIdentifierKey folds it for comparisons.
//   - HarmonyOS bundle names: the app.json5 rule of OpenHarmony 5.0.0.55 and
//     later (at least 3 segments; letters, digits and '_'; the first segment
//     starts with a letter, every segment starts and ends with a letter or a
//     digit; 7-128 bytes). Huawei's FAQ variant ("lower-case letters, digits
//     and dots, up to 255") disagrees; the configuration file's rule wins,
//     because the build tools enforce it.
//   - Other platforms: 1-255 printable ASCII characters without spaces
//     (DESIGN).
//   - Fingerprints and public keys: hex digits, entered with or without
//     separators (':' or ' ' between every two digits, or '-' as keytool
//     never prints but people paste) in any case; stored in upper case
//     without separators. A separator anywhere else (an odd digit run) is
//     app.fingerprint_separator (DESIGN: the filing system's expected
//     spelling is not published).
//   - Identifiers of every platform compare case-insensitively for
//     conflicts (AppIdentifierKey): iOS says so; for Android, where
//     package names are case-sensitive, a name differing only in case from
//     another subject's is reported too, for the bureau to judge (DESIGN,
//     reported, never resolved).

// Problems of app fields.
var (
	CodeAppKindUnknown       = define("app.kind_unknown", "R-70", "应用类型不正确，请选择APP、小程序或快应用", "unknown app kind (app, mini_program, quick_app)")
	CodeAppPlatformUnknown   = define("app.platform_unknown", "R-71", "运行平台不正确，请选择安卓、iOS、鸿蒙或其他", "unknown running platform (android, ios, harmonyos, other)")
	CodeAppPlatformName      = define("app.platform_name_required", "R-71", "运行平台为“其他”时，请填写平台名称", "a platform of kind other needs its name")
	CodeAppIdentifierEmpty   = define("app.identifier_empty", "R-72", "请填写%s", "the %s identifier is empty")
	CodeAppIdentifierLong    = define("app.identifier_too_long", "R-72", "%s过长，最多%d个字节", "the %s identifier is longer than %d bytes")
	CodeAppIdentifierShort   = define("app.identifier_too_short", "R-72", "%s过短，至少%d个字节", "the %s identifier is shorter than %d bytes")
	CodeAppIdentifierSyntax  = define("app.identifier_syntax", "R-72", "%s格式不正确：%s", "malformed %s identifier: %s")
	CodeFingerprintEmpty     = define("app.fingerprint_empty", "R-72", "请填写签名值（证书指纹）", "the certificate fingerprint is empty")
	CodeFingerprintHex       = define("app.fingerprint_not_hex", "R-72", "签名值只能包含十六进制字符0-9、A-F，第%d个字符“%s”不是十六进制字符", "the fingerprint has a non-hex character %[2]q at position %[1]d")
	CodeFingerprintLength    = define("app.fingerprint_length", "R-72", "%s签名值应为%d位十六进制字符，实际为%d位", "a %s fingerprint has %d hex digits, got %d")
	CodeFingerprintSeparator = define("app.fingerprint_separator", "R-72", "签名值中的分隔符位置不正确，应每两位字符一个冒号或空格，或不使用分隔符", "misplaced separator in the fingerprint: one ':' or ' ' between every two hex digits, or none")
	CodeFingerprintAlgorithm = define("app.fingerprint_algorithm", "R-72", "%s平台的签名值应使用%s，不能使用%s", "%s fingerprints are %s, not %s")
	CodeFingerprintAlgNeeded = define("app.fingerprint_algorithm_required", "R-72", "请注明%s平台签名值的算法（MD5、SHA-1或SHA-256）", "name the fingerprint algorithm for %s (md5, sha1, sha256)")
	CodePublicKeyHex         = define("app.public_key_not_hex", "R-72", "公钥须以十六进制形式填写（证书公钥的模数）", "the public key must be hex (the certificate key's modulus)")
	CodePublicKeyLength      = define("app.public_key_length", "R-72", "公钥长度不正确：应为16至4096位十六进制字符且为偶数位", "the public key must be 16 to 4096 hex digits, an even number")
	CodeHostUnknown          = define("app.host_unknown", "R-71", "小程序/快应用所属平台不正确，请从列表中选择", "unknown hosting platform")
	CodeHostAppIDFormat      = define("app.host_app_id_format", "R-71", "%s的AppID通常为%s，请核对“%s”", "%s AppIDs are usually %s; check %q")
)

// Identifier length limits (bytes).
const (
	maxAppIdentifier  = 255
	minHarmonyBundle  = 7
	maxHarmonyBundle  = 128
	maxPublicKeyHex   = 4096
	minPublicKeyHex   = 16
	maxFingerprintRaw = 256
)

// identifierLabel returns the Chinese and English names of a platform's
// identifier.
func identifierLabel(p Platform) (zh, en string) {
	switch p {
	case PlatformAndroid:
		return "安卓包名", "Android package name"
	case PlatformIOS:
		return "iOS Bundle ID", "iOS Bundle ID"
	case PlatformHarmonyOS:
		return "鸿蒙包名（bundleName）", "HarmonyOS bundle name"
	}
	return "应用标识", "app identifier"
}

// CheckAppIdentifier checks a platform identifier's syntax: an Android
// package name, an iOS Bundle ID, a HarmonyOS bundle name, or the identifier
// of another platform. Surrounding white space is trimmed first. It returns
// nil or a *Problem (app.identifier_empty, app.identifier_too_long,
// app.identifier_too_short, app.identifier_syntax, app.platform_unknown).
func CheckAppIdentifier(p Platform, id string) error {
	if pr := checkAppIdentifier(p, strings.TrimSpace(id)); pr != nil {
		return pr
	}
	return nil
}

func checkAppIdentifier(p Platform, id string) *Problem {
	if !p.Valid() {
		return newProblem(CodeAppPlatformUnknown)
	}
	zh, en := identifierLabel(p)
	if id == "" {
		return problemZhEn(CodeAppIdentifierEmpty, []any{zh}, []any{en})
	}
	limit := maxAppIdentifier
	if p == PlatformHarmonyOS {
		limit = maxHarmonyBundle
	}
	if len(id) > limit {
		return problemZhEn(CodeAppIdentifierLong, []any{zh, limit}, []any{en, limit})
	}
	syntax := func(zhWhy, enWhy string) *Problem {
		return problemZhEn(CodeAppIdentifierSyntax, []any{zh, zhWhy}, []any{en, enWhy})
	}
	switch p {
	case PlatformAndroid:
		return checkSegments(id, 2, syntax, func(seg string, _ int) (string, string) {
			if !isASCIILetter(seg[0]) {
				return "每段须以字母开头", "every segment starts with a letter"
			}
			for i := 1; i < len(seg); i++ {
				if c := seg[i]; !isASCIILetter(c) && !isDigit(c) && c != '_' {
					return "只能包含字母、数字、下划线和点", "letters, digits, '_' and '.' only"
				}
			}
			return "", ""
		})
	case PlatformIOS:
		// Apple's CFBundleIdentifier: alphanumerics, '-' and '.', no
		// segment count: single-segment IDs (youdaoPro, SuningEMall,
		// yyvoice) are real, on the App Store, and accepted.
		return checkSegments(id, 1, syntax, func(seg string, _ int) (string, string) {
			for i := 0; i < len(seg); i++ {
				if c := seg[i]; !isASCIILetter(c) && !isDigit(c) && c != '-' {
					return "只能包含字母、数字、连字符和点", "letters, digits, '-' and '.' only"
				}
			}
			return "", ""
		})
	case PlatformHarmonyOS:
		if len(id) < minHarmonyBundle {
			return problemZhEn(CodeAppIdentifierShort, []any{zh, minHarmonyBundle}, []any{en, minHarmonyBundle})
		}
		return checkSegments(id, 3, syntax, func(seg string, i int) (string, string) {
			if i == 0 && !isASCIILetter(seg[0]) {
				return "第一段须以字母开头", "the first segment starts with a letter"
			}
			for k := 0; k < len(seg); k++ {
				if c := seg[k]; !isASCIILetter(c) && !isDigit(c) && c != '_' {
					return "只能包含字母、数字、下划线和点", "letters, digits, '_' and '.' only"
				}
			}
			if seg[0] == '_' || seg[len(seg)-1] == '_' {
				return "每段须以字母或数字开头和结尾", "every segment starts and ends with a letter or digit"
			}
			return "", ""
		})
	}
	for i := 0; i < len(id); i++ {
		if id[i] <= ' ' || id[i] >= 0x7f {
			return syntax("只能包含可见的ASCII字符，不能有空格", "printable ASCII without spaces only")
		}
	}
	return nil
}

// checkSegments splits a dotted identifier and checks each segment.
func checkSegments(id string, min int, syntax func(zh, en string) *Problem, seg func(string, int) (string, string)) *Problem {
	n := strings.Count(id, ".") + 1
	if n < min {
		return syntax("至少"+strconv.Itoa(min)+"段，以点分隔", "at least "+strconv.Itoa(min)+" dot-separated segments")
	}
	i := 0
	for s := range strings.SplitSeq(id, ".") {
		if s == "" {
			return syntax("不能以点开头或结尾，不能有连续的点", "no empty segment (leading, trailing or double dot)")
		}
		if zh, en := seg(s, i); zh != "" {
			return syntax(zh, en)
		}
		i++
	}
	return nil
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }

// AppIdentifierKey returns the key under which platform identifiers meet
// for conflicts: the trimmed identifier in ASCII lower case, so
// "com.ss.iphone.ugc.Aweme" and "com.ss.iphone.ugc.aweme" meet (iOS Bundle
// IDs are case-insensitive; see the decisions above for the other
// platforms). The platform is not part of the key: an Android package
// and a HarmonyOS bundle of the same name meet too, since both name one
// app by its owner's reverse domain.
func AppIdentifierKey(id string) string {
	id = strings.TrimSpace(id)
	for i := 0; i < len(id); i++ {
		if c := id[i]; c >= 'A' && c <= 'Z' {
			b := []byte(id)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return id
}

// NormalizeFingerprint returns a certificate fingerprint in canonical form
// upper-case hex without separators. It accepts the digits with or
// without separators, ':' (as keytool and openssl print them), ' ' or '-'
// between every two digits, and any letter case, with surrounding white
// space. alg gives the expected length; an empty alg checks the hex only.
// Problems: app.fingerprint_empty, app.fingerprint_not_hex,
// app.fingerprint_separator, app.fingerprint_length. NormalizeFingerprint
// is idempotent.
func NormalizeFingerprint(s string, alg HashAlgorithm) (string, error) {
	if n := alg.HexLen(); n > 0 && len(s) == n && isUpperHex(s) {
		return s, nil // canonical already
	}
	out, p := normalizeHex(foldWide(s), alg)
	if p != nil {
		return "", p
	}
	if n := alg.HexLen(); n > 0 && len(out) != n {
		return "", newProblem(CodeFingerprintLength, alg.String(), n, len(out))
	}
	return out, nil
}

// NormalizePublicKey returns a public key (the modulus of an RSA key, or the
// key's hex encoding) in canonical form: upper-case hex without
// separators, 16 to 4096 digits, an even number. Separators are accepted as
// by NormalizeFingerprint, and so are a leading "0x" and line breaks (a
// modulus copied from openssl output). NormalizePublicKey is idempotent.
func NormalizePublicKey(s string) (string, error) {
	if len(s) >= minPublicKeyHex && len(s) <= maxPublicKeyHex && len(s)%2 == 0 && isUpperHex(s) {
		return s, nil // canonical already
	}
	s = strings.TrimSpace(foldWide(s))
	if len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s = s[2:]
	}
	if len(s) > 3*maxPublicKeyHex {
		return "", newProblem(CodePublicKeyLength)
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ':' || c == ' ' || c == '\n' || c == '\r' || c == '\t':
			continue
		case isDigit(c), c >= 'A' && c <= 'F':
			b = append(b, c)
		case c >= 'a' && c <= 'f':
			b = append(b, c-('a'-'A'))
		default:
			return "", newProblem(CodePublicKeyHex)
		}
	}
	if len(b) < minPublicKeyHex || len(b) > maxPublicKeyHex || len(b)%2 != 0 {
		return "", newProblem(CodePublicKeyLength)
	}
	return string(b), nil
}

// foldWide folds the full-width digits, letters and separators a Chinese
// input method types ("３Ｆ：２Ａ") to ASCII through NormalizeText; ASCII
// input is returned as it is.
func foldWide(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return NormalizeText(s)
		}
	}
	return s
}

// normalizeHex strips the separators of a fingerprint, which must sit
// between every two digits (one kind throughout), and upper-cases it.
func normalizeHex(s string, alg HashAlgorithm) (string, *Problem) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", newProblem(CodeFingerprintEmpty)
	}
	if len(s) > maxFingerprintRaw {
		return "", newProblem(CodeFingerprintLength, alg.String(), alg.HexLen(), len(s))
	}
	b := make([]byte, 0, len(s))
	var sep byte
	run := 0 // hex digits since the last separator
	pos := 0 // rune position for messages
	for i := 0; i < len(s); {
		c := s[i]
		pos++ // bytes before a non-ASCII rune are ASCII, so pos counts runes
		switch {
		case isDigit(c), c >= 'A' && c <= 'F':
			b = append(b, c)
			run++
			i++
		case c >= 'a' && c <= 'f':
			b = append(b, c-('a'-'A'))
			run++
			i++
		case c == ':' || c == ' ' || c == '-':
			if run != 2 || (sep != 0 && sep != c) {
				return "", newProblem(CodeFingerprintSeparator)
			}
			sep, run = c, 0
			i++
		default:
			r, _ := utf8.DecodeRuneInString(s[i:])
			return "", newProblem(CodeFingerprintHex, pos, string(r))
		}
	}
	if sep != 0 && run != 2 {
		return "", newProblem(CodeFingerprintSeparator)
	}
	return string(b), nil
}

// isUpperHex reports whether s is made of 0-9 and A-F only.
func isUpperHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isDigit(c) && (c < 'A' || c > 'F') {
			return false
		}
	}
	return true
}
