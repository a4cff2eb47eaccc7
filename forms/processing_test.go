package forms

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

func mustReceive(t *testing.T, a *Application, on Date) *Application {
	t.Helper()
	b, err := a.Receive(on, nil)
	require.NoError(t, err, "Receive(%s)", on)
	return b
}

func TestR22_DueDateFiveWorkingDays(t *testing.T) {
	cases := []struct {
		received, due Date
	}{
		{NewDate(2026, time.March, 2), NewDate(2026, time.March, 9)},         // Mon → next Mon
		{NewDate(2026, time.March, 6), NewDate(2026, time.March, 13)},        // Fri → next Fri
		{NewDate(2026, time.March, 7), NewDate(2026, time.March, 13)},        // received on a Saturday
		{NewDate(2026, time.September, 30), NewDate(2026, time.October, 13)}, // National Day; Sat 10-10 is a makeup workday
		{NewDate(2026, time.February, 13), NewDate(2026, time.February, 27)}, // Spring Festival; Sat 02-14 is a makeup workday
	}
	for _, tc := range cases {
		a := individualRetrieval()
		a.Date = NewDate(2026, time.January, 5)
		b := mustReceive(t, a, tc.received)
		assert.Equal(t, tc.due.String(), b.Bureau.Due.String(), "received %s: due", tc.received)
		assert.Equal(t, StateReceived, b.Bureau.State, "received %s: state", tc.received)
	}
}

// 2131 is past calendar.ProvisionalMaxYear: no provisional schedule.
func TestR22_UnpublishedYearIsAnError(t *testing.T) {
	a := individualRetrieval()
	_, err := a.Receive(NewDate(2131, time.March, 5), nil)
	if !errors.Is(err, calendar.ErrNotPublished) || !errors.Is(err, CodeDeadline) {
		t.Fatalf("want form.bureau.deadline wrapping calendar.ErrNotPublished, got %v", err)
	}
	var de *DeadlineError
	if !errors.As(err, &de) || de.ErrorCode() != string(CodeDeadline) || de.MessageZh() == "" {
		t.Fatalf("not a *DeadlineError: %#v", err)
	}
	// An explicit weekend-only fallback is the caller's choice.
	cal, err := calendar.New(calendar.WithWeekendFallback())
	if err != nil {
		t.Fatal(err)
	}
	b, err := a.Receive(NewDate(2131, time.March, 5), cal)
	if err != nil || !b.Bureau.Due.Equal(NewDate(2131, time.March, 12)) {
		t.Fatalf("fallback: %v %v", b, err)
	}
}

func TestR22_CountdownAndOverdue(t *testing.T) {
	b := mustReceive(t, individualRetrieval(), NewDate(2026, time.March, 2))
	cd, err := b.Countdown(time.Date(2026, 3, 5, 9, 0, 0, 0, calendar.Location()), nil)
	if err != nil || cd.Remaining != 2 || cd.Overdue {
		t.Errorf("on 03-05: %+v %v", cd, err)
	}
	if b.Overdue(time.Date(2026, 3, 9, 23, 0, 0, 0, calendar.Location())) {
		t.Error("overdue on the due day")
	}
	late := time.Date(2026, 3, 10, 9, 0, 0, 0, calendar.Location())
	if !b.Overdue(late) {
		t.Error("not overdue the day after")
	}
	p, err := b.Process(NewDate(2026, time.March, 10), Decision{Result: ResultDone})
	if err != nil {
		t.Fatal(err)
	}
	if p.Overdue(late) {
		t.Error("a processed application is not overdue")
	}
	if _, err := individualRetrieval().Countdown(now, nil); !errors.Is(err, CodeNotReceived) {
		t.Errorf("countdown before receipt: %v", err)
	}
}

