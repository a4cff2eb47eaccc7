package lifecycle_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/sms"
)

var (
	smsISP    = lifecycle.Actor{Kind: lifecycle.ActorISP, ISP: "贵州星云数据", Province: "52"}
	smsOther  = lifecycle.Actor{Kind: lifecycle.ActorISP, ISP: "阿里云", Province: "33"}
	smsBureau = lifecycle.Actor{Kind: lifecycle.ActorBureau, Province: "52"}
	smsJX     = lifecycle.Actor{Kind: lifecycle.ActorBureau, Province: "36"}
	// Monday 2026-03-02 15:00 CST: the ISP verifies and submits.
	smsSubmit = time.Date(2026, 3, 2, 15, 0, 0, 0, calendar.Location())
)

const (
	mobileA = "13812345678" // subject principal
	mobileB = "13987654321" // website principal
)

// smsPeople are the two principals of the filings under review.
func smsPeople() []sms.Person {
	return []sms.Person{
		{Role: sms.RoleSubjectPrincipal, Person: filing.Person{Name: "张三", CertNumber: "52010219900101123X", Mobile: mobileA}},
		{Role: sms.RoleWebsitePrincipal, Person: filing.Person{Name: "李四", CertNumber: "520102199202021234", Mobile: mobileB}},
	}
}

// underReview returns a proxied filing of a Guizhou subject that the ISP
// submitted to the bureau at smsSubmit: a first filing that does not
// require the SMS step when typ is empty, else a filing of type typ that
// requires it (on a record with a number when the type needs one; an added
// website with its verification form received).
func underReview(t *testing.T, typ sms.FilingType) lifecycle.State {
	t.Helper()
	s := lifecycle.State{Type: sms.NewFiling, Province: "52"}
	if typ != "" {
		s.Type, s.SMSRequired = typ, true
	}
	if typ != "" && typ != sms.NewFiling && typ != sms.NewWebsite {
		s.Number = "黔ICP备2026000001号"
	}
	for i, a := range []lifecycle.Action{lifecycle.ActionCreate, lifecycle.ActionSubmit, lifecycle.ActionVerify} {
		var err error
		s, err = lifecycle.Apply(s, lifecycle.Event{Action: a, Actor: smsISP, At: smsSubmit.Add(time.Duration(i-2) * time.Hour)})
		require.NoError(t, err)
	}
	if typ == sms.NewWebsite {
		s = apply(t, s, lifecycle.Event{Action: lifecycle.ActionFormReceived, Actor: smsBureau, At: smsSubmit})
	}
	require.Equal(t, filing.StatusBureauReview, s.Status)
	return s
}

// apply applies one event and requires it to be accepted.
func apply(t *testing.T, s lifecycle.State, e lifecycle.Event) lifecycle.State {
	t.Helper()
	n, err := lifecycle.Apply(s, e)
	require.NoError(t, err, "%s by %+v at %s", e.Action, e.Actor, s.Status)
	return n
}

// sent returns s after the SMS went to both principals at at.
func sent(t *testing.T, s lifecycle.State, at time.Time) lifecycle.State {
	t.Helper()
	ver, err := sms.New(at, smsPeople())
	require.NoError(t, err)
	return apply(t, s, lifecycle.Event{Action: lifecycle.ActionSMSSend, Actor: smsBureau, At: at, SMS: &ver})
}

func input(at time.Time, mobile string, correct bool) lifecycle.Event {
	return lifecycle.Event{Action: lifecycle.ActionSMSInput, Actor: smsBureau, At: at, Mobile: filing.Phone(mobile), Correct: correct}
}

