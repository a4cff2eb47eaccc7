package forms

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

// MaxFailedNotifications is the number of failed notification attempts
// after which an application is abandoned.
//
// Decision: the third failed attempt abandons the application. R-56 and the
// guidance read "通知无法送达超过三次" (more than three times), but the
// form's own tick box is "三次": the bureau ticks "三次" when the third
// attempt fails, and does not call a fourth time.
const MaxFailedNotifications = 3

// State is the state of an application in the bureau's hands.
type State string

// States. Received → Processed → Notified (delivered) or Abandoned (three
// failed notifications). Notified and Abandoned are final.
const (
	StateReceived  State = "received"  // 已收到，待处理
	StateProcessed State = "processed" // 已处理，待通知
	StateNotified  State = "notified"  // 已送达，办结
	StateAbandoned State = "abandoned" // 三次未能送达，按放弃处理
)

var stateNames = map[State]string{
	StateReceived:  "已收到，待处理",
	StateProcessed: "已处理，待通知",
	StateNotified:  "已送达，办结",
	StateAbandoned: "三次未能送达，按放弃处理",
}

// Zh returns the Chinese name of the state, or "".
func (s State) Zh() string { return stateNames[s] }

// Final reports whether no further action is possible.
func (s State) Final() bool { return s == StateNotified || s == StateAbandoned }

// Result is the bureau's decision, or, once the answer could not be
// delivered three times, the abandonment that replaces it.
type Result string

// Results. The bureau decides ResultDone or ResultRejected when it
// processes an application; ResultAbandoned is never decided: it is what
// the third failed notification turns the decision into.
//
// Decision of the SDK: "申请做放弃处理" means the application
// is treated as withdrawn, so an abandoned application cannot also read
// "已办理". The decision that could not be delivered is kept in
// Processing.Undelivered for the bureau's records, the rendered section
// says 按放弃处理, and the retrieval credentials, never delivered, are
// cleared.
const (
	ResultDone      Result = "done"      // 已办理: reset, cancelled or deleted
	ResultRejected  Result = "rejected"  // 不予办理: materials do not match the filing, etc. (reason in Remarks)
	ResultAbandoned Result = "abandoned" // 按放弃处理: three failed notifications
)

var resultNames = map[Result]string{ResultDone: "已办理", ResultRejected: "不予办理", ResultAbandoned: "按放弃处理"}

// Zh returns "已办理", "不予办理" or "按放弃处理", or "".
func (r Result) Zh() string { return resultNames[r] }

// Decided reports whether r is a decision the bureau makes when it
// processes an application (done or rejected).
func (r Result) Decided() bool { return r == ResultDone || r == ResultRejected }

// Outcome is the outcome of one notification attempt.
type Outcome string

// Outcomes. Every outcome but OutcomeDelivered is a failed attempt.
const (
	OutcomeDelivered   Outcome = "delivered"   // 送达
	OutcomePhoneOff    Outcome = "phone_off"   // 关机
	OutcomeNoAnswer    Outcome = "no_answer"   // 不接听
	OutcomeUnreachable Outcome = "unreachable" // 无法接通 / 空号 / 停机
)

var outcomeNames = map[Outcome]string{
	OutcomeDelivered:   "送达",
	OutcomePhoneOff:    "关机",
	OutcomeNoAnswer:    "不接听",
	OutcomeUnreachable: "无法接通",
}

// Zh returns the Chinese name of the outcome, or "".
func (o Outcome) Zh() string { return outcomeNames[o] }

// Failed reports whether the attempt did not reach the applicant.
func (o Outcome) Failed() bool { return o != OutcomeDelivered }

// Attempt is one attempt to notify the applicant of the result.
type Attempt struct {
	On      Date    `json:"on"`
	Outcome Outcome `json:"outcome"`
	Note    string  `json:"note,omitempty"`
}

// Secret is a credential written in the bureau's section (the new
// password, R-57). It prints as "******" through fmt and slog; JSON and the
// rendered form carry the value, which is the applicant's own.
type Secret string

// Raw returns the value.
func (s Secret) Raw() string { return string(s) }

// String returns "******" (or "" when empty).
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "******"
}

// Format prints the masked value for every verb.
func (s Secret) Format(f fmt.State, verb rune) {
	if verb == 'q' || (verb == 'v' && f.Flag('#')) {
		fmt.Fprintf(f, "%q", s.String())
		return
	}
	fmt.Fprint(f, s.String())
}

