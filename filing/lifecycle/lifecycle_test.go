package lifecycle

import (
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sms"
)

var (
	cstZone = calendar.Location()
	t0      = time.Date(2026, 3, 2, 9, 0, 0, 0, cstZone) // a Monday

	selfFiler   = Actor{Kind: ActorSelfFiler}
	proxiedUser = Actor{Kind: ActorProxiedUser}
	ispGZ       = Actor{Kind: ActorISP, ISP: "中国电信", Province: "52"}
	ispZJ       = Actor{Kind: ActorISP, ISP: "中国电信", Province: "33"} // same name, other province
	ispOther    = Actor{Kind: ActorISP, ISP: "阿里云", Province: "33"}
	bureauGZ    = Actor{Kind: ActorBureau, Province: "52"}
	bureauJX    = Actor{Kind: ActorBureau, Province: "36"}
)

// lc drives a State through events, failing the test on a refused one.
type lc struct {
	t *testing.T
	s State
	n int
}

func newLC(t *testing.T, s State) *lc { return &lc{t: t, s: s} }

func (l *lc) at() time.Time { l.n++; return t0.Add(time.Duration(l.n) * time.Hour) }

func (l *lc) do(a Action, by Actor, reason ...string) *lc {
	l.t.Helper()
	e := Event{Action: a, Actor: by, At: l.at()}
	if len(reason) > 0 {
		e.Reason = reason[0]
	}
	s, err := Apply(l.s, e)
	if err != nil {
		l.t.Fatalf("%s by %+v at %s: %v", a, by, l.s.Status, err)
	}
	l.s = s
	return l
}

// refused asserts that the action is refused with code and rule, and that
// the state is unchanged.
func (l *lc) refused(a Action, by Actor, code filing.Code, rule string, reason ...string) *lc {
	l.t.Helper()
	e := Event{Action: a, Actor: by, At: l.at()}
	if len(reason) > 0 {
		e.Reason = reason[0]
	}
	s, err := Apply(l.s, e)
	var te *TransitionError
	if !errors.As(err, &te) {
		l.t.Fatalf("%s by %+v at %s: err = %v, want %s", a, by, l.s.Status, err, code)
	}
	if !errors.Is(err, code) || te.Rule != rule {
		l.t.Fatalf("%s by %+v at %s: got %s (%s), want %s (%s)", a, by, l.s.Status, te.Code, te.Rule, code, rule)
	}
	if te.Zh == "" || te.En == "" || te.MessageZh() != te.Zh || te.ErrorCode() != string(code) {
		l.t.Fatalf("incomplete error %+v", te)
	}
	if !reflect.DeepEqual(s, l.s) {
		l.t.Fatalf("refused move changed the state")
	}
	return l
}

func (l *lc) is(st filing.Status) *lc {
	l.t.Helper()
	if l.s.Status != st {
		l.t.Fatalf("status %s, want %s", l.s.Status, st)
	}
	return l
}

func selfFiled() State {
	return State{Type: sms.NewFiling, SelfFiled: true, ISP: "中国电信", ISPProvince: "52", Province: "52"}
}
func proxied() State      { return State{Type: sms.NewFiling, Province: "52"} }
func addWebsite() State   { return State{Type: sms.NewWebsite, Province: "52"} }
func jiangxiProxy() State { return State{Type: sms.NewFiling, Province: "36"} }

func TestR10_SelfFilerEditsOnlyBeforeSubmission(t *testing.T) {
	l := newLC(t, selfFiled()).
		refused(ActionCreate, ispGZ, CodeWrongActor, "R-10").
		do(ActionCreate, selfFiler).is(filing.StatusDraft).
		do(ActionEdit, selfFiler).
		refused(ActionEdit, ispGZ, CodeWrongActor, "R-10"). // the draft is the user's
		do(ActionSubmit, selfFiler).is(filing.StatusISPVerifying).
		refused(ActionEdit, selfFiler, CodeWrongActor, "R-10"). // after submission: only the ISP
		do(ActionEdit, ispGZ).is(filing.StatusISPVerifying)
	// The ISP may send it back to the user's draft, with a reason.
	l.refused(ActionISPReturn, ispGZ, CodeReasonRequired, "R-12").
		do(ActionISPReturn, ispGZ, "网站名称不符合要求").is(filing.StatusDraft).
		do(ActionEdit, selfFiler)
	if l.s.Reason != "网站名称不符合要求" {
		t.Errorf("reason %q", l.s.Reason)
	}
	// A self-filed filing names its ISP before it is created.
	s := selfFiled()
	s.ISP = ""
	newLC(t, s).refused(ActionCreate, selfFiler, CodeNoISP, "R-10")
}

