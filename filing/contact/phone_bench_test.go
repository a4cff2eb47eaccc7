package contact

import "testing"

func BenchmarkCheckMobile(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"canonical", "13800138000"},
		{"plus86_spaces", "+86 138 0013 8000"},
		{"fullwidth", "１３８００１３８０００"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ckBenchErr = CheckMobile(bc.in)
			}
		})
	}
}

func BenchmarkNormalizePhone(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"mobile", "13800138000"},
		{"landline", "010-12345678"},
		{"landline_ext", "0755-8765-4321转88"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, ckBenchErr = NormalizePhone(bc.in)
			}
		})
	}
}
