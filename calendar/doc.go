// Package calendar answers working-day questions for mainland China
// (工作日计算): is a day a working day, what is the n-th working day after an event,
// how many working days lie between two dates, and when do the time limits of
// the ICP filing rules (R-20..R-23) fall due.
//
// # Data
//
// Working days follow the State Council's yearly holiday schedules
// (国务院办公厅关于XXXX年部分节假日安排的通知) and their special and change
// notices, from 2007 on. They are embedded from data/schedules.json, which
// names the notice (title, document number, date) of every year. A day is a
// working day if it is Monday–Friday and not inside a holiday period, or if
// it is a Saturday or Sunday declared worked (调休上班, a makeup workday).
//
// # Dates
//
// An instant is mapped to its civil date in China Standard Time, a fixed
// UTC+8 zone (no time zone database needed): 2024-09-30T16:30:00Z is
// 2024-10-01 in China, a holiday. Time limits count from the day after the
// triggering event (民法典 art. 201): AddWorkdays(d, n) is the n-th working
// day strictly after d's date, and WorkdaysBetween(a, b) counts the working
// days in (a, b], so WorkdaysBetween(d, AddWorkdays(d, n)) == n. Returned
// times are midnight CST of the date.
//
// Day is the civil date itself, in the manner of net/netip.Addr: a small
// comparable value (a day number) whose zero value is not a date, built by
// NewDay (no normalisation: 2023-02-29 is an error), DayOf (an instant's
// date in China) or ParseDay ("2006-01-02"), with day arithmetic (AddDays,
// Sub, Compare) and text/JSON marshalling ("2006-01-02"; "" for the zero
// Day). The working-day API keeps taking instants: pass d.Time(), midnight
// CST of d, rather than a second set of Day methods.
//
// # Unpublished years
//
// The State Council publishes next year's schedule late in the year, while
// time limits counted in December already run into it. A year without a
// published schedule (after the first year of the data, up to
// ProvisionalMaxYear) is answered from a provisional schedule
// (ProvisionalSchedule) built from the statutory public holidays of 全国年节
// 及纪念日放假办法 in the version governing that year (13 days from 2025, 11
// in 2008–2024; data/statutory.json), with the made-up day (补假) the
// measures require for a holiday on a weekend. It cannot know the notice's
// extra days off and makeup workdays, so every answer built on it says so:
// DayInfo.Provisional, Countdown.Provisional, Due.Provisional (DeadlineOf),
// ProvisionalBetween, and the Chinese note ProvisionalNoteZh
// "（暂按法定节假日推算，以国务院通知为准）". What it costs, measured against
// every published year 2008–2026, is in docs/calendar-provisional.md: at
// most 7 calendar days (3 working days) on a 20-working-day deadline.
//
// WithStrict turns provisional years off: a query that needs a year
// without a published schedule then fails with an error wrapping
// ErrNotPublished (a *NotPublishedError naming the year), as do queries
// before the data and after ProvisionalMaxYear. Callers may opt in to a
// Monday–Friday fallback for those with WithWeekendFallback; answers made
// that way are marked (DayInfo.Fallback, Countdown.Fallback, Covers). Newer
// schedules can be given at run time in the same JSON format (WithSchedules,
// WithSchedulesJSON): a year given there replaces the provisional one, so a
// bureau that has the next notice does not wait for a release.
//
// # Speed
//
// New precomputes per-day tables (a cumulative working-day count per day and
// the list of working days), so IsWorkday, AddWorkdays and WorkdaysBetween
// are O(1) and allocation-free. Provisional years are built into the same
// tables the first time a query needs them (a few milliseconds per year,
// once; concurrent queries read a consistent snapshot), and cost no more
// than published ones afterwards. Business returns a github.com/rickar/cal/v2
// BusinessCalendar on the same data for callers already using that library.
//
// # Errors
//
// Every error has a stable dotted code (ErrorCode, e.g.
// "calendar.not_published"), a Chinese message for end users (MessageZh) and
// an English one (MessageEn); see CodedError. Invalid schedule data gives an
// *InvalidScheduleError listing every problem with its year, date and JSON
// path. No input makes the package panic.
//
// # Example
//
//	c := calendar.Default()
//	submitted := time.Date(2024, 9, 27, 15, 0, 0, 0, calendar.Location())
//	due, err := c.Deadline(calendar.ReviewR20, submitted) // R-20: 20 working days
//	if err != nil {
//		return err // e.g. errors.Is(err, calendar.ErrNotPublished)
//	}
//	fmt.Println(due.Format("2006-01-02")) // 2024-10-30
package calendar
