package textnorm

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestR09_FoldWideAgreesWithNFKC: the full-width fast path gives what the
// NFKC path gives, on what users type (full-width digits, letters, the
// ideographic space, mixed with ASCII) and on what it must hand over.
func TestR09_FoldWideAgreesWithNFKC(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		fast     bool
	}{
		{"１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X", true},
		{"１３８　１２３４　５６７８", "138 1234 5678", true},
		{"　ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ　", "www.example.com", true},
		{"０１０－１２３４５６７８", "010-12345678", true},
		{"ａ　 　ｂ", "a b", true},
		{"～！＠＃", "~!@#", true},
		{"", "", true},
		{"　", "", true},
		{"１２３\t４", "123 4", false},              // a tab: NFKC path
		{"ｈｔｔｐ：／／例子．中国", "http://例子.中国", false}, // Han: NFKC path
		{"Ａ\u0301", "Á", false},                 // a combining mark composes
		{"\uff5f", "⦅", false},                  // U+FF5F is outside the folded range
		{"\xef\xbc", "\uFFFD", false},           // truncated UTF-8
	} {
		got, ok := foldWide(tc.in)
		assert.Equal(t, tc.fast, ok, "foldWide(%q) taken", tc.in)
		if ok {
			assert.Equal(t, tc.want, got, "foldWide(%q)", tc.in)
		}
		assert.Equal(t, tc.want, Text(tc.in), "Text(%q)", tc.in)
		assert.Equal(t, tc.want, textSlow(tc.in), "textSlow(%q)", tc.in)
	}
}

// FuzzFoldWide: wherever the fast path answers, the NFKC path agrees, and
// Text is idempotent.
func FuzzFoldWide(f *testing.F) {
	for _, s := range []string{"１１０１０５１９４９１２３１００２Ｘ", "１３８　１２３４", "ａ　 　ｂ", "\uff01\uff5e\uff5f", "\xef\xbc\x81\xef", " x "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := foldWide(s); ok {
			require.Equal(t, textSlow(s), got, "foldWide(%q)", s)
		}
		n := Text(s)
		require.Equal(t, n, Text(n), "Text not idempotent on %q", s)
	})
}

func BenchmarkText(b *testing.B) {
	for _, bc := range []struct{ name, in string }{
		{"ascii", "11010519491231002X"},
		{"fullwidth", "１１０１０５１９４９１２３１００２Ｘ"},
		{"fullwidth_nfkc_path", "１１０１０５１９４９１２３１００２Ｘ\t"},
		{"long_fullwidth", strings.Repeat("ａ", 40)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink = Text(bc.in)
			}
		})
	}
}

var sink string

func TestTruncate(t *testing.T) {
	assert.Equal(t, "abc", Truncate("abc", 3))
	assert.Equal(t, "ab…", Truncate("abcd", 2))
	assert.Equal(t, "…", Truncate("中文", 2), "never half a rune")
	assert.Equal(t, "中…", Truncate("中文", 4))
	assert.Equal(t, "", Truncate("", 0))
}