// LogValue logs the masked value.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// Processing is the bureau's section of the form (Ⅲ.处理结果, R-57) and its
// tracking data: receipt, the R-22 due date, processing, notification
// attempts.
//
// The transitions (Application.Receive, Process, Notify) are pure: they
// return a new *Application and leave their receiver unchanged, and they
// reject illegal moves with a *filing.Problem whose code is one of the
// form.bureau.* codes.
type Processing struct {
	State State `json:"state"`
	// Received is the day the bureau received the application.
	Received Date `json:"received"`
	// Due is the R-22 due date: the 5th working day after Received.
	Due Date `json:"due"`
	// Processed is 处理日期.
	Processed Date `json:"processed,omitzero"`
	// Result is the decision (done or rejected), or ResultAbandoned once
	// the third notification failed.
	Result Result `json:"result,omitempty"`
	// Undelivered is the decision an abandoned application was processed
	// with and that never reached the applicant; empty otherwise.
	Undelivered Result `json:"undelivered,omitempty"`
	// Username and Password are the 用户名 and 密码 boxes, retrieval only.
	Username string `json:"username,omitempty"`
	Password Secret `json:"password,omitempty"`
	// Attempts are the notification attempts, in order.
	Attempts []Attempt `json:"attempts,omitempty"`
	// Notified is 通知日期: the day of the attempt that delivered the result,
	// or of the last failed attempt when the application was abandoned.
	Notified Date `json:"notified,omitzero"`
	// Remarks is 备注, written with the decision. A done decision's
	// remarks never say the work is done until the answer is delivered
	// (DoneClaims).
	Remarks string `json:"remarks,omitempty"`
}

// Failed returns the number of failed notification attempts.
func (p *Processing) Failed() int {
	n := 0
	for _, a := range p.Attempts {
		if a.Outcome.Failed() {
			n++
		}
	}
	return n
}

// Delivered reports whether the result reached the applicant (送达).
func (p *Processing) Delivered() bool { return p.State == StateNotified }

// clone returns a deep copy.
func (p *Processing) clone() *Processing {
	q := *p
	q.Attempts = slices.Clone(p.Attempts)
	return &q
}

// Decision is what the bureau decides when it processes an application.
type Decision struct {
	Result Result
	// Username and Password fill the retrieval form's 用户名 / 密码 boxes
	// they must be empty for the other kinds.
	Username string
	Password Secret
	// Remarks is 备注 (the reason of a rejection, for instance). With
	// ResultDone it says what the bureau found, never that the work is done
	// (DoneClaims).
	Remarks string
}

// doneActs are the acts of the forms: they claim the work done wherever
// they stand.
var doneActs = []string{"已注销", "已重置", "核实后注销"}

// doneWords are the words of the result box: they claim the work done only
// where they end a clause ("材料齐全，已办理"); followed by other words they
// say what the bureau found ("主体已办理名称变更", "已完成核实").
var doneWords = []string{"已办理", "已办结", "已完成"}

// DoneClaims returns the words by which a bureau's remark says that the
// work an application asks for is done ("已注销", "核实后注销", ...; and
// "已办理", "已办结", "已完成" where they end a clause, as in "材料齐全，
// 已办理", not in "已完成核实"); the slice is the caller's. Process refuses them in the remarks of a
// done decision, and Check in those of a done decision that was not
// delivered, with form.bureau.remarks_claim_done.
//
// Decision of the SDK: the remarks are written when the bureau processes
// the application, before the answer is delivered; when it cannot be
// delivered three times, the application is abandoned and treated as
// withdrawn, and a remark such as "核实后注销网站…" would then
// contradict the 按放弃处理 printed beside it. Whether the work is done is
// what the result box says, and that follows the state; the remarks say
// what the bureau found ("材料齐全，与备案信息一致"). A check rather than a
// neutral label in print: the section then never holds the contradiction,
// whatever reads it. A delivered section that says 已注销 is no
// contradiction and passes Check; a rejection's remarks may state facts
// such as "网站已注销，无需重复申请". The list is short on purpose: the
// words of the result box, the acts of the three kinds of form (cancel,
// delete, reset), and the wording of a printed example that once
// contradicted its state; it is no parser of free text. Deleting is left
// out: "网站已删除违规内容" is what a bureau finds.
func DoneClaims() []string { return slices.Concat(doneActs, doneWords) }

