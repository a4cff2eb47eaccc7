package lifecycle

import (
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sms"
)

// provinceJiangxi is the GB/T 2260 code of Jiangxi, whose bureau reviews
// within 15 working days from the arrival of the verification form.
const provinceJiangxi = "36"

// ReviewLimit returns the bureau-review limit of a subject's province (a
// GB/T 2260 code): 15 working days from the arrival of the verification
// form in Jiangxi (R-21, 江西省通信管理局 用户典型问题指南 (四)1), 20 working days after the ISP's
// submission elsewhere.
func ReviewLimit(province string) calendar.DeadlineKind {
	if province == provinceJiangxi {
		return calendar.JiangxiReviewR21
	}
	return calendar.ReviewR20
}

// Countdown is the time limit running on a filing as of an instant:
// which limit (Kind, Rule), counted from when (From), and the countdown
// from package calendar (due date, remaining working days, overdue).
type Countdown struct {
	Kind calendar.DeadlineKind `json:"kind"`
	Rule string                `json:"rule"`
	From time.Time             `json:"from"`
	calendar.Countdown
}

// deadline returns the limit running on s and the instant it counts from.
//
//   - Only a filing under bureau review has one.
//   - An added website (sms.NewWebsite) whose verification form has not
//     arrived: the form is due within 7 working days of the ISP's
//     submission; without it the website is not reviewed.
//   - An added website whose form has arrived, and any filing of a Jiangxi
//     subject (province 36): the review clock counts from the later of the
//     submission to the bureau and the form's arrival; in Jiangxi the ISP's
//     pass is the day the form reaches the bureau unless a later arrival is
//     recorded (江西省通信管理局 用户典型问题指南 (四)1). Jiangxi: 15 working days, elsewhere
//     20.
//   - Any other filing: 20 working days from the ISP's submission or the
//     resubmission after a return.
func (s State) deadline() (calendar.DeadlineKind, time.Time, bool) {
	if s.Status != filing.StatusBureauReview || s.ReviewFrom.IsZero() {
		return 0, time.Time{}, false
	}
	review := ReviewLimit(s.Province)
	if s.Type == sms.NewWebsite && s.FormAt.IsZero() {
		return calendar.VerificationFormR23, s.ReviewFrom, true
	}
	from := s.ReviewFrom
	if (s.Type == sms.NewWebsite || review == calendar.JiangxiReviewR21) && s.FormAt.After(from) {
		from = s.FormAt
	}
	return review, from, true
}

// Due returns the due date (midnight CST of the last day allowed) of the
// limit running on s, its kind, and ok=false when no limit runs. A nil cal
// is calendar.Default(). err wraps calendar.ErrNotPublished when the due
// date falls in a year whose holiday schedule is not published yet.
func (s State) Due(cal *calendar.Calendar) (due time.Time, kind calendar.DeadlineKind, ok bool, err error) {
	kind, from, ok := s.deadline()
	if !ok {
		return time.Time{}, 0, false, nil
	}
	if cal == nil {
		cal = calendar.Default()
	}
	due, err = cal.Deadline(kind, from)
	if err != nil {
		return time.Time{}, kind, true, err
	}
	return due, kind, true, nil
}

// Countdown reports the limit running on s as of now: remaining working
// days, due today, or overdue by how many working days. ok is false when no
// limit runs. A nil cal is calendar.Default().
//
// When the count fails (err wraps calendar.ErrNotPublished when the due date
// or now falls in a year without a published schedule), Kind, Rule and From
// still say which limit runs and since when, so that a portal can tell the
// user which limit it cannot count yet. If the due date itself could be
// computed, the Countdown part holds what the dates decide (Due, DueToday,
// Overdue; see calendar.Calendar.Remaining); otherwise it is zero.
func (s State) Countdown(cal *calendar.Calendar, now time.Time) (Countdown, bool, error) {
	if cal == nil {
		cal = calendar.Default()
	}
	kind, from, ok := s.deadline()
	if !ok {
		return Countdown{}, false, nil
	}
	dc := Countdown{Kind: kind, Rule: kind.RuleID(), From: from}
	due, err := cal.Deadline(kind, from)
	if err != nil {
		return dc, true, err
	}
	cd, err := cal.Remaining(due, now)
	dc.Countdown = cd
	return dc, true, err
}
