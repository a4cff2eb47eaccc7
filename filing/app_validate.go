package filing

import (
	"strconv"
	"strings"

	"github.com/beiankit/beian/filing/domain"
)

// Validation of apps, mini-programs and quick apps (R-70..R-73, R-75): the
// normalisation of Filing.Apps (called by NormalizeFiling), the rules pass
// over them (called by the rules pass of Validate) and the warnings
// (Warnings) that never fail a filing.
//
// Decisions (DESIGN where no source exists):
//   - R-73 depth: "用到哪级备哪级", and sources disagree on how deep: hsy.com
//     says up to 三级, Huawei Cloud's App filing FAQ says up to 四级, both
//     counting the registrable domain as 一级. The SDK takes 四级 (at most
//     three labels before the registrable domain: "a.b.c.example.com"),
//     the ISP documentation's figure, because a narrower limit would reject
//     filings the largest ISPs accept (app.domain_too_deep).
//   - One app, one filing: an app is filed once with every platform it runs
//     on (Huawei Cloud App备案咨询: the name is identical on every platform,
//     all platforms in one filing); two entries of one kind and name in one
//     filing are app.duplicate_name, one platform listed twice in an app is
//     app.duplicate_platform, and one identifier in two apps of the filing
//     is app.duplicate_identifier. One app may use one identifier on
//     several platforms (Weibo is com.sina.weibo on Android and iOS).
//   - The same domain under two platforms of one app is fine (hsy.com: a
//     domain may appear under several platforms); twice under one platform
//     is app.duplicate_domain. An app may use a website's domain.
//   - Mini-programs and quick apps carrying platform rows, domains, keys or
//     access records are app.hosted_field (R-71: "小程序、快应用无需填写"),
//     and need their hosting platform (app.host_required); an app carrying
//     a hosting platform is app.host_for_app.
//   - A new app (no number) needs at least one platform (app.no_platform).
//   - AppIDs of hosting platforms are checked against the formats observed
//     (WeChat wx + 16 hex, Alipay 16 digits, Douyin tt + 16 hex), as
//     warnings only: no platform publishes its format.

// Problems of the app rules.
var (
	CodeAppNoPlatform        = define("app.no_platform", "R-71", "请至少填写一个运行平台的信息", "an app needs at least one running platform")
	CodeAppDuplicatePlatform = define("app.duplicate_platform", "R-71", "运行平台“%s”重复填写，每个平台只能填写一次", "platform %s is listed twice")
	CodeAppDuplicateName     = define("app.duplicate_name", "R-71", "%s“%s”在本次备案中重复填写，同一应用的各平台请在一个应用下填写", "%s %q appears twice in the filing: list its platforms under one app")
	CodeAppDuplicateID       = define("app.duplicate_identifier", "R-74", "%s“%s”在本次备案中重复填写", "the identifier %[2]s (%[1]s) appears twice in the filing")
	CodeAppDuplicateDomain   = define("app.duplicate_domain", "R-73", "域名“%s”在该平台下重复填写", "domain %s is listed twice for the platform")
	CodeAppDomainTooDeep     = define("app.domain_too_deep", "R-73", "域名“%s”层级过深，APP域名最多备案到四级域名", "domain %s is too deep: app domains go down to the fourth level (three labels before the registrable domain)")
	CodeAppHostedField       = define("app.hosted_field", "R-71", "%s无需填写%s，由所在平台备案", "a %s carries no %s: its hosting platform files it")
	CodeAppHostRequired      = define("app.host_required", "R-71", "请选择%s所属的平台", "a %s needs its hosting platform")
	CodeAppHostForApp        = define("app.host_for_app", "R-71", "APP无需填写小程序/快应用所属平台", "an app has no hosting platform (that is for mini-programs and quick apps)")
	CodeAppHostKind          = define("app.host_kind", "R-71", "平台“%s”不提供%s", "%s hosts no %s")
	CodeAppHostNameRequired  = define("app.host_name_required", "R-71", "所属平台为“其他平台”时，请填写平台名称", "a hosting platform of kind other needs its name")
)

