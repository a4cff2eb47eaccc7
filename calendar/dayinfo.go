package calendar

import "time"

// DayKind classifies a day.
type DayKind uint8

// The kinds of day.
const (
	// KindWorkday is an ordinary Monday–Friday working day.
	KindWorkday DayKind = iota + 1
	// KindWeekend is an ordinary Saturday or Sunday off.
	KindWeekend
	// KindHoliday is a day inside a holiday period of a notice (a weekend day
	// inside a period is KindHoliday too).
	KindHoliday
	// KindMakeupWorkday is a Saturday or Sunday declared a working day (调休上班).
	KindMakeupWorkday
)

// String returns "workday", "weekend", "holiday" or "makeup_workday".
func (k DayKind) String() string {
	switch k {
	case KindWorkday:
		return "workday"
	case KindWeekend:
		return "weekend"
	case KindHoliday:
		return "holiday"
	case KindMakeupWorkday:
		return "makeup_workday"
	}
	return "unknown"
}

// NameZh returns the Chinese name for display: 工作日, 周末, 节假日, 调休上班.
func (k DayKind) NameZh() string {
	switch k {
	case KindWorkday:
		return "工作日"
	case KindWeekend:
		return "周末"
	case KindHoliday:
		return "节假日"
	case KindMakeupWorkday:
		return "调休上班"
	}
	return "未知"
}

// IsWorkday reports whether the kind is a working day (KindWorkday or KindMakeupWorkday).
func (k DayKind) IsWorkday() bool { return k == KindWorkday || k == KindMakeupWorkday }

// DayInfo describes one civil day, for display.
type DayInfo struct {
	// Date is midnight China Standard Time of the day.
	Date time.Time
	// Kind of day.
	Kind DayKind
	// Workday is Kind.IsWorkday().
	Workday bool
	// HolidayZh and HolidayEn name the holiday period for KindHoliday, and
	// the holiday a KindMakeupWorkday makes up for (when the data says);
	// empty otherwise.
	HolidayZh, HolidayEn string
	// Notice is the document number of the notice that declared the day
	// (KindHoliday, KindMakeupWorkday), e.g. "国办发明电〔2023〕7号".
	Notice string
	// Fallback is true when the year has no published schedule and the
	// answer comes from the Monday–Friday rule of WithWeekendFallback.
	Fallback bool
	// Provisional is true when the year has no published schedule and the
	// answer comes from its provisional schedule (R-24, built from the
	// statutory public holidays; Notice is then empty). Show NoteZh with it.
	Provisional bool
}

// NoteZh returns ProvisionalNoteZh for a provisional answer, else "".
func (d DayInfo) NoteZh() string {
	if d.Provisional {
		return ProvisionalNoteZh
	}
	return ""
}

// String returns e.g. "2024-02-04 makeup_workday 春节".
func (d DayInfo) String() string {
	s := d.Date.Format("2006-01-02") + " " + d.Kind.String()
	if d.HolidayZh != "" {
		s += " " + d.HolidayZh
	}
	if d.Fallback {
		s += " (fallback)"
	}
	if d.Provisional {
		s += " (provisional)"
	}
	return s
}

// Day describes t's civil date in China. A day of a provisional year
// has DayInfo.Provisional set. It fails with an error wrapping
// ErrNotPublished if the year has neither a published nor a provisional
// schedule (unless weekend fallback is on, in which case DayInfo.Fallback is
// true).
func (c *Calendar) Day(t time.Time) (DayInfo, error) {
	d, err := dayOf(t)
	if err != nil {
		return DayInfo{}, err
	}
	info := DayInfo{Date: midnight(d)}
	tb := c.tab.Load()
	if x := d - tb.start; uint64(x) >= uint64(tb.n) {
		tb = c.cover(tb, d, d)
	}
	if x := d - tb.start; uint64(x) < uint64(tb.n) && tb.kind[x]&kindFallback == 0 {
		info.Kind = DayKind(tb.kind[x] &^ kindProvisional)
		info.Provisional = tb.kind[x]&kindProvisional != 0
		if r := tb.ref[x]; r != 0 {
			l := tb.labels[r-1]
			info.HolidayZh, info.HolidayEn, info.Notice = l.zh, l.en, l.notice
		}
	} else {
		if err := c.need(d, d); err != nil {
			return DayInfo{}, err
		}
		info.Fallback = true
		info.Kind = KindWorkday
		if isWeekend(d) {
			info.Kind = KindWeekend
		}
	}
	info.Workday = info.Kind.IsWorkday()
	return info, nil
}
