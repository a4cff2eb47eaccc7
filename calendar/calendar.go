package calendar

import (
	_ "embed"
	"fmt"
	"io"
	"sort"
	"sync"
	"time"
)

//go:embed data/schedules.json
var embeddedSchedules []byte

// EmbeddedSchedules returns a copy of the embedded schedule document
// (data/schedules.json), e.g. to show its header or to start a runtime
// document from it.
func EmbeddedSchedules() []byte {
	return append([]byte(nil), embeddedSchedules...)
}

// Calendar answers working-day questions for mainland China from the State
// Council's yearly holiday schedules. It is immutable after construction and
// safe for concurrent use; queries do not allocate.
//
// Days are civil dates in China Standard Time (see DateOf). A day is a
// working day if it is Monday–Friday and not inside a holiday period, or if
// it is a makeup workday (a Saturday or Sunday declared worked).
type Calendar struct {
	fallback bool

	first, last int      // published year range; 0, 0 if none
	published   []bool   // published[y-first]
	sched       []*entry // sched[y-first], nil for a gap year

	start  int64    // epoch day of Jan 1 of first (0 if no data)
	n      int64    // number of days in the tables
	kind   []uint8  // per day: DayKind, with kindFallback set in gap years
	ref    []uint32 // per day: index into labels + 1, 0 for none
	labels []label
	cum    []int32 // cum[i]: working days among table days [0, i); len n+1
	gaps   []int32 // gaps[i]: gap-year days among [0, i); nil if no gap years
	work   []int32 // table offsets of the working days, ascending
}

type label struct {
	zh, en, notice string
}

const kindFallback = 0x80

type options struct {
	noEmbedded bool
	fallback   bool
	sources    []func() ([]byte, error)
}

// Option configures New.
type Option func(*options)

// WithSchedules adds schedules read from r (same JSON format as the embedded
// data, see ScheduleFile). Each year in it replaces the year of the same
// number from the embedded data or from earlier options, so a bureau can load
// next year's notice before a new release of this package. r is read during
// New, up to MaxScheduleBytes.
func WithSchedules(r io.Reader) Option {
	return func(o *options) {
		o.sources = append(o.sources, func() ([]byte, error) { return readAllLimited(r) })
	}
}

// WithSchedulesJSON is WithSchedules for a document already in memory.
func WithSchedulesJSON(data []byte) Option {
	data = append([]byte(nil), data...)
	return func(o *options) {
		o.sources = append(o.sources, func() ([]byte, error) { return data, nil })
	}
}

// WithoutEmbedded leaves out the embedded schedules; only the schedules given
// with WithSchedules / WithSchedulesJSON are used.
func WithoutEmbedded() Option {
	return func(o *options) { o.noEmbedded = true }
}

// WithWeekendFallback is an explicit opt-in: days of years without a
// published schedule are treated as Monday–Friday working days instead of
// failing with ErrNotPublished. Answers made that way are marked
// (DayInfo.Fallback, Countdown.Fallback); IsWorkday, AddWorkdays and
// WorkdaysBetween cannot say so, so use Covers or Day when it matters.
func WithWeekendFallback() Option {
	return func(o *options) { o.fallback = true }
}

var (
	defaultOnce sync.Once
	defaultCal  *Calendar
)

// Default returns the calendar built from the embedded schedules, without
// weekend fallback. It is built once and shared; it is safe for concurrent use.
func Default() *Calendar {
	defaultOnce.Do(func() {
		c, err := New()
		if err != nil {
			// The embedded data is validated by the package tests.
			panic("calendar: embedded schedules are invalid: " + err.Error())
		}
		defaultCal = c
	})
	return defaultCal
}

// New builds a calendar from the embedded schedules and the given options.
// Invalid schedule data gives an *InvalidScheduleError listing every problem.
func New(opts ...Option) (*Calendar, error) {
	var o options
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	byYear := make(map[int]*entry)
	add := func(data []byte) error {
		_, entries, err := parseFile(data)
		if err != nil {
			return err
		}
		for _, e := range entries {
			byYear[e.sched.Year] = e
		}
		return nil
	}
	if !o.noEmbedded {
		if err := add(embeddedSchedules); err != nil {
			return nil, err
		}
	}
	for _, src := range o.sources {
		data, err := src()
		if err != nil {
			return nil, err
		}
		if err := add(data); err != nil {
			return nil, err
		}
	}
	entries := make([]*entry, 0, len(byYear))
	for _, e := range byYear {
		entries = append(entries, e)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].sched.Year < entries[j].sched.Year })
	var ps problems
	crossCheck(entries, &ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return build(entries, o.fallback), nil
}

