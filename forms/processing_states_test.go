package forms

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
)

// abandonedRetrieval is a retrieval processed with new credentials whose
// answer could not be delivered three times.
func abandonedRetrieval(t *testing.T) *Application {
	t.Helper()
	a := mustReceive(t, individualRetrieval(), NewDate(2026, time.March, 2))
	a, err := a.Process(NewDate(2026, time.March, 3), Decision{Result: ResultDone, Username: "zhangsan", Password: "Xk29#pw"})
	require.NoError(t, err)
	for i := range MaxFailedNotifications {
		a, err = a.Notify(NewDate(2026, time.March, 3+i), OutcomeNoAnswer, "")
		require.NoError(t, err)
	}
	return a
}

// TestR56_AbandonedApplicationReadsAbandoned: the third failed notification
// turns the decision into 按放弃处理. The section no longer reads 已办理, the
// decision is kept as undelivered, and the credentials that never reached
// the applicant are cleared; printed, the form says so.
func TestR56_AbandonedApplicationReadsAbandoned(t *testing.T) {
	a := abandonedRetrieval(t)
	p := a.Bureau
	assert.Equal(t, StateAbandoned, p.State)
	assert.Equal(t, ResultAbandoned, p.Result)
	assert.Equal(t, ResultDone, p.Undelivered)
	assert.Empty(t, p.Username)
	assert.Empty(t, p.Password.Raw())
	require.NoError(t, a.Check(time.Date(2026, time.March, 20, 0, 0, 0, 0, time.UTC)))

	var out strings.Builder
	require.NoError(t, a.RenderText(&out))
	text := out.String()
	assert.Contains(t, text, "按放弃处理（原处理意见：已办理，未能送达）")
	assert.Contains(t, text, "[✓] 未送达  [✓] 三次")
	assert.NotContains(t, text, "Xk29#pw", "undelivered credentials printed")
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "处理日期：") {
			assert.NotRegexp(t, `\s已办理$`, l, "an abandoned application reads 已办理")
		}
	}
}

// TestR56_DecisionOnlyDoneOrRejected: the bureau decides done or rejected;
// abandonment is not a decision it can record when processing.
func TestR56_DecisionOnlyDoneOrRejected(t *testing.T) {
	a := mustReceive(t, orgCancellation(), NewDate(2026, time.March, 2))
	for _, r := range []Result{ResultAbandoned, "", "cancelled"} {
		_, err := a.Process(NewDate(2026, time.March, 3), Decision{Result: r})
		assert.True(t, errors.Is(err, CodeResultInvalid), "Process with result %q: %v", r, err)
	}
	for _, r := range []Result{ResultDone, ResultRejected} {
		_, err := a.Process(NewDate(2026, time.March, 3), Decision{Result: r})
		assert.NoError(t, err, "Process with result %q", r)
	}
}

// TestR57_SectionStatesCannotContradict: a bureau section decoded from
// storage whose result, state, undelivered decision and credentials
// contradict each other is refused, each with its path; the consistent
// sections built by the transitions pass.
func TestR57_SectionStatesCannotContradict(t *testing.T) {
	now := time.Date(2026, time.March, 20, 0, 0, 0, 0, time.UTC)
	notified := func() *Application {
		a := mustReceive(t, orgCancellation(), NewDate(2026, time.March, 2))
		a, err := a.Process(NewDate(2026, time.March, 3), Decision{Result: ResultDone})
		require.NoError(t, err)
		a, err = a.Notify(NewDate(2026, time.March, 4), OutcomeDelivered, "")
		require.NoError(t, err)
		return a
	}
	require.NoError(t, notified().Check(now))
	require.NoError(t, abandonedRetrieval(t).Check(now))

	cases := []struct {
		name string
		base func() *Application
		edit func(p *Processing)
		path string
	}{
		{"abandoned but 已办理 (the printed contradiction)", func() *Application { return abandonedRetrieval(t) },
			func(p *Processing) { p.Result = ResultDone }, "bureau.result"},
		{"abandoned but 不予办理", func() *Application { return abandonedRetrieval(t) },
			func(p *Processing) { p.Result = ResultRejected }, "bureau.result"},
		{"delivered but 按放弃处理", notified,
			func(p *Processing) { p.Result = ResultAbandoned }, "bureau.result"},
		{"abandoned without the undelivered decision", func() *Application { return abandonedRetrieval(t) },
			func(p *Processing) { p.Undelivered = "" }, "bureau.undelivered"},
		{"undelivered decision on a delivered answer", notified,
			func(p *Processing) { p.Undelivered = ResultDone }, "bureau.undelivered"},
		{"credentials kept on an abandoned retrieval", func() *Application { return abandonedRetrieval(t) },
			func(p *Processing) { p.Username, p.Password = "zhangsan", "Xk29#pw" }, "bureau.username"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.base()
			b := *a
			p := *a.Bureau
			tc.edit(&p)
			b.Bureau = &p
			ps := problemsOf(t, b.Check(now))
			assert.True(t, hasProblem(ps, tc.path, CodeBureauInvalid), "want %s at %s, got %v", CodeBureauInvalid, tc.path, ps)
			var prob *filing.Problem
			assert.True(t, errors.As(b.Check(now), &prob) || len(ps) > 0)
		})
	}
}
