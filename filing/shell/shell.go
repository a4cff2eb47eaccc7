package shell

import (
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

// Grace is the default of how long a filed website may be without access
// before it is
// a shell website: "超过1周未有接入信息" (R-61, 网站备案日常问题解答 §四1).
//
// Decision: "more than one week" is measured in elapsed time, 7×24 hours
// (China has no daylight saving time, so this is also 7 calendar days in
// CST), from the instant the last access ended, or from the approval when
// the website never had access. Exactly 7×24h after is not yet a shell;
// 7×24h plus one nanosecond is. Working days play no part: the bureaus'
// comparison is by calendar time. Provinces with a longer publicity period
// have their own grace (GraceFor, R-64).
const Grace = 7 * 24 * time.Hour

// FindingKind is the kind of a shell finding.
type FindingKind string

// Finding kinds.
const (
	// FindingShellWebsite: a filed website without active access for more
	// than Grace, or, when neither an access nor the approval
	// instant is known, without any access information at all. It
	// is cancelled in the bureaus' next batch cleanup.
	FindingShellWebsite FindingKind = "shell_website"
	// FindingWebsiteAtRisk: a filed website without active access for
	// Grace or less: it becomes a shell at ShellFrom unless access is
	// added.
	FindingWebsiteAtRisk FindingKind = "website_at_risk"
	// FindingAccessCancelledNotFiling: the website's last access was
	// cancelled (by its old ISP) and no later access exists, but the filing
	// was not cancelled (R-17; the cause 网站备案日常问题解答 §四1 names first).
	FindingAccessCancelledNotFiling FindingKind = "access_cancelled_filing_kept"
	// FindingShellSubject: a filed subject with no website in force and
	// none in progress.
	FindingShellSubject FindingKind = "shell_subject"
	// FindingSubjectShellAfterCleanup: every website in force under the
	// subject is a shell or at risk, so the subject becomes a shell subject
	// once they are cleaned up (R-62, 网站备案日常问题解答 §四2 "各管局定期进行空壳网站处理后，
	// 会多出空壳主体").
	FindingSubjectShellAfterCleanup FindingKind = "subject_shell_after_cleanup"
)

// FindingKinds returns every finding kind.
func FindingKinds() []FindingKind {
	return []FindingKind{FindingShellWebsite, FindingWebsiteAtRisk, FindingAccessCancelledNotFiling,
		FindingShellSubject, FindingSubjectShellAfterCleanup}
}

var findingKindNames = map[FindingKind][2]string{
	FindingShellWebsite:             {"空壳网站", "shell website"},
	FindingWebsiteAtRisk:            {"即将视为空壳网站", "website at risk"},
	FindingAccessCancelledNotFiling: {"已取消接入但未注销备案", "access cancelled, filing kept"},
	FindingShellSubject:             {"空壳主体", "shell subject"},
	FindingSubjectShellAfterCleanup: {"清理后将成为空壳主体", "shell subject after cleanup"},
	FindingShellApp:                 {"空壳APP", "shell app"},
	FindingAppAtRisk:                {"即将视为空壳APP", "app at risk"},
}

// Zh returns the kind's name in Chinese ("空壳网站"), or the code itself for an
// unknown kind.
func (k FindingKind) Zh() string {
	if n, ok := findingKindNames[k]; ok {
		return n[0]
	}
	return string(k)
}

// En returns the kind's name in English ("shell website"), or the code itself
// for an unknown kind.
func (k FindingKind) En() string {
	if n, ok := findingKindNames[k]; ok {
		return n[1]
	}
	return string(k)
}

// Finding is one shell finding about a subject or one of its websites. The
// recommendation is the one R-63 gives for the case (网站备案日常问题解答 §四 建议).
type Finding struct {
	Kind FindingKind `json:"kind"`
	// Rule is the rule ID of the finding. The
	// recommendations are R-63's.
	Rule          string `json:"rule"`
	SubjectNumber string `json:"subject_number"`
	// WebsiteNumber is empty for subject findings.
	WebsiteNumber string `json:"website_number,omitempty"`
	// AppNumber is the app's number on the findings of apps (app.go).
	AppNumber string `json:"app_number,omitempty"`
	// Province is the subject's province (GB/T 2260 code).
	Province string `json:"province,omitempty"`
	// ISP is the ISP of the website's last access: the one that cancelled it
	// or can add access. Empty for subject findings and for websites
	// that never had access.
	ISP string `json:"isp,omitempty"`
	// Since is when the website has been without access: the end of its
	// last access, or its approval when it never had access. Zero when
	// unknown (R-60 findings). For a subject finding after cleanup it is the
	// latest Since of its websites.
	Since time.Time `json:"since,omitzero"`
	// ShellFrom is Since + GraceFor(Province): the website is a shell strictly after
	// this instant. ShellDate is its civil date in China (YYYY-MM-DD), the
	// day it became or will become a shell.
	ShellFrom time.Time `json:"shell_from,omitzero"`
	ShellDate string    `json:"shell_date,omitempty"`
	// DaysLeft is, for a finding at risk, the whole days until ShellFrom,
	// rounded up (0 at ShellFrom exactly, which is not yet a shell); 0
	// otherwise.
	DaysLeft int `json:"days_left,omitempty"`
	// Zh and En describe the finding (Chinese for end users, English for
	// developers).
	Zh string `json:"zh"`
	En string `json:"en"`
	// RecommendationZh and RecommendationEn are what to do.
	RecommendationZh string `json:"recommendation_zh"`
	RecommendationEn string `json:"recommendation_en"`
}

// Report is the shell classification of one subject as of an instant.
type Report struct {
	SubjectNumber string    `json:"subject_number"`
	Province      string    `json:"province"`
	AsOf          time.Time `json:"as_of"`
	// Websites counts the websites in force (with a number, neither
	// cancelled nor deleted) that were classified; Pending the websites in
	// progress without a number.
	Websites int `json:"websites"`
	Pending  int `json:"pending,omitempty"`
	// Apps counts the apps in force (ClassifyFiling, and the app records of
	// a stream).
	Apps int `json:"apps,omitempty"`
	// Findings lists the findings, websites in input order, then the
	// subject's.
	Findings []Finding `json:"findings,omitempty"`
	// Incomplete is true when some websites were bad records and left out,
	// so subject findings may be wrong.
	Incomplete bool `json:"incomplete,omitempty"`
}

// Has reports whether the report has a finding of kind k.
func (r Report) Has(k FindingKind) bool {
	return slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Kind == k })
}

