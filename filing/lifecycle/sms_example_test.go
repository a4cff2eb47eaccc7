package lifecycle_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/sms"
)

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
	st := lifecycle.State{Type: sms.NewFiling, Province: "52", SMSRequired: true}
	for _, a := range []lifecycle.Action{lifecycle.ActionCreate, lifecycle.ActionSubmit, lifecycle.ActionVerify} {
		st, _ = lifecycle.Apply(st, lifecycle.Event{Action: a, Actor: isp, At: at})
	}
	p := filing.Person{Name: "张三", CertNumber: "52010219900101123X", Mobile: "13812345678"}
	v, _ := sms.New(at, []sms.Person{
		{Role: sms.RoleSubjectPrincipal, Person: p}, {Role: sms.RoleWebsitePrincipal, Person: p}})
	st, _ = lifecycle.Apply(st, lifecycle.Event{Action: lifecycle.ActionSMSSend, Actor: bureau, At: at.Add(5 * time.Minute), SMS: &v})
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

// An input on the verification page becomes the event that records it:
// SMSInput checks code, mobile and certificate tail against the seals and
// keeps only the mobile and whether the input was right.
func ExampleSMSInput() {
	v, _ := sms.NewVerifier([]byte("a secret key of 16+ bytes"))
	isp := lifecycle.Actor{Kind: lifecycle.ActorISP, ISP: "贵州星云数据", Province: "52"}
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Location())
	st := lifecycle.State{Type: sms.NewFiling, Province: "52", SMSRequired: true}
	for _, a := range []lifecycle.Action{lifecycle.ActionCreate, lifecycle.ActionSubmit, lifecycle.ActionVerify} {
		st, _ = lifecycle.Apply(st, lifecycle.Event{Action: a, Actor: isp, At: at})
	}
	p := filing.Person{Name: "张三", CertNumber: "52010219900101123X", Mobile: "13812345678"}
	ver, _ := sms.New(at, []sms.Person{{Role: sms.RoleSubjectPrincipal, Person: p}})
	ver, codes, _ := v.Send(ver, at, nil)
	st, _ = lifecycle.Apply(st, lifecycle.Event{Action: lifecycle.ActionSMSSend, Actor: isp, At: at, SMS: &ver})
	e := lifecycle.SMSInput(v, st, lifecycle.ApplicantActor(), at.Add(time.Hour), codes[0], "+86 138 1234 5678", "01123X")
	fmt.Println(e.Action, e.Mobile, e.Correct)
	st, _ = lifecycle.Apply(st, e)
	bureau := lifecycle.Actor{Kind: lifecycle.ActorBureau, Province: "52"}
	fmt.Println(st.SMS.Status, slices.Contains(lifecycle.Allowed(st, bureau), lifecycle.ActionApprove))
	// Output:
	// sms_input 138****5678 true
	// verified true
}
