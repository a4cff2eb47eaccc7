package filingtest

import (
	"strings"

	"github.com/beiankit/beian/filing"
)

// Broken cases of apps, mini-programs and quick apps (R-70..R-74), appended
// to the broken cases after those of websites.

// withApps is a new filing of an enterprise in Guangdong with one website,
// an app on Android and iOS, and a WeChat mini-program.
func withApps(g *Gen) *filing.Filing {
	f := enterprise("44", 1)(g)
	f.Apps = []filing.App{
		g.App(f.Subject, filing.AppKindApp, filing.PlatformAndroid, filing.PlatformIOS),
		g.App(f.Subject, filing.AppKindMiniProgram),
	}
	return f
}

var appBrokenDefs = []brokenDef{
	//
	{name: "app-kind-unknown", rule: "R-70", desc: "an app whose kind is neither app, mini-program nor quick app",
		want: filing.CodeAppKindUnknown, path: "apps[0].kind", base: withApps,
		brk: func(g *Gen, f *filing.Filing) { f.Apps[0].Kind = "widget" }},

	//
	{name: "mini-program-with-package-data", rule: "R-71", desc: "a mini-program carries a platform row with a package name, key and domains",
		want: filing.CodeAppHostedField, path: "apps[1].platforms", base: withApps,
		brk: func(g *Gen, f *filing.Filing) { f.Apps[1].Platforms = f.Apps[0].Platforms[:1] }},
	{name: "app-platform-twice", rule: "R-71", desc: "the Android platform is listed twice in one app",
		want: filing.CodeAppDuplicatePlatform, path: "apps[0].platforms[1].platform", base: withApps,
		brk: func(g *Gen, f *filing.Filing) { f.Apps[0].Platforms[1] = f.Apps[0].Platforms[0] }},
	{name: "mini-program-without-host", rule: "R-71", desc: "a mini-program that does not name its hosting platform",
		want: filing.CodeAppHostRequired, path: "apps[1].host", base: withApps,
		brk: func(g *Gen, f *filing.Filing) { f.Apps[1].Host, f.Apps[1].HostAppID = "", "" }},
	{name: "app-with-hosting-platform", rule: "R-71", desc: "an app names a mini-program hosting platform",
		want: filing.CodeAppHostForApp, path: "apps[0].host", base: withApps,
		brk: func(g *Gen, f *filing.Filing) { f.Apps[0].Host = filing.HostWeChat }},
	{name: "app-name-twice", rule: "R-71", desc: "the same app filed as two apps of one filing (one per platform)",
		want: filing.CodeAppDuplicateName, path: "apps[2].name", base: withApps,
		brk: func(g *Gen, f *filing.Filing) {
			ios := f.Apps[0]
			ios.Platforms = f.Apps[0].Platforms[1:]
			f.Apps[0].Platforms = f.Apps[0].Platforms[:1]
			f.Apps = append(f.Apps, ios)
		}},

	//
	{name: "app-number-letter", rule: "R-42", desc: "an app numbered with the quick app's letter (-2K)",
		want: filing.CodeServiceLetter, path: "apps[0].number", base: withApps,
		brk: func(g *Gen, f *filing.Filing) {
			f.Subject.Number = "粤ICP备2023103620号"
			f.Websites[0].Number, f.Apps[0].Number = f.Subject.Number+"-1", f.Subject.Number+"-2K"
		}},
	{name: "app-number-suffix-taken", rule: "R-41", desc: "an app -1A beside the website -1: one suffix sequence per subject",
		want: filing.CodeSuffixTaken, path: "apps[0].number", base: withApps,
		brk: func(g *Gen, f *filing.Filing) {
			f.Subject.Number = "粤ICP备2023103620号"
			f.Websites[0].Number, f.Apps[0].Number = f.Subject.Number+"-1", f.Subject.Number+"-1A"
		}},

	//
	{name: "android-package-name-syntax", rule: "R-72", desc: "an Android package name segment starts with a digit",
		want: filing.CodeAppIdentifierSyntax, path: "apps[0].platforms[0].identifier", base: withApps,
		brk: func(g *Gen, f *filing.Filing) { f.Apps[0].Platforms[0].Identifier = "com.1example.app" }},
	{name: "harmonyos-bundle-name-two-segments", rule: "R-72", desc: "a HarmonyOS bundle name with two segments (three needed)",
		want: filing.CodeAppIdentifierSyntax, path: "apps[0].platforms[1].identifier", base: withApps,
		brk: func(g *Gen, f *filing.Filing) {
			p := &f.Apps[0].Platforms[1]
			p.Platform, p.Identifier, p.FingerprintAlgorithm = filing.PlatformHarmonyOS, "example.harmony", filing.HashSHA1
		}},
	{name: "ios-fingerprint-md5-length", rule: "R-72", desc: "an iOS fingerprint of 32 hex digits (SHA-1 has 40)",
		want: filing.CodeFingerprintLength, path: "apps[0].platforms[1].fingerprint", base: withApps,
		brk: func(g *Gen, f *filing.Filing) {
			f.Apps[0].Platforms[1].Fingerprint = f.Apps[0].Platforms[0].Fingerprint
		}},
	{name: "fingerprint-not-hex", rule: "R-72", desc: "a fingerprint with a letter that is not a hex digit",
		want: filing.CodeFingerprintHex, path: "apps[0].platforms[0].fingerprint", base: withApps,
		brk: func(g *Gen, f *filing.Filing) {
			p := &f.Apps[0].Platforms[0]
			p.Fingerprint = "G" + p.Fingerprint[1:]
		}},
	{name: "fingerprint-misplaced-colon", rule: "R-72", desc: "a colon after three hex digits of the fingerprint",
		want: filing.CodeFingerprintSeparator, path: "apps[0].platforms[0].fingerprint", base: withApps,
		brk: func(g *Gen, f *filing.Filing) {
			p := &f.Apps[0].Platforms[0]
			plain := strings.ReplaceAll(p.Fingerprint, ":", "")
			p.Fingerprint = plain[:3] + ":" + plain[3:]
		}},
	{name: "android-fingerprint-sha1", rule: "R-72", desc: "an Android platform row names SHA-1 (the form asks for MD5)",
		want: filing.CodeFingerprintAlgorithm, path: "apps[0].platforms[0].fingerprint_algorithm", base: withApps,
		brk: func(g *Gen, f *filing.Filing) { f.Apps[0].Platforms[0].FingerprintAlgorithm = filing.HashSHA1 }},

	//
	{name: "app-domain-too-deep", rule: "R-73", desc: "an app domain five levels deep (四级 at most)",
		want: filing.CodeAppDomainTooDeep, path: "apps[0].platforms[0].domains[0]", base: withApps,
		brk: func(g *Gen, f *filing.Filing) {
			p := &f.Apps[0].Platforms[0]
			p.Domains[0] = "a.b.c.d." + p.Domains[1]
		}},

	//
	{name: "app-identifier-in-two-apps", rule: "R-74", desc: "two apps of one filing with one Bundle ID, case aside",
		want: filing.CodeAppDuplicateID, path: "apps[2].platforms[0].identifier", base: withApps,
		brk: func(g *Gen, f *filing.Filing) {
			other := g.App(f.Subject, filing.AppKindApp, filing.PlatformIOS)
			other.Platforms[0].Identifier = strings.ToUpper(f.Apps[0].Platforms[1].Identifier)
			f.Apps = append(f.Apps, other)
		}},
}
