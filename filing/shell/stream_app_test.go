package shell_test

import (
	"context"
	"encoding/json"
	"iter"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/shell"
)

// streamAppCase is one subject of the national export with its websites
// and apps, and what the classification must find (R-60..R-62, R-70).
type streamAppCase struct {
	name     string
	rec      shell.FilingRecord
	want     []shell.FindingKind
	apps     int // apps in force
	websites int
}

func streamAppCases(asOf time.Time) []streamAppCase {
	access := func(since, until time.Time) []filing.Access {
		return []filing.Access{{ISP: "阿里云", ISPProvince: "44", Since: since, Until: until}}
	}
	subj := func(n string) filing.Subject {
		return filing.Subject{Number: n, Province: "44", Status: filing.StatusApproved}
	}
	app := func(number string, kind filing.AppKind, acc []filing.Access) shell.AppRecord {
		return shell.AppRecord{App: filing.App{Service: filing.Service{Number: number, Name: "应用", Status: filing.StatusApproved, Access: acc}, Kind: kind}}
	}
	year := asOf.AddDate(-1, 0, 0)
	return []streamAppCase{
		{"R70 app served beside a website", shell.FilingRecord{Subject: subj("粤ICP备2023100001号"),
			Websites: []shell.WebsiteRecord{{Website: filing.Website{Service: filing.Service{Number: "粤ICP备2023100001号-1", Access: access(year, time.Time{})}}}},
			Apps:     []shell.AppRecord{app("粤ICP备2023100001号-2A", filing.AppKindApp, access(year, time.Time{}))}},
			nil, 1, 1},
		{"R60 空壳APP: access ended 8 days ago; the subject is a shell after the cleanup (R-62)", shell.FilingRecord{Subject: subj("粤ICP备2023100002号"),
			Apps: []shell.AppRecord{app("粤ICP备2023100002号-1A", filing.AppKindApp, access(year, asOf.AddDate(0, 0, -8)))}},
			[]shell.FindingKind{shell.FindingAccessCancelledNotFiling, shell.FindingShellApp, shell.FindingSubjectShellAfterCleanup}, 1, 0},
		{"R61 app at risk: access ended 3 days ago", shell.FilingRecord{Subject: subj("粤ICP备2023100003号"),
			Websites: []shell.WebsiteRecord{{Website: filing.Website{Service: filing.Service{Number: "粤ICP备2023100003号-1", Access: access(year, time.Time{})}}}},
			Apps:     []shell.AppRecord{app("粤ICP备2023100003号-2A", filing.AppKindApp, access(year, asOf.AddDate(0, 0, -3)))}},
			[]shell.FindingKind{shell.FindingAccessCancelledNotFiling, shell.FindingAppAtRisk}, 1, 1},
		{"R70 a mini-program is served by its platform: never a shell, keeps its subject", shell.FilingRecord{Subject: subj("粤ICP备2023100004号"),
			Websites: []shell.WebsiteRecord{{Website: filing.Website{Service: filing.Service{Number: "粤ICP备2023100004号-1"}}, ApprovedAt: asOf.AddDate(0, -1, 0)}},
			Apps: []shell.AppRecord{{App: filing.App{
				Service: filing.Service{
					Number: "粤ICP备2023100004号-2X",
					Name:   "小程序",
					Status: filing.StatusApproved,
				},
				Kind: filing.AppKindMiniProgram,
				Host: filing.HostWeChat,
			}}}},
			[]shell.FindingKind{shell.FindingShellWebsite}, 1, 1},
		{"R62 a cancelled app leaves a subject with nothing in force", shell.FilingRecord{Subject: subj("粤ICP备2023100005号"),
			Apps: []shell.AppRecord{{App: filing.App{Service: filing.Service{Number: "粤ICP备2023100005号-1A", Name: "应用", Status: filing.StatusCancelled}, Kind: filing.AppKindApp}}}},
			[]shell.FindingKind{shell.FindingShellSubject}, 0, 0},
	}
}

// exportLines writes the cases as the JSONL export: a subject line, its
// website lines, its app lines (the fields of WebsiteRecord and AppRecord
// with "type" and "subject").
func exportLines(t *testing.T, cases []streamAppCase) string {
	t.Helper()
	var b strings.Builder
	line := func(typ, subject string, v any) {
		raw, err := json.Marshal(v)
		require.NoError(t, err)
		var m map[string]any
		require.NoError(t, json.Unmarshal(raw, &m))
		m["type"] = typ
		if subject != "" {
			m["subject"] = subject
		}
		raw, err = json.Marshal(m)
		require.NoError(t, err)
		b.Write(raw)
		b.WriteByte('\n')
	}
	for _, c := range cases {
		line("subject", "", c.rec.Subject)
		for _, w := range c.rec.Websites {
			line("website", c.rec.Subject.Number, w)
		}
		for _, a := range c.rec.Apps {
			line("app", c.rec.Subject.Number, a)
		}
	}
	return b.String()
}

