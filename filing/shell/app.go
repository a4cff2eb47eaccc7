package shell

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/beiankit/beian/filing"
)

// Shell apps (空壳APP): an app filed with access information (R-71: apps
// carry access like websites; mini-programs and quick apps carry none, their
// platform files it) whose access has all ended is treated as a website
// without access is: a shell app after Grace (FindingShellApp), at risk
// until then (FindingAppAtRisk), access cancelled but filing kept (R-17,
// FindingAccessCancelledNotFiling with AppNumber set).
//
// Decision (DESIGN: no bureau text on shell apps was found): the website
// rules (R-60..R-63) apply to apps with access as they stand, same Grace,
// same recommendations; a mini-program or quick app in force is never a
// shell by access, and it keeps its subject out of the shell subjects (a
// subject with an app in force is not 空壳主体, R-62).

// Finding kinds of apps.
const (
	// FindingShellApp: a filed app without active access for more than
	// Grace (or never with access when its approval instant is unknown).
	FindingShellApp FindingKind = "shell_app"
	// FindingAppAtRisk: a filed app without active access for Grace or
	// less.
	FindingAppAtRisk FindingKind = "app_at_risk"
)

// AppFindingKinds returns the finding kinds of apps (ClassifyFiling), which
// FindingKinds, the kinds of websites and subjects, does not list.
func AppFindingKinds() []FindingKind { return []FindingKind{FindingShellApp, FindingAppAtRisk} }

// AppRecord is an app with the instant it was approved. In JSON its fields
// are the App's plus "approved_at": an "app" line of the typed-line format.
//
// Deprecated: the record on file is record.App (package filing/record),
// classified by ClassifyRecord. AppRecord is kept for one release with the
// typed-line format (ClassifyTypedStream).
type AppRecord struct {
	filing.App
	// ApprovedAt is when the app was approved. Zero when unknown.
	ApprovedAt time.Time `json:"approved_at,omitzero"`
}

// FilingRecord is a subject with its websites and apps.
//
// Deprecated: the record on file is record.Record (record.Of turns a
// filing into it), classified by ClassifyRecord. FilingRecord is kept for
// one release.
type FilingRecord struct {
	Subject  filing.Subject  `json:"subject"`
	Websites []WebsiteRecord `json:"websites"`
	Apps     []AppRecord     `json:"apps,omitempty"`
}

// ClassifyFiling classifies a subject with its websites and apps as of
// asOf: the websites by their access and approval instants, the apps (kind app) by the same
// rules (FindingShellApp, FindingAppAtRisk), and the subject counting apps
// in force beside websites. Report.Websites counts websites only and
// Report.Apps the apps in force. Bad apps are problems at "apps[i]…" paths
// and are left out, as bad websites are.
//
// Deprecated: use ClassifyRecord on the record on file (record.Of of the
// filing); ClassifyFiling is kept for one release.
func ClassifyFiling(r FilingRecord, asOf time.Time, opts ...StreamOption) (Report, error) {
	nw := len(r.Websites)
	sites := make([]shellSite, 0, nw+len(r.Apps))
	for _, w := range r.Websites {
		sites = append(sites, shellSite{number: w.Number, status: w.Status, approvedAt: w.ApprovedAt, access: w.Access})
	}
	for _, a := range r.Apps {
		sites = append(sites, appSite(a.Number, a.Kind, a.Status, a.Host, a.ApprovedAt, a.Access, asOf))
	}
	rep, err := classifySites(r.Subject.Number, r.Subject.Province, r.Subject.Status, sites, asOf, nil, gracesOf(opts))
	if len(r.Apps) == 0 {
		return rep, err
	}
	// Findings of apps: by number (apps in force have one).
	isApp := map[string]bool{}
	apps := 0
	for _, a := range r.Apps {
		if inForce(a.Number != "", a.Status) {
			isApp[a.Number] = true
			apps++
		}
	}
	markApps(&rep, apps, func(number string) bool { return isApp[number] })
	if err != nil {
		if ve, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range ve.Unwrap() {
				p, ok := e.(*filing.Problem)
				if !ok || !strings.HasPrefix(p.Path, "websites[") {
					continue
				}
				rest := p.Path[len("websites["):]
				k := strings.IndexByte(rest, ']')
				if n, convErr := strconv.Atoi(rest[:k]); convErr == nil && n >= nw {
					p.Path = "apps[" + strconv.Itoa(n-nw) + "]" + rest[k+1:]
					if p.Label == "网站状态" {
						p.Label = "应用备案状态"
					}
				}
			}
		}
	}
	return rep, err
}

// appSite is the site an app is classified as: an app (kind app) by its
// own access; a mini-program or quick app is served by its platform, so it
// is in force as long as it is filed (access at the host platform, from
// asOf).
func appSite(number string, kind filing.AppKind, status filing.Status, host filing.HostPlatform, approvedAt time.Time, access []filing.Access, asOf time.Time) shellSite {
	s := shellSite{number: number, status: status, approvedAt: approvedAt, access: access, app: true}
	switch filing.NormalizeApp(filing.App{Kind: kind}).Kind {
	case filing.AppKindMiniProgram, filing.AppKindQuickApp:
		s.access = []filing.Access{{ISP: host.Zh(), Since: asOf}}
		s.approvedAt = time.Time{}
	}
	return s
}

// markApps turns the findings of the apps among a subject's sites (isApp
// of their number) into app findings — FindingShellApp, FindingAppAtRisk,
// AppNumber set, the wording of apps — and counts the apps in force apart
// from the websites (the classifier counted them as websites, R-62).
func markApps(rep *Report, apps int, isApp func(number string) bool) {
	rep.Apps += apps
	rep.Websites -= apps
	for i := range rep.Findings {
		f := &rep.Findings[i]
		if f.WebsiteNumber == "" || !isApp(f.WebsiteNumber) {
			continue
		}
		f.AppNumber, f.WebsiteNumber = f.WebsiteNumber, ""
		switch f.Kind {
		case FindingShellWebsite:
			f.Kind = FindingShellApp
		case FindingWebsiteAtRisk:
			f.Kind = FindingAppAtRisk
		}
		f.Zh, f.En = appText(f.Zh, f.En)
		f.RecommendationZh, f.RecommendationEn = appText(f.RecommendationZh, f.RecommendationEn)
	}
}

// appText turns the website wording of a finding into the app wording.
func appText(zh, en string) (string, string) {
	zh = strings.ReplaceAll(zh, "空壳网站", "空壳APP")
	zh = strings.ReplaceAll(zh, "网站", "APP")
	en = strings.ReplaceAll(en, "website", "app")
	return zh, en
}

// Format prints the app record for fmt with its responsible person masked
// (filing.FormatMasked); without it the embedded App's Format would leave
// ApprovedAt out.
func (a AppRecord) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, a) }

// LogValue logs the app record with its responsible person masked.
func (a AppRecord) LogValue() slog.Value { return filing.MaskedLogValue(a) }

// Format prints the record for fmt with its personal data masked.
func (r FilingRecord) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, r) }

// LogValue logs the record with its personal data masked.
func (r FilingRecord) LogValue() slog.Value { return filing.MaskedLogValue(r) }
