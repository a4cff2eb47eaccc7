package forms

import (
	"strconv"
	"strings"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

// Date is a civil date in China (the dates printed on the forms: 申请日期,
// 处理日期, 通知日期...). It is held as midnight China Standard Time, the
// SDK's date contract (calendar.Date / calendar.DateOf). The zero Date means
// "not filled in".
//
// JSON: "2006-01-02" (full-width digits and "2006年1月2日" are accepted on
// input); the zero Date encodes as "".
type Date struct{ t time.Time }

// NewDate returns the civil date year-month-day. Out-of-range months and
// days are normalised like time.Date.
func NewDate(year int, month time.Month, day int) Date {
	return Date{calendar.Date(year, month, day)}
}

// DateOf returns the civil date in China of the instant t; the zero time
// gives the zero Date.
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	return Date{calendar.DateOf(t)}
}

// Time returns midnight China Standard Time of the date (zero for the zero
// Date).
func (d Date) Time() time.Time { return d.t }

// IsZero reports whether the date is not filled in.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Before reports whether d is an earlier date than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is a later date than e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// Equal reports whether d and e are the same date.
func (d Date) Equal(e Date) bool { return d.t.Equal(e.t) }

// String returns "2006-01-02", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// Chinese returns "2006年1月2日", as printed on the forms, or "".
func (d Date) Chinese() string {
	if d.IsZero() {
		return ""
	}
	return strconv.Itoa(d.t.Year()) + "年" + strconv.Itoa(int(d.t.Month())) + "月" + strconv.Itoa(d.t.Day()) + "日"
}

// MarshalText returns "2006-01-02", or "" for the zero Date.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

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
// not a valid calendar date (2025-02-29 is rejected, not normalised).
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
	if v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 {
		return Date{}, false
	}
	d := NewDate(v[0], time.Month(v[1]), v[2])
	if d.t.Day() != v[2] || int(d.t.Month()) != v[1] {
		return Date{}, false
	}
	return d, true
}
