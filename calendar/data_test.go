package calendar

import (
	"encoding/json"
	"testing"
	"time"
)

// TestEmbeddedData_Consistent checks the embedded schedules for internal
// consistency, beyond what the loader enforces: one entry per year from 2007
// without gaps, every date inside its year (or the December before), makeup
// days on weekends, periods contiguous, ordered and disjoint, no date both
// off and worked, no duplicates, and a source header.
func TestEmbeddedData_Consistent(t *testing.T) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(embeddedSchedules, &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"source", "compiled", "years"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("header field %q missing", k)
		}
	}
	f, err := ParseSchedules(embeddedSchedules)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := parseDate(f.Compiled); !ok {
		t.Errorf("compiled %q is not a date", f.Compiled)
	}
	if f.Source == "" {
		t.Error("empty source")
	}
	c := Default()
	first, last := c.Years()
	if first != 2007 || last < 2026 {
		t.Fatalf("Years() = %d, %d; want 2007, >= 2026", first, last)
	}
	if len(f.Years) != last-first+1 {
		t.Errorf("%d entries for %d..%d", len(f.Years), first, last)
	}
	seen := map[int64]string{}
	for i, s := range f.Years {
		if s.Year != first+i {
			t.Errorf("years[%d].year = %d, want %d (ascending, no gaps)", i, s.Year, first+i)
		}
		if len(s.Notices) == 0 {
			t.Errorf("%d: no notice", s.Year)
		}
		for _, n := range s.Notices {
			z, ok := parseDate(n.Date)
			if !ok || n.Number == "" || n.Title == "" {
				t.Errorf("%d: incomplete notice %+v", s.Year, n)
				continue
			}
			// A notice is published before (or, for change notices, during)
			// the year it arranges.
			if y := yearOf(z); y != s.Year-1 && y != s.Year {
				t.Errorf("%d: notice %s dated %s", s.Year, n.Number, n.Date)
			}
		}
		lo := daysFromCivil(int64(s.Year-1), 12, 1)
		hi := daysFromCivil(int64(s.Year), 12, 31)
		prevLast := int64(-1 << 40)
		for _, p := range s.Holidays {
			a, ok1 := parseDate(p.First)
			b, ok2 := parseDate(p.Last)
			if !ok1 || !ok2 || a > b || a < lo || b > hi {
				t.Errorf("%d: bad period %+v", s.Year, p)
				continue
			}
			if a <= prevLast {
				t.Errorf("%d: period %s not after the previous one", s.Year, p.Zh)
			}
			prevLast = b
			if yearOf(a) != s.Year && !(p.Zh == "元旦") {
				t.Errorf("%d: only the New Year period may start in the previous year: %+v", s.Year, p)
			}
			for z := a; z <= b; z++ {
				if prev, dup := seen[z]; dup {
					t.Errorf("%s declared twice (%s)", formatDate(z), prev)
				}
				seen[z] = "off"
			}
		}
		prevW := int64(-1 << 40)
		for _, w := range s.Workdays {
			z, ok := parseDate(w.Date)
			if !ok || z < lo || z > hi {
				t.Errorf("%d: bad makeup day %+v", s.Year, w)
				continue
			}
			if !isWeekend(z) {
				t.Errorf("%d: makeup day %s is a %s", s.Year, w.Date, weekdayOf(z))
			}
			if z <= prevW {
				t.Errorf("%d: makeup days out of order at %s", s.Year, w.Date)
			}
			prevW = z
			if w.Holiday == "" {
				t.Errorf("%d: makeup day %s does not name its holiday", s.Year, w.Date)
			}
			if prev, dup := seen[z]; dup {
				t.Errorf("%s declared twice (%s and work)", w.Date, prev)
			}
			seen[z] = "work"
		}
	}
}

