package conflict

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/beiankit/beian/filing/record"
)

// BenchmarkDecodeRecord decodes the lines of the export of 3 000 generated
// subjects into Records: with the JSONL decoder of LoadJSONL, and with
// encoding/json (the baseline).
func BenchmarkDecodeRecord(b *testing.B) {
	lines := bytes.Split(bytes.TrimSpace(genJSONL(3000)), []byte("\n"))
	size := 0
	for _, l := range lines {
		size += len(l)
	}
	b.Run("jsonl_decoder", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(size))
		d := record.LineDecoder{Reuse: true}
		var r Record
		for b.Loop() {
			for _, l := range lines {
				if err := d.Decode(l, &r); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, l := range lines {
				var r Record
				if err := json.Unmarshal(l, &r); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