func TestR11_ProxiedAndChangeFilingsOnlyISP(t *testing.T) {
	l := newLC(t, proxied()).
		refused(ActionCreate, selfFiler, CodeWrongActor, "R-10").
		refused(ActionCreate, proxiedUser, CodeWrongActor, "R-10").
		do(ActionCreate, ispGZ).is(filing.StatusDraft)
	if l.s.ISP != "中国电信" || l.s.ISPProvince != "52" {
		t.Fatalf("the creating ISP is the filing's ISP: %+v", l.s)
	}
	l.refused(ActionEdit, proxiedUser, CodeWrongActor, "R-10").
		refused(ActionEdit, ispOther, CodeWrongISP, "R-10").
		do(ActionEdit, ispGZ).do(ActionSubmit, ispGZ).do(ActionVerify, ispGZ).
		do(ActionApprove, bureauGZ).is(filing.StatusApproved)
	if len(Allowed(l.s, proxiedUser)) != 0 {
		t.Errorf("a proxied user acts through the ISP: %v", Allowed(l.s, proxiedUser))
	}
	// Change filing of a numbered record, even of a self-filed one: ISP only.
	s := newLC(t, selfFiled()).do(ActionCreate, selfFiler).do(ActionSubmit, selfFiler).
		do(ActionVerify, ispGZ).s
	s, err := Apply(s, Event{Action: ActionApprove, Actor: bureauGZ, At: t0.Add(100 * time.Hour), Number: "黔ICP备2026001073号-1"})
	if err != nil {
		t.Fatal(err)
	}
	c := newLC(t, s)
	c.n = 100
	c.refused(ActionStartChange, selfFiler, CodeWrongActor, "R-11").
		refused(ActionStartChange, ispOther, CodeWrongISP, "R-11").
		do(ActionStartChange, ispGZ).is(filing.StatusDraft).
		refused(ActionEdit, selfFiler, CodeWrongActor, "R-10").
		do(ActionEdit, ispGZ)
	if c.s.Type != sms.ChangeSubjectWebsite || c.s.Editor() != ActorISP {
		t.Fatalf("change filing: %+v", c.s)
	}
}

func TestR08_ChangeKeepsNumberAndAccess(t *testing.T) {
	l := approvedProxied(t)
	l.do(ActionStartChange, ispGZ)
	if !l.s.Serving() || l.s.Number == "" {
		t.Fatalf("a change in progress keeps the record in force: %+v", l.s)
	}
	l.do(ActionSubmit, ispGZ).do(ActionVerify, ispGZ)
	if !l.s.Serving() {
		t.Fatal("under review the record is still in force")
	}
	l.do(ActionApprove, bureauGZ).is(filing.StatusApproved)
	if l.s.Number != "黔ICP备2026001073号-1" {
		t.Fatalf("number %q", l.s.Number)
	}
	// Approving a change with another number is refused.
	l.do(ActionStartChange, ispGZ).do(ActionSubmit, ispGZ).do(ActionVerify, ispGZ)
	_, err := Apply(l.s, Event{Action: ActionApprove, Actor: bureauGZ, At: l.at(), Number: "黔ICP备2026009999号-1"})
	if !errors.Is(err, CodeNumberChanged) {
		t.Fatalf("err = %v", err)
	}
}

