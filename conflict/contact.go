package conflict

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"hash/maphash"
	"io"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	icpcontact "github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/province"

	"golang.org/x/text/width"

	"github.com/beiankit/beian/filing"
)

// Contact claim keys: a principal's mobile number or e-mail address,
// held by one subject at most, like a domain. Their Value is a keyed hash
// (ContactKeyer), never the number or the address.
const (
	KeyMobile KeyKind = "mobile"
	KeyEmail  KeyKind = "email"
)

// KindContactTaken: a principal's mobile number or e-mail address is on
// file for another subject's principal. The guidance documents of
// the cloud providers refuse such a filing; the bureaus' accuracy audit
// calls the numbers.
const KindContactTaken Kind = "conflict.contact_taken"

// Codes of the contact claims.
var (
	ErrContactKey = define("conflict.contact_key", "",
		"联系方式校验密钥无效",
		"a contact keyer needs a secret key of at least 16 bytes")
	ErrContactInvalid = define("conflict.contact_invalid", "R-94",
		"%[1]s格式不正确，无法核对是否被其他主体使用",
		"%[1]s: not a mainland mobile number or an e-mail address")
	ErrContactProvinceUnknown = define("conflict.contact_province_unknown", "R-94",
		"无法确定%[1]s的归属地：%[2]s要求使用本省手机号码，请人工核对",
		"%[1]s: the mobile's province is unknown, and the province requires a local mobile; check by hand")
	ErrContactOtherProvince = define("conflict.contact_other_province", "R-94",
		"%[1]s的归属地为%[3]s，%[2]s要求使用本省手机号码，请更换为本省手机号码",
		"%[1]s: a mobile of another province, and the province requires a local mobile")
)

// ContactKeyer turns contacts into claim keys: HMAC-SHA-256 under the
// caller's secret, truncated to 128 bits and written in hex. The same
// secret gives the same keys in every process; without it a key reveals
// nothing of the number (a mobile has 11 digits, so an unkeyed hash could
// be reversed by trying them all). Keep the secret with the ISP's other
// secrets and never log it: String and the fmt verbs print no part of it.
// A ContactKeyer is safe for concurrent use.
type ContactKeyer struct {
	secret []byte
	pool   sync.Pool // of keyed HMAC states (hash.Hash), reset between uses
}

// NewContactKeyer returns a keyer with secret (at least 16 bytes; copied).
func NewContactKeyer(secret []byte) (*ContactKeyer, error) {
	if len(secret) < 16 {
		return nil, newError(ErrContactKey, 0, nil)
	}
	k := &ContactKeyer{secret: slices.Clone(secret)}
	k.pool.New = func() any { return hmac.New(sha256.New, k.secret) }
	return k, nil
}

// String prints no part of the secret.
func (k *ContactKeyer) String() string { return "conflict.ContactKeyer{secret:***}" }

// Format prints String for every verb.
func (k *ContactKeyer) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, k.String()) }

// LogValue logs String.
func (k *ContactKeyer) LogValue() slog.Value { return slog.StringValue(k.String()) }

func (k *ContactKeyer) sum(kind KeyKind, v string) Key {
	m := k.pool.Get().(hash.Hash)
	m.Reset()
	m.Write([]byte(kind))
	m.Write([]byte{0})
	m.Write([]byte(v))
	var buf [sha256.Size]byte
	sum := m.Sum(buf[:0])
	k.pool.Put(m)
	return Key{Kind: kind, Value: hex.EncodeToString(sum[:16])}
}

// NormalizeMobile returns the 11 digits of a mainland mobile number as
// people write it: full-width digits, spaces, hyphens and a +86 or 0086
// prefix are accepted. ok is false for anything else. Idempotent.
func NormalizeMobile(s string) (digits string, ok bool) {
	if len(s) > 64 {
		return "", false
	}
	if len(s) == 11 && wordDigits(word8(s, 0)) && wordDigits(word8(s, 3)) { // the stored form: no copy
		if s[0] != '1' {
			return "", false
		}
		return s, true
	}
	var buf [64]byte
	b := buf[:0]
	for _, r := range width.Fold.String(s) {
		switch {
		case r >= '0' && r <= '9':
			b = append(b, byte(r))
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '+' || unicode.IsSpace(r):
		default:
			return "", false
		}
		if len(b) > 15 {
			return "", false
		}
	}
	d := string(b)
	switch {
	case len(d) == 13 && strings.HasPrefix(d, "86"):
		d = d[2:]
	case len(d) == 15 && strings.HasPrefix(d, "0086"):
		d = d[4:]
	}
	if len(d) != 11 || d[0] != '1' {
		return "", false
	}
	return d, true
}

