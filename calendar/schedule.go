package calendar

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits on schedule data.
const (
	// MinYear and MaxYear bound the year of a schedule entry.
	MinYear = 1949
	MaxYear = 9999
	// MaxPeriodDays is the longest holiday period accepted (the longest
	// published so far is the 10 days of the 2020 Spring Festival).
	MaxPeriodDays = 31
	// MaxScheduleBytes is the largest schedule document accepted.
	MaxScheduleBytes = 4 << 20

	maxProblems = 100
)

// ScheduleFile is the JSON document of holiday schedules: the embedded
// data/schedules.json and any document given to WithSchedules or
// WithSchedulesJSON have this shape. Unknown fields are rejected, so that a
// misspelt field cannot silently drop a holiday.
type ScheduleFile struct {
	// Source says where the data comes from (header, informative).
	Source string `json:"source"`
	// Compiled is the date the document was compiled, "YYYY-MM-DD" (informative).
	Compiled string `json:"compiled"`
	// Rules names the statutory rules the notices apply (informative).
	Rules string `json:"rules,omitempty"`
	// Years has one entry per calendar year, in any order, each year at most once.
	Years []Schedule `json:"years"`
}

// Schedule is the arrangement of one calendar year as published by the State
// Council: the notice(s), the holiday periods (days off) and the makeup
// workdays (weekend days worked, 调休上班).
//
// Dates are "YYYY-MM-DD" civil dates in China. A date belongs to the year
// entry of the notice that declared it; besides the year itself, only the
// December of the previous year is allowed, because a New Year arrangement
// may start there (e.g. the 2019 notice: 2018-12-30 to 2019-01-01 off and
// Saturday 2018-12-29 worked). Such dates keep their place under the
// declaring year, and the per-day tables are built over all entries.
type Schedule struct {
	Year     int             `json:"year"`           // the calendar year arranged
	Notices  []Notice        `json:"notices"`        // the notice(s), the yearly one first
	Note     string          `json:"note,omitempty"` // remarks on special cases (informative)
	Holidays []HolidayPeriod `json:"holidays"`       // days off, ascending, disjoint
	Workdays []MakeupWorkday `json:"workdays"`       // weekend days worked, ascending
}

// Notice identifies an official notice.
type Notice struct {
	// Title, e.g. "国务院办公厅关于2026年部分节假日安排的通知".
	Title string `json:"title"`
	// Number is the document number, e.g. "国办发明电〔2025〕7号".
	Number string `json:"number"`
	// Date is the date the notice bears, "YYYY-MM-DD".
	Date string `json:"date"`
}

// HolidayPeriod is a run of consecutive days off, as the notice names it.
type HolidayPeriod struct {
	Zh    string `json:"zh"`    // Chinese name, e.g. "春节"
	En    string `json:"en"`    // English name, e.g. "Spring Festival"
	First string `json:"first"` // first day off, "YYYY-MM-DD"
	Last  string `json:"last"`  // last day off, inclusive
	// Notice is the number of the notice that declared the period when it is
	// not the year's first notice (e.g. a later change notice).
	Notice string `json:"notice,omitempty"`
}

// MakeupWorkday is a Saturday or Sunday declared a working day (调休上班).
type MakeupWorkday struct {
	Date string `json:"date"` // "YYYY-MM-DD", a Saturday or Sunday
	// Holiday is the Chinese name of the holiday period (of the same year
	// entry) this day makes up for; optional.
	Holiday string `json:"holiday,omitempty"`
	// Notice as in HolidayPeriod.Notice.
	Notice string `json:"notice,omitempty"`
}

// entry is a validated Schedule with parsed dates.
type entry struct {
	sched       Schedule
	periods     []parsedPeriod
	makeups     []parsedMakeup
	provisional bool // built by ProvisionalSchedule, not published
}

type parsedPeriod struct {
	first, last int64
	p           *HolidayPeriod
	notice      string
}

type parsedMakeup struct {
	day    int64
	w      *MakeupWorkday
	period *HolidayPeriod // may be nil
	notice string
}

type problems struct {
	list []*ScheduleError
}

func (p *problems) add(e *ScheduleError) {
	if len(p.list) < maxProblems {
		p.list = append(p.list, e)
	}
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	return &InvalidScheduleError{Problems: p.list}
}

// ParseSchedules decodes and validates a schedule document. It returns every
// problem found, as an *InvalidScheduleError; valid documents are returned
// as decoded.
func ParseSchedules(data []byte) (*ScheduleFile, error) {
	f, entries, err := parseFile(data)
	if err != nil {
		return nil, err
	}
	var ps problems
	crossCheck(entries, &ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return f, nil
}

func readAllLimited(r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, &InvalidScheduleError{Problems: []*ScheduleError{{
			Code: CodeScheduleSyntax, Detail: "nil reader"}}}
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxScheduleBytes+1))
	if err != nil {
		return nil, &InvalidScheduleError{Problems: []*ScheduleError{{
			Code: CodeScheduleSyntax, Detail: "reading schedules: " + err.Error()}}}
	}
	return data, nil
}

