package lifecycle

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

func TestR18_ChangeNotice(t *testing.T) {
	cst := calendar.Location()
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, cst) }
	for _, tc := range []struct {
		name             string
		filed, effective time.Time
		ok               bool // filed in time
		ahead            int  // days ahead the message states when late
		fileBy           string
	}{
		{"exactly 30 days ahead", day(2026, 5, 31).Add(23 * time.Hour), day(2026, 6, 30), true, 0, "2026-05-31"},
		{"31 days ahead", day(2026, 5, 30), day(2026, 6, 30), true, 0, "2026-05-31"},
		{"29 days ahead", day(2026, 6, 1), day(2026, 6, 30), false, 29, "2026-05-31"},
		{"same day", day(2026, 6, 30).Add(9 * time.Hour), day(2026, 6, 30).Add(18 * time.Hour), false, 0, "2026-05-31"},
		{"after the change", day(2026, 7, 2), day(2026, 6, 30), false, -2, "2026-05-31"},
		// Calendar days: holidays and weekends count (2026-10-01..07 are off).
		{"over National Day", day(2026, 9, 10), day(2026, 10, 10), true, 0, "2026-09-10"},
		// Leap years: 2028-03-30 minus 30 days is 2028-02-29.
		{"leap day deadline", day(2028, 2, 29), day(2028, 3, 30), true, 0, "2028-02-29"},
		{"leap day, one late", day(2028, 3, 1), day(2028, 3, 30), false, 29, "2028-02-29"},
		{"non-leap year", day(2027, 2, 28), day(2027, 3, 30), true, 0, "2027-02-28"},
		// 16:30 UTC on 2026-05-31 is already 2026-06-01 in China.
		{"UTC instant past midnight in China", time.Date(2026, 5, 31, 16, 30, 0, 0, time.UTC), day(2026, 6, 30), false, 29, "2026-05-31"},
		{"UTC instant before midnight in China", time.Date(2026, 5, 31, 15, 59, 0, 0, time.UTC), day(2026, 6, 30), true, 0, "2026-05-31"},
		// Unpublished holiday years do not matter: no working days are counted.
		{"far future", day(2099, 1, 1), day(2099, 3, 1), true, 0, "2099-01-30"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ChangeFileBy(tc.effective).Format(time.DateOnly); got != tc.fileBy {
				t.Errorf("ChangeFileBy = %s, want %s", got, tc.fileBy)
			}
			err := CheckChangeNotice(tc.filed, tc.effective)
			if tc.ok {
				if err != nil {
					t.Fatalf("CheckChangeNotice = %v, want nil", err)
				}
				return
			}
			var p *filing.Problem
			if !errors.As(err, &p) || !errors.Is(err, CodeChangeNoticeLate) || p.Rule != "R-18" {
				t.Fatalf("CheckChangeNotice = %v, want %s", err, CodeChangeNoticeLate)
			}
			if !strings.Contains(p.Zh, "最迟"+tc.fileBy) || !strings.Contains(p.En, "by "+tc.fileBy) {
				t.Errorf("messages do not name the last day %s: %q / %q", tc.fileBy, p.Zh, p.En)
			}
			if want := "本次提前" + strconv.Itoa(tc.ahead) + "日"; !strings.Contains(p.Zh, want) {
				t.Errorf("Zh %q lacks %q", p.Zh, want)
			}
		})
	}
}

func TestR18_ChangeNoticeZeroTimes(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range [][2]time.Time{{{}, now}, {now, {}}, {{}, {}}} {
		if err := CheckChangeNotice(c[0], c[1]); !errors.Is(err, CodeChangeNoticeTime) {
			t.Errorf("CheckChangeNotice(%v, %v) = %v", c[0], c[1], err)
		}
	}
	if !ChangeFileBy(time.Time{}).IsZero() {
		t.Error("ChangeFileBy(zero) is not zero")
	}
}
