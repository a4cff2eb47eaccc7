package conflict

import (
	"hash/maphash"
	"strings"
	"sync"

	"github.com/beiankit/beian/filing"
)

// Index holds the national record set in memory and answers Check (R-30,
// ) and the public query.
//
// An Index is safe for concurrent use: any number of readers (Check, Query,
// Lookup) run in parallel and never block each other; writers (Put, Remove,
// Load) are serialised and hold the write lock only while they link one
// already normalised record (microseconds), so a reader sees every record
// either before or after a change, never half of it. The zero Index is not
// usable; call New.
type Index struct {
	mu   sync.RWMutex
	seed maphash.Seed

	// Subjects, by subject id.
	subj     []string // blob; "" for a free id
	subjFree []uint32
	cert     chains[noVal] // subject ids by hash of cert type + certificate number
	num      chains[noVal] // subject ids by hash of subject number
	sname    chains[noVal] // subject ids by hash of NameKey(sponsor name)
	licence  map[string]uint32

	// Websites, by site id.
	siteSubj []uint32 // owning subject id; none for a free id
	siteFree []uint32
	wname    chains[noVal] // site ids by hash of NameKey(website name)

	// Domain entries (one per website domain), by entry id.
	domOwner []domEntry // site and subject ids
	domFree  []uint32
	// dom chains the entries by hash of registrable domain; its head
	// slots hold the record of their first entry's subject (subj[subj]),
	// so that at national scale a Check that meets a domain reads its
	// record after one miss on the head, not after a second on the entry.
	dom chains[string]

	// IP entries (one per website IP), by entry id.
	ipOwner []uint32
	ipFree  []uint32
	ip      chains[noVal] // by hash of addrKey

	// Apps, mini-programs and quick apps (app.go).
	apps appTable

	// contacts is the register of contact claims that Check also asks
	// (WithContacts); nil: none. Set by New only.
	contacts *Contacts

	// Interned nature and certificate type codes.
	internID map[string]uint32
	interned []string

	nSubjects, nSites int
	// sink keeps what touchPrepared loaded (meaningless), under the
	// write lock.
	sink uint64
	// Scratch space of the writer, used under the write lock.
	buf          []byte
	scratchSites []uint32
	scratchDoms  [][]uint32
	scratchIPs   [][]uint32
}

// domEntry is the owner of a domain entry: its website and that website's
// subject, side by side so that a domain hit reaches the subject's record
// without loading the website's owner first (siteSubj[site] is subj). The
// record of the first entry of each domain chain is also in the chain's
// head slot (heads[string]), where a Check finds it.
type domEntry struct{ site, subj uint32 }

// Option configures New.
type Option func(*options)

type options struct {
	subjects, websites int
	contacts           *Contacts
}

// WithCapacity sizes the index for about that many subjects and websites, so
// that a bulk load does not grow its tables step by step.
func WithCapacity(subjects, websites int) Option {
	return func(o *options) { o.subjects, o.websites = max(subjects, 0), max(websites, 0) }
}

// WithContacts makes every Check of the index also check the principals'
// mobiles and e-mail addresses against the register c: the
// conflicts of c.Check are appended to the index's own, in one list, and
// the subject's certificate, which tells the applicant's own contacts from
// another subject's, is normalised once for both. The register is the caller's
// to keep in step (Contacts.Put, Contacts.Remove): the index does not fill
// it from its records, whose contact keys (Record.Subject.ContactKeys)
// are HMAC keys that a Check could only compare after an HMAC per contact.
func WithContacts(c *Contacts) Option {
	return func(o *options) { o.contacts = c }
}

