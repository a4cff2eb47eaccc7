package shell

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

var (
	cstZone   = calendar.Location()
	shellAsOf = time.Date(2026, 6, 1, 12, 0, 0, 0, cstZone)
	gzSubject = filing.Subject{Number: "黔ICP备2026001073号", Province: "52", Status: filing.StatusApproved}
)

func site(n int, st filing.Status, acc ...filing.Access) filing.Website {
	return filing.Website{Service: filing.Service{Number: gzSubject.Number + "-" + string(rune('0'+n)), Status: st, Access: acc}}
}

func access(isp string, since, until time.Time) filing.Access {
	return filing.Access{ISP: isp, ISPProvince: "52", Since: since, Until: until}
}

func kinds(r Report) []FindingKind {
	var out []FindingKind
	for _, f := range r.Findings {
		out = append(out, f.Kind)
	}
	return out
}

func find(t *testing.T, r Report, k FindingKind) Finding {
	t.Helper()
	for _, f := range r.Findings {
		if f.Kind == k {
			return f
		}
	}
	t.Fatalf("no %s finding in %v", k, kinds(r))
	return Finding{}
}

func TestR61_BoundaryExactlySevenDays(t *testing.T) {
	ended := time.Date(2026, 5, 20, 18, 30, 0, 0, cstZone)
	w := site(1, filing.StatusApproved, access("中国电信", ended.AddDate(-1, 0, 0), ended))
	cases := []struct {
		name     string
		asOf     time.Time
		kind     FindingKind
		daysLeft int
	}{
		{"one second after the end", ended.Add(time.Second), FindingWebsiteAtRisk, 7},
		{"six days and a minute", ended.Add(6*24*time.Hour + time.Minute), FindingWebsiteAtRisk, 1},
		{"exactly seven days: not yet a shell", ended.Add(7 * 24 * time.Hour), FindingWebsiteAtRisk, 0},
		{"seven days and one nanosecond: a shell", ended.Add(7*24*time.Hour + time.Nanosecond), FindingShellWebsite, 0},
		{"a month later", ended.AddDate(0, 1, 0), FindingShellWebsite, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := ClassifySubject(gzSubject, []filing.Website{w}, c.asOf)
			if err != nil {
				t.Fatal(err)
			}
			f := find(t, r, c.kind)
			if f.Rule != "R-61" || f.DaysLeft != c.daysLeft || !f.Since.Equal(ended) ||
				!f.ShellFrom.Equal(ended.Add(7*24*time.Hour)) || f.ShellDate != "2026-05-27" || f.ISP != "中国电信" {
				t.Fatalf("%+v", f)
			}
			if r.Has(FindingShellWebsite) == r.Has(FindingWebsiteAtRisk) {
				t.Fatalf("exactly one of shell / at risk: %v", kinds(r))
			}
		})
	}
}

func TestR61_NeverHadAccessCountsFromApproval(t *testing.T) {
	approved := time.Date(2026, 5, 28, 10, 0, 0, 0, cstZone)
	rec := FilingRecord{Subject: gzSubject, Websites: []WebsiteRecord{{Website: site(1, filing.StatusApproved), ApprovedAt: approved}}}
	r, err := ClassifyFiling(rec, shellAsOf)
	if err != nil {
		t.Fatal(err)
	}
	f := find(t, r, FindingWebsiteAtRisk)
	// 4 days 2 hours since approval: 2 days 22 hours left, rounded up to 3.
	if f.DaysLeft != 3 || !f.Since.Equal(approved) || f.ShellDate != "2026-06-04" || f.ISP != "" {
		t.Fatalf("%+v", f)
	}
	if r.Has(FindingAccessCancelledNotFiling) {
		t.Fatal("no access was ever cancelled")
	}
	r, _ = ClassifyFiling(rec, approved.Add(Grace+time.Nanosecond))
	find(t, r, FindingShellWebsite)
}

