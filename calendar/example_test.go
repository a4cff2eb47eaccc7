package calendar_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/beiankit/beian/calendar"
)

// The package example: the due date of the bureau's review (R-20) for a
// filing the ISP submitted on the Friday before the 2024 National Day week.
func Example() {
	c := calendar.Default()
	submitted := time.Date(2024, 9, 27, 15, 0, 0, 0, calendar.Location())
	due, err := c.Deadline(calendar.ReviewR20, submitted)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(calendar.ReviewR20.RuleID(), due.Format("2006-01-02"))
	// Output: R-20 2024-10-30
}

func ExampleDefault() {
	c := calendar.Default()
	first, last := c.Years()
	fmt.Println(first, last >= 2026)
	for _, day := range []time.Time{
		calendar.Date(2024, 2, 4),                      // Sunday, worked
		calendar.Date(2024, 2, 12),                     // Monday, Spring Festival
		time.Date(2024, 9, 30, 16, 30, 0, 0, time.UTC), // 2024-10-01 in China
	} {
		info, err := c.Day(day)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(info.Date.Format("2006-01-02"), info.Kind.NameZh(), info.HolidayZh, info.Workday)
	}
	// Output:
	// 2007 true
	// 2024-02-04 调休上班 春节 true
	// 2024-02-12 节假日 春节 false
	// 2024-10-01 节假日 国庆节 false
}

func ExampleCalendar_AddWorkdays() {
	c := calendar.Default()
	// Counting starts the day after the event: the first working day after
	// Friday 2024-02-09 is Sunday 2024-02-18, a makeup workday after the
	// Spring Festival.
	next, _ := c.AddWorkdays(calendar.Date(2024, 2, 9), 1)
	fmt.Println(next.Format("2006-01-02 Mon"))
	n, _ := c.WorkdaysBetween(calendar.Date(2024, 2, 9), next)
	fmt.Println(n)
	// Output:
	// 2024-02-18 Sun
	// 1
}

func ExampleCalendar_AddWorkdays_notPublished() {
	c, _ := calendar.New(calendar.WithStrict()) // no provisional years (R-24)
	_, last := c.Years()
	_, err := c.AddWorkdays(calendar.Date(last, 12, 20), 20)
	var npe *calendar.NotPublishedError
	fmt.Println(errors.Is(err, calendar.ErrNotPublished), errors.As(err, &npe) && npe.Year == last+1)
	// Output: true true
}

func ExampleCalendar_Deadline() {
	c := calendar.Default()
	received := calendar.Date(2025, 1, 24) // an application reaches the bureau
	for _, k := range calendar.DeadlineKinds() {
		due, err := c.Deadline(k, received)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s %2d %s\n", k.RuleID(), k.Workdays(), due.Format("2006-01-02"))
	}
	// Output:
	// R-20 20 2025-02-27
	// R-21 15 2025-02-20
	// R-22  5 2025-02-07
	// R-23  7 2025-02-10
}

func ExampleCalendar_Remaining() {
	c := calendar.Default()
	due := calendar.Date(2024, 10, 30)
	for _, now := range []time.Time{calendar.Date(2024, 9, 27), calendar.Date(2024, 10, 30), calendar.Date(2024, 11, 4)} {
		cd, _ := c.Remaining(due, now)
		fmt.Println(now.Format("01-02"), cd.Remaining, cd.DueToday, cd.Overdue, cd.OverdueBy)
	}
	// Output:
	// 09-27 20 false false 0
	// 10-30 0 true false 0
	// 11-04 0 false true 3
}

func ExampleCalendar_Business() {
	bc := calendar.Default().Business() // a *cal.BusinessCalendar (rickar/cal/v2)
	fmt.Println(bc.IsWorkday(calendar.Date(2024, 2, 4)), bc.IsWorkday(calendar.Date(2024, 2, 12)))
	fmt.Println(bc.WorkdaysFrom(calendar.Date(2024, 9, 27), 20).Format("2006-01-02"))
	// Output:
	// true false
	// 2024-10-30
}

func ExampleNew_runtimeSchedules() {
	// A bureau loads a notice published after this release (test data here,
	// not a real notice).
	next := []byte(`{"source": "bureau copy of the notice", "compiled": "2026-11-23",
	  "years": [{"year": 2027,
	    "notices": [{"title": "测试通知", "number": "测试〔2026〕1号", "date": "2026-11-20"}],
	    "holidays": [{"zh": "元旦", "en": "New Year's Day", "first": "2027-01-01", "last": "2027-01-03"}],
	    "workdays": []}]}`)
	c, err := calendar.New(calendar.WithSchedulesJSON(next))
	if err != nil {
		fmt.Println(err)
		return
	}
	info, _ := c.Day(calendar.Date(2027, 1, 1))
	fmt.Println(c.Published(2027), info.Kind, info.Notice)
	// Output: true holiday 测试〔2026〕1号
}

func ExampleWithWeekendFallback() {
	c, _ := calendar.New(calendar.WithWeekendFallback(), calendar.WithStrict())
	info, _ := c.Day(calendar.Date(2099, 1, 2)) // a Friday in a year without a schedule
	fmt.Println(info.Workday, info.Fallback)
	// Output: true true
}

// Month lengths, leap years included: 2024 is a leap year, 1900 is not, 2000 is.
func ExampleDaysIn() {
	fmt.Println(calendar.DaysIn(2024, 2), calendar.DaysIn(1900, 2), calendar.DaysIn(2000, 2), calendar.DaysIn(2026, 4), calendar.DaysIn(2026, 13))
	// Output: 29 28 29 30 0
}