// parseFile decodes data and validates each year entry on its own.
func parseFile(data []byte) (*ScheduleFile, []*entry, error) {
	var ps problems
	if len(data) > MaxScheduleBytes {
		ps.add(&ScheduleError{Code: CodeScheduleSyntax,
			Detail: fmt.Sprintf("document larger than %d bytes", MaxScheduleBytes)})
		return nil, nil, ps.err()
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f ScheduleFile
	if err := dec.Decode(&f); err != nil {
		ps.add(&ScheduleError{Code: CodeScheduleSyntax, Detail: jsonDetail(err)})
		return nil, nil, ps.err()
	}
	if _, err := dec.Token(); err != io.EOF {
		ps.add(&ScheduleError{Code: CodeScheduleSyntax, Detail: "unexpected data after the JSON document"})
		return nil, nil, ps.err()
	}
	if len(f.Years) == 0 {
		ps.add(&ScheduleError{Code: CodeScheduleYear, Field: "years", Detail: "no year entries"})
		return nil, nil, ps.err()
	}
	seen := make(map[int]int, len(f.Years))
	entries := make([]*entry, 0, len(f.Years))
	for i := range f.Years {
		s := &f.Years[i]
		path := fmt.Sprintf("years[%d]", i)
		if s.Year < MinYear || s.Year > MaxYear {
			ps.add(&ScheduleError{Code: CodeScheduleYear, Year: s.Year, Field: path + ".year",
				Detail: fmt.Sprintf("year must be between %d and %d", MinYear, MaxYear)})
			continue
		}
		if j, dup := seen[s.Year]; dup {
			ps.add(&ScheduleError{Code: CodeScheduleYear, Year: s.Year, Field: path + ".year",
				Detail: fmt.Sprintf("year already given at years[%d]", j)})
			continue
		}
		seen[s.Year] = i
		if e := validateEntry(s, path, &ps); e != nil {
			entries = append(entries, e)
		}
	}
	if err := ps.err(); err != nil {
		return nil, nil, err
	}
	return &f, entries, nil
}

func jsonDetail(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("JSON syntax error at byte %d: %v", se.Offset, se)
	case errors.As(err, &te):
		return fmt.Sprintf("JSON value of wrong type at byte %d (field %q): %v", te.Offset, te.Field, te)
	}
	return "JSON: " + err.Error()
}

