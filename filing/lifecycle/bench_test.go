package lifecycle

import (
	"testing"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sms"
)

// BenchmarkApply drives one self-filed new filing from creation to approval
// six Apply calls, the history growing with each.
func BenchmarkApply(b *testing.B) {
	steps := []Event{
		{Action: ActionCreate, Actor: selfFiler},
		{Action: ActionSubmit, Actor: selfFiler},
		{Action: ActionVerify, Actor: ispGZ},
		{Action: ActionReturnToUser, Actor: bureauGZ, Reason: "网站名称不符合要求"},
		{Action: ActionResubmit, Actor: selfFiler},
		{Action: ActionApprove, Actor: bureauGZ, Number: "黔ICP备2026000001号"},
	}
	for i := range steps {
		steps[i].At = t0.Add(time.Duration(i) * time.Hour)
	}
	start := State{Type: sms.NewFiling, SelfFiled: true, ISP: "中国电信", Province: "52"}
	b.ReportAllocs()
	for b.Loop() {
		s := start
		for _, e := range steps {
			var err error
			if s, err = Apply(s, e); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkApplySMS drives a proxied new filing through the SMS step
// verify, send to two principals, one wrong input, two right ones,
// approve. Compare with BenchmarkApply in the same run.
func BenchmarkApplySMS(b *testing.B) {
	ver, err := sms.New(t0, []sms.Person{
		{Role: sms.RoleSubjectPrincipal, Person: filing.Person{Mobile: "13812345678"}},
		{Role: sms.RoleWebsitePrincipal, Person: filing.Person{Mobile: "13987654321"}},
	})
	if err != nil {
		b.Fatal(err)
	}
	steps := []Event{
		{Action: ActionCreate, Actor: ispGZ},
		{Action: ActionSubmit, Actor: ispGZ},
		{Action: ActionVerify, Actor: ispGZ},
		{Action: ActionSMSSend, Actor: bureauGZ, SMS: &ver},
		{Action: ActionSMSInput, Actor: bureauGZ, Mobile: "13812345678"},
		{Action: ActionSMSInput, Actor: bureauGZ, Mobile: "13812345678", Correct: true},
		{Action: ActionSMSInput, Actor: bureauGZ, Mobile: "13987654321", Correct: true},
		{Action: ActionApprove, Actor: bureauGZ, Number: "黔ICP备2026000001号"},
	}
	for i := range steps {
		steps[i].At = t0.Add(time.Duration(i) * time.Hour)
	}
	start := State{Type: sms.NewFiling, ISP: "中国电信", ISPProvince: "52", Province: "52", SMSRequired: true}
	b.ReportAllocs()
	for b.Loop() {
		s := start
		for _, e := range steps {
			var err error
			if s, err = Apply(s, e); err != nil {
				b.Fatal(err)
			}
		}
		if s.Status != filing.StatusApproved {
			b.Fatal(s.Status)
		}
	}
}
