package calendar

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// naive is a reference implementation stepping day by day through Day.
type naive struct{ c *Calendar }

func (r naive) isWork(z int64) (bool, error) {
	info, err := r.c.Day(midnight(z))
	return info.Workday, err
}

func (r naive) add(d int64, n int) (int64, error) {
	z := d
	for n > 0 {
		z++
		w, err := r.isWork(z)
		if err != nil {
			return 0, err
		}
		if w {
			n--
		}
	}
	return z, nil
}

func (r naive) between(a, b int64) (int, error) {
	sign := 1
	if b < a {
		a, b, sign = b, a, -1
	}
	n := 0
	for z := a + 1; z <= b; z++ {
		w, err := r.isWork(z)
		if err != nil {
			return 0, err
		}
		if w {
			n++
		}
	}
	return sign * n, nil
}

func TestIsWorkday_MatchesDayForEveryDay(t *testing.T) {
	c := Default()
	first, last := c.Years()
	for z := daysFromCivil(int64(first), 1, 1); z <= daysFromCivil(int64(last), 12, 31); z++ {
		info, err := c.Day(midnight(z))
		if err != nil {
			t.Fatal(err)
		}
		w, err := c.IsWorkday(midnight(z))
		if err != nil || w != info.Workday || info.Fallback {
			t.Fatalf("%s: IsWorkday %v %v, Day %+v", formatDate(z), w, err, info)
		}
		if info.Kind == KindWeekend && !isWeekend(z) || info.Kind == KindWorkday && isWeekend(z) {
			t.Fatalf("%s: kind %s on a %s", formatDate(z), info.Kind, weekdayOf(z))
		}
	}
}

func TestAddWorkdays_Examples(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		from string
		n    int
		want string
	}{
		{"2024-09-27", 0, "2024-09-27"},
		{"2024-09-27", 1, "2024-09-29"}, // Sunday makeup workday
		{"2024-09-28", 1, "2024-09-29"},
		{"2024-09-29", 1, "2024-09-30"},
		{"2024-09-30", 1, "2024-10-08"}, // National Day week
		{"2024-09-30", 5, "2024-10-12"}, // Saturday makeup workday
		{"2024-09-27", 20, "2024-10-30"},
		{"2024-02-08", 1, "2024-02-09"},
		{"2024-02-09", 1, "2024-02-18"}, // Spring Festival, then Sunday makeup
		{"2026-12-30", 1, "2026-12-31"},
		{"2007-01-01", 1, "2007-01-04"},
		{"2019-12-31", 1, "2020-01-02"},
	} {
		got, err := c.AddWorkdays(d(t, tc.from), tc.n)
		if !assert.NoError(t, err, "AddWorkdays(%s, %d)", tc.from, tc.n) {
			continue
		}
		assert.Equal(t, tc.want, got.Format(time.DateOnly), "AddWorkdays(%s, %d)", tc.from, tc.n)
		assert.Equal(t, Location(), got.Location(), "AddWorkdays(%s, %d): not in CST", tc.from, tc.n)
		assert.Equal(t, [2]int{0, 0}, [2]int{got.Hour(), got.Minute()}, "AddWorkdays(%s, %d): not midnight", tc.from, tc.n)
	}
}

func TestWorkdaysBetween_Examples(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"2024-01-01", "2024-01-01", 0},
		{"2024-09-30", "2024-10-07", 0},
		{"2024-09-30", "2024-10-08", 1},
		{"2024-10-08", "2024-09-30", -1},
		{"2023-12-31", "2024-12-31", 251}, // working days in 2024 (262 weekdays - 19 off + 8 makeup)
		{"2024-12-31", "2025-12-31", 248}, // working days in 2025 (261 - 18 + 5)
		{"2025-12-31", "2026-12-31", 248}, // working days in 2026 (261 - 19 + 6)
	} {
		got, err := c.WorkdaysBetween(d(t, tc.a), d(t, tc.b))
		if assert.NoError(t, err, "WorkdaysBetween(%s, %s)", tc.a, tc.b) {
			assert.Equal(t, tc.want, got, "WorkdaysBetween(%s, %s)", tc.a, tc.b)
		}
	}
}

