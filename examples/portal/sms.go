package main

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/sms"
)

// The SMS verification step in the portal.
//
// When the ISP submits a filing to the bureau, the portal, acting for the
// ISP and the MIIT system, applies lifecycle.ActionSMSSend with the people
// its filing type names (sms.Recipients: for a first filing the
// subject's and the website's principals, one code per mobile). The codes
// are sealed with a sms.Verifier and never kept in clear; only their
// seals are in the filing's State.
//
// Delivery is the demo's decision: the portal has no SMS gateway, so
// options.SendSMS receives each code, and by default writes it to the
// portal's log at debug level (run with -debug to see it), with the mobile
// masked. No page ever shows a code. A real deployment plugs its gateway in
// options.SendSMS.
//
// The status page shows State.SMSCountdown and, while the code is valid, a
// form where the person enters code, mobile and the last six characters of
// the certificate number (lifecycle.SMSInput, ActionSMSInput), and a
// button to send the codes again (ActionSMSResend, at most 2). The 24-hour
// timeout has no timer: reading the page at or after the expiry applies
// lifecycle.ActionSMSExpire, dated at the expiry, which returns the filing
// to the ISP with the cause as reason.

// smsDelivery is one code to deliver to one mobile.
type smsDelivery struct {
	To   filing.Phone
	Code string
}

// logSMS is the default options.SendSMS: the demo writes the code to the
// log at debug level only, with the mobile masked.
func logSMS(s *server) func(id string, to filing.Phone, code string) {
	return func(id string, to filing.Phone, code string) {
		s.log.Debug("demo SMS code (no gateway configured)", "id", id, "mobile", to, "code", code)
	}
}

// smsPeople returns the people of f who receive the code for filing type t
// with the certificates their codes are sealed with, by mobile.
func smsPeople(t sms.FilingType, f *filing.Filing) ([]sms.Person, map[string]filing.IDNumber) {
	roles, _ := sms.Recipients(t)
	var people []sms.Person
	certs := map[string]filing.IDNumber{}
	for _, r := range roles {
		p := f.Subject.Principal
		if r == sms.RoleWebsitePrincipal {
			if len(f.Websites) == 0 {
				continue
			}
			p = f.Websites[0].Principal
		}
		people = append(people, sms.Person{Role: r, Person: p})
		if _, ok := certs[p.Mobile.Raw()]; !ok {
			certs[p.Mobile.Raw()] = p.CertNumber
		}
	}
	return people, certs
}

// smsSend applies ActionSMSSend to a filing that has just reached bureau
// review, as actor at instant at, and returns the codes to deliver.
func (s *server) smsSend(st lifecycle.State, f *filing.Filing, actor lifecycle.Actor, at time.Time) (lifecycle.State, []smsDelivery, error) {
	people, certs := smsPeople(st.Type, f)
	ver, err := sms.New(at, people)
	if err != nil {
		return st, nil, err
	}
	ver, codes, err := s.verifier.Send(ver, at, certs)
	if err != nil {
		return st, nil, err
	}
	if st, err = lifecycle.Apply(st, lifecycle.Event{Action: lifecycle.ActionSMSSend, Actor: actor, At: at, SMS: &ver}); err != nil {
		return st, nil, err
	}
	return st, deliveries(ver, codes), nil
}

func deliveries(ver sms.Verification, codes []string) []smsDelivery {
	var out []smsDelivery
	for i, c := range codes {
		if c != "" {
			out = append(out, smsDelivery{ver.Targets[i].Mobile, c})
		}
	}
	return out
}

// deliver hands the codes of filing id to options.SendSMS.
func (s *server) deliver(id string, ds []smsDelivery) {
	for _, d := range ds {
		s.sendSMS(id, d.To, d.Code)
	}
}

// ispActor is the portal acting for this ISP.
func (s *server) ispActor() lifecycle.Actor {
	return lifecycle.Actor{Kind: lifecycle.ActorISP, ISP: s.isp}
}

// update replaces the state of filing id by next(state), under the lock:
// entries stay immutable, a change stores a new entry. It returns the entry
// now stored, and false when there is no such filing.
func (s *server) update(id string, next func(*entry) (lifecycle.State, bool)) (*entry, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.filings[id]
	if !ok {
		return nil, false
	}
	if st, changed := next(e); changed {
		e = &entry{ID: e.ID, Filing: e.Filing, State: st}
		s.filings[id] = e
	}
	return e, true
}