// WebsiteRecord is a website with the instant it was approved, which the
// shell classification needs for a website that never had access.
// In JSON its fields are the Website's plus "approved_at": a "website" line
// of the typed-line format.
//
// Deprecated: the record on file is record.Website (package filing/record),
// classified by ClassifyRecord and ClassifyStream. WebsiteRecord is kept for
// one release with the typed-line format (ClassifyTypedStream).
type WebsiteRecord struct {
	filing.Website
	// ApprovedAt is when the website was approved (its number issued).
	// Zero when unknown.
	ApprovedAt time.Time `json:"approved_at,omitzero"`
}

// SubjectRecord is a subject with its websites.
//
// Deprecated: the record on file is record.Record (package filing/record),
// classified by ClassifyRecord. SubjectRecord is kept for one release.
type SubjectRecord struct {
	Subject  filing.Subject  `json:"subject"`
	Websites []WebsiteRecord `json:"websites"`
}

// Codes of bad shell-classification input.
var (
	CodeUnknownStatus = define("shell.unknown_status", "R-60",
		"状态“%[1]s”无法识别",
		"unknown status %[1]q")
	CodeAccessSinceMissing = define("shell.access_since_missing", "R-60",
		"接入信息缺少接入时间",
		"access record without a start instant")
	CodeAccessReversed = define("shell.access_reversed", "R-60",
		"接入信息的取消接入时间早于接入时间",
		"access ends before it starts")
	CodeAccessOverlap = define("shell.access_overlap", "R-60",
		"同一接入商的接入时间段重叠",
		"overlapping access periods at the same ISP")
	CodeFutureInstant = define("shell.future_instant", "R-61",
		"时间晚于核查时间",
		"instant after the classification instant (as of)")
	CodeAsOfMissing = define("shell.as_of_missing", "R-61",
		"缺少核查时间",
		"zero classification instant (as of)")
)

// shellSite is the part of a website the classification reads. The stream
// decoder gives the number as raw bytes (raw), turned into a string only for
// a finding.
type shellSite struct {
	number     string
	raw        []byte
	status     filing.Status
	approvedAt time.Time
	access     []filing.Access
	app        bool // an app, mini-program or quick app (app.go)
}

