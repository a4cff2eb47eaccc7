package calendar

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	lunar "github.com/6tail/lunar-go/calendar"
)

// Provisional years.
//
// A year whose State Council notice is not in the data is answered from a
// provisional schedule built from the statutory public holidays of 全国年节及
// 纪念日放假办法 alone (data/statutory.json): the lunar dates (除夕, 春节,
// 端午, 中秋) and the Qingming solar term come from github.com/6tail/lunar-go,
// a maintained, dependency-free implementation of the 寿星万年历 astronomical
// algorithms (checked against every published year by the package tests). The
// notice's makeup workdays (调休上班) and the days it joins to a holiday
// cannot be derived: a provisional schedule has none, and every answer built
// on it says so (DayInfo.Provisional, Countdown.Provisional, Due.Provisional).

const (
	// ProvisionalMinYear and ProvisionalMaxYear bound the years a provisional
	// schedule can be built for: the statutory days are known from the 1999
	// measures on (2000 is their first full year), and a time limit of the
	// filing rules never reaches past 2100. DESIGN: outside these years a
	// query needing an unpublished year fails with ErrNotPublished.
	ProvisionalMinYear = 2000
	ProvisionalMaxYear = 2100

	// ProvisionalNoteZh is the note shown to users next to every date or
	// count computed from a provisional year.
	ProvisionalNoteZh = "（暂按法定节假日推算，以国务院通知为准）"
	// ProvisionalNoteEn is its English counterpart, for developers.
	ProvisionalNoteEn = "(provisional: computed from the statutory public holidays; the State Council notice prevails)"
)

//go:embed data/statutory.json
var statutoryJSON []byte

// statutoryFile is data/statutory.json.
type statutoryFile struct {
	Source   string    `json:"source"`
	Compiled string    `json:"compiled"`
	Measures []measure `json:"measures"`
}

// measure is one version of 全国年节及纪念日放假办法 and the public holidays of
// all citizens it lists.
type measure struct {
	Number   string      `json:"number"`
	Title    string      `json:"title"`
	Date     string      `json:"date"`
	From     int         `json:"from"`  // first full calendar year it governs
	Total    int         `json:"total"` // number of statutory days
	Note     string      `json:"note"`
	Holidays []statutory `json:"holidays"`
}

// statutory is one public holiday of a measure: Days days from its date
// plus Offset days.
type statutory struct {
	Zh       string `json:"zh"`
	En       string `json:"en"`
	Calendar string `json:"calendar"` // "gregorian", "lunar" or "qingming"
	Month    int    `json:"month,omitempty"`
	Day      int    `json:"day,omitempty"`
	Offset   int    `json:"offset,omitempty"`
	Days     int    `json:"days"`
}

var (
	statutoryOnce sync.Once
	measures      []measure
	// lunarMu serialises calls into lunar-go, whose year cache is a package
	// variable.
	lunarMu sync.Mutex
)

func loadMeasures() []measure {
	statutoryOnce.Do(func() {
		var f statutoryFile
		dec := json.NewDecoder(bytes.NewReader(statutoryJSON))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&f); err != nil {
			// The embedded table is checked by the package tests.
			panic("calendar: data/statutory.json is invalid: " + err.Error())
		}
		sort.Slice(f.Measures, func(i, j int) bool { return f.Measures[i].From < f.Measures[j].From })
		measures = f.Measures
	})
	return measures
}

// measureFor returns the measure governing year (nil before the first).
func measureFor(year int) *measure {
	ms := loadMeasures()
	var m *measure
	for i := range ms {
		if ms[i].From <= year {
			m = &ms[i]
		}
	}
	return m
}

// statutoryDay returns the epoch day of the first statutory day of h in
// year (before Offset).
func statutoryDay(h *statutory, year int) int64 {
	switch h.Calendar {
	case "lunar":
		lunarMu.Lock()
		s := lunar.NewLunarFromYmd(year, h.Month, h.Day).GetSolar()
		lunarMu.Unlock()
		return daysFromCivil(int64(s.GetYear()), s.GetMonth(), s.GetDay())
	case "qingming":
		lunarMu.Lock()
		s := lunar.NewLunarFromYmd(year, 1, 1).GetJieQiTable()["清明"]
		lunarMu.Unlock()
		return daysFromCivil(int64(s.GetYear()), s.GetMonth(), s.GetDay())
	}
	return daysFromCivil(int64(year), h.Month, h.Day)
}

// StatutoryDay is one public holiday of all citizens on one civil date.
type StatutoryDay struct {
	Date   string // "YYYY-MM-DD"
	Zh, En string // the holiday, e.g. "春节", "Spring Festival"
}

// StatutoryDays returns the public holidays of all citizens that 全国年节及纪
// 念日放假办法, in the version governing year, places in that year:
// 13 days from 2025, 11 in 2008–2024, 10 in 2000–2007, in date order (two
// holidays on the same date, e.g. 中秋节 on 10月1日, are both listed). It
// fails with ErrNotPublished outside ProvisionalMinYear..ProvisionalMaxYear.
func StatutoryDays(year int) ([]StatutoryDay, error) {
	days, err := statutoryDays(year)
	if err != nil {
		return nil, err
	}
	out := make([]StatutoryDay, len(days))
	for i, d := range days {
		out[i] = StatutoryDay{Date: formatDate(d.day), Zh: d.h.Zh, En: d.h.En}
	}
	return out, nil
}

