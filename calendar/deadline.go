package calendar

import "time"

// DeadlineKind names a statutory time limit of the ICP filing rules counted
// in working days (rules R-20..R-23). Every limit counts from the day after
// the triggering event; the due date returned by Deadline is the last day on
// which the act is still in time.
//
// The kinds carry the figures of the rules. Which review limit applies in a
// province, and how many working days it runs there, is a row of package
// filing's province table, read by package filing/lifecycle
// (lifecycle.ReviewOf); the default table agrees with ReviewR20 and
// JiangxiReviewR21.
type DeadlineKind int

// The named deadlines.
const (
	// ReviewR20: the bureau reviews a filing within 20 working days
	// after the ISP has verified and submitted it (also the statutory limit of
	// MIIT Order No. 33). From: the day the ISP submitted.
	ReviewR20 DeadlineKind = iota + 1
	// JiangxiReviewR21: Jiangxi's review limit, 15 working days from
	// the day the verification form reaches the bureau. From: that day.
	JiangxiReviewR21
	// ApplicationR22: the bureau answers a password, cancellation or
	// deletion application within 5 working days of receipt. From: the day of
	// receipt.
	ApplicationR22
	// VerificationFormR23 (R-23 ): the verification form of a
	// website added under an existing subject must reach the bureau within 7
	// working days. From: the day the website was added (submitted by the ISP).
	VerificationFormR23
)

type deadlineSpec struct {
	rule     string
	workdays int
	zh, en   string
}

var deadlineSpecs = [...]deadlineSpec{
	ReviewR20:           {"R-20", 20, "备案审核期限", "filing review by the bureau"},
	JiangxiReviewR21:    {"R-21", 15, "江西省备案审核期限", "Jiangxi filing review"},
	ApplicationR22:      {"R-22", 5, "找回密码、注销、删除申请办理期限", "password / cancellation / deletion application"},
	VerificationFormR23: {"R-23", 7, "新增网站核验单提交期限", "verification form of an added website"},
}

// DeadlineKinds returns all declared deadline kinds, in rule order.
func DeadlineKinds() []DeadlineKind {
	return []DeadlineKind{ReviewR20, JiangxiReviewR21, ApplicationR22, VerificationFormR23}
}

// Valid reports whether k is one of the declared kinds.
func (k DeadlineKind) Valid() bool { return k >= ReviewR20 && k <= VerificationFormR23 }

// RuleID returns the rule ID, e.g. "R-20" ("" for an invalid kind).
func (k DeadlineKind) RuleID() string {
	if !k.Valid() {
		return ""
	}
	return deadlineSpecs[k].rule
}

// Workdays returns the length of the limit in working days (0 for an invalid kind).
func (k DeadlineKind) Workdays() int {
	if !k.Valid() {
		return 0
	}
	return deadlineSpecs[k].workdays
}

// NameZh returns the Chinese name, e.g. "备案审核期限".
func (k DeadlineKind) NameZh() string {
	if !k.Valid() {
		return ""
	}
	return deadlineSpecs[k].zh
}

// NameEn returns the English name, e.g. "filing review by the bureau".
func (k DeadlineKind) NameEn() string {
	if !k.Valid() {
		return ""
	}
	return deadlineSpecs[k].en
}

