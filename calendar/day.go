package calendar

import (
	"strconv"
	"time"
)

// Day is a civil date in China: a day of the proleptic Gregorian calendar
// between 0001-01-01 and 9999-12-31, with no time of day and no time zone.
// It is the SDK's one type for the dates of the filing rules (birth dates,
// certificate validity, the dates printed on forms, the year of a record
// number), in the manner of net/netip.Addr: a small comparable value (a
// 32-bit day number), usable as a map key and with ==, whose zero value is
// not a date (IsValid reports false).
//
// An instant becomes a Day in China Standard Time (DayOf): 2024-09-30T16:30:00Z
// is 2024-10-01. A Day becomes an instant at its midnight CST (Time). The
// working-day API takes instants; give it d.Time() (IsWorkday(d.Time())),
// which maps back to d.
//
// # Text and JSON
//
// The text form is "2006-01-02" (String, MarshalText, AppendText); JSON goes
// through MarshalText, so a Day is a JSON string. The zero Day is "" both
// ways, as netip.Addr's zero value is: it marshals to "" and "" unmarshals
// to the zero Day, so an optional date survives a round trip (and
// `json:",omitzero"` leaves it out). ParseDay itself refuses "": a date was
// asked for.
//
// Parsing is strict: exactly "YYYY-MM-DD" in ASCII digits, a real date (no
// silent normalisation: 2023-02-29 is refused, not read as 2023-03-01), years
// 0001..9999. Full-width digits (２０２４－１０－０１), other separators and
// other layouts are refused, not folded: Day's text is a machine format.
// Input typed by people is normalised where it is read (forms.ParseDate,
// certno.ParseValidity) and then given to NewDay.
type Day struct {
	// n is the epoch day (days since 1970-01-01) minus dayBias: 1 for
	// 0001-01-01, 0 for the zero Day.
	n int32
}

// Epoch-day bounds of the Day range: daysFromCivil(1, 1, 1) and
// daysFromCivil(9999, 12, 31) (checked by a test).
const (
	firstEpochDay = -719162
	lastEpochDay  = 2932896
	dayBias       = firstEpochDay - 1
)

// dayFromEpoch returns the Day of epoch day z, or the zero Day outside
// 0001-01-01..9999-12-31.
func dayFromEpoch(z int64) Day {
	if z < firstEpochDay || z > lastEpochDay {
		return Day{}
	}
	return Day{int32(z - dayBias)}
}

// epoch returns d's epoch day; d must be valid.
func (d Day) epoch() int64 { return int64(d.n) + dayBias }

// NewDay returns the civil date year-month-day. Unlike time.Date and Date, it
// does not normalise: a day the month does not have (2023-02-29, 04-31), a
// month outside 1..12 or a year outside 1..9999 is an error (a *DayError
// wrapping ErrInvalidDay), and the Day is zero.
func NewDay(year int, month time.Month, day int) (Day, error) {
	switch {
	case year < 1 || year > 9999:
		return Day{}, &DayError{Pos: -1, Reason: "year outside 1..9999"}
	case month < time.January || month > time.December:
		return Day{}, &DayError{Pos: -1, Reason: "month outside 1..12"}
	case day < 1 || day > DaysIn(year, int(month)):
		return Day{}, &DayError{Pos: -1, Reason: "no such day in the month"}
	}
	return Day{int32(daysFromCivilAD(year, int(month), day) - dayBias)}, nil
}

// daysFromCivilAD is daysFromCivil for years 1..9999, where no floor
// division is needed: the hot path of NewDay and ParseDay.
func daysFromCivilAD(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	return int64(era*146097+yoe*365+yoe/4-yoe/100+doy) - 719468
}

// DayOf returns the civil date in China (China Standard Time, UTC+8) of the
// instant t: 2024-09-30T16:30:00Z gives 2024-10-01, whatever t's location.
// The zero time.Time, and an instant whose date in China is outside years
// 1..9999, give the zero Day.
func DayOf(t time.Time) Day {
	if t.IsZero() {
		return Day{}
	}
	// Seconds since 0001-01-01T00:00 CST; earlier instants wrap round to
	// huge values and fall out with the later ones.
	n := uint64(t.Unix()+cstOffset-firstEpochDay*secondsDay)/secondsDay + 1
	if n > lastEpochDay-dayBias {
		return Day{}
	}
	return Day{int32(n)}
}

