package lifecycle_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/sms"
)

// TestR83_ActorsSayWhoActed: the person enters the SMS code
// (ActorApplicant) and the 24 hours run out by themselves (ActorSystem);
// the history keeps who acted, and the status after the return to the ISP
// says the system returned it, not the bureau.
func TestR83_ActorsSayWhoActed(t *testing.T) {
	s := sent(t, underReview(t, sms.NewFiling), smsSubmit)

	// A wrong input by the person, then the 24 hours.
	s = apply(t, s, lifecycle.Event{Action: lifecycle.ActionSMSInput, Actor: lifecycle.ApplicantActor(), At: smsSubmit.Add(time.Hour), Mobile: mobileA})
	s = apply(t, s, lifecycle.Event{Action: lifecycle.ActionSMSExpire, Actor: lifecycle.SystemActor(), At: smsSubmit.Add(24 * time.Hour)})
	require.Equal(t, filing.StatusReturnedToISP, s.Status)
	n := len(s.History)
	assert.Equal(t, lifecycle.ActorApplicant, s.History[n-2].Actor.Kind)
	assert.Equal(t, "负责人本人", s.History[n-2].Actor.Kind.Zh())
	assert.Equal(t, lifecycle.ActorSystem, s.History[n-1].Actor.Kind)
	assert.Equal(t, "备案系统", s.History[n-1].Actor.Kind.Zh())
	assert.Equal(t, "短信核验超时，系统退回接入商", s.StatusZh())
	assert.NotContains(t, s.StatusZh(), "管局")

	// Six wrong inputs: the system returns it too.
	w := sent(t, underReview(t, sms.NewFiling), smsSubmit)
	for i := range 6 {
		w = apply(t, w, lifecycle.Event{Action: lifecycle.ActionSMSInput, Actor: lifecycle.ApplicantActor(), At: smsSubmit.Add(time.Duration(i+1) * time.Minute), Mobile: mobileA})
	}
	require.Equal(t, filing.StatusReturnedToISP, w.Status)
	assert.Equal(t, "短信核验未通过，系统退回接入商", w.StatusZh())

	// The bureau's own return still reads as the bureau's.
	b := underReview(t, "")
	b = apply(t, b, lifecycle.Event{Action: lifecycle.ActionReturnToISP, Actor: smsBureau, At: smsSubmit.Add(time.Hour), Reason: "接入信息有误"})
	assert.Equal(t, "管局退回接入商", b.StatusZh())
	assert.Equal(t, filing.StatusBureauReview.Zh(), underReview(t, "").StatusZh())
}

// TestR83_ApplicantAndSystemActOnlyOnTheSMSStep: the applicant and the
// system have no other part in the lifecycle: they cannot approve, return,
// send codes or edit.
func TestR83_ApplicantAndSystemActOnlyOnTheSMSStep(t *testing.T) {
	s := sent(t, underReview(t, sms.NewFiling), smsSubmit)
	for _, actor := range []lifecycle.Actor{lifecycle.ApplicantActor(), lifecycle.SystemActor()} {
		for _, a := range []lifecycle.Action{lifecycle.ActionApprove, lifecycle.ActionReturnToISP, lifecycle.ActionSMSResend, lifecycle.ActionEdit} {
			_, err := lifecycle.Apply(s, lifecycle.Event{Action: a, Actor: actor, At: smsSubmit.Add(time.Hour), Reason: "x"})
			var te *lifecycle.TransitionError
			assert.True(t, errors.As(err, &te), "%s by %s: %v", a, actor.Kind, err)
		}
	}
	// The system does not enter codes; the applicant does not time out.
	_, err := lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionSMSInput, Actor: lifecycle.SystemActor(), At: smsSubmit.Add(time.Hour), Mobile: mobileA})
	assert.Error(t, err)
	_, err = lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionSMSExpire, Actor: lifecycle.ApplicantActor(), At: smsSubmit.Add(25 * time.Hour)})
	assert.Error(t, err)
	assert.True(t, lifecycle.ActorApplicant.Valid())
	assert.True(t, lifecycle.ActorSystem.Valid())
}