// claimsDone returns the first of DoneClaims that remarks holds as a
// claim, or "".
func claimsDone(remarks string) string {
	for _, w := range doneActs {
		if strings.Contains(remarks, w) {
			return w
		}
	}
	for _, w := range doneWords {
		for rest := remarks; ; {
			i := strings.Index(rest, w)
			if i < 0 {
				break
			}
			if rest = rest[i+len(w):]; clauseEnds(rest) {
				return w
			}
		}
	}
	return ""
}

// clauseEnds reports whether text after a word ends its clause: nothing,
// or punctuation or a space next.
func clauseEnds(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || unicode.IsPunct(r) || unicode.IsSpace(r)
}

// bureauProblem builds a transition error at path "bureau...".
func bureauProblem(code filing.Code, path string, args ...any) *filing.Problem {
	return problem(code, path, labelOf(path), args...)
}

// DeadlineError is returned by Receive when the R-22 due date cannot be
// computed (typically: the receipt year's holiday schedule is not
// published). It is a *filing.Problem with code form.bureau.deadline and
// wraps the calendar error, so errors.Is(err, calendar.ErrNotPublished)
// works.
type DeadlineError struct {
	*filing.Problem
	Err error
}

// Unwrap returns the problem and the calendar error.
func (e *DeadlineError) Unwrap() []error { return []error{e.Problem, e.Err} }

// Receive records the receipt of the application on the given day and
// computes the due date, 5 working days after it, with cal
// (calendar.Default() when nil). It fails when the application was already
// received, when the day is zero or before the application date, and with a
// *DeadlineError when the calendar cannot count the working days.
func (a *Application) Receive(on Date, cal *calendar.Calendar) (*Application, error) {
	if a.Bureau != nil {
		return nil, bureauProblem(CodeAlreadyReceived, "bureau")
	}
	if on.IsZero() {
		return nil, bureauProblem(CodeDateMissing, "bureau.received")
	}
	if !a.Date.IsZero() && on.Before(a.Date) {
		return nil, bureauProblem(CodeDateBackwards, "bureau.received", a.Date.String())
	}
	due, err := deadlineR22(cal, on.Time())
	if err != nil {
		msg := err.Error()
		if ce, ok := err.(interface{ MessageZh() string }); ok {
			msg = ce.MessageZh()
		}
		p := bureauProblem(CodeDeadline, "bureau.due", msg)
		p.En = fmt.Sprintf(CodeDeadline.MessageEn(), err.Error())
		return nil, &DeadlineError{Problem: p, Err: err}
	}
	b := *a
	b.Bureau = &Processing{State: StateReceived, Received: on, Due: DateOf(due)}
	return &b, nil
}

// checkActive returns the error for acting on an application that is not in
// one of the states allowed.
func (a *Application) checkActive(allowed State) error {
	switch {
	case a.Bureau == nil:
		return bureauProblem(CodeNotReceived, "bureau")
	case a.Bureau.State == StateAbandoned:
		return bureauProblem(CodeAbandoned, "bureau")
	case a.Bureau.State == StateNotified:
		return bureauProblem(CodeClosed, "bureau")
	case a.Bureau.State == allowed:
		return nil
	case allowed == StateProcessed: // notification of an unprocessed application
		return bureauProblem(CodeNotProcessed, "bureau")
	default:
		return bureauProblem(CodeAlreadyProcessed, "bureau")
	}
}

// Process records the bureau's decision on the given day (处理日期). The
// application must be received and not yet processed; the day must not be
// before the receipt. Username and password are for retrieval forms only;
// the remarks of a done decision say what the bureau found, not that the
// work is done (DoneClaims, form.bureau.remarks_claim_done).
func (a *Application) Process(on Date, d Decision) (*Application, error) {
	if err := a.checkActive(StateReceived); err != nil {
		return nil, err
	}
	switch {
	case on.IsZero():
		return nil, bureauProblem(CodeDateMissing, "bureau.processed")
	case on.Before(a.Bureau.Received):
		return nil, bureauProblem(CodeDateBackwards, "bureau.processed", a.Bureau.Received.String())
	case !d.Result.Decided():
		return nil, bureauProblem(CodeResultInvalid, "bureau.result", clip(string(d.Result), 20))
	case a.Kind != KindRetrieval && (d.Username != "" || d.Password != ""):
		return nil, bureauProblem(CodeCredentialsOnly, "bureau.username")
	}
	var c checker
	c.text("bureau.username", d.Username, MaxNameLen, false)
	c.text("bureau.password", d.Password.Raw(), MaxNameLen, false)
	c.text("bureau.remarks", d.Remarks, MaxRemarksLen, true)
	if len(c.list) > 0 {
		return nil, c.list[0]
	}
	if w := claimsDone(d.Remarks); d.Result == ResultDone && w != "" {
		return nil, bureauProblem(CodeRemarksClaimDone, "bureau.remarks", w)
	}
	b := *a
	p := a.Bureau.clone()
	p.State, p.Processed, p.Result = StateProcessed, on, d.Result
	p.Username, p.Password, p.Remarks = d.Username, d.Password, d.Remarks
	b.Bureau = p
	return &b, nil
}

