package calendar

import (
	"testing"
)

// TestBusiness_AgreesOnEveryDay proves that the rickar/cal business calendar
// and this package agree on every day of every year in the data.
func TestBusiness_AgreesOnEveryDay(t *testing.T) {
	c := Default()
	bc := c.Business()
	first, last := c.Years()
	days := 0
	for z := daysFromCivil(int64(first), 1, 1); z <= daysFromCivil(int64(last), 12, 31); z++ {
		tm := midnight(z)
		ours, err := c.IsWorkday(tm)
		if err != nil {
			t.Fatal(err)
		}
		if theirs := bc.IsWorkday(tm); theirs != ours {
			info, _ := c.Day(tm)
			t.Fatalf("%s: rickar/cal says workday=%v, calendar says %v (%v)", formatDate(z), theirs, ours, info)
		}
		days++
	}
	if days < 20*365 {
		t.Fatalf("only %d days compared", days)
	}
	// Holidays carry the names.
	act, obs, h := bc.IsHoliday(Date(2024, 2, 10))
	if !act || !obs || h == nil || h.Name != "春节" || h.Description != "Spring Festival" {
		t.Errorf("IsHoliday(2024-02-10) = %v %v %+v", act, obs, h)
	}
}

func TestBusiness_SameQueries(t *testing.T) {
	c := Default()
	bc := c.Business()
	from := Date(2024, 9, 27)
	ours, _ := c.AddWorkdays(from, 20)
	if theirs := bc.WorkdaysFrom(from, 20); !theirs.Equal(ours) {
		t.Errorf("WorkdaysFrom = %v, AddWorkdays = %v", theirs, ours)
	}
	// rickar's WorkdaysInRange counts [start, end] inclusive; ours (start, end].
	n, _ := c.WorkdaysBetween(Date(2023, 12, 31), Date(2024, 12, 31))
	if theirs := bc.WorkdaysInRange(Date(2024, 1, 1), Date(2024, 12, 31)); theirs != n {
		t.Errorf("WorkdaysInRange = %d, WorkdaysBetween = %d", theirs, n)
	}
	// Each call returns an independent calendar.
	if c.Business() == bc {
		t.Error("Business() returned a shared calendar")
	}
	// A calendar without data still works (Monday–Friday).
	empty, _ := New(WithoutEmbedded())
	if !empty.Business().IsWorkday(Date(2024, 2, 9)) {
		t.Error("empty Business()")
	}
}
