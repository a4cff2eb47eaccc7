package calendar_test

import (
	"encoding"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	_ encoding.TextMarshaler   = calendar.Day{}
	_ encoding.TextAppender    = calendar.Day{}
	_ encoding.TextUnmarshaler = (*calendar.Day)(nil)
)

// The zero Day is not a date, like netip.Addr{}.
func TestDayZeroValue(t *testing.T) {
	var z calendar.Day
	assert.False(t, z.IsValid())
	assert.Equal(t, "", z.String())
	y, m, d := z.Date()
	assert.Equal(t, [3]int{0, 0, 0}, [3]int{y, int(m), d})
	assert.Zero(t, z.Year())
	assert.True(t, z.Time().IsZero())
	assert.Equal(t, z, z.AddDays(1), "the zero Day stays zero")
	assert.Zero(t, z.Sub(calendar.MustParseDay("2024-10-01")))
	assert.Equal(t, z, calendar.DayOf(time.Time{}))
	assert.True(t, z.Before(calendar.MustParseDay("0001-01-01")), "the zero Day sorts first")
	b, err := z.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "", string(b))
}

// Leap days: a century year is a leap year only when divisible by 400.
func TestNewDayLeapDays(t *testing.T) {
	for _, tc := range []struct {
		y, m, d int
		ok      bool
	}{
		{2024, 2, 29, true}, {2023, 2, 29, false}, {2100, 2, 29, false}, {2000, 2, 29, true},
		{1900, 2, 29, false}, {2024, 2, 30, false}, {2024, 4, 31, false}, {2024, 4, 30, true},
		{2024, 12, 31, true}, {2024, 13, 1, false}, {2024, 0, 1, false}, {2024, 1, 0, false},
		{1, 1, 1, true}, {9999, 12, 31, true}, {0, 12, 31, false}, {10000, 1, 1, false}, {-1, 1, 1, false},
	} {
		d, err := calendar.NewDay(tc.y, time.Month(tc.m), tc.d)
		if !tc.ok {
			assert.ErrorIs(t, err, calendar.ErrInvalidDay, "%d-%d-%d", tc.y, tc.m, tc.d)
			assert.False(t, d.IsValid(), "%d-%d-%d", tc.y, tc.m, tc.d)
			continue
		}
		if assert.NoError(t, err, "%d-%d-%d", tc.y, tc.m, tc.d) {
			y, m, dd := d.Date()
			assert.Equal(t, [3]int{tc.y, tc.m, tc.d}, [3]int{y, int(m), dd})
		}
	}
}

func TestParseDay(t *testing.T) {
	for _, tc := range []struct {
		in  string
		pos int // -1: valid
	}{
		{"2024-02-29", -1}, {"2000-02-29", -1}, {"0001-01-01", -1}, {"9999-12-31", -1},
		{"2023-02-29", 8}, {"2100-02-29", 8}, {"2024-04-31", 8}, {"2024-01-00", 8},
		{"0000-01-01", 0}, {"2024-13-01", 5}, {"2024-00-01", 5},
		{"", 0}, {"2024-1-01", 6}, {"2024-01-1", 9}, {"20240101", 4}, {"2024/01/01", 4},
		{"2024-01-01T00:00:00Z", 10}, {" 2024-01-01", 0}, {"2024-01-01 ", 10}, {"+024-01-01", 0},
		// full-width digits and dash are refused, not folded (see Day)
		{"２０２４－１０－０１", 0}, {"2024－10－01", 4},
	} {
		d, err := calendar.ParseDay(tc.in)
		if tc.pos < 0 {
			if assert.NoError(t, err, tc.in) {
				assert.Equal(t, tc.in, d.String(), "round trip")
			}
			continue
		}
		var de *calendar.DayError
		if assert.ErrorAs(t, err, &de, tc.in) {
			assert.Equal(t, tc.pos, de.Pos, tc.in)
			assert.ErrorIs(t, err, calendar.ErrInvalidDay)
			assert.Equal(t, calendar.CodeInvalidDay, de.ErrorCode())
			assert.NotEmpty(t, de.MessageZh())
		}
		assert.False(t, d.IsValid(), tc.in)
	}
}

