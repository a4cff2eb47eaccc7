package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestPromiseEscapeControlAndBidi(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"黔ICP备2026001073号-1", "黔ICP备2026001073号-1"},
		{"\x1b[2J\x1b[H伪造", `\x1b[2J\x1b[H伪造`},
		{"a\nb\tc\r", `a\x0ab\x09c\x0d`},
		{"\u009b31m", `\x9b31m`},
		{"\x7f", `\x7f`},
		{"evil\u202egnp.exe", `evil\u202egnp.exe`},
		{"\u2066x\u2069\u200e\u200f\u061c", `\u2066x\u2069\u200e\u200f\u061c`},
		{"line\u2028sep", `line\u2028sep`},
		{"bad\xff\xfeutf8", `bad\xff\xfeutf8`},
		{`already \x1b escaped`, `already \x1b escaped`},
		{"", ""},
	} {
		got := Escape(c.in)
		assert.Equal(t, c.want, got, "%q", c.in)
		assert.Equal(t, got, Escape(got), "idempotent: %q", c.in)
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range []string{"\x1b[31m红", "\u202e", "\xff", "ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Escape(s)
		if !utf8.ValidString(e) {
			t.Fatalf("invalid UTF-8 out of %q: %q", s, e)
		}
		for i, r := range e {
			if needs(r, utf8.RuneLen(r)) {
				t.Fatalf("Escape(%q) = %q keeps %U at %d", s, e, r, i)
			}
		}
		if Escape(e) != e {
			t.Fatalf("not idempotent: %q → %q → %q", s, e, Escape(e))
		}
		if !strings.ContainsAny(s, "\x00\x1b\x7f\\") && utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return needs(r, utf8.RuneLen(r)) }) && e != s {
			t.Fatalf("changed a safe string: %q → %q", s, e)
		}
	})
}