// appPath returns "apps[i]" + rest.
func appPath(i int, rest string) string { return "apps[" + strconv.Itoa(i) + "]" + rest }

func platformPath(i, j int, rest string) string {
	return "apps[" + strconv.Itoa(i) + "].platforms[" + strconv.Itoa(j) + "]" + rest
}

// normalizeApp returns a normalised copy of an app: text trimmed and
// NFKC-folded, kinds and platforms in lower case, fingerprints, public keys
// and domains in canonical form where they are valid (an invalid value is
// kept as entered, for the checks to report), the fingerprint algorithm of
// Android and iOS filled in.
func normalizeApp(a *App, m *memo) App {
	n := *a
	n.Service = normalizeService(&a.Service)
	n.Kind = AppKind(strings.ToLower(strings.TrimSpace(string(a.Kind))))
	if a.Categories != nil {
		n.Categories = make([]string, len(a.Categories))
		for i, c := range a.Categories {
			n.Categories[i] = normText(c)
		}
	}
	n.Language = normText(a.Language)
	if a.Platforms != nil {
		n.Platforms = make([]AppPlatform, len(a.Platforms))
		for i := range a.Platforms {
			n.Platforms[i] = normalizeAppPlatform(&a.Platforms[i], m)
		}
	}
	n.Host = HostPlatform(strings.ToLower(strings.TrimSpace(string(a.Host))))
	n.HostName = normText(a.HostName)
	n.HostAppID = strings.TrimSpace(a.HostAppID)
	return n
}

// NormalizeApp returns a normalised copy of an app, as NormalizeFiling
// normalises the apps of a filing. It is idempotent.
func NormalizeApp(a App) App { return normalizeApp(&a, nil) }

func normalizeAppPlatform(p *AppPlatform, m *memo) AppPlatform {
	n := *p
	n.Platform = Platform(strings.ToLower(strings.TrimSpace(string(p.Platform))))
	n.PlatformName = normText(p.PlatformName)
	n.Identifier = NormalizeText(p.Identifier) // full-width input folds; an identifier is ASCII
	n.FingerprintAlgorithm = normalizeHashName(p.FingerprintAlgorithm)
	if n.FingerprintAlgorithm == "" {
		n.FingerprintAlgorithm, _ = n.Platform.DefaultFingerprint()
	}
	if fp, err := NormalizeFingerprint(p.Fingerprint, n.FingerprintAlgorithm); err == nil {
		n.Fingerprint = fp
	} else {
		n.Fingerprint = strings.TrimSpace(p.Fingerprint)
	}
	if k, err := NormalizePublicKey(p.PublicKey); err == nil {
		n.PublicKey = k
	} else {
		n.PublicKey = strings.TrimSpace(p.PublicKey)
	}
	if p.Domains != nil {
		n.Domains = make([]string, len(p.Domains))
		for i, d := range p.Domains {
			n.Domains[i] = normalizeDomain(m, d)
		}
	}
	if p.SDKs != nil {
		n.SDKs = make([]AppSDK, len(p.SDKs))
		for i, s := range p.SDKs {
			n.SDKs[i] = AppSDK{Name: normText(s.Name), Provider: normText(s.Provider), Purpose: normText(s.Purpose)}
		}
	}
	return n
}

// normalizeHashName reads the usual spellings of an algorithm ("MD5",
// "SHA-1", "sha 256"); an unknown name is kept, lower case, for the check
// to report.
func normalizeHashName(h HashAlgorithm) HashAlgorithm {
	switch h {
	case "", HashMD5, HashSHA1, HashSHA256:
		return h
	}
	b := make([]byte, 0, len(h))
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c == '-' || c == '_' || c == ' ' || c == '\t':
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return HashAlgorithm(b)
}

