package main

import (
	"fmt"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
)

// smsView is the MIIT SMS verification step as of now: the code is
// sent to the responsible persons when the ISP submits the filing to the
// bureau and must be entered within 24 hours at beian.miit.gov.cn. The
// portal does not see the inputs (the MIIT page takes them), so it shows
// the window, who was sent a code (masked) and the limits.
type smsView struct {
	Sent      string
	Expires   string
	Remaining string // "23小时15分"
	Expired   bool
	Mobiles   []filing.Phone // prints masked
	Resends   int
	Wrong     int
}

// newSMSView returns the SMS step of a filing under bureau review, or nil.
func newSMSView(e *entry, now time.Time) *smsView {
	st, f := e.State, e.Filing
	if st.Status != filing.StatusBureauReview || st.ReviewFrom.IsZero() || len(f.Websites) == 0 {
		return nil
	}
	roles, _ := lifecycle.SMSRecipients(lifecycle.SMSNewFiling)
	var people []lifecycle.SMSPerson
	for _, r := range roles {
		p := f.Subject.Principal
		if r == lifecycle.RoleWebsitePrincipal {
			p = f.Websites[0].Principal
		}
		people = append(people, lifecycle.SMSPerson{Role: r, Person: p})
	}
	sms, err := lifecycle.NewSMS(st.ReviewFrom, people)
	if err != nil {
		return nil
	}
	c := sms.Countdown(now)
	v := &smsView{Sent: cstTime(sms.SentAt), Expires: cstTime(c.Expires), Expired: c.Expired,
		Resends: c.ResendsLeft, Wrong: c.WrongInputsLeft}
	for _, t := range sms.Targets {
		v.Mobiles = append(v.Mobiles, t.Mobile)
	}
	if !c.Expired {
		m := int(c.Remaining.Round(time.Minute) / time.Minute)
		v.Remaining = fmt.Sprintf("%d小时%d分", m/60, m%60)
	}
	return v
}
