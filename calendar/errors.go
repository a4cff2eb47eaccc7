package calendar

import (
	"fmt"
	"strconv"
	"strings"
)

// Stable error codes of this package. They never change meaning and are safe
// to store, compare and show to support staff.
const (
	// CodeNotPublished: a query needs a year with no published schedule.
	CodeNotPublished = "calendar.not_published"
	// CodeNegativeCount: AddWorkdays was asked for a negative number of days.
	CodeNegativeCount = "calendar.negative_count"
	// CodeZeroTime: a query was given the zero time.Time.
	CodeZeroTime = "calendar.zero_time"
	// CodeOutOfRange: a date outside years 1..9999 (China Standard Time).
	CodeOutOfRange = "calendar.out_of_range"
	// CodeUnknownDeadline: a DeadlineKind that is not one of the declared kinds.
	CodeUnknownDeadline = "calendar.unknown_deadline"
	// CodeInvalidDay: a civil date that NewDay, ParseDay or Day.UnmarshalText
	// refuses (not YYYY-MM-DD, or no such day).
	CodeInvalidDay = "calendar.invalid_day"
	// CodeInvalidSchedule: schedule data (JSON) that cannot be used; the
	// individual problems carry the more specific CodeSchedule* codes.
	CodeInvalidSchedule = "calendar.invalid_schedule"

	// CodeScheduleSyntax: the JSON is malformed or has values of the wrong type.
	CodeScheduleSyntax = "calendar.schedule.syntax"
	// CodeScheduleYear: a year entry has a missing, out-of-range or duplicate year.
	CodeScheduleYear = "calendar.schedule.year"
	// CodeScheduleNotice: a notice is missing its title, number or date.
	CodeScheduleNotice = "calendar.schedule.notice"
	// CodeScheduleDate: a date is not a valid YYYY-MM-DD calendar date.
	CodeScheduleDate = "calendar.schedule.date"
	// CodeScheduleWrongYear: a date lies outside the year entry that declares it
	// (allowed: the year itself and the December before it).
	CodeScheduleWrongYear = "calendar.schedule.wrong_year"
	// CodeSchedulePeriod: a holiday period without names, with its first date
	// after its last, or longer than MaxPeriodDays.
	CodeSchedulePeriod = "calendar.schedule.period"
	// CodeScheduleOrder: periods or workdays not in ascending order, or
	// overlapping periods.
	CodeScheduleOrder = "calendar.schedule.order"
	// CodeScheduleMakeupNotWeekend: a makeup workday that is not a Saturday or Sunday.
	CodeScheduleMakeupNotWeekend = "calendar.schedule.makeup_not_weekend"
	// CodeScheduleConflict: a date that is both a day off and a makeup workday.
	CodeScheduleConflict = "calendar.schedule.conflict"
	// CodeScheduleDuplicate: a date declared twice (in one year entry or in two).
	CodeScheduleDuplicate = "calendar.schedule.duplicate"
	// CodeScheduleHolidayRef: a makeup workday names a holiday that the same
	// year entry does not list.
	CodeScheduleHolidayRef = "calendar.schedule.holiday_ref"
)

// CodedError is implemented by every error this package returns. It mirrors
// the error convention of the whole SDK: a stable dotted code, a Chinese
// message for end users and an English one for developers. Error() returns
// "<code>: <english message>".
type CodedError interface {
	error
	ErrorCode() string
	MessageZh() string
	MessageEn() string
}

// Error is a plain coded error. The package's sentinel errors are of this
// type; compare them with errors.Is.
type Error struct {
	code, zh, en string
}

// ErrorCode returns the stable dotted code, e.g. "calendar.zero_time".
func (e *Error) ErrorCode() string { return e.code }

// MessageZh returns the message for end users, in Chinese.
func (e *Error) MessageZh() string { return e.zh }

// MessageEn returns the message for developers, in English.
func (e *Error) MessageEn() string { return e.en }

// Error returns "<code>: <english message>".
func (e *Error) Error() string { return e.code + ": " + e.en }