// A DayError does not repeat its input: a date may be a birth date.
func TestDayErrorHasNoInput(t *testing.T) {
	_, err := calendar.ParseDay("1987-02-30")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "1987")
	assert.NotContains(t, err.Error(), "02-30")
}

// An instant is a Day in China Standard Time, whatever its location.
func TestDayOfChinaStandardTime(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		ny = time.FixedZone("EDT", -4*3600)
	}
	for _, tc := range []struct {
		at   time.Time
		want string
	}{
		{time.Date(2024, 9, 30, 16, 30, 0, 0, time.UTC), "2024-10-01"},
		{time.Date(2024, 9, 30, 15, 59, 59, 999999999, time.UTC), "2024-09-30"},
		{time.Date(2024, 9, 30, 16, 0, 0, 0, time.UTC), "2024-10-01"},
		{time.Date(2024, 9, 30, 12, 30, 0, 0, ny), "2024-10-01"},
		{time.Date(2025, 12, 31, 16, 0, 0, 0, time.UTC), "2026-01-01"},
		{time.Date(1969, 12, 31, 15, 59, 59, 0, time.UTC), "1969-12-31"},
		{time.Date(1969, 12, 31, 16, 0, 0, 0, time.UTC), "1970-01-01"},
		{time.Date(0, 12, 31, 16, 0, 0, 0, time.UTC), "0001-01-01"},
		{time.Date(9999, 12, 31, 15, 59, 59, 0, time.UTC), "9999-12-31"},
		{time.Date(0, 12, 31, 15, 59, 59, 0, time.UTC), ""},  // 0000-12-31 in China
		{time.Date(9999, 12, 31, 16, 0, 0, 0, time.UTC), ""}, // 10000-01-01 in China
		{time.Unix(1<<62, 0), ""},
		{time.Unix(-1<<62, 0), ""},
		{time.Unix(1<<63-1, 999999999), ""},
		{time.Unix(-1<<63, 0), ""},
	} {
		d := calendar.DayOf(tc.at)
		assert.Equal(t, tc.want, d.String(), "%v", tc.at)
		if d.IsValid() {
			assert.Equal(t, d, calendar.DayOf(d.Time()), "DayOf(Time()) %v", tc.at)
			assert.Equal(t, calendar.DateOf(tc.at), d.Time(), "agrees with DateOf %v", tc.at)
		}
	}
}

func TestDayTimeIsMidnightCST(t *testing.T) {
	d := calendar.MustParseDay("2024-10-01")
	tm := d.Time()
	assert.Equal(t, time.Date(2024, 10, 1, 0, 0, 0, 0, calendar.Location()), tm)
	assert.Same(t, calendar.Location(), tm.Location())
	assert.Equal(t, "2024-09-30T16:00:00Z", tm.UTC().Format(time.RFC3339))
}

func TestDayArithmetic(t *testing.T) {
	d := calendar.MustParseDay("2024-02-28")
	assert.Equal(t, "2024-02-29", d.AddDays(1).String())
	assert.Equal(t, "2024-03-01", d.AddDays(2).String())
	assert.Equal(t, "2023-02-28", d.AddDays(-365).String())
	assert.Equal(t, "2025-02-28", d.AddDays(366).String())
	assert.Equal(t, 366, calendar.MustParseDay("2025-01-01").Sub(calendar.MustParseDay("2024-01-01")))
	assert.Equal(t, -365, calendar.MustParseDay("2023-01-01").Sub(calendar.MustParseDay("2024-01-01")))
	assert.Equal(t, 146097, calendar.MustParseDay("2400-01-01").Sub(calendar.MustParseDay("2000-01-01")), "400 years")

	first, last := calendar.MustParseDay("0001-01-01"), calendar.MustParseDay("9999-12-31")
	assert.False(t, first.AddDays(-1).IsValid(), "before year 1")
	assert.False(t, last.AddDays(1).IsValid(), "after year 9999")
	assert.Equal(t, last, first.AddDays(last.Sub(first)))
	assert.False(t, first.AddDays(int(^uint(0)>>1)).IsValid(), "huge n")
	assert.False(t, last.AddDays(-int(^uint(0)>>1)-1).IsValid(), "huge negative n")

	assert.Equal(t, time.Tuesday, calendar.MustParseDay("2024-10-01").Weekday())
	assert.Equal(t, time.Monday, calendar.MustParseDay("0001-01-01").Weekday())
	assert.Equal(t, time.Thursday, calendar.MustParseDay("1970-01-01").Weekday())
	assert.Equal(t, time.Friday, calendar.MustParseDay("9999-12-31").Weekday())
}