// TestR11_StartChangeTakesTheFilingType: a change filing keeps the type the
// event names (change.Plan.Type), which decides who verifies by SMS;
// without one it is sms.ChangeSubjectWebsite. A first filing or an added
// website is not a change of a record (CodeInvalidEvent).
func TestR11_StartChangeTakesTheFilingType(t *testing.T) {
	l := approvedProxied(t)
	for _, typ := range []sms.FilingType{sms.NewFiling, sms.NewWebsite, "change"} {
		_, err := Apply(l.s, Event{Action: ActionStartChange, Actor: ispGZ, At: l.at(), Type: typ})
		if !errors.Is(err, CodeInvalidEvent) {
			t.Errorf("%q: err = %v", typ, err)
		}
	}
	for _, typ := range []sms.FilingType{sms.ChangeAccess, sms.ChangeSubject, sms.NewAccess, sms.CancelWebsite} {
		n, err := Apply(l.s, Event{Action: ActionStartChange, Actor: ispGZ, At: l.at(), Type: typ})
		if err != nil || n.Type != typ || n.Editor() != ActorISP {
			t.Errorf("%q: %+v, %v", typ, n, err)
		}
	}
}

func approvedProxied(t *testing.T) *lc {
	t.Helper()
	l := newLC(t, proxied()).do(ActionCreate, ispGZ).do(ActionSubmit, ispGZ).do(ActionVerify, ispGZ)
	s, err := Apply(l.s, Event{Action: ActionApprove, Actor: bureauGZ, At: l.at(), Number: "黔ICP备2026001073号-1"})
	if err != nil {
		t.Fatal(err)
	}
	l.s = s
	return l
}

func TestR12_ReturnWithReasonAndStraightBackToBureau(t *testing.T) {
	l := newLC(t, selfFiled()).do(ActionCreate, selfFiler).do(ActionSubmit, selfFiler).do(ActionVerify, ispGZ).
		refused(ActionReturnToUser, bureauGZ, CodeReasonRequired, "R-12").
		refused(ActionReturnToUser, bureauGZ, CodeReasonRequired, "R-12", " 　"). // full-width space only
		do(ActionReturnToUser, bureauGZ, "主办单位名称与证件不一致").is(filing.StatusReturnedToUser)
	if l.s.Reason != "主办单位名称与证件不一致" {
		t.Fatalf("reason %q", l.s.Reason)
	}
	l.refused(ActionEdit, ispGZ, CodeWrongActor, "R-12").
		do(ActionEdit, selfFiler).
		do(ActionResubmit, selfFiler).is(filing.StatusBureauReview) // not back to the ISP
	if l.s.Reason != "" || l.s.ReviewFrom.IsZero() {
		t.Fatalf("resubmission restarts the review: %+v", l.s)
	}
	l.do(ActionReturnToISP, bureauGZ, "IP地址有误").is(filing.StatusReturnedToISP).
		refused(ActionEdit, selfFiler, CodeWrongActor, "R-12").
		refused(ActionResubmit, ispOther, CodeWrongISP, "R-12").
		do(ActionEdit, ispGZ).do(ActionResubmit, ispGZ).is(filing.StatusBureauReview)
	// Returned to the user, a proxied filing is edited by its ISP.
	p := approvedProxied(t)
	p.do(ActionStartChange, ispGZ).do(ActionSubmit, ispGZ).do(ActionVerify, ispGZ).
		do(ActionReturnToUser, bureauGZ, "联系电话无法接通").
		refused(ActionEdit, proxiedUser, CodeWrongActor, "R-12").
		do(ActionEdit, ispGZ).do(ActionResubmit, ispGZ).is(filing.StatusBureauReview)
	if len(l.s.History) == 0 || l.s.History[len(l.s.History)-1].Action != ActionResubmit {
		t.Fatal("audit trail")
	}
}

func TestR13_ReturnedFilingIsNotCreatedAgain(t *testing.T) {
	for _, to := range []Action{ActionReturnToUser, ActionReturnToISP} {
		l := newLC(t, selfFiled()).do(ActionCreate, selfFiler).do(ActionSubmit, selfFiler).do(ActionVerify, ispGZ).
			do(to, bureauGZ, "信息不全")
		l.refused(ActionCreate, selfFiler, CodeRecreate, "R-13").
			refused(ActionCreate, ispGZ, CodeRecreate, "R-13")
	}
	// Creating an existing filing at any other stage is a wrong stage.
	newLC(t, selfFiled()).do(ActionCreate, selfFiler).refused(ActionCreate, selfFiler, CodeWrongStage, "R-10")
}

