package resource

import (
	"crypto/rand"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// MaxCodeLen is the longest code NormalizeCode accepts (after
// normalisation).
const MaxCodeLen = 64

// NormalizeCode returns the ledger form of a code as a user typed or pasted
// it: full-width characters folded to ASCII, white space removed, letters
// upper-cased (codes compare case-insensitively: Alibaba's numbers are
// lower-case hexadecimal, Tencent's are shown upper-case). The result is
// 4..MaxCodeLen characters of A-Z, 0-9 and single inner hyphens; anything
// else is an *Error matching ErrBadCode. NormalizeCode is idempotent.
func NormalizeCode(s string) (string, error) {
	if len(s) > 4*MaxCodeLen*4 {
		return "", newError(ErrBadCode, "", "(too long)")
	}
	s = width.Fold.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		default:
			return "", newError(ErrBadCode, "", quote(s))
		}
	}
	c := b.String()
	if len(c) < 4 || len(c) > MaxCodeLen || c[0] == '-' || c[len(c)-1] == '-' || strings.Contains(c, "--") {
		return "", newError(ErrBadCode, "", quote(s))
	}
	return c, nil
}

// quote bounds and quotes a bad code for a message.
func quote(s string) string {
	if len(s) > MaxCodeLen {
		s = s[:MaxCodeLen] + "…"
	}
	return strings.ToValidUTF8(`"`+s+`"`, "�")
}

// crockford is Crockford's base-32 alphabet: no I, L, O or U to misread.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// NewCode returns a fresh random code of 80 bits, "XXXX-XXXX-XXXX-XXXX" in
// Crockford's base 32 (already normalised).
func NewCode() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails (Go 1.24+)
	out := make([]byte, 0, 19)
	for i, x := range b {
		if i > 0 && i%4 == 0 {
			out = append(out, '-')
		}
		out = append(out, crockford[x&31])
	}
	return string(out)
}
