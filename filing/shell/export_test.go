package shell

import (
	"context"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
)

// TestClassifyStream_ExportMatchesTypedLines: the one export and the
// typed-line format of the same record set give the same reports and
// counts (R-60..R-62), and so does ClassifySeq over records and
// ClassifyRecord record by record.
func TestClassifyStream_ExportMatchesTypedLines(t *testing.T) {
	g := newGen(3000)
	var typed, export, seq []SubjectReport
	st, err := ClassifyTypedStream(context.Background(), g.reader(), genAsOf, func(r SubjectReport) error { typed = append(typed, r); return nil })
	require.NoError(t, err)
	se, err := ClassifyStream(context.Background(), g.exportReader(), genAsOf, func(r SubjectReport) error { export = append(export, r); return nil })
	require.NoError(t, err)
	ss, err := ClassifySeq(context.Background(), g.records(), genAsOf, func(r SubjectReport) error { seq = append(seq, r); return nil })
	require.NoError(t, err)
	require.Equal(t, 3000, se.Lines, "one line per subject")
	require.Equal(t, g.websites(), se.Websites)
	st.Lines, se.Lines, ss.Lines = 0, 0, 0
	assert.Equal(t, st, se)
	assert.Equal(t, st, ss)
	require.Len(t, export, len(typed))
	require.Len(t, seq, len(typed))
	i := 0
	for rec, err := range record.Decode(g.exportReader()) {
		require.NoError(t, err)
		one, err := ClassifyRecord(rec, genAsOf)
		require.NoError(t, err)
		typed[i].Line = 0
		for _, x := range []*SubjectReport{&export[i], &seq[i]} {
			x.Line = 0
			if !reflect.DeepEqual(typed[i].Report, x.Report) && !sameFindings(typed[i].Findings, x.Findings) {
				t.Fatalf("subject %d:\n%+v\n%+v", i, typed[i], *x)
			}
		}
		if !sameFindings(typed[i].Findings, one.Findings) {
			t.Fatalf("subject %d: ClassifyRecord\n%+v\n%+v", i, typed[i], one)
		}
		i++
	}
	assert.Equal(t, 3000, i)
}

// TestR60_ClassifyRecordBadServices: a bad website and a bad app are
// listed with their paths and left out; the report is Incomplete and has
// no subject finding (R-62 cannot be judged on part of the subject).
func TestR60_ClassifyRecordBadServices(t *testing.T) {
	asOf := shellAsOf
	r := record.Record{
		Subject: record.Subject{Number: "黔ICP备1号", Province: "52", Status: filing.StatusApproved},
		Websites: []record.Website{
			{Number: "黔ICP备1号-1", Access: []record.Access{{ISP: "a", Since: asOf.AddDate(0, 0, -3), Until: asOf.AddDate(0, 0, -5)}}},
			{Number: "黔ICP备1号-2", Access: []record.Access{{ISP: "a", Since: asOf.AddDate(0, -1, 0)}}},
		},
		Apps: []record.App{{Number: "黔ICP备1号-3A", Kind: filing.AppKindApp, Status: "gone"}},
	}
	rep, err := ClassifyRecord(r, asOf)
	var ve *filing.ValidationError
	require.ErrorAs(t, err, &ve)
	paths := []string{}
	for _, p := range ve.Problems {
		paths = append(paths, p.Path)
	}
	assert.Equal(t, []string{"websites[0].access[0].until", "apps[0].status"}, paths)
	assert.Equal(t, "应用备案状态", ve.Problems[1].Label)
	assert.True(t, rep.Incomplete)
	assert.Equal(t, 1, rep.Websites)
	assert.Empty(t, rep.Findings, "the served website has no finding; no subject finding on part of the subject")

	_, err = ClassifyRecord(record.Record{Subject: record.Subject{Number: "x", Status: "odd"}}, asOf)
	assert.ErrorIs(t, err, CodeUnknownStatus)
	_, err = ClassifyRecord(record.Record{}, time.Time{})
	assert.ErrorIs(t, err, CodeAsOfMissing)
}