func TestR14_BureauSeesFilingOnlyAfterISPVerified(t *testing.T) {
	l := newLC(t, selfFiled()).do(ActionCreate, selfFiler).
		refused(ActionApprove, bureauGZ, CodeWrongStage, "R-14").
		do(ActionSubmit, selfFiler).
		refused(ActionApprove, bureauGZ, CodeWrongStage, "R-14").
		refused(ActionReturnToUser, bureauGZ, CodeWrongStage, "R-12", "x").
		refused(ActionVerify, selfFiler, CodeWrongActor, "R-14").
		refused(ActionVerify, ispOther, CodeWrongISP, "R-14").
		refused(ActionVerify, ispZJ, CodeWrongISP, "R-14"). // same name, other province
		do(ActionVerify, ispGZ).is(filing.StatusBureauReview).
		refused(ActionApprove, bureauJX, CodeWrongProvince, "R-20").
		refused(ActionApprove, ispGZ, CodeWrongActor, "R-20").
		do(ActionApprove, bureauGZ).is(filing.StatusApproved)
	if !slices.Equal(Allowed(l.s, bureauJX), nil) {
		t.Errorf("another province's bureau may do nothing: %v", Allowed(l.s, bureauJX))
	}
}

func TestR15_NewWebsiteThroughISPWithVerificationForm(t *testing.T) {
	s := addWebsite()
	s.SelfFiled = true // even a self-filing user adds websites through the ISP
	l := newLC(t, s).
		refused(ActionCreate, selfFiler, CodeWrongActor, "R-10").
		do(ActionCreate, ispGZ).do(ActionSubmit, ispGZ).do(ActionVerify, ispGZ).
		refused(ActionApprove, bureauGZ, CodeFormMissing, "R-15")
	if slices.Contains(Allowed(l.s, bureauGZ), ActionApprove) {
		t.Fatal("Allowed lists approve without the form")
	}
	l.refused(ActionFormReceived, ispGZ, CodeWrongActor, "R-15").
		do(ActionFormReceived, bureauGZ).
		do(ActionApprove, bureauGZ).is(filing.StatusApproved)
}

func TestR16_WrongISPProvince(t *testing.T) {
	// Filed with 中国电信 of Zhejiang by mistake; the subject is in Guizhou
	// and its real ISP is 中国电信 of Guizhou (江西省通信管理局 用户典型问题指南 (二)3).
	s := State{Type: sms.NewFiling, ISP: "中国电信", ISPProvince: "33", Province: "52"}
	l := newLC(t, s).do(ActionCreate, ispZJ).do(ActionSubmit, ispZJ).do(ActionVerify, ispZJ).
		do(ActionApprove, bureauGZ).
		refused(ActionCancelAccess, ispGZ, CodeWrongISP, "R-17"). // the right ISP cannot cancel the wrong one's access
		refused(ActionAddAccess, ispGZ, CodeWrongStage, "R-16").  // nor add access while the wrong one is on
		do(ActionCancelAccess, ispZJ).is(filing.StatusAccessCancelled).
		refused(ActionAddAccess, bureauGZ, CodeWrongActor, "R-16").
		do(ActionAddAccess, ispGZ).is(filing.StatusApproved)
	if l.s.ISP != "中国电信" || l.s.ISPProvince != "52" {
		t.Fatalf("the right ISP now serves the filing: %+v", l.s)
	}
	l.refused(ActionCancelAccess, ispZJ, CodeWrongISP, "R-17")
}

func TestR17_SwitchingISP(t *testing.T) {
	l := approvedProxied(t).
		refused(ActionCancel, ispOther, CodeWrongISP, "R-53").
		do(ActionCancelAccess, ispGZ).is(filing.StatusAccessCancelled)
	if !l.s.Serving() {
		t.Fatal("access cancelled, the record is still filed (a shell to be, R-60)")
	}
	l.refused(ActionCancel, ispOther, CodeWrongISP, "R-17").
		do(ActionCancel, ispGZ).is(filing.StatusCancelled)
	if l.s.Serving() || !l.s.Terminal() {
		t.Fatal("cancelled")
	}
	for _, a := range Actions() {
		l.refused(a, bureauGZ, CodeWrongStage, lcActionRule[a], "x")
	}
	// Or the new ISP adds access to the record that stays filed.
	m := approvedProxied(t).do(ActionCancelAccess, ispGZ).do(ActionAddAccess, ispOther).is(filing.StatusApproved)
	if m.s.ISP != "阿里云" {
		t.Fatalf("ISP %q", m.s.ISP)
	}
}

