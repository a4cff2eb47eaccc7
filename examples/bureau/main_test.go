package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing/shell"
)

// runOK runs the program and fails the test on an error.
func runOK(t *testing.T, stdin io.Reader, args ...string) (stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	if err := run(context.Background(), args, stdin, &out, &errOut); err != nil {
		t.Fatalf("run %q: %v\nstderr:\n%s", args, err, errOut.String())
	}
	return out.String(), errOut.String()
}

// hasLines fails the test for each wanted line missing from out (whole
// lines, compared exactly).
func hasLines(t *testing.T, out string, want ...string) {
	t.Helper()
	lines := map[string]bool{}
	for l := range strings.SplitSeq(out, "\n") {
		lines[l] = true
	}
	for _, w := range want {
		if !lines[w] {
			t.Errorf("output lacks line\n%q\noutput:\n%s", w, out)
		}
	}
}

func TestTestdataExport(t *testing.T) {
	out, stderr := runOK(t, nil, "-in", "testdata/export.jsonl", "-asof", "2026-06-01")
	if stderr != "" {
		t.Errorf("stderr (no terminal, no -progress) = %q, want nothing", stderr)
	}
	hasLines(t, out,
		"bureau batch: testdata/export.jsonl as of 2026-06-01 00:00 CST",
		// Findings: every kind, with its rule, record number and subject line.
		"R-17 access_cancelled_filing_kept 黔ICP备2026001073号-2 line 1: 网站黔ICP备2026001073号-2的接入已于2026-05-10 00:00被接入商“中国联通”取消，但网站备案未注销，也没有新的接入",
		"R-61 shell_website 黔ICP备2026001073号-2 line 1: 网站黔ICP备2026001073号-2自2026-05-10 00:00起无接入信息，已超过1周，自2026-05-17 00:00后视为空壳网站",
		"R-61 website_at_risk 黔ICP备2025004418号-1 line 2: 网站黔ICP备2025004418号-1自2026-05-28 18:00起无接入信息，如不新增接入，将于2026-06-04 18:00后视为空壳网站（剩余4天）",
		"R-62 shell_subject 京ICP备2024031275号 line 3: 主体京ICP备2024031275号下已无网站，视为空壳主体",
		"R-60 shell_website 粤ICP备2023018842号-2 line 7: 网站粤ICP备2023018842号-2有备案号但无接入信息，视为空壳网站",
		// An app whose access ended 12 days ago is a 空壳APP;
		// the subject's mini-program, served by WeChat, keeps the subject
		// off the shell subjects.
		"R-17 access_cancelled_filing_kept 沪ICP备2024012345号-1A line 10: APP沪ICP备2024012345号-1A的接入已于2026-05-20 00:00被接入商“腾讯云”取消，但APP备案未注销，也没有新的接入",
		"R-61 shell_app 沪ICP备2024012345号-1A line 10: APP沪ICP备2024012345号-1A自2026-05-20 00:00起无接入信息，已超过1周，自2026-05-27 00:00后视为空壳APP",
		// Summary.
		"lines 10, subjects 8, websites 10, apps 2, bad records 2, incomplete subjects 1",
		"findings 10",
		"  shell_website 3 (空壳网站)",
		"  website_at_risk 1 (即将视为空壳网站)",
		"  access_cancelled_filing_kept 3 (已取消接入但未注销备案)",
		"  shell_subject 1 (空壳主体)",
		"  subject_shell_after_cleanup 1 (清理后将成为空壳主体)",
		"  shell_app 1 (空壳APP)",
		"  app_at_risk 0 (即将视为空壳APP)",
		"  11 北京市: shell_subject 1",
		"  31 上海市: access_cancelled_filing_kept 1, shell_app 1",
		"  腾讯云: access_cancelled_filing_kept 1, shell_app 1",
		"  44 广东省: shell_website 1",
		"  52 贵州省: shell_website 2, website_at_risk 1, access_cancelled_filing_kept 2, subject_shell_after_cleanup 1",
		"  中国联通: shell_website 1, access_cancelled_filing_kept 1",
		"  阿里云: website_at_risk 1, access_cancelled_filing_kept 1",
		"  (no access): shell_website 2",
		// Bad records, with their line numbers (line 5 is blank).
		"bad records 2:",
		"  line 7: shell.access_reversed 接入信息的取消接入时间早于接入时间",
		// Reviews: R-20 overdue; R-21 (Jiangxi, 15 working days) and R-23
		// (added website, no form yet) due soon.
		"reviews 5: overdue 2, due within 3 working days 2, on time 1, not computable 0 (schedule not published 0)",
		"overdue (2):",
		"  line 8 浙ICP备2022009156号 R-20 备案审核期限 due 2026-05-20, overdue by 8 working days (counted from 2026-04-20)",
		"  line 9 黔ICP备2026000412号-2 R-20 备案审核期限 due 2026-05-26, overdue by 4 working days (counted from 2026-04-24)",
		"due within 3 working days (2):",
		"  line 9 新增网站（主体黔ICP备2026000412号） R-23 新增网站核验单提交期限 due 2026-06-02, 1 working day left (counted from 2026-05-22)",
		"  line 4 赣ICP备2026000218号-1 R-21 江西省备案审核期限 due 2026-06-03, 2 working days left (counted from 2026-05-13)",
	)
	if !regexp.MustCompile(`(?m)^  line 6: stream\.syntax 记录格式不正确`).MatchString(out) {
		t.Errorf("bad JSON line 6 not reported:\n%s", out)
	}
	// Due dates are from the filing: 20 working days after
	// 2026-04-20 skip the Labour Day holiday (05-01..05-05) and count the
	// makeup Saturday 05-09.
}

