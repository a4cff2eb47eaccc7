package lifecycle

import (
	"testing"
	"time"
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
	start := State{Kind: KindNewFiling, SelfFiled: true, ISP: "中国电信", Province: "52"}
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