type statDay struct {
	day int64
	h   *statutory
}

// statGroup is the run of statutory days of one holiday.
type statGroup struct {
	first int64
	days  int
	h     *statutory
}

// statutoryGroups returns the holidays of year with their first statutory
// day, in date order (stable: measure order for the same date).
func statutoryGroups(year int) ([]statGroup, error) {
	m := measureFor(year)
	if m == nil || year < ProvisionalMinYear || year > ProvisionalMaxYear {
		return nil, &NotPublishedError{Year: year}
	}
	out := make([]statGroup, 0, len(m.Holidays))
	for i := range m.Holidays {
		h := &m.Holidays[i]
		out = append(out, statGroup{statutoryDay(h, year) + int64(h.Offset), h.Days, h})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].first < out[j].first })
	return out, nil
}

func statutoryDays(year int) ([]statDay, error) {
	gs, err := statutoryGroups(year)
	if err != nil {
		return nil, err
	}
	var out []statDay
	for _, g := range gs {
		for k := 0; k < g.days; k++ {
			out = append(out, statDay{g.first + int64(k), g.h})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].day < out[j].day })
	return out, nil
}

// ProvisionalSchedule returns the provisional schedule of year: what
// the calendar uses for a year without a published notice. Each public
// holiday of all citizens (StatutoryDays) is a day off; a statutory day on a
// Saturday or Sunday, or on the date of another holiday, is made up on the
// first following weekday that is not already off, as the measures require
// (补假), and the holiday's period runs to that day. Holidays whose periods
// overlap form one period (e.g. "中秋节、国庆节"). It has no makeup workdays:
// those only a notice declares. Its Notices name the governing measures,
// not a notice, and its Note says it is provisional.
//
// It fails with ErrNotPublished outside ProvisionalMinYear..ProvisionalMaxYear.
func ProvisionalSchedule(year int) (Schedule, error) {
	return provisionalSchedule(year, true)
}

// provisionalSchedule builds the schedule; compensate=false leaves out the
// made-up days (used by the comparison with the published years).
func provisionalSchedule(year int, compensate bool) (Schedule, error) {
	groups, err := statutoryGroups(year)
	if err != nil {
		return Schedule{}, err
	}
	m := measureFor(year)
	off := make(map[int64]bool, 16)
	for _, g := range groups {
		for k := 0; k < g.days; k++ {
			off[g.first+int64(k)] = true
		}
	}
	type span struct {
		first, last int64
		zh, en      []string
	}
	spans := make([]span, 0, len(groups))
	seen := make(map[int64]bool, 16)
	for _, g := range groups {
		s := span{first: g.first, last: g.first + int64(g.days) - 1, zh: []string{g.h.Zh}, en: []string{g.h.En}}
		lost := 0
		for z := s.first; z <= s.last; z++ {
			if isWeekend(z) || seen[z] {
				lost++
			}
			seen[z] = true
		}
		if compensate {
			for z := s.last + 1; lost > 0; z++ {
				if !isWeekend(z) && !off[z] {
					off[z] = true
					lost--
				}
				s.last = z
			}
		}
		spans = append(spans, s)
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].first < spans[j].first })
	var merged []span
	for _, s := range spans {
		if n := len(merged); n > 0 && s.first <= merged[n-1].last {
			p := &merged[n-1]
			if s.last > p.last {
				p.last = s.last
			}
			p.zh = append(p.zh, s.zh...)
			p.en = append(p.en, s.en...)
			continue
		}
		merged = append(merged, s)
	}
	sched := Schedule{
		Year: year,
		Notices: []Notice{{
			Title:  "全国年节及纪念日放假办法（" + m.Title + "）",
			Number: m.Number,
			Date:   m.Date,
		}},
		Note: fmt.Sprintf("Provisional (R-24): built from the %d statutory days of %s; the State Council notice for %d is not in the data. %s",
			m.Total, m.Number, year, ProvisionalNoteZh),
		Holidays: make([]HolidayPeriod, 0, len(merged)),
		Workdays: []MakeupWorkday{},
	}
	for _, s := range merged {
		sched.Holidays = append(sched.Holidays, HolidayPeriod{
			Zh:    strings.Join(s.zh, "、"),
			En:    strings.Join(s.en, " and "),
			First: formatDate(s.first),
			Last:  formatDate(s.last),
		})
	}
	return sched, nil
}

// provisionalEntry is ProvisionalSchedule(year) validated into an entry.
func provisionalEntry(year int) (*entry, error) {
	s, err := ProvisionalSchedule(year)
	if err != nil {
		return nil, err
	}
	var ps problems
	e := validateEntry(&s, fmt.Sprintf("provisional[%d]", year), &ps)
	if err := ps.err(); err != nil {
		return nil, err
	}
	e.provisional = true
	return e, nil
}