func TestR83_SixthAttemptReturnsFilingToISP(t *testing.T) {
	cases := []struct {
		name       string
		sixth      lifecycle.Event
		wrongFirst int
	}{
		{"sixth right", input(smsSubmit.Add(2*time.Hour), mobileA, true), 5},
		{"sixth wrong", input(smsSubmit.Add(2*time.Hour), mobileA, false), 5},
		{"sixth from the other person", input(smsSubmit.Add(2*time.Hour), mobileB, true), 5},
		{"sixth unknown mobile, full-width", input(smsSubmit.Add(2*time.Hour), "１３０００００００００", true), 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := sent(t, underReview(t, ""), smsSubmit.Add(5*time.Minute))
			for i := 1; i <= c.wrongFirst; i++ {
				s = apply(t, s, input(smsSubmit.Add(time.Duration(10+i)*time.Minute), mobileA, false))
				assert.Equal(t, filing.StatusBureauReview, s.Status, "wrong input %d keeps the review", i)
				assert.Equal(t, i, s.SMS.WrongInputs)
			}
			_, err := lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionApprove, Actor: smsBureau, At: smsSubmit.Add(time.Hour)})
			assert.ErrorIs(t, err, lifecycle.CodeSMSPending)
			n := apply(t, s, c.sixth)
			assert.Equal(t, filing.StatusReturnedToISP, n.Status)
			assert.Equal(t, sms.StatusReturnedWrongInputs, n.SMS.Status)
			assert.Equal(t, sms.CodeTooManyWrong.MessageZh(), n.Reason)
			last := n.History[len(n.History)-1]
			assert.Equal(t, lifecycle.ActionSMSInput, last.Action)
			assert.Equal(t, n.Reason, last.Reason, "the audit trail names the cause")
			assert.Equal(t, filing.StatusBureauReview, s.Status, "Apply leaves its input alone")
			assert.Equal(t, sms.StatusWaiting, s.SMS.Status)
			// The ISP resubmits: a new submission, a new SMS to come.
			r := apply(t, n, lifecycle.Event{Action: lifecycle.ActionResubmit, Actor: smsISP, At: smsSubmit.Add(3 * time.Hour)})
			assert.Equal(t, filing.StatusBureauReview, r.Status)
			assert.Nil(t, r.SMS)
			assert.Empty(t, r.Reason)
		})
	}
}

func TestR83_ExpiryAfter24ClockHours(t *testing.T) {
	sendAt := time.Date(2026, 3, 2, 23, 30, 0, 0, calendar.Location()) // expires 03-03 23:30 CST
	cases := []struct {
		name     string
		e        lifecycle.Event
		returned bool
		refused  filing.Code
	}{
		{"timeout one second early", lifecycle.Event{Action: lifecycle.ActionSMSExpire, Actor: smsISP, At: sendAt.Add(24*time.Hour - time.Second)}, false, lifecycle.CodeSMSNotExpired},
		{"timeout at 24 h", lifecycle.Event{Action: lifecycle.ActionSMSExpire, Actor: smsISP, At: sendAt.Add(24 * time.Hour)}, true, ""},
		{"timeout given in UTC", lifecycle.Event{Action: lifecycle.ActionSMSExpire, Actor: smsBureau, At: time.Date(2026, 3, 3, 15, 30, 0, 0, time.UTC)}, true, ""},
		{"right input late", input(sendAt.Add(25*time.Hour), mobileA, true), true, ""},
		{"right input just in time", input(sendAt.Add(24*time.Hour-time.Second), mobileA, true), false, ""},
		{"resend late", lifecycle.Event{Action: lifecycle.ActionSMSResend, Actor: smsBureau, At: sendAt.Add(30 * time.Hour)}, true, ""},
		{"timeout by another ISP", lifecycle.Event{Action: lifecycle.ActionSMSExpire, Actor: smsOther, At: sendAt.Add(48 * time.Hour)}, false, lifecycle.CodeWrongISP},
		{"timeout by another bureau", lifecycle.Event{Action: lifecycle.ActionSMSExpire, Actor: smsJX, At: sendAt.Add(48 * time.Hour)}, false, lifecycle.CodeWrongProvince},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := sent(t, underReview(t, sms.NewFiling), sendAt)
			n, err := lifecycle.Apply(s, c.e)
			if c.refused != "" {
				assert.ErrorIs(t, err, c.refused)
				assert.Equal(t, s, n)
				return
			}
			require.NoError(t, err)
			if !c.returned {
				assert.Equal(t, filing.StatusBureauReview, n.Status)
				return
			}
			assert.Equal(t, filing.StatusReturnedToISP, n.Status)
			assert.Equal(t, sms.StatusReturnedTimeout, n.SMS.Status)
			assert.True(t, n.SMS.ClosedAt.Equal(time.Date(2026, 3, 3, 23, 30, 0, 0, calendar.Location())), "closed when the 24 hours ran out")
			assert.Equal(t, sms.CodeExpired.MessageZh(), n.Reason)
			assert.Equal(t, n.Reason, n.History[len(n.History)-1].Reason)
		})
	}
}

