package sms

import "strings"

// minKeyDistinct is the fewest distinct byte values a verifier key holds.
// DESIGN: a key of 16 random bytes holds 15 distinct values on average, and
// its hex or base64 text 12 or more; a key of one repeated byte (all zero,
// a buffer never filled) or a short repeated pattern ("abab…") holds fewer
// and is a mistake, not a secret.
const minKeyDistinct = 8

// weakKey reports whether a verifier key is a constant or a short pattern
// (fewer than minKeyDistinct distinct byte values): NewVerifier refuses it
// with CodeKey, since its seals could be computed by anyone.
func weakKey(key []byte) bool {
	var seen [256]bool
	n := 0
	for _, b := range key {
		if !seen[b] {
			seen[b] = true
			n++
		}
	}
	return n < minKeyDistinct
}

// foldCode is an SMS code as sealed and checked: full-width digits
// folded to ASCII and spaces (ASCII, ideographic, tab) removed, as a
// user types "１２３ ４５６" on a phone keyboard. It is idempotent.
func foldCode(code string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == ' ' || r == '\u3000' || r == '\t' || r == '\n' || r == '\r':
			return -1
		}
		return r
	}, code)
}
