package calendar

import (
	_ "embed"
	"fmt"
	"io"
	"sort"
	"sync"
	"sync/atomic"
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
	strict   bool

	first, last int      // published year range; 0, 0 if none
	published   []bool   // published[y-first]
	sched       []*entry // sched[y-first], nil for a gap year
	entries     []*entry // the published entries, by year

	// tab holds the per-day tables: the published years and the
	// provisional years built so far. It is replaced, never
	// modified, when a query needs a provisional year not yet built
	// (extend, under mu), so a query reads one consistent snapshot.
	tab  atomic.Pointer[tables]
	mu   sync.Mutex
	prov map[int]*entry // provisional entries built so far, under mu
}

// tables are the per-day tables over the years lo..hi.
type tables struct {
	lo, hi int      // years covered; 0, 0 if none
	start  int64    // epoch day of Jan 1 of lo (0 if no data)
	n      int64    // number of days in the tables
	kind   []uint8  // per day: DayKind, with kindFallback set in gap years, kindProvisional in provisional years
	ref    []uint32 // per day: index into labels + 1, 0 for none
	labels []label
	cum    []int32 // cum[i]: working days among table days [0, i); len n+1
	gaps   []int32 // gaps[i]: gap-year days among [0, i); nil if no gap years
	provs  []int32 // provs[i]: provisional days among [0, i); nil if none
	work   []int32 // table offsets of the working days, ascending
}

type label struct {
	zh, en, notice string
}

const (
	kindFallback    = 0x80
	kindProvisional = 0x40
)

type options struct {
	noEmbedded bool
	fallback   bool
	strict     bool
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

// WithStrict turns provisional years off: a query that needs a year
// without a published schedule fails with an error wrapping ErrNotPublished
// (or, with WithWeekendFallback, uses the Monday–Friday rule), as before
// provisional years existed. Use it where only the State Council's notice
// may decide a date.
func WithStrict() Option {
	return func(o *options) { o.strict = true }
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
	c := &Calendar{fallback: o.fallback, strict: o.strict, entries: entries}
	if len(entries) > 0 {
		c.first = entries[0].sched.Year
		c.last = entries[len(entries)-1].sched.Year
		c.published = make([]bool, c.last-c.first+1)
		c.sched = make([]*entry, c.last-c.first+1)
		for _, e := range entries {
			c.published[e.sched.Year-c.first] = true
			c.sched[e.sched.Year-c.first] = e
		}
	}
	c.prov = make(map[int]*entry)
	c.tab.Store(c.build(c.first, c.last))
	return c, nil
}

// Provisional reports whether year is answered from a provisional schedule
// (R-24, ProvisionalSchedule): it has no published schedule, it lies in
// ProvisionalMinYear..ProvisionalMaxYear and not before the first published
// year, and the calendar is not strict (WithStrict).
func (c *Calendar) Provisional(year int) bool {
	return !c.strict && !c.Published(year) && year >= ProvisionalMinYear && year <= ProvisionalMaxYear &&
		(c.first == 0 || year > c.first)
}

// provisionalEntryLocked returns the provisional entry of year, building it once;
// c.mu must be held. nil if it cannot be built.
func (c *Calendar) provisionalEntryLocked(year int) *entry {
	if e, ok := c.prov[year]; ok {
		return e
	}
	e, err := provisionalEntry(year)
	if err != nil {
		e = nil // cannot happen for a year in range; the year stays a gap
	}
	c.prov[year] = e
	return e
}

// cover returns tables covering the days lo..hi as far as provisional years
// allow, extending the current ones if needed; t is the caller's snapshot.
// It never shrinks the tables and is safe for concurrent use.
func (c *Calendar) cover(t *tables, lo, hi int64) *tables {
	if lo >= t.start && hi < t.start+t.n {
		return t
	}
	ylo, yhi := yearOf(lo), yearOf(hi)
	if ylo < ProvisionalMinYear {
		ylo = ProvisionalMinYear
	}
	if yhi > ProvisionalMaxYear {
		yhi = ProvisionalMaxYear
	}
	if c.first != 0 && ylo <= c.first {
		ylo = c.first + 1
	}
	if c.strict || ylo > yhi {
		return t
	}
	if t.lo != 0 && ylo >= t.lo && yhi <= t.hi {
		return t
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	t = c.tab.Load()
	nlo, nhi := ylo, yhi
	if t.lo != 0 {
		nlo, nhi = min(nlo, t.lo), max(nhi, t.hi)
		if nlo == t.lo && nhi == t.hi {
			return t
		}
	}
	t = c.build(nlo, nhi)
	c.tab.Store(t)
	return t
}

// build makes the per-day tables of the years lo..hi: each year is
// published, provisional (built here; c.mu held or c not yet shared) or a
// gap year.
func (c *Calendar) build(lo, hi int) *tables {
	entries := c.entries
	if c.first != 0 {
		lo, hi = min(lo, c.first), max(hi, c.last)
	}
	if lo != 0 {
		entries = append([]*entry(nil), entries...)
		for y := lo; y <= hi; y++ {
			if c.Provisional(y) {
				if e := c.provisionalEntryLocked(y); e != nil {
					entries = append(entries, e)
				}
			}
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].sched.Year < entries[j].sched.Year })
	}
	return build(entries, lo, hi)
}

