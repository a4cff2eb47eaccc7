package sitename

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the form in which names and words are compared:
// Unicode NFKC (full-width letters, digits and brackets become ASCII),
// without white space or zero-width characters, Latin letters in lower
// case, and the Cyrillic and Greek letters that look like Latin ones
// replaced by those (“Ьbs” with a Cyrillic letter is not a way round the
// forum words). Invalid UTF-8 becomes U+FFFD. Normalize is idempotent.
func Normalize(s string) string {
	if isPlainHan(s) {
		return s
	}
	if a, ok := plainASCII(s); ok {
		return a
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u2060':
			continue
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		default:
			if l, ok := homoglyphs[r]; ok {
				r = l
			} else if unicode.IsUpper(r) {
				r = unicode.ToLower(r)
				if l, ok := homoglyphs[r]; ok {
					r = l
				}
			}
		}
		b.WriteRune(r)
	}
	out := b.String()
	if !norm.NFKC.IsNormalString(out) { // lower-casing can leave a non-NFKC form
		out = norm.NFKC.String(out)
	}
	return out
}

// isPlainHan reports whether s is all CJK unified ideographs of the basic
// block: already normal.
func isPlainHan(s string) bool {
	if s == "" {
		return true
	}
	for _, r := range s {
		if r < 0x4E00 || r > 0x9FFF {
			return false
		}
	}
	return true
}

// homoglyphs maps Cyrillic and Greek letters that are drawn like a Latin
// letter to that letter (lower case), after the Unicode confusables of
// UTS #39 for the letters a filing name would use.
var homoglyphs = map[rune]rune{
	'а': 'a', 'в': 'b', 'е': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't',
	'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ь': 'b', 'ɡ': 'g',
	'α': 'a', 'β': 'b', 'ε': 'e', 'ζ': 'z', 'η': 'h', 'ι': 'i', 'κ': 'k', 'μ': 'm', 'ν': 'v', 'ο': 'o',
	'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'ϲ': 'c',
}

// plainASCII normalises a printable ASCII string without spaces (lower
// case) and reports whether s was one; NFKC leaves such a string alone.
func plainASCII(s string) (string, bool) {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f {
			return "", false
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if upper {
		return strings.ToLower(s), true
	}
	return s, true
}
