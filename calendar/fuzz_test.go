package calendar

import (
	"errors"
	"testing"
	"time"
)

// FuzzLoadSchedules feeds arbitrary documents to the loader: it must never
// panic, must either accept the document or return a coded
// *InvalidScheduleError, and an accepted document must give a calendar whose
// tables agree with its own Day answers.
func FuzzLoadSchedules(f *testing.F) {
	f.Add([]byte(schedules2027))
	f.Add([]byte(doc(`{"year":2027,` + notice + `,"holidays":[{"zh":"春节","en":"x","first":"2027-02-05","last":"2027-02-12"}],"workdays":[{"date":"2027-02-14"}]}`)))
	f.Add([]byte(`{"years":[{"year":2027}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := New(WithoutEmbedded(), WithSchedulesJSON(data))
		if err != nil {
			var ise *InvalidScheduleError
			if !errors.As(err, &ise) || len(ise.Problems) == 0 || !errors.Is(err, ErrInvalidSchedule) {
				t.Fatalf("uncoded error %T %v", err, err)
			}
			for _, p := range ise.Problems {
				if p.Code == "" || p.MessageZh() == "" || p.MessageEn() == "" {
					t.Fatalf("problem without code/messages: %#v", p)
				}
			}
			return
		}
		first, last := c.Years()
		if first == 0 {
			t.Fatal("accepted document without years")
		}
		lo := daysFromCivil(int64(first), 1, 1)
		hi := daysFromCivil(int64(last), 12, 31)
		if hi-lo > 3*366 {
			hi = lo + 3*366 // keep each input fast
		}
		count := 0
		for z := lo; z <= hi; z++ {
			info, err := c.Day(midnight(z))
			if err != nil {
				if !errors.Is(err, ErrNotPublished) {
					t.Fatal(err)
				}
				continue
			}
			if info.Workday {
				count++
			}
			n, err := c.WorkdaysBetween(midnight(lo-1), midnight(z))
			if err == nil && n != count {
				t.Fatalf("%s: WorkdaysBetween %d, counted %d", formatDate(z), n, count)
			}
		}
	})
}

// fuzzCalendars are built once: the default one and one with weekend fallback.
func fuzzCalendars(t testing.TB) []*Calendar {
	fc, err := New(WithWeekendFallback())
	if err != nil {
		t.Fatal(err)
	}
	return []*Calendar{Default(), fc}
}

// FuzzAddWorkdays checks AddWorkdays on arbitrary instants and counts: no
// panic, only coded errors, and the round trip
// WorkdaysBetween(d, AddWorkdays(d, n)) == n with a working-day result.
func FuzzAddWorkdays(f *testing.F) {
	f.Add(int64(1727426400), 20)  // 2024-09-27T16:40:00+08:00
	f.Add(int64(1167580800), 1)   // 2007-01-01 CST
	f.Add(int64(-62135596800), 5) // 0001-01-01T00:00:00Z (zero time)
	f.Add(int64(253402300799), 1) // 9999-12-31T23:59:59Z
	f.Add(int64(1798646400), 3)   // 2026-12-31 CST
	f.Add(int64(1708000000), -1)  // negative count
	f.Add(int64(0), 1<<40)        // huge count
	cals := fuzzCalendars(f)
	f.Fuzz(func(t *testing.T, unix int64, n int) {
		// The raw input, and the same folded into 2004..2035 with a count
		// below 10000, where the data is.
		fold := unix % 1_000_000_000
		if fold < 0 {
			fold = -fold
		}
		fn := n % 10000
		if fn < 0 {
			fn = -fn
		}
		checkAdd(t, cals, time.Unix(unix, 0), n)
		checkAdd(t, cals, time.Unix(1_075_000_000+fold, 0), fn)
	})
}

func checkAdd(t *testing.T, cals []*Calendar, from time.Time, n int) {
	t.Helper()
	for _, c := range cals {
		got, err := c.AddWorkdays(from, n)
		if err != nil {
			var ce CodedError
			if !errors.As(err, &ce) {
				t.Fatalf("uncoded error %v", err)
			}
			continue
		}
		if n > 0 {
			w, err := c.IsWorkday(got)
			if err != nil || !w {
				t.Fatalf("AddWorkdays(%v, %d) = %v: not a working day (%v)", from, n, got, err)
			}
		}
		back, err := c.WorkdaysBetween(from, got)
		if err != nil || back != n {
			t.Fatalf("round trip %v %d: %d %v", from, n, back, err)
		}
	}
}

// FuzzWorkdaysBetween checks antisymmetry, additivity over a middle point and
// agreement with AddWorkdays.
func FuzzWorkdaysBetween(f *testing.F) {
	f.Add(int64(1704038400), int64(1735660800), int64(1720000000)) // 2024 whole year
	f.Add(int64(1167580800), int64(1167580800), int64(1167580800))
	f.Add(int64(1798646400), int64(1830182400), int64(1800000000)) // into 2027
	f.Add(int64(-62135596800), int64(0), int64(1))
	cals := fuzzCalendars(f)
	f.Fuzz(func(t *testing.T, a, b, m int64) {
		ta, tb, tm := time.Unix(a, 0), time.Unix(b, 0), time.Unix(m, 0)
		for _, c := range cals {
			ab, err1 := c.WorkdaysBetween(ta, tb)
			ba, err2 := c.WorkdaysBetween(tb, ta)
			if (err1 == nil) != (err2 == nil) {
				t.Fatalf("asymmetric errors %v / %v", err1, err2)
			}
			if err1 != nil {
				var ce CodedError
				if !errors.As(err1, &ce) {
					t.Fatalf("uncoded error %v", err1)
				}
				continue
			}
			if ab != -ba {
				t.Fatalf("WorkdaysBetween(a,b)=%d, (b,a)=%d", ab, ba)
			}
			am, err1 := c.WorkdaysBetween(ta, tm)
			mb, err2 := c.WorkdaysBetween(tm, tb)
			if err1 == nil && err2 == nil && am+mb != ab {
				t.Fatalf("additivity: %d + %d != %d", am, mb, ab)
			}
			if ab > 0 {
				due, err := c.AddWorkdays(ta, ab)
				if err != nil {
					t.Fatalf("AddWorkdays(a, %d): %v", ab, err)
				}
				// due is the last working day not after b.
				if due.After(tb) {
					t.Fatalf("AddWorkdays(a, %d) = %v after b = %v", ab, due, tb)
				}
				if n, _ := c.WorkdaysBetween(due, tb); n != 0 {
					t.Fatalf("working days between due and b: %d", n)
				}
			}
		}
	})
}