// TestEmbeddedData_StatutoryBalance cross-checks every year against the
// statutory number of holidays: the holiday rules give each statutory day
// that falls on a weekend a weekday off in exchange, and every other day of a
// holiday period taken from a weekday is paid back by a makeup workday. So,
// per notice, (weekdays off) - (makeup workdays) equals the number of
// statutory days (10 under the 1999 rules, 11 from 2008, 13 from 2025),
// plus the special days. A wrong or missing date breaks the balance.
func TestEmbeddedData_StatutoryBalance(t *testing.T) {
	want := map[int]int{2007: 10}
	for y := 2008; y <= 2024; y++ {
		want[y] = 11
	}
	want[2015] = 12 // + 2015-09-03, 70th anniversary (国发明电〔2015〕1号)
	want[2020] = 13 // + Spring Festival extension: Fri 01-31 off and Sat 02-01 no longer worked
	for y := 2025; y <= 2026; y++ {
		want[y] = 13
	}
	f, err := ParseSchedules(embeddedSchedules)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range f.Years {
		w, ok := want[s.Year]
		if !ok {
			t.Errorf("no expected balance for %d; add it", s.Year)
			continue
		}
		off := 0
		for _, p := range s.Holidays {
			a, _ := parseDate(p.First)
			b, _ := parseDate(p.Last)
			for z := a; z <= b; z++ {
				if !isWeekend(z) {
					off++
				}
			}
		}
		if got := off - len(s.Workdays); got != w {
			t.Errorf("%d: weekdays off %d - makeup days %d = %d, want %d statutory days",
				s.Year, off, len(s.Workdays), got, w)
		}
	}
}

type fact struct {
	date string
	kind DayKind
	name string // holiday name for KindHoliday / KindMakeupWorkday, "" to skip
}

