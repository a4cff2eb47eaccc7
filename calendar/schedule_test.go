package calendar

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// doc wraps year entries in a schedule document.
func doc(years string) string {
	return `{"source":"test","compiled":"2026-11-23","years":[` + years + `]}`
}

const notice = `"notices":[{"title":"测试通知","number":"测试〔2026〕1号","date":"2026-11-01"}]`

func TestParseSchedules_Malformed(t *testing.T) {
	for _, tc := range []struct {
		name  string
		json  string
		code  string
		year  int
		date  string
		field string
	}{
		{"not JSON", `{"years": [`, CodeScheduleSyntax, 0, "", ""},
		{"empty", ``, CodeScheduleSyntax, 0, "", ""},
		{"trailing data", doc(`{"year":2027,`+notice+`,"holidays":[],"workdays":[]}`) + `{}`, CodeScheduleSyntax, 0, "", ""},
		{"wrong type", doc(`{"year":"2027"}`), CodeScheduleSyntax, 0, "", ""},
		{"unknown field", doc(`{"year":2027,` + notice + `,"holidays":[{"zh":"元旦","en":"x","frist":"2027-01-01","last":"2027-01-01"}],"workdays":[]}`), CodeScheduleSyntax, 0, "", ""},
		{"no years", `{"source":"t","compiled":"2026-01-01","years":[]}`, CodeScheduleYear, 0, "", "years"},
		{"year out of range", doc(`{"year":1900,` + notice + `,"holidays":[],"workdays":[]}`), CodeScheduleYear, 1900, "", "years[0].year"},
		{"duplicate year", doc(`{"year":2027,` + notice + `,"holidays":[],"workdays":[]},{"year":2027,` + notice + `,"holidays":[],"workdays":[]}`), CodeScheduleYear, 2027, "", "years[1].year"},
		{"no notice", doc(`{"year":2027,"notices":[],"holidays":[],"workdays":[]}`), CodeScheduleNotice, 2027, "", "years[0].notices"},
		{"notice without number", doc(`{"year":2027,"notices":[{"title":"t","number":" ","date":"2026-11-01"}],"holidays":[],"workdays":[]}`), CodeScheduleNotice, 2027, "", "years[0].notices[0].number"},
		{"notice bad date", doc(`{"year":2027,"notices":[{"title":"t","number":"n","date":"2026/11/01"}],"holidays":[],"workdays":[]}`), CodeScheduleDate, 2027, "2026/11/01", "years[0].notices[0].date"},
		{"unknown notice reference", doc(`{"year":2027,` + notice + `,"holidays":[{"zh":"元旦","en":"New Year's Day","first":"2027-01-01","last":"2027-01-01","notice":"其他"}],"workdays":[]}`), CodeScheduleNotice, 2027, "", "years[0].holidays[0].notice"},
		{"bad date", doc(`{"year":2027,` + notice + `,"holidays":[{"zh":"春节","en":"Spring Festival","first":"2027-02-30","last":"2027-03-01"}],"workdays":[]}`), CodeScheduleDate, 2027, "2027-02-30", "years[0].holidays[0].first"},
		{"date in wrong year", doc(`{"year":2027,` + notice + `,"holidays":[{"zh":"国庆节","en":"National Day","first":"2026-10-01","last":"2026-10-07"}],"workdays":[]}`), CodeScheduleWrongYear, 2027, "2026-10-01", "years[0].holidays[0].first"},
		{"date in next year", doc(`{"year":2027,` + notice + `,"holidays":[],"workdays":[{"date":"2028-01-01"}]}`), CodeScheduleWrongYear, 2027, "2028-01-01", "years[0].workdays[0].date"},
		{"first after last", doc(`{"year":2027,` + notice + `,"holidays":[{"zh":"春节","en":"Spring Festival","first":"2027-02-12","last":"2027-02-05"}],"workdays":[]}`), CodeSchedulePeriod, 2027, "2027-02-12", "years[0].holidays[0]"},
		{"period too long", doc(`{"year":2027,` + notice + `,"holidays":[{"zh":"春节","en":"Spring Festival","first":"2027-01-01","last":"2027-03-01"}],"workdays":[]}`), CodeSchedulePeriod, 2027, "2027-01-01", "years[0].holidays[0]"},
		{"period without name", doc(`{"year":2027,` + notice + `,"holidays":[{"zh":"","en":"Spring Festival","first":"2027-02-05","last":"2027-02-12"}],"workdays":[]}`), CodeSchedulePeriod, 2027, "", "years[0].holidays[0]"},
		{"overlapping periods", doc(`{"year":2027,` + notice + `,"holidays":[{"zh":"a","en":"a","first":"2027-02-05","last":"2027-02-12"},{"zh":"b","en":"b","first":"2027-02-12","last":"2027-02-13"}],"workdays":[]}`), CodeScheduleOrder, 2027, "2027-02-12", "years[0].holidays[1].first"},
		{"periods out of order", doc(`{"year":2027,` + notice + `,"holidays":[{"zh":"b","en":"b","first":"2027-05-01","last":"2027-05-05"},{"zh":"a","en":"a","first":"2027-02-05","last":"2027-02-12"}],"workdays":[]}`), CodeScheduleOrder, 2027, "2027-02-05", "years[0].holidays[1].first"},
		{"makeup on a weekday", doc(`{"year":2027,` + notice + `,"holidays":[],"workdays":[{"date":"2027-02-15"}]}`), CodeScheduleMakeupNotWeekend, 2027, "2027-02-15", "years[0].workdays[0].date"},
		{"makeup duplicate", doc(`{"year":2027,` + notice + `,"holidays":[],"workdays":[{"date":"2027-02-14"},{"date":"2027-02-14"}]}`), CodeScheduleDuplicate, 2027, "2027-02-14", "years[0].workdays[1].date"},
		{"makeup out of order", doc(`{"year":2027,` + notice + `,"holidays":[],"workdays":[{"date":"2027-02-14"},{"date":"2027-01-10"}]}`), CodeScheduleOrder, 2027, "2027-01-10", "years[0].workdays[1].date"},
		{"overlapping off and work", doc(`{"year":2027,` + notice + `,"holidays":[{"zh":"春节","en":"Spring Festival","first":"2027-02-05","last":"2027-02-14"}],"workdays":[{"date":"2027-02-13"}]}`), CodeScheduleConflict, 2027, "2027-02-13", "years[0].workdays[0].date"},
		{"makeup names unknown holiday", doc(`{"year":2027,` + notice + `,"holidays":[],"workdays":[{"date":"2027-02-13","holiday":"春节"}]}`), CodeScheduleHolidayRef, 2027, "2027-02-13", "years[0].workdays[0].holiday"},
		{"off and work across years", doc(`{"year":2027,` + notice + `,"holidays":[],"workdays":[{"date":"2026-12-26"}]},{"year":2026,` + notice + `,"holidays":[{"zh":"x","en":"x","first":"2026-12-26","last":"2026-12-27"}],"workdays":[]}`), CodeScheduleConflict, 0, "2026-12-26", ""},
		{"same day off in two years", doc(`{"year":2027,` + notice + `,"holidays":[{"zh":"元旦","en":"x","first":"2026-12-31","last":"2027-01-01"}],"workdays":[]},{"year":2026,` + notice + `,"holidays":[{"zh":"x","en":"x","first":"2026-12-31","last":"2026-12-31"}],"workdays":[]}`), CodeScheduleDuplicate, 0, "2026-12-31", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSchedules([]byte(tc.json))
			checkScheduleErr(t, err, tc.code, tc.year, tc.date, tc.field)
			// New reports the same problem.
			_, err = New(WithoutEmbedded(), WithSchedulesJSON([]byte(tc.json)))
			checkScheduleErr(t, err, tc.code, tc.year, tc.date, tc.field)
		})
	}
}