func TestR53_Cancellation(t *testing.T) {
	// Approved: the ISP online, or the bureau on application.
	approvedProxied(t).do(ActionCancel, ispGZ).is(filing.StatusCancelled)
	approvedProxied(t).refused(ActionCancel, bureauJX, CodeWrongProvince, "R-53").
		refused(ActionCancel, selfFiler, CodeWrongActor, "R-53").
		do(ActionCancel, bureauGZ).is(filing.StatusCancelled)
	// Not yet approved: by application to the bureau only.
	newLC(t, proxied()).do(ActionCreate, ispGZ).do(ActionSubmit, ispGZ).do(ActionVerify, ispGZ).
		refused(ActionCancel, ispGZ, CodeWrongActor, "R-53").
		do(ActionCancel, bureauGZ).is(filing.StatusCancelled)
}

func TestR54_DeletionOnlyBeforeApproval(t *testing.T) {
	newLC(t, proxied()).do(ActionCreate, ispGZ).do(ActionSubmit, ispGZ).
		refused(ActionDelete, ispGZ, CodeWrongActor, "R-54").
		do(ActionDelete, bureauGZ).is(filing.StatusDeleted)
	newLC(t, selfFiled()).do(ActionCreate, selfFiler).do(ActionDelete, selfFiler).is(filing.StatusDeleted)
	l := approvedProxied(t).refused(ActionDelete, bureauGZ, CodeWrongStage, "R-54")
	// Deleting the data of a change in progress keeps the approved record.
	l.do(ActionStartChange, ispGZ).do(ActionSubmit, ispGZ).do(ActionDelete, bureauGZ).is(filing.StatusApproved)
	if l.s.Number == "" {
		t.Fatal("number lost")
	}
}

func TestLifecycle_BadEvents(t *testing.T) {
	l := newLC(t, proxied()).do(ActionCreate, ispGZ)
	cases := []struct {
		name string
		s    State
		e    Event
		code filing.Code
	}{
		{"unknown action", l.s, Event{Action: "approve!", Actor: ispGZ, At: t0.Add(time.Hour * 10)}, CodeInvalidEvent},
		{"unknown actor", l.s, Event{Action: ActionEdit, Actor: Actor{Kind: "admin"}, At: t0.Add(10 * time.Hour)}, CodeInvalidEvent},
		{"zero instant", l.s, Event{Action: ActionEdit, Actor: ispGZ}, CodeInvalidEvent},
		{"time backwards", l.s, Event{Action: ActionEdit, Actor: ispGZ, At: t0}, CodeTimeBackwards},
		{"unknown status", State{Status: "approved ", Type: sms.NewFiling, Province: "52"}, Event{Action: ActionEdit, Actor: ispGZ, At: t0}, CodeInvalidState},
		{"unknown type", State{Type: "new filing", Province: "52"}, Event{Action: ActionCreate, Actor: ispGZ, At: t0}, CodeInvalidState},
		{"unknown province", State{Type: sms.NewFiling, Province: "黔"}, Event{Action: ActionCreate, Actor: ispGZ, At: t0}, CodeInvalidState},
		{"change without number", State{Type: sms.ChangeSubjectWebsite, Province: "52"}, Event{Action: ActionCreate, Actor: ispGZ, At: t0}, CodeInvalidState},
		{"bureau without province", l.s, Event{Action: ActionDelete, Actor: Actor{Kind: ActorBureau}, At: t0.Add(10 * time.Hour)}, CodeWrongProvince},
		{"ISP without name", l.s, Event{Action: ActionEdit, Actor: Actor{Kind: ActorISP, Province: "52"}, At: t0.Add(10 * time.Hour)}, CodeWrongISP},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Apply(c.s, c.e)
			if !errors.Is(err, c.code) {
				t.Fatalf("err = %v, want %s", err, c.code)
			}
			if !reflect.DeepEqual(got, c.s) {
				t.Fatal("state changed")
			}
		})
	}
	// Equal instants are fine (two events in the same second).
	e := Event{Action: ActionEdit, Actor: ispGZ, At: l.s.History[0].At}
	if _, err := Apply(l.s, e); err != nil {
		t.Fatal(err)
	}
}