// Notify records one attempt to notify the applicant of the result. The
// application must be processed (notification before processing is
// form.bureau.not_processed) and not final; the day must not be before the
// processing day or the previous attempt. A delivered attempt closes the
// application (送达); the MaxFailedNotifications-th failed attempt abandons
// it.
func (a *Application) Notify(on Date, outcome Outcome, note string) (*Application, error) {
	if err := a.checkActive(StateProcessed); err != nil {
		return nil, err
	}
	p := a.Bureau
	switch {
	case on.IsZero():
		return nil, bureauProblem(CodeDateMissing, "bureau.notified")
	case on.Before(p.Processed):
		return nil, bureauProblem(CodeDateBackwards, "bureau.notified", p.Processed.String())
	case len(p.Attempts) > 0 && on.Before(p.Attempts[len(p.Attempts)-1].On):
		return nil, bureauProblem(CodeDateBackwards, "bureau.notified", p.Attempts[len(p.Attempts)-1].On.String())
	case outcome.Zh() == "":
		return nil, bureauProblem(CodeOutcomeInvalid, "bureau.attempts", clip(string(outcome), 20))
	}
	var c checker
	if note, _ = c.text("bureau.attempts", note, MaxNameLen, false); len(c.list) > 0 {
		return nil, c.list[0]
	}
	b := *a
	q := p.clone()
	q.Attempts = append(q.Attempts, Attempt{On: on, Outcome: outcome, Note: note})
	switch {
	case !outcome.Failed():
		q.State, q.Notified = StateNotified, on
	case q.Failed() >= MaxFailedNotifications:
		q.State, q.Notified = StateAbandoned, on
		q.Undelivered, q.Result = q.Result, ResultAbandoned
		q.Username, q.Password = "", ""
	}
	b.Bureau = q
	return &b, nil
}

// Overdue reports whether the application is still unprocessed after its
// R-22 due date as of now (dates compared in China Standard Time).
func (a *Application) Overdue(now time.Time) bool {
	return a.Bureau != nil && a.Bureau.State == StateReceived && !a.Bureau.Due.IsZero() &&
		DateOf(now).After(a.Bureau.Due)
}

// Countdown returns the R-22 countdown of an application as of now: working
// days remaining, due today, or overdue by how many working days
// (calendar.Remaining; cal is calendar.Default() when nil). It fails with
// form.bureau.not_received before receipt, and with the calendar's error
// (wrapping calendar.ErrNotPublished) when the days cannot be counted.
func (a *Application) Countdown(now time.Time, cal *calendar.Calendar) (calendar.Countdown, error) {
	if a.Bureau == nil || a.Bureau.Due.IsZero() {
		return calendar.Countdown{}, bureauProblem(CodeNotReceived, "bureau")
	}
	if cal == nil {
		cal = calendar.Default()
	}
	return cal.Remaining(a.Bureau.Due.Time(), now)
}

