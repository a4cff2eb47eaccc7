package shell

import (
	"context"
	"errors"
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