func TestApply_PureAndAudited(t *testing.T) {
	l := newLC(t, proxied()).do(ActionCreate, ispGZ).do(ActionSubmit, ispGZ)
	before := l.s
	hist := slices.Clone(before.History)
	e := Event{Action: ActionVerify, Actor: ispGZ, At: l.at(), Reason: "核验通过"}
	after, err := Apply(before, e)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before.History, hist) || before.Status != filing.StatusISPVerifying {
		t.Fatal("input mutated")
	}
	if len(after.History) != len(hist)+1 || !reflect.DeepEqual(after.History[len(hist)], e) {
		t.Fatalf("history %+v", after.History)
	}
	// Appending to the new history must not write into the old one's array.
	after.History[0].Reason = "changed"
	if before.History[0].Reason == "changed" {
		t.Fatal("histories share memory")
	}
}

// TestTransitions_EveryRow checks every row of the table with every kind of
// actor: the ones the row names are allowed, the others refused with the
// code that says why. The expectation is spelled out here, independently of
// the implementation's role matching.
func TestTransitions_EveryRow(t *testing.T) {
	actors := map[string]Actor{
		"self": selfFiler, "proxied": proxiedUser, "isp": ispGZ, "isp-other-province": ispZJ,
		"other-isp": ispOther, "bureau": bureauGZ, "bureau-other": bureauJX,
	}
	for _, row := range Transitions() {
		for _, selfFiled := range []bool{false, true} {
			s := State{Status: row.From, Type: sms.NewFiling, SelfFiled: selfFiled, ISP: "中国电信", ISPProvince: "52", Province: "52"}
			if row.Action == ActionApprove {
				s.FormAt = t0
			}
			if row.From != "" && row.From != filing.StatusDraft {
				s.History = []Event{{Action: ActionCreate, Actor: ispGZ, At: t0}}
			}
			for name, a := range actors {
				ok := false
				for _, r := range row.Roles {
					switch r {
					case RoleEditor:
						ok = ok || (selfFiled && name == "self") || (!selfFiled && name == "isp")
					case RoleFilingISP:
						ok = ok || name == "isp"
					case RoleOtherISP:
						ok = ok || name == "isp-other-province" || name == "other-isp"
					case RoleBureau:
						ok = ok || name == "bureau"
					}
				}
				e := Event{Action: row.Action, Actor: a, At: t0.Add(time.Hour), Reason: "原因"}
				// The SMS rows need their step: a verification to
				// send, one waiting, one past its 24 hours to time out.
				switch row.Action {
				case ActionSMSSend:
					e.SMS = &sms.Verification{Targets: []sms.Target{{Roles: []sms.Role{sms.RoleSubjectPrincipal}, Mobile: "13800138000"}}}
				case ActionSMSInput, ActionSMSResend, ActionSMSExpire:
					s.SMS = &sms.Verification{SentAt: t0, Status: sms.StatusWaiting, Targets: []sms.Target{{Mobile: "13800138000"}}}
					if row.Action == ActionSMSExpire {
						e.At = t0.Add(sms.Validity)
					}
				}
				got, err := Apply(s, e)
				allowed := slices.Contains(AllowedAt(s, a, e.At), row.Action)
				if ok != (err == nil) || ok != allowed {
					t.Errorf("%s --%s--> by %s (self-filed %v): err %v, Allowed %v, want allowed %v", row.From, row.Action, name, selfFiled, err, allowed, ok)
					continue
				}
				if ok {
					want := row.To
					if row.ToNumbered != "" && s.Number != "" {
						want = row.ToNumbered
					}
					if got.Status != want {
						t.Errorf("%s --%s--> %s, want %s", row.From, row.Action, got.Status, want)
					}
					continue
				}
				var te *TransitionError
				if !errors.As(err, &te) || te.Rule != row.Rule {
					t.Errorf("%s --%s--> by %s: %v (rule %v), want rule %s", row.From, row.Action, name, err, te, row.Rule)
				}
			}
		}
	}
}