func TestDayCompare(t *testing.T) {
	a, b := calendar.MustParseDay("2024-09-30"), calendar.MustParseDay("2024-10-01")
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 1, b.Compare(a))
	assert.Equal(t, 0, a.Compare(calendar.MustParseDay("2024-09-30")))
	assert.True(t, a.Before(b))
	assert.False(t, b.Before(a))
	assert.True(t, b.After(a))
	assert.False(t, a.After(a))
	assert.True(t, a == calendar.DayOf(time.Date(2024, 9, 30, 23, 59, 0, 0, calendar.Location())), "comparable with ==")
	days := []calendar.Day{b, {}, a}
	slices.SortFunc(days, calendar.Day.Compare)
	assert.Equal(t, []calendar.Day{{}, a, b}, days)
	m := map[calendar.Day]int{a: 1}
	assert.Equal(t, 1, m[calendar.MustParseDay("2024-09-30")], "usable as a map key")
}

// Every day of years 1..9999 agrees with time.Date (slow reference) on its
// parts, weekday and text, and the round trips hold.
func TestDayAgreesWithTimeEveryDay(t *testing.T) {
	step := 1
	if testing.Short() {
		step = 97
	}
	first := calendar.MustParseDay("0001-01-01")
	ref := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
	for n := 0; ; n += step {
		d := first.AddDays(n)
		if !d.IsValid() {
			require.Equal(t, 10000, ref.AddDate(0, 0, n).Year(), "ran out at %d", n)
			break
		}
		r := ref.AddDate(0, 0, n)
		y, m, dd := d.Date()
		if y != r.Year() || m != r.Month() || dd != r.Day() || d.Weekday() != r.Weekday() {
			t.Fatalf("day %d: %04d-%02d-%02d %v, want %v", n, y, m, dd, d.Weekday(), r)
		}
		s := d.String()
		if s != r.Format(time.DateOnly) {
			t.Fatalf("day %d: %q", n, s)
		}
		if p, err := calendar.ParseDay(s); err != nil || p != d {
			t.Fatalf("ParseDay(%q) = %v, %v", s, p, err)
		}
		if d2, err := calendar.NewDay(y, m, dd); err != nil || d2 != d {
			t.Fatalf("NewDay(%q) = %v, %v", s, d2, err)
		}
		if calendar.DayOf(d.Time()) != d || calendar.DayOf(d.Time().Add(24*time.Hour-1)) != d {
			t.Fatalf("DayOf(Time()) %q", s)
		}
	}
}

type dayDoc struct {
	Birth    calendar.Day  `json:"birth"`
	Expires  calendar.Day  `json:"expires,omitzero"`
	Optional *calendar.Day `json:"optional,omitempty"`
}

