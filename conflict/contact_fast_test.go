package conflict

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/beiankit/beian/filing"
)

// FuzzR94_FilterHashAgrees: Check reads a contact as the form gives it
// (mobileFast, emailFast), Put hashes the normalised contact (hash,
// checkHash):
// for every mobile and address they must agree, and refuse the same
// values, or a contact on file would slip past Check. The one exception:
// a plain address (plainEmail) that does not normalise is still hashed,
// and must then be one whose normal form, when it has one, is its lower
// case.
func FuzzR94_FilterHashAgrees(f *testing.F) {
	for _, s := range [][2]string{
		{"13800138000", "zhang.san@example.com"},
		{"+86 138-0013-8000", "Zhang.San@Example.COM"},
		{"１３８ ００１３ ８０００", "张三@例子.中国"},
		{"0086 13800138000", "root@xn--fiqs8s.cn"},
		{"23800138000", "a@b"},
		{"1380013800a", "ＺＨＡＮＧ@example.com"},
		{"\xff", "a..b@c.cn"},
		{"13800138000", "a@example.com."},
		{"13800138000", "A.B%c+d@EXAMPLE.CN"},
		{"13800138000", "x@xn--fiqs8s"},
		{"13800138000", "a@@b.cn"},
		{"13800138000", "a@b_c.cn"},
	} {
		f.Add(s[0], s[1])
	}
	k, err := NewContactKeyer([]byte("fuzz-secret-0123456789"))
	if err != nil {
		f.Fatal(err)
	}
	c := NewContacts(k)
	f.Fuzz(func(t *testing.T, mobile, email string) {
		got, ok := mobileFast(c.mkey[0], mobile)
		d, want := NormalizeMobile(mobile)
		if ok != want || (ok && got != c.hash(contact{kind: KeyMobile, norm: d})) {
			t.Fatalf("mobile %q: filter hash %x (%v), normalised %q gives %x (%v)", mobile, got, ok, d, c.hash(contact{kind: KeyMobile, norm: d}), want)
		}
		if ok {
			if chk, _ := mobileFast(c.mkey[1], mobile); chk != c.checkHash(contact{kind: KeyMobile, norm: d}) {
				t.Fatalf("mobile %q: check hashes differ", mobile)
			}
		}
		got, ok = emailFast(c.seed, email)
		n, want := normalizeContactEmail(email)
		plain, _ := plainEmail(email)
		// A plain address (plainEmail) is hashed as it is, valid or not:
		// when valid, its normal form is its lower case; when not, it has no
		// normal form, so no claim to meet.
		if plain && want && n != strings.ToLower(email) {
			t.Fatalf("email %q: plain, but normalised to %q", email, n)
		}
		if _, lowerOK := normalizeContactEmail(strings.ToLower(email)); plain && lowerOK != want {
			t.Fatalf("email %q: plain, valid=%v, but its lower case valid=%v", email, want, lowerOK)
		}
		if ok != (want || plain) || (want && got != c.hash(contact{kind: KeyEmail, norm: n, mail: true})) {
			t.Fatalf("email %q: filter hash %x (%v), normalised %q (%v) hashes otherwise", email, got, ok, n, want)
		}
		if want {
			if chk, _ := emailFast(c.seed2, email); chk != c.checkHash(contact{kind: KeyEmail, norm: n, mail: true}) {
				t.Fatalf("email %q: check hashes differ", email)
			}
		}
	})
}

// TestR94_MobileHashIsABijection: two mobiles never share a filter hash
// under one key (mobileWord is injective on 11 digits, mobileHash's steps
// are each invertible), checked on a dense run of numbers and on numbers
// that differ in one digit.
func TestR94_MobileHashIsABijection(t *testing.T) {
	seen := map[uint64]string{}
	key := uint64(0x0123456789abcdef)
	add := func(d string) {
		h := mobileHash(key, mobileWord(d))
		if o, dup := seen[h]; dup && o != d {
			t.Fatalf("%s and %s share hash %x", o, d, h)
		}
		seen[h] = d
	}
	for v := 13800000000; v < 13800200000; v++ {
		add(strconv.Itoa(v))
	}
	base := []byte("13912345678")
	for i := 1; i < len(base); i++ {
		for c := byte('0'); c <= '9'; c++ {
			b := slices.Clone(base)
			b[i] = c
			add(string(b))
		}
	}
}

// FuzzR94_ContactKeyRoundTrip: a record's contact key is refused, or
// claimed as it is written, and the index gives it back byte for byte
// through its blob.
func FuzzR94_ContactKeyRoundTrip(f *testing.F) {
	for _, s := range []string{"mobile:00112233445566778899aabbccddeeff", "email:ffffffffffffffffffffffffffffffff",
		"mobile:13800138000", "email:", ":", "mobile:00112233445566778899AABBCCDDEEFF", "mobile:0011223344556677889９aabbccddeeff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		r := Record{Subject: SubjectRecord{Province: "52", Name: "甲", Nature: filing.NatureEnterprise,
			CertType: filing.CertUSCC, CertNumber: "A1", Status: filing.StatusBureauReview, ContactKeys: []string{v}}}
		_, keys, _, err := RecordKeys(r)
		if err != nil {
			if !errors.Is(err, ErrBadRecord) {
				t.Fatalf("%q: %v", v, err)
			}
			return
		}
		kind, value, _ := strings.Cut(v, ":")
		if !slices.Contains(keys, Key{KeyKind(kind), value}) {
			t.Fatalf("%q accepted but not claimed: %v", v, keys)
		}
		ix := New()
		if err := ix.Put(r); err != nil {
			t.Fatal(err)
		}
		got, err := ix.LookupCert(r.Subject.CertType, r.Subject.CertNumber)
		if err != nil || len(got.Subject.ContactKeys) != 1 || got.Subject.ContactKeys[0] != v {
			t.Fatalf("%q came back as %q (%v)", v, got.Subject.ContactKeys, err)
		}
	})
}

// FuzzR94_WordDigits: NormalizeMobile's test of the stored form, eight
// bytes at a time (wordDigits over two overlapping words), agrees with
// reading the 11 digits one by one.
func FuzzR94_WordDigits(f *testing.F) {
	for _, s := range []string{"13800138000", "1380013800\x00", "1380013800:", "1380013\xb800", "/3800138000", "138001380000", "１３８００１３８０００"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		digits := len(s) == 11
		for i := 0; i < len(s) && digits; i++ {
			digits = s[i] >= '0' && s[i] <= '9'
		}
		if got := len(s) == 11 && wordDigits(word8(s, 0)) && wordDigits(word8(s, 3)); got != digits {
			t.Fatalf("%q: word test says digits=%v", s, got)
		}
	})
}
