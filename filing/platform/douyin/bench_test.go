package douyin_test

import (
	"testing"

	"github.com/beiankit/beian/filing/platform/douyin"
)

// BenchmarkR95_DouyinPrepare: one filing to its payload.
func BenchmarkR95_DouyinPrepare(b *testing.B) {
	l, in := lists(b), fixture()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := douyin.Prepare(in, l); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkR95_DouyinDecodeRecordInfo: one stored payload decoded.
func BenchmarkR95_DouyinDecodeRecordInfo(b *testing.B) {
	data := read(b, "record_info.golden.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := douyin.DecodeRecordInfo(data); err != nil {
			b.Fatal(err)
		}
	}
}