func build(entries []*entry, lo, hi int) *tables {
	c := &tables{}
	if lo == 0 {
		c.cum = []int32{0}
		return c
	}
	c.lo, c.hi = lo, hi
	nYears := hi - lo + 1
	yearEntry := make([]*entry, nYears)
	for _, e := range entries {
		yearEntry[e.sched.Year-lo] = e
	}
	c.start = daysFromCivil(int64(lo), 1, 1)
	end := daysFromCivil(int64(hi), 12, 31)
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
	hasProv := false
	for y := lo; y <= hi; y++ {
		e := yearEntry[y-lo]
		var bit uint8
		switch {
		case e == nil:
			hasGaps, bit = true, kindFallback
		case e.provisional:
			hasProv, bit = true, kindProvisional
		default:
			continue
		}
		a := daysFromCivil(int64(y), 1, 1) - c.start
		b := daysFromCivil(int64(y), 12, 31) - c.start
		for x := a; x <= b; x++ {
			c.kind[x] |= bit
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
		var pbit uint8
		if e.provisional {
			pbit = kindProvisional
		}
		for _, p := range e.periods {
			notice := p.notice
			if e.provisional {
				notice = "" // the measures, not a notice
			}
			c.labels = append(c.labels, label{p.p.Zh, p.p.En, notice})
			li := uint32(len(c.labels))
			for z := p.first; z <= p.last; z++ {
				if x, ok := inTable(z); ok {
					c.kind[x] = uint8(KindHoliday) | pbit
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
	if hasProv {
		c.provs = make([]int32, c.n+1)
	}
	for x := int64(0); x < c.n; x++ {
		k := DayKind(c.kind[x] &^ (kindFallback | kindProvisional))
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
		if hasProv {
			p := int32(0)
			if c.kind[x]&kindProvisional != 0 {
				p = 1
			}
			c.provs[x+1] = c.provs[x] + p
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
// are official rather than provisional or fallback. It is false for
// zero or out-of-range times.
func (c *Calendar) Covers(a, b time.Time) bool {
	da, err1 := dayOf(a)
	db, err2 := dayOf(b)
	if err1 != nil || err2 != nil {
		return false
	}
	if db < da {
		da, db = db, da
	}
	return c.firstUnpublished(da, db) == 0
}

// ProvisionalBetween reports whether a day from a's date to b's date
// (inclusive, in either order) lies in a provisional year, i.e.
// whether an answer about them, such as AddWorkdays(a, n) == b or
// WorkdaysBetween(a, b), is provisional. It is false for zero or
// out-of-range times.
func (c *Calendar) ProvisionalBetween(a, b time.Time) bool {
	da, err1 := dayOf(a)
	db, err2 := dayOf(b)
	if err1 != nil || err2 != nil {
		return false
	}
	if db < da {
		da, db = db, da
	}
	return c.provisionalIn(da, db)
}

// provisionalIn reports whether a day of [lo, hi] is in a provisional year.
func (c *Calendar) provisionalIn(lo, hi int64) bool {
	if c.strict || lo > hi {
		return false
	}
	t := c.tab.Load()
	if t.provs != nil && lo >= t.start && hi < t.start+t.n {
		return t.provs[hi-t.start+1] != t.provs[lo-t.start]
	}
	lo = max(lo, daysFromCivil(ProvisionalMinYear, 1, 1))
	hi = min(hi, daysFromCivil(ProvisionalMaxYear, 12, 31))
	if lo > hi {
		return false
	}
	for y := yearOf(lo); ; y++ {
		if c.Provisional(y) {
			return true
		}
		if daysFromCivil(int64(y)+1, 1, 1) > hi {
			return false
		}
	}
}

// Schedule returns a copy of the schedule of year, as loaded, or an error
// wrapping ErrNotPublished. For a provisional year see ProvisionalSchedule.
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

// firstUnpublished returns the first year without a published schedule
// among the days [lo, hi], or 0 if all are published.
func (c *Calendar) firstUnpublished(lo, hi int64) int {
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

// firstGap returns the first year among the days [lo, hi] that has neither
// a published nor a provisional schedule, or 0 if there is none.
func (c *Calendar) firstGap(lo, hi int64) int {
	if lo > hi {
		return 0
	}
	y := yearOf(lo)
	for {
		if !c.Published(y) && !c.Provisional(y) {
			return y
		}
		if daysFromCivil(int64(y)+1, 1, 1) > hi {
			return 0
		}
		y++
	}
}

// need returns an error if the days [lo, hi] are needed but not all
// published or provisional (and weekend fallback is off).
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
// to t.start; any int64 within the supported range), extending the table
// with the Monday–Friday rule on both sides.
func (t *tables) cumAt(x int64) int64 {
	switch {
	case x < 0:
		return wk(t.start+x) - wk(t.start)
	case x <= t.n:
		return int64(t.cum[x])
	default:
		return int64(t.cum[t.n]) + wk(t.start+x) - wk(t.start+t.n)
	}
}

// workAt returns the table offset of the working day with index i (i-th
// working day counted from t.start, negative before it).
func (t *tables) workAt(i int64) int64 {
	nw := int64(len(t.work))
	switch {
	case i < 0:
		return wkInv(wk(t.start)+i) - t.start
	case i < nw:
		return int64(t.work[i])
	default:
		return wkInv(wk(t.start+t.n)+i-nw) - t.start
	}
}

// IsWorkday reports whether t's civil date in China is a working day. A day
// of a provisional year is answered from its provisional schedule;
// use Day or ProvisionalBetween to know. It fails with an error wrapping
// ErrNotPublished if that year has neither a published nor a provisional
// schedule (unless weekend fallback is on), ErrZeroTime or ErrOutOfRange.
func (c *Calendar) IsWorkday(t time.Time) (bool, error) {
	d, err := dayOf(t)
	if err != nil {
		return false, err
	}
	tb := c.tab.Load()
	if x := d - tb.start; uint64(x) >= uint64(tb.n) {
		tb = c.cover(tb, d, d)
	}
	if x := d - tb.start; uint64(x) < uint64(tb.n) {
		k := tb.kind[x]
		if k&kindFallback == 0 || c.fallback {
			k &^= kindFallback | kindProvisional
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
// d's date. n < 0 fails with ErrNegativeCount; a result that needs a year
// with neither a published nor a provisional schedule fails with an error
// wrapping ErrNotPublished. A result through a provisional year is
// provisional: use DeadlineOf, or ProvisionalBetween(from, result).
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
	e, err := c.addDays(d, n)
	if err != nil {
		return time.Time{}, err
	}
	return midnight(e), nil
}

// addDays returns the epoch day of the n-th working day after day d (n > 0).
func (c *Calendar) addDays(d int64, n int) (int64, error) {
	// Fast path: everything inside the table, no gap years.
	tb := c.tab.Load()
	x := d - tb.start + 1
	if uint64(x) < uint64(tb.n) && n <= len(tb.work) {
		t := int64(tb.cum[x]) + int64(n) - 1
		if t < int64(len(tb.work)) {
			e := int64(tb.work[t])
			if tb.gaps == nil || tb.gaps[e+1] == tb.gaps[x] || c.fallback {
				return tb.start + e, nil
			}
		}
	}
	return c.addSlow(tb, d, n)
}

func (c *Calendar) addSlow(tb *tables, d int64, n int) (int64, error) {
	span := maxDay - minDay + 1
	if int64(n) > span {
		if err := c.need(d+1, maxDay); err != nil {
			return 0, err
		}
		return 0, ErrOutOfRange
	}
	for {
		x := d - tb.start + 1
		t := tb.cumAt(x) + int64(n) - 1
		e := tb.start + tb.workAt(t)
		if e > maxDay {
			if err := c.need(d+1, maxDay); err != nil {
				return 0, err
			}
			return 0, ErrOutOfRange
		}
		// A year without any schedule up to e fails now: building the
		// provisional years before it would only move e later.
		if err := c.need(d+1, e); err != nil {
			return 0, err
		}
		// A provisional year beyond the tables: build it and count again
		// (its holidays push the result later).
		if nt := c.cover(tb, d+1, e); nt != tb {
			tb = nt
			continue
		}
		return e, nil
	}
}

// WorkdaysBetween returns the number of working days in (from, to]: after
// from's civil date, up to and including to's. If to is before from the
// result is -WorkdaysBetween(to, from); equal dates give 0. A count that
// needs a year with neither a published nor a provisional schedule fails
// with an error wrapping ErrNotPublished; a count through a provisional year
// is provisional (ProvisionalBetween, Remaining).
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
	tb := c.tab.Load()
	xa, xb := a-tb.start+1, b-tb.start+1
	if xa >= 0 && xb <= tb.n {
		if tb.gaps == nil || tb.gaps[xb] == tb.gaps[xa] || c.fallback {
			return sign * int(tb.cum[xb]-tb.cum[xa]), nil
		}
	}
	if err := c.need(a+1, b); err != nil {
		return 0, err
	}
	if a < b {
		tb = c.cover(tb, a+1, b)
	}
	xa, xb = a-tb.start+1, b-tb.start+1
	return sign * int(tb.cumAt(xb)-tb.cumAt(xa)), nil
}

// String describes the calendar, e.g. "calendar 2007–2026 (State Council
// schedules), provisional 2027–2100".
func (c *Calendar) String() string {
	s := "calendar without schedules"
	if c.first != 0 {
		s = fmt.Sprintf("calendar %d–%d (State Council schedules)", c.first, c.last)
	}
	if !c.strict {
		lo := max(c.last+1, ProvisionalMinYear)
		if lo <= ProvisionalMaxYear {
			s += fmt.Sprintf(", provisional %d–%d", lo, ProvisionalMaxYear)
		}
	}
	if c.fallback {
		s += ", weekend fallback"
	}
	return s
}
