package conflict

import (
	"hash/maphash"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/domain"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/numbering"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Keys: every lookup compares normalised values, never what was typed.

// hash32 folds a 64-bit maphash of s to the 32-bit key of the chain maps.
// Different strings may share a hash32; lookups always verify the stored key.
func hash32(seed maphash.Seed, s string) uint32 {
	h := maphash.String(seed, s)
	return uint32(h) ^ uint32(h>>32)
}

// NameKey returns the form in which website and sponsor names are compared
// by the public query: NFKC (full-width letters and digits become
// ASCII), case-folded, every white space removed. "ＡＢＣ 科技" and
// "abc科技" have the same key.
func NameKey(s string) string {
	if k, ok := fastNameKey(s); ok {
		return k
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = norm.NFKC.String(s)
	s = cases.Fold().String(s)
	s = norm.NFKC.String(s) // folding can leave a non-NFKC string
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return cherokeeFold(r)
	}, s)
}

// cherokeeFold maps a Cherokee small letter to its capital, the direction
// of Unicode's CaseFolding.txt (U+AB70..U+ABBF to U+13A0..U+13EF, U+13F8..
// U+13FD to U+13F0..U+13F5). x/text's cases.Fold maps each Cherokee letter
// to the other case, small to capital and capital to small, so without this
// NameKey would not be idempotent ("ᏹ" and "Ᏹ" would trade places on every
// call).
func cherokeeFold(r rune) rune {
	switch {
	case 0xab70 <= r && r <= 0xabbf:
		return r - 0xab70 + 0x13a0
	case 0x13f8 <= r && r <= 0x13fd:
		return r - 8
	}
	return r
}

// fastNameKey handles names made of lower-case ASCII without spaces and CJK
// unified ideographs (which NFKC and case folding leave alone): the key is
// the name itself, with no allocation. ok=false sends everything else to the
// full path.
func fastNameKey(s string) (string, bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7f || ('A' <= c && c <= 'Z') {
				return "", false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0x4E00 || r > 0x9FFF {
			return "", false
		}
		i += n
	}
	return s, true
}

// numberKey returns the form in which record and licence numbers are stored
// and compared: NFKC (full-width digits, "－" and the ideographic space
// become ASCII), white space removed, the dash variants users type (‐ ‑ ‒ –
// — ― −) made "-", ASCII letters upper-cased ("1500041x" → "1500041X").
//
// A number that numbering.Parse reads is stored in its canonical form
// (numbering.Number.String: 川ICP备… becomes 蜀ICP备…, noise removed), so
// every spelling Parse accepts meets; anything else (legacy or malformed
// numbers in the national set) is kept in the normalised form above.
func numberKey(s string) string {
	if s == "" {
		return ""
	}
	if n, err := numbering.Parse(s); err == nil {
		return canonicalNumber(n, s)
	}
	return otherNumberKey(s)
}

// numberKeySplit returns numberKey(s) and what splitWebsiteNumber returns
// for it (subject number, and whether it is a website number), parsing s
// once: a number that Parse reads prints in a canonical form that parses
// back to the same Number (numbering's FuzzParse), so the parse of s is the
// parse of its key.
func numberKeySplit(s string) (key, subject string, isSite bool) {
	if s == "" {
		return "", "", false
	}
	if n, err := numbering.Parse(s); err == nil {
		key = canonicalNumber(n, s)
		subject, _, isSite = splitParsed(n, key)
		return key, subject, isSite
	}
	key = otherNumberKey(s)
	subject, _, isSite = splitWebsiteNumber(key)
	return key, subject, isSite
}

// canonicalNumber returns n.String(), which is s itself when s is already
// canonical (as the numbers of a loaded record set are): no allocation
// then.
func canonicalNumber(n numbering.Number, s string) string {
	var buf [64]byte
	b, _ := n.AppendText(buf[:0])
	if string(b) == s {
		return s
	}
	return string(b)
}

// otherNumberKey is numberKey for a number that numbering.Parse does not
// read.
func otherNumberKey(s string) string {
	if numberKeyReady(s) {
		return s
	}
	s = filing.NormalizeText(s)
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r == '‐' || r == '‑' || r == '‒' || r == '–' || r == '—' || r == '―' || r == '−':
			return '-'
		case 'a' <= r && r <= 'z':
			return r - 'a' + 'A'
		}
		return r
	}, s)
}

// numberKeyReady reports whether s is already in numberKey form: no white
// space, no lower-case ASCII, no dash variants, and NFKC-stable (checked
// without allocating).
func numberKeyReady(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || ('a' <= c && c <= 'z') || c == 0x7f {
			return false
		}
		if c >= utf8.RuneSelf {
			return asciiOrCJKNormal(s[i:])
		}
	}
	return true
}