func TestR60_NumberWithoutAccessUnknownApproval(t *testing.T) {
	r, err := ClassifySubject(gzSubject, []filing.Website{site(1, filing.StatusApproved)}, shellAsOf)
	if err != nil {
		t.Fatal(err)
	}
	f := find(t, r, FindingShellWebsite)
	if f.Rule != "R-60" || !f.Since.IsZero() || !f.ShellFrom.IsZero() || f.ShellDate != "" {
		t.Fatalf("%+v", f)
	}
	// The subject becomes a shell after the cleanup, date unknown.
	g := find(t, r, FindingSubjectShellAfterCleanup)
	if !g.ShellFrom.IsZero() || g.Rule != "R-62" {
		t.Fatalf("%+v", g)
	}
	// One website: "its only website", not "all 1 websites".
	if !strings.Contains(g.Zh, "下唯一的网站无接入") || !strings.HasPrefix(g.En, "the only website") {
		t.Errorf("one-website text: %q / %q", g.Zh, g.En)
	}
	r, _ = ClassifySubject(gzSubject, []filing.Website{site(1, filing.StatusApproved), site(2, filing.StatusApproved)}, shellAsOf)
	if g := find(t, r, FindingSubjectShellAfterCleanup); !strings.Contains(g.Zh, "下的2个网站均无接入") || !strings.HasPrefix(g.En, "all 2 websites") {
		t.Errorf("two-website text: %q / %q", g.Zh, g.En)
	}
}

func TestR60_UnnumberedWebsitesAreNotShells(t *testing.T) {
	pending := filing.Website{Service: filing.Service{Status: filing.StatusBureauReview}}
	r, err := ClassifySubject(gzSubject, []filing.Website{pending}, shellAsOf)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 0 || r.Pending != 1 || r.Websites != 0 {
		t.Fatalf("a website in progress is not a shell, and keeps its subject from being one: %+v", r)
	}
}

func TestR17_AccessCancelledByOldISPWithoutCancellation(t *testing.T) {
	ended := time.Date(2026, 5, 30, 0, 0, 0, 0, cstZone)
	w := site(1, filing.StatusAccessCancelled, access("西部数码", time.Date(2024, 1, 1, 0, 0, 0, 0, cstZone), ended))
	r, err := ClassifySubject(gzSubject, []filing.Website{w}, shellAsOf)
	if err != nil {
		t.Fatal(err)
	}
	f := find(t, r, FindingAccessCancelledNotFiling)
	if f.Rule != "R-17" || f.ISP != "西部数码" || !f.Since.Equal(ended) || !strings.Contains(f.Zh, "西部数码") {
		t.Fatalf("%+v", f)
	}
	find(t, r, FindingWebsiteAtRisk)
	// Status says access cancelled but no access history: still R-17.
	r, _ = ClassifySubject(gzSubject, []filing.Website{site(1, filing.StatusAccessCancelled)}, shellAsOf)
	find(t, r, FindingAccessCancelledNotFiling)
}

func TestR17_MovedToNewISPNoFinding(t *testing.T) {
	switchAt := time.Date(2026, 4, 1, 0, 0, 0, 0, cstZone)
	w := site(1, filing.StatusApproved,
		access("中国电信", time.Date(2024, 1, 1, 0, 0, 0, 0, cstZone), switchAt),
		access("阿里云", switchAt, time.Time{})) // new access starts as the old ends: no overlap
	r, err := ClassifySubject(gzSubject, []filing.Website{w}, shellAsOf)
	if err != nil || len(r.Findings) != 0 || r.Websites != 1 {
		t.Fatalf("%+v %v", r, err)
	}
	// Served by two ISPs at once (新增接入): legitimate, no finding.
	w2 := site(2, filing.StatusApproved,
		access("中国电信", time.Date(2024, 1, 1, 0, 0, 0, 0, cstZone), time.Time{}),
		access("阿里云", time.Date(2025, 1, 1, 0, 0, 0, 0, cstZone), time.Time{}))
	if r, err := ClassifySubject(gzSubject, []filing.Website{w2}, shellAsOf); err != nil || len(r.Findings) != 0 {
		t.Fatalf("%+v %v", r, err)
	}
}