// ClassifySubject classifies a subject and its websites as of asOf
// (R-60..R-63, R-17). The approval instants of the websites are unknown
// here, so a website that never had access is a shell by R-60 (see
// ClassifyRecord, which reads them from the record on file).
//
// Bad websites (unknown status, access that ends before it starts or has no
// start, overlapping access at the same ISP, instants after asOf) are left
// out: the error is a *ValidationError listing every problem with its path
// ("websites[2].access[0].until"), and the report covers the other websites
// with Incomplete set. A bad subject (unknown status) or a zero asOf gives
// an empty report and the error.
func ClassifySubject(s filing.Subject, websites []filing.Website, asOf time.Time, opts ...StreamOption) (Report, error) {
	sites := make([]shellSite, len(websites))
	for i, w := range websites {
		sites[i] = shellSite{number: w.Number, status: w.Status, access: w.Access}
	}
	return classifySites(s.Number, s.Province, s.Status, sites, asOf, nil, gracesOf(opts))
}

func classifySites(number, province string, status filing.Status, sites []shellSite, asOf time.Time, scratch []int, grace *graceTable) (Report, error) {
	if asOf.IsZero() {
		return Report{}, problemList{filing.NewProblem(CodeAsOfMissing).WithPath("as_of", "核查时间")}.err()
	}
	if status != "" && !status.Valid() {
		return Report{}, problemList{filing.NewProblem(CodeUnknownStatus, string(status)).WithPath("subject.status", "主体状态")}.err()
	}
	var ps problemList
	var c shellClassifier
	c.begin(number, province, status, asOf)
	c.grace = grace
	c.sites = len(sites)
	for i := range sites {
		if p := checkSite(&sites[i], asOf, &scratch); p != nil {
			ps = append(ps, p.WithPath("websites["+strconv.Itoa(i)+"]."+p.Path, p.Label))
			c.rep.Incomplete = true
			continue
		}
		c.site(&sites[i])
	}
	return c.end(), ps.err()
}

// checkSite returns the first problem of a website record, with its path
// relative to the website ("access[1].until"), or nil.
func checkSite(w *shellSite, asOf time.Time, scratch *[]int) *filing.Problem {
	if w.status != "" && !w.status.Valid() {
		return filing.NewProblem(CodeUnknownStatus, string(w.status)).WithPath("status", "网站状态")
	}
	if w.approvedAt.After(asOf) {
		return filing.NewProblem(CodeFutureInstant).WithPath("approved_at", "备案通过时间")
	}
	for i, a := range w.access {
		switch {
		case a.Since.IsZero():
			return filing.NewProblem(CodeAccessSinceMissing).WithPath("access["+strconv.Itoa(i)+"].since", "接入时间")
		case a.Since.After(asOf):
			return filing.NewProblem(CodeFutureInstant).WithPath("access["+strconv.Itoa(i)+"].since", "接入时间")
		case a.Until.After(asOf):
			return filing.NewProblem(CodeFutureInstant).WithPath("access["+strconv.Itoa(i)+"].until", "取消接入时间")
		case !a.Until.IsZero() && a.Until.Before(a.Since):
			return filing.NewProblem(CodeAccessReversed).WithPath("access["+strconv.Itoa(i)+"].until", "取消接入时间")
		}
	}
	if i := overlap(w.access, scratch); i >= 0 {
		return filing.NewProblem(CodeAccessOverlap).WithPath("access["+strconv.Itoa(i)+"]", "接入信息")
	}
	return nil
}

// overlap returns the index of an access period that overlaps an earlier
// one at the same ISP (same ISP and ISP province), or -1. Periods are
// half-open [Since, Until); an open period (Until zero) runs forever.
//
// Decision: overlapping periods at different ISPs are legitimate (a website
// may be served by several ISPs at once, 新增接入), so only the same ISP
// overlapping itself is a bad record.
func overlap(acc []filing.Access, scratch *[]int) int {
	n := len(acc)
	if n < 2 {
		return -1
	}
	if n <= 16 {
		for i := 1; i < n; i++ {
			for j := 0; j < i; j++ {
				if overlaps(acc[i], acc[j]) {
					return i
				}
			}
		}
		return -1
	}
	idx := (*scratch)[:0]
	for i := range acc {
		idx = append(idx, i)
	}
	*scratch = idx
	slices.SortFunc(idx, func(x, y int) int {
		a, b := acc[x], acc[y]
		if a.ISP != b.ISP {
			if a.ISP < b.ISP {
				return -1
			}
			return 1
		}
		if a.ISPProvince != b.ISPProvince {
			if a.ISPProvince < b.ISPProvince {
				return -1
			}
			return 1
		}
		if c := a.Since.Compare(b.Since); c != 0 {
			return c
		}
		return x - y
	})
	for k := 1; k < len(idx); k++ {
		if overlaps(acc[idx[k]], acc[idx[k-1]]) {
			return max(idx[k], idx[k-1])
		}
	}
	return -1
}