// ParseDay parses a date in the form "2006-01-02" (see Day for what is
// refused). An error is a *DayError naming the byte offset of the first
// offending byte; it wraps ErrInvalidDay and does not repeat the input
// (a date may be a birth date).
func ParseDay(s string) (Day, error) {
	for i := range 10 {
		if i >= len(s) {
			return Day{}, &DayError{Pos: len(s), Reason: "too short: want YYYY-MM-DD"}
		}
		c := s[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return Day{}, &DayError{Pos: i, Reason: "want '-'"}
			}
		} else if c < '0' || c > '9' {
			return Day{}, &DayError{Pos: i, Reason: "want an ASCII digit"}
		}
	}
	if len(s) > 10 {
		return Day{}, &DayError{Pos: 10, Reason: "trailing characters after YYYY-MM-DD"}
	}
	y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	m := int(s[5]-'0')*10 + int(s[6]-'0')
	d := int(s[8]-'0')*10 + int(s[9]-'0')
	switch {
	case y < 1:
		return Day{}, &DayError{Pos: 0, Reason: "year 0000"}
	case m < 1 || m > 12:
		return Day{}, &DayError{Pos: 5, Reason: "month outside 01..12"}
	case d < 1 || d > DaysIn(y, m):
		return Day{}, &DayError{Pos: 8, Reason: "no such day in the month"}
	}
	return Day{int32(daysFromCivilAD(y, m, d) - dayBias)}, nil
}