func checkScheduleErr(t *testing.T, err error, code string, year int, date, field string) {
	t.Helper()
	if !errors.Is(err, ErrInvalidSchedule) {
		t.Fatalf("err = %v, want ErrInvalidSchedule", err)
	}
	var ise *InvalidScheduleError
	if !errors.As(err, &ise) || len(ise.Problems) == 0 {
		t.Fatalf("err = %#v, want *InvalidScheduleError", err)
	}
	var found *ScheduleError
	for _, p := range ise.Problems {
		if p.Code == code && (year == 0 || p.Year == year) && (date == "" || p.Date == date) && (field == "" || p.Field == field) {
			found = p
		}
	}
	if found == nil {
		t.Fatalf("no problem %s year %d date %q field %q in %v", code, year, date, field, err)
	}
	if !strings.HasPrefix(found.Error(), code+": ") || found.MessageZh() == "" || found.MessageEn() == "" {
		t.Errorf("messages: %q / %q", found.Error(), found.MessageZh())
	}
	if date != "" && (!strings.Contains(found.MessageEn(), date) || !strings.Contains(found.MessageZh(), date)) {
		t.Errorf("messages do not name the date %s: %q / %q", date, found.MessageEn(), found.MessageZh())
	}
	var se *ScheduleError
	if !errors.As(err, &se) {
		t.Error("errors.As *ScheduleError")
	}
	if ise.ErrorCode() != CodeInvalidSchedule || !strings.HasPrefix(ise.Error(), CodeInvalidSchedule+": ") {
		t.Errorf("aggregate: %q", ise.Error())
	}
}