// TestR62_ClassifyStreamBadLines: in the export, a line that does not
// decode, a repeated subject and a bad subject status are bad records at
// their lines; a record without a subject number (under review) is
// counted as unfiled; a bad website is a bad record inside its subject's
// report, which is still delivered.
func TestR62_ClassifyStreamBadLines(t *testing.T) {
	in := strings.Join([]string{
		`{"subject":{"number":"黔ICP备1号","province":"52"}}`,
		`{"subject":{"number":"黔ICP备1号","province":"52"}}`,
		`{"subject":`,
		``,
		`{"subject":{"province":"52","status":"bureau_review"},"websites":[{"domains":["a.cn"],"status":"bureau_review"}]}`,
		`{"subject":{"number":"黔ICP备2号","status":"odd"}}`,
		`{"subject":{"number":"黔ICP备3号","province":"52"},"websites":[{"number":"黔ICP备3号-1","status":"odd"},{"number":"黔ICP备3号-2","access":[{"isp":"a","since":"2026-01-01T00:00:00+08:00"}]}]}`,
	}, "\n")
	var reps []SubjectReport
	sum, err := ClassifyStream(context.Background(), strings.NewReader(in), shellAsOf, func(r SubjectReport) error { reps = append(reps, r); return nil })
	require.NoError(t, err)
	assert.Equal(t, 7, sum.Lines)
	assert.Equal(t, 2, sum.Subjects)
	assert.Equal(t, 1, sum.Unfiled)
	assert.Equal(t, 1, sum.Websites)
	assert.Equal(t, 1, sum.Incomplete)
	require.Equal(t, 4, sum.BadRecords)
	want := []struct {
		line int
		code filing.Code
	}{{2, CodeStreamDuplicateSubject}, {3, CodeStreamSyntax}, {6, CodeUnknownStatus}, {7, CodeUnknownStatus}}
	for i, w := range want {
		assert.Equal(t, w.line, sum.Errors[i].Line, i)
		assert.ErrorIs(t, sum.Errors[i], w.code, i)
	}
	var de *record.DecodeError
	assert.True(t, errors.As(sum.Errors[1], &de), "the decode error is reachable")
	assert.Equal(t, "黔ICP备3号-1", sum.Errors[3].WebsiteNumber)
	require.Len(t, reps, 2)
	assert.Equal(t, 7, reps[1].Line)
	assert.True(t, reps[1].Incomplete)
	assert.Len(t, reps[1].Errors, 1)
}

// TestClassifySeq_SourceErrors: an error a source yields is a bad record at
// its position (the decode error's line when it is one) and the sequence
// goes on.
func TestClassifySeq_SourceErrors(t *testing.T) {
	boom := errors.New("row unreadable")
	seq := func(yield func(record.Record, error) bool) {
		_ = yield(record.Record{Subject: record.Subject{Number: "黔ICP备1号", Province: "52"}}, nil) &&
			yield(record.Record{}, boom) &&
			yield(record.Record{}, &record.DecodeError{Line: 9, Err: errors.New("bad json")}) &&
			yield(record.Record{Subject: record.Subject{Number: "黔ICP备2号", Province: "52"}}, nil)
	}
	sum, err := ClassifySeq(context.Background(), seq, shellAsOf, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, sum.Subjects)
	require.Equal(t, 2, sum.BadRecords)
	assert.Equal(t, 2, sum.Errors[0].Line)
	assert.ErrorIs(t, sum.Errors[0], boom)
	assert.ErrorIs(t, sum.Errors[0], CodeStreamSource)
	assert.Equal(t, 9, sum.Errors[1].Line)
	assert.ErrorIs(t, sum.Errors[1], CodeStreamSyntax)
}

