package calendar_test

import (
	"errors"
	"fmt"

	"github.com/beiankit/beian/calendar"
)

// R-24: a filing submitted on 2026-12-07 is due in 2027, whose holiday
// notice is not published; the due date is provisional and says so.
func ExampleCalendar_DeadlineOf() {
	c := calendar.Default()
	due, err := c.DeadlineOf(calendar.ReviewR20, calendar.Date(2026, 12, 7))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(due.Date.Format("2006-01-02"), due.Provisional, due.NoteZh())
	// Output: 2027-01-05 true （暂按法定节假日推算，以国务院通知为准）
}

// The provisional schedule of 2027: the statutory days of the 2024
// measures, a weekend day of a holiday made up on the next weekday.
func ExampleProvisionalSchedule() {
	s, err := calendar.ProvisionalSchedule(2027)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range s.Holidays {
		fmt.Println(p.Zh, p.First, p.Last)
	}
	fmt.Println(s.Notices[0].Number, len(s.Workdays))
	// Output:
	// 元旦 2027-01-01 2027-01-01
	// 春节 2027-02-05 2027-02-10
	// 清明节 2027-04-05 2027-04-05
	// 劳动节 2027-05-01 2027-05-04
	// 端午节 2027-06-09 2027-06-09
	// 中秋节 2027-09-15 2027-09-15
	// 国庆节 2027-10-01 2027-10-05
	// 国务院令第795号 0
}

// The 13 statutory days of 2027.
func ExampleStatutoryDays() {
	days, _ := calendar.StatutoryDays(2027)
	fmt.Println(len(days), days[1].Date, days[1].Zh)
	// Output: 13 2027-02-05 春节
}

// WithStrict keeps the error for a year without a published notice.
func ExampleWithStrict() {
	c, _ := calendar.New(calendar.WithStrict())
	_, err := c.AddWorkdays(calendar.Date(2026, 12, 7), 20)
	fmt.Println(errors.Is(err, calendar.ErrNotPublished))
	// Output: true
}

// Whether an answer about two dates used a provisional year.
func ExampleCalendar_ProvisionalBetween() {
	c := calendar.Default()
	from := calendar.Date(2026, 12, 7)
	due, _ := c.AddWorkdays(from, 20)
	fmt.Println(c.ProvisionalBetween(from, due), c.Provisional(2027), c.Provisional(2026))
	// Output: true true false
}