// TestProperties_AgainstNaive checks AddWorkdays and WorkdaysBetween against
// the day-by-day reference on random inputs, plus the round-trip property
// WorkdaysBetween(d, AddWorkdays(d, n)) == n and monotonicity.
func TestProperties_AgainstNaive(t *testing.T) {
	c := Default()
	ref := naive{c}
	rng := rand.New(rand.NewPCG(1, 2))
	lo := daysFromCivil(2007, 1, 1)
	hi := daysFromCivil(2026, 12, 31)
	iters := 3000
	if testing.Short() {
		iters = 300
	}
	for i := 0; i < iters; i++ {
		a := lo + rng.Int64N(hi-lo+1)
		n := rng.IntN(60)
		got, err := c.AddWorkdays(midnight(a).Add(time.Duration(rng.Int64N(86400))*time.Second), n)
		want, werr := ref.add(a, n)
		if (err != nil) != (werr != nil) {
			t.Fatalf("AddWorkdays(%s, %d): err %v, naive err %v", formatDate(a), n, err, werr)
		}
		if err != nil {
			if !errors.Is(err, ErrNotPublished) || !errors.Is(werr, ErrNotPublished) {
				t.Fatalf("unexpected errors %v / %v", err, werr)
			}
			continue
		}
		if g := mustDayOf(t, got); g != want {
			t.Fatalf("AddWorkdays(%s, %d) = %s, naive %s", formatDate(a), n, formatDate(g), formatDate(want))
		}
		back, err := c.WorkdaysBetween(midnight(a), got)
		if err != nil || back != n {
			t.Fatalf("WorkdaysBetween(%s, AddWorkdays(.., %d)) = %d, %v", formatDate(a), n, back, err)
		}
		if n > 0 {
			prev, _ := c.AddWorkdays(midnight(a), n-1)
			if !got.After(prev) {
				t.Fatalf("not strictly increasing in n at %s, %d", formatDate(a), n)
			}
		}
		b := a + rng.Int64N(200) - 100
		if b < lo || b > hi {
			continue
		}
		nb, err := c.WorkdaysBetween(midnight(a), midnight(b))
		wb, _ := ref.between(a, b)
		if err != nil || nb != wb {
			t.Fatalf("WorkdaysBetween(%s, %s) = %d, %v; naive %d", formatDate(a), formatDate(b), nb, err, wb)
		}
		// monotone in the second argument
		nb1, err := c.WorkdaysBetween(midnight(a), midnight(b+1))
		if err == nil && nb1 < nb {
			t.Fatalf("WorkdaysBetween not monotone at %s", formatDate(b))
		}
	}
}

func mustDayOf(t testing.TB, tm time.Time) int64 {
	t.Helper()
	z, err := dayOf(tm)
	if err != nil {
		t.Fatal(err)
	}
	return z
}

// TestTimeZones: an instant maps to its civil date in China (UTC+8), whatever
// location the time.Time carries.
func TestTimeZones(t *testing.T) {
	c := Default()
	ny := time.FixedZone("EDT", -4*3600) // America/New_York in summer, as a fixed zone
	nyWinter := time.FixedZone("EST", -5*3600)
	for _, tc := range []struct {
		name string
		t    time.Time
		date string
		work bool
	}{
		{"UTC evening is next day in China", time.Date(2024, 9, 30, 16, 30, 0, 0, time.UTC), "2024-10-01", false},
		{"UTC 15:59:59 is still same day", time.Date(2024, 9, 30, 15, 59, 59, 0, time.UTC), "2024-09-30", true},
		{"UTC 16:00 is midnight CST", time.Date(2024, 9, 30, 16, 0, 0, 0, time.UTC), "2024-10-01", false},
		{"New York noon Sat 2024-09-28 is Sun 2024-09-29 00:00 CST", time.Date(2024, 9, 28, 12, 0, 0, 0, ny), "2024-09-29", true},
		{"New York 11:59 Sat is still Sat in China", time.Date(2024, 9, 28, 11, 59, 0, 0, ny), "2024-09-28", false},
		{"New York 23:30 on Jan 3 2026 is Jan 4 in China (makeup)", time.Date(2026, 1, 3, 23, 30, 0, 0, nyWinter), "2026-01-04", true},
		{"CST itself", time.Date(2024, 2, 4, 23, 59, 59, 999999999, Location()), "2024-02-04", true},
		{"Local-less Unix time", time.Unix(1727713800, 0), "2024-10-01", false}, // 2024-09-30T16:30:00Z
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, err := c.IsWorkday(tc.t)
			require.NoError(t, err, "IsWorkday")
			assert.Equal(t, tc.work, w, "IsWorkday")
			assert.Equal(t, tc.date, DateOf(tc.t).Format(time.DateOnly), "DateOf")
			info, err := c.Day(tc.t)
			require.NoError(t, err, "Day")
			assert.Equal(t, tc.date, info.Date.Format(time.DateOnly), "Day")
		})
	}
}