func TestR62_ShellSubject(t *testing.T) {
	cases := []struct {
		name     string
		websites []filing.Website
		want     bool
	}{
		{"no websites", nil, true},
		{"only cancelled websites", []filing.Website{site(1, filing.StatusCancelled), site(2, filing.StatusDeleted)}, true},
		{"one served website", []filing.Website{site(1, filing.StatusApproved, access("中国移动", time.Date(2025, 1, 1, 0, 0, 0, 0, cstZone), time.Time{}))}, false},
		{"a website in progress", []filing.Website{{Service: filing.Service{Status: filing.StatusISPVerifying}}}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := ClassifySubject(gzSubject, c.websites, shellAsOf)
			if err != nil {
				t.Fatal(err)
			}
			if r.Has(FindingShellSubject) != c.want {
				t.Fatalf("shell subject %v, want %v: %v", r.Has(FindingShellSubject), c.want, kinds(r))
			}
			if c.want {
				f := find(t, r, FindingShellSubject)
				if f.Rule != "R-62" || f.WebsiteNumber != "" || f.SubjectNumber != gzSubject.Number {
					t.Fatalf("%+v", f)
				}
			}
		})
	}
	// A cancelled or unnumbered subject is not classified as a shell.
	for _, s := range []filing.Subject{{Number: "黔ICP备1号", Province: "52", Status: filing.StatusCancelled}, {Province: "52", Status: filing.StatusDraft}} {
		if r, err := ClassifySubject(s, nil, shellAsOf); err != nil || len(r.Findings) != 0 {
			t.Fatalf("%+v: %+v %v", s, r, err)
		}
	}
}

func TestR62_SubjectShellAfterCleanup(t *testing.T) {
	e1 := time.Date(2026, 5, 1, 0, 0, 0, 0, cstZone)
	e2 := time.Date(2026, 5, 29, 0, 0, 0, 0, cstZone) // at risk until 2026-06-05
	old := time.Date(2024, 1, 1, 0, 0, 0, 0, cstZone)
	shell := site(1, filing.StatusApproved, access("中国电信", old, e1))
	atRisk := site(2, filing.StatusApproved, access("中国电信", old, e2))
	served := site(3, filing.StatusApproved, access("中国电信", old, time.Time{}))
	r, err := ClassifySubject(gzSubject, []filing.Website{shell, atRisk, site(4, filing.StatusCancelled)}, shellAsOf)
	if err != nil {
		t.Fatal(err)
	}
	f := find(t, r, FindingSubjectShellAfterCleanup)
	if !f.Since.Equal(e2) || !f.ShellFrom.Equal(e2.Add(Grace)) || f.DaysLeft != 4 || r.Websites != 2 {
		t.Fatalf("the subject's date is its last website's: %+v", f)
	}
	if r.Findings[len(r.Findings)-1].Kind != FindingSubjectShellAfterCleanup {
		t.Fatal("subject findings come last")
	}
	r, _ = ClassifySubject(gzSubject, []filing.Website{shell, atRisk, served}, shellAsOf)
	if r.Has(FindingSubjectShellAfterCleanup) || r.Has(FindingShellSubject) {
		t.Fatalf("a served website keeps the subject: %v", kinds(r))
	}
}

