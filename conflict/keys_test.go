package conflict

import (
	"hash/maphash"
	"strings"
	"testing"

	"github.com/beiankit/beian/numbering"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// numberSpellings are record numbers as records and filings spell them:
// canonical, noisy, old and new forms, licences, and numbers that
// numbering.Parse does not read.
var numberSpellings = []string{
	"", "黔ICP备1500041X号", "黔ICP备1500041X号-2", "黔ICP备１５０００４１x号", "黔ICP备1500041x号 - 3",
	"京ICP备05002571号", "京ICP备15039648号-15", "蜀ICP备09001737号-1", "川ICP备09150084号", "川ICP备09150084号-7",
	"京ICP备2021033841号-2", "浙ICP备2024071295号-2A", "苏ICP备2026036865号-1X", "粤ICP备2024266252号-4K",
	"京ICP证030173号", "京ICP证040867号-3", "京B2-20090059", "粤B2-20090059-5", "粤B2-20090059-1626X",
	"川B2-20030065号", "A2.B1.B2-20090003", "合字B1.B2-20130004", "京公网安备11010502030143号",
	"陕 ICP 备 19000424 号 -2", "京ICP备12019458号－10", "粤ＩＣＰ备14023066号-1", "京icp备05002571号-2a",
	"\u3000京ICP備05002571號\u00a0", "贵ICP备2026001073号-1",
	// Not read by Parse: legacy and malformed numbers of the national set.
	"legacy 12-ab", "LEGACY12-AB号-1", "黔ICP备号-1", "黔ICP备1号-", "号-", "-1", "京ICP备abc号-2", "x\xffy",
	"京ICP备05002571号-1 © 2024", "黔ICP备1500041X号—1—2",
}

// TestNumberKeySplit: numberKeySplit, which parses once, gives what
// numberKey followed by splitWebsiteNumber give; numberKey gives the
// canonical form of what Parse reads, as n.String() does.
func TestNumberKeySplit(t *testing.T) {
	spellings := append([]string(nil), numberSpellings...)
	for i := range 200 {
		n := genSubjectNumber(i)
		spellings = append(spellings, n, n+"-1", n+"-12", strings.ToLower(n)+" -2")
	}
	for _, s := range spellings {
		key := numberKey(s)
		subj, _, site := splitWebsiteNumber(key)
		k2, s2, site2 := numberKeySplit(s)
		if k2 != key || s2 != subj || site2 != site {
			t.Errorf("numberKeySplit(%q) = %q, %q, %v; want %q, %q, %v", s, k2, s2, site2, key, subj, site)
		}
		if n, err := numbering.Parse(s); err == nil && key != n.String() {
			t.Errorf("numberKey(%q) = %q, want %q", s, key, n.String())
		}
	}
}

// TestCertHash: certHash, which streams the parts, is the hash of the
// joined key.
func TestCertHash(t *testing.T) {
	seed := maphash.MakeSeed()
	for _, typ := range []string{"", "business_licence", strings.Repeat("t", 127), strings.Repeat("类", 50)} {
		for n := range 300 {
			cert := strings.Repeat("9", n)
			if got, want := certHash(seed, typ, cert), hash32(seed, typ+"\x00"+cert); got != want {
				t.Fatalf("certHash(%q, %d digits) = %x, want %x", typ, n, got, want)
			}
		}
	}
}

// TestLookupProvince: the table of two-digit codes answers as the map of
// every code does, for every code and for what is not one.
func TestLookupProvince(t *testing.T) {
	require.NotEmpty(t, provinceList)
	for i, p := range provinceList {
		got, ok := lookupProvince(p.Code)
		assert.True(t, ok, p.Code)
		assert.Equal(t, byte(i), got, p.Code)
		got, ok = lookupProvince(" " + p.Code + "\t")
		assert.True(t, ok, p.Code)
		assert.Equal(t, byte(i), got, p.Code)
	}
	for _, s := range []string{"", "5", "00", "99", "10", "5 2", "52 0", "５２", "a2", "2a", "黔"} {
		got, ok := lookupProvince(s)
		want, wantOK := provinceIndex[strings.TrimSpace(s)]
		assert.Equal(t, wantOK, ok, s)
		assert.Equal(t, want, got, s)
		assert.False(t, ok, s)
	}
}