func overlaps(a, b filing.Access) bool {
	if a.ISP != b.ISP || a.ISPProvince != b.ISPProvince {
		return false
	}
	// [a.Since, a.Until) ∩ [b.Since, b.Until) ≠ ∅, zero Until = open.
	aEndsAfterB := a.Until.IsZero() || a.Until.After(b.Since)
	bEndsAfterA := b.Until.IsZero() || b.Until.After(a.Since)
	return aEndsAfterB && bEndsAfterA && !(a.Until.Equal(a.Since) && !a.Until.IsZero()) &&
		!(b.Until.Equal(b.Since) && !b.Until.IsZero())
}

// num returns the website's number.
func (w *shellSite) num() string {
	if w.number == "" && len(w.raw) > 0 {
		return string(w.raw)
	}
	return w.number
}

// hasNumber reports whether the website has a number.
func (w *shellSite) hasNumber() bool { return w.number != "" || len(w.raw) > 0 }

// shellClassifier accumulates one subject's classification.
type shellClassifier struct {
	rep       Report
	sites     int // websites to classify, to size Findings once
	status    filing.Status
	shellish  int       // websites in force that are shells or at risk
	lastSince time.Time // latest Since of those
	lastFrom  time.Time
	unknown   bool // some shell website has an unknown Since
	grace     *graceTable
}

func (c *shellClassifier) begin(number, province string, status filing.Status, asOf time.Time) {
	*c = shellClassifier{status: status}
	c.rep.SubjectNumber, c.rep.Province, c.rep.AsOf = number, province, asOf
}

// inForce reports whether a website record counts as filed: it has a
// number and is neither cancelled nor deleted (a change in progress keeps
// the record in force, R-08).
func inForce(hasNumber bool, st filing.Status) bool {
	return hasNumber && st != filing.StatusCancelled && st != filing.StatusDeleted
}

// add appends a finding, sizing the slice for the whole subject at the
// first one (at most two findings per website and one for the subject)
// unless a reusable buffer was given (beginWith).
func (c *shellClassifier) add(f Finding) {
	if c.rep.Findings == nil {
		c.rep.Findings = make([]Finding, 0, min(2*c.sites+1, 64))
	}
	c.rep.Findings = append(c.rep.Findings, f)
}

// beginWith is begin with a reusable buffer for the findings (the caller
// copies them out before the next use).
func (c *shellClassifier) beginWith(number, province string, status filing.Status, asOf time.Time, buf []Finding) {
	c.begin(number, province, status, asOf)
	c.rep.Findings = buf[:0]
}

// site classifies one valid website.
func (c *shellClassifier) site(w *shellSite) {
	if !inForce(w.hasNumber(), w.status) {
		if !w.hasNumber() && w.status != filing.StatusCancelled && w.status != filing.StatusDeleted {
			c.rep.Pending++
		}
		return
	}
	c.rep.Websites++
	asOf := c.rep.AsOf
	var last *filing.Access // the access with the latest start, ties: latest end
	var end time.Time
	for i := range w.access {
		a := &w.access[i]
		if a.Active(asOf) {
			return // served now: no finding
		}
		if a.Until.After(end) {
			end = a.Until
		}
		if last == nil || a.Since.After(last.Since) || (a.Since.Equal(last.Since) && a.Until.After(last.Until)) {
			last = a
		}
	}
	number := w.num()
	f := Finding{SubjectNumber: c.rep.SubjectNumber, WebsiteNumber: number, Province: c.rep.Province}
	since := end
	if last != nil {
		f.ISP = last.ISP
	} else {
		since = w.approvedAt
	}
	if last != nil || w.status == filing.StatusAccessCancelled {
		g := f
		g.Kind, g.Rule, g.Since = FindingAccessCancelledNotFiling, "R-17", since
		g.Zh, g.En = msgR17(number, g.ISP, since)
		g.RecommendationZh, g.RecommendationEn = recR17Zh, recR17En
		c.add(g)
	}
	c.shellish++
	f.Since = since
	if since.IsZero() {
		c.unknown = true
		f.Kind, f.Rule = FindingShellWebsite, "R-60"
		f.Zh, f.En = msgR60(number)
		f.RecommendationZh, f.RecommendationEn = recShellWebsiteZh, recShellWebsiteEn
		c.add(f)
		return
	}
	grace := c.grace.of(c.rep.Province, asOf)
	f.ShellFrom = since.Add(grace)
	f.ShellDate = civilDate(f.ShellFrom)
	if since.After(c.lastSince) {
		c.lastSince, c.lastFrom = since, f.ShellFrom
	}
	f.Rule = "R-61"
	if grace != Grace {
		f.Rule = "R-64"
	}
	if asOf.After(f.ShellFrom) {
		f.Kind = FindingShellWebsite
		f.Zh, f.En = msgShell(number, since, f.ShellFrom, grace)
		f.RecommendationZh, f.RecommendationEn = recShellWebsiteZh, recShellWebsiteEn
	} else {
		f.Kind = FindingWebsiteAtRisk
		f.DaysLeft = daysUp(f.ShellFrom.Sub(asOf))
		f.Zh, f.En = msgAtRisk(number, since, f.ShellFrom, f.DaysLeft)
		f.RecommendationZh, f.RecommendationEn = recAtRiskZh, recAtRiskEn
	}
	c.add(f)
}

