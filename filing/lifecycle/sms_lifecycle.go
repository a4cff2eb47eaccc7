package lifecycle

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sms"
)

// The SMS step in the lifecycle.
//
// Decisions, with the grade of their sources:
//
//   - When. The code goes out after the ISP submits the filing to the
//     bureau, while it is 管局审核中 (ISP notices, grade C; WeChat's
//     sms_verify_status during 管局审核中, grade B). The SDK cannot send it by
//     itself (it needs the people's mobiles, and the MIIT system sends it),
//     so the step is a separate action: ActionSMSSend, recorded under
//     bureau review by the subject's bureau (the MIIT system runs the check
//     for it) or by the filing's ISP (which follows the system's status).
//     The same roles record inputs, resends and the timeout. DESIGN.
//   - Who receives it is data (sms.Recipients, every filing type except
//     取消接入); the caller builds the verification with sms.New.
//     A State with SMSRequired whose Type has recipients must go through
//     the step; a State without it takes the step only when ActionSMSSend is
//     applied, so callers that do not model the SMS keep the lifecycle they
//     had. A Type without recipients (sms.CancelAccess) sends no code.
//   - While the SMS waits, the bureau cannot approve, nor return the filing
//     on the merits (to the user or to the ISP): the check replaces the old
//     filing password as the persons' confirmation, and its failure returns
//     the filing by itself (ISP documentation, grade B: returned to the ISP on
//     timeout or failure; "请等待其他核验人进行短信核验" until everyone has
//     verified). No source says so of the bureau in terms: DESIGN. The bureau
//     may still record the verification form, cancel or delete
//     the filing on application, which are not review decisions.
//   - The sixth attempt after five wrong inputs and any SMS event at or
//     after the 24 clock hours (CST instants, time.Duration arithmetic)
//     return the filing to the ISP (filing.StatusReturnedToISP), with the
//     cause as reason (ISP documentation, grade B). ActionSMSExpire records
//     the timeout when nobody acted; it is refused before the 24 hours. The
//     ISP resubmits (ActionResubmit) and the new submission gets a new SMS.
//   - The review limit keeps counting from the
//     submission: the rule and Order No. 33 count the 20 working days from
//     the ISP's submission and no source found counts them from the SMS
//     check. State.Countdown is unchanged; State.SMSCountdown shows the 24
//     hours.

// Codes of refused SMS moves in the lifecycle. Their messages take
// the indexed arguments of the other lifecycle codes (%[1]s the action).
var (
	CodeSMSPending = define("lifecycle.sms_pending", "R-83",
		"本次提交的短信核验尚未完成，管局暂不能办理“%[1]s”",
		"the SMS verification of this submission is not complete: the bureau cannot %[1]s the filing yet")
	CodeSMSNone = define("lifecycle.sms_none", "R-83",
		"本次提交没有等待中的短信核验，不能办理“%[1]s”",
		"no SMS verification of this submission is waiting: cannot %[1]s the filing")
	CodeSMSSent = define("lifecycle.sms_sent", "R-83",
		"本次提交的核验短信已发送，如需重新发送请办理短信重发",
		"the SMS of this submission was already sent: use a resend")
	CodeSMSNotExpired = define("lifecycle.sms_not_expired", "R-83",
		"短信验证码仍在24小时有效期内",
		"the SMS code is still within its 24 hours")
)

// smsStep is what an accepted SMS event does: the next verification and,
// when it ends the step by a return to the ISP, the cause.
type smsStep struct {
	sms   *sms.Verification
	cause filing.Code
}

