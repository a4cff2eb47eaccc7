package shell

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/filing"
)

func runStream(t *testing.T, in string, opts ...StreamOption) ([]SubjectReport, StreamSummary) {
	t.Helper()
	var reps []SubjectReport
	sum, err := ClassifyTypedStream(context.Background(), strings.NewReader(in), shellAsOf, func(r SubjectReport) error {
		reps = append(reps, r)
		return nil
	}, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return reps, sum
}

const (
	lSubjA = `{"type":"subject","number":"黔ICP备2026001073号","province":"52","status":"approved"}`
	lWebA1 = `{"type":"website","subject":"黔ICP备2026001073号","number":"黔ICP备2026001073号-1","status":"approved","access":[{"isp":"中国电信","isp_province":"52","since":"2025-01-01T00:00:00+08:00"}]}`
	lWebA2 = `{"type":"website","subject":"黔ICP备2026001073号","number":"黔ICP备2026001073号-2","status":"approved","approved_at":"2025-01-01T00:00:00Z","access":[{"isp":"中国电信","since":"2025-01-01T00:00:00+08:00","until":"2026-05-01T00:00:00+08:00"}]}`
	lSubjB = `{"type":"subject","number":"京ICP备2024000001号","province":"11"}`
)

func TestClassifyStream_BadRecordsKeepGoing(t *testing.T) {
	lines := []string{
		lSubjA, // 1
		lWebA1, // 2
		`{"type":"website","subject":"黔ICP备2026001073号","number":"x"`, // 3 truncated JSON
		lWebA2, // 4
		``,     // 5 blank
		`{"type":"website","subject":"京ICP备2024000001号","number":"京-1"}`, // 6 subject not above
		`{"type":"subjekt","number":"y"}`,                                // 7 unknown type
		lSubjB,                                                           // 8
		`{"type":"website","subject":"京ICP备2024000001号","number":"京ICP备2024000001号-1","status":"archived"}`,                                                                              // 9 unknown status
		`{"type":"website","subject":"京ICP备2024000001号","number":"京ICP备2024000001号-2","access":[{"isp":"a","since":"2026-02-01T00:00:00Z","until":"2026-01-01T00:00:00Z"}]}`,             // 10 reversed
		`{"type":"website","subject":"京ICP备2024000001号","number":"京ICP备2024000001号-3","access":[{"isp":"a","since":"2027-01-01T00:00:00Z"}]}`,                                            // 11 future
		`{"type":"website","subject":"京ICP备2024000001号","number":"京ICP备2024000001号-4","access":[{"isp":"a","since":"2025-01-01T00:00:00Z"},{"isp":"a","since":"2025-06-01T00:00:00Z"}]}`, // 12 overlap
		`{"type":"website","subject":"京ICP备2024000001号","number":"京ICP备2024000001号-5","approved_at":"2026-13-01T00:00:00Z"}`,                                                             // 13 bad time
		`{"type":"subject","province":"11"}`,                                 // 14 no number
		`{"type":"subject","number":"粤ICP备1号","province":"44","status":"?"}`, // 15 bad subject
		`{"type":"website","subject":"粤ICP备1号","number":"粤ICP备1号-1"}`,        // 16 its website
		`{"type":"subject","number":"沪ICP备2号","province":"31"} trailing`,     // 17 trailing data
		`{"type":"subject","number":"沪ICP备3号","province":"31"}`,              // 18 good, shell subject
	}
	var handled []int
	reps, sum := runStream(t, strings.Join(lines, "\r\n")+"\n", OnBadRecord(func(e *RecordError) error {
		handled = append(handled, e.Line)
		return nil
	}))
	wantBad := map[int]filing.Code{
		3: CodeStreamSyntax, 6: CodeStreamWebsiteSubject, 7: CodeStreamUnknownType, 9: CodeUnknownStatus,
		10: CodeAccessReversed, 11: CodeFutureInstant, 12: CodeAccessOverlap, 13: CodeStreamBadTime,
		14: CodeStreamSubjectNumberMissing, 15: CodeUnknownStatus, 16: CodeStreamWebsiteSubject, 17: CodeStreamSyntax,
	}
	if sum.BadRecords != len(wantBad) || len(sum.Errors) != len(wantBad) || len(handled) != len(wantBad) {
		t.Fatalf("bad records %d, errors %v, handled %v", sum.BadRecords, sum.Errors, handled)
	}
	for _, e := range sum.Errors {
		code, ok := wantBad[e.Line]
		if !ok || !errors.Is(e, code) {
			t.Errorf("line %d: %v, want %s", e.Line, e, code)
		}
		if !strings.HasPrefix(e.MessageZh(), fmt.Sprintf("第%d行：", e.Line)) || e.ErrorCode() != string(code) {
			t.Errorf("line %d: %s / %s", e.Line, e.MessageZh(), e.ErrorCode())
		}
	}
	if sum.Lines != len(lines) || sum.Subjects != 3 || sum.Websites != 2 || sum.Incomplete != 2 {
		t.Fatalf("summary %+v", sum)
	}
	if len(reps) != 3 || reps[0].Line != 1 || reps[1].Line != 8 || reps[2].Line != 18 {
		t.Fatalf("reports %+v", reps)
	}
	// Subject A: incomplete (line 3), website 2 at risk/shell, website 1 served.
	if !reps[0].Incomplete || len(reps[0].Errors) != 1 || reps[0].Errors[0].Line != 3 || reps[0].Websites != 2 {
		t.Fatalf("subject A %+v", reps[0])
	}
	if !reps[0].Has(FindingShellWebsite) || !reps[0].Has(FindingAccessCancelledNotFiling) || reps[0].Has(FindingSubjectShellAfterCleanup) {
		t.Fatalf("subject A findings %v", kinds(reps[0].Report))
	}
	// Subject B: every website bad, so no subject finding.
	if !reps[1].Incomplete || len(reps[1].Errors) != 5 || len(reps[1].Findings) != 0 {
		t.Fatalf("subject B %+v", reps[1])
	}
	if !reps[2].Has(FindingShellSubject) || reps[2].Province != "31" {
		t.Fatalf("subject 沪3 %+v", reps[2])
	}
	if sum.ByKind[FindingShellSubject] != 1 || sum.ByProvince["31"][FindingShellSubject] != 1 ||
		sum.ByISP["中国电信"][FindingShellWebsite] != 1 || sum.Findings != 3 {
		t.Fatalf("counts %+v", sum)
	}
}

func TestClassifyStream_DecoderMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	zones := []*time.Location{time.UTC, cstZone, time.FixedZone("", -5*3600-30*60)}
	for i := range 300 {
		w := WebsiteRecord{Website: filing.Website{
			Service: filing.Service{
				Number: fmt.Sprintf("黔ICP备2026%06d号-%d", i, i%5+1),
				Name:   "网站\t\"名\"\\" + string(rune(0x1F600+i%10)),
				Status: []filing.Status{filing.StatusApproved, filing.StatusAccessCancelled, ""}[i%3],
			},
			Domains: []string{fmt.Sprintf("例子%d.中国", i)},
		}}
		if i%4 != 0 {
			w.ApprovedAt = time.Date(2020+i%6, time.Month(1+i%12), 1+i%28, i%24, i%60, i%60, i*1000%1e9, zones[i%3])
		}
		for k := range i % 4 {
			s := time.Date(2021, time.Month(1+k*3), 1, 0, 0, 0, rng.IntN(1e9), zones[(i+k)%3])
			a := filing.Access{ISP: fmt.Sprintf("ISP<%d>&", k), ISPProvince: "52", Since: s}
			if k < i%4-1 {
				a.Until = s.AddDate(0, 2, 0)
			}
			w.Access = append(w.Access, a)
		}
		raw, err := json.Marshal(w)
		if err != nil {
			t.Fatal(err)
		}
		// Add the type and subject members (encoding/json escapes <, >, & as \u003c etc.).
		line := `{"type":"website","subject":"\u9ed4ICP备1号",` + string(raw[1:])
		var in interner
		var rec lineRecord
		if p := rec.decode([]byte(line), &in); p != nil {
			t.Fatalf("%s: %v", line, p)
		}
		if rec.kind != RecordWebsite || string(rec.subject) != "黔ICP备1号" || string(rec.number) != w.Number ||
			rec.status != w.Status || !rec.approvedAt.Equal(w.ApprovedAt) || len(rec.access) != len(w.Access) {
			t.Fatalf("%s: decoded %+v", line, rec)
		}
		for k, a := range rec.access {
			b := w.Access[k]
			if a.ISP != b.ISP || a.ISPProvince != b.ISPProvince || !a.Since.Equal(b.Since) || !a.Until.Equal(b.Until) {
				t.Fatalf("access %d: %+v, want %+v", k, a, b)
			}
		}
	}
}