func TestR56_ThreeFailedNotifications(t *testing.T) {
	a := mustReceive(t, individualRetrieval(), NewDate(2026, time.March, 2))
	a, err := a.Process(NewDate(2026, time.March, 4), Decision{Result: ResultDone, Username: "zhangsan2021", Password: "Xk7#pQ2m"})
	if err != nil {
		t.Fatal(err)
	}
	outcomes := []Outcome{OutcomePhoneOff, OutcomeNoAnswer, OutcomeUnreachable}
	for i, o := range outcomes {
		if a.Bureau.State != StateProcessed {
			t.Fatalf("before attempt %d: state %s", i+1, a.Bureau.State)
		}
		a, err = a.Notify(NewDate(2026, time.March, 4+i), o, "")
		if err != nil {
			t.Fatalf("attempt %d: %v", i+1, err)
		}
	}
	if a.Bureau.State != StateAbandoned || a.Bureau.Failed() != MaxFailedNotifications {
		t.Fatalf("after three failures: state %s, failed %d", a.Bureau.State, a.Bureau.Failed())
	}
	if !a.Bureau.Notified.Equal(NewDate(2026, time.March, 6)) {
		t.Errorf("notified date %s", a.Bureau.Notified)
	}
	// A fourth call is refused: the application is abandoned.
	if _, err := a.Notify(NewDate(2026, time.March, 9), OutcomeDelivered, ""); !errors.Is(err, CodeAbandoned) {
		t.Errorf("fourth attempt: %v", err)
	}
	if err := a.Check(now.AddDate(0, 0, 10)); err != nil {
		t.Errorf("abandoned record inconsistent: %v", err)
	}
	var out strings.Builder
	if err := a.RenderText(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "[✓] 未送达  [✓] 三次") || !strings.Contains(out.String(), "[ ] 送达") {
		t.Errorf("abandoned boxes not ticked:\n%s", out.String())
	}
}

func TestR56_DeliveryAfterTwoFailuresCloses(t *testing.T) {
	a := mustReceive(t, orgCancellation(), NewDate(2026, time.March, 2))
	a, _ = a.Process(NewDate(2026, time.March, 3), Decision{Result: ResultDone})
	a, _ = a.Notify(NewDate(2026, time.March, 3), OutcomeNoAnswer, "")
	a, _ = a.Notify(NewDate(2026, time.March, 3), OutcomePhoneOff, "下午再拨")
	a, err := a.Notify(NewDate(2026, time.March, 4), OutcomeDelivered, "")
	if err != nil || a.Bureau.State != StateNotified || !a.Bureau.Delivered() {
		t.Fatalf("%v %+v", err, a.Bureau)
	}
	if _, err := a.Notify(NewDate(2026, time.March, 5), OutcomeDelivered, ""); !errors.Is(err, CodeClosed) {
		t.Errorf("after delivery: %v", err)
	}
	if _, err := a.Process(NewDate(2026, time.March, 5), Decision{Result: ResultDone}); !errors.Is(err, CodeClosed) {
		t.Errorf("process after delivery: %v", err)
	}
}

