package change_test

import (
	"slices"
	"testing"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/change"
)

func median(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	slices.Sort(x)
	return x[len(x)/2]
}

// benchPair is a filed record of one subject with three websites and its
// change (the subject's address and a website's name).
func benchPair(b *testing.B) (*filing.Filing, *filing.Filing) {
	old := filed(b, "52")
	nw := clone(old)
	nw.Subject.Address = "贵州省贵阳市观山湖区新地址1号"
	nw.Websites[1].Name = "新网站名称"
	return old, nw
}

// BenchmarkDiffCheck is Diff plus the change check of a 1 subject + 3
// websites filing.
func BenchmarkDiffCheck(b *testing.B) {
	old, nw := benchPair(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := change.Check(old, nw, change.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDiffCheckVsValidate times Diff + Check and filing.Validate of the
// same changed filing in interleaved blocks and reports the median ratio
// (target: ≤ 2).
func BenchmarkDiffCheckVsValidate(b *testing.B) {
	old, nw := benchPair(b)
	v, err := filing.NewValidator()
	if err != nil {
		b.Fatal(err)
	}
	if err := v.Validate(nw); err != nil {
		b.Fatalf("the benchmark filing must be valid: %v", err)
	}
	const block = 32
	var chk, val, ratios []float64
	for b.Loop() {
		t0 := time.Now()
		for range block {
			if _, err := change.Check(old, nw, change.Options{}); err != nil {
				b.Fatal(err)
			}
		}
		t1 := time.Now()
		for range block {
			_ = v.Validate(nw)
		}
		t2 := time.Now()
		c, w := float64(t1.Sub(t0))/block, float64(t2.Sub(t1))/block
		chk, val, ratios = append(chk, c), append(val, w), append(ratios, c/w)
	}
	b.ReportMetric(median(chk), "diffcheck-ns/op")
	b.ReportMetric(median(val), "validate-ns/op")
	b.ReportMetric(median(ratios), "ratio")
}