func TestClassifyStream_StringsAndSyntax(t *testing.T) {
	good := []string{
		`{"number":"黔ICP备1号","type":"subject","extra":{"a":[1,-2.5e+3,true,false,null,"\u00e9\ud83d\ude00"]}}`,
		`  {"type":"subject","number":"黔ICP备2号","province":null,"status":null}  `,
		`{"type":"subject","number":"黔ICP备3号","type":"subject","name":"a\/b\n"}`,
	}
	for _, l := range good {
		if _, sum := runStream(t, l); sum.BadRecords != 0 || sum.Subjects != 1 {
			t.Errorf("%s: %+v", l, sum.Errors)
		}
	}
	bad := []string{
		`[]`, `{"type":"subject","number":"1"`, `{"type":"subject","number":"1",}`, `{"type":"subject" "number":"1"}`,
		`{"type":"subject","number":"1","x":01}`, `{"type":"subject","number":"1","x":1.}`, `{"type":"subject","number":"1","x":"\x"}`,
		`{"type":"subject","number":"1","x":tru}`, `{"type":"subject","number":"` + "\x01" + `"}`, `{"type":"subject","number":"` + "\xff" + `"}`,
		`{"type":"subject","number":1}`, `{"type":"website","subject":"1","access":{}}`, `{"type":"website","subject":"1","access":[1]}`,
		`{"type":"subject","number":"1","x":` + strings.Repeat("[", 600) + strings.Repeat("]", 600) + `}`,
		`{"type":"subject","number":"1","x":"\ud800"}x`, `{}`,
	}
	latin := regexp.MustCompile(`[A-Za-z]+`)
	for _, l := range bad {
		_, sum := runStream(t, l)
		if sum.BadRecords != 1 || sum.Subjects != 0 {
			t.Errorf("%q: %+v", l, sum)
			continue
		}
		// The Chinese message carries no English detail (only the words
		// JSON and UTF-8).
		for _, p := range sum.Errors[0].Problems {
			if p.Code != CodeStreamSyntax {
				continue
			}
			for _, w := range latin.FindAllString(p.Zh, -1) {
				if w != "JSON" && w != "UTF" {
					t.Errorf("%q: Chinese message %q has %q", l, p.Zh, w)
				}
			}
		}
	}
	// A lone surrogate is replaced (as encoding/json does), not an error.
	reps, _ := runStream(t, `{"type":"subject","number":"a\ud800b"}`)
	if len(reps) != 1 || reps[0].SubjectNumber != "a\uFFFDb" {
		t.Fatalf("%+v", reps)
	}
}