func TestNotPublished(t *testing.T) {
	c, err := New(WithStrict()) // strict keeps the error of an unpublished year
	require.NoError(t, err)
	_, last := c.Years()
	unpublished := last + 1
	cases := []struct {
		name string
		f    func() error
		year int
	}{
		{"IsWorkday 2006", func() error { _, err := c.IsWorkday(Date(2006, 6, 1)); return err }, 2006},
		{"Day 2006-12-31", func() error { _, err := c.Day(Date(2006, 12, 31)); return err }, 2006},
		{"IsWorkday first unpublished", func() error { _, err := c.IsWorkday(Date(unpublished, 1, 4)); return err }, unpublished},
		{"AddWorkdays into unpublished year", func() error {
			_, err := c.AddWorkdays(Date(last, 12, 30), 5)
			return err
		}, unpublished},
		{"AddWorkdays from 2006", func() error { _, err := c.AddWorkdays(Date(2006, 12, 1), 1); return err }, 2006},
		{"AddWorkdays huge n", func() error { _, err := c.AddWorkdays(Date(2020, 1, 1), math.MaxInt); return err }, unpublished},
		{"WorkdaysBetween across end", func() error {
			_, err := c.WorkdaysBetween(Date(last, 6, 1), Date(unpublished, 6, 1))
			return err
		}, unpublished},
		{"WorkdaysBetween reversed across start", func() error {
			_, err := c.WorkdaysBetween(Date(2007, 6, 1), Date(2006, 6, 1))
			return err
		}, 2006},
		{"Deadline", func() error { _, err := c.Deadline(ReviewR20, Date(last, 12, 20)); return err }, unpublished},
		{"Remaining", func() error { _, err := c.Remaining(Date(unpublished, 3, 1), Date(last, 12, 1)); return err }, unpublished},
		{"Schedule", func() error { _, err := c.Schedule(unpublished); return err }, unpublished},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.f()
			require.ErrorIs(t, err, ErrNotPublished)
			var npe *NotPublishedError
			require.ErrorAs(t, err, &npe)
			assert.Equal(t, tc.year, npe.Year)
			assert.ErrorIs(t, err, &NotPublishedError{Year: tc.year}, "Is by year")
			assert.NotErrorIs(t, err, &NotPublishedError{Year: tc.year + 1}, "Is by year")
			assert.Equal(t, "calendar.not_published", npe.ErrorCode())
			assert.True(t, strings.HasPrefix(err.Error(), "calendar.not_published: "), "message %q", err.Error())
			assert.Contains(t, npe.MessageZh(), fmt.Sprint(tc.year))
		})
	}
	// Queries that need no unpublished day succeed.
	if got, err := c.AddWorkdays(Date(2006, 12, 31), 0); err != nil || !got.Equal(Date(2006, 12, 31)) {
		t.Errorf("AddWorkdays(.., 0) in 2006 = %v, %v", got, err)
	}
	if got, err := c.AddWorkdays(Date(2006, 12, 31), 1); err != nil || !got.Equal(Date(2007, 1, 4)) {
		t.Errorf("AddWorkdays(2006-12-31, 1) = %v, %v; only 2007 days are needed", got, err)
	}
	if n, err := c.WorkdaysBetween(Date(2006, 5, 5), Date(2006, 5, 5)); err != nil || n != 0 {
		t.Errorf("WorkdaysBetween(same day) = %d, %v", n, err)
	}
	if !c.Covers(Date(2007, 1, 1), Date(last, 12, 31)) || c.Covers(Date(2006, 12, 31), Date(2007, 1, 1)) {
		t.Error("Covers")
	}
}