func TestR63_EveryFindingHasItsRecommendation(t *testing.T) {
	old := time.Date(2024, 1, 1, 0, 0, 0, 0, cstZone)
	websites := []filing.Website{
		site(1, filing.StatusApproved, access("中国电信", old, time.Date(2026, 5, 1, 0, 0, 0, 0, cstZone))),
		site(2, filing.StatusApproved, access("中国电信", old, time.Date(2026, 5, 31, 0, 0, 0, 0, cstZone))),
		site(3, filing.StatusApproved),
	}
	r, err := ClassifySubject(gzSubject, websites, shellAsOf)
	if err != nil {
		t.Fatal(err)
	}
	r2, _ := ClassifySubject(gzSubject, nil, shellAsOf)
	all := append(r.Findings, r2.Findings...)
	seen := map[FindingKind]bool{}
	for _, f := range all {
		seen[f.Kind] = true
		if f.Zh == "" || f.En == "" || f.RecommendationZh == "" || f.RecommendationEn == "" {
			t.Errorf("%s: missing text", f.Kind)
		}
		switch f.Kind {
		case FindingShellWebsite, FindingWebsiteAtRisk, FindingAccessCancelledNotFiling:
			for _, step := range []string{"（1）", "（2）", "（3）", "（4）", "新增接入"} {
				if !strings.Contains(f.RecommendationZh, step) {
					t.Errorf("%s: switching-ISP step %s missing", f.Kind, step)
				}
			}
			if !strings.Contains(f.RecommendationEn, "(4)") {
				t.Errorf("%s: English steps missing", f.Kind)
			}
		case FindingShellSubject, FindingSubjectShellAfterCleanup:
			if !strings.Contains(f.RecommendationZh, "注销主体") || !strings.Contains(f.RecommendationZh, "联系接入商") {
				t.Errorf("%s: %s", f.Kind, f.RecommendationZh)
			}
		}
		if f.Kind == FindingShellWebsite && !strings.Contains(f.RecommendationZh, "被清理注销后，请及时联系接入商") {
			t.Errorf("after a cleanup, contact the ISP: %s", f.RecommendationZh)
		}
	}
	for _, k := range FindingKinds() {
		if !seen[k] {
			t.Errorf("kind %s not produced", k)
		}
	}
}

func TestShell_CivilDatesInChina(t *testing.T) {
	// Access ended 2026-05-20 20:00 UTC = 2026-05-21 04:00 CST: the shell
	// date is 2026-05-28 in China, although it is still the 27th in UTC.
	ended := time.Date(2026, 5, 20, 20, 0, 0, 0, time.UTC)
	r, err := ClassifySubject(gzSubject, []filing.Website{site(1, filing.StatusApproved, access("中国电信", ended.AddDate(0, -1, 0), ended))}, shellAsOf)
	if err != nil {
		t.Fatal(err)
	}
	f := find(t, r, FindingShellWebsite)
	if f.ShellDate != "2026-05-28" || !strings.Contains(f.Zh, "2026-05-21 04:00") {
		t.Fatalf("%+v", f)
	}
	if got, want := civilMinute(ended), ended.In(cstZone).Format("2006-01-02 15:04"); got != want {
		t.Fatalf("civilMinute %s, want %s", got, want)
	}
	for _, tt := range []time.Time{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2000, 2, 29, 23, 59, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 15, 59, 59, 0, time.UTC), time.Date(9999, 12, 31, 16, 0, 0, 0, time.UTC), time.Date(-5, 3, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2024, 9, 30, 16, 30, 59, 999999999, time.UTC), time.Date(9999, 12, 31, 15, 59, 59, 0, time.UTC), time.Date(0, 12, 31, 16, 0, 0, 0, time.UTC)} {
		if got, want := civilMinute(tt), tt.In(cstZone).Format("2006-01-02 15:04"); got != want {
			t.Errorf("civilMinute(%s) = %s, want %s", tt, got, want)
		}
	}
}

