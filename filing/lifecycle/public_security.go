package lifecycle

import (
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

// CodePSOverdue is a public-security filing not made within 30 days of
// connection.
var CodePSOverdue = define("pubsec.overdue", "R-87",
	"公安联网备案已逾期：应自网络正式联通之日起30日内（%[1]s前）办理",
	"public-security filing overdue: due within 30 days of connection (by %[1]s)")

// PublicSecurityDays is the time limit of the public-security filing:
// within 30 days from the day the network is formally connected
// (公安部令第33号 Art. 12, R-87).
const PublicSecurityDays = 30

// PSCountdown is the public-security filing's time limit as of an instant,
// in calendar days on civil dates in China.
type PSCountdown struct {
	// Due is midnight CST of the last day allowed.
	Due time.Time `json:"due"`
	// Remaining is the calendar days in (today, Due]; 0 when due today or
	// overdue.
	Remaining int `json:"remaining"`
	// DueToday is true on the due date.
	DueToday bool `json:"due_today"`
	// Overdue is true after the due date; OverdueBy counts the days.
	Overdue   bool `json:"overdue"`
	OverdueBy int  `json:"overdue_by"`
}

// PublicSecurityDue returns the last day (midnight CST) to file with the
// public security organ for a network connected at connected: "自网络正式
// 联通之日起三十日内" read with the civil-law convention that the day of
// connection is not counted (民法典 第二百零一条), so the 30th day after the
// connection day. ok is false for a zero instant.
func PublicSecurityDue(connected time.Time) (due time.Time, ok bool) {
	if connected.IsZero() {
		return time.Time{}, false
	}
	y, m, d := connected.In(calendar.Location()).Date()
	return time.Date(y, m, d+PublicSecurityDays, 0, 0, 0, 0, calendar.Location()), true
}

// PublicSecurityCountdown returns the countdown of the public-security
// filing of a network connected at connected, as of now. ok is false
// for a zero connection instant.
func PublicSecurityCountdown(connected, now time.Time) (PSCountdown, bool) {
	due, ok := PublicSecurityDue(connected)
	if !ok {
		return PSCountdown{}, false
	}
	y, m, d := now.In(calendar.Location()).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, calendar.Location())
	days := int(due.Sub(today).Hours()+0.5) / 24
	if due.Before(today) {
		days = -int(today.Sub(due).Hours()+0.5) / 24
	}
	c := PSCountdown{Due: due}
	switch {
	case days > 0:
		c.Remaining = days
	case days == 0:
		c.DueToday = true
	default:
		c.Overdue, c.OverdueBy = true, -days
	}
	return c, true
}

// CheckPublicSecurity reports whether a website connected at connected
// (its first access) lacks its public-security number after the limit as of
// now: a *filing.Problem with CodePSOverdue, or nil. A number given
// is not checked here (see numbering.ParsePublicSecurity).
func CheckPublicSecurity(w filing.Website, now time.Time) error {
	if w.PublicSecurityNumber != "" {
		return nil
	}
	var first time.Time
	for _, a := range w.Access {
		if !a.Since.IsZero() && (first.IsZero() || a.Since.Before(first)) {
			first = a.Since
		}
	}
	c, ok := PublicSecurityCountdown(first, now)
	if !ok || !c.Overdue {
		return nil
	}
	return filing.NewProblem(CodePSOverdue, c.Due.Format(time.DateOnly))
}
