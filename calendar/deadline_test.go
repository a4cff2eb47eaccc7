package calendar

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDeadlineKinds_Table(t *testing.T) {
	want := []struct {
		k    DeadlineKind
		rule string
		days int
	}{
		{ReviewR20, "R-20", 20},
		{JiangxiReviewR21, "R-21", 15},
		{ApplicationR22, "R-22", 5},
		{VerificationFormR23, "R-23", 7},
	}
	kinds := DeadlineKinds()
	require.Len(t, kinds, len(want), "DeadlineKinds() = %v", kinds)
	for i, w := range want {
		k := kinds[i]
		assert.Equal(t, w.k, k, "kind %d", i)
		assert.True(t, k.Valid(), "%v valid", k)
		assert.Equal(t, w.rule, k.RuleID(), "%v rule", k)
		assert.Equal(t, w.days, k.Workdays(), "%v working days", k)
		assert.NotEmpty(t, k.NameZh(), "%v NameZh", k)
		assert.NotEmpty(t, k.NameEn(), "%v NameEn", k)
		assert.True(t, strings.HasPrefix(k.String(), w.rule+" "), "%v String %q", k, k.String())
	}
	for _, bad := range []DeadlineKind{0, -1, 5, 1 << 30} {
		assert.False(t, bad.Valid(), "kind %d", bad)
		assert.Empty(t, bad.RuleID(), "kind %d", bad)
		assert.Zero(t, bad.Workdays(), "kind %d", bad)
		assert.Empty(t, bad.NameZh()+bad.NameEn(), "kind %d", bad)
		assert.Equal(t, "DeadlineKind(invalid)", bad.String(), "kind %d", bad)
	}
}

func TestR20_ReviewDeadline(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		submitted time.Time
		due       string
	}{
		// Friday afternoon before the National Day week 2024: the Sunday and
		// Saturday makeup days count, the holiday week does not.
		{time.Date(2024, 9, 27, 15, 0, 0, 0, Location()), "2024-10-30"},
		// Submitted on a holiday: counting starts the next day all the same.
		{time.Date(2024, 10, 3, 10, 0, 0, 0, Location()), "2024-11-01"},
		// Submitted 23:30 UTC on 2024-02-08 = 07:30 on Friday 2024-02-09 in
		// China: 2/10-2/17 off, Sunday 2/18 is working day 1.
		{time.Date(2024, 2, 8, 23, 30, 0, 0, time.UTC), "2024-03-14"},
		// Spanning the 2026 Spring Festival (9 days off, two Saturday makeup
		// days: 2/14 is working day 4, 2/28 working day 9).
		{Date(2026, 2, 10), "2026-03-16"},
	} {
		due, err := c.Deadline(ReviewR20, tc.submitted)
		if !assert.NoError(t, err, "Deadline(R-20, %v)", tc.submitted) {
			continue
		}
		assert.Equal(t, tc.due, due.Format(time.DateOnly), "Deadline(R-20, %v)", tc.submitted)
		n, err := c.WorkdaysBetween(tc.submitted, due)
		assert.NoError(t, err)
		assert.Equal(t, 20, n, "%v: working days to the due date", tc.submitted)
	}
}

func TestR21_JiangxiReviewDeadline(t *testing.T) {
	c := Default()
	// The form reaches the bureau on Friday 2025-09-26: Sunday 9/28 is
	// working day 1, 10/1-10/8 are off, Saturday 10/11 is working day 6.
	due, err := c.Deadline(JiangxiReviewR21, Date(2025, 9, 26))
	if err != nil || !due.Equal(Date(2025, 10, 23)) {
		t.Errorf("R-21 = %v, %v", due, err)
	}
	if n, _ := c.WorkdaysBetween(Date(2025, 9, 26), Date(2025, 10, 11)); n != 6 {
		t.Errorf("working days to 10-11: %d", n)
	}
}

func TestR22_ApplicationDeadline(t *testing.T) {
	c := Default()
	for _, tc := range []struct{ received, due string }{
		{"2024-04-30", "2024-05-10"}, // Labour Day 5/1-5/5 off; 4/30 is the receipt day
		{"2024-05-06", "2024-05-11"}, // Saturday 5/11 is a makeup workday: due then
		{"2025-01-24", "2025-02-07"}, // Sunday 1/26 makeup counts; Spring Festival 1/28-2/4 off
	} {
		due, err := c.Deadline(ApplicationR22, d(t, tc.received))
		if assert.NoError(t, err, "R-22 from %s", tc.received) {
			assert.Equal(t, tc.due, due.Format(time.DateOnly), "R-22 from %s", tc.received)
		}
	}
}