func TestShell_BadWebsites(t *testing.T) {
	old := time.Date(2024, 1, 1, 0, 0, 0, 0, cstZone)
	mid := time.Date(2025, 1, 1, 0, 0, 0, 0, cstZone)
	good := site(9, filing.StatusApproved, access("中国电信", old, time.Time{}))
	cases := []struct {
		name string
		w    filing.Website
		code filing.Code
		path string
	}{
		{"unknown status", site(1, "已备案"), CodeUnknownStatus, "websites[0].status"},
		{"no start", site(1, filing.StatusApproved, filing.Access{ISP: "中国电信"}), CodeAccessSinceMissing, "websites[0].access[0].since"},
		{"ends before it starts", site(1, filing.StatusApproved, access("中国电信", mid, old)), CodeAccessReversed, "websites[0].access[0].until"},
		{"starts in the future", site(1, filing.StatusApproved, access("中国电信", shellAsOf.Add(time.Nanosecond), time.Time{})), CodeFutureInstant, "websites[0].access[0].since"},
		{"ends in the future", site(1, filing.StatusApproved, access("中国电信", old, shellAsOf.AddDate(0, 0, 1))), CodeFutureInstant, "websites[0].access[0].until"},
		{"overlap at the same ISP", site(1, filing.StatusApproved, access("中国电信", old, mid.AddDate(0, 1, 0)), access("中国电信", mid, time.Time{})), CodeAccessOverlap, "websites[0].access[1]"},
		{"two open periods at the same ISP", site(1, filing.StatusApproved, access("中国电信", old, time.Time{}), access("中国电信", mid, time.Time{})), CodeAccessOverlap, "websites[0].access[1]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := ClassifySubject(gzSubject, []filing.Website{c.w, good}, shellAsOf)
			var ve *filing.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, c.code) || len(ve.Problems) != 1 || ve.Problems[0].Path != c.path {
				t.Fatalf("err = %v, want %s at %s", err, c.code, c.path)
			}
			if !r.Incomplete || r.Websites != 1 || r.Has(FindingSubjectShellAfterCleanup) {
				t.Fatalf("the good website is still classified, the subject marked incomplete: %+v", r)
			}
			if ve.Problems[0].Zh == "" || ve.Problems[0].Rule == "" {
				t.Fatalf("%+v", ve.Problems[0])
			}
		})
	}
	// An incomplete subject gets no subject findings (its bad website may be the live one).
	r, _ := ClassifySubject(gzSubject, []filing.Website{site(1, "?")}, shellAsOf)
	if r.Has(FindingShellSubject) || !r.Incomplete {
		t.Fatalf("%+v", r)
	}
	// Many access periods (the sorted path).
	var many []filing.Access
	for i := range 40 {
		s := old.AddDate(0, 0, i*10)
		many = append(many, access("中国电信", s, s.AddDate(0, 0, 10)))
	}
	if _, err := ClassifySubject(gzSubject, []filing.Website{site(1, filing.StatusApproved, many...)}, shellAsOf); err != nil {
		t.Fatalf("adjacent periods do not overlap: %v", err)
	}
	many[30].Until = many[30].Until.Add(time.Second)
	_, err := ClassifySubject(gzSubject, []filing.Website{site(1, filing.StatusApproved, many...)}, shellAsOf)
	if !errors.Is(err, CodeAccessOverlap) || !strings.Contains(err.Error(), "access[31]") {
		t.Fatalf("err = %v", err)
	}
	// Zero-length periods never overlap anything.
	z := access("中国电信", mid, mid)
	if _, err := ClassifySubject(gzSubject, []filing.Website{site(1, filing.StatusApproved, access("中国电信", old, time.Time{}), z)}, shellAsOf); err != nil {
		t.Fatal(err)
	}
	// Bad subject, zero instant.
	if _, err := ClassifySubject(filing.Subject{Number: "x", Status: "gone"}, nil, shellAsOf); !errors.Is(err, CodeUnknownStatus) {
		t.Fatalf("err = %v", err)
	}
	if _, err := ClassifySubject(gzSubject, nil, time.Time{}); !errors.Is(err, CodeAsOfMissing) {
		t.Fatalf("err = %v", err)
	}
}

func TestFindingKindNames(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range FindingKinds() {
		if k.Zh() == string(k) || k.En() == string(k) || seen[k.Zh()] {
			t.Errorf("%s: Zh %q En %q (every kind has distinct names)", k, k.Zh(), k.En())
		}
		seen[k.Zh()] = true
	}
	if FindingShellWebsite.Zh() != "空壳网站" || FindingKind("odd").Zh() != "odd" || FindingKind("odd").En() != "odd" {
		t.Error("names of FindingShellWebsite or of an unknown kind")
	}
}
