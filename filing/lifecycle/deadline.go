package lifecycle

import (
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sms"
)

// Review is a province's bureau-review limit as a province
// table gives it (filing.RuleReviewLimit rows).
type Review struct {
	// Kind is the named limit of package calendar the review is:
	// calendar.JiangxiReviewR21 for a limit counted from the verification
	// form's arrival, else calendar.ReviewR20. It labels the limit
	// (rule ID, names); Workdays, not Kind.Workdays, is its length.
	Kind calendar.DeadlineKind `json:"kind"`
	// Workdays is the limit in working days: the table's figure.
	Workdays int `json:"workdays"`
	// FromForm is true when the limit counts from the day the
	// verification form reaches the bureau (filing.ReviewFromForm), not
	// from the ISP's submission.
	FromForm bool `json:"from_form"`
}

// ReviewOf returns the bureau-review limit of a province (a GB/T 2260 code)
// in a province table at instant at: the province's filing.RuleReviewLimit
// row, else the national one. In the default table: 15 working days from
// the arrival of the verification form in Jiangxi (R-21, 江西省通信管理局
// 用户典型问题指南 (四)1), 20 working days after the ISP's submission
// elsewhere. A table without a row gives R-20's 20 working days from
// the submission.
func ReviewOf(rules filing.ProvinceRules, province string, at time.Time) Review {
	row, ok := rules.Lookup(province, filing.RuleReviewLimit, at)
	if !ok {
		return Review{Kind: calendar.ReviewR20, Workdays: calendar.ReviewR20.Workdays()}
	}
	if row.Policy == filing.ReviewFromForm {
		return Review{Kind: calendar.JiangxiReviewR21, Workdays: row.Value, FromForm: true}
	}
	return Review{Kind: calendar.ReviewR20, Workdays: row.Value}
}

// ReviewLimit returns the named bureau-review limit of a subject's province
// (a GB/T 2260 code) in the default province table: ReviewOf's Kind, whose
// Workdays the default table agrees with (15 working days from the arrival
// of the verification form in Jiangxi, R-21; 20 working days after the ISP's
// submission elsewhere, R-20). Use ReviewOf for a caller's table.
func ReviewLimit(province string) calendar.DeadlineKind {
	return ReviewOf(filing.DefaultProvinceRules(), province, time.Now()).Kind
}

// Countdown is the time limit running on a filing as of an instant:
// which limit (Kind, Rule) of how many working days (Workdays, the province
// table's figure for a review), counted from when (From), and the countdown
// from package calendar (due date, remaining working days, overdue).
type Countdown struct {
	Kind     calendar.DeadlineKind `json:"kind"`
	Rule     string                `json:"rule"`
	Workdays int                   `json:"workdays"`
	From     time.Time             `json:"from"`
	calendar.Countdown
}

// deadline returns the limit running on s under a province table: its
// kind, its length in working days, and the instant it counts from.
//
//   - Only a filing under bureau review has one.
//   - An added website (sms.NewWebsite) whose verification form has not
//     arrived: the form is due within 7 working days of the ISP's
//     submission; without it the website is not reviewed.
//   - An added website whose form has arrived, and any filing of a
//     province whose review counts from the form (Review.FromForm; Jiangxi
//     in the default table): the review clock counts from the later of the
//     submission to the bureau and the form's arrival; in Jiangxi the ISP's
//     pass is the day the form reaches the bureau unless a later arrival is
//     recorded (江西省通信管理局 用户典型问题指南 (四)1). The length is the
//     table's: Jiangxi 15 working days, elsewhere 20.
//   - Any other filing: the province's review limit from the ISP's
//     submission or the resubmission after a return.
func (s State) deadline(rules filing.ProvinceRules) (calendar.DeadlineKind, int, time.Time, bool) {
	if s.Status != filing.StatusBureauReview || s.ReviewFrom.IsZero() {
		return 0, 0, time.Time{}, false
	}
	if s.Type == sms.NewWebsite && s.FormAt.IsZero() {
		return calendar.VerificationFormR23, calendar.VerificationFormR23.Workdays(), s.ReviewFrom, true
	}
	review := ReviewOf(rules, s.Province, s.ReviewFrom)
	from := s.ReviewFrom
	if (s.Type == sms.NewWebsite || review.FromForm) && s.FormAt.After(from) {
		from = s.FormAt
	}
	return review.Kind, review.Workdays, from, true
}

// Due returns the due date (midnight CST of the last day allowed) of the
// limit running on s, its kind, and ok=false when no limit runs, under the
// default province table (DueWith takes a caller's). A nil cal is
// calendar.Default(). err wraps calendar.ErrNotPublished when the due date
// falls in a year whose holiday schedule is not published yet.
func (s State) Due(cal *calendar.Calendar) (due time.Time, kind calendar.DeadlineKind, ok bool, err error) {
	return s.DueWith(cal, filing.DefaultProvinceRules())
}

// DueWith is Due under a caller's province table: the review limit's
// length and where it counts from are the table's filing.RuleReviewLimit
// rows (ReviewOf, read at the submission).
func (s State) DueWith(cal *calendar.Calendar, rules filing.ProvinceRules) (due time.Time, kind calendar.DeadlineKind, ok bool, err error) {
	kind, n, from, ok := s.deadline(rules)
	if !ok {
		return time.Time{}, 0, false, nil
	}
	if cal == nil {
		cal = calendar.Default()
	}
	due, err = cal.AddWorkdays(from, n)
	if err != nil {
		return time.Time{}, kind, true, err
	}
	return due, kind, true, nil
}

// Countdown reports the limit running on s as of now under the default
// province table (CountdownWith takes a caller's): remaining working days,
// due today, or overdue by how many working days. ok is false when no limit
// runs. A nil cal is calendar.Default().
//
// When the count fails (err wraps calendar.ErrNotPublished when the due date
// or now falls in a year without a published schedule), Kind, Rule, Workdays
// and From still say which limit runs and since when, so that a portal can
// tell the user which limit it cannot count yet. If the due date itself could
// be computed, the Countdown part holds what the dates decide (Due, DueToday,
// Overdue; see calendar.Calendar.Remaining); otherwise it is zero.
func (s State) Countdown(cal *calendar.Calendar, now time.Time) (Countdown, bool, error) {
	return s.CountdownWith(cal, filing.DefaultProvinceRules(), now)
}

// CountdownWith is Countdown under a caller's province table (see DueWith).
func (s State) CountdownWith(cal *calendar.Calendar, rules filing.ProvinceRules, now time.Time) (Countdown, bool, error) {
	if cal == nil {
		cal = calendar.Default()
	}
	kind, n, from, ok := s.deadline(rules)
	if !ok {
		return Countdown{}, false, nil
	}
	dc := Countdown{Kind: kind, Rule: kind.RuleID(), Workdays: n, From: from}
	due, err := cal.AddWorkdays(from, n)
	if err != nil {
		return dc, true, err
	}
	cd, err := cal.Remaining(due, now)
	dc.Countdown = cd
	return dc, true, err
}