// expire applies ActionSMSExpire, dated at the expiry, to a verification
// still waiting at now past its 24 hours: the filing goes back to
// the ISP with the timeout as reason. It reports whether it did.
func (s *server) expire(st lifecycle.State, now time.Time) (lifecycle.State, bool) {
	if st.SMS == nil || st.SMS.Status != sms.StatusWaiting || now.Before(st.SMS.Expires()) {
		return st, false
	}
	n, err := lifecycle.Apply(st, lifecycle.Event{Action: lifecycle.ActionSMSExpire, Actor: lifecycle.SystemActor(), At: st.SMS.Expires()})
	if err != nil {
		s.log.Error("sms expire", "err", err)
		return st, false
	}
	return n, true
}

// readEntry returns filing id with the SMS timeout applied as of now.
func (s *server) readEntry(id string, now time.Time) (*entry, bool) {
	s.mu.RLock()
	e, ok := s.filings[id]
	s.mu.RUnlock()
	if !ok {
		return nil, false
	}
	if _, due := s.expire(e.State, now); !due {
		return e, true
	}
	e, ok = s.update(id, func(e *entry) (lifecycle.State, bool) { return s.expire(e.State, now) })
	if ok && e.State.Status == filing.StatusReturnedToISP {
		s.log.Info("filing returned to the ISP", "id", id, "cause", "sms_expired")
	}
	return e, ok
}

// Form fields of the SMS input.
const (
	fieldSMSCode   = "sms_code"
	fieldSMSMobile = "sms_mobile"
	fieldSMSCert   = "sms_cert6"
)

// handleSMS records one input of the SMS form (ActionSMSInput), as an act
// of the person who received the code (lifecycle.ActorApplicant), and
// answers 303 See Other to the status page with the outcome in its query
// (post/redirect/get: reloading the page never posts the code again). The
// status page words the outcome from the filing's state, never from the
// query alone (smsNotice).
func (s *server) handleSMS(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r, 4<<10) {
		return
	}
	field := func(name string) string {
		v := strings.TrimSpace(r.PostForm.Get(name))
		if len(v) > 64 {
			v = v[:64]
		}
		return v
	}
	// An input method may type the code's digits full-width: they are
	// folded, as the mobile and the certificate tail are by the Verifier.
	code, mobile, cert := foldDigits(field(fieldSMSCode)), field(fieldSMSMobile), field(fieldSMSCert)
	now := s.now()
	var applied lifecycle.State
	var applyErr error
	e, ok := s.update(r.PathValue("id"), func(e *entry) (lifecycle.State, bool) {
		ev := lifecycle.SMSInput(s.verifier, e.State, lifecycle.ApplicantActor(), now, code, mobile, cert)
		applied, applyErr = lifecycle.Apply(e.State, ev)
		return applied, applyErr == nil
	})
	if !ok {
		s.renderMessage(w, http.StatusNotFound, "未找到该备案申请", "请核对链接是否完整。")
		return
	}
	outcome := smsVerified
	switch {
	case applyErr != nil:
		s.log.Info("sms input refused", "id", e.ID, "code", smsErrCode(applyErr))
		outcome = smsNone
	case applied.Status == filing.StatusReturnedToISP:
		s.log.Info("filing returned to the ISP", "id", e.ID, "cause", applied.SMS.Status)
		outcome = smsReturned
	case !applied.History[len(applied.History)-1].Correct:
		s.log.Info("sms input wrong", "id", e.ID, "wrong_inputs", applied.SMS.WrongInputs)
		outcome = smsWrong
	case applied.SMS.Status == sms.StatusVerified:
		s.log.Info("sms verified", "id", e.ID)
	default:
		outcome = smsPartly
	}
	s.seeStatus(w, r, e.ID, outcome)
}