// MustParseDay is ParseDay for constant input known to be valid, in tests
// and examples; it panics on an error.
func MustParseDay(s string) Day {
	d, err := ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsValid reports whether d is a date, i.e. not the zero Day.
func (d Day) IsValid() bool { return d.n != 0 }

// Date returns the year, month and day of d; zeros for the zero Day.
func (d Day) Date() (year int, month time.Month, day int) {
	if d.n == 0 {
		return 0, 0, 0
	}
	y, m, dd := civilFromDays(d.epoch())
	return int(y), time.Month(m), dd
}

// Year returns d's year (1..9999), 0 for the zero Day.
func (d Day) Year() int {
	y, _, _ := d.Date()
	return y
}

// Month returns d's month, 0 for the zero Day.
func (d Day) Month() time.Month {
	_, m, _ := d.Date()
	return m
}

// Day returns d's day of the month (1..31), 0 for the zero Day.
func (d Day) Day() int {
	_, _, dd := d.Date()
	return dd
}

// Weekday returns d's day of the week; time.Sunday (0) for the zero Day.
func (d Day) Weekday() time.Weekday {
	if d.n == 0 {
		return time.Sunday
	}
	return weekdayOf(d.epoch())
}

// AddDays returns the date n days after d (before it for n < 0). The zero
// Day stays zero, and a result outside 0001-01-01..9999-12-31 is the zero
// Day.
func (d Day) AddDays(n int) Day {
	if d.n == 0 {
		return Day{}
	}
	if n > lastEpochDay-firstEpochDay || n < firstEpochDay-lastEpochDay {
		return Day{}
	}
	return dayFromEpoch(d.epoch() + int64(n))
}

// DayOfClamped is DayOf for comparisons that must never meet the zero Day:
// the zero time and instants before 0001-01-01 in China give 0001-01-01,
// instants after 9999-12-31 give 9999-12-31.
func DayOfClamped(t time.Time) Day {
	if d := DayOf(t); d.n != 0 {
		return d
	}
	if t.IsZero() || t.Unix() < 0 {
		return Day{1}
	}
	return Day{int32(lastEpochDay - dayBias)}
}

// AddMonths returns the day n calendar months after d (before it for a
// negative n), clamped to the last day of a shorter month: 2026-01-31 plus
// one month is 2026-02-28, 2024-02-29 plus twelve is 2025-02-28. It returns
// the zero Day when d is the zero Day or the result falls outside years
// 1..9999. Validity periods and "more than N months" rules count
// months this way.
func (d Day) AddMonths(n int) Day {
	if d.n == 0 || n > 12*10000 || n < -12*10000 {
		return Day{}
	}
	y, m, dd := d.Date()
	months := y*12 + int(m) - 1 + n
	if months < 12 || months >= 12*10000 {
		return Day{}
	}
	y, m = months/12, time.Month(months%12+1)
	r, err := NewDay(y, m, min(dd, DaysIn(y, int(m))))
	if err != nil {
		return Day{}
	}
	return r
}

// Sub returns the number of days from e to d (d - e): positive when d is
// after e, so e.AddDays(d.Sub(e)) == d. It returns 0 when either is the zero
// Day.
func (d Day) Sub(e Day) int {
	if d.n == 0 || e.n == 0 {
		return 0
	}
	return int(d.n) - int(e.n)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e. The zero
// Day sorts before every date (as netip.Addr's zero value sorts first), so
// slices.SortFunc(days, Day.Compare) works on any Days.
func (d Day) Compare(e Day) int {
	switch {
	case d.n < e.n:
		return -1
	case d.n > e.n:
		return 1
	}
	return 0
}

// Before reports whether d is before e (see Compare for the zero Day).
func (d Day) Before(e Day) bool { return d.n < e.n }

// After reports whether d is after e (see Compare for the zero Day).
func (d Day) After(e Day) bool { return d.n > e.n }

// Time returns midnight China Standard Time of d, in Location(); the zero
// time.Time for the zero Day. DayOf(d.Time()) == d.
func (d Day) Time() time.Time {
	if d.n == 0 {
		return time.Time{}
	}
	return midnight(d.epoch())
}

// String returns d as "2006-01-02", or "" for the zero Day.
func (d Day) String() string {
	if d.n == 0 {
		return ""
	}
	var b [10]byte
	return string(d.appendTo(b[:0]))
}

// AppendText appends d's text form ("2006-01-02", nothing for the zero Day)
// to b; it implements encoding.TextAppender and never fails.
func (d Day) AppendText(b []byte) ([]byte, error) {
	if d.n == 0 {
		return b, nil
	}
	return d.appendTo(b), nil
}

func (d Day) appendTo(b []byte) []byte {
	y, m, dd := civilFromDays(d.epoch())
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// MarshalText implements encoding.TextMarshaler: "2006-01-02", or "" for the
// zero Day. It never fails.
func (d Day) MarshalText() ([]byte, error) {
	if d.n == 0 {
		return []byte{}, nil
	}
	return d.appendTo(make([]byte, 0, 10)), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: "" gives the zero Day,
// anything else must be what ParseDay accepts. On error d is unchanged.
func (d *Day) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Day{}
		return nil
	}
	if len(b) > 10 { // don't copy a long input into a string
		return &DayError{Pos: 10, Reason: "trailing characters after YYYY-MM-DD"}
	}
	x, err := ParseDay(string(b))
	if err != nil {
		return err
	}
	*d = x
	return nil
}

// DayError reports a date that NewDay, ParseDay or Day.UnmarshalText
// refuses. It wraps ErrInvalidDay, has the package's code, Chinese and
// English messages, and never carries the input (a date may be personal
// data).
type DayError struct {
	// Pos is the byte offset in the text of the first offending byte (the
	// length of the text when it is too short), or -1 for NewDay.
	Pos int
	// Reason says what is wrong, in English.
	Reason string
}

// ErrorCode returns CodeInvalidDay.
func (e *DayError) ErrorCode() string { return CodeInvalidDay }

// MessageZh returns the message for end users, in Chinese.
func (e *DayError) MessageZh() string { return ErrInvalidDay.zh }

// MessageEn returns the message for developers, naming the position and
// the reason.
func (e *DayError) MessageEn() string {
	if e.Pos < 0 {
		return ErrInvalidDay.en + ": " + e.Reason
	}
	return ErrInvalidDay.en + " at byte " + strconv.Itoa(e.Pos) + ": " + e.Reason
}

// Error returns "calendar.invalid_day: <english message>".
func (e *DayError) Error() string { return CodeInvalidDay + ": " + e.MessageEn() }

// Unwrap returns ErrInvalidDay.
func (e *DayError) Unwrap() error { return ErrInvalidDay }
