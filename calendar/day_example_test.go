package calendar_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/beiankit/beian/calendar"
)

// NewDay does not normalise: 2023 has no 29 February.
func ExampleNewDay() {
	d, err := calendar.NewDay(2024, time.February, 29)
	fmt.Println(d, err)
	_, err = calendar.NewDay(2023, time.February, 29)
	fmt.Println(errors.Is(err, calendar.ErrInvalidDay))
	// Output:
	// 2024-02-29 <nil>
	// true
}

// An instant's date is its date in China: half past four in the afternoon
// UTC on 30 September is half past midnight on National Day in Beijing.
func ExampleDayOf() {
	at := time.Date(2024, 9, 30, 16, 30, 0, 0, time.UTC)
	d := calendar.DayOf(at)
	fmt.Println(d, d.Weekday())
	// Output: 2024-10-01 Tuesday
}

// ParseDay reads "YYYY-MM-DD" only; an error names the offending byte.
func ExampleParseDay() {
	d, err := calendar.ParseDay("2000-02-29")
	fmt.Println(d.Year(), d.Month(), d.Day(), err)
	_, err = calendar.ParseDay("２０２４－１０－０１") // full-width: refused, not folded
	var de *calendar.DayError
	if errors.As(err, &de) {
		fmt.Println(de.ErrorCode(), de.Pos)
	}
	// Output:
	// 2000 February 29 <nil>
	// calendar.invalid_day 0
}

func ExampleMustParseDay() {
	fmt.Println(calendar.MustParseDay("2024-10-01").Weekday())
	// Output: Tuesday
}

func ExampleDay_AddDays() {
	d := calendar.MustParseDay("2024-02-28")
	fmt.Println(d.AddDays(1), d.AddDays(2), d.AddDays(-365))
	// Output: 2024-02-29 2024-03-01 2023-02-28
}

func ExampleDay_Sub() {
	a, b := calendar.MustParseDay("2024-01-01"), calendar.MustParseDay("2025-01-01")
	fmt.Println(b.Sub(a), a.Sub(b), a.Before(b), a.Compare(b))
	// Output: 366 -366 true -1
}

// Time gives the working-day API its instant: midnight China Standard Time.
func ExampleDay_Time() {
	d := calendar.MustParseDay("2024-10-01")
	fmt.Println(d.Time().Format(time.RFC3339))
	work, err := calendar.Default().IsWorkday(d.Time())
	fmt.Println(work, err)
	// Output:
	// 2024-10-01T00:00:00+08:00
	// false <nil>
}

// A Day is a JSON string; the zero Day is "" and "" is the zero Day.
func ExampleDay_MarshalText() {
	type person struct {
		Birth   calendar.Day `json:"birth"`
		Expires calendar.Day `json:"expires"`
	}
	b, _ := json.Marshal(person{Birth: calendar.MustParseDay("1949-12-31")})
	fmt.Println(string(b))
	var p person
	err := json.Unmarshal([]byte(`{"birth":"2000-02-29","expires":""}`), &p)
	fmt.Println(p.Birth, p.Expires.IsValid(), err)
	// Output:
	// {"birth":"1949-12-31","expires":""}
	// 2000-02-29 false <nil>
}