// Sentinel errors. Every error returned by this package wraps (or is) one of
// them, so errors.Is(err, calendar.ErrNotPublished) and friends work.
var (
	// ErrNotPublished is wrapped by *NotPublishedError: the query needs a year
	// whose State Council schedule is not in the data.
	ErrNotPublished = &Error{CodeNotPublished, "节假日安排尚未公布", "holiday schedule not published"}
	// ErrNegativeCount is returned by AddWorkdays for n < 0.
	ErrNegativeCount = &Error{CodeNegativeCount, "工作日天数不能为负数", "working-day count must not be negative"}
	// ErrZeroTime is returned when a query is given the zero time.Time.
	ErrZeroTime = &Error{CodeZeroTime, "日期为空", "time is the zero value"}
	// ErrOutOfRange is returned for dates, or results, outside years 1..9999.
	ErrOutOfRange = &Error{CodeOutOfRange, "日期超出支持范围（公元1年至9999年）", "date outside the supported range (years 1 to 9999)"}
	// ErrUnknownDeadline is returned by Deadline for an undeclared DeadlineKind.
	ErrUnknownDeadline = &Error{CodeUnknownDeadline, "未知的期限类型", "unknown deadline kind"}
	// ErrInvalidDay is wrapped by *DayError: a date that is not
	// "YYYY-MM-DD" or not a real date (2023-02-29).
	ErrInvalidDay = &Error{CodeInvalidDay, "日期无效，请填写真实存在的日期（如2024-10-01）", "invalid date (want YYYY-MM-DD, a real date in years 1..9999)"}
	// ErrInvalidSchedule is wrapped by *ScheduleError and *InvalidScheduleError.
	ErrInvalidSchedule = &Error{CodeInvalidSchedule, "节假日安排数据无效", "invalid holiday schedule data"}
)

// NotPublishedError reports that a query needs the schedule of Year, which is
// not in the calendar's data (and weekend fallback is off). It wraps
// ErrNotPublished.
type NotPublishedError struct {
	Year int // the first year needed by the query that has no published schedule
}

// ErrorCode returns CodeNotPublished.
func (e *NotPublishedError) ErrorCode() string { return CodeNotPublished }

// MessageZh returns e.g. "2027年节假日安排尚未公布".
func (e *NotPublishedError) MessageZh() string {
	return strconv.Itoa(e.Year) + "年节假日安排尚未公布，无法计算工作日"
}

// MessageEn returns e.g. "holiday schedule for 2027 not published".
func (e *NotPublishedError) MessageEn() string {
	return "holiday schedule for " + strconv.Itoa(e.Year) + " not published; working days cannot be computed"
}

// Error returns "calendar.not_published: <english message>".
func (e *NotPublishedError) Error() string { return CodeNotPublished + ": " + e.MessageEn() }

// Unwrap returns ErrNotPublished.
func (e *NotPublishedError) Unwrap() error { return ErrNotPublished }

// Is reports whether target is ErrNotPublished or a *NotPublishedError for
// the same year (a *NotPublishedError with Year 0 matches any year).
func (e *NotPublishedError) Is(target error) bool {
	if target == ErrNotPublished {
		return true
	}
	t, ok := target.(*NotPublishedError)
	return ok && (t.Year == 0 || t.Year == e.Year)
}

// ScheduleError is one problem found in schedule data. It wraps
// ErrInvalidSchedule. Year and Date are set when the problem belongs to a
// year entry or a date; Field is the JSON path of the offending value, e.g.
// "years[3].workdays[0].date".
type ScheduleError struct {
	Code   string // one of the CodeSchedule* constants
	Year   int    // the year entry, 0 if unknown
	Date   string // the offending date as written, "" if none
	Field  string // JSON path, "" if none
	Detail string // English detail
}

// ErrorCode returns the problem's code (a CodeSchedule* constant).
func (e *ScheduleError) ErrorCode() string { return e.Code }