// validateEntry checks one year entry. It returns nil if the entry has a
// problem (all problems are recorded in ps).
func validateEntry(s *Schedule, path string, ps *problems) *entry {
	y := s.Year
	n0 := len(ps.list)
	lo := daysFromCivil(int64(y-1), 12, 1)
	hi := daysFromCivil(int64(y), 12, 31)

	numbers := make(map[string]bool, len(s.Notices))
	if len(s.Notices) == 0 {
		ps.add(&ScheduleError{Code: CodeScheduleNotice, Year: y, Field: path + ".notices",
			Detail: "at least one notice is required"})
	}
	for i := range s.Notices {
		n := &s.Notices[i]
		np := fmt.Sprintf("%s.notices[%d]", path, i)
		if strings.TrimSpace(n.Title) == "" {
			ps.add(&ScheduleError{Code: CodeScheduleNotice, Year: y, Field: np + ".title", Detail: "missing title"})
		}
		if strings.TrimSpace(n.Number) == "" {
			ps.add(&ScheduleError{Code: CodeScheduleNotice, Year: y, Field: np + ".number", Detail: "missing document number"})
		}
		if _, ok := parseDate(n.Date); !ok {
			ps.add(&ScheduleError{Code: CodeScheduleDate, Year: y, Date: n.Date, Field: np + ".date",
				Detail: "not a valid YYYY-MM-DD date"})
		}
		numbers[n.Number] = true
	}
	firstNumber := ""
	if len(s.Notices) > 0 {
		firstNumber = s.Notices[0].Number
	}
	noticeOf := func(ref, field string) string {
		if ref == "" {
			return firstNumber
		}
		if !numbers[ref] {
			ps.add(&ScheduleError{Code: CodeScheduleNotice, Year: y, Field: field,
				Detail: fmt.Sprintf("notice %q is not among the year's notices", ref)})
		}
		return ref
	}

	// date parses and range-checks one date field.
	date := func(v, field string) (int64, bool) {
		z, ok := parseDate(v)
		if !ok {
			ps.add(&ScheduleError{Code: CodeScheduleDate, Year: y, Date: v, Field: field,
				Detail: "not a valid YYYY-MM-DD date"})
			return 0, false
		}
		if z < lo || z > hi {
			ps.add(&ScheduleError{Code: CodeScheduleWrongYear, Year: y, Date: v, Field: field,
				Detail: fmt.Sprintf("date must lie in %d or in December %d", y, y-1)})
			return 0, false
		}
		return z, true
	}

	e := &entry{sched: *s}
	byName := make(map[string]*HolidayPeriod, len(s.Holidays))
	prevLast := int64(-1 << 62)
	for i := range s.Holidays {
		p := &s.Holidays[i]
		hp := fmt.Sprintf("%s.holidays[%d]", path, i)
		if strings.TrimSpace(p.Zh) == "" || strings.TrimSpace(p.En) == "" {
			ps.add(&ScheduleError{Code: CodeSchedulePeriod, Year: y, Field: hp,
				Detail: "holiday period needs a Chinese (zh) and an English (en) name"})
		}
		notice := noticeOf(p.Notice, hp+".notice")
		f, ok1 := date(p.First, hp+".first")
		l, ok2 := date(p.Last, hp+".last")
		if !ok1 || !ok2 {
			continue
		}
		if f > l {
			ps.add(&ScheduleError{Code: CodeSchedulePeriod, Year: y, Date: p.First, Field: hp,
				Detail: "first date after last date"})
			continue
		}
		if l-f+1 > MaxPeriodDays {
			ps.add(&ScheduleError{Code: CodeSchedulePeriod, Year: y, Date: p.First, Field: hp,
				Detail: fmt.Sprintf("period longer than %d days", MaxPeriodDays)})
			continue
		}
		if f <= prevLast {
			ps.add(&ScheduleError{Code: CodeScheduleOrder, Year: y, Date: p.First, Field: hp + ".first",
				Detail: "holiday periods must be in ascending order and must not overlap"})
		}
		prevLast = l
		if _, dup := byName[p.Zh]; !dup {
			byName[p.Zh] = p
		}
		e.periods = append(e.periods, parsedPeriod{first: f, last: l, p: p, notice: notice})
	}

	prev := int64(-1 << 62)
	for i := range s.Workdays {
		w := &s.Workdays[i]
		wp := fmt.Sprintf("%s.workdays[%d]", path, i)
		notice := noticeOf(w.Notice, wp+".notice")
		z, ok := date(w.Date, wp+".date")
		if !ok {
			continue
		}
		if !isWeekend(z) {
			ps.add(&ScheduleError{Code: CodeScheduleMakeupNotWeekend, Year: y, Date: w.Date, Field: wp + ".date",
				Detail: fmt.Sprintf("makeup workday falls on a %s; only Saturdays and Sundays can be declared worked", weekdayOf(z))})
		}
		switch {
		case z == prev:
			ps.add(&ScheduleError{Code: CodeScheduleDuplicate, Year: y, Date: w.Date, Field: wp + ".date",
				Detail: "makeup workday listed twice"})
		case z < prev:
			ps.add(&ScheduleError{Code: CodeScheduleOrder, Year: y, Date: w.Date, Field: wp + ".date",
				Detail: "makeup workdays must be in ascending order"})
		}
		prev = z
		for _, p := range e.periods {
			if z >= p.first && z <= p.last {
				ps.add(&ScheduleError{Code: CodeScheduleConflict, Year: y, Date: w.Date, Field: wp + ".date",
					Detail: fmt.Sprintf("date is both a makeup workday and a day off (%s)", p.p.Zh)})
			}
		}
		var period *HolidayPeriod
		if w.Holiday != "" {
			period = byName[w.Holiday]
			if period == nil {
				ps.add(&ScheduleError{Code: CodeScheduleHolidayRef, Year: y, Date: w.Date, Field: wp + ".holiday",
					Detail: fmt.Sprintf("no holiday period named %q in this year", w.Holiday)})
			}
		}
		e.makeups = append(e.makeups, parsedMakeup{day: z, w: w, period: period, notice: notice})
	}
	if len(ps.list) != n0 {
		return nil
	}
	return e
}

// crossCheck reports dates declared by two entries: the same status twice is
// a duplicate, day off and workday a conflict.
func crossCheck(entries []*entry, ps *problems) {
	type decl struct {
		year int
		off  bool
	}
	seen := make(map[int64]decl)
	for _, e := range entries {
		y := e.sched.Year
		note := func(z int64, off bool) {
			if d, ok := seen[z]; ok && d.year != y {
				code, what := CodeScheduleDuplicate, "also declared by the schedule of"
				if d.off != off {
					code, what = CodeScheduleConflict, "declared with the opposite status (day off / workday) by the schedule of"
				}
				ps.add(&ScheduleError{Code: code, Year: y, Date: formatDate(z),
					Detail: fmt.Sprintf("%s %d", what, d.year)})
				return
			}
			seen[z] = decl{y, off}
		}
		for _, p := range e.periods {
			for z := p.first; z <= p.last; z++ {
				note(z, true)
			}
		}
		for _, m := range e.makeups {
			note(m.day, false)
		}
	}
}
