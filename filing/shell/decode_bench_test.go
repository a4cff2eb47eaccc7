package shell

import (
	"bytes"
	"io"
	"testing"

	"github.com/beiankit/beian/filing/record"
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

// BenchmarkDecodeExportLine is the decoder of the one export
// (record.LineDecoder, as ClassifyStream runs it: slices reused, strings
// borrowed from the line) alone, on the same record set as
// BenchmarkDecodeLine, one subject with its websites per line.
func BenchmarkDecodeExportLine(b *testing.B) {
	all, err := io.ReadAll(newGen(10_000).exportReader())
	if err != nil {
		b.Fatal(err)
	}
	lines := bytes.Split(bytes.TrimSuffix(all, []byte("\n")), []byte("\n"))
	d := record.LineDecoder{Reuse: true, Borrow: true}
	var rec record.Record
	b.SetBytes(int64(len(all)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		for _, l := range lines {
			if err := d.Decode(l, &rec); err != nil {
				b.Fatalf("%s: %v", l, err)
			}
		}
	}
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N*len(lines)), "cpu-ns/line")
}