func TestR83_VerifiedSMSLetsReviewProceed(t *testing.T) {
	s := sent(t, underReview(t, sms.NewFiling), smsSubmit.Add(5*time.Minute))
	s = apply(t, s, input(smsSubmit.Add(time.Hour), "+86 138 1234 5678", true))
	assert.Equal(t, 1, s.SMS.Waiting(), "请等待其他核验人进行短信核验")
	approve := lifecycle.Event{Action: lifecycle.ActionApprove, Actor: smsBureau, At: smsSubmit.Add(90 * time.Minute)}
	_, err := lifecycle.Apply(s, approve)
	assert.ErrorIs(t, err, lifecycle.CodeSMSPending)
	assert.NotContains(t, lifecycle.Allowed(s, smsBureau), lifecycle.ActionApprove)
	s = apply(t, s, input(smsSubmit.Add(80*time.Minute), mobileB, true))
	assert.Equal(t, sms.StatusVerified, s.SMS.Status)
	assert.Contains(t, lifecycle.Allowed(s, smsBureau), lifecycle.ActionApprove)
	// The review limit still counts from the submission.
	cd, ok, err := s.Countdown(nil, smsSubmit.Add(24*time.Hour))
	require.NoError(t, err)
	require.True(t, ok)
	assert.True(t, cd.From.Equal(smsSubmit))
	assert.Equal(t, "R-20", cd.Rule)
	due, _, _, err := s.Due(nil)
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 3, 30, 0, 0, 0, 0, calendar.Location()), due)
	a := apply(t, s, approve)
	assert.Equal(t, filing.StatusApproved, a.Status)
	assert.Equal(t, sms.StatusVerified, a.SMS.Status, "the verification stays on record")
	_, err = lifecycle.Apply(a, input(smsSubmit.Add(2*time.Hour), mobileA, true))
	assert.ErrorIs(t, err, lifecycle.CodeWrongStage)
}

func TestR83_WhatTheBureauMayDoWhileSMSWaits(t *testing.T) {
	cases := []struct {
		a       lifecycle.Action
		allowed bool
	}{
		{lifecycle.ActionApprove, false},
		{lifecycle.ActionReturnToUser, false},
		{lifecycle.ActionReturnToISP, false},
		{lifecycle.ActionFormReceived, true},
		{lifecycle.ActionCancel, true},
		{lifecycle.ActionDelete, true},
	}
	s := sent(t, underReview(t, ""), smsSubmit.Add(time.Minute))
	for _, c := range cases {
		t.Run(string(c.a), func(t *testing.T) {
			n, err := lifecycle.Apply(s, lifecycle.Event{Action: c.a, Actor: smsBureau, At: smsSubmit.Add(time.Hour), Reason: "材料不全"})
			assert.Equal(t, c.allowed, err == nil, "%v", err)
			assert.Equal(t, c.allowed, contains(lifecycle.Allowed(s, smsBureau), c.a))
			if !c.allowed {
				assert.ErrorIs(t, err, lifecycle.CodeSMSPending)
				return
			}
			if n.Status != filing.StatusBureauReview {
				assert.Nil(t, n.SMS, "a waiting SMS leaves with the review")
			}
		})
	}
}

func contains(as []lifecycle.Action, a lifecycle.Action) bool {
	for _, x := range as {
		if x == a {
			return true
		}
	}
	return false
}

