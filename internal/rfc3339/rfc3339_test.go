package rfc3339

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// cases holds canonical forms, forms only time.Parse reads, and forms
// nobody reads (leap days, hour 24, second 60, lower-case t and z, a comma
// before the fraction, ten fraction digits, offsets out of range).
var cases = []string{
	"2026-06-01T00:00:00Z", "2026-06-01T00:00:00+08:00", "2024-02-29T23:59:59.999999999-05:30",
	"2023-02-29T00:00:00Z", "2026-06-01T24:00:00Z", "2026-06-01T00:00:60Z", "2026-06-01 00:00:00Z",
	"2026-06-01T00:00:00", "2026-06-01T00:00:00.Z", "2026-06-01T00:00:00.1234567891Z", "0000-01-01T00:00:00Z",
	"2026-06-01t00:00:00z", "2026-06-01T00:00:00+24:00", "2026-06-01T00:00:00+08:60", "9999-12-31T23:59:59-23:59",
	"2026-6-01T00:00:00Z", "", "2026-06-01T00:00:00,5Z", "２０２６-06-01T00:00:00Z",
}

func TestParse_MatchesTimeParse(t *testing.T) {
	for _, s := range cases {
		want, werr := time.Parse(time.RFC3339Nano, s)
		got, ok := Parse([]byte(s))
		assert.Equal(t, werr == nil, ok, "%q", s)
		if ok {
			assert.True(t, got.Equal(want), "%q: %v, time.Parse %v", s, got, want)
			assert.Equal(t, "CST", got.Location().String(), "%q is given in China Standard Time", s)
		}
	}
}

func TestFast_OnlyWhatTimeParseReads(t *testing.T) {
	for _, s := range cases {
		want, werr := time.Parse(time.RFC3339Nano, s)
		if got, ok := Fast([]byte(s)); ok {
			assert.NoError(t, werr, "%q: Fast reads what time.Parse refuses", s)
			assert.True(t, got.Equal(want), "%q: %v, time.Parse %v", s, got, want)
		}
	}
	_, ok := Fast([]byte("2026-06-01T08:00:00+08:00"))
	assert.True(t, ok, "the canonical form takes the fast path")
}

func TestFast_DoesNotAllocate(t *testing.T) {
	b := []byte("2026-06-01T08:00:00.5+08:00")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = Fast(b) }))
}

// FuzzParse checks Parse, and Fast where it answers, against time.Parse.
func FuzzParse(f *testing.F) {
	for _, s := range cases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, werr := time.Parse(time.RFC3339Nano, s)
		got, ok := Parse([]byte(s))
		if ok != (werr == nil) || (ok && !got.Equal(want)) {
			t.Fatalf("%q: %v %v, time.Parse %v %v", s, got, ok, want, werr)
		}
		if fast, ok := Fast([]byte(s)); ok && (werr != nil || !fast.Equal(want)) {
			t.Fatalf("%q: Fast %v, time.Parse %v %v", s, fast, want, werr)
		}
	})
}

func BenchmarkFast(b *testing.B) {
	s := []byte("2026-06-01T08:00:00.5+08:00")
	for b.Loop() {
		_, _ = Fast(s)
	}
}

func BenchmarkTimeParse(b *testing.B) {
	s := "2026-06-01T08:00:00.5+08:00"
	for b.Loop() {
		_, _ = time.Parse(time.RFC3339Nano, s)
	}
}
