package calendar_test

import (
	"errors"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
)

// FuzzParseDay checks ParseDay and Day.UnmarshalText against time.Parse as a
// slow reference: they accept exactly the "YYYY-MM-DD" dates of years
// 1..9999 that time.Parse(time.DateOnly) accepts, give the same date, and
// the accepted text is the Day's text (one spelling per date). A refusal is
// a *DayError with a position inside the input, and never panics.
func FuzzParseDay(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2023-02-29", "2100-02-29", "2000-02-29", "0000-01-01", "0001-01-01",
		"9999-12-31", "２０２４－１０－０１", "2024-1-1", "", "2024-10-01T00:00:00Z", "+024-10-01", "2024-10-0\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := calendar.ParseDay(s)
		ref, rerr := time.Parse(time.DateOnly, s)
		refOK := rerr == nil && ref.Year() >= 1 && len(s) == 10
		if err != nil {
			var de *calendar.DayError
			if !errors.As(err, &de) || !errors.Is(err, calendar.ErrInvalidDay) || de.Pos < 0 || de.Pos > len(s) {
				t.Fatalf("ParseDay(%q): bad error %#v", s, err)
			}
			if d.IsValid() {
				t.Fatalf("ParseDay(%q): error and a Day", s)
			}
			if refOK {
				t.Fatalf("ParseDay(%q) refused what time.Parse reads as %v: %v", s, ref, err)
			}
		} else {
			if !refOK {
				t.Fatalf("ParseDay(%q) = %v, time.Parse: %v", s, d, rerr)
			}
			y, m, dd := d.Date()
			if y != ref.Year() || m != ref.Month() || dd != ref.Day() || d.Weekday() != ref.Weekday() {
				t.Fatalf("ParseDay(%q) = %v, time.Parse %v", s, d, ref)
			}
			if d.String() != s {
				t.Fatalf("ParseDay(%q).String() = %q", s, d.String())
			}
		}
		var u calendar.Day
		uerr := u.UnmarshalText([]byte(s))
		switch {
		case s == "":
			if uerr != nil || u.IsValid() {
				t.Fatalf(`UnmarshalText("") = %v, %v`, u, uerr)
			}
		case (uerr == nil) != (err == nil) || u != d:
			t.Fatalf("UnmarshalText(%q) = %v, %v; ParseDay %v, %v", s, u, uerr, d, err)
		}
		b, merr := u.MarshalText()
		if merr != nil || (uerr == nil && string(b) != s) {
			t.Fatalf("MarshalText after UnmarshalText(%q) = %q, %v", s, b, merr)
		}
	})
}

// FuzzDayOf checks DayOf against time.In(Location()).Date() for any instant.
func FuzzDayOf(f *testing.F) {
	for _, sec := range []int64{0, 1727713800, -62135596800, -62135625600, 253402271999, 253402272000, 1 << 62, -1 << 63} {
		f.Add(sec, int64(0))
	}
	f.Fuzz(func(t *testing.T, sec, nsec int64) {
		at := time.Unix(sec, nsec)
		d := calendar.DayOf(at)
		y, m, dd := at.In(calendar.Location()).Date()
		if at.IsZero() || y < 1 || y > 9999 {
			if d.IsValid() {
				t.Fatalf("DayOf(%v) = %v, want the zero Day", at, d)
			}
			return
		}
		if gy, gm, gd := d.Date(); gy != y || gm != m || gd != dd {
			t.Fatalf("DayOf(%v) = %v, want %04d-%02d-%02d", at, d, y, m, dd)
		}
	})
}