func TestR83_SMSRequiredMakesTheStepMandatory(t *testing.T) {
	approve := lifecycle.Event{Action: lifecycle.ActionApprove, Actor: smsBureau, At: smsSubmit.Add(time.Hour)}
	ver, err := sms.New(smsSubmit, smsPeople())
	require.NoError(t, err)
	send := lifecycle.Event{Action: lifecycle.ActionSMSSend, Actor: smsISP, At: smsSubmit.Add(time.Minute), SMS: &ver}
	cases := []struct {
		typ     sms.FilingType
		approve filing.Code // before any SMS
		send    filing.Code
	}{
		{"", "", ""}, // callers that do not model the SMS
		{sms.NewFiling, lifecycle.CodeSMSPending, ""},
		{sms.NewWebsite, lifecycle.CodeSMSPending, ""},
		{sms.ChangeWebsite, lifecycle.CodeSMSPending, ""},
		{sms.ChangeAccess, lifecycle.CodeSMSPending, ""},
		{sms.CancelAccess, "", sms.CodeNoRecipient},
	}
	for _, c := range cases {
		t.Run(string(c.typ), func(t *testing.T) {
			s := underReview(t, c.typ)
			_, err := lifecycle.Apply(s, approve)
			if c.approve == "" {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, c.approve)
			}
			_, err = lifecycle.Apply(s, send)
			if c.send == "" {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, c.send)
			}
		})
	}
}

func TestR83_RefusedSMSEvents(t *testing.T) {
	ver, err := sms.New(smsSubmit, smsPeople())
	require.NoError(t, err)
	review := underReview(t, "")
	waiting := sent(t, review, smsSubmit.Add(time.Minute))
	verified := apply(t, apply(t, waiting, input(smsSubmit.Add(time.Hour), mobileA, true)), input(smsSubmit.Add(time.Hour), mobileB, true))
	submitted := review
	submitted.Status, submitted.ReviewFrom = filing.StatusISPVerifying, time.Time{}
	later := smsSubmit.Add(2 * time.Hour)
	send := func(m *sms.Verification, by lifecycle.Actor) lifecycle.Event {
		return lifecycle.Event{Action: lifecycle.ActionSMSSend, Actor: by, At: later, SMS: m}
	}
	cases := []struct {
		name string
		s    lifecycle.State
		e    lifecycle.Event
		code filing.Code
	}{
		{"send without a verification", review, send(nil, smsISP), sms.CodeNoRecipient},
		{"send without targets", review, send(&sms.Verification{}, smsISP), sms.CodeNoRecipient},
		{"send to an empty mobile", review, send(&sms.Verification{Targets: []sms.Target{{Mobile: " "}}}, smsISP), sms.CodeNoRecipient},
		{"send twice", waiting, send(&ver, smsISP), lifecycle.CodeSMSSent},
		{"send after verification", verified, send(&ver, smsISP), lifecycle.CodeSMSSent},
		{"send by another ISP", review, send(&ver, smsOther), lifecycle.CodeWrongISP},
		{"send by the user", review, send(&ver, lifecycle.Actor{Kind: lifecycle.ActorProxiedUser}), lifecycle.CodeWrongActor},
		{"send before the bureau has it", submitted, send(&ver, smsISP), lifecycle.CodeWrongStage},
		{"input without SMS", review, input(later, mobileA, true), lifecycle.CodeSMSNone},
		{"input after verification", verified, input(later, mobileA, true), lifecycle.CodeSMSNone},
		{"resend after verification", verified, lifecycle.Event{Action: lifecycle.ActionSMSResend, Actor: smsBureau, At: later}, lifecycle.CodeSMSNone},
		{"timeout without SMS", review, lifecycle.Event{Action: lifecycle.ActionSMSExpire, Actor: smsBureau, At: later.Add(48 * time.Hour)}, lifecycle.CodeSMSNone},
		{"timeout after verification", verified, lifecycle.Event{Action: lifecycle.ActionSMSExpire, Actor: smsBureau, At: later.Add(48 * time.Hour)}, lifecycle.CodeSMSNone},
		{"input back in time", waiting, input(smsSubmit, mobileA, true), lifecycle.CodeTimeBackwards},
		{"unknown filing type", func() lifecycle.State { x := review; x.Type = "new filing"; return x }(), send(&ver, smsISP), lifecycle.CodeInvalidState},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, err := lifecycle.Apply(c.s, c.e)
			assert.ErrorIs(t, err, c.code)
			var te *lifecycle.TransitionError
			if assert.ErrorAs(t, err, &te) {
				assert.NotEmpty(t, te.Zh)
				assert.NotContains(t, te.Zh, "%!")
				assert.NotContains(t, te.En, "%!")
			}
			assert.Equal(t, c.s, n, "a refused event changes nothing")
		})
	}
}