// New returns an empty index.
func New(opts ...Option) *Index {
	var o options
	for _, f := range opts {
		f(&o)
	}
	return &Index{
		seed:     maphash.MakeSeed(),
		subj:     make([]string, 0, o.subjects),
		siteSubj: make([]uint32, 0, o.websites),
		domOwner: make([]domEntry, 0, o.websites),
		ipOwner:  make([]uint32, 0, o.websites),
		cert:     newChains(o.subjects, false),
		num:      newChains(o.subjects, false),
		sname:    newChains(o.subjects, true),
		wname:    newChains(o.websites, true),
		dom:      newRecordChains(o.websites),
		ip:       newChains(o.websites/8, true), // shared hosting: many websites per IP
		licence:  map[string]uint32{},
		internID: map[string]uint32{},
		apps:     newAppTable(),
		contacts: o.contacts,
	}
}

// Len returns the number of subjects and websites in the index (every
// status it keeps, not only approved ones).
func (ix *Index) Len() (subjects, websites int) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.nSubjects, ix.nSites
}

// Put adds a record or replaces the record on file for the same subject
// (same certificate type and number, or same subject number). A record whose
// subject status is cancelled or deleted removes the subject; draft,
// cancelled and deleted websites are left out. A record that fails its
// checks (unknown province, malformed or public-suffix domain, duplicate
// domain, website number not under the subject number, ...) returns an
// error wrapping ErrBadRecord whose cause is a *filing.ValidationError
// listing every problem; the index is unchanged.
func (ix *Index) Put(r Record) error {
	p, drop, err := prepare(&r, ix.seed)
	if err != nil {
		return errorf(ErrBadRecord, "", "", err)
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.apply(&p, drop)
}

// apply links a prepared record; the caller holds the write lock.
func (ix *Index) apply(p *prepared, drop bool) error {
	// The hashes were computed with the record, outside the lock.
	byCert := ix.findCertHashed(p.hCert, p.certType, p.cert)
	byNum := none
	if p.number != "" {
		byNum = ix.findNumHashed(p.hNum, p.number)
	}
	if byCert != none && byNum != none && byCert != byNum {
		return errorf(ErrNumberTaken, p.number, p.number, nil)
	}
	old := byCert
	if old == none {
		old = byNum
	}
	if old != none {
		ix.unlink(old)
	}
	if !drop {
		ix.link(p)
	}
	return nil
}

// Remove removes what is on file under a record number: a subject number
// removes the subject with all its websites, a website number removes that
// website only. It returns an error matching ErrNotFound when nothing is on
// file under the number.
func (ix *Index) Remove(number string) error {
	n := numberKey(number)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	subjNum, _, isSite := splitWebsiteNumber(n)
	s := ix.findNum(subjNum)
	if s == none {
		return notFound(number)
	}
	if !isSite {
		ix.unlink(s)
		return nil
	}
	p := ix.toPrepared(s)
	for i := range p.sites {
		if p.sites[i].number == n {
			p.sites = append(p.sites[:i], p.sites[i+1:]...)
			ix.unlink(s)
			ix.link(&p)
			return nil
		}
	}
	return notFound(number)
}

// RemoveCert removes the subject on file with a certificate (the way to
// remove a filing that has no number yet).
func (ix *Index) RemoveCert(t filing.CertType, n filing.IDNumber) error {
	c := certKey(t, n.Raw())
	ix.mu.Lock()
	defer ix.mu.Unlock()
	s := ix.findCert(string(t), c)
	if s == none {
		return NotOnFile()
	}
	ix.unlink(s)
	return nil
}

// Lookup returns what is on file under a record number: for a subject number
// the whole record, for a website number the subject with that website only.
// The result carries the certificate number (for the bureau; the public
// query never does). It returns an error matching ErrNotFound when nothing is
// on file under the number. It holds what the index keeps, which is what a
// Check reads: no approval instants, access periods or restricted flags.
// A record to change and put back is the store's (Store.Get,
// Replica.ClaimChange).
func (ix *Index) Lookup(number string) (Record, error) {
	n := numberKey(number)
	subjNum, _, isSite := splitWebsiteNumber(n)
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	s := ix.findNum(subjNum)
	if s == none {
		return Record{}, notFound(number)
	}
	r := ix.toRecord(s)
	if !isSite {
		return r, nil
	}
	for _, w := range r.Websites {
		if w.Number == n {
			r.Websites = []WebsiteRecord{w}
			return r, nil
		}
	}
	return Record{}, notFound(number)
}

// LookupCert returns the record on file for a subject certificate.
func (ix *Index) LookupCert(t filing.CertType, n filing.IDNumber) (Record, error) {
	c := certKey(t, n.Raw())
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	s := ix.findCert(string(t), c)
	if s == none {
		return Record{}, NotOnFile()
	}
	return ix.toRecord(s), nil
}

func notFound(number string) error {
	return errorf(ErrNotFound, "备案号“"+number+"”", "number "+number, nil)
}

// --- internals (callers hold the lock) ------------------------------------------

func (ix *Index) intern(s string) uint32 {
	if id, ok := ix.internID[s]; ok {
		return id
	}
	id := uint32(len(ix.interned))
	ix.interned = append(ix.interned, s)
	ix.internID[s] = id
	return id
}

func (ix *Index) internedName(id uint32) string {
	if int(id) < len(ix.interned) {
		return ix.interned[id]
	}
	return ""
}

func alloc[T any](arr *[]T, free *[]uint32, zero T) uint32 {
	if n := len(*free); n > 0 {
		id := (*free)[n-1]
		*free = (*free)[:n-1]
		return id
	}
	*arr = append(*arr, zero)
	return uint32(len(*arr) - 1)
}

// link adds a prepared record under new ids.
func (ix *Index) link(p *prepared) {
	s := alloc(&ix.subj, &ix.subjFree, "")
	n := len(p.sites)
	for len(ix.scratchSites) < n {
		ix.scratchSites = append(ix.scratchSites, 0)
		ix.scratchDoms = append(ix.scratchDoms, nil)
		ix.scratchIPs = append(ix.scratchIPs, nil)
	}
	siteIDs, domIDs, ipIDs := ix.scratchSites[:n], ix.scratchDoms[:n], ix.scratchIPs[:n]
	for i := range p.sites {
		ps := &p.sites[i]
		w := alloc(&ix.siteSubj, &ix.siteFree, none)
		ix.siteSubj[w] = s
		siteIDs[i] = w
		ix.wname.add(ps.hName, w)
		domIDs[i] = domIDs[i][:0]
		for range ps.domains {
			d := alloc(&ix.domOwner, &ix.domFree, domEntry{none, none})
			ix.domOwner[d] = domEntry{site: w, subj: s}
			domIDs[i] = append(domIDs[i], d) // chained below, with the record
		}
		ipIDs[i] = ipIDs[i][:0]
		for j := range ps.ips {
			e := alloc(&ix.ipOwner, &ix.ipFree, none)
			ix.ipOwner[e] = w
			ix.ip.add(ps.hIPs[j], e)
			ipIDs[i] = append(ipIDs[i], e)
		}
	}
	blob := encodeBlob(p, ix.intern(p.nature), ix.intern(p.certType), siteIDs, domIDs, ipIDs, &ix.buf)
	ix.subj[s] = blob
	for i := range p.sites {
		for j, d := range domIDs[i] {
			ix.dom.addVal(p.sites[i].domains[j].hReg, d, blob)
		}
	}
	ix.cert.add(p.hCert, s)
	if p.number != "" {
		ix.num.add(p.hNum, s)
	}
	ix.sname.add(p.hName, s)
	if p.licence != "" {
		// The key outlives the record: a copy, not a string of the caller's.
		ix.licence[strings.Clone(p.licence)] = s
	}
	ix.nSubjects++
	ix.nSites += len(p.sites)
	ix.linkApps(s, p)
}

// touchPrepared loads the home slots of the keys p will be linked under
// and returns a number that depends on them (see load).
func (ix *Index) touchPrepared(p *prepared) uint64 {
	x := ix.cert.head.peek(p.hCert) + ix.sname.head.peek(p.hName)
	if p.number != "" {
		x += ix.num.head.peek(p.hNum)
	}
	for i := range p.sites {
		ps := &p.sites[i]
		x += ix.wname.head.peek(ps.hName)
		for j := range ps.domains {
			x += ix.dom.head.peek(ps.domains[j].hReg)
		}
		for _, h := range ps.hIPs {
			x += ix.ip.head.peek(h)
		}
	}
	return x
}

// unlink removes subject s and frees its ids.
func (ix *Index) unlink(s uint32) {
	ix.unlinkApps(s)
	blob := ix.subj[s]
	v := viewSubject(blob)
	for it := newSiteIter(blob, &v); it.next(); {
		w := &it.w
		ix.wname.remove(hash32(ix.seed, NameKey(w.name)), w.id)
		w.domains(blob, func(id uint32, d string, off int) bool {
			h := hash32(ix.seed, d[off:])
			if head, at := ix.dom.remove(h, id); head != none {
				ix.dom.head.slots[at].val = ix.subj[ix.domOwner[head].subj]
			}
			ix.domOwner[id] = domEntry{none, none}
			ix.domFree = append(ix.domFree, id)
			return true
		})
		w.ips(blob, func(id uint32, k string) bool {
			ix.ip.remove(hash32(ix.seed, k), id)
			ix.ipOwner[id] = none
			ix.ipFree = append(ix.ipFree, id)
			return true
		})
		ix.siteSubj[w.id] = none
		ix.siteFree = append(ix.siteFree, w.id)
		ix.nSites--
	}
	ix.cert.remove(certHash(ix.seed, ix.internedName(v.certTypeID), v.cert), s)
	if v.number != "" {
		ix.num.remove(hash32(ix.seed, v.number), s)
	}
	ix.sname.remove(hash32(ix.seed, NameKey(v.name)), s)
	if v.licence != "" && ix.licence[v.licence] == s {
		delete(ix.licence, v.licence)
	}
	ix.subj[s] = ""
	ix.subjFree = append(ix.subjFree, s)
	ix.nSubjects--
}

// findCert returns the subject with a certificate, or none.
func (ix *Index) findCert(certType, cert string) uint32 {
	return ix.findCertHashed(certHash(ix.seed, certType, cert), certType, cert)
}

// findCertHashed is findCert with the certHash of the certificate.
func (ix *Index) findCertHashed(h uint32, certType, cert string) uint32 {
	for s := ix.cert.first(h); s != none; s = ix.cert.next[s] {
		v := viewSubject(ix.subj[s])
		if v.cert == cert && ix.internedName(v.certTypeID) == certType {
			return s
		}
	}
	return none
}

// findNum returns the subject with a (normalised) subject number, or none.
func (ix *Index) findNum(n string) uint32 {
	if n == "" {
		return none
	}
	return ix.findNumHashed(hash32(ix.seed, n), n)
}

// findNumHashed is findNum with the hash32 of the number.
func (ix *Index) findNumHashed(h uint32, n string) uint32 {
	for s := ix.num.first(h); s != none; s = ix.num.next[s] {
		if viewSubject(ix.subj[s]).number == n {
			return s
		}
	}
	return none
}

// findSite returns the subject and site id of a normalised website number.
func (ix *Index) findSite(n string) (subject, site uint32) {
	subjNum, _, ok := splitWebsiteNumber(n)
	if !ok {
		return none, none
	}
	s := ix.findNum(subjNum)
	if s == none {
		return none, none
	}
	blob := ix.subj[s]
	v := viewSubject(blob)
	for it := newSiteIter(blob, &v); it.next(); {
		if it.w.numberIs(v.number, n) {
			return s, it.w.id
		}
	}
	return none, none
}

// toPrepared decodes subject s back into its prepared form (hashes
// recomputed), to re-link it with a change.
func (ix *Index) toPrepared(s uint32) prepared {
	blob := ix.subj[s]
	v := viewSubject(blob)
	p := prepared{
		province: v.province, status: v.status,
		nature: ix.internedName(v.natureID), certType: ix.internedName(v.certTypeID),
		number: v.number, licence: v.licence, name: v.name, cert: v.cert,
	}
	p.hCert = certHash(ix.seed, p.certType, p.cert)
	p.hNum = hash32(ix.seed, p.number)
	p.hName = hash32(ix.seed, NameKey(p.name))
	it := newSiteIter(blob, &v)
	for it.next() {
		w := &it.w
		ps := prepSite{status: w.status, number: w.number(v.number), name: w.name, homeURL: w.homeURL(blob)}
		ps.hName = hash32(ix.seed, NameKey(ps.name))
		w.domains(blob, func(_ uint32, d string, off int) bool {
			ps.domains = append(ps.domains, prepDomain{domain: d, regOff: off, hReg: hash32(ix.seed, d[off:])})
			return true
		})
		w.ips(blob, func(_ uint32, k string) bool {
			ps.ips = append(ps.ips, addrFromKey(k))
			ps.hIPs = append(ps.hIPs, hash32(ix.seed, k))
			return true
		})
		p.sites = append(p.sites, ps)
	}
	p.contacts = contactKeys(&it.r)
	p.apps = ix.preparedApps(s)
	return p
}

// toRecord decodes subject s into a Record (copies, safe to keep).
func (ix *Index) toRecord(s uint32) Record {
	blob := ix.subj[s]
	v := viewSubject(blob)
	r := Record{Subject: SubjectRecord{
		Number: v.number, Licence: v.licence, Province: provinceList[v.province].Code,
		Name: v.name, Nature: filing.Nature(ix.internedName(v.natureID)),
		CertType: filing.CertType(ix.internedName(v.certTypeID)), CertNumber: filing.IDNumber(v.cert),
		Status: statusNames[v.status],
	}}
	it := newSiteIter(blob, &v)
	for it.next() {
		w := &it.w
		wr := WebsiteRecord{Number: w.number(v.number), Name: w.name, HomeURL: w.homeURL(blob), Status: statusNames[w.status]}
		w.domains(blob, func(_ uint32, d string, _ int) bool {
			wr.Domains = append(wr.Domains, d)
			return true
		})
		w.ips(blob, func(_ uint32, k string) bool {
			wr.IPs = append(wr.IPs, addrFromKey(k))
			return true
		})
		r.Websites = append(r.Websites, wr)
	}
	for _, k := range contactKeys(&it.r) { // new strings: no clone needed
		r.Subject.ContactKeys = append(r.Subject.ContactKeys, k.String())
	}
	r = cloneRecord(r)
	r.Apps = ix.appRecords(s)
	return r
}

// cloneRecord copies the strings of r out of the blob, so that a kept
// Record does not pin a replaced blob in memory.
func cloneRecord(r Record) Record {
	c := func(s string) string { return string(append([]byte(nil), s...)) }
	r.Subject.Number, r.Subject.Licence, r.Subject.Name = c(r.Subject.Number), c(r.Subject.Licence), c(r.Subject.Name)
	r.Subject.CertNumber = filing.IDNumber(c(string(r.Subject.CertNumber)))
	for i := range r.Websites {
		w := &r.Websites[i]
		w.Number, w.Name, w.HomeURL = c(w.Number), c(w.Name), c(w.HomeURL)
		for j := range w.Domains {
			w.Domains[j] = c(w.Domains[j])
		}
	}
	return r
}

// trim releases the spare capacity of the id arrays after a bulk load.
func (ix *Index) trim() {
	ix.subj = trimmed(ix.subj)
	ix.siteSubj = trimmed(ix.siteSubj)
	ix.domOwner = trimmed(ix.domOwner)
	ix.ipOwner = trimmed(ix.ipOwner)
	for _, c := range []*chains[noVal]{&ix.cert, &ix.num, &ix.sname, &ix.wname, &ix.ip} {
		c.trim()
	}
	ix.dom.trim()
	ix.apps.trim() // app.go
}