// TestR70_R60_StreamApps: the app lines of the national export are
// classified as ClassifyFiling classifies the same subject: 空壳APP and apps
// at risk with their app numbers, mini-programs served by their platform,
// apps in force keeping their subject off the shell subjects, and
// apps counted apart from websites — through ClassifyTypedStream and ClassifyTypedSeq
// alike.
func TestR70_R60_StreamApps(t *testing.T) {
	asOf := time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC)
	cases := streamAppCases(asOf)
	jsonl := exportLines(t, cases)

	check := func(what string, sum shell.StreamSummary, reps []shell.SubjectReport) {
		require.Len(t, reps, len(cases), what)
		assert.Zero(t, sum.BadRecords, "%s: %v", what, sum.Errors)
		wantApps, wantSites := 0, 0
		for i, c := range cases {
			want, err := shell.ClassifyFiling(c.rec, asOf)
			require.NoError(t, err, c.name)
			var kinds []shell.FindingKind
			for _, f := range reps[i].Findings {
				kinds = append(kinds, f.Kind)
				if f.Kind == shell.FindingShellApp || f.Kind == shell.FindingAppAtRisk {
					assert.NotEmpty(t, f.AppNumber, "%s: %s", what, c.name)
					assert.Empty(t, f.WebsiteNumber, "%s: %s", what, c.name)
					assert.Contains(t, f.Zh, "APP", "%s: %s", what, c.name)
				}
			}
			assert.Equal(t, c.want, kinds, "%s: %s", what, c.name)
			assert.Equal(t, utcFindings(want.Findings), utcFindings(reps[i].Findings), "%s: %s: as ClassifyFiling", what, c.name)
			assert.Equal(t, c.apps, reps[i].Apps, "%s: %s", what, c.name)
			assert.Equal(t, c.websites, reps[i].Websites, "%s: %s", what, c.name)
			wantApps += len(c.rec.Apps)
			wantSites += len(c.rec.Websites)
		}
		assert.Equal(t, wantApps, sum.Apps, what)
		assert.Equal(t, wantSites, sum.Websites, what)
		assert.Equal(t, 1, sum.ByKind[shell.FindingShellApp], what)
		assert.Equal(t, 1, sum.ByKind[shell.FindingAppAtRisk], what)
		assert.Equal(t, 1, sum.ByISP["阿里云"][shell.FindingShellApp], "%s: app findings count by ISP", what)
	}

	var reps []shell.SubjectReport
	sum, err := shell.ClassifyTypedStream(context.Background(), strings.NewReader(jsonl), asOf,
		func(r shell.SubjectReport) error { reps = append(reps, r); return nil })
	require.NoError(t, err)
	check("ClassifyTypedStream", sum, reps)

	seq := iter.Seq2[shell.StreamRecord, error](func(yield func(shell.StreamRecord, error) bool) {
		for _, c := range cases {
			if !yield(shell.StreamRecord{Subject: &c.rec.Subject}, nil) {
				return
			}
			for i := range c.rec.Websites {
				if !yield(shell.StreamRecord{Website: &c.rec.Websites[i], SubjectNumber: c.rec.Subject.Number}, nil) {
					return
				}
			}
			for i := range c.rec.Apps {
				if !yield(shell.StreamRecord{App: &c.rec.Apps[i], SubjectNumber: c.rec.Subject.Number}, nil) {
					return
				}
			}
		}
	})
	reps = nil
	sum, err = shell.ClassifyTypedSeq(context.Background(), seq, asOf,
		func(r shell.SubjectReport) error { reps = append(reps, r); return nil })
	require.NoError(t, err)
	check("ClassifyTypedSeq", sum, reps)
}

// utcFindings returns the findings with their instants in UTC (a stream
// reads instants in the offset they are written in).
func utcFindings(fs []shell.Finding) []shell.Finding {
	out := make([]shell.Finding, len(fs))
	for i, f := range fs {
		f.Since, f.ShellFrom = f.Since.UTC(), f.ShellFrom.UTC()
		out[i] = f
	}
	return out
}

// TestR60_StreamBadAppLines: an app line that is bad (access after asOf,
// an unknown status, an app of another subject) is a bad record at its
// line, as a website line is; an unknown record type names app among the
// types.
func TestR60_StreamBadAppLines(t *testing.T) {
	asOf := time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC)
	in := `{"type":"subject","number":"粤ICP备2023100001号","province":"44"}
{"type":"app","subject":"粤ICP备2023100001号","number":"粤ICP备2023100001号-1A","kind":"app","access":[{"isp":"x","since":"2026-07-01T00:00:00Z"}]}
{"type":"app","subject":"粤ICP备2023100001号","number":"粤ICP备2023100001号-2A","kind":"app","status":"bogus"}
{"type":"app","subject":"粤ICP备2023109999号","number":"粤ICP备2023109999号-1A","kind":"app"}
{"type":"applet","subject":"粤ICP备2023100001号"}
`
	var bad []*shell.RecordError
	var reps []shell.SubjectReport
	sum, err := shell.ClassifyTypedStream(context.Background(), strings.NewReader(in), asOf,
		func(r shell.SubjectReport) error { reps = append(reps, r); return nil },
		shell.OnBadRecord(func(e *shell.RecordError) error { bad = append(bad, e); return nil }))
	require.NoError(t, err)
	require.Len(t, bad, 4)
	lines := []int{}
	for _, e := range bad {
		lines = append(lines, e.Line)
	}
	assert.Equal(t, []int{2, 3, 4, 5}, lines)
	assert.Equal(t, "粤ICP备2023100001号-1A", bad[0].WebsiteNumber)
	assert.ErrorIs(t, bad[2], shell.CodeStreamWebsiteSubject)
	assert.ErrorIs(t, bad[3], shell.CodeStreamUnknownType)
	assert.Contains(t, bad[3].MessageZh(), "app")
	require.Len(t, reps, 1)
	assert.True(t, reps[0].Incomplete, "bad app lines leave their subject incomplete")
	assert.Zero(t, sum.Apps)
}