func TestR83_ResendsInTheLifecycle(t *testing.T) {
	v, err := sms.NewVerifier([]byte("0123456789abcdef-secret"))
	require.NoError(t, err)
	certs := map[string]filing.IDNumber{mobileA: "52010219900101123X", mobileB: "520102199202021234"}
	ver, err := sms.New(smsSubmit, smsPeople())
	require.NoError(t, err)
	ver, codes, err := v.Send(ver, smsSubmit, certs)
	require.NoError(t, err)
	s := apply(t, underReview(t, sms.NewFiling), lifecycle.Event{Action: lifecycle.ActionSMSSend, Actor: smsBureau, At: smsSubmit.Add(time.Minute), SMS: &ver})
	assert.True(t, s.SMS.SentAt.Equal(smsSubmit.Add(time.Minute)), "the send event's instant starts the 24 hours")

	e := lifecycle.SMSInput(v, s, smsBureau, smsSubmit.Add(time.Hour), codes[0], mobileA, "01123Y")
	assert.False(t, e.Correct, "wrong certificate tail")
	e = lifecycle.SMSInput(v, s, smsBureau, smsSubmit.Add(time.Hour), codes[0], "+86 13812345678", "01123x")
	assert.True(t, e.Correct)
	assert.Equal(t, filing.Phone(mobileA), e.Mobile)
	s = apply(t, s, e)
	assert.Equal(t, 1, s.SMS.Waiting())

	// Two resends with new codes; the old code of B no longer works.
	old := codes[1]
	for i := 1; i <= 2; i++ {
		next, fresh, err := v.Send(*s.SMS, smsSubmit.Add(time.Duration(i+1)*time.Hour), certs)
		require.NoError(t, err)
		assert.Empty(t, fresh[0], "A verified: no new code")
		s = apply(t, s, lifecycle.Event{Action: lifecycle.ActionSMSResend, Actor: smsBureau, At: smsSubmit.Add(time.Duration(i+1) * time.Hour), SMS: &next})
		assert.Equal(t, i, s.SMS.Resends)
		codes[1] = fresh[1]
	}
	n, err := lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionSMSResend, Actor: smsBureau, At: smsSubmit.Add(4 * time.Hour)})
	assert.ErrorIs(t, err, sms.CodeResendLimit, "the third click sends nothing")
	assert.Equal(t, s, n)
	c, ok := s.SMSCountdown(smsSubmit.Add(4 * time.Hour))
	require.True(t, ok)
	assert.Equal(t, 0, c.ResendsLeft)
	assert.Equal(t, 20*time.Hour+time.Minute, c.Remaining, "resends do not extend the 24 hours")
	if old != codes[1] {
		assert.False(t, lifecycle.SMSInput(v, s, smsBureau, smsSubmit.Add(5*time.Hour), old, mobileB, "021234").Correct)
	}
	s = apply(t, s, lifecycle.SMSInput(v, s, smsBureau, smsSubmit.Add(5*time.Hour), codes[1], mobileB, "021234"))
	assert.Equal(t, sms.StatusVerified, s.SMS.Status)
}

func TestR83_SMSCountdown(t *testing.T) {
	s := underReview(t, "")
	_, ok := s.SMSCountdown(smsSubmit)
	assert.False(t, ok, "no SMS step yet")
	s = sent(t, s, smsSubmit)
	s = apply(t, s, input(smsSubmit.Add(time.Hour), mobileA, false))
	cases := []struct {
		now       time.Time
		remaining time.Duration
		expired   bool
	}{
		{smsSubmit.Add(90 * time.Minute), 22*time.Hour + 30*time.Minute, false},
		{smsSubmit.Add(24*time.Hour - time.Second), time.Second, false},
		{smsSubmit.Add(24 * time.Hour), 0, true},
		{smsSubmit.Add(240 * time.Hour), 0, true},
	}
	for _, c := range cases {
		got, ok := s.SMSCountdown(c.now)
		require.True(t, ok)
		assert.Equal(t, c.remaining, got.Remaining, "at %s", c.now)
		assert.Equal(t, c.expired, got.Expired)
		assert.Equal(t, 4, got.WrongInputsLeft)
		assert.Equal(t, 2, got.Waiting)
		assert.True(t, got.Expires.Equal(time.Date(2026, 3, 3, 15, 0, 0, 0, calendar.Location())))
	}
}

