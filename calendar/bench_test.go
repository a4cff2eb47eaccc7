package calendar

import (
	"testing"
	"time"
)

// Benchmarks, side by side with the same queries through rickar/cal on
// Business():
//
//	go test -run='^$' -bench=. -benchmem ./calendar
//
// Inputs rotate over 1024 instants spread over 2007..2025 so that the
// lookups are not served from one cache line.

var (
	benchSinkBool bool
	benchSinkInt  int
	benchSinkTime time.Time
)

func benchInputs() []time.Time {
	ts := make([]time.Time, 1024)
	start := Date(2007, 1, 1)
	for i := range ts {
		// 2007-01-01 plus i*6.6 days and a varying hour: up to ~2025-07.
		ts[i] = start.Add(time.Duration(i)*158*time.Hour + time.Duration(i%24)*time.Hour)
	}
	return ts
}

func BenchmarkIsWorkday(b *testing.B) {
	c := Default()
	ts := benchInputs()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w, err := c.IsWorkday(ts[i&1023])
		if err != nil {
			b.Fatal(err)
		}
		benchSinkBool = w
	}
}

func BenchmarkAddWorkdays20(b *testing.B) {
	c := Default()
	ts := benchInputs()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t, err := c.AddWorkdays(ts[i&1023], 20)
		if err != nil {
			b.Fatal(err)
		}
		benchSinkTime = t
	}
}

func BenchmarkWorkdaysBetweenYear(b *testing.B) {
	c := Default()
	ts := benchInputs()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		from := ts[i&1023]
		n, err := c.WorkdaysBetween(from, from.Add(365*24*time.Hour))
		if err != nil {
			b.Fatal(err)
		}
		benchSinkInt = n
	}
}

func BenchmarkRickarIsWorkday(b *testing.B) {
	bc := Default().Business()
	ts := benchInputs()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		benchSinkBool = bc.IsWorkday(ts[i&1023])
	}
}

func BenchmarkRickarWorkdaysFrom20(b *testing.B) {
	bc := Default().Business()
	ts := benchInputs()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		benchSinkTime = bc.WorkdaysFrom(ts[i&1023], 20)
	}
}

func BenchmarkRickarWorkdaysInRangeYear(b *testing.B) {
	bc := Default().Business()
	ts := benchInputs()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		from := ts[i&1023]
		benchSinkInt = bc.WorkdaysInRange(from, from.Add(365*24*time.Hour))
	}
}

// BenchmarkNew measures building a calendar from the embedded data.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestQueriesDoNotAllocate guards the zero-allocation promise.
func TestQueriesDoNotAllocate(t *testing.T) {
	c := Default()
	from := Date(2024, 9, 27)
	to := Date(2025, 9, 27)
	allocs := testing.AllocsPerRun(100, func() {
		_, _ = c.IsWorkday(from)
		_, _ = c.AddWorkdays(from, 20)
		_, _ = c.WorkdaysBetween(from, to)
		_, _ = c.Deadline(ReviewR20, from)
		_, _ = c.Day(from)
		_, _ = c.Remaining(to, from)
	})
	if allocs != 0 {
		t.Errorf("%v allocations per run", allocs)
	}
}

var benchDay Day

// BenchmarkParseDay: the strict "YYYY-MM-DD" parser (target: no allocation
// on valid input).
func BenchmarkParseDay(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		benchDay, _ = ParseDay("2024-02-29")
	}
}

// BenchmarkDayOf: an instant's civil date in China.
func BenchmarkDayOf(b *testing.B) {
	at := time.Date(2024, 9, 30, 16, 30, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		benchDay = DayOf(at)
	}
}
