package calendar

import (
	"time"

	"github.com/rickar/cal/v2"
)

// Business returns a github.com/rickar/cal/v2 business calendar wired to the
// same data, for callers already on rickar/cal: every day off of every
// holiday period is a cal.Holiday (Name: Chinese name, Description: English
// name, limited to its year), and WorkdayFunc makes Monday–Friday and the
// makeup workdays working days. For every day of a published year,
// bc.IsWorkday(Date(y, m, d)) == IsWorkday(Date(y, m, d)).
//
// Each call returns a new, independent calendar; don't turn on its
// Cacheable flag if it is shared between goroutines (rickar/cal's cache is
// not synchronised). rickar/cal reads the civil date of a time in the time's
// own location, so pass dates in China Standard Time (Date, DateOf).
// rickar/cal cannot report unpublished years: outside the data, in the gap
// years and in provisional years, it answers with the plain
// Monday–Friday rule. It is also far
// slower than this package (it steps day by day and scans every holiday for
// each day); see the package benchmarks.
func (c *Calendar) Business() *cal.BusinessCalendar {
	bc := cal.NewBusinessCalendar()
	bc.Name = "CN"
	bc.Description = "Mainland China working days (State Council holiday schedules)"
	tb := c.tab.Load()
	for y := c.first; c.first != 0 && y <= c.last; y++ {
		e := c.sched[y-c.first]
		if e == nil {
			continue
		}
		for _, p := range e.periods {
			for z := p.first; z <= p.last; z++ {
				if x := z - tb.start; x < 0 || x >= tb.n || tb.kind[x]&kindFallback != 0 {
					continue
				}
				yy, m, d := civilFromDays(z)
				bc.AddHoliday(&cal.Holiday{
					Name:        p.p.Zh,
					Description: p.p.En,
					Type:        cal.ObservancePublic,
					StartYear:   int(yy),
					EndYear:     int(yy),
					Month:       time.Month(m),
					Day:         d,
					Func:        cal.CalcDayOfMonth,
				})
			}
		}
	}
	bc.WorkdayFunc = func(t time.Time) bool {
		y, m, d := t.Date()
		z := daysFromCivil(int64(y), int(m), d)
		if x := z - tb.start; x >= 0 && x < tb.n && DayKind(tb.kind[x]) == KindMakeupWorkday {
			return true
		}
		return !isWeekend(z)
	}
	return bc
}
