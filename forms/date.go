package forms

import (
	"strconv"
	"strings"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

// Date is a civil date in China (the dates printed on the forms: 申请日期,
// 处理日期, 通知日期...): a calendar.Day under the forms' own name, so
// conversions are free both ways (calendar.Day(d), forms.Date(day)). The
// zero Date means "not filled in".
//
// It is a type of its own rather than an alias of calendar.Day for one
// reason: what it reads. calendar.Day's text is strict "2006-01-02"; a form
// is filled in by people, so Date also accepts "2006/1/2", "2006.1.2" and
// "2006年1月2日", in half- or full-width characters (ParseDate). What it
// writes is the same: JSON "2006-01-02", and "" for the zero Date.
type Date calendar.Day

// NewDate returns the civil date year-month-day. Out-of-range months and
// days are normalised like time.Date (2026-02-30 is 2026-03-02); a result
// outside years 1..9999 is the zero Date. Use calendar.NewDay to refuse
// such dates instead.
func NewDate(year int, month time.Month, day int) Date {
	return Date(calendar.DayOf(calendar.Date(year, month, day)))
}

// DateOf returns the civil date in China of the instant t
// (calendar.DayOf); the zero time gives the zero Date.
func DateOf(t time.Time) Date { return Date(calendar.DayOf(t)) }

// Day returns the date as a calendar.Day.
func (d Date) Day() calendar.Day { return calendar.Day(d) }

// Time returns midnight China Standard Time of the date (zero for the zero
// Date).
func (d Date) Time() time.Time { return calendar.Day(d).Time() }

// IsZero reports whether the date is not filled in.
func (d Date) IsZero() bool { return !calendar.Day(d).IsValid() }

// Before reports whether d is an earlier date than e.
func (d Date) Before(e Date) bool { return calendar.Day(d).Before(calendar.Day(e)) }

// After reports whether d is a later date than e.
func (d Date) After(e Date) bool { return calendar.Day(d).After(calendar.Day(e)) }

// Equal reports whether d and e are the same date (d == e).
func (d Date) Equal(e Date) bool { return d == e }

// String returns "2006-01-02", or "" for the zero Date.
func (d Date) String() string { return calendar.Day(d).String() }

// Chinese returns "2006年1月2日", as printed on the forms, or "".
func (d Date) Chinese() string {
	if d.IsZero() {
		return ""
	}
	y, m, dd := calendar.Day(d).Date()
	return strconv.Itoa(y) + "年" + strconv.Itoa(int(m)) + "月" + strconv.Itoa(dd) + "日"
}

// MarshalText returns "2006-01-02", or "" for the zero Date.
func (d Date) MarshalText() ([]byte, error) { return calendar.Day(d).MarshalText() }

// UnmarshalText accepts "2006-01-02", "2006/1/2", "2006.1.2" and
// "2006年1月2日", in half- or full-width characters; "" is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) > 64 {
		return problem(CodeJSONField, "", "", "date too long")
	}
	x, ok := ParseDate(string(b))
	if !ok {
		return problem(CodeJSONField, "", "", "date "+strconv.Quote(string(b))+" is not YYYY-MM-DD")
	}
	*d = x
	return nil
}

// ParseDate parses a civil date as UnmarshalText does; ok is false when s is
// not a valid calendar date (2025-02-29 is refused, not normalised: the date
// is built by calendar.NewDay).
func ParseDate(s string) (Date, bool) {
	s = filing.NormalizeText(s)
	if s == "" {
		return Date{}, true
	}
	s = strings.TrimSuffix(s, "日")
	s = strings.NewReplacer("年", "-", "月", "-", "/", "-", ".", "-").Replace(s)
	parts := strings.Split(s, "-")
	if len(parts) != 3 {
		return Date{}, false
	}
	var v [3]int
	for i, p := range parts {
		if p == "" || len(p) > 4 || (i > 0 && len(p) > 2) || (i == 0 && len(p) != 4) {
			return Date{}, false
		}
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return Date{}, false
		}
		v[i] = n
	}
	d, err := calendar.NewDay(v[0], time.Month(v[1]), v[2])
	if err != nil {
		return Date{}, false
	}
	return Date(d), true
}