// asciiOrCJKNormal reports whether s holds only ASCII without spaces or
// lower-case letters and CJK unified ideographs (NFKC-stable).
func asciiOrCJKNormal(s string) bool {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if r <= ' ' || ('a' <= r && r <= 'z') || r == 0x7f {
				return false
			}
		case r < 0x4E00 || r > 0x9FFF:
			return false
		}
	}
	return true
}

// normText is filing.NormalizeText with a fast path for text that is
// already normal: ASCII and CJK ideographs with single inner spaces.
func normText(s string) string {
	prevSpace := true
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return filing.NormalizeText(s)
			}
			prevSpace = true
			continue
		case r < ' ' || r == 0x7f:
			return filing.NormalizeText(s)
		case r >= utf8.RuneSelf && (r < 0x4E00 || r > 0x9FFF):
			return filing.NormalizeText(s)
		}
		prevSpace = false
	}
	if prevSpace && s != "" {
		return filing.NormalizeText(s) // trailing space
	}
	return s
}

// splitWebsiteNumber splits a normalised website number
// "黔ICP备1500041X号-2" into its subject number "黔ICP备1500041X号" and its
// suffix "-2" (numbering.Number.Subject for numbers Parse reads, which also
// covers telecom licences such as 粤B2-20090059-5; else the text after the
// last "号-"). ok is false for a subject number.
func splitWebsiteNumber(n string) (subject, suffix string, ok bool) {
	if num, err := numbering.Parse(n); err == nil {
		return splitParsed(num, n)
	}
	return splitAtSuffix(n)
}

// splitParsed is splitWebsiteNumber for a number n that Parse reads as num.
// The subject number returned is a prefix of n (no allocation).
func splitParsed(num numbering.Number, n string) (subject, suffix string, ok bool) {
	if num.IsSubject() {
		return n, "", false
	}
	var buf [64]byte
	subj, _ := num.Subject().AppendText(buf[:0])
	if len(n) > len(subj) && n[:len(subj)] == string(subj) {
		return n[:len(subj)], n[len(subj):], true
	}
	return splitAtSuffix(n)
}

// splitAtSuffix splits n after its last "号" followed by "-".
func splitAtSuffix(n string) (subject, suffix string, ok bool) {
	i := strings.LastIndex(n, "号-")
	if i < 0 || i+len("号-") == len(n) {
		return n, "", false
	}
	j := i + len("号")
	return n[:j], n[j:], true
}

// certKey returns the stored form of a subject certificate number: the
// canonical form of certno.NormalizeCertNumber when the number passes its
// national standard, else NFKC with white space removed and letters
// upper-cased (records in the national set predate some checks; they must
// still be found).
func certKey(t filing.CertType, n string) string {
	if c, err := certno.NormalizeCertNumber(t, n); err == nil {
		return c.Raw()
	}
	return numberKey(n)
}

// homeURLKey returns the host (lower-case A-label) and the comparison key of
// a home URL: host plus path without the trailing "/", scheme dropped, so
// "HTTPS://WWW.Example.com/" and "http://www.example.com" meet. ok is false
// when no host can be read.
func homeURLKey(raw string) (host, key string, ok bool) {
	s := filing.NormalizeText(raw)
	if s == "" {
		return "", "", false
	}
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "", "", false
	}
	h, err := domain.NormalizeDomain(u.Hostname())
	if err != nil {
		return "", "", false
	}
	p := strings.TrimRight(u.EscapedPath(), "/")
	k := h + p
	if u.RawQuery != "" {
		k += "?" + u.RawQuery
	}
	return h, k, true
}

// Statuses are stored as one byte.
const (
	stNone byte = iota
	stDraft
	stISPVerifying
	stBureauReview
	stApproved
	stReturnedToUser
	stReturnedToISP
	stAccessCancelled
	stCancelled
	stDeleted
)

var statusNames = [...]filing.Status{
	stNone:            "",
	stDraft:           filing.StatusDraft,
	stISPVerifying:    filing.StatusISPVerifying,
	stBureauReview:    filing.StatusBureauReview,
	stApproved:        filing.StatusApproved,
	stReturnedToUser:  filing.StatusReturnedToUser,
	stReturnedToISP:   filing.StatusReturnedToISP,
	stAccessCancelled: filing.StatusAccessCancelled,
	stCancelled:       filing.StatusCancelled,
	stDeleted:         filing.StatusDeleted,
}

func statusCode(s filing.Status) (byte, bool) {
	for i, n := range statusNames {
		if n == s {
			return byte(i), true
		}
	}
	return 0, false
}

// filed: the record has a number and is on the public record.
func filed(st byte) bool { return st == stApproved || st == stAccessCancelled }

// pending: submitted, not yet decided.
func pending(st byte) bool { return st == stISPVerifying || st == stBureauReview }

// rejected: returned by the bureau.
func rejected(st byte) bool { return st == stReturnedToUser || st == stReturnedToISP }

// gone: not kept in the index.
func gone(st byte) bool { return st == stDraft || st == stCancelled || st == stDeleted }
