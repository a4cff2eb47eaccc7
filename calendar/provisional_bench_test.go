package calendar

import (
	"testing"
	"time"
)

// Provisional answers cost no more than published ones: the same
// queries over 19 published years (2007-2025) and over 19 provisional years
// (2027-2045, built before the timer starts). Run the pairs interleaved:
//
//	go test ./calendar -run '^$' -bench 'R24' -benchtime=200ms -count=3

func provisionalInputs(c *Calendar) []time.Time {
	ts := benchInputs()
	shift := Date(2027, 1, 1).Sub(Date(2007, 1, 1))
	for i := range ts {
		ts[i] = ts[i].Add(shift)
	}
	if _, err := c.IsWorkday(Date(2046, 12, 31)); err != nil { // builds 2027..2046
		panic(err)
	}
	return ts
}

func benchPair(b *testing.B, f func(b *testing.B, c *Calendar, ts []time.Time)) {
	c, err := New()
	if err != nil {
		b.Fatal(err)
	}
	pub, prov := benchInputs(), provisionalInputs(c)
	b.Run("published", func(b *testing.B) { f(b, c, pub) })
	b.Run("provisional", func(b *testing.B) { f(b, c, prov) })
}

func BenchmarkR24_IsWorkday(b *testing.B) {
	benchPair(b, func(b *testing.B, c *Calendar, ts []time.Time) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			w, err := c.IsWorkday(ts[i&1023])
			if err != nil {
				b.Fatal(err)
			}
			benchSinkBool = w
		}
	})
}

func BenchmarkR24_AddWorkdays20(b *testing.B) {
	benchPair(b, func(b *testing.B, c *Calendar, ts []time.Time) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			t, err := c.AddWorkdays(ts[i&1023], 20)
			if err != nil {
				b.Fatal(err)
			}
			benchSinkTime = t
		}
	})
}

func BenchmarkR24_DeadlineOf(b *testing.B) {
	benchPair(b, func(b *testing.B, c *Calendar, ts []time.Time) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			d, err := c.DeadlineOf(ReviewR20, ts[i&1023])
			if err != nil {
				b.Fatal(err)
			}
			benchSinkTime = d.Date
		}
	})
}

func BenchmarkR24_Day(b *testing.B) {
	benchPair(b, func(b *testing.B, c *Calendar, ts []time.Time) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			d, err := c.Day(ts[i&1023])
			if err != nil {
				b.Fatal(err)
			}
			benchSinkBool = d.Workday
		}
	})
}

func BenchmarkR24_Remaining(b *testing.B) {
	benchPair(b, func(b *testing.B, c *Calendar, ts []time.Time) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			now := ts[i&1023]
			cd, err := c.Remaining(now.Add(30*24*time.Hour), now)
			if err != nil {
				b.Fatal(err)
			}
			benchSinkInt = cd.Remaining
		}
	})
}

// BenchmarkR24_FirstProvisionalYear is the one-off cost of building the
// first provisional year (lunar dates, tables rebuilt) on a fresh calendar.
func BenchmarkR24_FirstProvisionalYear(b *testing.B) {
	for b.Loop() {
		c, err := New()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.AddWorkdays(Date(2026, 12, 7), 20); err != nil {
			b.Fatal(err)
		}
	}
}

// TestR24_ProvisionalQueriesDoNotAllocate: once a provisional year is
// built, its queries are allocation-free like the published ones.
func TestR24_ProvisionalQueriesDoNotAllocate(t *testing.T) {
	c := Default()
	from := Date(2027, 9, 27)
	to := Date(2028, 9, 27)
	if _, err := c.WorkdaysBetween(from, to); err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(100, func() {
		_, _ = c.IsWorkday(from)
		_, _ = c.AddWorkdays(from, 20)
		_, _ = c.WorkdaysBetween(from, to)
		_, _ = c.DeadlineOf(ReviewR20, from)
		_, _ = c.Day(from)
		_, _ = c.Remaining(to, from)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per run", allocs)
	}
}