// check reports inconsistencies of a bureau section (one decoded from JSON,
// say): states, dates in order, attempts and their count, credentials only
// for retrieval.
func (p *Processing) check(c *checker, a *Application) {
	if p.State.Zh() == "" {
		c.code(CodeBureauInvalid, "bureau.state", "unknown state")
		return
	}
	switch {
	case p.Received.IsZero():
		c.code(CodeDateMissing, "bureau.received")
	case !a.Date.IsZero() && p.Received.Before(a.Date):
		c.code(CodeDateBackwards, "bureau.received", a.Date.String())
	}
	switch {
	case p.Due.IsZero():
		c.code(CodeDateMissing, "bureau.due")
	case !p.Received.IsZero() && !p.Due.After(p.Received):
		c.code(CodeDateBackwards, "bureau.due", p.Received.String())
	}
	c.text("bureau.username", p.Username, MaxNameLen, false)
	c.text("bureau.password", p.Password.Raw(), MaxNameLen, false)
	c.text("bureau.remarks", p.Remarks, MaxRemarksLen, true)
	if a.Kind != KindRetrieval && (p.Username != "" || p.Password != "") {
		c.code(CodeCredentialsOnly, "bureau.username")
	}
	if p.State == StateReceived {
		if !p.Processed.IsZero() || p.Result != "" || len(p.Attempts) > 0 || !p.Notified.IsZero() {
			c.code(CodeBureauInvalid, "bureau.state", "received but carries processing data")
		}
		return
	}
	switch {
	case p.Processed.IsZero():
		c.code(CodeDateMissing, "bureau.processed")
	case p.Processed.Before(p.Received):
		c.code(CodeDateBackwards, "bureau.processed", p.Received.String())
	}
	if p.Result.Zh() == "" {
		c.code(CodeResultInvalid, "bureau.result", clip(string(p.Result), 20))
	}
	// The result follows the state: a decision until the third
	// failed notification, then 按放弃处理 with the decision kept as
	// undelivered and no credentials.
	switch {
	case p.State == StateAbandoned && p.Result != ResultAbandoned:
		c.code(CodeBureauInvalid, "bureau.result", "an abandoned application reads "+string(ResultAbandoned)+", not "+string(p.Result))
	case p.State != StateAbandoned && p.Result == ResultAbandoned:
		c.code(CodeBureauInvalid, "bureau.result", "result abandoned in state "+string(p.State))
	case p.State == StateAbandoned && !p.Undelivered.Decided():
		c.code(CodeBureauInvalid, "bureau.undelivered", "an abandoned application keeps the decision it was processed with")
	case p.State != StateAbandoned && p.Undelivered != "":
		c.code(CodeBureauInvalid, "bureau.undelivered", "an undelivered decision in state "+string(p.State))
	case p.State == StateAbandoned && (p.Username != "" || p.Password != ""):
		c.code(CodeBureauInvalid, "bureau.username", "credentials on an abandoned application")
	}
	// Until the answer is delivered, a done decision's remarks do not say
	// the work is done (DoneClaims): abandoned, it never was.
	decision := p.Result
	if p.State == StateAbandoned {
		decision = p.Undelivered
	}
	if w := claimsDone(p.Remarks); decision == ResultDone && p.State != StateNotified && w != "" {
		c.code(CodeRemarksClaimDone, "bureau.remarks", w)
	}
	if len(p.Attempts) > MaxAttempts {
		c.code(CodeTooLong, "bureau.attempts", MaxAttempts)
		return
	}
	prev, failed, delivered := p.Processed, 0, false
	for i, at := range p.Attempts {
		path := "bureau.attempts[" + itoa(i) + "]"
		switch {
		case at.On.IsZero():
			c.code(CodeDateMissing, path)
		case at.On.Before(prev):
			c.code(CodeDateBackwards, path, prev.String())
		}
		if !at.On.IsZero() {
			prev = at.On
		}
		if at.Outcome.Zh() == "" {
			c.code(CodeOutcomeInvalid, path, clip(string(at.Outcome), 20))
		}
		c.text(path, at.Note, MaxNameLen, false)
		if delivered || failed >= MaxFailedNotifications {
			c.code(CodeBureauInvalid, path, "attempt after the application was closed or abandoned")
		}
		if at.Outcome.Failed() {
			failed++
		} else {
			delivered = true
		}
	}
	want := StateProcessed
	switch {
	case delivered:
		want = StateNotified
	case failed >= MaxFailedNotifications:
		want = StateAbandoned
	}
	if p.State != want {
		c.code(CodeBureauInvalid, "bureau.state", "state "+string(p.State)+" does not follow from the attempts ("+string(want)+")")
	}
	if want.Final() && !p.Notified.Equal(prev) {
		c.code(CodeBureauInvalid, "bureau.notified", "notified date is not the date of the last attempt")
	}
	if !want.Final() && !p.Notified.IsZero() {
		c.code(CodeBureauInvalid, "bureau.notified", "notified date without a delivered or final attempt")
	}
}