// String returns e.g. "R-20 filing review by the bureau (20 working days)".
func (k DeadlineKind) String() string {
	if !k.Valid() {
		return "DeadlineKind(invalid)"
	}
	s := deadlineSpecs[k]
	return s.rule + " " + s.en + " (" + itoa(s.workdays) + " working days)"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// Deadline returns the due date (midnight CST) of the time limit kind for an
// event on from's civil date: AddWorkdays(from, kind.Workdays()). The due
// date is the last day allowed. A due date counted through a provisional
// year is provisional: DeadlineOf says so.
func (c *Calendar) Deadline(kind DeadlineKind, from time.Time) (time.Time, error) {
	if !kind.Valid() {
		return time.Time{}, ErrUnknownDeadline
	}
	return c.AddWorkdays(from, deadlineSpecs[kind].workdays)
}

// Due is the due date of a time limit and how it was computed.
type Due struct {
	Kind DeadlineKind
	From time.Time // midnight CST of the event's date
	Date time.Time // midnight CST of the due date, the last day allowed
	// Provisional is true when the working days were counted through a
	// year without a published schedule, from its provisional schedule
	// the date may move when the State Council's notice is
	// published. Show NoteZh with the date.
	Provisional bool
	// Fallback is true when they were counted with the Monday–Friday rule
	// of WithWeekendFallback.
	Fallback bool
}

// NoteZh returns ProvisionalNoteZh for a provisional due date, else "".
func (d Due) NoteZh() string {
	if d.Provisional {
		return ProvisionalNoteZh
	}
	return ""
}

// String returns e.g. "R-20 due 2027-01-06 (provisional)".
func (d Due) String() string {
	s := d.Kind.RuleID() + " due " + d.Date.Format("2006-01-02")
	if d.Provisional {
		s += " (provisional)"
	}
	if d.Fallback {
		s += " (fallback)"
	}
	return s
}

// DeadlineOf is Deadline with the provenance of the answer: the due date of
// the time limit kind for an event on from's civil date, and whether it is
// provisional or fallback.
func (c *Calendar) DeadlineOf(kind DeadlineKind, from time.Time) (Due, error) {
	if !kind.Valid() {
		return Due{}, ErrUnknownDeadline
	}
	d, err := dayOf(from)
	if err != nil {
		return Due{}, err
	}
	e, err := c.addDays(d, deadlineSpecs[kind].workdays)
	if err != nil {
		return Due{}, err
	}
	return Due{
		Kind:        kind,
		From:        midnight(d),
		Date:        midnight(e),
		Provisional: c.provisionalIn(d+1, e),
		Fallback:    c.fallback && c.firstGap(d+1, e) != 0,
	}, nil
}

// Countdown is the state of a time limit as of a given day.
//
// The due date is the last day allowed. As of a day D (now's civil date):
//   - D before the due date: Remaining = working days in (D, due], i.e. the
//     full working days still left after today; on the day of the event
//     itself Remaining equals the limit (20 for R-20).
//   - D equal to the due date: DueToday, Remaining = 0, not overdue.
//   - D after the due date: Overdue, OverdueBy = working days in (due, D]
//     (0 when only non-working days have passed since the due date, e.g. a
//     Friday deadline checked on Saturday: overdue, by 0 working days).
type Countdown struct {
	Due       time.Time // midnight CST of the due date
	AsOf      time.Time // midnight CST of now's civil date
	Remaining int       // working days in (AsOf, Due]; 0 when due today or overdue
	DueToday  bool      // AsOf is the due date
	Overdue   bool      // AsOf is after the due date
	OverdueBy int       // working days in (Due, AsOf] when overdue, else 0
	// Fallback is true when the count used the weekend fallback for a year
	// without a published schedule.
	Fallback bool
	// Provisional is true when a day from AsOf to Due (inclusive, so also a
	// due date in a provisional year) lies in a year without a published
	// schedule, counted from its provisional schedule: the counts and
	// the due date may move when the State Council's notice is published.
	// Show NoteZh with the countdown.
	Provisional bool
}

// NoteZh returns ProvisionalNoteZh for a provisional countdown, else "".
func (cd Countdown) NoteZh() string {
	if cd.Provisional {
		return ProvisionalNoteZh
	}
	return ""
}

// Remaining computes the countdown of a time limit with due date due as of
// now (both mapped to their civil dates in China). A count through a
// provisional year has Countdown.Provisional set. It fails with an
// error wrapping ErrNotPublished when the working days between the two dates
// cannot be counted; the countdown it returns with that error still holds
// what the dates alone decide (Due, AsOf, DueToday, Overdue), with the
// working-day counts Remaining and OverdueBy left 0.
func (c *Calendar) Remaining(due, now time.Time) (Countdown, error) {
	dd, err := dayOf(due)
	if err != nil {
		return Countdown{}, err
	}
	dn, err := dayOf(now)
	if err != nil {
		return Countdown{}, err
	}
	cd := Countdown{Due: midnight(dd), AsOf: midnight(dn), DueToday: dn == dd, Overdue: dn > dd}
	lo, hi := min(dn, dd), max(dn, dd)
	cd.Provisional = c.provisionalIn(lo, hi)
	n, err := c.WorkdaysBetween(cd.AsOf, cd.Due)
	if err != nil {
		return cd, err
	}
	switch {
	case dn < dd:
		cd.Remaining = n
	case dn > dd:
		cd.OverdueBy = -n
	}
	if c.fallback {
		cd.Fallback = c.firstGap(lo+1, hi) != 0
	}
	return cd, nil
}
