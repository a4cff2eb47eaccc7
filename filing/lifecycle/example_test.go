package lifecycle_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/sms"
)

// A self-filed first filing of a Guizhou subject: the user submits, the ISP
// verifies, the bureau has 20 working days (R-20) and returns it to the
// user, who edits and resubmits straight to the bureau (R-12).
func ExampleApply() {
	cst := calendar.Location()
	user := lifecycle.Actor{Kind: lifecycle.ActorSelfFiler}
	isp := lifecycle.Actor{Kind: lifecycle.ActorISP, ISP: "中国电信", Province: "52"}
	bureau := lifecycle.Actor{Kind: lifecycle.ActorBureau, Province: "52"}

	s := lifecycle.State{Type: sms.NewFiling, SelfFiled: true, ISP: "中国电信", ISPProvince: "52", Province: "52"}
	steps := []lifecycle.Event{
		{Action: lifecycle.ActionCreate, Actor: user, At: time.Date(2026, 3, 1, 10, 0, 0, 0, cst)},
		{Action: lifecycle.ActionSubmit, Actor: user, At: time.Date(2026, 3, 1, 11, 0, 0, 0, cst)},
	}
	for _, e := range steps {
		var err error
		if s, err = lifecycle.Apply(s, e); err != nil {
			fmt.Println(err)
			return
		}
	}
	// After submission the user may not edit (R-10).
	_, err := lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionEdit, Actor: user, At: time.Date(2026, 3, 1, 12, 0, 0, 0, cst)})
	var te *lifecycle.TransitionError
	if errors.As(err, &te) {
		fmt.Println(te.Code, te.Rule, te.Zh)
	}

	s, _ = lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionVerify, Actor: isp, At: time.Date(2026, 3, 2, 15, 0, 0, 0, cst)})
	due, kind, _, _ := s.Due(nil)
	fmt.Println(s.Status, kind.RuleID(), "due", due.Format(time.DateOnly))
	cd, _, _ := s.Countdown(nil, time.Date(2026, 3, 20, 9, 0, 0, 0, cst))
	fmt.Println("working days left on 2026-03-20:", cd.Remaining)

	s, _ = lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionReturnToUser, Actor: bureau, At: time.Date(2026, 3, 5, 9, 0, 0, 0, cst), Reason: "网站名称含有不规范用语"})
	fmt.Println(s.Status, s.Reason, lifecycle.Allowed(s, user))
	s, _ = lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionResubmit, Actor: user, At: time.Date(2026, 3, 6, 9, 0, 0, 0, cst)})
	fmt.Println(s.Status, len(s.History), "events")
	// Output:
	// lifecycle.wrong_actor R-10 自行备案用户不能办理“修改备案信息”（备案当前状态：接入商核验中）
	// bureau_review R-20 due 2026-03-30
	// working days left on 2026-03-20: 6
	// returned_to_user 网站名称含有不规范用语 [edit resubmit]
	// bureau_review 5 events
}

// A bureau may not return a filing without saying why (R-12).
func ExampleApply_returnNeedsReason() {
	bureau := lifecycle.Actor{Kind: lifecycle.ActorBureau, Province: "52"}
	at := time.Date(2026, 3, 5, 9, 0, 0, 0, calendar.Location())
	s := lifecycle.State{Status: filing.StatusBureauReview, Type: sms.NewFiling,
		SelfFiled: true, ISP: "中国电信", Province: "52", ReviewFrom: at.Add(-24 * time.Hour)}
	_, err := lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionReturnToUser, Actor: bureau, At: at})
	fmt.Println(errors.Is(err, lifecycle.CodeReasonRequired))
	var te *lifecycle.TransitionError
	if errors.As(err, &te) {
		fmt.Println(te.Rule, te.Zh)
	}
	// Output:
	// true
	// R-12 退回备案时须写明退回原因
}