func TestR57_TransitionErrors(t *testing.T) {
	fresh := individualRetrieval()
	received := mustReceive(t, fresh, NewDate(2026, time.March, 2))
	processed, err := received.Process(NewDate(2026, time.March, 3), Decision{Result: ResultDone})
	if err != nil {
		t.Fatal(err)
	}
	cancellation := mustReceive(t, orgCancellation(), NewDate(2026, time.March, 2))
	cases := []struct {
		name string
		do   func() (*Application, error)
		code filing.Code
	}{
		{"process before receipt", func() (*Application, error) {
			return fresh.Process(NewDate(2026, time.March, 3), Decision{Result: ResultDone})
		}, CodeNotReceived},
		{"notify before receipt", func() (*Application, error) { return fresh.Notify(NewDate(2026, time.March, 3), OutcomeDelivered, "") }, CodeNotReceived},
		{"notify before processing", func() (*Application, error) {
			return received.Notify(NewDate(2026, time.March, 3), OutcomeDelivered, "")
		}, CodeNotProcessed},
		{"receive twice", func() (*Application, error) { return received.Receive(NewDate(2026, time.March, 3), nil) }, CodeAlreadyReceived},
		{"process twice", func() (*Application, error) {
			return processed.Process(NewDate(2026, time.March, 4), Decision{Result: ResultDone})
		}, CodeAlreadyProcessed},
		{"received before the application date", func() (*Application, error) { return fresh.Receive(NewDate(2026, time.February, 28), nil) }, CodeDateBackwards},
		{"receive without a date", func() (*Application, error) { return fresh.Receive(Date{}, nil) }, CodeDateMissing},
		{"processed before received", func() (*Application, error) {
			return received.Process(NewDate(2026, time.March, 1), Decision{Result: ResultDone})
		}, CodeDateBackwards},
		{"process without a date", func() (*Application, error) { return received.Process(Date{}, Decision{Result: ResultDone}) }, CodeDateMissing},
		{"notified before processed", func() (*Application, error) {
			return processed.Notify(NewDate(2026, time.March, 2), OutcomeDelivered, "")
		}, CodeDateBackwards},
		{"unknown result", func() (*Application, error) {
			return received.Process(NewDate(2026, time.March, 3), Decision{Result: "maybe"})
		}, CodeResultInvalid},
		{"unknown outcome", func() (*Application, error) { return processed.Notify(NewDate(2026, time.March, 3), "voicemail", "") }, CodeOutcomeInvalid},
		{"credentials on a cancellation", func() (*Application, error) {
			return cancellation.Process(NewDate(2026, time.March, 3), Decision{Result: ResultDone, Password: "x"})
		}, CodeCredentialsOnly},
		{"script in remarks", func() (*Application, error) {
			return received.Process(NewDate(2026, time.March, 3), Decision{Result: ResultRejected, Remarks: "<script>alert(1)</script>"})
		}, CodeMarkup},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := tc.do()
			require.ErrorIs(t, err, tc.code)
			assert.Nil(t, b, "an application with an error")
			var p *filing.Problem
			require.ErrorAs(t, err, &p)
			assert.True(t, strings.HasPrefix(p.Path, "bureau"), "path %q", p.Path)
			assert.NotEmpty(t, p.Zh, "Chinese message")
		})
	}
	// Dates going backwards between attempts.
	n1, err := processed.Notify(NewDate(2026, time.March, 5), OutcomeNoAnswer, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := n1.Notify(NewDate(2026, time.March, 4), OutcomeNoAnswer, ""); !errors.Is(err, CodeDateBackwards) {
		t.Errorf("attempt before the previous one: %v", err)
	}
}