// end adds the subject findings and returns the report.
func (c *shellClassifier) end() Report {
	r := c.rep
	if r.SubjectNumber == "" || c.status == filing.StatusCancelled || c.status == filing.StatusDeleted {
		// Not a filed subject: only its websites are classified.
		return r
	}
	f := Finding{SubjectNumber: r.SubjectNumber, Province: r.Province, Rule: "R-62"}
	switch {
	case r.Websites == 0 && r.Pending == 0 && !r.Incomplete:
		f.Kind = FindingShellSubject
		f.Zh, f.En = msgShellSubject(r.SubjectNumber)
		f.RecommendationZh, f.RecommendationEn = recShellSubjectZh, recShellSubjectEn
	case r.Websites > 0 && c.shellish == r.Websites && r.Pending == 0 && !r.Incomplete:
		f.Kind = FindingSubjectShellAfterCleanup
		f.Since = c.lastSince
		if !c.lastSince.IsZero() {
			f.ShellFrom = c.lastFrom
			f.ShellDate = civilDate(f.ShellFrom)
			if !r.AsOf.After(f.ShellFrom) {
				f.DaysLeft = daysUp(f.ShellFrom.Sub(r.AsOf))
			}
		}
		f.Zh, f.En = msgAfterCleanup(r.SubjectNumber, r.Websites)
		f.RecommendationZh, f.RecommendationEn = recAfterCleanupZh, recAfterCleanupEn
	default:
		return r
	}
	c.add(f)
	return c.rep
}

// daysUp returns d in whole days, rounded up.
func daysUp(d time.Duration) int {
	if d <= 0 {
		return 0
	}
	return int((d + 24*time.Hour - 1) / (24 * time.Hour))
}

// civilDate returns t's civil date in China, "YYYY-MM-DD".
func civilDate(t time.Time) string {
	var b [10]byte
	return string(appendCivil(b[:0], t, false))
}

// civilMinute returns t in China to the minute, "YYYY-MM-DD HH:MM".
func civilMinute(t time.Time) string {
	var b [16]byte
	return string(appendCivil(b[:0], t, true))
}

// appendCivil appends t's civil date in China (calendar.DayOf) and, with
// minute, its time to the minute. It is a fast path of
// t.In(calendar.Location()).Format for the years 1..9999; other instants go
// through Format.
func appendCivil(b []byte, t time.Time, minute bool) []byte {
	day := calendar.DayOf(t)
	if !day.IsValid() {
		layout := time.DateOnly
		if minute {
			layout = "2006-01-02 15:04"
		}
		return t.In(calendar.Location()).AppendFormat(b, layout)
	}
	b, _ = day.AppendText(b) // never fails
	if minute {
		m := int(t.Sub(day.Time()) / time.Minute) // since midnight in China
		h, mi := m/60, m%60
		b = append(b, ' ', byte('0'+h/10), byte('0'+h%10), ':', byte('0'+mi/10), byte('0'+mi%10))
	}
	return b
}

// LogValue logs the website record with its principal's personal data
// masked.
func (w WebsiteRecord) LogValue() slog.Value { return filing.MaskedLogValue(w) }

// LogValue logs the subject record with its personal data masked.
func (s SubjectRecord) LogValue() slog.Value { return filing.MaskedLogValue(s) }

// Format prints the website record as fmt prints a struct, personal data
// masked for every verb.
func (w WebsiteRecord) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, w) }

// Format prints the subject record as fmt prints a struct, personal data
// masked for every verb.
func (s SubjectRecord) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, s) }
