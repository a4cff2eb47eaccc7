package shell_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/shell"
)

func TestR61_ShellAppAfterAWeekWithoutAccess(t *testing.T) {
	asOf := time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC)
	subject := filing.Subject{Number: "粤ICP备2023103620号", Province: "44"}
	access := func(since, until time.Time) []filing.Access {
		return []filing.Access{{ISP: "阿里云", Since: since, Until: until}}
	}
	for _, tc := range []struct {
		name     string
		apps     []shell.AppRecord
		websites []shell.WebsiteRecord
		want     []shell.FindingKind
		apps0    int
	}{
		{"app served", []shell.AppRecord{{App: filing.App{Service: filing.Service{Number: subject.Number + "-3A", Access: access(asOf.AddDate(-1, 0, 0), time.Time{})}, Kind: filing.AppKindApp}}},
			nil, nil, 1},
		{"app without access for 8 days: 空壳APP, subject after cleanup",
			[]shell.AppRecord{{App: filing.App{Service: filing.Service{Number: subject.Number + "-3A", Access: access(asOf.AddDate(-1, 0, 0), asOf.AddDate(0, 0, -8))}, Kind: filing.AppKindApp}}},
			nil, []shell.FindingKind{shell.FindingAccessCancelledNotFiling, shell.FindingShellApp, shell.FindingSubjectShellAfterCleanup}, 1},
		{"app without access for 3 days: at risk",
			[]shell.AppRecord{{App: filing.App{Service: filing.Service{Number: subject.Number + "-3A", Access: access(asOf.AddDate(-1, 0, 0), asOf.AddDate(0, 0, -3))}, Kind: filing.AppKindApp}}},
			nil, []shell.FindingKind{shell.FindingAccessCancelledNotFiling, shell.FindingAppAtRisk, shell.FindingSubjectShellAfterCleanup}, 1},
		{"app never with access, approved 10 days ago",
			[]shell.AppRecord{{App: filing.App{Service: filing.Service{Number: subject.Number + "-3A"}, Kind: filing.AppKindApp}, ApprovedAt: asOf.AddDate(0, 0, -10)}},
			nil, []shell.FindingKind{shell.FindingShellApp, shell.FindingSubjectShellAfterCleanup}, 1},
		{"a WeChat mini-program carries no access and is never a shell; it keeps the subject",
			[]shell.AppRecord{{App: filing.App{Service: filing.Service{Number: subject.Number + "-5X"}, Kind: filing.AppKindMiniProgram, Host: filing.HostWeChat}}},
			nil, nil, 1},
		{"the mini-program keeps a subject whose website is a shell off the shell subjects",
			[]shell.AppRecord{{App: filing.App{Service: filing.Service{Number: subject.Number + "-5X"}, Kind: filing.AppKindMiniProgram, Host: filing.HostWeChat}}},
			[]shell.WebsiteRecord{{Website: filing.Website{Service: filing.Service{Number: subject.Number + "-1"}}, ApprovedAt: asOf.AddDate(0, -1, 0)}},
			[]shell.FindingKind{shell.FindingShellWebsite}, 1},
		{"cancelled app: not in force, subject without anything in force",
			[]shell.AppRecord{{App: filing.App{Service: filing.Service{Number: subject.Number + "-3A", Status: filing.StatusCancelled}, Kind: filing.AppKindApp}}},
			nil, []shell.FindingKind{shell.FindingShellSubject}, 0},
	} {
		rep, err := shell.ClassifyFiling(shell.FilingRecord{Subject: subject, Websites: tc.websites, Apps: tc.apps}, asOf)
		require.NoError(t, err, tc.name)
		var kinds []shell.FindingKind
		for _, f := range rep.Findings {
			kinds = append(kinds, f.Kind)
			if f.Kind == shell.FindingShellApp || f.Kind == shell.FindingAppAtRisk {
				assert.Equal(t, subject.Number+"-3A", f.AppNumber, tc.name)
				assert.Empty(t, f.WebsiteNumber, tc.name)
				assert.Contains(t, f.Zh, "APP", tc.name)
				assert.NotContains(t, f.Zh, "网站", tc.name)
				assert.NotEmpty(t, f.RecommendationZh, tc.name)
			}
		}
		assert.Equal(t, tc.want, kinds, tc.name)
		assert.Equal(t, tc.apps0, rep.Apps, tc.name)
		assert.Equal(t, len(tc.websites), rep.Websites, tc.name)
	}
	assert.Equal(t, "空壳APP", shell.FindingShellApp.Zh())
	assert.Equal(t, []shell.FindingKind{shell.FindingShellApp, shell.FindingAppAtRisk}, shell.AppFindingKinds())
}

func TestR60_BadAppRecordsAtTheirPaths(t *testing.T) {
	asOf := time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC)
	r := shell.FilingRecord{
		Subject:  filing.Subject{Number: "粤ICP备2023103620号", Province: "44"},
		Websites: []shell.WebsiteRecord{{Website: filing.Website{Service: filing.Service{Number: "粤ICP备2023103620号-1", Access: []filing.Access{{ISP: "x", Since: asOf.AddDate(0, -1, 0)}}}}}},
		Apps: []shell.AppRecord{{App: filing.App{
			Service: filing.Service{
				Number: "粤ICP备2023103620号-3A",
				Access: []filing.Access{{ISP: "x", Since: asOf.AddDate(0, 0, 1)}},
			},
			Kind: filing.AppKindApp,
		}}},
	}
	rep, err := shell.ClassifyFiling(r, asOf)
	var ve *filing.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "apps[0].access[0].since", ve.Problems[0].Path)
	assert.True(t, rep.Incomplete)
}
