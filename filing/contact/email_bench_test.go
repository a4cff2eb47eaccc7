package contact

import (
	"strings"
	"testing"
)

func BenchmarkCheckEmail(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"ascii", "zhang.san@example.com"},
		{"idn", "zhang.san@例子.中国"},
		{"fullwidth", "ｕｓｅｒ＠ｅｘａｍｐｌｅ．ｃｏｍ"},
		{"max_input", strings.Repeat("例", emailMaxInput/3)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ckBenchErr = CheckEmail(bc.in)
			}
		})
	}
}
