package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
)

// TestR84_BureauChecks runs the record checks over testdata/records.jsonl as
// of 2026-06-01.
func TestR84_BureauChecks(t *testing.T) {
	f, err := os.Open("testdata/records.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out bytes.Buffer
	sum, err := runChecks(f, &out, time.Date(2026, 6, 1, 0, 0, 0, 0, calendar.Location()))
	if err != nil {
		t.Fatal(err)
	}
	got := out.String()
	want := checkSummary{Records: 2, Bad: 1, Expired: 2, Domains: 2, Overdue: 1}
	if sum != want {
		t.Errorf("summary %+v, want %+v\n%s", sum, want, got)
	}
	for _, s := range []string{
		"R-84 黔ICP备2024001001号 主体负责人：证件已过期（有效期至2026-05-01）",
		"R-84 黔ICP备2024001001号-1 网站负责人：",
		"R-85 黔ICP备2024001001号-1：域名example-gz.cn的有效期须大于3个月（到期日2026-07-15）", // Guizhou refuses
		"R-85 桂ICP备2025002002号-1（提醒）：域名example-gx.cn的有效期须大于3个月",            // Guangxi warns
		"R-87 黔ICP备2024001001号-1：公安联网备案已逾期",
		"第3行：无法解析",
	} {
		if !strings.Contains(got, s) {
			t.Errorf("report lacks %q\n%s", s, got)
		}
	}
	if strings.Contains(got, "52010219800101123X") {
		t.Error("a certificate number is printed in clear")
	}
}

// TestChecksReportSpeaksChinese: a line that is not a record is explained
// in Chinese (where the JSON breaks, which field has the wrong type), never
// with Go's English error text inside the Chinese report.
func TestChecksReportSpeaksChinese(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{`{"subject":`, "JSON格式错误"},
		{`{"subject":{"name":1}}`, "字段“subject.name”的类型不正确"},
		{`[1,2]`, "记录的类型不正确"},
		{`not json`, "JSON格式错误，位于第2个字节附近"},
	} {
		var out bytes.Buffer
		sum, err := runChecks(strings.NewReader(tc.line+"\n"), &out, time.Date(2026, 6, 1, 0, 0, 0, 0, calendar.Location()))
		if err != nil {
			t.Fatal(err)
		}
		got := out.String()
		if sum.Bad != 1 || !strings.Contains(got, "第1行：无法解析（"+tc.want) {
			t.Errorf("%s: report %q, want 第1行：无法解析（%s…", tc.line, got, tc.want)
		}
		for _, english := range []string{"invalid", "unexpected", "cannot", "json:", "Go value"} {
			if strings.Contains(got, english) {
				t.Errorf("%s: report %q carries English error text %q", tc.line, got, english)
			}
		}
	}
}
