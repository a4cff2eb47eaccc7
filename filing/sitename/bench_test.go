package sitename_test

import (
	"testing"

	"github.com/beiankit/beian/filing/sitename"
)

func BenchmarkCheck(b *testing.B) {
	in := sitename.Input{Name: "贵阳星辰朗月科技官网", Nature: "enterprise", Sponsor: "贵阳星辰朗月智能科技有限公司", Province: "52", Domains: []string{"xingchen.cn"}}
	b.ReportAllocs()
	for b.Loop() {
		_ = sitename.Check(in)
	}
}