func TestClassifyStream_LongLinesAndNoFinalNewline(t *testing.T) {
	long := `{"type":"subject","number":"黔ICP备1号","pad":"` + strings.Repeat("x", 300<<10) + `"}`
	huge := `{"type":"subject","number":"黔ICP备2号","pad":"` + strings.Repeat("x", MaxLineBytes) + `"}`
	in := long + "\n" + huge + "\n" + lSubjB // no final newline
	reps, sum := runStream(t, in)
	if sum.Lines != 3 || sum.BadRecords != 1 || !errors.Is(sum.Errors[0], CodeStreamLineTooLong) || sum.Errors[0].Line != 2 {
		t.Fatalf("%+v", sum)
	}
	if len(reps) != 2 || reps[0].SubjectNumber != "黔ICP备1号" || reps[1].Line != 3 {
		t.Fatalf("%+v", reps)
	}
}

func TestClassifyStream_StopsOnCallbackContextAndReadErrors(t *testing.T) {
	var sb strings.Builder
	for i := range 10 {
		fmt.Fprintf(&sb, `{"type":"subject","number":"京ICP备%d号"}`+"\n", i)
	}
	in := sb.String()
	stop := errors.New("enough")
	n := 0
	sum, err := ClassifyTypedStream(context.Background(), strings.NewReader(in), shellAsOf, func(SubjectReport) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || sum.Subjects != 3 {
		t.Fatalf("%v %+v", err, sum)
	}
	_, err = ClassifyTypedStream(context.Background(), strings.NewReader(lSubjA+"\n"+lSubjA), shellAsOf, nil, OnBadRecord(func(*RecordError) error { return stop }))
	if !errors.Is(err, stop) {
		t.Fatalf("handler error: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ClassifyTypedStream(ctx, strings.NewReader(in), shellAsOf, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("ctx: %v", err)
	}
	if _, err := ClassifyTypedSeq(ctx, newGen(10).seq(), shellAsOf, nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("ctx: %v", err)
	}
	rd := io.MultiReader(strings.NewReader(lSubjB+"\n"), iotestErr{})
	if sum, err := ClassifyTypedStream(context.Background(), rd, shellAsOf, nil); err == nil || sum.Lines != 1 {
		t.Fatalf("read error: %v %+v", err, sum)
	}
	if _, err := ClassifyTypedStream(context.Background(), strings.NewReader(in), time.Time{}, nil); !errors.Is(err, CodeAsOfMissing) {
		t.Fatalf("zero asOf: %v", err)
	}
}

type iotestErr struct{}

func (iotestErr) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestClassifyStream_AdjacentDuplicateSubject(t *testing.T) {
	reps, sum := runStream(t, lSubjA+"\n"+lWebA1+"\n"+lSubjA+"\n"+lWebA2+"\n")
	if len(reps) != 1 || reps[0].Websites != 2 || sum.BadRecords != 1 || !errors.Is(sum.Errors[0], CodeStreamDuplicateSubject) {
		t.Fatalf("%+v %+v", reps, sum)
	}
}

// TestClassifySeq_MatchesClassifyStream runs the generated record set
// through both paths and through ClassifyRecord, subject by subject.
func TestClassifySeq_MatchesClassifyStream(t *testing.T) {
	g := newGen(3000)
	var a, b []SubjectReport
	sa, err := ClassifyTypedStream(context.Background(), g.reader(), genAsOf, func(r SubjectReport) error { a = append(a, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	sb, err := ClassifyTypedSeq(context.Background(), g.seq(), genAsOf, func(r SubjectReport) error { b = append(b, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if sa.Websites != g.websites() || sa.BadRecords != 0 || sa.Lines != 3000+g.websites() {
		t.Fatalf("%+v", sa)
	}
	sa.Lines, sb.Lines = 0, 0
	if !reflect.DeepEqual(sa, sb) {
		t.Fatalf("summaries differ:\n%+v\n%+v", sa, sb)
	}
	if len(a) != len(b) {
		t.Fatal(len(a), len(b))
	}
	for i := range a {
		a[i].Line, b[i].Line = 0, 0
		if !reflect.DeepEqual(a[i].Findings, b[i].Findings) && !sameFindings(a[i].Findings, b[i].Findings) {
			t.Fatalf("subject %d:\n%+v\n%+v", i, a[i], b[i])
		}
	}
	for _, k := range FindingKinds() {
		if sa.ByKind[k] == 0 {
			t.Errorf("the generated set has no %s", k)
		}
	}
}

// sameFindings compares findings with instants by Equal (the decoder and
// the generator put them in different locations).
func sameFindings(x, y []Finding) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		p, q := x[i], y[i]
		if !p.Since.Equal(q.Since) || !p.ShellFrom.Equal(q.ShellFrom) {
			return false
		}
		p.Since, q.Since, p.ShellFrom, q.ShellFrom = time.Time{}, time.Time{}, time.Time{}, time.Time{}
		if !reflect.DeepEqual(p, q) {
			return false
		}
	}
	return true
}

func TestClassifySeq_BadRecordsAndSourceErrors(t *testing.T) {
	subj := filing.Subject{Number: "黔ICP备1号", Province: "52"}
	web := WebsiteRecord{Website: filing.Website{Service: filing.Service{Number: "黔ICP备1号-1", Access: []filing.Access{{ISP: "a", Since: shellAsOf.AddDate(0, 0, -30)}}}}}
	boom := errors.New("row 3 unreadable")
	seq := func(yield func(StreamRecord, error) bool) {
		_ = yield(StreamRecord{Subject: &subj}, nil) &&
			yield(StreamRecord{Website: &web, SubjectNumber: subj.Number}, nil) &&
			yield(StreamRecord{}, boom) &&
			yield(StreamRecord{Line: 99}, nil) &&
			yield(StreamRecord{Website: &web, SubjectNumber: "other"}, nil)
	}
	var reps []SubjectReport
	sum, err := ClassifyTypedSeq(context.Background(), seq, shellAsOf, func(r SubjectReport) error { reps = append(reps, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if sum.BadRecords != 3 || sum.Errors[0].Line != 3 || !errors.Is(sum.Errors[0], boom) ||
		sum.Errors[1].Line != 99 || !errors.Is(sum.Errors[1], CodeStreamUnknownType) || !errors.Is(sum.Errors[2], CodeStreamWebsiteSubject) {
		t.Fatalf("%+v", sum.Errors)
	}
	if len(reps) != 1 || reps[0].Websites != 1 || len(reps[0].Findings) != 0 {
		t.Fatalf("%+v", reps)
	}
	// The source reuses its values: the classification copied the access.
	web.Access[0].Until = shellAsOf
	if reps[0].Websites != 1 {
		t.Fatal()
	}
}

func TestClassifyStream_SummaryKeepsFirstErrors(t *testing.T) {
	in := strings.Repeat("not json\n", MaxSummaryErrors+50)
	_, sum := runStream(t, in)
	if sum.BadRecords != MaxSummaryErrors+50 || len(sum.Errors) != MaxSummaryErrors || sum.Errors[MaxSummaryErrors-1].Line != MaxSummaryErrors {
		t.Fatalf("%d %d", sum.BadRecords, len(sum.Errors))
	}
}

// TestClassifyStream_StopLeavesNoGoroutines stops a long stream early (the
// callback fails while many batches are being read and decoded) and checks
// that the reader and decoder goroutines end: none is left behind blocked.
// (Input order across decoders: TestClassifySeq_MatchesClassifyStream.)
func TestClassifyStream_StopLeavesNoGoroutines(t *testing.T) {
	stop := errors.New("stop")
	for _, after := range []int{1, 3000} {
		n := 0
		_, err := ClassifyTypedStream(context.Background(), newGen(20000).reader(), genAsOf, func(r SubjectReport) error {
			n++
			if !strings.Contains(r.SubjectNumber, "ICP备") {
				t.Fatalf("report %d: subject %q", n, r.SubjectNumber)
			}
			if n == after {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || n != after {
			t.Fatalf("after %d: err %v, %d reports", after, err, n)
		}
	}
	// stop waits for every goroutine's deferred Done; a goroutine may still
	// be in its last instructions then, so give the scheduler a moment.
	buf := make([]byte, 1<<20)
	var stacks string
	for range 200 {
		if stacks = string(buf[:runtime.Stack(buf, true)]); !strings.Contains(stacks, "(*lineReader)") {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Errorf("a reader or decoder goroutine is still running a second after ClassifyTypedStream returned:\n%s", stacks)
}