// JSON goes through MarshalText: a string; the zero Day is "".
func TestDayJSON(t *testing.T) {
	b, err := json.Marshal(dayDoc{Birth: calendar.MustParseDay("2000-02-29")})
	require.NoError(t, err)
	assert.Equal(t, `{"birth":"2000-02-29"}`, string(b))

	b, err = json.Marshal(dayDoc{})
	require.NoError(t, err)
	assert.Equal(t, `{"birth":""}`, string(b))

	var d dayDoc
	require.NoError(t, json.Unmarshal([]byte(`{"birth":"","expires":"9999-12-31","optional":"0001-01-01"}`), &d))
	assert.False(t, d.Birth.IsValid())
	assert.Equal(t, "9999-12-31", d.Expires.String())
	require.NotNil(t, d.Optional)
	assert.Equal(t, "0001-01-01", d.Optional.String())

	for _, bad := range []string{`{"birth":"2023-02-29"}`, `{"birth":"２０２４－１０－０１"}`, `{"birth":"2024-10-01T00:00:00+08:00"}`, `{"birth":20241001}`} {
		err := json.Unmarshal([]byte(bad), &d)
		assert.Error(t, err, bad)
	}
	err = json.Unmarshal([]byte(`{"birth":"2023-02-29"}`), &d)
	assert.ErrorIs(t, err, calendar.ErrInvalidDay)
}

func TestDayTextRoundTrip(t *testing.T) {
	for _, s := range []string{"", "0001-01-01", "2024-02-29", "9999-12-31"} {
		var d calendar.Day
		require.NoError(t, d.UnmarshalText([]byte(s)), s)
		b, err := d.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, s, string(b))
		b, err = d.AppendText([]byte("x"))
		require.NoError(t, err)
		assert.Equal(t, "x"+s, string(b))
	}
	d := calendar.MustParseDay("2024-10-01")
	err := d.UnmarshalText([]byte("2023-02-29"))
	assert.ErrorIs(t, err, calendar.ErrInvalidDay)
	assert.Equal(t, "2024-10-01", d.String(), "unchanged on error")
	err = d.UnmarshalText([]byte("2024-10-01 and a long tail"))
	var de *calendar.DayError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, 10, de.Pos)
}

func TestMustParseDayPanics(t *testing.T) {
	assert.Panics(t, func() { calendar.MustParseDay("2023-02-29") })
}

// The working-day API takes d.Time(), which maps back to d.
func TestDayWithWorkdays(t *testing.T) {
	c := calendar.Default()
	ok, err := c.IsWorkday(calendar.MustParseDay("2024-10-01").Time())
	require.NoError(t, err)
	assert.False(t, ok, "National Day")
	due, err := c.AddWorkdays(calendar.MustParseDay("2024-09-27").Time(), 1)
	require.NoError(t, err)
	assert.Equal(t, "2024-09-29", calendar.DayOf(due).String(), "a makeup Sunday")
}

// TestR84_DayAddMonths: months are added on the calendar, clamped to the
// last day of a shorter month, and nothing is normalised across a year
// bound.
func TestR84_DayAddMonths(t *testing.T) {
	for _, c := range []struct {
		from string
		n    int
		want string
	}{
		{"2026-01-31", 1, "2026-02-28"},
		{"2024-01-31", 1, "2024-02-29"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2026-11-30", 3, "2027-02-28"},
		{"2026-03-05", 3, "2026-06-05"},
		{"2026-03-31", -1, "2026-02-28"},
		{"2026-12-15", 1, "2027-01-15"},
		{"2026-01-15", -13, "2024-12-15"},
		{"9999-12-01", 0, "9999-12-01"},
		{"9999-12-01", 1, ""},
		{"0001-01-31", -1, ""},
		{"2026-01-01", 1 << 40, ""},
	} {
		d := calendar.MustParseDay(c.from)
		assert.Equal(t, c.want, d.AddMonths(c.n).String(), "%s %+d", c.from, c.n)
	}
	assert.False(t, calendar.Day{}.AddMonths(1).IsValid(), "the zero Day stays zero")
}

// TestDayOfClamped: outside years 1..9999 the first or the last Day, never
// the zero Day.
func TestDayOfClamped(t *testing.T) {
	assert.Equal(t, "0001-01-01", calendar.DayOfClamped(time.Time{}).String())
	assert.Equal(t, "0001-01-01", calendar.DayOfClamped(time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC)).String())
	assert.Equal(t, "9999-12-31", calendar.DayOfClamped(time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)).String())
	assert.Equal(t, "2024-10-01", calendar.DayOfClamped(time.Date(2024, 9, 30, 16, 30, 0, 0, time.UTC)).String())
}
