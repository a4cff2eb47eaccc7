package province_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/province"
)

var (
	benchProvince province.Province
	benchOK       bool
	benchName     string
	benchAll      []province.Province
)

// benchLookup times one lookup over inputs it finds and one it misses;
// setup requires each answer, so a broken table fails rather than timing
// misses.
func benchLookup(b *testing.B, look func(string) (province.Province, bool), cases []struct {
	name, in string
	ok       bool
}) {
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			_, ok := look(bc.in)
			require.Equal(b, bc.ok, ok, "lookup of %q", bc.in)
			b.ReportAllocs()
			for b.Loop() {
				benchProvince, benchOK = look(bc.in)
			}
		})
	}
}

func BenchmarkByCode(b *testing.B) {
	benchLookup(b, province.ByCode, []struct {
		name, in string
		ok       bool
	}{
		{"found", "52", true},
		{"withAltAbbr", "51", true},
		{"miss", "99", false},
		{"fullwidthMiss", "５２", false},
	})
}

func BenchmarkByAbbr(b *testing.B) {
	benchLookup(b, province.ByAbbr, []struct {
		name, in string
		ok       bool
	}{
		{"ICPAbbr", "黔", true},
		{"GBAbbr", "贵", true},
		{"AltAbbr", "川", true},
		{"miss", "⿊", false},
	})
}

func BenchmarkByName(b *testing.B) {
	benchLookup(b, province.ByName, []struct {
		name, in string
		ok       bool
	}{
		{"full", "贵州省", true},
		{"short", "贵州", true},
		{"autonomousRegion", "内蒙古自治区", true},
		{"traditionalMiss", "貴州省", false},
	})
}

func BenchmarkAreaCode(b *testing.B) {
	for _, bc := range []struct {
		name, in string
		ok       bool
	}{
		{"county", "440305", true},
		{"province", "520000", true},
		{"miss", "449999", false},
	} {
		b.Run(bc.name, func(b *testing.B) {
			_, ok := province.AreaCode(bc.in)
			require.Equal(b, bc.ok, ok, "AreaCode(%q)", bc.in)
			b.ReportAllocs()
			for b.Loop() {
				benchName, benchOK = province.AreaCode(bc.in)
			}
		})
	}
}

func BenchmarkAll(b *testing.B) {
	require.Len(b, province.All(), 31)
	b.ReportAllocs()
	for b.Loop() {
		benchAll = province.All()
	}
}