func TestTransitions_CopyAndActions(t *testing.T) {
	tr := Transitions()
	tr[0].Roles[0] = RoleBureau
	if Transitions()[0].Roles[0] != RoleEditor {
		t.Fatal("Transitions shares the table")
	}
	for _, a := range Actions() {
		if lcActionRule[a] == "" || lcActionNames[a][0] == "" {
			t.Errorf("action %s lacks a rule or a name", a)
		}
	}
	for _, r := range tr {
		if !r.Action.Valid() || (r.From != "" && !r.From.Valid()) || !r.To.Valid() || r.Rule == "" {
			t.Errorf("bad row %+v", r)
		}
	}
}

func TestR20_R21_R23_Deadlines(t *testing.T) {
	cal := calendar.Default()
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, cstZone) }
	verifyAt := time.Date(2026, 3, 2, 15, 0, 0, 0, cstZone) // Monday 2026-03-02
	verify := func(s State) State {
		l := newLC(t, s).do(ActionCreate, ispGZ).do(ActionSubmit, ispGZ)
		st, err := Apply(l.s, Event{Action: ActionVerify, Actor: Actor{Kind: ActorISP, ISP: "中国电信", Province: "52"}, At: verifyAt})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	cases := []struct {
		name string
		s    State
		kind calendar.DeadlineKind
		due  time.Time
	}{
		// 20 working days after Monday 2026-03-02 (no holiday in March 2026):
		// 3..6, 9..13, 16..20, 23..27, 30 → 2026-03-30.
		{"R-20", verify(proxied()), calendar.ReviewR20, day(3, 30)},
		// Jiangxi: 15 working days → 2026-03-23.
		{"R-21", verify(jiangxiProxy()), calendar.JiangxiReviewR21, day(3, 23)},
		// Added website without its form: the form within 7 working days → 2026-03-11.
		{"R-23", verify(addWebsite()), calendar.VerificationFormR23, day(3, 11)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			due, kind, ok, err := c.s.Due(cal)
			if err != nil || !ok || kind != c.kind || !due.Equal(c.due) {
				t.Fatalf("Due = %s %v %v %v, want %s %v", due, kind, ok, err, c.due, c.kind)
			}
			cd, ok, err := c.s.Countdown(nil, c.due.Add(-24*time.Hour+time.Hour))
			if err != nil || !ok || cd.Remaining != 1 || cd.Overdue || cd.Rule != c.kind.RuleID() || !cd.From.Equal(verifyAt) {
				t.Fatalf("day before: %+v %v %v", cd, ok, err)
			}
			cd, _, _ = c.s.Countdown(cal, c.due.Add(25*time.Hour)) // the next day, a working day
			if !cd.Overdue || cd.OverdueBy != 1 {
				t.Fatalf("day after: %+v", cd)
			}
		})
	}
	// Form arrives on Wednesday 2026-03-04: the added website's review now
	// runs 20 working days from that day → 2026-04-01.
	s := verify(addWebsite())
	s, err := Apply(s, Event{Action: ActionFormReceived, Actor: bureauGZ, At: time.Date(2026, 3, 4, 10, 0, 0, 0, cstZone)})
	if err != nil {
		t.Fatal(err)
	}
	if due, kind, _, _ := s.Due(cal); kind != calendar.ReviewR20 || !due.Equal(day(4, 1)) {
		t.Fatalf("after the form: %s %v", due, kind)
	}
	// Jiangxi with a later form arrival: 15 working days from 2026-03-04 → 2026-03-25.
	j := verify(jiangxiProxy())
	j, err = Apply(j, Event{Action: ActionFormReceived, Actor: bureauJX, At: time.Date(2026, 3, 4, 10, 0, 0, 0, cstZone)})
	if err != nil {
		t.Fatal(err)
	}
	if due, kind, _, _ := j.Due(cal); kind != calendar.JiangxiReviewR21 || !due.Equal(day(3, 25)) {
		t.Fatalf("Jiangxi after the form: %s %v", due, kind)
	}
	// No limit outside bureau review.
	if _, _, ok, _ := approvedProxied(t).s.Due(cal); ok {
		t.Fatal("an approved filing has no running limit")
	}
	if _, ok, _ := approvedProxied(t).s.Countdown(cal, verifyAt); ok {
		t.Fatal("an approved filing has no countdown")
	}
}