func TestInvalidInputs(t *testing.T) {
	c := Default()
	var zero time.Time
	if _, err := c.IsWorkday(zero); !errors.Is(err, ErrZeroTime) {
		t.Errorf("IsWorkday(zero): %v", err)
	}
	if _, err := c.AddWorkdays(zero, 1); !errors.Is(err, ErrZeroTime) {
		t.Errorf("AddWorkdays(zero): %v", err)
	}
	if _, err := c.WorkdaysBetween(Date(2024, 1, 1), zero); !errors.Is(err, ErrZeroTime) {
		t.Errorf("WorkdaysBetween(.., zero): %v", err)
	}
	if _, err := c.Day(zero); !errors.Is(err, ErrZeroTime) {
		t.Errorf("Day(zero): %v", err)
	}
	if _, err := c.Remaining(zero, Date(2024, 1, 1)); !errors.Is(err, ErrZeroTime) {
		t.Errorf("Remaining(zero): %v", err)
	}
	_, err := c.AddWorkdays(Date(2024, 1, 1), -1)
	if !errors.Is(err, ErrNegativeCount) {
		t.Errorf("AddWorkdays(-1): %v", err)
	}
	var ce CodedError
	if !errors.As(err, &ce) || ce.ErrorCode() != CodeNegativeCount || ce.MessageZh() == "" {
		t.Errorf("negative count error not coded: %v", err)
	}
	for _, tm := range []time.Time{
		time.Date(10000, 1, 1, 12, 0, 0, 0, time.UTC),
		time.Date(0, 6, 1, 0, 0, 0, 0, time.UTC),
		time.Date(-5000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Unix(math.MaxInt64/2, 0),
		time.Unix(math.MinInt64/2, 0),
	} {
		if _, err := c.IsWorkday(tm); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("IsWorkday(%v): %v", tm, err)
		}
	}
	if _, err := c.Deadline(DeadlineKind(0), Date(2024, 1, 1)); !errors.Is(err, ErrUnknownDeadline) {
		t.Errorf("Deadline(0): %v", err)
	}
	if _, err := c.Deadline(DeadlineKind(99), Date(2024, 1, 1)); !errors.Is(err, ErrUnknownDeadline) {
		t.Errorf("Deadline(99): %v", err)
	}
}

