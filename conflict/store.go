package conflict

import (
	"encoding/binary"
	"encoding/hex"
	"net/netip"
	"strings"
)

// In-memory layout (see doc.go "Memory layout").
//
// A subject and its websites are encoded into one immutable string (the
// blob): no pointers per record for the garbage collector to follow, and the
// strings inside it (numbers, names, domains, URLs) are substrings of the
// blob, so a record costs one allocation. Replacing a record swaps the blob.
//
// Blob layout (uvarint = encoding/binary varint, str = uvarint length then
// bytes):
//
//	province byte, status byte, uvarint nature id, uvarint cert type id,
//	str number, str licence, str name, str cert,
//	uvarint n websites, then per website:
//	  uvarint site id, status byte,
//	  uvarint len<<1|suffix, bytes  (suffix=1: the number is the subject
//	                                 number followed by these bytes)
//	  str name, str home URL,
//	  uvarint n domains, per domain: uvarint entry id, str domain, uvarint offset of the registrable part
//	  uvarint n IPs, per IP: uvarint entry id, byte length (4 or 16), bytes
//	then, only when the subject has contact keys: uvarint n keys,
//	per key: byte kind (0 mobile, 1 email), 16 bytes of hash

// none marks the end of a chain and a free slot.
const none = ^uint32(0)

// chains is a set of linked lists of entry ids, one list per 32-bit key
// hash. Entries whose keys share a hash share a list; readers verify the key
// of every entry they walk. The lists are index arrays (no pointers): a list
// costs 4 bytes per entry (singly linked, for keys that are unique or nearly
// so: certificates, subject numbers, registrable domains) or 8 (doubly
// linked, for keys that many entries share: names, IPs, so that removal
// stays O(1)), plus one slot per distinct hash in an open-addressed table
// (heads): 8 bytes, or 24 in the registrable-domain table, whose slots
// also hold the record of their list's first entry (chains[string]).
type chains[V any] struct {
	head heads[V]
	next []uint32
	prev []uint32 // nil for a singly linked set
}

func newChains(n int, doubly bool) chains[noVal] {
	c := chains[noVal]{head: newHeads[noVal](n), next: make([]uint32, 0, n)}
	if doubly {
		c.prev = make([]uint32, 0, n)
	}
	return c
}

// ensure makes entry e addressable.
func (c *chains[V]) ensure(e uint32) {
	for uint32(len(c.next)) <= e {
		c.next = append(c.next, none)
		if c.prev != nil {
			c.prev = append(c.prev, none)
		}
	}
}

// newRecordChains is a singly linked set whose heads hold a record
// (heads[string]), for the domain chains of Index.
func newRecordChains(n int) chains[string] {
	return chains[string]{head: newHeads[string](n), next: make([]uint32, 0, n)}
}

func (c *chains[V]) add(h, e uint32) {
	var zero V
	c.addVal(h, e, zero)
}

// addVal is add with the value of the new head.
func (c *chains[V]) addVal(h, e uint32, v V) {
	c.ensure(e)
	old, i := c.head.put(h, e)
	c.head.slots[i].val = v
	c.next[e] = old
	if c.prev != nil {
		c.prev[e] = none
		if old != none {
			c.prev[old] = e
		}
	}
}

// remove removes entry e from the list of hash h. When e was the head and
// others follow, it returns the list's new head and its slot (newHead is
// none otherwise): a set whose heads hold values must then set the value
// of the new head there (c.head.slots[at].val); until it does, the slot
// holds e's.
func (c *chains[V]) remove(h, e uint32) (newHead uint32, at int) {
	if c.prev == nil {
		i := c.head.find(h)
		if i < 0 {
			return none, 0
		}
		head := c.head.entry(i)
		if head == e {
			newHead, at = c.dropHead(h, i, c.next[e])
		} else {
			p := head
			for p != none && c.next[p] != e {
				p = c.next[p]
			}
			if p == none {
				return none, 0
			}
			c.next[p] = c.next[e]
			newHead = none
		}
		c.next[e] = none
		return newHead, at
	}
	n, p := c.next[e], c.prev[e]
	newHead = none
	if p == none {
		newHead, at = c.dropHead(h, c.head.find(h), n)
	} else {
		c.next[p] = n
	}
	if n != none {
		c.prev[n] = p
	}
	c.next[e], c.prev[e] = none, none
	return newHead, at
}

// dropHead takes the head of hash h, at slot i, off its list: next
// becomes the head, or the hash goes when next is none. One probe found
// the slot; none more is made.
func (c *chains[V]) dropHead(h uint32, i int, next uint32) (newHead uint32, at int) {
	if next == none {
		c.head.delAt(i)
		return none, 0
	}
	c.head.slots[i].key = slotKey(h, next)
	return next, i
}

// first returns the head of the list of hash h, or none.
func (c *chains[V]) first(h uint32) uint32 {
	return c.head.get(h)
}

// trim copies the entry arrays to their length (after a bulk load).
func (c *chains[V]) trim() {
	c.next = trimmed(c.next)
	if c.prev != nil {
		c.prev = trimmed(c.prev)
	}
}