// knownFacts lists, for every year, days checked against the published
// notices (and the issue's examples): at least one day off inside a holiday
// period, one makeup workday where the year has any, and one ordinary day.
var knownFacts = map[int][]fact{
	2007: {
		{"2007-01-02", KindHoliday, "元旦"},
		{"2007-02-17", KindMakeupWorkday, "春节"},
		{"2007-02-21", KindHoliday, "春节"},
		{"2007-04-29", KindMakeupWorkday, "劳动节"},
		{"2007-05-07", KindHoliday, "劳动节"},
		{"2007-09-30", KindMakeupWorkday, "国庆节"},
		{"2007-10-08", KindWorkday, ""},
		{"2007-12-29", KindMakeupWorkday, "元旦"}, // declared by the 2008 notice
		{"2007-12-31", KindHoliday, "元旦"},       // declared by the 2008 notice
	},
	2008: {
		{"2008-02-02", KindMakeupWorkday, "春节"},
		{"2008-02-06", KindHoliday, "春节"},
		{"2008-04-04", KindHoliday, "清明节"},
		{"2008-05-02", KindHoliday, "劳动节"},
		{"2008-05-04", KindMakeupWorkday, "劳动节"},
		{"2008-06-09", KindHoliday, "端午节"},
		{"2008-09-28", KindMakeupWorkday, "国庆节"},
		{"2008-09-29", KindHoliday, "国庆节"},
		{"2008-10-06", KindWorkday, ""},
		{"2008-10-04", KindHoliday, "国庆节"},
	},
	2009: {
		{"2009-01-02", KindHoliday, "元旦"},
		{"2009-01-04", KindMakeupWorkday, "元旦"},
		{"2009-01-24", KindMakeupWorkday, "春节"},
		{"2009-02-01", KindMakeupWorkday, "春节"},
		{"2009-05-29", KindHoliday, "端午节"},
		{"2009-05-31", KindMakeupWorkday, "端午节"},
		{"2009-10-08", KindHoliday, "国庆节、中秋节"},
		{"2009-10-10", KindMakeupWorkday, "国庆节、中秋节"},
	},
	2010: {
		{"2010-02-19", KindHoliday, "春节"},
		{"2010-02-20", KindMakeupWorkday, "春节"},
		{"2010-06-12", KindMakeupWorkday, "端午节"},
		{"2010-06-16", KindHoliday, "端午节"},
		{"2010-09-19", KindMakeupWorkday, "中秋节"},
		{"2010-09-25", KindMakeupWorkday, "中秋节"},
		{"2010-09-26", KindMakeupWorkday, "国庆节"},
		{"2010-10-09", KindMakeupWorkday, "国庆节"},
	},
	2011: {
		{"2011-01-30", KindMakeupWorkday, "春节"},
		{"2011-02-02", KindHoliday, "春节"},
		{"2011-04-02", KindMakeupWorkday, "清明节"},
		{"2011-04-05", KindHoliday, "清明节"},
		{"2011-05-02", KindHoliday, "劳动节"},
		{"2011-10-09", KindMakeupWorkday, "国庆节"},
		{"2011-10-10", KindWorkday, ""},
	},
	2012: {
		{"2011-12-31", KindMakeupWorkday, "元旦"}, // worked, not off
		{"2012-01-03", KindHoliday, "元旦"},
		{"2012-01-21", KindMakeupWorkday, "春节"},
		{"2012-03-31", KindMakeupWorkday, "清明节"},
		{"2012-04-01", KindMakeupWorkday, "清明节"},
		{"2012-04-02", KindHoliday, "清明节"},
		{"2012-04-28", KindMakeupWorkday, "劳动节"},
		{"2012-09-29", KindMakeupWorkday, "中秋节、国庆节"},
		{"2012-09-30", KindHoliday, "中秋节、国庆节"},
	},
	2013: {
		{"2013-01-05", KindMakeupWorkday, "元旦"},
		{"2013-01-06", KindMakeupWorkday, "元旦"},
		{"2013-02-15", KindHoliday, "春节"},
		{"2013-02-17", KindMakeupWorkday, "春节"},
		{"2013-04-07", KindMakeupWorkday, "清明节"},
		{"2013-06-08", KindMakeupWorkday, "端午节"},
		{"2013-09-22", KindMakeupWorkday, "中秋节"},
		{"2013-10-12", KindMakeupWorkday, "国庆节"},
	},
	2014: {
		{"2014-01-26", KindMakeupWorkday, "春节"},
		{"2014-02-06", KindHoliday, "春节"},
		{"2014-02-08", KindMakeupWorkday, "春节"},
		{"2014-04-07", KindHoliday, "清明节"},
		{"2014-05-04", KindMakeupWorkday, "劳动节"},
		{"2014-06-02", KindHoliday, "端午节"},
		{"2014-09-08", KindHoliday, "中秋节"},
		{"2014-10-11", KindMakeupWorkday, "国庆节"},
	},
	2015: {
		{"2015-01-04", KindMakeupWorkday, "元旦"},
		{"2015-02-15", KindMakeupWorkday, "春节"},
		{"2015-02-18", KindHoliday, "春节"},
		{"2015-02-28", KindMakeupWorkday, "春节"},
		{"2015-04-06", KindHoliday, "清明节"},
		{"2015-06-22", KindHoliday, "端午节"},
		{"2015-09-03", KindHoliday, "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"},
		{"2015-09-04", KindHoliday, "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"},
		{"2015-09-05", KindHoliday, "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"},
		{"2015-09-06", KindMakeupWorkday, "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日"},
		{"2015-09-28", KindWorkday, ""},
		{"2015-10-10", KindMakeupWorkday, "国庆节"},
	},
	2016: {
		{"2016-02-06", KindMakeupWorkday, "春节"},
		{"2016-02-14", KindMakeupWorkday, "春节"},
		{"2016-05-02", KindHoliday, "劳动节"},
		{"2016-06-12", KindMakeupWorkday, "端午节"},
		{"2016-09-18", KindMakeupWorkday, "中秋节"},
		{"2016-10-08", KindMakeupWorkday, "国庆节"},
		{"2016-10-09", KindMakeupWorkday, "国庆节"},
	},
	2017: {
		{"2017-01-02", KindHoliday, "元旦"},
		{"2017-01-22", KindMakeupWorkday, "春节"},
		{"2017-02-04", KindMakeupWorkday, "春节"},
		{"2017-04-01", KindMakeupWorkday, "清明节"},
		{"2017-05-27", KindMakeupWorkday, "端午节"},
		{"2017-09-30", KindMakeupWorkday, "中秋节、国庆节"},
		{"2017-10-08", KindHoliday, "中秋节、国庆节"},
	},
	2018: {
		{"2018-02-11", KindMakeupWorkday, "春节"},
		{"2018-02-24", KindMakeupWorkday, "春节"},
		{"2018-04-08", KindMakeupWorkday, "清明节"},
		{"2018-04-28", KindMakeupWorkday, "劳动节"},
		{"2018-04-30", KindHoliday, "劳动节"},
		{"2018-09-29", KindMakeupWorkday, "国庆节"},
		{"2018-09-30", KindMakeupWorkday, "国庆节"},
		{"2018-12-29", KindMakeupWorkday, "元旦"}, // declared by the 2019 notice
		{"2018-12-31", KindHoliday, "元旦"},       // declared by the 2019 notice
	},
	2019: {
		{"2019-02-02", KindMakeupWorkday, "春节"},
		{"2019-02-03", KindMakeupWorkday, "春节"},
		{"2019-04-28", KindMakeupWorkday, "劳动节"}, // 国办发明电〔2019〕3号
		{"2019-05-02", KindHoliday, "劳动节"},
		{"2019-05-05", KindMakeupWorkday, "劳动节"},
		{"2019-09-29", KindMakeupWorkday, "国庆节"},
		{"2019-10-12", KindMakeupWorkday, "国庆节"},
	},
	2020: {
		{"2020-01-19", KindMakeupWorkday, "春节"},
		{"2020-01-31", KindHoliday, "春节"}, // extension 国办发明电〔2020〕1号
		{"2020-02-01", KindHoliday, "春节"}, // was a makeup workday before the extension
		{"2020-02-02", KindHoliday, "春节"},
		{"2020-02-03", KindWorkday, ""},
		{"2020-04-26", KindMakeupWorkday, "劳动节"},
		{"2020-05-09", KindMakeupWorkday, "劳动节"},
		{"2020-06-28", KindMakeupWorkday, "端午节"},
		{"2020-09-27", KindMakeupWorkday, "国庆节、中秋节"},
		{"2020-10-08", KindHoliday, "国庆节、中秋节"},
	},
	2021: {
		{"2021-02-07", KindMakeupWorkday, "春节"},
		{"2021-02-20", KindMakeupWorkday, "春节"},
		{"2021-04-25", KindMakeupWorkday, "劳动节"},
		{"2021-05-08", KindMakeupWorkday, "劳动节"},
		{"2021-06-14", KindHoliday, "端午节"},
		{"2021-09-18", KindMakeupWorkday, "中秋节"},
		{"2021-09-26", KindMakeupWorkday, "国庆节"},
	},
	2022: {
		{"2022-01-29", KindMakeupWorkday, "春节"},
		{"2022-01-30", KindMakeupWorkday, "春节"},
		{"2022-04-02", KindMakeupWorkday, "清明节"},
		{"2022-04-24", KindMakeupWorkday, "劳动节"},
		{"2022-05-04", KindHoliday, "劳动节"},
		{"2022-05-07", KindMakeupWorkday, "劳动节"},
		{"2022-10-09", KindMakeupWorkday, "国庆节"},
		{"2022-12-31", KindHoliday, "元旦"}, // declared by the 2023 notice
	},
	2023: {
		{"2023-01-02", KindHoliday, "元旦"},
		{"2023-01-28", KindMakeupWorkday, "春节"},
		{"2023-04-23", KindMakeupWorkday, "劳动节"},
		{"2023-05-06", KindMakeupWorkday, "劳动节"},
		{"2023-06-25", KindMakeupWorkday, "端午节"},
		{"2023-10-06", KindHoliday, "中秋节、国庆节"},
		{"2023-10-07", KindMakeupWorkday, "中秋节、国庆节"},
		{"2023-10-08", KindMakeupWorkday, "中秋节、国庆节"},
	},
	2024: {
		{"2024-02-04", KindMakeupWorkday, "春节"}, // issue fact: Sunday, workday
		{"2024-02-09", KindWorkday, ""},         // 除夕 encouraged, not granted
		{"2024-02-10", KindHoliday, "春节"},
		{"2024-02-17", KindHoliday, "春节"},
		{"2024-02-18", KindMakeupWorkday, "春节"},
		{"2024-04-07", KindMakeupWorkday, "清明节"},
		{"2024-05-11", KindMakeupWorkday, "劳动节"},
		{"2024-09-14", KindMakeupWorkday, "中秋节"},
		{"2024-10-01", KindHoliday, "国庆节"},
		{"2024-10-12", KindMakeupWorkday, "国庆节"},
	},
	2025: {
		{"2025-01-26", KindMakeupWorkday, "春节"},
		{"2025-01-28", KindHoliday, "春节"}, // 除夕 under 国务院令第795号
		{"2025-02-08", KindMakeupWorkday, "春节"},
		{"2025-04-27", KindMakeupWorkday, "劳动节"},
		{"2025-05-05", KindHoliday, "劳动节"},
		{"2025-09-28", KindMakeupWorkday, "国庆节、中秋节"}, // issue fact: Sunday, workday
		{"2025-10-08", KindHoliday, "国庆节、中秋节"},
		{"2025-10-11", KindMakeupWorkday, "国庆节、中秋节"},
	},
	2026: {
		{"2026-01-03", KindHoliday, "元旦"},
		{"2026-01-04", KindMakeupWorkday, "元旦"}, // issue fact: Sunday, workday
		{"2026-02-14", KindMakeupWorkday, "春节"}, // Saturday
		{"2026-02-23", KindHoliday, "春节"},
		{"2026-02-24", KindWorkday, ""},
		{"2026-02-28", KindMakeupWorkday, "春节"}, // Saturday
		{"2026-05-09", KindMakeupWorkday, "劳动节"},
		{"2026-09-20", KindMakeupWorkday, "国庆节"},
		{"2026-10-07", KindHoliday, "国庆节"},
		{"2026-10-10", KindMakeupWorkday, "国庆节"},
	},
}