func build(entries []*entry, fallback bool) *Calendar {
	c := &Calendar{fallback: fallback}
	if len(entries) == 0 {
		c.cum = []int32{0}
		return c
	}
	c.first = entries[0].sched.Year
	c.last = entries[len(entries)-1].sched.Year
	nYears := c.last - c.first + 1
	c.published = make([]bool, nYears)
	c.sched = make([]*entry, nYears)
	for _, e := range entries {
		c.published[e.sched.Year-c.first] = true
		c.sched[e.sched.Year-c.first] = e
	}
	c.start = daysFromCivil(int64(c.first), 1, 1)
	end := daysFromCivil(int64(c.last), 12, 31)
	c.n = end - c.start + 1
	c.kind = make([]uint8, c.n)
	c.ref = make([]uint32, c.n)

	hasGaps := false
	for x := int64(0); x < c.n; x++ {
		z := c.start + x
		k := uint8(KindWorkday)
		if isWeekend(z) {
			k = uint8(KindWeekend)
		}
		c.kind[x] = k
	}
	for y := c.first; y <= c.last; y++ {
		if c.published[y-c.first] {
			continue
		}
		hasGaps = true
		a := daysFromCivil(int64(y), 1, 1) - c.start
		b := daysFromCivil(int64(y), 12, 31) - c.start
		for x := a; x <= b; x++ {
			c.kind[x] |= kindFallback
		}
	}
	// inTable reports whether day z is a table day of a published year;
	// declarations outside (e.g. December 2006 in the 2007 notice) are kept
	// in the Schedule but not used.
	inTable := func(z int64) (int64, bool) {
		x := z - c.start
		if x < 0 || x >= c.n || c.kind[x]&kindFallback != 0 {
			return 0, false
		}
		return x, true
	}
	for _, e := range entries {
		for _, p := range e.periods {
			c.labels = append(c.labels, label{p.p.Zh, p.p.En, p.notice})
			li := uint32(len(c.labels))
			for z := p.first; z <= p.last; z++ {
				if x, ok := inTable(z); ok {
					c.kind[x] = uint8(KindHoliday)
					c.ref[x] = li
				}
			}
		}
		for _, m := range e.makeups {
			l := label{notice: m.notice}
			if m.period != nil {
				l.zh, l.en = m.period.Zh, m.period.En
			}
			c.labels = append(c.labels, l)
			if x, ok := inTable(m.day); ok {
				c.kind[x] = uint8(KindMakeupWorkday)
				c.ref[x] = uint32(len(c.labels))
			}
		}
	}
	c.cum = make([]int32, c.n+1)
	if hasGaps {
		c.gaps = make([]int32, c.n+1)
	}
	for x := int64(0); x < c.n; x++ {
		k := DayKind(c.kind[x] &^ kindFallback)
		w := int32(0)
		if k == KindWorkday || k == KindMakeupWorkday {
			w = 1
			c.work = append(c.work, int32(x))
		}
		c.cum[x+1] = c.cum[x] + w
		if hasGaps {
			g := int32(0)
			if c.kind[x]&kindFallback != 0 {
				g = 1
			}
			c.gaps[x+1] = c.gaps[x] + g
		}
	}
	return c
}

// Years returns the first and last year with a published schedule in the
// calendar's data (0, 0 if it has none). Years in between may be missing when
// runtime data skipped one; use Published to test a year.
func (c *Calendar) Years() (first, last int) { return c.first, c.last }

// Published reports whether the calendar has the State Council schedule of year.
func (c *Calendar) Published(year int) bool {
	return year >= c.first && year <= c.last && c.published[year-c.first]
}

// WeekendFallback reports whether the calendar was built with WithWeekendFallback.
func (c *Calendar) WeekendFallback() bool { return c.fallback }

// Covers reports whether every day from a's date to b's date (inclusive, in
// either order) has a published schedule, i.e. whether answers about them
// are official rather than fallback. It is false for zero or out-of-range times.
func (c *Calendar) Covers(a, b time.Time) bool {
	da, err1 := dayOf(a)
	db, err2 := dayOf(b)
	if err1 != nil || err2 != nil {
		return false
	}
	if db < da {
		da, db = db, da
	}
	return c.firstGap(da, db) == 0
}

// Schedule returns a copy of the schedule of year, as loaded, or an error
// wrapping ErrNotPublished.
func (c *Calendar) Schedule(year int) (Schedule, error) {
	if !c.Published(year) {
		return Schedule{}, &NotPublishedError{Year: year}
	}
	s := c.sched[year-c.first].sched
	s.Notices = append([]Notice(nil), s.Notices...)
	s.Holidays = append([]HolidayPeriod(nil), s.Holidays...)
	s.Workdays = append([]MakeupWorkday(nil), s.Workdays...)
	return s, nil
}

// firstGap returns the first year without a published schedule among the
// days [lo, hi], or 0 if all are published.
func (c *Calendar) firstGap(lo, hi int64) int {
	if lo > hi {
		return 0
	}
	y := yearOf(lo)
	for {
		if !c.Published(y) {
			return y
		}
		if daysFromCivil(int64(y)+1, 1, 1) > hi {
			return 0
		}
		y++
	}
}

// need returns an error if the days [lo, hi] are needed but not all published
// (and weekend fallback is off).
func (c *Calendar) need(lo, hi int64) error {
	if c.fallback {
		return nil
	}
	if y := c.firstGap(lo, hi); y != 0 {
		return &NotPublishedError{Year: y}
	}
	return nil
}

