// Package textnorm is the one text normalisation of the module (NFKC,
// trimmed, inner white space folded), shared by the filing model and its leaf
// packages; filing.NormalizeText is Text.
package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalisation happens before every check, and the normalised value is what
// callers should store and compare.

// Text returns s in NFKC form (full-width letters, digits and
// punctuation that Chinese input methods produce become their ASCII forms:
// "１３８" → "138", "－" → "-", the ideographic space becomes a space), with
// surrounding white space removed and inner runs of white space folded to one
// space. Invalid UTF-8 sequences are replaced by U+FFFD so that checks see
// and reject them instead of passing raw bytes on.
func Text(s string) string {
	if PlainASCII(s) || PlainHan(s) {
		return s
	}
	if t, ok := foldWide(s); ok {
		return t
	}
	return textSlow(s)
}

// foldWide is Text's fast path for what Chinese input methods type most:
// printable ASCII mixed with full-width forms (U+FF01..U+FF5E, whose NFKC
// form is the ASCII character 0xFEE0 below) and the ideographic space
// (U+3000, NFKC a space). It folds them in one pass and one allocation,
// with Text's trimming and inner-space folding, and reports false for any
// other input, which takes the NFKC path. FuzzFoldWide holds it to that
// path.
func foldWide(s string) (string, bool) {
	var stack [64]byte
	b := stack[:0]
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		var a byte
		switch {
		case 0x20 <= c && c < 0x7f:
			a, i = c, i+1
		case c == 0xef && i+2 < len(s) && (s[i+1] == 0xbc && 0x81 <= s[i+2] && s[i+2] <= 0xbf || s[i+1] == 0xbd && 0x80 <= s[i+2] && s[i+2] <= 0x9e):
			// U+FF01..U+FF3F is EF BC 81..BF, U+FF40..U+FF5E is EF BD 80..9E.
			r := rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f) | 0xf000
			a, i = byte(r-0xfee0), i+3
		case c == 0xe3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80: // U+3000
			a, i = ' ', i+3
		default:
			return "", false
		}
		if a == ' ' {
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		b = append(b, a)
	}
	return string(b), true
}

// textSlow is Text through NFKC, for any input.
func textSlow(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// PlainASCII reports whether s is printable ASCII with no leading, trailing
// or doubled spaces: already normal, nothing to do.
func PlainASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f {
			return false
		}
		if c == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
	}
	return true
}

// PlainHan reports whether s holds only printable ASCII other than the
// space and CJK Unified Ideographs (U+4E00..U+9FFF), in well-formed UTF-8:
// the usual Chinese name or address. Such a string is already normal: the
// ideographs have no compatibility mapping and compose with nothing, and
// there is no space to trim or fold.
func PlainHan(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		// U+4E00..U+9FFF is E4 B8 80 .. E9 BF BF.
		if c < 0xE4 || c > 0xE9 || i+2 >= len(s) {
			return false
		}
		c1, c2 := s[i+1], s[i+2]
		if c1&0xC0 != 0x80 || c2&0xC0 != 0x80 || (c == 0xE4 && c1 < 0xB8) {
			return false
		}
		i += 3
	}
	return true
}

// Truncate cuts s to at most n bytes at a rune boundary and marks the cut
// with "…": how a message quotes a long input.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "…"
}
