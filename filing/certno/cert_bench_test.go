package certno

import "testing"

// Benchmarks of the field checks (targets: ≤ 100 ns and 0 allocs for
// canonical input of the resident ID and the credit code).

var ckBenchErr error

func BenchmarkCheckResidentID(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"canonical", "11010519491231002X"},
		{"lowercase_x", "11010519491231002x"},
		{"fullwidth", "１１０１０５１９４９１２３１００２Ｘ"},
		{"bad_checksum", "110105194912310021"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ckBenchErr = CheckResidentID(bc.in)
			}
		})
	}
}

func BenchmarkCheckUSCC(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"canonical", "91350100M000100Y43"},
		{"lowercase", "91350100m000100y43"},
		{"bad_checksum", "91100000100003962A"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ckBenchErr = CheckUSCC(bc.in)
			}
		})
	}
}

func BenchmarkCheckOrgCode(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ckBenchErr = CheckOrgCode("D2143569-X")
	}
}

func BenchmarkNormalizeCertNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_, ckBenchErr = NormalizeCertNumber(CertResidentID, "11010519491231002X")
	}
}