func TestKnownFacts_PerYear(t *testing.T) {
	c := Default()
	first, last := c.Years()
	for y := first; y <= 2026 && y <= last; y++ {
		if len(knownFacts[y]) < 3 {
			t.Errorf("%d: fewer than 3 known facts", y)
		}
	}
	for y, facts := range knownFacts {
		for _, f := range facts {
			z, ok := parseDate(f.date)
			if !ok {
				t.Fatalf("bad fact date %q", f.date)
			}
			info, err := c.Day(midnight(z))
			if err != nil {
				t.Errorf("%d %s: %v", y, f.date, err)
				continue
			}
			if info.Kind != f.kind || (f.name != "" && info.HolidayZh != f.name) {
				t.Errorf("%d %s: got %s %q, want %s %q", y, f.date, info.Kind, info.HolidayZh, f.kind, f.name)
			}
			wd, _ := c.IsWorkday(midnight(z))
			if wd != f.kind.IsWorkday() {
				t.Errorf("%s: IsWorkday = %v", f.date, wd)
			}
			if (f.kind == KindHoliday || f.kind == KindMakeupWorkday) && info.Notice == "" {
				t.Errorf("%s: no notice", f.date)
			}
		}
	}
}

// TestIssueFacts checks the facts stated in the calendar issue.
func TestIssueFacts(t *testing.T) {
	c := Default()
	type rng struct {
		from, to string
		work     bool
	}
	for _, r := range []rng{
		{"2024-02-04", "2024-02-04", true},
		{"2024-02-10", "2024-02-17", false},
		{"2025-10-01", "2025-10-08", false},
		{"2025-09-28", "2025-09-28", true},
		{"2026-01-01", "2026-01-03", false},
		{"2026-01-04", "2026-01-04", true},
		{"2026-02-15", "2026-02-23", false},
		{"2026-02-14", "2026-02-14", true},
		{"2026-02-28", "2026-02-28", true},
	} {
		a, _ := parseDate(r.from)
		b, _ := parseDate(r.to)
		for z := a; z <= b; z++ {
			got, err := c.IsWorkday(midnight(z))
			if err != nil || got != r.work {
				t.Errorf("IsWorkday(%s) = %v, %v; want %v", formatDate(z), got, err, r.work)
			}
		}
	}
	if wd := weekdayOf(mustDay(t, "2024-02-04")); wd != time.Sunday {
		t.Errorf("2024-02-04 is a %s", wd)
	}
}

func mustDay(t testing.TB, s string) int64 {
	t.Helper()
	z, ok := parseDate(s)
	if !ok {
		t.Fatalf("bad date %q", s)
	}
	return z
}

func d(t testing.TB, s string) time.Time {
	t.Helper()
	return midnight(mustDay(t, s))
}
