package filingtest

import (
	"strings"
	"time"

	"github.com/beiankit/beian/filing"
)

// Conformance cases of apps that are not broken cases: valid filings as
// users type them, and a filing with several app problems at once.
var appExtraDefs = []extraDef{
	{name: "valid-app-of-every-kind", rule: "R-71", desc: "an app on Android, iOS and HarmonyOS, a mini-program and a quick app beside a website",
		build: func(g *Gen) *filing.Filing { return g.FilingWithApps(g.Organisation("44"), 1) }},
	{name: "valid-app-as-typed", rule: "R-72", desc: "kinds and platforms in upper case, fingerprints in lower case with colons or spaces, SHA-256 spelt with a dash, identifiers with surrounding (full-width) spaces",
		build: func(g *Gen) *filing.Filing {
			f := g.Filing(g.Organisation("33"), 1)
			a := g.App(f.Subject, filing.AppKindApp, filing.PlatformAndroid, filing.PlatformIOS, filing.PlatformHarmonyOS)
			a.Kind = " APP "
			for i := range a.Platforms {
				p := &a.Platforms[i]
				p.Platform = filing.Platform(strings.ToUpper(string(p.Platform)))
				p.Identifier = "\u3000" + p.Identifier + " "
				p.Fingerprint = strings.ToLower(p.Fingerprint)
			}
			a.Platforms[1].Fingerprint = strings.ReplaceAll(a.Platforms[1].Fingerprint, ":", " ")
			a.Platforms[2].FingerprintAlgorithm = "SHA-256"
			f.Apps = []filing.App{a}
			return f
		}},
	{name: "valid-subject-on-file-adds-an-app", rule: "R-70", desc: "a filed subject adds an app alone (no website in the filing)",
		build: func(g *Gen) *filing.Filing {
			f := g.Filing(g.Organisation("44"), 1)
			f.Subject.Number, f.Subject.Status = "粤ICP备2023103620号", filing.StatusApproved
			f.Websites = nil
			f.Apps = []filing.App{g.App(f.Subject, filing.AppKindApp)}
			return f
		}},
	{name: "mini-program-with-app-data", rule: "R-71", desc: "a mini-program with a platform row and access information, and an AppID of another format (a warning, not an error)",
		build: func(g *Gen) *filing.Filing {
			f := g.Filing(g.Organisation("44"), 1)
			app := g.App(f.Subject, filing.AppKindApp)
			mini := g.App(f.Subject, filing.AppKindMiniProgram)
			mini.Host, mini.HostAppID = filing.HostWeChat, "wx123"
			mini.Platforms = app.Platforms[:1]
			mini.Access = []filing.Access{{ISP: "示例云计算有限公司", Since: time.Date(2024, 4, 1, 0, 0, 0, 0, cst)}}
			f.Apps = []filing.App{mini}
			return f
		},
		errors: []Expect{e(filing.CodeAppHostedField, "apps[0].platforms"), e(filing.CodeAppHostedField, "apps[0].access")}},
}

func init() { extraDefs = append(extraDefs, appExtraDefs...) }
