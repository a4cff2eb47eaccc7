package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"testing"
	"testing/iotest"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing/shell"
)

// FuzzReviewScanner checks, for any input, that the program does not fail
// or panic and that the review scanner numbers lines as ClassifyStream
// does, whatever the chunks it is written in.
func FuzzReviewScanner(f *testing.F) {
	data, err := os.ReadFile("testdata/export.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, seed := range []string{
		"", "\n", "\r\n\r\n", "x", `"bureau_review"`, "\n\"bureau_review\"\n\"bureau_review\"",
		`{"subject":{"number":"赣ICP备2026000218号"},"websites":[{"status":"bureau_review","submitted_at":"2026-05-01T10:00:00+08:00"}]}`,
		`{"subject":{"number":"京ICP备2024031275号","status":"bureau_review","submitted_at":"9999-12-31T23:59:59Z"}}`,
	} {
		f.Add([]byte(seed))
	}
	asOf := calendar.Date(2026, 6, 1)
	f.Fuzz(func(t *testing.T, in []byte) {
		if err := run(context.Background(), []string{"-asof", "2026-06-01", "-max-findings", "-1", "-max-reviews", "-1"},
			bytes.NewReader(in), io.Discard, io.Discard); err != nil {
			t.Fatalf("run: %v", err)
		}
		s := newReviewScanner(asOf, calendar.Default(), 3, 10)
		sum, err := shell.ClassifyStream(context.Background(), io.TeeReader(iotest.HalfReader(bytes.NewReader(in)), s), asOf, nil)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		if s.line != sum.Lines {
			t.Fatalf("scanner counted %d lines, ClassifyStream %d", s.line, sum.Lines)
		}
		if s.total != s.overdue+s.dueSoon+s.onTime+s.failed {
			t.Fatalf("reviews %d != %d+%d+%d+%d", s.total, s.overdue, s.dueSoon, s.onTime, s.failed)
		}
	})
}