func TestWeekendFallback(t *testing.T) {
	c, err := New(WithWeekendFallback(), WithStrict())
	if err != nil {
		t.Fatal(err)
	}
	if !c.WeekendFallback() {
		t.Fatal("WeekendFallback() false")
	}
	// Published years are unchanged.
	if w, err := c.IsWorkday(Date(2024, 2, 4)); err != nil || !w {
		t.Errorf("2024-02-04: %v %v", w, err)
	}
	info, err := c.Day(Date(2024, 2, 4))
	if err != nil || info.Fallback {
		t.Errorf("published day marked fallback: %+v %v", info, err)
	}
	// Unpublished years use Monday–Friday, marked as such.
	for _, tc := range []struct {
		t    time.Time
		work bool
	}{
		{Date(2006, 12, 29), true},  // Friday
		{Date(2006, 12, 30), false}, // Saturday (the 2007 notice's makeup day is not used: 2006 is unpublished)
		{Date(2099, 1, 1), true},    // Thursday
		{Date(2099, 1, 3), false},   // Saturday
		{Date(1, 1, 1).Add(time.Hour), true},
		{Date(9999, 12, 31), true}, // Friday
	} {
		info, err := c.Day(tc.t)
		if err != nil || info.Workday != tc.work || !info.Fallback {
			t.Errorf("Day(%v) = %+v, %v", tc.t, info, err)
		}
		w, err := c.IsWorkday(tc.t)
		if err != nil || w != tc.work {
			t.Errorf("IsWorkday(%v) = %v, %v", tc.t, w, err)
		}
	}
	_, last := c.Years()
	got, err := c.AddWorkdays(Date(last, 12, 31), 5)
	want := Date(last+1, 1, 1)
	for n := 0; n < 5; {
		if wd := want.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
			if n == 5 {
				break
			}
		}
		want = want.AddDate(0, 0, 1)
	}
	if err != nil || !got.Equal(want) {
		t.Errorf("AddWorkdays across into fallback = %v, %v; want %v", got, err, want)
	}
	// Round trip and agreement with the naive reference across the boundaries.
	ref := naive{c}
	for _, a := range []int64{daysFromCivil(2006, 11, 1), daysFromCivil(int64(last), 11, 1), daysFromCivil(1990, 1, 1)} {
		for n := 0; n < 120; n += 7 {
			got, err := c.AddWorkdays(midnight(a), n)
			want, _ := ref.add(a, n)
			if err != nil || mustDayOf(t, got) != want {
				t.Fatalf("AddWorkdays(%s, %d) = %v, %v; want %s", formatDate(a), n, got, err, formatDate(want))
			}
			back, err := c.WorkdaysBetween(midnight(a), got)
			if err != nil || back != n {
				t.Fatalf("round trip %s %d: %d %v", formatDate(a), n, back, err)
			}
		}
	}
	cd, err := c.Remaining(Date(last+1, 1, 10), Date(last, 12, 20))
	if err != nil || !cd.Fallback {
		t.Errorf("Remaining across the boundary: %+v %v", cd, err)
	}
	if _, err := c.AddWorkdays(Date(9999, 12, 30), 5); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("beyond 9999: %v", err)
	}
	if _, err := c.AddWorkdays(Date(2000, 1, 1), math.MaxInt); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("huge n with fallback: %v", err)
	}
	if n, err := c.WorkdaysBetween(Date(1, 1, 1).Add(time.Hour), Date(9999, 12, 31)); err != nil || n < 2_000_000 {
		t.Errorf("whole range: %d %v", n, err)
	}
}

const schedules2027 = `{
  "source": "test data (not a real notice)",
  "compiled": "2026-11-23",
  "years": [
    {
      "year": 2027,
      "notices": [{"title": "测试通知2027", "number": "测试〔2026〕1号", "date": "2026-11-20"}],
      "holidays": [
        {"zh": "元旦", "en": "New Year's Day", "first": "2027-01-01", "last": "2027-01-03"},
        {"zh": "春节", "en": "Spring Festival", "first": "2027-02-05", "last": "2027-02-12"}
      ],
      "workdays": [{"date": "2027-02-14", "holiday": "春节"}]
    },
    {
      "year": 2028,
      "notices": [{"title": "测试通知2028", "number": "测试〔2027〕1号", "date": "2027-11-20"}],
      "holidays": [{"zh": "元旦", "en": "New Year's Day", "first": "2027-12-31", "last": "2028-01-02"}],
      "workdays": []
    }
  ]
}`