func TestR57_TransitionsArePure(t *testing.T) {
	a := individualRetrieval()
	b := mustReceive(t, a, NewDate(2026, time.March, 2))
	if a.Bureau != nil {
		t.Fatal("Receive changed its receiver")
	}
	c, _ := b.Process(NewDate(2026, time.March, 3), Decision{Result: ResultDone})
	if b.Bureau.State != StateReceived {
		t.Fatal("Process changed its receiver")
	}
	d, _ := c.Notify(NewDate(2026, time.March, 3), OutcomeNoAnswer, "")
	e, _ := c.Notify(NewDate(2026, time.March, 3), OutcomePhoneOff, "")
	if len(c.Bureau.Attempts) != 0 || d.Bureau.Attempts[0].Outcome != OutcomeNoAnswer || e.Bureau.Attempts[0].Outcome != OutcomePhoneOff {
		t.Fatal("Notify shares attempts between values")
	}
	// Concurrent transitions from one value.
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x, err := c.Notify(NewDate(2026, time.March, 3+i%3), OutcomeNoAnswer, "")
			if err != nil || len(x.Bureau.Attempts) != 1 {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

func TestR57_BureauSectionChecked(t *testing.T) {
	base := func() *Application {
		a := mustReceive(t, individualRetrieval(), NewDate(2026, time.March, 2))
		a, _ = a.Process(NewDate(2026, time.March, 3), Decision{Result: ResultDone, Username: "zhangsan", Password: "p"})
		return a
	}
	cases := []struct {
		name string
		edit func(p *Processing)
		path string
		code filing.Code
	}{
		{"unknown state", func(p *Processing) { p.State = "lost" }, "bureau.state", CodeBureauInvalid},
		{"due before received", func(p *Processing) { p.Due = NewDate(2026, time.March, 1) }, "bureau.due", CodeDateBackwards},
		{"processed before received", func(p *Processing) { p.Processed = NewDate(2026, time.March, 1) }, "bureau.processed", CodeDateBackwards},
		{"abandoned after one attempt", func(p *Processing) {
			p.State, p.Attempts = StateAbandoned, []Attempt{{On: NewDate(2026, time.March, 3), Outcome: OutcomeNoAnswer}}
		}, "bureau.state", CodeBureauInvalid},
		{"attempt after delivery", func(p *Processing) {
			p.State, p.Notified = StateNotified, NewDate(2026, time.March, 4)
			p.Attempts = []Attempt{{On: NewDate(2026, time.March, 3), Outcome: OutcomeDelivered}, {On: NewDate(2026, time.March, 4), Outcome: OutcomeDelivered}}
		}, "bureau.attempts[1]", CodeBureauInvalid},
		{"attempt going backwards", func(p *Processing) {
			p.Attempts = []Attempt{{On: NewDate(2026, time.March, 4), Outcome: OutcomeNoAnswer}, {On: NewDate(2026, time.March, 3), Outcome: OutcomeNoAnswer}}
		}, "bureau.attempts[1]", CodeDateBackwards},
		{"received with results", func(p *Processing) { p.State = StateReceived }, "bureau.state", CodeBureauInvalid},
		{"script in password", func(p *Processing) { p.Password = "<script>alert(1)</script>" }, "bureau.password", CodeMarkup},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := base()
			tc.edit(a.Bureau)
			if !hasProblem(problemsOf(t, a.Check(now)), tc.path, tc.code) {
				t.Errorf("want %s at %s, got %v", tc.code, tc.path, a.Check(now))
			}
		})
	}
	// Credentials on a cancellation's section.
	c := mustReceive(t, orgCancellation(), NewDate(2026, time.March, 2))
	c.Bureau.Username = "x"
	if !hasProblem(problemsOf(t, c.Check(now)), "bureau.username", CodeCredentialsOnly) {
		t.Error("credentials on a cancellation accepted")
	}
}

func TestR57_PasswordMasked(t *testing.T) {
	s := Secret("Xk7#pQ2m")
	for _, out := range []string{fmt.Sprint(s), fmt.Sprintf("%v %s %q %+v %#v", s, s, s, s, s), fmt.Sprint(Decision{Password: s})} {
		if strings.Contains(out, "Xk7") {
			t.Errorf("password leaked: %s", out)
		}
	}
	var b strings.Builder
	slog.New(slog.NewJSONHandler(&b, nil)).Info("x", "password", s)
	if strings.Contains(b.String(), "Xk7") {
		t.Errorf("password leaked to slog: %s", b.String())
	}
	a := individualRetrieval()
	for _, out := range []string{fmt.Sprintf("%v", a), fmt.Sprintf("%+v", *a)} {
		for _, raw := range []string{"13812345678", "zhangsan@example.com", "11010519491231002X", "65795120"} {
			if strings.Contains(out, raw) {
				t.Errorf("%s leaked: %s", raw, out)
			}
		}
	}
}

func TestApplicationLogsMasked(t *testing.T) {
	a := mustReceive(t, individualRetrieval(), NewDate(2026, time.March, 2))
	var b strings.Builder
	slog.New(slog.NewJSONHandler(&b, nil)).Info("received", "app", a)
	for _, raw := range []string{"13812345678", "zhangsan@example.com", "11010519491231002X", "65795120"} {
		if strings.Contains(b.String(), raw) {
			t.Errorf("%s leaked to slog: %s", raw, b.String())
		}
	}
	if !strings.Contains(b.String(), `"due":"2026-03-09"`) {
		t.Errorf("log lacks the due date: %s", b.String())
	}
}