// word8 returns the eight bytes of s from i as a little-endian word (one
// load: the compiler combines the byte reads). i+8 <= len(s).
func word8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// wordDigits reports whether every byte of w is an ASCII digit, eight
// bytes at once: with the high bits masked off (a byte with its high bit
// set is no digit, and no byte's sum below carries into the next),
// x+0x50 sets a byte's high bit where it is at least '0' and x+0x46
// where it is above '9'.
func wordDigits(w uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := w &^ highs
	return (x+(0x80-'0')*ones)&^(x+(0x7f-'9')*ones)&^w&highs == highs
}

// simpleEmail reports an address of plain ASCII that contact.NormalizeEmail
// would leave as it is but for case: local part of letters, digits and
// ._%+-, one @, a domain of dot-separated LDH labels (none an A-label,
// which IDNA must check) with at least one dot. Its normal form is its
// lower case; upper reports whether it has upper-case letters.
func simpleEmail(s string) (ok, upper bool) {
	at := strings.IndexByte(s, '@')
	if at < 1 || at > 64 || len(s) > 254 || len(s)-at < 4 || s[0] == '.' || s[at-1] == '.' {
		return false, false
	}
	var seen byte // the classes met, or-ed
	for i := 0; i < at; i++ {
		k := emailClass[s[i]]
		if k&cLocal == 0 || k&cDot != 0 && s[i+1] == '.' {
			return false, false
		}
		seen |= k
	}
	dots, label := 0, 0
	for i := at + 1; i < len(s); i++ {
		c := s[i]
		k := emailClass[c]
		switch {
		case k&cLDH != 0:
			label++
		case c == '-':
			if label == 0 || i+1 == len(s) || s[i+1] == '.' {
				return false, false
			}
			if label == 2 && s[i-1]|0x20 == 'n' && s[i-2]|0x20 == 'x' && i+1 < len(s) && s[i+1] == '-' {
				return false, false // an A-label: IDNA decides
			}
			label++
		case c == '.':
			if label == 0 {
				return false, false
			}
			dots, label = dots+1, 0
		default:
			return false, false
		}
		if label > 63 {
			return false, false
		}
		seen |= k
	}
	return dots > 0 && label > 0, seen&cUpper != 0
}

// plainEmail reports an address of ASCII letters, digits and ._%+ with
// one @ and no dot at its end: if it is valid at all
// (normalizeContactEmail), its normal form is its lower case. A hyphen
// is left to simpleEmail, which refuses A-labels (IDNA decides those).
// plainEmail does not check the rest of the structure (empty parts,
// double dots, label lengths), so that it reads the address in one pass
// with no branch but the loop's. A malformed address is then hashed as
// it is and meets no claim: every claim is of a normal form, which is
// valid, and an ASCII address is valid in any case or in none; a mere
// hash collision is refused by the second hash (checkHash).
// FuzzR94_FilterHashAgrees holds it to normalizeContactEmail.
func plainEmail(s string) (ok, upper bool) {
	if len(s) < 3 || len(s) > 254 || s[len(s)-1] == '.' {
		return false, false
	}
	all, some, ats := byte(cPlain), byte(0), 0
	for i := 0; i < len(s); i++ {
		k := emailClass[s[i]]
		all &= k
		some |= k
		ats += int(k >> 7) // cAt
	}
	return all&cPlain != 0 && ats == 1, some&cUpper != 0
}

// Classes of the bytes of an address (emailClass).
const (
	cLocal = 1 << iota // allowed in the local part of a simple address: letters, digits, ._%+-
	cLDH               // a letter or digit of a domain label
	cUpper             // an upper-case letter
	cDot               // '.'
	cPlain             // allowed in a plain address (plainEmail): letters, digits, ._%+@
	cAt    = 0x80      // '@' (the top bit: plainEmail counts them by shifting)
)