func trimmed[T any](s []T) []T {
	if cap(s)-len(s) < len(s)/16 {
		return s
	}
	out := make([]T, len(s))
	copy(out, s)
	return out
}

// --- encoding ---------------------------------------------------------------

type enc struct{ b []byte }

func (e *enc) uv(x uint64)    { e.b = binary.AppendUvarint(e.b, x) }
func (e *enc) byte1(x byte)   { e.b = append(e.b, x) }
func (e *enc) str(s string)   { e.uv(uint64(len(s))); e.b = append(e.b, s...) }
func (e *enc) bytes(s string) { e.b = append(e.b, s...) }

// addr writes the length and the bytes of addrKey(a) (without building
// that string).
func (e *enc) addr(a netip.Addr) {
	if a.Is4() {
		b := a.As4()
		e.byte1(byte(len(b)))
		e.b = append(e.b, b[:]...)
		return
	}
	b := a.As16()
	e.byte1(byte(len(b)))
	e.b = append(e.b, b[:]...)
}

// encodeBlob encodes a prepared record with the ids allocated for it.
func encodeBlob(p *prepared, natureID, certTypeID uint32, siteIDs []uint32, domIDs, ipIDs [][]uint32, buf *[]byte) string {
	e := enc{b: (*buf)[:0]}
	defer func() { *buf = e.b }()
	e.byte1(p.province)
	e.byte1(p.status)
	e.uv(uint64(natureID))
	e.uv(uint64(certTypeID))
	e.str(p.number)
	e.str(p.licence)
	e.str(p.name)
	e.str(p.cert)
	e.uv(uint64(len(p.sites)))
	for i := range p.sites {
		s := &p.sites[i]
		e.uv(uint64(siteIDs[i]))
		e.byte1(s.status)
		if p.number != "" && len(s.number) > len(p.number) && strings.HasPrefix(s.number, p.number) {
			suf := s.number[len(p.number):]
			e.uv(uint64(len(suf))<<1 | 1)
			e.bytes(suf)
		} else {
			e.uv(uint64(len(s.number)) << 1)
			e.bytes(s.number)
		}
		e.str(s.name)
		e.homeURL(s)
		e.uv(uint64(len(s.domains)))
		for j, d := range s.domains {
			e.uv(uint64(domIDs[i][j]))
			e.str(d.domain)
			e.uv(uint64(d.regOff))
		}
		e.uv(uint64(len(s.ips)))
		for j, a := range s.ips {
			e.uv(uint64(ipIDs[i][j]))
			e.addr(a)
		}
	}
	if len(p.contacts) > 0 {
		e.uv(uint64(len(p.contacts)))
		for _, k := range p.contacts {
			kind := byte(0)
			if k.Kind == KeyEmail {
				kind = 1
			}
			e.byte1(kind)
			e.b, _ = hex.AppendDecode(e.b, []byte(k.Value)) // 32 lower-case hex digits: prepareContactKeys
		}
	}
	return string(e.b)
}

// contactKeys reads the contact keys at the end of a blob, where r stands
// after the last website (none when the blob ends there).
func contactKeys(r *rd) []Key {
	if r.i >= len(r.s) {
		return nil
	}
	keys := make([]Key, int(r.uv()))
	for i := range keys {
		kind := KeyMobile
		if r.byte1() == 1 {
			kind = KeyEmail
		}
		keys[i] = Key{kind, hex.EncodeToString([]byte(r.n(16)))}
	}
	return keys
}

// Home URL forms: most home URLs are the first domain with a scheme, an
// optional "www." and an optional trailing "/"; they are stored as 3 flag
// bits instead of the text.
const (
	huHTTPS = 1 << iota
	huWWW
	huSlash
)

// homeURL writes the home URL: uvarint len<<1 then the text, or
// uvarint flags<<1|1 when the URL is the first domain in a standard form.
func (e *enc) homeURL(s *prepSite) {
	u := s.homeURL
	if len(s.domains) > 0 {
		flags := 0
		rest, ok := strings.CutPrefix(u, "http://")
		if !ok {
			rest, ok = strings.CutPrefix(u, "https://")
			flags |= huHTTPS
		}
		if ok {
			if r, www := strings.CutPrefix(rest, "www."); www {
				rest, flags = r, flags|huWWW
			}
			if r, slash := strings.CutSuffix(rest, "/"); slash {
				rest, flags = r, flags|huSlash
			}
			if rest == s.domains[0].domain {
				e.uv(uint64(flags)<<1 | 1)
				return
			}
		}
	}
	e.uv(uint64(len(u)) << 1)
	e.bytes(u)
}

// rd reads a blob. Blobs are written only by encodeBlob, so reads of a
// well-formed blob cannot fail.
type rd struct {
	s string
	i int
}

func (r *rd) byte1() byte {
	b := r.s[r.i]
	r.i++
	return b
}

func (r *rd) uv() uint64 {
	var x uint64
	var sh uint
	for {
		b := r.s[r.i]
		r.i++
		x |= uint64(b&0x7f) << sh
		if b < 0x80 {
			return x
		}
		sh += 7
	}
}

