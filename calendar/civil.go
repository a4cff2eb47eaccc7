package calendar

import "time"

// Civil-date arithmetic on "epoch days": the number of days since 1970-01-01
// in China Standard Time. No time zone database is involved.

const (
	cstOffset  = 8 * 3600 // seconds east of UTC
	secondsDay = 86400
)

// cst is China Standard Time, a fixed UTC+8 zone (China has had no daylight
// saving time since 1991).
var cst = time.FixedZone("CST", cstOffset)

var (
	minDay = daysFromCivil(1, 1, 1)
	maxDay = daysFromCivil(9999, 12, 31)
)

// Location returns the fixed UTC+8 "CST" zone in which this package maps
// instants to civil dates. Returned times are in this location.
func Location() *time.Location { return cst }

// Date returns midnight China Standard Time of the given civil date. Like
// time.Date, it normalises out-of-range months and days.
func Date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, cst)
}

// DateOf returns midnight China Standard Time of t's civil date in China:
// 2024-09-30T16:30:00Z is 2024-10-01 in China, so DateOf returns
// 2024-10-01T00:00:00+08:00. The zero time is returned unchanged.
func DateOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return midnight(floorDiv(t.Unix()+cstOffset, secondsDay))
}

// dayOf maps an instant to its epoch day in China Standard Time.
func dayOf(t time.Time) (int64, error) {
	if t.IsZero() {
		return 0, ErrZeroTime
	}
	s := t.Unix() + cstOffset
	d := s / secondsDay
	if s%secondsDay < 0 {
		d--
	}
	if d < minDay || d > maxDay {
		return 0, ErrOutOfRange
	}
	return d, nil
}

// midnight returns 00:00 CST of epoch day d.
func midnight(d int64) time.Time {
	return time.Unix(d*secondsDay-cstOffset, 0).In(cst)
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// daysFromCivil returns the epoch day of a proleptic Gregorian date
// (H. Hinnant's algorithm). m is 1..12, d 1..31.
func daysFromCivil(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := int64((153*mp+2)/5 + d - 1)
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int64) (y int64, m, d int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	if mp < 10 {
		m = int(mp + 3)
	} else {
		m = int(mp - 9)
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

func yearOf(z int64) int {
	y, _, _ := civilFromDays(z)
	return int(y)
}

// weekdayOf returns the weekday of epoch day z (1970-01-01 was a Thursday).
func weekdayOf(z int64) time.Weekday {
	w := (z + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

func isWeekend(z int64) bool {
	w := weekdayOf(z)
	return w == time.Saturday || w == time.Sunday
}

// wk returns the number of Monday–Friday days in [anchor, z) where anchor is
// Monday 1969-12-29 (epoch day -3); negative for z before the anchor. Only
// differences of wk are meaningful.
func wk(z int64) int64 {
	dp := z + 3
	weeks := floorDiv(dp, 7)
	r := dp - 7*weeks
	if r > 5 {
		r = 5
	}
	return 5*weeks + r
}

// wkInv returns the Monday–Friday day z with wk(z) == w (and wk(z+1) == w+1).
func wkInv(w int64) int64 {
	weeks := floorDiv(w, 5)
	r := w - 5*weeks
	return 7*weeks + r - 3
}

// parseDate parses a strict "YYYY-MM-DD" date into an epoch day (ParseDay).
func parseDate(s string) (int64, bool) {
	d, err := ParseDay(s)
	if err != nil {
		return 0, false
	}
	return d.epoch(), true
}

// DaysIn returns the number of days of month m (1-12) of year y in the
// proleptic Gregorian calendar: 29 for February of a leap year (divisible by
// 4, and by 400 for a century year). It returns 0 for a month outside 1-12.
func DaysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	case 1, 3, 5, 7, 8, 10, 12:
		return 31
	}
	return 0
}

// formatDate formats epoch day z as "YYYY-MM-DD" ("" outside years 1..9999).
func formatDate(z int64) string { return dayFromEpoch(z).String() }