// emailClass classifies the bytes of an address for simpleEmail and
// plainEmail: one table read per byte instead of a chain of comparisons.
var emailClass = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLocal | cLDH | cPlain
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cLocal | cLDH | cUpper | cPlain
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cLocal | cLDH | cPlain
	}
	for _, c := range "_%+" {
		t[c] = cLocal | cPlain
	}
	t['-'] = cLocal
	t['.'] = cLocal | cDot | cPlain
	t['@'] = cPlain | cAt
	return t
}()

// normalizeContactEmail is contact.NormalizeEmail with the local part
// lower-cased: DESIGN, the filing systems and the mail providers of
// principals treat addresses case-insensitively, and a claim must not be
// dodged by case.
func normalizeContactEmail(s string) (string, bool) {
	if ok, upper := simpleEmail(s); ok {
		if upper {
			s = strings.ToLower(s)
		}
		return s, true
	}
	e, err := icpcontact.NormalizeEmail(s)
	if err != nil {
		return "", false
	}
	return strings.ToLower(string(e)), true
}

// MobileKey returns the claim key of a mobile number.
func (k *ContactKeyer) MobileKey(mobile string) (Key, bool) {
	d, ok := NormalizeMobile(mobile)
	if !ok {
		return Key{}, false
	}
	return k.sum(KeyMobile, d), true
}

// EmailKey returns the claim key of an e-mail address.
func (k *ContactKeyer) EmailKey(email string) (Key, bool) {
	e, ok := normalizeContactEmail(email)
	if !ok {
		return Key{}, false
	}
	return k.sum(KeyEmail, e), true
}

// ContactClaim is one contact of a filing as a claim key, with the field it
// comes from ("subject.principal.mobile", "websites[1].principal.email").
type ContactClaim struct {
	Key  Key    `json:"key"`
	Path string `json:"path"`
}

// contact is one normalised contact of a filing, before hashing.
type contact struct {
	kind KeyKind
	norm string
	who  int // -1: the subject's principal; websites, then apps
	mail bool
}

func (c contact) path(f *filing.Filing) string {
	field := ".mobile"
	if c.mail {
		field = ".email"
	}
	switch {
	case c.who < 0:
		if c.mail {
			return "subject.principal.email"
		}
		return "subject.principal.mobile"
	case c.who < len(f.Websites):
		return "websites[" + strconv.Itoa(c.who) + "].principal" + field
	}
	return "apps[" + strconv.Itoa(c.who-len(f.Websites)) + "].principal" + field
}

// contactsOf appends the normalised contacts of f's principals to dst, and
// those that do not normalise to bad (when not nil).
func contactsOf(dst []contact, bad *[]contact, f *filing.Filing) []contact {
	dst = personContacts(dst, bad, -1, &f.Subject.Principal)
	for i := range f.Websites {
		dst = personContacts(dst, bad, i, &f.Websites[i].Principal)
	}
	for i := range f.Apps {
		dst = personContacts(dst, bad, len(f.Websites)+i, &f.Apps[i].Principal)
	}
	return dst
}

func personContacts(dst []contact, bad *[]contact, who int, p *filing.Person) []contact {
	if m := p.Mobile.Raw(); m != "" {
		if d, ok := NormalizeMobile(m); ok {
			dst = append(dst, contact{KeyMobile, d, who, false})
		} else if bad != nil {
			*bad = append(*bad, contact{KeyMobile, "", who, false})
		}
	}
	if e := string(p.Email); e != "" {
		if n, ok := normalizeContactEmail(e); ok {
			dst = append(dst, contact{KeyEmail, n, who, true})
		} else if bad != nil {
			*bad = append(*bad, contact{KeyEmail, "", who, true})
		}
	}
	return dst
}

// ContactClaims returns the claim keys of the principals' mobiles and
// e-mail addresses of f (the subject's principal, then every website's and
// app's), each key once (at its first path), and the paths of contacts that
// do not normalise (an empty contact is skipped). The keys hold no raw
// contact.
func (k *ContactKeyer) ContactClaims(f *filing.Filing) (claims []ContactClaim, invalid []string) {
	var bad []contact
	cs := contactsOf(nil, &bad, f)
	seen := map[Key]bool{}
	for _, c := range cs {
		key := k.sum(c.kind, c.norm)
		if !seen[key] {
			seen[key] = true
			claims = append(claims, ContactClaim{key, c.path(f)})
		}
	}
	for _, c := range bad {
		invalid = append(invalid, c.path(f))
	}
	return claims, invalid
}