// appRules: R-70..R-73 and for the apps of a filing.
func (c *ruleCtx) appRules() {
	f := c.f
	_, natOK := f.Subject.Nature.Info()
	natOK = natOK && !c.failed["subject.nature"]
	type named struct {
		kind AppKind
		name string
	}
	names := map[named]int{}
	ids := map[string]int{} // identifier key → app index
	for i := range f.Apps {
		a := &f.Apps[i]
		if !a.Kind.Valid() {
			if a.Kind != "" { // "" is the required tag's
				c.add(newProblem(CodeAppKindUnknown), appPath(i, ".kind"))
			}
			continue
		}
		if a.Name != "" {
			k := named{a.Kind, appNameKey(a.Name)}
			if _, dup := names[k]; dup {
				c.add(newProblem(CodeAppDuplicateName, a.Kind.Zh(), a.Name), appPath(i, ".name"))
			}
			names[k] = i
		}
		if hostedKind(a.Kind) {
			c.hostedRules(i, a)
		} else {
			c.appPlatformRules(i, a, natOK, ids)
		}
		c.appName(i)
		c.serviceRules(appPath(i, ""), &a.Service)
	}
	c.serviceNumberRules()
}

// appNameKey returns the key under which app names of one filing meet: the name
// NFKC-folded, white space removed, ASCII letters in lower case.
func appNameKey(name string) string {
	s := NormalizeText(name)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '\u3000':
			continue
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// hostedRules: a mini-program or quick app names its hosting platform and
// carries none of the fields its platform files.
func (c *ruleCtx) hostedRules(i int, a *App) {
	kzh, ken := a.Kind.Zh(), a.Kind.En()
	forbid := func(path, zh, en string) {
		c.add(problemZhEn(CodeAppHostedField, []any{kzh, zh}, []any{ken, en}), appPath(i, path))
	}
	if len(a.Platforms) > 0 {
		forbid(".platforms", "运行平台、包名、公钥、签名值和域名", "platform rows, identifiers, keys, fingerprints or domains")
	}
	if len(a.Access) > 0 {
		forbid(".access", "接入信息", "access information")
	}
	switch {
	case a.Host == "":
		c.add(problemZhEn(CodeAppHostRequired, []any{kzh}, []any{ken}), appPath(i, ".host"))
	case !a.Host.Valid():
		c.add(newProblem(CodeHostUnknown), appPath(i, ".host"))
	default:
		if k := hostInfo[a.Host].kind; k != "" && k != a.Kind {
			c.add(problemZhEn(CodeAppHostKind, []any{a.Host.Zh(), kzh}, []any{a.Host.En(), ken}), appPath(i, ".host"))
		}
		if a.Host == HostOther && a.HostName == "" {
			c.add(newProblem(CodeAppHostNameRequired), appPath(i, ".host_name"))
		}
	}
}

// appPlatformRules: the platform rows of an app (R-71..R-73).
func (c *ruleCtx) appPlatformRules(i int, a *App, natOK bool, ids map[string]int) {
	if a.Host != "" || a.HostAppID != "" {
		c.add(newProblem(CodeAppHostForApp), appPath(i, ".host"))
	}
	if len(a.Platforms) == 0 && a.Number == "" && !c.failed[appPath(i, ".platforms")] {
		c.add(newProblem(CodeAppNoPlatform), appPath(i, ".platforms"))
	}
	var seen [4]bool
	for j := range a.Platforms {
		p := &a.Platforms[j]
		pi := platformIndex(p.Platform)
		if pi < 0 {
			if p.Platform != "" {
				c.add(newProblem(CodeAppPlatformUnknown), platformPath(i, j, ".platform"))
			}
			continue
		}
		if seen[pi] && p.Platform != PlatformOther {
			c.add(newProblem(CodeAppDuplicatePlatform, p.Platform.Zh()), platformPath(i, j, ".platform"))
		}
		seen[pi] = true
		if p.Platform == PlatformOther && p.PlatformName == "" {
			c.add(newProblem(CodeAppPlatformName), platformPath(i, j, ".platform_name"))
		}
		if p.Identifier != "" {
			if pr := checkAppIdentifier(p.Platform, p.Identifier); pr != nil {
				c.add(pr, platformPath(i, j, ".identifier"))
			} else {
				k := AppIdentifierKey(p.Identifier)
				if other, ok := ids[k]; ok && other != i {
					zh, en := identifierLabel(p.Platform)
					c.add(problemZhEn(CodeAppDuplicateID, []any{zh, p.Identifier}, []any{en, p.Identifier}), platformPath(i, j, ".identifier"))
				}
				ids[k] = i
			}
		}
		c.fingerprintRules(i, j, p)
		if p.PublicKey != "" {
			if _, err := NormalizePublicKey(p.PublicKey); err != nil {
				c.add(problemOf(err), platformPath(i, j, ".public_key"))
			}
		}
		c.appDomainRules(i, j, p, natOK)
	}
}

func platformIndex(p Platform) int {
	switch p {
	case PlatformAndroid:
		return 0
	case PlatformIOS:
		return 1
	case PlatformHarmonyOS:
		return 2
	case PlatformOther:
		return 3
	}
	return -1
}

// fingerprintRules: the algorithm fits the platform, the digits fit the
// algorithm.
func (c *ruleCtx) fingerprintRules(i, j int, p *AppPlatform) {
	alg := p.FingerprintAlgorithm
	path := platformPath(i, j, ".fingerprint_algorithm")
	switch {
	case alg == "":
		c.add(problemZhEn(CodeFingerprintAlgNeeded, []any{p.Platform.Zh()}, []any{p.Platform.En()}), path)
		alg = ""
	case alg.HexLen() == 0:
		c.add(problemZhEn(CodeFingerprintAlgNeeded, []any{p.Platform.Zh()}, []any{p.Platform.En()}), path)
		alg = ""
	default:
		if want, ok := p.Platform.DefaultFingerprint(); ok && want != alg {
			c.add(problemZhEn(CodeFingerprintAlgorithm, []any{p.Platform.Zh(), want.String(), alg.String()}, []any{p.Platform.En(), want.String(), alg.String()}), path)
			alg = want
		}
	}
	if p.Fingerprint == "" {
		return // the required tag's
	}
	if _, err := NormalizeFingerprint(p.Fingerprint, alg); err != nil {
		c.add(problemOf(err), platformPath(i, j, ".fingerprint"))
	}
}

// appDomainRules: the domains of one platform (R-73, R-09 suffixes).
func (c *ruleCtx) appDomainRules(i, j int, p *AppPlatform, natOK bool) {
	for k, d := range p.Domains {
		path := platformPath(i, j, ".domains["+strconv.Itoa(k)+"]")
		if c.failed[path] {
			continue
		}
		dup := false
		for _, e := range p.Domains[:k] {
			if e == d {
				dup = true
				break
			}
		}
		if dup {
			c.add(newProblem(CodeAppDuplicateDomain, domain.DomainUnicode(d)), path)
			continue
		}
		reg, pr := domain.RegistrableASCII(d)
		if pr != nil {
			continue // icp_domain reports it
		}
		if depth := strings.Count(d[:len(d)-len(reg)], "."); depth > maxAppDomainDepth {
			c.add(newProblem(CodeAppDomainTooDeep, domain.DomainUnicode(d)), path)
			continue
		}
		if natOK {
			if pr := domain.CheckReserved(d, string(c.f.Subject.Nature)); pr != nil {
				c.add(pr, path)
			}
		}
	}
}

// maxAppDomainDepth is the number of labels an app domain may have before
// its registrable domain (四级, see the decisions above).
const maxAppDomainDepth = 3
