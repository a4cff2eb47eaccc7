package filing_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

// A self-filed first filing of a Guizhou subject: the user submits, the ISP
// verifies, the bureau has 20 working days (R-20) and returns it to the
// user, who edits and resubmits straight to the bureau (R-12).
func ExampleApply() {
	cst := calendar.Location()
	user := filing.Actor{Kind: filing.ActorSelfFiler}
	isp := filing.Actor{Kind: filing.ActorISP, ISP: "中国电信", Province: "52"}
	bureau := filing.Actor{Kind: filing.ActorBureau, Province: "52"}

	s := filing.State{Kind: filing.KindNewFiling, SelfFiled: true, ISP: "中国电信", ISPProvince: "52", Province: "52"}
	steps := []filing.Event{
		{Action: filing.ActionCreate, Actor: user, At: time.Date(2026, 3, 1, 10, 0, 0, 0, cst)},
		{Action: filing.ActionSubmit, Actor: user, At: time.Date(2026, 3, 1, 11, 0, 0, 0, cst)},
	}
	for _, e := range steps {
		var err error
		if s, err = filing.Apply(s, e); err != nil {
			fmt.Println(err)
			return
		}
	}
	// After submission the user may not edit (R-10).
	_, err := filing.Apply(s, filing.Event{Action: filing.ActionEdit, Actor: user, At: time.Date(2026, 3, 1, 12, 0, 0, 0, cst)})
	var te *filing.TransitionError
	if errors.As(err, &te) {
		fmt.Println(te.Code, te.Rule, te.Zh)
	}

	s, _ = filing.Apply(s, filing.Event{Action: filing.ActionVerify, Actor: isp, At: time.Date(2026, 3, 2, 15, 0, 0, 0, cst)})
	due, kind, _, _ := s.Due(nil)
	fmt.Println(s.Status, kind.RuleID(), "due", due.Format(time.DateOnly))
	cd, _, _ := s.Countdown(nil, time.Date(2026, 3, 20, 9, 0, 0, 0, cst))
	fmt.Println("working days left on 2026-03-20:", cd.Remaining)

	s, _ = filing.Apply(s, filing.Event{Action: filing.ActionReturnToUser, Actor: bureau, At: time.Date(2026, 3, 5, 9, 0, 0, 0, cst), Reason: "网站名称含有不规范用语"})
	fmt.Println(s.Status, s.Reason, filing.Allowed(s, user))
	s, _ = filing.Apply(s, filing.Event{Action: filing.ActionResubmit, Actor: user, At: time.Date(2026, 3, 6, 9, 0, 0, 0, cst)})
	fmt.Println(s.Status, len(s.History), "events")
	// Output:
	// lifecycle.wrong_actor R-10 自行备案用户不能办理“修改备案信息”（备案当前状态：接入商核验中）
	// bureau_review R-20 due 2026-03-30
	// working days left on 2026-03-20: 6
	// returned_to_user 网站名称含有不规范用语 [edit resubmit]
	// bureau_review 5 events
}
