package shell

import (
	"bytes"
	"io"
	"testing"
)

// BenchmarkDecodeLine is the JSONL record decoder alone, on the lines of
// the generated record set (one subject line to 1.7 website lines), without
// reading and classifying.
func BenchmarkDecodeLine(b *testing.B) {
	all, err := io.ReadAll(newGen(10_000).reader())
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSuffix(all, []byte("\n")), []byte("\n"))
	var rec lineRecord
	var in interner
	b.SetBytes(int64(len(all)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		for _, l := range lines {
			if p := rec.decode(l, &in); p != nil {
				b.Fatalf("%s: %v", l, p)
			}
		}
	}
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N*len(lines)), "cpu-ns/line")
}
