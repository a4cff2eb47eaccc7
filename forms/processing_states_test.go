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

	// The printed example (testdata/golden/cancellation_abandoned.*): its
	// remarks, written with the decision, do not say the website was
	// cancelled beside 按放弃处理.
	g := goldenCases(t)["cancellation_abandoned"]
	require.Equal(t, StateAbandoned, g.Bureau.State)
	require.NoError(t, g.Check(time.Date(2026, time.March, 20, 0, 0, 0, 0, time.UTC)))
	out.Reset()
	require.NoError(t, g.RenderText(&out))
	_, rest, ok := strings.Cut(out.String(), "备注：\n")
	require.True(t, ok, "no 备注 in the printed form")
	remarks, _, _ := strings.Cut(rest, "\n\n")
	require.NotEmpty(t, strings.TrimSpace(remarks))
	for _, w := range DoneClaims() {
		assert.NotContains(t, remarks, w, "the abandoned example's remarks say the work is done")
	}
}

// TestR56_DoneRemarksClaimNoDoneWork: the remarks of a done decision are
// written before the answer is delivered, so they say what the bureau
// found, never that the work is done (DoneClaims): three failed calls would
// abandon the application beside them. A rejection's remarks may state such
// facts.
func TestR56_DoneRemarksClaimNoDoneWork(t *testing.T) {
	a := mustReceive(t, orgCancellation(), NewDate(2026, time.March, 2))
	on := NewDate(2026, time.March, 3)
	require.NotEmpty(t, DoneClaims())
	remarks := []string{"材料齐全，核实后注销网站豫ICP备2021012345号-2"} // the printed contradiction
	for _, w := range DoneClaims() {
		remarks = append(remarks, "材料齐全，"+w, "材料齐全，"+w+"。", w+" 请知悉")
	}
	for _, r := range remarks {
		_, err := a.Process(on, Decision{Result: ResultDone, Remarks: r})
		assert.ErrorIs(t, err, CodeRemarksClaimDone, r)
		var p *filing.Problem
		if assert.ErrorAs(t, err, &p, r) {
			assert.Equal(t, "bureau.remarks", p.Path, r)
			assert.Equal(t, "R-56", p.Rule, r)
		}
	}
	for _, d := range []Decision{
		{Result: ResultDone, Remarks: "材料齐全，与备案信息一致"},
		{Result: ResultRejected, Remarks: "网站已注销，无需重复申请"},
		// What the bureau found, in words of the result box that do not
		// end their clause, or of deleting content.
		{Result: ResultDone, Remarks: "已完成核实，材料齐全"},
		{Result: ResultDone, Remarks: "申请人已完成整改"},
		{Result: ResultDone, Remarks: "经核实网站已删除违规内容，材料齐全"},
		{Result: ResultDone, Remarks: "主体已办理名称变更，材料一致"},
	} {
		_, err := a.Process(on, d)
		assert.NoError(t, err, "%s: %s", d.Result, d.Remarks)
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
	processed := func() *Application {
		a := mustReceive(t, individualRetrieval(), NewDate(2026, time.March, 2))
		a, err := a.Process(NewDate(2026, time.March, 3), Decision{Result: ResultDone, Username: "zhangsan", Password: "Xk29#pw"})
		require.NoError(t, err)
		return a
	}
	require.NoError(t, notified().Check(now))
	require.NoError(t, abandonedRetrieval(t).Check(now))
	require.NoError(t, processed().Check(now))

	// Remarks that say the work is done contradict no delivered answer,
	// and a rejection's remarks may state facts.
	for name, a := range map[string]*Application{
		"delivered, 已注销": func() *Application {
			a := notified()
			b, p := *a, *a.Bureau
			p.Remarks, b.Bureau = "已注销网站豫ICP备2021012345号-2", &p
			return &b
		}(),
		"abandoned rejection, 网站已注销": func() *Application {
			a := abandonedRetrieval(t)
			b, p := *a, *a.Bureau
			p.Undelivered, p.Remarks, b.Bureau = ResultRejected, "网站已注销，无需重复申请", &p
			return &b
		}(),
	} {
		assert.NoError(t, a.Check(now), name)
	}

	cases := []struct {
		name string
		base func() *Application
		edit func(p *Processing)
		path string
		code filing.Code // CodeBureauInvalid when empty
	}{
		{"abandoned but 已办理 (the printed contradiction)", func() *Application { return abandonedRetrieval(t) },
			func(p *Processing) { p.Result = ResultDone }, "bureau.result", ""},
		{"abandoned but 不予办理", func() *Application { return abandonedRetrieval(t) },
			func(p *Processing) { p.Result = ResultRejected }, "bureau.result", ""},
		{"delivered but 按放弃处理", notified,
			func(p *Processing) { p.Result = ResultAbandoned }, "bureau.result", ""},
		{"abandoned without the undelivered decision", func() *Application { return abandonedRetrieval(t) },
			func(p *Processing) { p.Undelivered = "" }, "bureau.undelivered", ""},
		{"undelivered decision on a delivered answer", notified,
			func(p *Processing) { p.Undelivered = ResultDone }, "bureau.undelivered", ""},
		{"credentials kept on an abandoned retrieval", func() *Application { return abandonedRetrieval(t) },
			func(p *Processing) { p.Username, p.Password = "zhangsan", "Xk29#pw" }, "bureau.username", ""},
		{"abandoned but the remarks say the website was cancelled (the printed contradiction)", func() *Application { return abandonedRetrieval(t) },
			func(p *Processing) { p.Remarks = "材料齐全，核实后注销网站豫ICP备2021012345号-2" }, "bureau.remarks", CodeRemarksClaimDone},
		{"abandoned but the remarks say 已重置", func() *Application { return abandonedRetrieval(t) },
			func(p *Processing) { p.Remarks = "密码已重置" }, "bureau.remarks", CodeRemarksClaimDone},
		{"not yet delivered but the remarks say 已办理", processed,
			func(p *Processing) { p.Remarks = "已办理" }, "bureau.remarks", CodeRemarksClaimDone},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.base()
			b := *a
			p := *a.Bureau
			tc.edit(&p)
			b.Bureau = &p
			code := tc.code
			if code == "" {
				code = CodeBureauInvalid
			}
			ps := problemsOf(t, b.Check(now))
			assert.True(t, hasProblem(ps, tc.path, code), "want %s at %s, got %v", code, tc.path, ps)
			var prob *filing.Problem
			assert.True(t, errors.As(b.Check(now), &prob) || len(ps) > 0)
		})
	}
}