// The outcomes of the SMS forms, carried to the status page in its query
// (?sms=...).
const (
	smsVerified    = "verified"     // the step is complete
	smsPartly      = "partly"       // this person verified; others still have to
	smsWrong       = "wrong"        // a wrong input, counted
	smsReturned    = "returned"     // this attempt returned the filing to the ISP
	smsNone        = "none"         // nothing waits for an input
	smsResent      = "resent"       // new codes went out
	smsResendLimit = "resend_limit" // no resend left
)

// seeStatus answers a POST with 303 See Other to the filing's status page
// carrying the outcome.
func (s *server) seeStatus(w http.ResponseWriter, r *http.Request, id, outcome string) {
	http.Redirect(w, r, "/filings/"+url.PathEscape(id)+"?sms="+url.QueryEscape(outcome), http.StatusSeeOther)
}

// smsNotice words an outcome of the SMS forms for the status page, from
// the filing's state: an outcome the state does not bear out (an old link,
// an edited query) shows nothing. A complete or ended step already says so
// in its own box, so it gets no second one.
func smsNotice(outcome string, st lifecycle.State) (msg string, late bool) {
	ver := st.SMS
	waiting := ver != nil && ver.Status == sms.StatusWaiting
	switch {
	case outcome == smsPartly && waiting:
		return "核验成功，请等待其他核验人进行短信核验。", false
	case outcome == smsWrong && waiting && ver.WrongInputs > 0:
		return filing.NewProblem(sms.CodeWrongInput, ver.WrongInputs).Zh + "。", true
	case outcome == smsResent && waiting && ver.Resends > 0:
		return "验证码已重新发送，之前的验证码作废。", false
	case outcome == smsResendLimit && waiting && ver.Resends >= sms.MaxResends:
		return sms.CodeResendLimit.MessageZh() + "。", true
	case outcome == smsNone && !waiting && st.Status != filing.StatusReturnedToISP && (ver == nil || ver.Status != sms.StatusVerified):
		return "当前没有等待输入的短信验证码。", true
	}
	return "", false
}

// foldDigits turns full-width digits into ASCII ones.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// handleSMSResend sends new codes to the people who have not verified
// (ActionSMSResend, at most 2; the 24 hours still count from the first
// send): 200, or 409 when no resend is left or nothing waits. A resend
// asked at or after the 24 hours applies the timeout instead.
func (s *server) handleSMSResend(w http.ResponseWriter, r *http.Request) {
	now := s.now()
	var ds []smsDelivery
	var sendErr error
	e, ok := s.update(r.PathValue("id"), func(e *entry) (lifecycle.State, bool) {
		st := e.State
		if n, due := s.expire(st, now); due {
			sendErr = filing.NewProblem(sms.CodeExpired)
			return n, true
		}
		if st.SMS == nil {
			sendErr = filing.NewProblem(lifecycle.CodeSMSNone, lifecycle.ActionSMSResend.Zh())
			return st, false
		}
		_, certs := smsPeople(st.Type, e.Filing)
		ver, codes, err := s.verifier.Send(*st.SMS, now, certs)
		if err == nil {
			st, err = lifecycle.Apply(st, lifecycle.Event{Action: lifecycle.ActionSMSResend, Actor: s.ispActor(), At: now, SMS: &ver})
		}
		if sendErr = err; err != nil {
			return e.State, false
		}
		ds = deliveries(ver, codes)
		return st, true
	})
	if !ok {
		s.renderMessage(w, http.StatusNotFound, "未找到该备案申请", "请核对链接是否完整。")
		return
	}
	outcome := smsResent
	if sendErr != nil {
		s.log.Info("sms resend refused", "id", e.ID, "code", smsErrCode(sendErr))
		switch {
		case errors.Is(sendErr, sms.CodeResendLimit):
			outcome = smsResendLimit
		case errors.Is(sendErr, sms.CodeExpired):
			outcome = smsReturned
		default:
			outcome = smsNone
		}
	} else {
		s.deliver(e.ID, ds)
		s.log.Info("sms resent", "id", e.ID, "resends", e.State.SMS.Resends)
	}
	s.seeStatus(w, r, e.ID, outcome)
}

// smsErrCode is the stable code of an SMS error, for the log.
func smsErrCode(err error) string {
	if c, ok := errors.AsType[interface {
		error
		ErrorCode() string
	}](err); ok {
		return c.ErrorCode()
	}
	return "unknown"
}