func TestR23_VerificationFormDeadline(t *testing.T) {
	c := Default()
	due, err := c.Deadline(VerificationFormR23, Date(2023, 9, 27))
	// 9/28 Thu=1, 9/29-10/6 off, 10/7 Sat=2, 10/8 Sun=3, 10/9=4, 10/10=5, 10/11=6, 10/12=7
	if err != nil || !due.Equal(Date(2023, 10, 12)) {
		t.Errorf("R-23 = %v, %v", due, err)
	}
}

func TestR20_Countdown(t *testing.T) {
	c := Default()
	submitted := Date(2024, 9, 27)
	due, _ := c.Deadline(ReviewR20, submitted) // 2024-10-30
	for _, tc := range []struct {
		now       time.Time
		remaining int
		dueToday  bool
		overdue   bool
		overdueBy int
	}{
		{submitted.Add(15 * time.Hour), 20, false, false, 0}, // the day of the event: the whole limit
		{Date(2024, 10, 1), 18, false, false, 0},             // 9/29 and 9/30 used
		{Date(2024, 10, 29), 1, false, false, 0},
		{time.Date(2024, 10, 30, 23, 59, 0, 0, Location()), 0, true, false, 0}, // last day allowed
		{time.Date(2024, 10, 30, 16, 30, 0, 0, time.UTC), 0, false, true, 1},   // already 10-31 in China
		{Date(2024, 11, 2), 0, false, true, 2},                                 // Saturday: 2 working days late
		{Date(2024, 11, 3), 0, false, true, 2},
	} {
		cd, err := c.Remaining(due, tc.now)
		require.NoError(t, err, "Remaining(%v)", tc.now)
		assert.Equal(t, tc.remaining, cd.Remaining, "Remaining(%v).Remaining", tc.now)
		assert.Equal(t, tc.dueToday, cd.DueToday, "Remaining(%v).DueToday", tc.now)
		assert.Equal(t, tc.overdue, cd.Overdue, "Remaining(%v).Overdue", tc.now)
		assert.Equal(t, tc.overdueBy, cd.OverdueBy, "Remaining(%v).OverdueBy", tc.now)
		assert.False(t, cd.Fallback, "Remaining(%v).Fallback", tc.now)
		assert.True(t, cd.Due.Equal(due), "Remaining(%v).Due = %v", tc.now, cd.Due)
		assert.True(t, cd.AsOf.Equal(DateOf(tc.now)), "Remaining(%v).AsOf = %v", tc.now, cd.AsOf)
	}
	// Overdue by 0 working days: a Friday deadline checked on Saturday.
	cd, err := c.Remaining(Date(2024, 11, 1), Date(2024, 11, 2))
	if err != nil || !cd.Overdue || cd.OverdueBy != 0 {
		t.Errorf("weekend after due: %+v %v", cd, err)
	}
	if _, err := c.Remaining(Date(2024, 11, 1), time.Time{}); !errors.Is(err, ErrZeroTime) {
		t.Errorf("zero now: %v", err)
	}
}

// TestR20_CountdownUnpublishedYear: when the working days cannot be counted
// (a year without a published schedule lies between due date and now), the
// error comes with what the dates alone decide.
func TestR20_CountdownUnpublishedYear(t *testing.T) {
	c, err := New(WithStrict()) // provisional years off
	if err != nil {
		t.Fatal(err)
	}
	_, last := c.Years()
	due := Date(last, 12, 20)
	for _, tc := range []struct {
		now               time.Time
		dueToday, overdue bool
	}{
		{Date(last+1, 1, 15), false, true}, // after the due date, in the next (unpublished) year
		{Date(last+2, 6, 1), false, true},
	} {
		cd, err := c.Remaining(due, tc.now)
		if !errors.Is(err, ErrNotPublished) {
			t.Fatalf("Remaining(%v, %v) err = %v, want ErrNotPublished", due, tc.now, err)
		}
		if !cd.Due.Equal(due) || !cd.AsOf.Equal(DateOf(tc.now)) || cd.DueToday != tc.dueToday || cd.Overdue != tc.overdue ||
			cd.Remaining != 0 || cd.OverdueBy != 0 {
			t.Errorf("Remaining(%v, %v) = %+v", due, tc.now, cd)
		}
	}
	// A due date in the unpublished year, seen from before it: not overdue.
	cd, err := c.Remaining(Date(last+1, 3, 1), Date(last, 12, 1))
	if !errors.Is(err, ErrNotPublished) || cd.Overdue || cd.DueToday || cd.Due.IsZero() {
		t.Errorf("future due date: %+v %v", cd, err)
	}
}