func TestR83_StateJSONRoundTripAndMasking(t *testing.T) {
	s := sent(t, underReview(t, sms.NewFiling), smsSubmit.Add(time.Minute))
	s = apply(t, s, input(smsSubmit.Add(time.Hour), mobileA, true))
	raw, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"sms_required":true`)
	assert.Contains(t, string(raw), `"type":"new_filing"`)
	assert.Contains(t, string(raw), mobileA, "encoding/json keeps personal data raw")
	var back lifecycle.State
	require.NoError(t, json.Unmarshal(raw, &back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(raw), string(again))
	require.NotNil(t, back.SMS)
	assert.Equal(t, 1, back.SMS.Waiting())
	// The round-tripped state goes on like the original.
	a := apply(t, s, input(smsSubmit.Add(2*time.Hour), mobileB, true))
	b := apply(t, back, input(smsSubmit.Add(2*time.Hour), mobileB, true))
	assert.Equal(t, a.SMS.Status, b.SMS.Status)
	assert.Equal(t, sms.StatusVerified, b.SMS.Status)
	// A state without SMS has no sms key.
	raw, _ = json.Marshal(underReview(t, ""))
	assert.NotContains(t, string(raw), `"sms`)

	for _, out := range []string{fmt.Sprintf("%+v", s), fmt.Sprintf("%#v", s.History), fmt.Sprint(s.History[len(s.History)-1])} {
		assert.NotContains(t, out, mobileA)
		assert.NotContains(t, out, "1234567")
	}
	var b2 bytes.Buffer
	slog.New(slog.NewJSONHandler(&b2, nil)).Info("state", "s", s, "e", s.History[len(s.History)-1])
	assert.NotContains(t, b2.String(), mobileA)
	assert.Contains(t, b2.String(), "138****5678")
}

func TestR83_ApplyDoesNotShareTheEventsSMS(t *testing.T) {
	ver, err := sms.New(smsSubmit, smsPeople())
	require.NoError(t, err)
	s := apply(t, underReview(t, ""), lifecycle.Event{Action: lifecycle.ActionSMSSend, Actor: smsBureau, At: smsSubmit, SMS: &ver})
	ver.Targets[0].Mobile = "13000000000"
	ver.WrongInputs = 4
	assert.Equal(t, filing.Phone(mobileA), s.SMS.Targets[0].Mobile)
	assert.Equal(t, filing.Phone(mobileA), s.History[len(s.History)-1].SMS.Targets[0].Mobile)
	assert.Zero(t, s.SMS.WrongInputs)
	before := *s.SMS
	_ = apply(t, s, input(smsSubmit.Add(time.Minute), mobileA, true))
	assert.Equal(t, before, *s.SMS, "Apply does not write through the state's SMS")
}

