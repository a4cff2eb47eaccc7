package certno

import (
	"testing"
	"time"
)

// Benchmarks of the birth-date path of a resident ID: ParseResidentID
// builds the birth date, CheckResidentIDAt compares it with a given instant.

var (
	ckBenchRID ResidentID
	ckBenchNow = time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC)
)

func BenchmarkParseResidentIDBirth(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ckBenchRID, ckBenchErr = ParseResidentID("11010519491231002X")
	}
}

func BenchmarkCheckResidentIDAtBirth(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"past", "11010519491231002X"},
		{"future", "11010520991231001X"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ckBenchErr = CheckResidentIDAt(bc.in, ckBenchNow)
			}
		})
	}
}