func (r *rd) n(k int) string {
	s := r.s[r.i : r.i+k]
	r.i += k
	return s
}

func (r *rd) str() string { return r.n(int(r.uv())) }

// subjView is the decoded header of a blob.
type subjView struct {
	province   byte
	status     byte
	natureID   uint32
	certTypeID uint32
	number     string
	licence    string
	name       string
	cert       string
	nSites     int
	sitesAt    int // offset of the first website
}

func viewSubject(blob string) subjView {
	r := rd{s: blob}
	var v subjView
	v.province = r.byte1()
	v.status = r.byte1()
	v.natureID = uint32(r.uv())
	v.certTypeID = uint32(r.uv())
	v.number = r.str()
	v.licence = r.str()
	v.name = r.str()
	v.cert = r.str()
	v.nSites = int(r.uv())
	v.sitesAt = r.i
	return v
}

// siteView is one decoded website of a blob; domains and IPs are read on
// demand from their offsets.
type siteView struct {
	id     uint32
	status byte
	numRaw string
	suffix bool
	name   string
	huRaw  string
	huForm int // -1: huRaw is the URL; else flags over the first domain
	nDom   int
	domAt  int
	nIP    int
	ipAt   int
}

// number returns the website's full number (allocating only for the
// suffix form).
func (w *siteView) number(subjectNumber string) string {
	if w.suffix {
		return subjectNumber + w.numRaw
	}
	return w.numRaw
}

// numberIs reports whether the website's number is n, without allocating.
func (w *siteView) numberIs(subjectNumber, n string) bool {
	if w.suffix {
		return len(n) == len(subjectNumber)+len(w.numRaw) && strings.HasPrefix(n, subjectNumber) && strings.HasSuffix(n, w.numRaw)
	}
	return w.numRaw == n
}

// homeURL returns the website's home URL (allocating for the compact
// form).
func (w *siteView) homeURL(blob string) string {
	if w.huForm < 0 {
		return w.huRaw
	}
	first := ""
	w.domains(blob, func(_ uint32, d string, _ int) bool {
		first = d
		return false
	})
	var b strings.Builder
	b.Grow(len(first) + 13)
	if w.huForm&huHTTPS != 0 {
		b.WriteString("https://")
	} else {
		b.WriteString("http://")
	}
	if w.huForm&huWWW != 0 {
		b.WriteString("www.")
	}
	b.WriteString(first)
	if w.huForm&huSlash != 0 {
		b.WriteByte('/')
	}
	return b.String()
}

// siteIter walks the websites of a blob:
//
//	for it := newSiteIter(blob, &v); it.next(); {
//		w := &it.w
//		...
//	}
//
// (An iterator rather than a callback: a *siteView handed to a callback
// escapes to the heap, one allocation per walk on the Check path.)
type siteIter struct {
	r    rd
	left int
	w    siteView // the current website
}

func newSiteIter(blob string, v *subjView) siteIter {
	return siteIter{r: rd{s: blob, i: v.sitesAt}, left: v.nSites}
}

// next decodes the next website into it.w; it returns false after the last.
func (it *siteIter) next() bool {
	if it.left == 0 {
		return false
	}
	it.left--
	r, w := &it.r, &it.w
	w.id = uint32(r.uv())
	w.status = r.byte1()
	l := r.uv()
	w.suffix = l&1 == 1
	w.numRaw = r.n(int(l >> 1))
	w.name = r.str()
	if t := r.uv(); t&1 == 1 {
		w.huForm, w.huRaw = int(t>>1), ""
	} else {
		w.huForm, w.huRaw = -1, r.n(int(t>>1))
	}
	w.nDom = int(r.uv())
	w.domAt = r.i
	for range w.nDom {
		r.uv()
		r.str()
		r.uv()
	}
	w.nIP = int(r.uv())
	w.ipAt = r.i
	for range w.nIP {
		r.uv()
		r.n(int(r.byte1()))
	}
	return true
}

// siteOf returns website w of a blob.
func siteOf(blob string, v *subjView, w uint32) (siteView, bool) {
	for it := newSiteIter(blob, v); it.next(); {
		if it.w.id == w {
			return it.w, true
		}
	}
	return siteView{}, false
}

// domains iterates over a website's domains: entry id, domain, offset of
// the registrable part.
func (w *siteView) domains(blob string, fn func(id uint32, domain string, regOff int) bool) {
	r := rd{s: blob, i: w.domAt}
	for range w.nDom {
		id := uint32(r.uv())
		d := r.str()
		off := int(r.uv())
		if !fn(id, d, off) {
			return
		}
	}
}

// ips iterates over a website's IPs: entry id and byte form (addrKey).
func (w *siteView) ips(blob string, fn func(id uint32, key string) bool) {
	r := rd{s: blob, i: w.ipAt}
	for range w.nIP {
		id := uint32(r.uv())
		k := r.n(int(r.byte1()))
		if !fn(id, k) {
			return
		}
	}
}

func addrFromKey(k string) netip.Addr {
	if len(k) == 4 {
		return netip.AddrFrom4([4]byte([]byte(k)))
	}
	return netip.AddrFrom16([16]byte([]byte(k)))
}
