package province_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/province"
)

// The lookups match exactly: the package folds nothing (full-width digits,
// traditional characters, Kangxi radicals and spaces are the caller's to
// normalise, as package filing does), so whatever a lookup finds, it finds by
// one of the keys of the table, and the province it returns is found again
// by each of its own keys.

// lookupInputs are inputs for every lookup: the keys of real rows, and the
// near misses a user types (full-width digits, traditional characters, a
// Kangxi radical that looks like 黑, spaces, a doubled suffix).
var lookupInputs = []string{
	"", "52", "11", "65", "00", "71", "81", "5", "520", "５２", "5２", "٥٢", " 52", "52\x00",
	"贵州省", "贵州", "貴州省", "贵州省 ", "贵州省省", "内蒙古自治区", "内蒙古", "上海市", "上海", "重庆",
	"黔", "贵", "川", "蜀", "秦", "陇", "甘", "滇", "云", "黑", "⿊", "閩", "粵", "黔黔", "\xff",
	"440305", "520000", "４４０３０５", "44030５", "4403050", "000000", "810000", "460302",
}

// requireRoundTrip checks a province that a lookup returned: it is a row of
// All, its code, names and abbreviations find it again, and its code is the
// GB/T 2260 row of the same name.
func requireRoundTrip(t *testing.T, p province.Province) {
	t.Helper()
	require.True(t, slices.ContainsFunc(province.All(), func(q province.Province) bool {
		return q.Code == p.Code && q.Name == p.Name && q.ICPAbbr == p.ICPAbbr && slices.Equal(q.AltAbbr, p.AltAbbr)
	}), "%+v is not a row of All", p)
	byCode, ok := province.ByCode(p.Code)
	require.True(t, ok, "ByCode(%q)", p.Code)
	require.Equal(t, p, byCode, "ByCode(%q)", p.Code)
	for _, name := range []string{p.Name, strings.TrimRight(p.Name, "省市")} {
		q, ok := province.ByName(name)
		require.True(t, ok, "ByName(%q)", name)
		require.Equal(t, p.Code, q.Code, "ByName(%q)", name)
	}
	for _, a := range append([]string{p.ICPAbbr, p.Abbr}, p.AltAbbr...) {
		q, ok := province.ByAbbr(a)
		require.True(t, ok, "ByAbbr(%q)", a)
		require.Equal(t, p.Code, q.Code, "ByAbbr(%q)", a)
	}
	name, ok := province.AreaCode(p.Code + "0000")
	require.True(t, ok, "AreaCode(%q)", p.Code+"0000")
	require.Equal(t, p.Name, name, "AreaCode(%q)", p.Code+"0000")

	// All's slice is a copy: changing every field of every row, the
	// alternate abbreviations included, changes no later answer.
	all := province.All()
	for i := range all {
		all[i] = scribble(all[i])
	}
	again, ok := province.ByCode(p.Code)
	require.True(t, ok, "ByCode(%q) after changing All's copy", p.Code)
	require.Equal(t, p, again, "changing All's copy changed ByCode(%q)", p.Code)

	// Two callers appending to a looked-up row's AltAbbr each get their
	// own slice.
	a, b := append(p.AltAbbr, "✗"), append(again.AltAbbr, "✓")
	require.Equal(t, "✗", a[len(a)-1], "appends to AltAbbr share memory")
	require.Equal(t, "✓", b[len(b)-1])
}

// scribble overwrites every field of p, in place where p shares memory.
func scribble(p province.Province) province.Province {
	for i := range p.AltAbbr {
		p.AltAbbr[i] = "✗"
	}
	p.AltAbbr = append(p.AltAbbr, "✗")
	p.Code, p.Name, p.NameEn, p.Abbr, p.ICPAbbr, p.Bureau = "✗", "✗", "✗", "✗", "✗", "✗"
	return p
}

// requireMiss checks what a failed lookup returns: the zero Province.
func requireMiss(t *testing.T, p province.Province, ok bool, look, s string) {
	t.Helper()
	if !ok {
		require.Zero(t, p, "%s(%q) failed but returned a province", look, s)
	}
}

func addInputs(f *testing.F) {
	for _, s := range lookupInputs {
		f.Add(s)
	}
}

// FuzzByCode: ByCode never panics; it finds only two ASCII digits, the
// province's own code, and the province it finds round-trips.
func FuzzByCode(f *testing.F) {
	addInputs(f)
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := province.ByCode(s)
		requireMiss(t, p, ok, "ByCode", s)
		if !ok {
			return
		}
		require.Len(t, s, 2)
		require.Equal(t, "", strings.Trim(s, "0123456789"), "ByCode(%q) found a non-digit code", s)
		require.Equal(t, s, p.Code)
		requireRoundTrip(t, p)
	})
}

// FuzzByAbbr: ByAbbr never panics; it finds only one character that is the
// province's record-number abbreviation, its GB/T 2260 one or an alternate,
// and the province it finds round-trips.
func FuzzByAbbr(f *testing.F) {
	addInputs(f)
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := province.ByAbbr(s)
		requireMiss(t, p, ok, "ByAbbr", s)
		if !ok {
			return
		}
		require.True(t, utf8.ValidString(s) && utf8.RuneCountInString(s) == 1, "ByAbbr(%q) found more than one character", s)
		require.True(t, s == p.ICPAbbr || s == p.Abbr || slices.Contains(p.AltAbbr, s),
			"ByAbbr(%q) = %+v, not one of its abbreviations", s, p)
		requireRoundTrip(t, p)
	})
}

// FuzzByName: ByName never panics; it finds only the full name or the name
// without its 省/市 suffix, and the province it finds round-trips.
func FuzzByName(f *testing.F) {
	addInputs(f)
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := province.ByName(s)
		requireMiss(t, p, ok, "ByName", s)
		if !ok {
			return
		}
		require.True(t, s == p.Name || s == strings.TrimRight(p.Name, "省市"), "ByName(%q) = %+v", s, p)
		requireRoundTrip(t, p)
	})
}

// FuzzAreaCode: AreaCode never panics; it finds only six ASCII digits and
// answers a name, the same each time; a code under one of the 31 bureaus'
// provinces is found with its province's row, and the rest are Taiwan
// (71), Hong Kong (81) and Macao (82).
func FuzzAreaCode(f *testing.F) {
	addInputs(f)
	f.Fuzz(func(t *testing.T, s string) {
		name, ok := province.AreaCode(s)
		again, okAgain := province.AreaCode(s)
		require.Equal(t, ok, okAgain)
		require.Equal(t, name, again)
		if !ok {
			require.Empty(t, name)
			return
		}
		require.Len(t, s, 6)
		require.Equal(t, "", strings.Trim(s, "0123456789"), "AreaCode(%q) found a non-digit code", s)
		require.NotEmpty(t, name)
		require.True(t, utf8.ValidString(name))
		p, ok := province.ByCode(s[:2])
		if !ok {
			assert.Contains(t, []string{"71", "81", "82"}, s[:2], "AreaCode(%q) outside every province", s)
			return
		}
		_, ok = province.AreaCode(p.Code + "0000")
		require.True(t, ok, "AreaCode(%q) found, its province row %s0000 not", s, p.Code)
	})
}
