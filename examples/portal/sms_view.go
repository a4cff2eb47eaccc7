package main

import (
	"fmt"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/sms"
)

// smsView is the SMS verification step of the filing's current submission
// as of now, read from lifecycle.State.SMS and State.SMSCountdown:
// who was sent a code (masked), until when, the time left, wrong inputs and
// resends left, and how it ended.
type smsView struct {
	Sent      string
	Expires   string
	Remaining string // "23小时15分"; empty unless waiting
	Waiting   bool   // the code can still be entered
	Verified  bool
	Expired   bool // returned to the ISP: 24 hours ran out
	TooWrong  bool // returned to the ISP: 5 wrong inputs, then a sixth attempt
	Closed    string
	Mobiles   []filing.Phone // prints masked
	Pending   []filing.Phone // not verified yet, masked
	Resends   int
	Wrong     int // wrong inputs left
	WrongUsed int
	// Notice is the answer to the input just made ("" on a plain read).
	Notice     string
	NoticeLate bool
}

// newSMSView returns the SMS step of st as of now, or nil when the current
// submission has none.
func newSMSView(st lifecycle.State, now time.Time) *smsView {
	c, ok := st.SMSCountdown(now)
	if !ok {
		return nil
	}
	ver := st.SMS
	v := &smsView{Sent: cstTime(ver.SentAt), Expires: cstTime(c.Expires),
		Resends: c.ResendsLeft, Wrong: c.WrongInputsLeft, WrongUsed: ver.WrongInputs}
	for _, t := range ver.Targets {
		v.Mobiles = append(v.Mobiles, t.Mobile)
		if t.VerifiedAt.IsZero() {
			v.Pending = append(v.Pending, t.Mobile)
		}
	}
	if !ver.ClosedAt.IsZero() {
		v.Closed = cstTime(ver.ClosedAt)
	}
	switch c.Status {
	case sms.StatusWaiting:
		v.Waiting = true
		m := int(c.Remaining.Round(time.Minute) / time.Minute)
		v.Remaining = fmt.Sprintf("%d小时%d分", m/60, m%60)
	case sms.StatusVerified:
		v.Verified = true
	case sms.StatusReturnedTimeout:
		v.Expired = true
	case sms.StatusReturnedWrongInputs:
		v.TooWrong = true
	}
	return v
}