// An added website whose form has arrived is reviewed from the form's
// arrival (the later instant), not from its submission.
func TestReviewCountsFromForm(t *testing.T) {
	out, _ := runOK(t, nil, "-in", "testdata/export.jsonl", "-asof", "2026-06-01", "-due-within", "20", "-max-findings", "0")
	hasLines(t, out,
		"  line 9 新增网站（主体黔ICP备2026000412号） R-20 备案审核期限 due 2026-06-25, 17 working days left (counted from 2026-05-27)")
}

func TestStdinAndListingLimits(t *testing.T) {
	data, err := os.ReadFile("testdata/export.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	out, _ := runOK(t, bytes.NewReader(data), "-asof", "2026-06-01T00:00:00+08:00", "-max-findings", "3", "-max-reviews", "1")
	hasLines(t, out,
		"bureau batch: standard input as of 2026-06-01 00:00 CST",
		"(7 more findings not listed; -max-findings 3)",
		"findings 10",
		"overdue (2, the first 1):",
		"  line 8 浙ICP备2022009156号 R-20 备案审核期限 due 2026-05-20, overdue by 8 working days (counted from 2026-04-20)",
	)
	if n := strings.Count(out, " line 2: "); n != 1 {
		t.Errorf("-max-findings 3: %d findings of line 2 listed, want 1 (two of line 1, then one of line 2)", n)
	}

	out, _ = runOK(t, bytes.NewReader(data), "-asof", "2026-06-01", "-max-findings", "0", "-max-reviews", "0")
	if strings.Contains(out, "R-61 ") || strings.Contains(out, "overdue (") {
		t.Errorf("-max-findings 0 -max-reviews 0 still lists:\n%s", out)
	}
	hasLines(t, out, "findings 10", "reviews 5: overdue 2, due within 3 working days 2, on time 1, not computable 0 (schedule not published 0)")
}

// The line scanner numbers lines exactly as ClassifyStream does, whatever
// the chunks the input arrives in and the line ends it uses.
func TestScannerChunksAndLineEnds(t *testing.T) {
	data, err := os.ReadFile("testdata/export.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"-asof", "2026-06-01", "-max-findings", "-1", "-due-within", "30"}
	want, _ := runOK(t, bytes.NewReader(data), args...)
	for name, in := range map[string]io.Reader{
		"one byte at a time": iotest.OneByteReader(bytes.NewReader(data)),
		"half reads":         iotest.HalfReader(bytes.NewReader(data)),
		"CRLF, no final newline": strings.NewReader(
			strings.TrimSuffix(strings.ReplaceAll(string(data), "\n", "\r\n"), "\r\n")),
	} {
		got, _ := runOK(t, in, args...)
		if got != want {
			t.Errorf("%s: output differs\ngot:\n%s\nwant:\n%s", name, got, want)
		}
	}
}

// Only a status value puts a record under review, read as the
// classification reads it (record.Decode decodes as encoding/json: keys
// match case-insensitively, the last of a key given twice wins), never a
// name that happens to be "bureau_review".
func TestScannerReadsStatusAsTheClassification(t *testing.T) {
	in := `{"subject":{"number":"黔ICP备2026001073号","province":"52","status":"approved","name":"bureau_review"},"websites":[` +
		`{"number":"黔ICP备2026001073号-1","STATUS":"bureau_review","submitted_at":"2026-04-20T10:00:00+08:00","access":[{"isp":"中国电信","since":"2026-01-06T09:00:00+08:00"}]},` +
		`{"number":"黔ICP备2026001073号-2","status":"bureau_review","status":"approved","submitted_at":"2026-04-20T10:00:00+08:00","access":[{"isp":"中国电信","since":"2026-01-06T09:00:00+08:00"}]}]}
`
	out, _ := runOK(t, strings.NewReader(in), "-asof", "2026-06-01")
	hasLines(t, out,
		"reviews 1: overdue 1, due within 3 working days 0, on time 0, not computable 0 (schedule not published 0)",
		"  line 1 黔ICP备2026001073号-1 R-20 备案审核期限 due 2026-05-20, overdue by 8 working days (counted from 2026-04-20)")
}

// With -strict (no provisional years, R-24), a due date in a year whose
// holiday schedule is not published is reported as such, never guessed; so
// is a count of working days up to an as-of date in such a year. Problems
// of the review fields are listed too.
func TestUnpublishedYear(t *testing.T) {
	in := `{"subject":{"number":"黔ICP备2026001073号","province":"52","status":"approved"},"websites":[` +
		`{"number":"黔ICP备2026001073号-1","status":"bureau_review","submitted_at":"2026-12-10T10:00:00+08:00","access":[{"isp":"中国电信","since":"2026-01-06T09:00:00+08:00"}]},` +
		`{"number":"黔ICP备2026001073号-2","status":"bureau_review","submitted_at":"2026-11-02T10:00:00+08:00","access":[{"isp":"中国电信","since":"2026-01-06T09:00:00+08:00"}]}]}
{"subject":{"number":"沪ICP备2025007731号","province":"31","status":"bureau_review"}}
{"subject":{"number":"沪ICP备2025007732号","province":"31","status":"bureau_review","submitted_at":"2026-12-31"}}
`
	if calendar.Default().Published(2027) {
		t.Skip("the embedded calendar has 2027 now: pick a later year for this test")
	}
	out, _ := runOK(t, strings.NewReader(in), "-asof", "2026-12-20", "-strict")
	hasLines(t, out,
		"reviews 4: overdue 1, due within 3 working days 0, on time 0, not computable 3 (schedule not published 1)",
		"  line 1 黔ICP备2026001073号-1: 2027年节假日安排尚未公布，无法计算工作日 (calendar.not_published: holiday schedule for 2027 not published; working days cannot be computed)",
		"  line 1 黔ICP备2026001073号-2 R-20 备案审核期限 due 2026-11-30, overdue by 14 working days (counted from 2026-11-02)",
		"  line 2 沪ICP备2025007731号: 缺少提交管局审核时间（submitted_at） (no submitted_at)",
		`  line 3 沪ICP备2025007732号: 时间格式不正确（应为RFC 3339） (submitted_at "2026-12-31": instant is not RFC 3339)`,
	)

	out, _ = runOK(t, strings.NewReader(in), "-asof", "2027-01-15", "-strict")
	hasLines(t, out,
		"reviews 4: overdue 1, due within 3 working days 0, on time 0, not computable 3 (schedule not published 1)",
		"  line 1 黔ICP备2026001073号-2 R-20 备案审核期限 due 2026-11-30, overdue; working days not countable: 2027年节假日安排尚未公布，无法计算工作日 (calendar.not_published: holiday schedule for 2027 not published; working days cannot be computed)",
	)
}

func TestFlagErrors(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		usage bool   // a *usageError (exit status 2)
		want  string // in the error's message
	}{
		{[]string{"-asof", "2026-13-01"}, true, `-asof "2026-13-01": want an RFC 3339 instant`},
		{[]string{"-asof", "June 1"}, true, `-asof "June 1"`},
		{[]string{"-asof", "0001-01-01T00:00:00Z"}, true, "zero instant"},
		{[]string{"-no-such-flag"}, true, "flag provided but not defined: -no-such-flag"},
		{[]string{"-max-findings", "x"}, true, `invalid value "x" for flag -max-findings`},
		{[]string{"-gen", "-5"}, true, "-gen -5"},
		{[]string{"-due-within", "-1"}, true, "-due-within -1"},
		{[]string{"-max-reviews", "-2"}, true, "-max-reviews -2"},
		{[]string{"export.jsonl"}, true, `unexpected argument "export.jsonl"`},
		{[]string{"-gen", "10", "-in", "x.jsonl"}, true, "give one of them"},
		{[]string{"-gen", "10", "-asof", "2100-01-01"}, true, "-gen -asof 2100-01-01: want an instant in the years 2001 to 2099"},
		{[]string{"-out", "x.jsonl"}, true, "-out is where -gen writes"},
		{[]string{"-in", "testdata/no-such-export.jsonl", "-asof", "2026-06-01"}, false, "testdata/no-such-export.jsonl"},
	} {
		var out, errOut bytes.Buffer
		err := run(context.Background(), tc.args, strings.NewReader(""), &out, &errOut)
		if err == nil {
			t.Errorf("run %q: no error", tc.args)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run %q: error %q, want it to contain %q", tc.args, err, tc.want)
		}
		var ue *usageError
		if errors.As(err, &ue) != tc.usage {
			t.Errorf("run %q: usage error = %v, want %v (%v)", tc.args, !tc.usage, tc.usage, err)
		}
		var stderr bytes.Buffer
		want := 1
		if tc.usage {
			want = 2
		}
		if code := exitCode(err, &stderr); code != want {
			t.Errorf("run %q: exit status %d, want %d", tc.args, code, want)
		}
		if !strings.Contains(errOut.String()+stderr.String(), tc.want) {
			t.Errorf("run %q: the error is not on stderr:\n%s%s", tc.args, errOut.String(), stderr.String())
		}
	}
	// A missing file is the os error, for errors.Is.
	err := run(context.Background(), []string{"-in", "testdata/no-such-export.jsonl"}, nil, io.Discard, io.Discard)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	// -h prints the usage and is no failure.
	var errOut bytes.Buffer
	err = run(context.Background(), []string{"-h"}, nil, io.Discard, &errOut)
	if code := exitCode(err, io.Discard); code != 0 || !strings.Contains(errOut.String(), "-max-findings") {
		t.Errorf("-h: exit status %d, usage %q", code, errOut.String())
	}
	if code := exitCode(nil, io.Discard); code != 0 {
		t.Errorf("no error: exit status %d", code)
	}
}

// A read error stops the run with the error, after the summary of what was
// read.
func TestReadError(t *testing.T) {
	data, err := os.ReadFile("testdata/export.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	in := io.MultiReader(bytes.NewReader(data[:len(data)/2]), iotest.ErrReader(errors.New("disk on fire")))
	var out bytes.Buffer
	err = run(context.Background(), []string{"-asof", "2026-06-01"}, in, &out, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("err = %v, want the read error", err)
	}
	if code := exitCode(err, io.Discard); code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	if !strings.Contains(out.String(), "(stopped early: the counts below cover the first ") ||
		!strings.Contains(out.String(), "== summary") {
		t.Errorf("no partial summary:\n%s", out.String())
	}
}

func TestProgressOnStderr(t *testing.T) {
	out, stderr := runOK(t, nil, "-in", "testdata/export.jsonl", "-asof", "2026-06-01", "-progress")
	if !regexp.MustCompile(`^bureau: 10 lines \(\d+\.\d MB\) read in \S+, \d+ lines/s\n$`).MatchString(stderr) {
		t.Errorf("progress on stderr = %q", stderr)
	}
	if strings.Contains(out, "lines/s") {
		t.Errorf("progress on stdout:\n%s", out)
	}
}

// The generator is deterministic: same seed, same bytes; -gen writes what
// generate does.
func TestGenDeterministic(t *testing.T) {
	asOf := calendar.Date(2026, time.June, 1)
	var a, b, c bytes.Buffer
	if _, err := generate(&a, genConfig{websites: 500, seed: 9, asOf: asOf}); err != nil {
		t.Fatal(err)
	}
	if _, err := generate(&b, genConfig{websites: 500, seed: 9, asOf: asOf}); err != nil {
		t.Fatal(err)
	}
	if _, err := generate(&c, genConfig{websites: 500, seed: 10, asOf: asOf}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("same seed, different exports")
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("different seeds, same export")
	}
	cli, _ := runOK(t, nil, "-gen", "500", "-seed", "9")
	if cli != a.String() {
		t.Error("-gen 500 -seed 9 differs from generate (default -asof 2026-06-01)")
	}
	path := t.TempDir() + "/export.jsonl"
	runOK(t, nil, "-gen", "500", "-seed", "9", "-out", path)
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, a.Bytes()) {
		t.Errorf("-out: %v, equal %v", err, bytes.Equal(got, a.Bytes()))
	}
}

// Round trip: the classification of a generated export finds exactly the
// mix the generator built, counted from the generator's own choices.
func TestGenRoundTrip(t *testing.T) {
	asOf := calendar.Date(2026, time.June, 1) // a Monday, a working day
	var export bytes.Buffer
	stats, err := generate(&export, genConfig{websites: 5000, seed: 42, asOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := runOK(t, &export, "-asof", "2026-06-01", "-max-findings", "0")
	rep := parseReport(t, out)

	if want := [6]int{stats.Lines, stats.Subjects, stats.Websites, stats.Apps, stats.BadRecords, stats.Incomplete}; rep.counts != want {
		t.Errorf("lines, subjects, websites, apps, bad, incomplete = %v, want %v", rep.counts, want)
	}
	if !maps.Equal(rep.byKind, stats.ByKind) {
		t.Errorf("by kind = %v, want %v", rep.byKind, stats.ByKind)
	}
	if !maps.EqualFunc(rep.byProvince, stats.ByProvince, maps.Equal) {
		t.Errorf("by province = %v, want %v", rep.byProvince, stats.ByProvince)
	}
	if !maps.EqualFunc(rep.byISP, stats.ByISP, maps.Equal) {
		t.Errorf("by ISP = %v, want %v", rep.byISP, stats.ByISP)
	}
	overdue, dueSoon, onTime := stats.reviewCounts(3)
	if want := [5]int{len(stats.Reviews), overdue, dueSoon, onTime, 0}; rep.reviews != want {
		t.Errorf("reviews total, overdue, due soon, on time, not computable = %v, want %v", rep.reviews, want)
	}

	// The mix is the one promised: every kind of finding (空壳APP and apps
	// at risk among them, R-70), bad lines of both kinds, reviews overdue,
	// due soon and on time, Jiangxi among them.
	for _, k := range findingKinds() {
		if stats.ByKind[k] == 0 {
			t.Errorf("no %s in the generated mix", k)
		}
	}
	if stats.BadRecords < 2 || stats.Incomplete == 0 || overdue == 0 || dueSoon == 0 || onTime == 0 {
		t.Errorf("mix lacks a case: bad %d, incomplete %d, overdue %d, due soon %d, on time %d",
			stats.BadRecords, stats.Incomplete, overdue, dueSoon, onTime)
	}
	for _, want := range []string{"stream.syntax", "shell.access_reversed", "R-21 江西省备案审核期限", "R-23 新增网站核验单提交期限"} {
		if !strings.Contains(out, want) {
			t.Errorf("report of the generated export lacks %q", want)
		}
	}
}

// report is the summary of a run's output, parsed back.
type report struct {
	counts     [6]int // lines, subjects, websites, apps, bad records, incomplete subjects
	byKind     shell.FindingCounts
	byProvince map[string]shell.FindingCounts
	byISP      map[string]shell.FindingCounts
	reviews    [5]int // total, overdue, due soon, on time, not computable
}

func parseReport(t *testing.T, out string) report {
	t.Helper()
	rep := report{byKind: shell.FindingCounts{}, byProvince: map[string]shell.FindingCounts{}, byISP: map[string]shell.FindingCounts{}}
	countsRe := regexp.MustCompile(`^lines (\d+), subjects (\d+), websites (\d+), apps (\d+), bad records (\d+), incomplete subjects (\d+)$`)
	reviewsRe := regexp.MustCompile(`^reviews (\d+): overdue (\d+), due within \d+ working days (\d+), on time (\d+), not computable (\d+) `)
	kindRe := regexp.MustCompile(`^  ([a-z_]+) (\d+) \(`)
	groupRe := regexp.MustCompile(`^  (.+): (.*)$`)
	atoi := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		l := sc.Text()
		if m := countsRe.FindStringSubmatch(l); m != nil {
			for i := range rep.counts {
				rep.counts[i] = atoi(m[i+1])
			}
			continue
		}
		if m := reviewsRe.FindStringSubmatch(l); m != nil {
			for i := range rep.reviews {
				rep.reviews[i] = atoi(m[i+1])
			}
			continue
		}
		if !strings.HasPrefix(l, "  ") {
			section = l
			continue
		}
		switch section {
		case "by kind:":
			if m := kindRe.FindStringSubmatch(l); m != nil && atoi(m[2]) > 0 {
				rep.byKind[shell.FindingKind(m[1])] = atoi(m[2])
			}
		case "by province:", "by ISP:":
			m := groupRe.FindStringSubmatch(l)
			if m == nil {
				t.Fatalf("unexpected line %q in %s", l, section)
			}
			key, counts := m[1], shell.FindingCounts{}
			for part := range strings.SplitSeq(m[2], ", ") {
				kind, n, _ := strings.Cut(part, " ")
				counts[shell.FindingKind(kind)] = atoi(n)
			}
			if section == "by province:" {
				key, _, _ = strings.Cut(key, " ") // "52 贵州省"
				rep.byProvince[key] = counts
			} else {
				if key == noISP {
					key = ""
				}
				rep.byISP[key] = counts
			}
		}
	}
	return rep
}

// fixedCounter is a counter for the progress line that a test moves.
type fixedCounter struct{ lines, bytes atomic.Int64 }

func (c *fixedCounter) Lines() int64 { return c.lines.Load() }
func (c *fixedCounter) Bytes() int64 { return c.bytes.Load() }

// The progress line reports while the input is read (here: every
// millisecond, concurrently with the reading) and once more at the end; on
// a terminal it rewrites one line.
func TestProgressReports(t *testing.T) {
	for _, terminal := range []bool{false, true} {
		var c fixedCounter
		var buf bytes.Buffer
		p := startProgress(&buf, &c, terminal, time.Millisecond)
		for range 20 {
			c.lines.Add(1000)
			c.bytes.Add(250_000)
			time.Sleep(time.Millisecond)
		}
		p.stop()
		out := buf.String()
		reports := strings.Count(out, "lines/s")
		if reports < 2 || !strings.Contains(out, "bureau: 20000 lines (5.0 MB) read in ") {
			t.Errorf("terminal %v: %d reports:\n%q", terminal, reports, out)
		}
		if terminal != strings.Contains(out, "\r") || strings.Count(out, "\n") != map[bool]int{false: reports, true: 1}[terminal] {
			t.Errorf("terminal %v: line ends wrong:\n%q", terminal, out)
		}
	}
}

// TestR24_ProvisionalAndScheduleFile: without -strict a limit running into
// a year without a published notice is counted from the statutory holidays
// and says so; a notice given with -schedule replaces the provisional year.
func TestR24_ProvisionalAndScheduleFile(t *testing.T) {
	if calendar.Default().Published(2027) {
		t.Skip("the embedded calendar has 2027 now: pick a later year for this test")
	}
	in := `{"subject":{"number":"黔ICP备2026001073号","province":"52","status":"approved"},"websites":[{"number":"黔ICP备2026001073号-1","status":"bureau_review","submitted_at":"2026-12-10T10:00:00+08:00","access":[{"isp":"中国电信","since":"2026-01-06T09:00:00+08:00"}]}]}
`
	// 2027-01-01 (元旦, a Friday) off: 20 working days end on 01-08.
	out, _ := runOK(t, strings.NewReader(in), "-asof", "2026-12-20", "-due-within", "20")
	hasLines(t, out,
		"reviews 1: overdue 0, due within 20 working days 1, on time 0, not computable 0 (schedule not published 0)",
		"  line 1 黔ICP备2026001073号-1 R-20 备案审核期限 due 2027-01-08, 14 working days left (counted from 2026-12-10) （暂按法定节假日推算，以国务院通知为准）",
	)
	// A (test) notice with 01-01 to 01-04 off moves the due date to 01-11.
	path := filepath.Join(t.TempDir(), "2027.json")
	doc := `{"source": "test", "compiled": "2026-12-07", "years": [{"year": 2027,
 "notices": [{"title": "国务院办公厅关于2027年部分节假日安排的通知", "number": "国办发明电〔2026〕99号", "date": "2026-11-20"}],
 "holidays": [{"zh": "元旦", "en": "New Year's Day", "first": "2027-01-01", "last": "2027-01-04"}],
 "workdays": []}]}`
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	out, _ = runOK(t, strings.NewReader(in), "-asof", "2026-12-20", "-due-within", "20", "-schedule", path)
	hasLines(t, out,
		"  line 1 黔ICP备2026001073号-1 R-20 备案审核期限 due 2027-01-11, 14 working days left (counted from 2026-12-10)",
	)
	if strings.Contains(out, calendar.ProvisionalNoteZh) {
		t.Error("a published year is not provisional")
	}
	// A missing or invalid file stops the run.
	var stdout, stderr strings.Builder
	if err := run(context.Background(), []string{"-asof", "2026-12-20", "-schedule", path + ".missing"}, strings.NewReader(in), &stdout, &stderr); err == nil {
		t.Error("missing schedule file: no error")
	}
	if err := os.WriteFile(path, []byte(`{"years": [{"year": 2027}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	err := run(context.Background(), []string{"-asof", "2026-12-20", "-schedule", path}, strings.NewReader(in), &stdout, &stderr)
	if !errors.Is(err, calendar.ErrInvalidSchedule) {
		t.Errorf("invalid schedule file: %v", err)
	}
}
