package main

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

// newPortalCal is newPortal with a given calendar.
func newPortalCal(t *testing.T, now time.Time, cal *calendar.Calendar) *portal {
	t.Helper()
	p := &portal{t: t, clock: &clock{t: now}, logs: &lockedBuffer{}}
	h, err := newServer(options{
		Now:      p.clock.Now,
		ISP:      "测试云",
		Logger:   slog.New(slog.NewTextHandler(p.logs, nil)),
		Calendar: cal,
		SendSMS: func(id string, to filing.Phone, code string) {
			p.mu.Lock()
			defer p.mu.Unlock()
			p.sent = append(p.sent, sentSMS{id, to, code})
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	p.ts = httptest.NewServer(h)
	t.Cleanup(p.ts.Close)
	p.client = p.ts.Client()
	p.client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return p
}

// TestR24_StatusPageStrictCalendar: with -strict the page says the due date
// cannot be computed yet, once, and counts "after" the day like the line
// above it ("次日起算").
func TestR24_StatusPageStrictCalendar(t *testing.T) {
	cal, err := loadCalendar("", true)
	if err != nil {
		t.Fatal(err)
	}
	_, last := cal.Years()
	p := newPortalCal(t, cst(last, 12, 20, 10), cal)
	loc := p.submit(sample())
	_, body := p.get(loc)
	from := fmt.Sprintf("%d-12-20", last)
	wantContains(t, "status page", body, fmt.Sprintf("%d年节假日安排尚未公布，暂时无法计算准确的截止日期", last+1),
		"自"+from+"的次日起算", "管局应在"+from+"之后的20个工作日内完成审核")
	for _, bad := range []string{"无法计算工作日，暂时", "自" + from + "起", "截止日期：<strong>", "距审核截止还有", calendar.ProvisionalNoteZh} {
		if strings.Contains(body, bad) {
			t.Errorf("status page contains %q:\n%s", bad, body)
		}
	}
}

// TestR24_StatusPagePublishedYear: a notice loaded at run time (-schedule)
// replaces the provisional year: the countdown has no note.
func TestR24_StatusPagePublishedYear(t *testing.T) {
	_, last := calendar.Default().Years()
	path := t.TempDir() + "/next.json"
	doc := fmt.Sprintf(`{"source": "test", "compiled": "%[1]d-12-07", "years": [{"year": %[2]d,
 "notices": [{"title": "国务院办公厅关于%[2]d年部分节假日安排的通知", "number": "国办发明电〔%[1]d〕99号", "date": "%[1]d-11-20"}],
 "holidays": [{"zh": "元旦", "en": "New Year's Day", "first": "%[2]d-01-01", "last": "%[2]d-01-01"}], "workdays": []}]}`, last, last+1)
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	cal, err := loadCalendar(path, false)
	if err != nil {
		t.Fatal(err)
	}
	p := newPortalCal(t, cst(last, 12, 20, 10), cal)
	loc := p.submit(sample())
	_, body := p.get(loc)
	wantContains(t, "status page", body, "截止日期：<strong>", "距审核截止还有")
	if strings.Contains(body, calendar.ProvisionalNoteZh) || strings.Contains(body, "尚未公布") || strings.Contains(body, "无法计算") {
		t.Errorf("published year shown as provisional or missing:\n%s", body)
	}
	if _, err := loadCalendar(path+".missing", false); err == nil {
		t.Error("missing schedule file: no error")
	}
}
