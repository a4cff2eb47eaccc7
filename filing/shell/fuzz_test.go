package shell

import (
	"context"
	"strings"
	"testing"
)

// FuzzClassifyStream feeds arbitrary bytes to ClassifyTypedStream: it never
// panics, reports every bad line with a position inside the input, hands
// out reports in input order, and its counts add up.
func FuzzClassifyStream(f *testing.F) {
	f.Add([]byte(lSubjA + "\n" + lWebA1 + "\n" + lWebA2 + "\n" + lSubjB + "\n"))
	f.Add([]byte(`{"type":"website","subject":"x","number":"x-1"}` + "\n" + `{"type":"subject","number":"x"}`))
	f.Add([]byte(`{"type":"subject","number":"a\u0041\ud83d\ude00","extra":[1,{"b":null}]}` + "\r\n\n"))
	f.Add([]byte(`{"type":"website","subject":"a","access":[{"isp":"i","since":"2026-01-01T00:00:00Z","until":"2025-01-01T00:00:00+08:00"},null]}`))
	f.Add([]byte(lSubjA + "\n" + `{"type":"app","subject":"` + "黔ICP备2026001073号" + `","number":"黔ICP备2026001073号-2A","kind":"app","access":[{"isp":"i","since":"2026-01-01T00:00:00Z","until":"2026-01-02T00:00:00Z"}]}` + "\n" +
		`{"type":"app","subject":"黔ICP备2026001073号","number":"黔ICP备2026001073号-3X","kind":"mini_program","host":"wechat"}` + "\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		var reps []SubjectReport
		var bad []*RecordError
		sum, err := ClassifyTypedStream(context.Background(), strings.NewReader(string(in)), shellAsOf,
			func(r SubjectReport) error { reps = append(reps, r); return nil },
			OnBadRecord(func(e *RecordError) error { bad = append(bad, e); return nil }))
		if err != nil {
			t.Fatal(err)
		}
		if sum.Lines > strings.Count(string(in), "\n")+1 || sum.BadRecords != len(bad) || sum.Subjects != len(reps) ||
			sum.Subjects+sum.Websites+sum.Apps+sum.BadRecords > sum.Lines {
			t.Fatalf("counts %+v (%d reports, %d bad)", sum, len(reps), len(bad))
		}
		last := 0
		for _, e := range bad {
			if e.Line <= last && e.Line != last || e.Line < 1 || e.Line > sum.Lines || len(e.Problems) == 0 || e.ErrorCode() == "" {
				t.Fatalf("bad record %+v", e)
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
			for _, f := range r.Findings {
				if f.Rule == "" || f.Zh == "" || f.RecommendationEn == "" {
					t.Fatalf("finding %+v", f)
				}
			}
		}
		if findings != sum.Findings {
			t.Fatalf("findings %d, summary %d", findings, sum.Findings)
		}
	})
}