// TestR83_SendEventNormalisesAndMergesTargets: targets handed to
// ActionSMSSend as typed (+86, spaces, dashes, full width) are normalised
// and merged by mobile as sms.New does, so that right inputs verify.
func TestR83_SendEventNormalisesAndMergesTargets(t *testing.T) {
	v, err := sms.NewVerifier([]byte("0123456789abcdef-secret"))
	require.NoError(t, err)
	sealA := v.SealCode("111111", mobileA, "01123X")
	sealB := v.SealCode("222222", mobileB, "021234")
	given := sms.Verification{Targets: []sms.Target{
		{Roles: []sms.Role{sms.RoleSubjectPrincipal}, Mobile: "+86 138-1234-5678", CertLast6: "52010219900101123x", Seal: sealA},
		{Roles: []sms.Role{sms.RoleWebsitePrincipal, sms.RoleSubjectPrincipal}, Mobile: "13812345678"},
		{Roles: []sms.Role{sms.RoleWebsitePrincipal}, Mobile: "１３９ ８７６５ ４３２１", Seal: sealB},
	}}
	s := apply(t, underReview(t, sms.NewFiling), lifecycle.Event{Action: lifecycle.ActionSMSSend, Actor: smsBureau, At: smsSubmit.Add(time.Minute), SMS: &given})
	require.Len(t, s.SMS.Targets, 2, "one person, two roles: one target")
	assert.Equal(t, filing.Phone(mobileA), s.SMS.Targets[0].Mobile)
	assert.Equal(t, []sms.Role{sms.RoleSubjectPrincipal, sms.RoleWebsitePrincipal}, s.SMS.Targets[0].Roles)
	assert.Equal(t, filing.IDNumber("01123X"), s.SMS.Targets[0].CertLast6)
	assert.Equal(t, filing.Phone(mobileB), s.SMS.Targets[1].Mobile)
	assert.Equal(t, "+86 138-1234-5678", given.Targets[0].Mobile.Raw(), "the event's verification is not modified")
	assert.Len(t, given.Targets[1].Roles, 2, "the event's verification is not modified")

	// Plain inputs and inputs checked by the Verifier.
	e := lifecycle.SMSInput(v, s, smsBureau, smsSubmit.Add(time.Hour), "111111", "+86 138 1234 5678", "01123X")
	assert.True(t, e.Correct)
	s = apply(t, s, e)
	assert.Equal(t, 1, s.SMS.Waiting())
	assert.Zero(t, s.SMS.WrongInputs)
	s = apply(t, s, input(smsSubmit.Add(2*time.Hour), "139-8765-4321", true))
	assert.Equal(t, sms.StatusVerified, s.SMS.Status)
	assert.Zero(t, s.SMS.WrongInputs)

	// A resend whose verification carries typed mobiles gives the new seals.
	s = apply(t, underReview(t, sms.NewFiling), lifecycle.Event{Action: lifecycle.ActionSMSSend, Actor: smsBureau, At: smsSubmit.Add(time.Minute), SMS: &given})
	resent := sms.Verification{Targets: []sms.Target{{Mobile: "+86 139 8765 4321", Seal: v.SealCode("333333", mobileB, "021234")}}}
	s = apply(t, s, lifecycle.Event{Action: lifecycle.ActionSMSResend, Actor: smsBureau, At: smsSubmit.Add(time.Hour), SMS: &resent})
	assert.False(t, lifecycle.SMSInput(v, s, smsBureau, smsSubmit.Add(2*time.Hour), "222222", mobileB, "021234").Correct, "old code")
	assert.True(t, lifecycle.SMSInput(v, s, smsBureau, smsSubmit.Add(2*time.Hour), "333333", mobileB, "021234").Correct, "new code")
	assert.True(t, lifecycle.SMSInput(v, s, smsBureau, smsSubmit.Add(2*time.Hour), "111111", mobileA, "01123X").Correct, "A's seal kept")
}

// TestR83_ChangeAccessWaitsForTheSMS: 变更接入 sends its code to the
// website principal (sms.Recipients), so a State that requires the step
// keeps the bureau from approving until it is verified.
func TestR83_ChangeAccessWaitsForTheSMS(t *testing.T) {
	s := underReview(t, sms.ChangeAccess)
	_, err := lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionApprove, Actor: smsBureau, At: smsSubmit.Add(time.Hour)})
	assert.ErrorIs(t, err, lifecycle.CodeSMSPending, "the bureau waits for the SMS")
}

// TestR83_StateHidesCertificateTail: a State holding an SMS step hides the
// kept certificate tails under fmt and slog as sms.Target does; encoding/json
// keeps them.
func TestR83_StateHidesCertificateTail(t *testing.T) {
	p := filing.Person{Name: "张三", CertNumber: "52010219900101123X", Mobile: mobileA}
	v, err := sms.New(smsSubmit, []sms.Person{{Role: sms.RoleSubjectPrincipal, Person: p}})
	require.NoError(t, err)
	st := lifecycle.State{Type: sms.NewFiling, Province: "52", SMS: &v}
	var b bytes.Buffer
	noTime := &slog.HandlerOptions{ReplaceAttr: func(g []string, a slog.Attr) slog.Attr {
		if len(g) == 0 && a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}
	slog.New(slog.NewJSONHandler(&b, noTime)).Info("m", "state", st)
	slog.New(slog.NewTextHandler(&b, noTime)).Info("m", "state", st)
	outs := []string{b.String()}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		outs = append(outs, fmt.Sprintf(verb, st))
	}
	for _, out := range outs {
		for _, leak := range []string{"01123X", "01**3X", "123X", "13812345678"} {
			assert.NotContains(t, out, leak)
		}
	}
	raw, err := json.Marshal(st)
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"cert_last6":"01123X"`)
}