func TestRuntimeSchedules_Add2027And2028(t *testing.T) {
	for name, opt := range map[string]Option{
		"JSON":   WithSchedulesJSON([]byte(schedules2027)),
		"Reader": WithSchedules(strings.NewReader(schedules2027)),
	} {
		t.Run(name, func(t *testing.T) {
			c, err := New(opt)
			if err != nil {
				t.Fatal(err)
			}
			if f, l := c.Years(); f != 2007 || l != 2028 || !c.Published(2027) || !c.Published(2028) {
				t.Fatalf("Years = %d..%d", f, l)
			}
			for _, tc := range []struct {
				date string
				kind DayKind
			}{
				{"2027-01-01", KindHoliday},
				{"2027-02-08", KindHoliday},
				{"2027-02-14", KindMakeupWorkday},
				{"2027-12-31", KindHoliday},
				{"2028-01-03", KindWorkday},
				{"2026-02-14", KindMakeupWorkday}, // embedded data kept
			} {
				info, err := c.Day(d(t, tc.date))
				if err != nil || info.Kind != tc.kind || info.Fallback {
					t.Errorf("%s: %+v %v", tc.date, info, err)
				}
			}
			got, err := c.AddWorkdays(Date(2026, 12, 31), 1)
			if err != nil || !got.Equal(Date(2027, 1, 4)) {
				t.Errorf("AddWorkdays = %v %v", got, err)
			}
			// the year after the runtime data is provisional.
			if info, err := c.Day(Date(2029, 1, 1)); err != nil || !info.Provisional || info.Workday {
				t.Errorf("2029: %v %v", info, err)
			}
			s, err := c.Schedule(2027)
			if err != nil || s.Notices[0].Number != "测试〔2026〕1号" {
				t.Errorf("Schedule(2027) = %+v %v", s, err)
			}
		})
	}
	// The default calendar is not affected.
	if Default().Published(2027) {
		t.Error("Default() sees runtime data")
	}
}

func TestRuntimeSchedules_ReplaceYear(t *testing.T) {
	// Replace 2026 with a (fictitious) schedule where 2026-02-14 is not worked.
	doc := `{"source":"t","compiled":"2026-11-23","years":[{"year":2026,
	  "notices":[{"title":"t","number":"n1","date":"2025-11-04"}],
	  "holidays":[{"zh":"春节","en":"Spring Festival","first":"2026-02-16","last":"2026-02-20"}],
	  "workdays":[]}]}`
	c, err := New(WithSchedulesJSON([]byte(doc)), WithStrict())
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := c.Day(Date(2026, 2, 14)); info.Kind != KindWeekend {
		t.Errorf("2026-02-14 = %v, want weekend after replacement", info)
	}
	if info, _ := c.Day(Date(2026, 1, 1)); info.Kind != KindWorkday {
		t.Errorf("2026-01-01 = %v, want ordinary workday after replacement", info)
	}
	if info, _ := c.Day(Date(2025, 1, 28)); info.Kind != KindHoliday {
		t.Errorf("2025 must be unchanged: %v", info)
	}
}

func TestRuntimeSchedules_GapYear(t *testing.T) {
	// 2028 without 2027: 2027 stays unpublished.
	doc := `{"source":"t","compiled":"2026-11-23","years":[{"year":2028,
	  "notices":[{"title":"t","number":"n","date":"2027-11-01"}],
	  "holidays":[{"zh":"元旦","en":"New Year's Day","first":"2027-12-31","last":"2028-01-03"}],
	  "workdays":[]}]}`
	c, err := New(WithSchedulesJSON([]byte(doc)), WithStrict())
	if err != nil {
		t.Fatal(err)
	}
	if f, l := c.Years(); f != 2007 || l != 2028 || c.Published(2027) {
		t.Fatalf("Years %d..%d, Published(2027) %v", f, l, c.Published(2027))
	}
	if _, err := c.IsWorkday(Date(2027, 6, 1)); !errors.Is(err, &NotPublishedError{Year: 2027}) {
		t.Errorf("gap year: %v", err)
	}
	if _, err := c.AddWorkdays(Date(2026, 12, 30), 3); !errors.Is(err, &NotPublishedError{Year: 2027}) {
		t.Errorf("AddWorkdays into gap: %v", err)
	}
	if _, err := c.WorkdaysBetween(Date(2026, 1, 1), Date(2028, 6, 1)); !errors.Is(err, &NotPublishedError{Year: 2027}) {
		t.Errorf("WorkdaysBetween over gap: %v", err)
	}
	if w, err := c.IsWorkday(Date(2028, 1, 3)); err != nil || w {
		t.Errorf("2028-01-03: %v %v", w, err)
	}
	if n, err := c.WorkdaysBetween(Date(2028, 1, 1), Date(2028, 1, 7)); err != nil || n != 4 {
		t.Errorf("inside 2028: %d %v", n, err)
	}
	// 2027-12-31 is declared by the 2028 notice but lies in the unpublished 2027.
	if _, err := c.Day(Date(2027, 12, 31)); !errors.Is(err, ErrNotPublished) {
		t.Errorf("declared day in gap year: %v", err)
	}
	fc, err := New(WithSchedulesJSON([]byte(doc)), WithWeekendFallback(), WithStrict())
	if err != nil {
		t.Fatal(err)
	}
	info, err := fc.Day(Date(2027, 12, 31))
	if err != nil || !info.Fallback || info.Kind != KindWorkday {
		t.Errorf("fallback in gap year: %+v %v", info, err)
	}
	if fc.Covers(Date(2026, 1, 1), Date(2028, 1, 1)) || !fc.Covers(Date(2028, 1, 1), Date(2028, 2, 1)) {
		t.Error("Covers with gap")
	}
	// Round trip over the gap with fallback.
	ref := naive{fc}
	for n := 0; n < 600; n += 37 {
		got, err := fc.AddWorkdays(Date(2026, 6, 1), n)
		want, _ := ref.add(mustDay(t, "2026-06-01"), n)
		if err != nil || mustDayOf(t, got) != want {
			t.Fatalf("n=%d: %v %v want %s", n, got, err, formatDate(want))
		}
		back, err := fc.WorkdaysBetween(Date(2026, 6, 1), got)
		if err != nil || back != n {
			t.Fatalf("round trip %d: %d %v", n, back, err)
		}
	}
}