// Stamp sets r's contact keys (r.Subject.ContactKeys) to the claim keys
// of f's principals' mobiles and e-mail addresses (ContactClaims), each
// once, in the form "mobile:<hash>" or "email:<hash>", so that a Store
// claims them with the record's other keys: a record of another
// subject holding one of them is refused with a *ClaimError listing it
// (TakenConflicts turns it into Conflicts). Stamp the record with the
// same secret on every instance. A new secret gives new keys: re-stamp
// and put every record on file, which releases the old keys as each
// record is replaced. It returns the paths of the contacts that do not
// normalise, which get no key (validation reports them, R-09).
func (k *ContactKeyer) Stamp(r *Record, f *filing.Filing) (invalid []string) {
	r.Subject.ContactKeys = nil
	return k.StampAdd(r, f)
}

// StampAdd is Stamp for a filing that adds to a subject on file (a
// website or an app of its own, R-70): it adds the claim keys of f's
// principals to those r holds, each once, and keeps the others, which
// belong to the principals of the subject's other websites and apps. It
// returns the paths of the contacts that do not normalise.
func (k *ContactKeyer) StampAdd(r *Record, f *filing.Filing) (invalid []string) {
	claims, invalid := k.ContactClaims(f)
	keys := slices.Clone(r.Subject.ContactKeys)
	for _, c := range claims {
		keys = append(keys, c.Key.String()) // "kind:value": only certificate keys are masked
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	if len(keys) == 0 {
		keys = nil
	}
	r.Subject.ContactKeys = keys
	return invalid
}

// TakenConflicts returns a Conflict of KindContactTaken for each contact
// key of f that err (a *ClaimError of Store.Put, Replica.Claim or
// Contacts.Put) lists as taken, at the path of the contact's first use in
// f, in f's order. The holder stays unnamed (a store names it by its
// certificate, which is not public): Blocking is empty. It returns nil
// when err lists no contact key of f.
func (k *ContactKeyer) TakenConflicts(f *filing.Filing, err error) []Conflict {
	var ce *ClaimError
	if !errors.As(err, &ce) {
		return nil
	}
	claims, _ := k.ContactClaims(f)
	var out []Conflict
	for _, c := range claims {
		if slices.ContainsFunc(ce.Taken, func(t Taken) bool { return t.Key == c.Key }) {
			out = append(out, Conflict{Kind: KindContactTaken, Path: c.Path, Contact: c.Key.Kind})
		}
	}
	return out
}

// contactOnly reports whether every key a *ClaimError lists is a contact
// key: keys the index does not hold, so that syncing it and checking again
// cannot explain the refusal.
func (e *ClaimError) contactOnly() bool {
	if e.Stale || len(e.Taken) == 0 {
		return false
	}
	for _, t := range e.Taken {
		if t.Key.Kind != KeyMobile && t.Key.Kind != KeyEmail {
			return false
		}
	}
	return true
}

// contactHolder is the subject that holds a contact key: its certificate key
// (never shown) and the public facts a Conflict may show.
type contactHolder struct {
	subject      Key
	number       string
	province     string
	provinceName string // the province table's name, looked up once at Put
}

// contactEntry is one claim of the register: the HMAC key and its holder.
type contactEntry struct {
	key   Key
	check uint64 // a second keyed hash (seed2): a Check confirms a hit with it, without an HMAC
	h     contactHolder
}

// Contacts is the register of contact claims: which subject holds
// each principal's mobile and e-mail, as keyed hashes only. Check finds a
// filing's contacts held by another subject; the same person as principal
// of several websites or apps of one subject is no conflict. It is safe for
// concurrent use. It keeps no raw contact: the claims are HMAC keys, found
// through 64-bit keyed hashes (random keys per register; hash/maphash for
// e-mail addresses) so that a Check computes an HMAC only for a contact
// that may be taken.
type Contacts struct {
	keyer     *ContactKeyer
	seed      maphash.Seed // e-mail hashes
	seed2     maphash.Seed // e-mail check hashes
	mkey      [2]uint64    // mobile hashes and check hashes (random per register)
	mu        sync.RWMutex
	byHash    map[uint64][]contactEntry
	bySubject map[Key][]uint64
	n         int
	// filter is a filter over byHash's hashes (two bits of one word per
	// hash, set on Put, cleared only when rebuilt): a Check reads one word
	// per contact, without the lock, in a table small enough for the cache,
	// and takes the read lock only when a contact may be held. Its length
	// is a power of two; rebuilt (doubled) when the entries pass a
	// sixteenth of its bits, and published whole.
	filter atomic.Pointer[contactFilter]
}

// contactFilter is a blocked Bloom filter with two probes in one word (one
// cache line read), which at a sixteenth of the bits in use passes about
// 1.4 % of absent contacts to the map instead of about 6 % with one. Words
// are set with atomic OR under the register's write lock and read with
// atomic loads by Checks that hold no lock.
type contactFilter struct{ words []atomic.Uint64 }

func newContactFilter(words int) *contactFilter {
	return &contactFilter{words: make([]atomic.Uint64, words)}
}

// bits returns the word a hash falls in and the two bits it sets there.
func (f *contactFilter) bits(hv uint64) (word int, bits uint64) {
	return int(hv & uint64(len(f.words)-1)), 1<<(hv>>32&63) | 1<<(hv>>48&63)
}

// mayHold reads the filter bits of a hash.
func (f *contactFilter) mayHold(hv uint64) bool {
	w, b := f.bits(hv)
	return f.words[w].Load()&b == b
}

func (f *contactFilter) mark(hv uint64) {
	w, b := f.bits(hv)
	f.words[w].Or(b)
}

// NewContacts returns an empty register over keyer.
func NewContacts(keyer *ContactKeyer) *Contacts {
	c := &Contacts{keyer: keyer, seed: maphash.MakeSeed(), seed2: maphash.MakeSeed(), mkey: [2]uint64{rand.Uint64(), rand.Uint64()},
		byHash: map[uint64][]contactEntry{}, bySubject: map[Key][]uint64{}}
	c.filter.Store(newContactFilter(1 << 10))
	return c
}

// grow doubles the filter while the entries pass a sixteenth of its bits.
// The caller holds the write lock.
func (c *Contacts) grow() {
	size := len(c.filter.Load().words)
	if c.n*16 <= size*64 {
		return
	}
	for c.n*16 > size*64 {
		size *= 2
	}
	f := newContactFilter(size)
	for hv := range c.byHash {
		f.mark(hv)
	}
	c.filter.Store(f)
}

// hash is the 64-bit keyed hash of a normalised contact that the filter
// and byHash use; checkHash is a second one, under other keys, that
// confirms a hit without an HMAC.
func (c *Contacts) hash(x contact) uint64 {
	if x.mail {
		return emailHash(c.seed, x.norm)
	}
	return mobileHash(c.mkey[0], mobileWord(x.norm))
}

func (c *Contacts) checkHash(x contact) uint64 {
	if x.mail {
		return emailHash(c.seed2, x.norm)
	}
	return mobileHash(c.mkey[1], mobileWord(x.norm))
}

// emailHash hashes a normalised address (hash/maphash: maphash.Bytes and
// maphash.String agree on the same bytes). The salt keeps an address and a
// mobile apart even where their hashes met.
func emailHash(seed maphash.Seed, norm string) uint64 {
	return maphash.String(seed, norm) ^ emailSalt
}

// emailSalt is xor-ed into every e-mail hash (emailHash).
const emailSalt = 0x9e3779b97f4a7c15

// mobileWord packs a mobile's 11 digits into one word: the low nibbles of
// the first 8 bytes (one 8-byte load, which the compiler combines) and
// those of the last 3 in the high nibbles of the first 3 bytes. Distinct
// digit strings give distinct words, without the 11 dependent
// multiply-adds of reading the number.
func mobileWord(d string) uint64 {
	if len(d) != 11 {
		return 0 // not a normalised mobile; NormalizeMobile gives 11 digits
	}
	lo, hi := word8(d, 0), word8(d, 3)>>40 // hi: the last three bytes
	return lo&0x0f0f0f0f0f0f0f0f | (hi&0x0f0f0f)<<4
}

// mobileHash mixes a mobile's word (mobileWord) under key: the key xor-ed in, then
// the finaliser of MurmurHash3 (fmix64), a bijection of 64-bit words, so
// that two mobiles never share a hash under one key and every bit of the
// word reaches every bit of the hash. It costs a few cycles where
// hashing the 11 bytes would cost a call.
func mobileHash(key, v uint64) uint64 {
	h := v ^ key
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// mobileFast is the hash under key (one of mkey) of a mobile as a form
// gives it: the common stored form (11 ASCII digits, the first a 1) is
// read in place; other forms are normalised first. ok is false for a
// value that does not normalise (left to validation, R-09).
func mobileFast(key uint64, m string) (uint64, bool) {
	d, ok := NormalizeMobile(m) // the stored form returns at once, uncopied
	if !ok {
		return 0, false
	}
	return mobileHash(key, mobileWord(d)), true
}

// emailFast is the hash under seed of an address as a form gives it: a
// plain ASCII address (plainEmail, or else simpleEmail) is hashed in
// place, or lower-cased on the stack; other forms are normalised first.
// ok is false for an address that does not normalise, except a plain one:
// that is hashed as it is and meets no claim (plainEmail).
func emailFast(seed maphash.Seed, e string) (uint64, bool) {
	ok, upper := plainEmail(e)
	if !ok {
		ok, upper = simpleEmail(e)
	}
	switch {
	case ok && !upper:
		return emailHash(seed, e), true
	case ok:
		var buf [254]byte // simpleEmail's longest address
		b := buf[:len(e)]
		for i := 0; i < len(e); i++ {
			ch := e[i]
			if ch >= 'A' && ch <= 'Z' {
				ch += 'a' - 'A'
			}
			b[i] = ch
		}
		return maphash.Bytes(seed, b) ^ emailSalt, true // emailHash of the lower-cased bytes
	}
	n, ok := normalizeContactEmail(e)
	if !ok {
		return 0, false
	}
	return emailHash(seed, n), true
}

// probe is a contact of a filing that the filter let through: its hash,
// its principal (as contact.who) and its kind.
type probe struct {
	hv   uint64
	who  int
	mail bool
}

// probes appends to dst the contacts of principal who (p) that the filter
// lets through. Both contacts are probed before either result is used, so
// that the two probes' memory reads overlap. A contact written exactly as
// the subject's principal's (sp; nil for that principal itself) is
// skipped: it is the same claim, found already at the subject's path,
// where appendHeld reports a contact met at several paths.
func (c *Contacts) probes(dst []probe, flt *contactFilter, who int, p, sp *filing.Person) []probe {
	var mh, eh uint64
	var mok, eok bool
	if m := p.Mobile.Raw(); m != "" && (sp == nil || m != sp.Mobile.Raw()) {
		mh, mok = mobileFast(c.mkey[0], m)
	}
	if e := string(p.Email); e != "" && (sp == nil || p.Email != sp.Email) {
		eh, eok = emailFast(c.seed, e)
	}
	mok = mok && flt.mayHold(mh)
	eok = eok && flt.mayHold(eh)
	if mok {
		dst = append(dst, probe{mh, who, false})
	}
	if eok {
		dst = append(dst, probe{eh, who, true})
	}
	return dst
}

// person returns principal who of f (-1: the subject's; websites, then
// apps).
func person(f *filing.Filing, who int) *filing.Person {
	switch {
	case who < 0:
		return &f.Subject.Principal
	case who < len(f.Websites):
		return &f.Websites[who].Principal
	}
	return &f.Apps[who-len(f.Websites)].Principal
}

// subjectOf returns the certificate key of f's subject and its public
// facts.
func subjectOf(f *filing.Filing) contactHolder {
	h := contactHolder{subject: SubjectKey(f.Subject.CertType, f.Subject.CertNumber), number: f.Subject.Number,
		province: f.Subject.Province}
	if p, ok := province.ByName(h.province); ok {
		h.province = p.Code
	}
	if p, ok := filing.ProvinceByCode(h.province); ok {
		h.provinceName = p.Name
	}
	return h
}

// Put records the contacts of a filing on file for its subject: all or
// none. A contact held by another subject is a *ClaimError (errors.Is
// ErrKeyTaken) listing the keys taken, and nothing is written. Contacts the
// subject held that f no longer has are released.
func (c *Contacts) Put(f *filing.Filing) error {
	cs := contactsOf(nil, nil, f)
	h := subjectOf(f)
	type claim struct {
		hash, check uint64
		key         Key
	}
	claims := make([]claim, 0, len(cs))
	for _, x := range cs {
		k := c.keyer.sum(x.kind, x.norm)
		if !slices.ContainsFunc(claims, func(o claim) bool { return o.key == k }) {
			claims = append(claims, claim{c.hash(x), c.checkHash(x), k})
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var taken []Taken
	for _, cl := range claims {
		for _, e := range c.byHash[cl.hash] {
			if e.key == cl.key && e.h.subject != h.subject {
				taken = append(taken, Taken{Key: cl.key, Holder: e.h.subject})
			}
		}
	}
	if len(taken) > 0 {
		return &ClaimError{Taken: taken}
	}
	c.release(h.subject)
	hashes := make([]uint64, len(claims))
	for i, cl := range claims {
		hashes[i] = cl.hash
		c.byHash[cl.hash] = append(c.byHash[cl.hash], contactEntry{cl.key, cl.check, h})
		c.filter.Load().mark(cl.hash)
		c.n++
	}
	c.bySubject[h.subject] = hashes
	c.grow()
	return nil
}

// Remove releases every contact a subject held.
func (c *Contacts) Remove(t filing.CertType, n filing.IDNumber) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.release(SubjectKey(t, n))
}

func (c *Contacts) release(s Key) {
	for _, hv := range c.bySubject[s] {
		es := slices.DeleteFunc(c.byHash[hv], func(e contactEntry) bool {
			if e.h.subject == s {
				c.n--
				return true
			}
			return false
		})
		if len(es) == 0 {
			delete(c.byHash, hv)
		} else {
			c.byHash[hv] = es
		}
	}
	delete(c.bySubject, s)
}

// Len returns the number of contact keys held.
func (c *Contacts) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.n
}

// Check returns a Conflict of KindContactTaken for every principal's
// contact of f that another subject holds (guidance.For renders what to
// tell the applicant).
// Contacts that do not normalise are left to validation. An index
// made WithContacts(c) gives these conflicts in its Check, for less.
func (c *Contacts) Check(f *filing.Filing) []Conflict {
	return c.appendCheck(nil, f, ownSubject{})
}

// appendCheck is Check appending to dst, with the filing's subject known
// or not.
func (c *Contacts) appendCheck(dst []Conflict, f *filing.Filing, own ownSubject) []Conflict {
	var room [8]probe
	ps := c.probeFiling(room[:0], f)
	if len(ps) == 0 {
		return dst
	}
	return c.appendHeld(dst, ps, f, own)
}

// probeFiling appends to dst the contacts of f's principals that the
// filter lets through. The common case: the filter holds none of them,
// read where they are without normalising them into a list, and no lock
// is taken.
func (c *Contacts) probeFiling(dst []probe, f *filing.Filing) []probe {
	flt := c.filter.Load()
	sp := &f.Subject.Principal
	dst = c.probes(dst, flt, -1, sp, nil)
	for i := range f.Websites {
		dst = c.probes(dst, flt, i, &f.Websites[i].Principal, sp)
	}
	for i := range f.Apps {
		dst = c.probes(dst, flt, len(f.Websites)+i, &f.Apps[i].Principal, sp)
	}
	return dst
}

// ownSubject is the filing's subject as a contact's holder is compared with
// it: its certificate type and canonical number (certKey), once known.
type ownSubject struct {
	certType, cert string
	known          bool
}

// appendHeld is Check past the filter: each contact the filter let through
// looked up under the read lock, and confirmed by its check hash; the
// conflicts are appended to dst. own is computed on the first hit when not
// known.
func (c *Contacts) appendHeld(dst []Conflict, ps []probe, f *filing.Filing, own ownSubject) []Conflict {
	var seenRoom [8]uint64
	seen := seenRoom[:0]
	c.mu.RLock()
	defer c.mu.RUnlock()
	for _, pr := range ps {
		es := c.byHash[pr.hv]
		if len(es) == 0 {
			continue
		}
		p := person(f, pr.who)
		kind := KeyMobile
		var chk uint64
		if pr.mail {
			kind = KeyEmail
			chk, _ = emailFast(c.seed2, string(p.Email))
		} else {
			chk, _ = mobileFast(c.mkey[1], p.Mobile.Raw())
		}
		if slices.Contains(seen, chk) {
			continue // the same contact at an earlier path
		}
		seen = append(seen, chk)
		for _, e := range es {
			if e.check != chk || e.key.Kind != kind {
				continue
			}
			if !own.known {
				own = ownSubject{string(f.Subject.CertType), certKey(f.Subject.CertType, f.Subject.CertNumber.Raw()), true}
			}
			if !isSubject(e.h.subject, own.certType, own.cert) {
				dst = append(dst, contactConflict(kind, contact{kind: kind, who: pr.who, mail: pr.mail}.path(f), e.h))
			}
		}
	}
	return dst
}

// isSubject reports whether k is SubjectKey's key of certificate type t and
// canonical number cert, without building that key.
func isSubject(k Key, t, cert string) bool {
	v := k.Value
	return k.Kind == KeyCert && len(v) == len(t)+1+len(cert) && v[len(t)] == ':' && v[:len(t)] == t && v[len(t)+1:] == cert
}

// contactConflict is the conflict of a contact of kind at path held by
// the subject o: data, rendered by package conflict/guidance.
func contactConflict(kind KeyKind, path string, o contactHolder) Conflict {
	c := Conflict{Kind: KindContactTaken, Path: path, Contact: kind,
		Blocking: Blocking{SubjectNumber: o.number, Province: o.province, Status: filing.StatusApproved},
	}
	if o.number == "" {
		c.Blocking.Status = filing.StatusBureauReview
	}
	return c
}

// ContactProvinceRule is a province's rule on principals' mobiles:
// whether the bureau requires a mobile registered in the province. The
// SDK ships no rows: DESIGN, the guidance documents found say that some
// bureaus require it but name none reliably, and no public number-segment
// table maps the 7-digit segments to provinces. An ISP supplies both (its
// province table and its licensed segment data) to CheckMobileProvince.
type ContactProvinceRule struct {
	Province           string `json:"province"`
	RequireLocalMobile bool   `json:"require_local_mobile"`
	Source             string `json:"source"`
}

// CheckMobileProvince checks a principal's mobile against the subject's
// province rule: nil when the province requires nothing or the mobile is
// local; a *filing.Problem warning (ErrContactProvinceUnknown) when segment
// cannot place the number; ErrContactOtherProvince when it places it in
// another province. segment maps a mobile's 11 digits to a GB/T 2260
// province code (nil: unknown).
func CheckMobileProvince(rule ContactProvinceRule, path, mobile string, segment func(digits string) (string, bool)) *filing.Problem {
	if !rule.RequireLocalMobile {
		return nil
	}
	name := rule.Province
	if p, ok := filing.ProvinceByCode(rule.Province); ok {
		name = p.Name
	}
	d, ok := NormalizeMobile(mobile)
	if !ok {
		return problem(ErrContactInvalid, "R-94", path, "手机号码", fmt.Sprintf("%s格式不正确，无法核对是否被其他主体使用", path), path+": not a mainland mobile number")
	}
	var prov string
	if segment != nil {
		prov, ok = segment(d)
	} else {
		ok = false
	}
	switch {
	case !ok:
		return problem(ErrContactProvinceUnknown, "R-94", path, "手机号码",
			fmt.Sprintf("无法确定%s的归属地：%s要求使用本省手机号码，请人工核对", path, name),
			path+": the mobile's province is unknown, and the province requires a local mobile; check by hand")
	case prov != rule.Province:
		other := prov
		if p, ok := filing.ProvinceByCode(prov); ok {
			other = p.Name
		}
		return problem(ErrContactOtherProvince, "R-94", path, "手机号码",
			fmt.Sprintf("%s的归属地为%s，%s要求使用本省手机号码，请更换为本省手机号码", path, other, name),
			path+": a mobile of another province, and the province requires a local mobile")
	}
	return nil
}
