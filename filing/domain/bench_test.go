package domain

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// benchCanonical and benchFullWidth are one domain as stored and as a
// user with a Chinese input method types it (full-width letters and
// dots); setup requires both to normalise to the same A-labels.
const (
	benchCanonical = "www.example.com.cn"
	benchFullWidth = "ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ．ｃｎ"
)

// benchPair checks, once per benchmark, that the full-width input is the
// canonical one, so the two sub-benchmarks time the same answer.
func benchPair(b *testing.B) {
	b.Helper()
	c, err := NormalizeDomain(benchCanonical)
	require.NoError(b, err)
	w, err := NormalizeDomain(benchFullWidth)
	require.NoError(b, err)
	require.Equal(b, benchCanonical, c)
	require.Equal(b, c, w)
}

var benchOut string

func BenchmarkNormalizeDomain(b *testing.B) {
	benchPair(b)
	for _, bc := range []struct{ name, in string }{
		{"canonical", benchCanonical},
		{"fullwidth", benchFullWidth},
		{"ASCII", "www.example.com"},
		{"ASCIIMixedCaseTrailingDot", "WWW.Example.COM."},
		{"IDN", "例子.中国"},
		{"IDNALabel", "xn--fsqu00a.xn--fiqs8s"},
		{"ASCIIUnderChineseTLD", "example.中国"},
		{"ASCIIUnderChineseTLDALabel", "www.example.xn--fiqs8s"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				a, err := NormalizeDomain(bc.in)
				if err != nil {
					b.Fatal(err)
				}
				benchOut = a
			}
		})
	}
}

func BenchmarkCheckDomain(b *testing.B) {
	benchPair(b)
	for _, bc := range []struct{ name, in string }{
		{"canonical", benchCanonical},
		{"fullwidth", benchFullWidth},
		{"ASCII", "example.com.cn"},
		{"IDN", "例子.中国"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := CheckDomain(bc.in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCheckHomeURL(b *testing.B) {
	b.ReportAllocs()
	domains := []string{"example.com"}
	for b.Loop() {
		if err := CheckHomeURL("https://www.example.com/index.html", domains); err != nil {
			b.Fatal(err)
		}
	}
}