// MessageEn returns an English description naming the year, date and field.
func (e *ScheduleError) MessageEn() string {
	var b strings.Builder
	b.WriteString("invalid holiday schedule")
	if e.Year != 0 {
		fmt.Fprintf(&b, " for %d", e.Year)
	}
	if e.Field != "" {
		b.WriteString(" at ")
		b.WriteString(e.Field)
	}
	if e.Date != "" {
		fmt.Fprintf(&b, " (date %q)", e.Date)
	}
	if e.Detail != "" {
		b.WriteString(": ")
		b.WriteString(e.Detail)
	}
	return b.String()
}

// MessageZh returns a Chinese description naming the year and date.
func (e *ScheduleError) MessageZh() string {
	var b strings.Builder
	b.WriteString("节假日安排数据有误")
	if e.Year != 0 {
		fmt.Fprintf(&b, "（%d年", e.Year)
		if e.Date != "" {
			fmt.Fprintf(&b, "，日期%s", e.Date)
		}
		b.WriteString("）")
	} else if e.Date != "" {
		fmt.Fprintf(&b, "（日期%s）", e.Date)
	}
	b.WriteString("：")
	b.WriteString(scheduleReasonZh[e.Code])
	return b.String()
}

var scheduleReasonZh = map[string]string{
	CodeScheduleSyntax:           "JSON格式错误",
	CodeScheduleYear:             "年份缺失、超出范围或重复",
	CodeScheduleNotice:           "通知的标题、文号或日期缺失",
	CodeScheduleDate:             "日期格式无效（应为YYYY-MM-DD）",
	CodeScheduleWrongYear:        "日期不属于该年度",
	CodeSchedulePeriod:           "放假时段无效",
	CodeScheduleOrder:            "日期未按顺序排列或时段重叠",
	CodeScheduleMakeupNotWeekend: "调休上班日不是周六或周日",
	CodeScheduleConflict:         "同一日期既放假又上班",
	CodeScheduleDuplicate:        "日期重复",
	CodeScheduleHolidayRef:       "调休上班日对应的节日不存在",
}

// Error returns "<code>: <english message>".
func (e *ScheduleError) Error() string { return e.Code + ": " + e.MessageEn() }

// Unwrap returns ErrInvalidSchedule.
func (e *ScheduleError) Unwrap() error { return ErrInvalidSchedule }

// InvalidScheduleError lists every problem found in schedule data (the SDK
// reports all problems at once, not just the first). It wraps each problem,
// so errors.As(err, &*ScheduleError) finds the first one, and
// errors.Is(err, ErrInvalidSchedule) holds.
type InvalidScheduleError struct {
	Problems []*ScheduleError // at most 100, in document order
}

// ErrorCode returns CodeInvalidSchedule.
func (e *InvalidScheduleError) ErrorCode() string { return CodeInvalidSchedule }

// MessageZh returns the Chinese messages of all problems, joined by "；".
func (e *InvalidScheduleError) MessageZh() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.MessageZh()
	}
	return strings.Join(parts, "；")
}

// MessageEn returns the English messages of all problems, joined by "; ".
func (e *InvalidScheduleError) MessageEn() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Code + ": " + p.MessageEn()
	}
	return fmt.Sprintf("%d problem(s): %s", len(e.Problems), strings.Join(parts, "; "))
}

// Error returns "calendar.invalid_schedule: <english message>".
func (e *InvalidScheduleError) Error() string { return CodeInvalidSchedule + ": " + e.MessageEn() }

// Unwrap returns the problems, for errors.Is and errors.As.
func (e *InvalidScheduleError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}

// Is reports whether target is ErrInvalidSchedule.
func (e *InvalidScheduleError) Is(target error) bool { return target == ErrInvalidSchedule }

// compile-time checks
var (
	_ CodedError = (*Error)(nil)
	_ CodedError = (*NotPublishedError)(nil)
	_ CodedError = (*ScheduleError)(nil)
	_ CodedError = (*InvalidScheduleError)(nil)
	_ CodedError = (*DayError)(nil)
)