func TestWithoutEmbedded(t *testing.T) {
	c, err := New(WithoutEmbedded(), WithStrict())
	if err != nil {
		t.Fatal(err)
	}
	if f, l := c.Years(); f != 0 || l != 0 {
		t.Errorf("Years = %d, %d", f, l)
	}
	if _, err := c.IsWorkday(Date(2024, 1, 1)); !errors.Is(err, &NotPublishedError{Year: 2024}) {
		t.Errorf("empty calendar: %v", err)
	}
	c, err = New(WithoutEmbedded(), WithSchedulesJSON([]byte(schedules2027)), WithStrict())
	if err != nil {
		t.Fatal(err)
	}
	if f, l := c.Years(); f != 2027 || l != 2028 {
		t.Errorf("Years = %d, %d", f, l)
	}
	if _, err := c.IsWorkday(Date(2026, 12, 31)); !errors.Is(err, &NotPublishedError{Year: 2026}) {
		t.Errorf("2026 without embedded: %v", err)
	}
	fc, err := New(WithoutEmbedded(), WithWeekendFallback(), WithStrict())
	if err != nil {
		t.Fatal(err)
	}
	got, err := fc.AddWorkdays(Date(2024, 2, 9), 1) // Friday -> Monday, no holidays known
	if err != nil || !got.Equal(Date(2024, 2, 12)) {
		t.Errorf("pure fallback: %v %v", got, err)
	}
	if s := fc.String(); !strings.Contains(s, "fallback") {
		t.Errorf("String() = %q", s)
	}
}

func TestSchedule_Accessor(t *testing.T) {
	c := Default()
	s, err := c.Schedule(2020)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Notices) != 2 || s.Notices[1].Number != "国办发明电〔2020〕1号" {
		t.Errorf("2020 notices: %+v", s.Notices)
	}
	s.Notices[0].Number = "changed"
	s2, _ := c.Schedule(2020)
	if s2.Notices[0].Number == "changed" {
		t.Error("Schedule returned shared slices")
	}
	if len(EmbeddedSchedules()) != len(embeddedSchedules) {
		t.Error("EmbeddedSchedules")
	}
	if got := c.String(); !strings.Contains(got, "2007") {
		t.Errorf("String() = %q", got)
	}
}

