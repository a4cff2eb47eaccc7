package sitename_test

import (
	"testing"

	"github.com/beiankit/beian/filing/sitename"
)

// BenchmarkCheckValidFiling checks the three names of filing's benchmark
// filing (an enterprise with 官网, 中文站, 商城 sites).
func BenchmarkCheckValidFiling(b *testing.B) {
	ins := []sitename.Input{
		{Name: "星辰官网", Nature: "enterprise", Sponsor: "贵州星辰科技有限公司", Province: "52", Domains: []string{"example.com"}, Service: "website"},
		{Name: "星辰中文站", Nature: "enterprise", Sponsor: "贵州星辰科技有限公司", Province: "52", Domains: []string{"xn--fsqu00a.xn--fiqs8s"}, Service: "website"},
		{Name: "星辰商城", Nature: "enterprise", Sponsor: "贵州星辰科技有限公司", Province: "52", Domains: []string{"example.cn"}, Service: "website"},
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range ins {
			_ = sitename.Check(in)
		}
	}
}