// cumAt returns the number of working days before table offset x (relative
// to c.start; any int64 within the supported range), extending the table with
// the Monday–Friday rule on both sides.
func (c *Calendar) cumAt(x int64) int64 {
	switch {
	case x < 0:
		return wk(c.start+x) - wk(c.start)
	case x <= c.n:
		return int64(c.cum[x])
	default:
		return int64(c.cum[c.n]) + wk(c.start+x) - wk(c.start+c.n)
	}
}

// workAt returns the table offset of the working day with index t (t-th
// working day counted from c.start, negative before it).
func (c *Calendar) workAt(t int64) int64 {
	nw := int64(len(c.work))
	switch {
	case t < 0:
		return wkInv(wk(c.start)+t) - c.start
	case t < nw:
		return int64(c.work[t])
	default:
		return wkInv(wk(c.start+c.n)+t-nw) - c.start
	}
}

// IsWorkday reports whether t's civil date in China is a working day.
// It fails with an error wrapping ErrNotPublished if that year has no
// published schedule (unless weekend fallback is on), ErrZeroTime or
// ErrOutOfRange.
func (c *Calendar) IsWorkday(t time.Time) (bool, error) {
	d, err := dayOf(t)
	if err != nil {
		return false, err
	}
	if x := d - c.start; uint64(x) < uint64(c.n) {
		k := c.kind[x]
		if k&kindFallback == 0 || c.fallback {
			k &^= kindFallback
			return k == uint8(KindWorkday) || k == uint8(KindMakeupWorkday), nil
		}
	}
	if err := c.need(d, d); err != nil {
		return false, err
	}
	return !isWeekend(d), nil
}

// AddWorkdays returns midnight (CST) of the n-th working day strictly after
// from's civil date: the due date of a time limit of n working days counted
// from the day after the event (民法典 art. 201). AddWorkdays(d, 0) returns
// d's date. n < 0 fails with ErrNegativeCount; a result that needs an
// unpublished year fails with an error wrapping ErrNotPublished.
//
// WorkdaysBetween(d, AddWorkdays(d, n)) == n for every n ≥ 0.
func (c *Calendar) AddWorkdays(from time.Time, n int) (time.Time, error) {
	d, err := dayOf(from)
	if err != nil {
		return time.Time{}, err
	}
	if n <= 0 {
		if n < 0 {
			return time.Time{}, ErrNegativeCount
		}
		return midnight(d), nil
	}
	// Fast path: everything inside the table, no gap years.
	x := d - c.start + 1
	if uint64(x) < uint64(c.n) && n <= len(c.work) {
		t := int64(c.cum[x]) + int64(n) - 1
		if t < int64(len(c.work)) {
			e := int64(c.work[t])
			if c.gaps == nil || c.gaps[e+1] == c.gaps[x] || c.fallback {
				return midnight(c.start + e), nil
			}
		}
	}
	return c.addSlow(d, n)
}

func (c *Calendar) addSlow(d int64, n int) (time.Time, error) {
	span := maxDay - minDay + 1
	if int64(n) > span {
		if err := c.need(d+1, maxDay); err != nil {
			return time.Time{}, err
		}
		return time.Time{}, ErrOutOfRange
	}
	x := d - c.start + 1
	t := c.cumAt(x) + int64(n) - 1
	e := c.start + c.workAt(t)
	if e > maxDay {
		if err := c.need(d+1, maxDay); err != nil {
			return time.Time{}, err
		}
		return time.Time{}, ErrOutOfRange
	}
	if err := c.need(d+1, e); err != nil {
		return time.Time{}, err
	}
	return midnight(e), nil
}

// WorkdaysBetween returns the number of working days in (from, to]: after
// from's civil date, up to and including to's. If to is before from the
// result is -WorkdaysBetween(to, from); equal dates give 0. A count that
// needs an unpublished year fails with an error wrapping ErrNotPublished.
func (c *Calendar) WorkdaysBetween(from, to time.Time) (int, error) {
	a, err := dayOf(from)
	if err != nil {
		return 0, err
	}
	b, err := dayOf(to)
	if err != nil {
		return 0, err
	}
	sign := 1
	if b < a {
		a, b, sign = b, a, -1
	}
	xa, xb := a-c.start+1, b-c.start+1
	if xa >= 0 && xb <= c.n {
		if c.gaps == nil || c.gaps[xb] == c.gaps[xa] || c.fallback {
			return sign * int(c.cum[xb]-c.cum[xa]), nil
		}
	}
	if err := c.need(a+1, b); err != nil {
		return 0, err
	}
	return sign * int(c.cumAt(xb)-c.cumAt(xa)), nil
}

// String describes the calendar, e.g. "calendar 2007–2026 (State Council schedules)".
func (c *Calendar) String() string {
	s := "calendar without schedules"
	if c.first != 0 {
		s = fmt.Sprintf("calendar %d–%d (State Council schedules)", c.first, c.last)
	}
	if c.fallback {
		s += ", weekend fallback"
	}
	return s
}