func TestParseSchedules_AllProblemsReported(t *testing.T) {
	j := doc(`{"year":2027,"notices":[],"holidays":[{"zh":"春节","en":"x","first":"2027-13-01","last":"2027-02-01"}],"workdays":[{"date":"2027-02-15"},{"date":"2030-01-01"}]}`)
	_, err := ParseSchedules([]byte(j))
	var ise *InvalidScheduleError
	if !errors.As(err, &ise) || len(ise.Problems) != 4 {
		t.Fatalf("want 4 problems, got %v", err)
	}
	if !strings.Contains(ise.MessageZh(), "；") {
		t.Errorf("MessageZh %q", ise.MessageZh())
	}
}

func TestNew_RuntimeConflictsWithEmbedded(t *testing.T) {
	// A 2027 entry declaring 2026-12-31 a makeup day conflicts with nothing
	// (2026-12-31 is a Thursday, so it is rejected as a weekday) ...
	j := doc(`{"year":2027,` + notice + `,"holidays":[],"workdays":[{"date":"2026-12-31"}]}`)
	if _, err := New(WithSchedulesJSON([]byte(j))); !errors.Is(err, ErrInvalidSchedule) {
		t.Errorf("weekday makeup: %v", err)
	}
	// ... and a 2027 entry re-declaring a day off of the embedded 2026 is a duplicate.
	j = doc(`{"year":2027,` + notice + `,"holidays":[{"zh":"x","en":"x","first":"2026-12-01","last":"2026-12-01"}],"workdays":[]},
	         {"year":2028,` + notice + `,"holidays":[],"workdays":[]}`)
	if _, err := New(WithSchedulesJSON([]byte(j))); err != nil {
		t.Errorf("no overlap expected: %v", err)
	}
	j = doc(`{"year":2027,` + notice + `,"holidays":[],"workdays":[{"date":"2026-12-26"}]}`)
	if _, err := New(WithSchedulesJSON([]byte(j))); err != nil {
		t.Errorf("December makeup day of next year's notice: %v", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestWithSchedules_ReaderErrors(t *testing.T) {
	if _, err := New(WithSchedules(failingReader{})); !errors.Is(err, ErrInvalidSchedule) {
		t.Errorf("failing reader: %v", err)
	}
	if _, err := New(WithSchedules(nil)); !errors.Is(err, ErrInvalidSchedule) {
		t.Errorf("nil reader: %v", err)
	}
	big := strings.NewReader(strings.Repeat(" ", MaxScheduleBytes+10))
	if _, err := New(WithSchedules(big)); !errors.Is(err, ErrInvalidSchedule) {
		t.Errorf("too large: %v", err)
	}
	if _, err := New(nil); err != nil {
		t.Errorf("nil option: %v", err)
	}
}

func TestErrors_Convention(t *testing.T) {
	for _, e := range []*Error{ErrNotPublished, ErrNegativeCount, ErrZeroTime, ErrOutOfRange, ErrUnknownDeadline, ErrInvalidSchedule} {
		if !strings.HasPrefix(e.ErrorCode(), "calendar.") || e.MessageZh() == "" || e.MessageEn() == "" ||
			e.Error() != e.ErrorCode()+": "+e.MessageEn() {
			t.Errorf("%#v does not follow the convention", e)
		}
	}
	for code := range scheduleReasonZh {
		if !strings.HasPrefix(code, "calendar.schedule.") {
			t.Errorf("code %q", code)
		}
	}
	npe := &NotPublishedError{Year: 2027}
	if npe.Error() != "calendar.not_published: holiday schedule for 2027 not published; working days cannot be computed" {
		t.Errorf("Error() = %q", npe.Error())
	}
	if npe.MessageZh() != "2027年节假日安排尚未公布，无法计算工作日" {
		t.Errorf("MessageZh() = %q", npe.MessageZh())
	}
	if !errors.Is(npe, &NotPublishedError{}) || errors.Is(npe, ErrZeroTime) {
		t.Error("Is")
	}
}
