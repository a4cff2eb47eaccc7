// Package safetext makes text from input safe to print on a terminal: the
// examples print record numbers, names and messages read from files and
// forms, and a control sequence in them (ESC [ ... to move the cursor or
// rewrite earlier lines, a bidirectional override to reverse what a reader
// sees) must reach the terminal as visible text, not as a command.
package safetext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every character that a terminal or a text renderer
// would act on instead of showing written as a Go escape: C0 controls
// (U+0000–U+001F, tab and newline included: one record prints on one line),
// DEL and the C1 controls (U+007F–U+009F), the bidirectional formatting
// characters (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and
// the line and paragraph separators (U+2028, U+2029) as \x1b or \u202e; an
// invalid UTF-8 byte as \xff. Everything else, Chinese included, is kept.
// Escape is idempotent: its output has nothing left to escape.
func Escape(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if needs(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case needs(r, size) && r < 0x100:
			b.WriteString(`\x`)
			b.WriteString(hex2(byte(r)))
		case needs(r, size):
			b.WriteString(`\u`)
			h := strconv.FormatInt(int64(r), 16)
			b.WriteString(strings.Repeat("0", 4-len(h)))
			b.WriteString(h)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// needs reports whether the rune (of encoded size size) must be escaped.
func needs(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size == 1:
		return true
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}