// FuzzClassifyExport feeds arbitrary bytes to ClassifyStream as the one
// export: it never panics, reports bad records at lines inside the input
// and reports in input order, its counts add up, and ClassifySeq over
// record.Decode of the same bytes gives the same reports and counts.
func FuzzClassifyExport(f *testing.F) {
	f.Add([]byte(`{"subject":{"number":"黔ICP备1号","province":"52"},"websites":[{"number":"黔ICP备1号-1","access":[{"isp":"a","since":"2026-01-01T00:00:00Z","until":"2026-05-01T00:00:00+08:00"}]}]}` + "\n" +
		`{"subject":{"number":"黔ICP备1号"}}` + "\r\n\n" + `{"subject":`))
	f.Add([]byte(`{"subject":{"number":"a","status":"odd"}}` + "\n" + `{"subject":{"province":"52"},"websites":[{"status":"bureau_review"}]}` + "\n" +
		`{"subject":{"number":"b"},"apps":[{"number":"b-1A","kind":"app","access":[null,{"since":"2026-01-01T00:00:00Z"}]},{"number":"b-2X","kind":"mini_program","host":"wechat"}]}`))
	f.Add([]byte(`{"subject":{"number":"c"},"websites":[{"number":"c-1","status":"odd"},{"number":"c-2","approved_at":"2027-01-01T00:00:00Z"}]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		var reps, seqReps []SubjectReport
		var bad []*RecordError
		sum, err := ClassifyStream(context.Background(), strings.NewReader(string(in)), shellAsOf,
			func(r SubjectReport) error { reps = append(reps, r); return nil },
			OnBadRecord(func(e *RecordError) error { bad = append(bad, e); return nil }))
		require.NoError(t, err)
		if sum.Lines > strings.Count(string(in), "\n")+1 || sum.BadRecords != len(bad) || sum.Subjects != len(reps) ||
			sum.Subjects+sum.Unfiled > sum.Lines {
			t.Fatalf("counts %+v (%d reports, %d bad)", sum, len(reps), len(bad))
		}
		last := 0
		for _, e := range bad {
			if e.Line < last || e.Line < 1 || e.Line > sum.Lines || len(e.Problems) == 0 || e.ErrorCode() == "" {
				t.Fatalf("bad record %+v after line %d", e, last)
			}
			last = e.Line
		}
		last, findings := 0, 0
		for _, r := range reps {
			if r.Line <= last || r.SubjectNumber == "" {
				t.Fatalf("report %+v after line %d", r, last)
			}
			last = r.Line
			findings += len(r.Findings)
		}
		if findings != sum.Findings {
			t.Fatalf("findings %d, summary %d", findings, sum.Findings)
		}
		ss, err := ClassifySeq(context.Background(), record.Decode(strings.NewReader(string(in))), shellAsOf,
			func(r SubjectReport) error { seqReps = append(seqReps, r); return nil })
		require.NoError(t, err)
		sum.Lines, ss.Lines = 0, 0
		for _, s := range []*StreamSummary{&sum, &ss} {
			for _, e := range s.Errors {
				e.Cause = nil
			}
		}
		require.Equal(t, len(reps), len(seqReps))
		for i := range reps {
			reps[i].Line, seqReps[i].Line = 0, 0
			for _, e := range append(reps[i].Errors, seqReps[i].Errors...) {
				e.Line = 0
			}
			if !sameFindings(reps[i].Findings, seqReps[i].Findings) {
				t.Fatalf("report %d: stream %+v, seq %+v", i, reps[i], seqReps[i])
			}
		}
		require.Equal(t, sum.Subjects, ss.Subjects)
		require.Equal(t, sum.Websites, ss.Websites)
		require.Equal(t, sum.Apps, ss.Apps)
		require.Equal(t, sum.Unfiled, ss.Unfiled)
		require.Equal(t, sum.BadRecords, ss.BadRecords)
		require.Equal(t, sum.Findings, ss.Findings)
	})
}

// TestR60_ExportReportsEachLineWhileInputStalls: in the one export a
// subject is complete on its own line, so its report arrives while the
// producer goes quiet, without waiting for the next subject; and a
// cancelled stream returns at once while its input stalls.
func TestR60_ExportReportsEachLineWhileInputStalls(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(t.Context())
	got := make(chan SubjectReport, 4)
	done := make(chan error, 1)
	go func() {
		_, err := ClassifyStream(ctx, pr, shellAsOf, func(r SubjectReport) error { got <- r; return nil })
		done <- err
	}()
	_, err := io.WriteString(pw, `{"subject":{"number":"黔ICP备2026001073号","province":"52"},"websites":[{"number":"黔ICP备2026001073号-1"}]}`+"\n")
	require.NoError(t, err)
	select {
	case r := <-got:
		assert.Equal(t, "黔ICP备2026001073号", r.SubjectNumber)
		assert.Equal(t, 1, r.Websites)
	case <-time.After(promptly):
		t.Fatal("no report while the input stalls")
	}
	cancel()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, context.Canceled)
	case <-time.After(promptly):
		t.Fatal("ClassifyStream did not return after cancel while the input stalls")
	}
}