func TestConcurrentUse(t *testing.T) {
	c := Default()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 2000; i++ {
				from := Date(2010+g, 1, 1+i%300)
				due, err := c.AddWorkdays(from, i%40)
				if err != nil {
					t.Error(err)
					return
				}
				if n, err := c.WorkdaysBetween(from, due); err != nil || n != i%40 {
					t.Errorf("round trip %d %v", n, err)
					return
				}
				if _, err := c.Day(due); err != nil {
					t.Error(err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	if Default() != c {
		t.Error("Default() not shared")
	}
}

func TestCivilArithmetic(t *testing.T) {
	for z := daysFromCivil(-1, 1, 1); z < daysFromCivil(2401, 1, 1); z += 13 {
		y, m, dd := civilFromDays(z)
		if daysFromCivil(y, m, dd) != z {
			t.Fatalf("round trip at %d", z)
		}
		if y >= 1 {
			want := time.Date(int(y), time.Month(m), dd, 0, 0, 0, 0, time.UTC).Weekday()
			if weekdayOf(z) != want {
				t.Fatalf("weekday at %s", formatDate(z))
			}
		}
	}
	for w := int64(-100); w < 100; w++ {
		z := wkInv(w)
		if wk(z) != w || wk(z+1) != w+1 || isWeekend(z) {
			t.Fatalf("wkInv(%d) = %d", w, z)
		}
	}
	for _, s := range []string{"2024-02-30", "2023-02-29", "2024-13-01", "2024-1-01", "20240101", "２０２４-01-01", "0000-01-01", "2024-00-10", "2024-01-32", ""} {
		if _, ok := parseDate(s); ok {
			t.Errorf("parseDate(%q) accepted", s)
		}
	}
	if z, ok := parseDate("2024-02-29"); !ok || formatDate(z) != "2024-02-29" {
		t.Error("leap day")
	}
	if !DateOf(time.Time{}).IsZero() {
		t.Error("DateOf(zero)")
	}
}

func TestRuntimeSchedules_ExtremeYears(t *testing.T) {
	early := doc(`{"year":1949,` + notice + `,"holidays":[{"zh":"国庆节","en":"National Day","first":"1949-10-01","last":"1949-10-03"}],"workdays":[]},
	              {"year":1951,` + notice + `,"holidays":[],"workdays":[]}`)
	late := doc(`{"year":9997,` + notice + `,"holidays":[],"workdays":[]},
	             {"year":9999,` + notice + `,"holidays":[{"zh":"元旦","en":"New Year's Day","first":"9999-01-01","last":"9999-01-01"}],"workdays":[]}`)
	c, err := New(WithoutEmbedded(), WithSchedulesJSON([]byte(early)))
	if err != nil {
		t.Fatal(err)
	}
	if f, l := c.Years(); f != 1949 || l != 1951 {
		t.Fatalf("Years %d..%d", f, l)
	}
	if info, err := c.Day(Date(1949, 10, 1)); err != nil || info.Kind != KindHoliday {
		t.Errorf("1949-10-01: %v %v", info, err)
	}
	if _, err := c.IsWorkday(Date(1950, 1, 2)); !errors.Is(err, &NotPublishedError{Year: 1950}) {
		t.Errorf("gap: %v", err)
	}
	if _, err := c.IsWorkday(Date(1948, 12, 31)); !errors.Is(err, &NotPublishedError{Year: 1948}) {
		t.Errorf("before: %v", err)
	}
	c, err = New(WithoutEmbedded(), WithSchedulesJSON([]byte(late)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.AddWorkdays(Date(9999, 12, 31), 1); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("past 9999: %v", err)
	}
	// 9998 (a gap year) is not needed: Friday 9999-01-01 is a holiday, so the
	// first working day after 9998-12-31 is Monday 9999-01-04.
	if got, err := c.AddWorkdays(Date(9998, 12, 31), 1); err != nil || !got.Equal(Date(9999, 1, 4)) {
		t.Errorf("into 9999: %v %v", got, err)
	}
	if _, err := c.AddWorkdays(Date(9997, 12, 31), 1); !errors.Is(err, &NotPublishedError{Year: 9998}) {
		t.Errorf("into the gap: %v", err)
	}
	fc, err := New(WithoutEmbedded(), WithSchedulesJSON([]byte(late)), WithWeekendFallback())
	if err != nil {
		t.Fatal(err)
	}
	n, err := fc.WorkdaysBetween(Date(9996, 12, 31), Date(9999, 12, 31))
	if err != nil || n != 3*261-1 {
		t.Errorf("9997..9999: %d %v", n, err)
	}
}
