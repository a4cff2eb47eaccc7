package forms

import (
	"bytes"
	"io"
	"testing"
)

func BenchmarkCheck(b *testing.B) {
	a := orgCancellation()
	b.ReportAllocs()
	for b.Loop() {
		if err := a.Check(now); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkChecklist(b *testing.B) {
	a := orgCancellation()
	b.ReportAllocs()
	for b.Loop() {
		_ = a.Checklist()
	}
}

func BenchmarkReasonDetailed(b *testing.B) {
	r := orgCancellation().Reason
	b.ReportAllocs()
	for b.Loop() {
		if !ReasonDetailed(r) {
			b.Fatal("vague")
		}
	}
}

func BenchmarkDecodeBytes(b *testing.B) {
	var buf bytes.Buffer
	_ = orgCancellation().Encode(&buf)
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeBytes(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderHTML(b *testing.B) {
	a := orgCancellation()
	b.ReportAllocs()
	for b.Loop() {
		if err := a.RenderHTML(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderText(b *testing.B) {
	a := orgCancellation()
	b.ReportAllocs()
	for b.Loop() {
		if err := a.RenderText(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatchRetrieval measures a matching and a mismatching request:
// the two figures should be the same (constant-time comparison, R-58).
func BenchmarkMatchRetrieval(b *testing.B) {
	fp := SubjectFingerprint(onFile())
	for _, tc := range []struct {
		name string
		req  RetrievalRequest
	}{
		{"match", RetrievalRequest{"豫ICP备2021012345号", "business_licence", "91350100M000100Y43"}},
		{"mismatch_number", RetrievalRequest{"豫ICP备2021012345号", "business_licence", "9144030071526726XG"}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				fp.Matches(tc.req)
			}
		})
	}
}