// smsMove checks the SMS side of e on s: the next verification for
// the SMS actions, the pending check for the bureau's decisions. A non-empty
// code refuses the event.
func smsMove(s State, e Event) (smsStep, filing.Code) {
	switch e.Action {
	case ActionApprove, ActionReturnToUser, ActionReturnToISP:
		if s.SMS != nil && s.SMS.Status == sms.StatusWaiting || s.SMS == nil && s.smsRequired() {
			return smsStep{}, CodeSMSPending
		}
		return smsStep{}, ""
	case ActionSMSSend:
		if s.SMS != nil {
			return smsStep{}, CodeSMSSent
		}
		if !s.smsTyped() || e.SMS == nil {
			return smsStep{}, sms.CodeNoRecipient
		}
		// Targets are normalised and merged by mobile as sms.New does them,
		// so that Attempt and SMSInput, which compare normalised digits, find
		// them.
		n, err := sms.FromTargets(e.At, e.SMS.Targets)
		if err != nil {
			return smsStep{}, smsCode(err)
		}
		return smsStep{sms: &n}, ""
	case ActionSMSInput, ActionSMSResend, ActionSMSExpire:
	default:
		return smsStep{}, ""
	}
	if s.SMS == nil || s.SMS.Status != sms.StatusWaiting {
		return smsStep{}, CodeSMSNone
	}
	if x := s.SMS.Expire(e.At); x.Status != sms.StatusWaiting {
		return smsStep{sms: &x, cause: sms.CodeExpired}, ""
	}
	switch e.Action {
	case ActionSMSExpire:
		return smsStep{}, CodeSMSNotExpired
	case ActionSMSResend:
		x, err := s.SMS.Resend(e.At)
		if err != nil {
			return smsStep{}, smsCode(err)
		}
		if e.SMS != nil {
			x = x.WithSeals(e.SMS.Targets)
		}
		return smsStep{sms: &x}, ""
	}
	x, err := s.SMS.Attempt(e.At, e.Mobile.Raw(), e.Correct)
	switch {
	case errors.Is(err, sms.CodeTooManyWrong):
		return smsStep{sms: &x, cause: sms.CodeTooManyWrong}, ""
	case err != nil && !errors.Is(err, sms.CodeWrongInput):
		return smsStep{}, smsCode(err)
	}
	return smsStep{sms: &x}, ""
}

// smsCode is the code of an error of the SMS methods.
func smsCode(err error) filing.Code {
	var p *filing.Problem
	if errors.As(err, &p) {
		return p.Code
	}
	return sms.CodeTime
}

// smsTyped reports whether the filing's Type sends codes (R-83: every type
// but 取消接入).
func (s State) smsTyped() bool {
	r, _ := sms.Recipients(s.Type)
	return len(r) > 0
}

// smsRequired reports whether the submission must take the SMS step: the
// State asks for it and its Type sends codes.
func (s State) smsRequired() bool { return s.SMSRequired && s.smsTyped() }

// SMSCountdown returns the SMS step of the current submission as of now:
// when the code expires (24 clock hours after it was sent), the time left,
// wrong inputs and resends left, who still has to verify. ok is
// false when the submission has no SMS step.
func (s State) SMSCountdown(now time.Time) (c sms.Countdown, ok bool) {
	if s.SMS == nil {
		return sms.Countdown{}, false
	}
	return s.SMS.Countdown(now), true
}

// SMSInput returns the ActionSMSInput event of one input on the
// verification page at instant at: code, mobile and the last six
// characters of the certificate number, checked by v against the seals of
// s.SMS (sms.Verifier.Match). The event keeps the mobile and whether the
// input was right, never the code.
func SMSInput(v *sms.Verifier, s State, actor Actor, at time.Time, code, mobile, certLast6 string) Event {
	e := Event{Action: ActionSMSInput, Actor: actor, At: at, Mobile: filing.Phone(sms.NormalizeMobile(mobile))}
	if s.SMS != nil {
		e.Correct = v.Match(*s.SMS, code, mobile, certLast6)
	}
	return e
}

// LogValue logs the state with the mobiles of its SMS step and events
// masked.
func (s State) LogValue() slog.Value { return filing.MaskedLogValue(s) }

// LogValue logs the event with its mobile masked.
func (e Event) LogValue() slog.Value { return filing.MaskedLogValue(e) }

// Format prints the state for fmt with the mobiles masked (every verb).
func (s State) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, s) }

// Format prints the event for fmt with its mobile masked (every verb).
func (e Event) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, e) }