// TestDeadline_NotPublished: a year past calendar.ProvisionalMaxYear has
// neither a notice nor a provisional schedule.
func TestDeadline_NotPublished(t *testing.T) {
	s := newLC(t, proxied()).do(ActionCreate, ispGZ).do(ActionSubmit, ispGZ).s
	s, err := Apply(s, Event{Action: ActionVerify, Actor: ispGZ, At: time.Date(2199, 12, 20, 0, 0, 0, 0, cstZone)})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok, err := s.Due(nil); !ok || !errors.Is(err, calendar.ErrNotPublished) {
		t.Fatalf("ok %v err %v", ok, err)
	}
	// The countdown still says which limit runs, from when.
	cd, ok, err := s.Countdown(nil, time.Date(2199, 12, 21, 0, 0, 0, 0, cstZone))
	if !ok || !errors.Is(err, calendar.ErrNotPublished) || cd.Kind != calendar.ReviewR20 || cd.Rule != "R-20" ||
		!cd.From.Equal(time.Date(2199, 12, 20, 0, 0, 0, 0, cstZone)) || !cd.Due.IsZero() {
		t.Fatalf("Countdown = %+v, %v, %v", cd, ok, err)
	}
	// A due date in a published year, asked about from an unpublished one:
	// the due date is known, the count is not.
	s = newLC(t, proxied()).do(ActionCreate, ispGZ).do(ActionSubmit, ispGZ).do(ActionVerify, ispGZ).s
	due, _, _, err := s.Due(nil)
	if err != nil {
		t.Fatal(err)
	}
	cd, ok, err = s.Countdown(nil, time.Date(2199, 1, 5, 0, 0, 0, 0, cstZone))
	if !ok || !errors.Is(err, calendar.ErrNotPublished) || cd.Rule != "R-20" || !cd.Due.Equal(due) || cd.Remaining != 0 || !cd.Overdue {
		t.Fatalf("Countdown from 2199 = %+v, %v, %v", cd, ok, err)
	}
}

func TestLifecycleLabels(t *testing.T) {
	statuses := []filing.Status{filing.StatusDraft, filing.StatusISPVerifying, filing.StatusBureauReview, filing.StatusApproved, filing.StatusReturnedToUser,
		filing.StatusReturnedToISP, filing.StatusAccessCancelled, filing.StatusCancelled, filing.StatusDeleted}
	seen := map[string]bool{}
	for _, s := range statuses {
		zh, en := s.Zh(), s.En()
		if zh == string(s) || en == "" || seen[zh] {
			t.Errorf("status %s: Zh %q En %q (labels must be Chinese and distinct)", s, zh, en)
		}
		seen[zh] = true
	}
	if filing.StatusBureauReview.Zh() != "管局审核中" || filing.Status("odd").Zh() != "odd" {
		t.Errorf("status labels: %q %q", filing.StatusBureauReview.Zh(), filing.Status("odd").Zh())
	}
	for _, a := range Actions() {
		if a.Zh() == string(a) || a.En() == "" {
			t.Errorf("action %s has no label", a)
		}
	}
	if ActionVerify.Zh() != "核验并提交管局" || Action("odd").En() != "odd" {
		t.Errorf("action labels: %q %q", ActionVerify.Zh(), Action("odd").En())
	}
	for k, want := range map[ActorKind]string{ActorSelfFiler: "自行备案用户", ActorProxiedUser: "接入商代备案用户",
		ActorISP: "接入商", ActorBureau: "通信管理局", "odd": "odd"} {
		if k.Zh() != want {
			t.Errorf("ActorKind(%s).Zh() = %q, want %q", k, k.Zh(), want)
		}
	}
}

func TestR21_ReviewLimitByProvince(t *testing.T) {
	for p, want := range map[string]calendar.DeadlineKind{"36": calendar.JiangxiReviewR21, "52": calendar.ReviewR20, "11": calendar.ReviewR20, "": calendar.ReviewR20} {
		if got := ReviewLimit(p); got != want {
			t.Errorf("ReviewLimit(%q) = %v, want %v", p, got, want)
		}
	}
}
