package lifecycle_test

import (
	"fmt"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
)

func ExampleNewSMS() {
	sent := time.Date(2026, 3, 5, 9, 30, 0, 0, calendar.Location())
	p := filing.Person{Name: "张三", CertNumber: "52010219900101123X", Mobile: "13812345678"}
	// One person is subject and website principal on one mobile: one SMS.
	s, _ := lifecycle.NewSMS(sent, []lifecycle.SMSPerson{
		{Role: lifecycle.RoleSubjectPrincipal, Person: p}, {Role: lifecycle.RoleWebsitePrincipal, Person: p}})
	fmt.Println(len(s.Targets), s.Targets[0].Mobile)
	for i := range 6 {
		var err error
		s, err = s.Attempt(sent.Add(time.Duration(i+1)*time.Minute), "13812345678", false)
		fmt.Println(err)
	}
	fmt.Println(s.Status, s.Status.ReturnsToISP())
	// Output:
	// 1 138****5678
	// sms.wrong_input: wrong code, mobile or last six certificate characters (1 wrong inputs; after 5 the next attempt returns the filing to the ISP)
	// sms.wrong_input: wrong code, mobile or last six certificate characters (2 wrong inputs; after 5 the next attempt returns the filing to the ISP)
	// sms.wrong_input: wrong code, mobile or last six certificate characters (3 wrong inputs; after 5 the next attempt returns the filing to the ISP)
	// sms.wrong_input: wrong code, mobile or last six certificate characters (4 wrong inputs; after 5 the next attempt returns the filing to the ISP)
	// sms.wrong_input: wrong code, mobile or last six certificate characters (5 wrong inputs; after 5 the next attempt returns the filing to the ISP)
	// sms.too_many_wrong: five wrong inputs: this sixth attempt returned the filing to the ISP
	// returned_wrong_inputs true
}

func ExampleSMS_Countdown() {
	sent := time.Date(2026, 3, 5, 9, 30, 0, 0, calendar.Location())
	s, _ := lifecycle.NewSMS(sent, []lifecycle.SMSPerson{{Role: lifecycle.RoleSubjectPrincipal,
		Person: filing.Person{Mobile: "13812345678"}}})
	c := s.Countdown(sent.Add(20*time.Hour + 15*time.Minute))
	fmt.Println(c.Expires.Format("2006-01-02 15:04"), c.Remaining, c.ResendsLeft, c.WrongInputsLeft)
	c = s.Countdown(sent.Add(24 * time.Hour))
	fmt.Println(c.Expired, c.Status)
	// Output:
	// 2026-03-06 09:30 3h45m0s 2 5
	// true returned_timeout
}

func ExampleVerifier() {
	v, _ := lifecycle.NewVerifier([]byte("a secret key of 16+ bytes"))
	sent := time.Date(2026, 3, 5, 9, 30, 0, 0, calendar.Location())
	p := filing.Person{Name: "张三", CertNumber: "52010219900101123X", Mobile: "13812345678"}
	s, _ := lifecycle.NewSMS(sent, []lifecycle.SMSPerson{{Role: lifecycle.RoleSubjectPrincipal, Person: p}})
	s, codes, _ := v.Send(s, sent, map[string]filing.IDNumber{"13812345678": p.CertNumber})
	// codes[0] goes out by SMS; only its seal is kept in s.
	s, err := v.Enter(s, sent.Add(time.Hour), codes[0], "13812345678", "01123x")
	fmt.Println(err, s.Status)
	// Output: <nil> verified
}

func ExampleSMSRecipients() {
	for _, t := range []lifecycle.SMSFilingType{lifecycle.SMSNewWebsite, lifecycle.SMSChangeWebsite, lifecycle.SMSCancelAccess} {
		r, _ := lifecycle.SMSRecipients(t)
		fmt.Println(t, r)
	}
	// Output:
	// new_website [subject_principal website_principal]
	// change_website [website_principal]
	// cancel_access []
}

func ExamplePublicSecurityCountdown() {
	connected := time.Date(2026, 2, 10, 15, 0, 0, 0, calendar.Location())
	c, _ := lifecycle.PublicSecurityCountdown(connected, time.Date(2026, 3, 1, 9, 0, 0, 0, calendar.Location()))
	fmt.Println(c.Due.Format(time.DateOnly), c.Remaining, c.Overdue)
	// Output: 2026-03-12 11 false
}

// The SMS step of a submission (R-83): the ISP submits the filing to the
// bureau, the code goes to the principal, five wrong inputs are counted and
// the sixth attempt returns the filing to the ISP with the cause.
func ExampleApply_smsWrongInputs() {
	isp := lifecycle.Actor{Kind: lifecycle.ActorISP, ISP: "贵州星云数据", Province: "52"}
	bureau := lifecycle.Actor{Kind: lifecycle.ActorBureau, Province: "52"}
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Location())
	st := lifecycle.State{Kind: lifecycle.KindNewFiling, Province: "52", SMSType: lifecycle.SMSNewFiling}
	for _, a := range []lifecycle.Action{lifecycle.ActionCreate, lifecycle.ActionSubmit, lifecycle.ActionVerify} {
		st, _ = lifecycle.Apply(st, lifecycle.Event{Action: a, Actor: isp, At: at})
	}
	p := filing.Person{Name: "张三", CertNumber: "52010219900101123X", Mobile: "13812345678"}
	sms, _ := lifecycle.NewSMS(at, []lifecycle.SMSPerson{
		{Role: lifecycle.RoleSubjectPrincipal, Person: p}, {Role: lifecycle.RoleWebsitePrincipal, Person: p}})
	st, _ = lifecycle.Apply(st, lifecycle.Event{Action: lifecycle.ActionSMSSend, Actor: bureau, At: at.Add(5 * time.Minute), SMS: &sms})
	c, _ := st.SMSCountdown(at.Add(time.Hour))
	fmt.Println(st.Status, st.SMS.Status, "expires", c.Expires.Format("2006-01-02 15:04"), "left", c.Remaining)

	_, err := lifecycle.Apply(st, lifecycle.Event{Action: lifecycle.ActionApprove, Actor: bureau, At: at.Add(time.Hour)})
	fmt.Println(err)
	for i := 1; i <= 6; i++ {
		st, err = lifecycle.Apply(st, lifecycle.Event{Action: lifecycle.ActionSMSInput, Actor: bureau,
			At: at.Add(time.Duration(i) * time.Hour), Mobile: "13812345678", Correct: i == 6})
		fmt.Println(i, err, st.Status, st.SMS.WrongInputs)
	}
	fmt.Println(st.SMS.Status, st.Reason)
	last := st.History[len(st.History)-1]
	fmt.Println(last.Action, last.Mobile, last.Reason)
	// Output:
	// bureau_review waiting expires 2026-03-03 09:05 left 23h5m0s
	// lifecycle.sms_pending: the SMS verification of this submission is not complete: the bureau cannot approve the filing yet
	// 1 <nil> bureau_review 1
	// 2 <nil> bureau_review 2
	// 3 <nil> bureau_review 3
	// 4 <nil> bureau_review 4
	// 5 <nil> bureau_review 5
	// 6 <nil> returned_to_isp 5
	// returned_wrong_inputs 短信核验已错误5次，备案已退回接入商
	// sms_input 138****5678 短信核验已错误5次，备案已退回接入商
}
