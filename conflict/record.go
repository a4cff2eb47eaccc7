package conflict

import (
	"fmt"
	"hash/maphash"
	"net/netip"
	"strconv"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/filing/record"
)

// Record is what the filing system has on file for one subject: the subject
// with its websites and apps (record.Record; the alias keeps conflict's
// API). It is the unit of Put: putting a record replaces everything on
// file for that subject.
//
// A record is identified by its subject certificate (type and number; one
// subject ↔ one certificate, as the filing system keys subjects) and, once
// approved, by its subject number. Records of filings that are still under
// review or were returned (rejected) have no numbers; they are kept so that
// conflicts against them are found. A cancelled or deleted subject
// is not kept: Put removes it; draft, cancelled and deleted websites and
// apps are not kept either.
//
// The index keeps what its checks and the public query read: numbers,
// licence, province, names, nature, certificate, domains, home URLs, IPs,
// statuses and app identifiers. Approval instants, access periods and the
// restricted flag are the shell classification's and are not kept (a
// record Lookup returns has none). record.Of turns a filing into its
// Record.
type Record = record.Record

// SubjectRecord is the subject part of a Record (record.Subject).
type SubjectRecord = record.Subject

// WebsiteRecord is one website of a Record (record.Website). Its Domains
// are taken in any spelling NormalizeDomain accepts and stored as
// lower-case A-labels.
type WebsiteRecord = record.Website

// Limits on one record, so that one bad record cannot blow up the index.
const (
	maxWebsites = 10000
	maxDomains  = 1000
	maxIPs      = 10000
)

// prepared is a record normalised, checked and hashed, ready to be linked
// into the index under the write lock.
type prepared struct {
	province byte // index into filing.Provinces()
	status   byte
	nature   string
	certType string
	number   string // numberKey
	licence  string // numberKey
	name     string // NormalizeText
	cert     string // certKey
	hCert    uint32
	hNum     uint32
	hName    uint32
	sites    []prepSite
	apps     []prepApp
	contacts []Key // the subject's contact keys, for RecordKeys only
}

type prepSite struct {
	status  byte
	number  string // numberKey, full
	name    string
	homeURL string
	hName   uint32
	domains []prepDomain
	ips     []netip.Addr
	hIPs    []uint32
}

type prepDomain struct {
	domain string // lower-case A-label
	regOff int    // domain[regOff:] is the registrable domain
	hReg   uint32
}

// provinceIndex maps GB/T 2260 codes to a byte.
var (
	provinceList  = filing.Provinces()
	provinceIndex = func() map[string]byte {
		m := make(map[string]byte, len(provinceList))
		for i, p := range provinceList {
			m[p.Code] = byte(i)
		}
		return m
	}()
	// provinceByCode is provinceIndex for a code of two digits, the
	// form of nearly every filing: index+1, 0 for none.
	provinceByCode = func() (t [100]byte) {
		for i, p := range provinceList {
			if n, ok := twoDigits(p.Code); ok {
				t[n] = byte(i + 1)
			}
		}
		return t
	}()
)

// lookupProvince returns the index of the province of GB/T 2260 code s
// (surrounding spaces ignored). A code of two digits is looked up in a
// table, not hashed: it is on the path of every Check.
func lookupProvince(s string) (byte, bool) {
	if n, ok := twoDigits(s); ok {
		if x := provinceByCode[n]; x != 0 {
			return x - 1, true
		}
		return 0, false
	}
	pi, ok := provinceIndex[strings.TrimSpace(s)]
	return pi, ok
}

// twoDigits returns the number written by s when s is two ASCII digits.
func twoDigits(s string) (int, bool) {
	if len(s) != 2 || s[0]-'0' > 9 || s[1]-'0' > 9 {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}

// certHash is the hash of a certificate in the certificate chain: hash32 of
// certType + "\x00" + cert, computed without building that string (it is
// computed on every Check and every record loaded). maphash hashes the
// sequence of bytes written, however it is split into writes.
func certHash(seed maphash.Seed, certType, cert string) uint32 {
	var h maphash.Hash
	h.SetSeed(seed)
	h.WriteString(certType)
	h.WriteByte(0)
	h.WriteString(cert)
	x := h.Sum64()
	return uint32(x) ^ uint32(x>>32)
}

// normDomain returns the normalised domain and the offset of its registrable
// part (domain.RegistrableDomain: the approved-suffix table's own suffixes
// and the ICANN section of the public suffix list only).
func normDomain(s string) (string, int, error) {
	d, err := domain.NormalizeDomain(s)
	if err != nil {
		return "", 0, err
	}
	// domain.RegistrableDomain of the normalised domain, without
	// normalising it again.
	reg, err := domain.RegistrableASCII(d)
	if err != nil {
		return "", 0, err
	}
	return d, len(d) - len(reg), nil
}

// prepare normalises and checks a record. Every problem is listed in one
// *filing.ValidationError with JSON paths ("websites[0].domains[1]").
// drop reports a record whose subject is cancelled or deleted (Put removes
// it).
func prepare(r *Record, seed maphash.Seed) (p prepared, drop bool, err error) {
	drop, err = prepareInto(&p, r, seed)
	return p, drop, err
}

// prepareInto is prepare writing into p. It reuses the slices of p from an
// earlier record (a bulk load prepares millions of records into the same
// few batches; nothing of p is kept once it is linked).
func prepareInto(p *prepared, r *Record, seed maphash.Seed) (drop bool, err error) {
	*p = prepared{sites: p.sites[:0], apps: p.apps[:0], contacts: p.contacts[:0]}
	var probs problemList
	s := &r.Subject
	pi, ok := lookupProvince(s.Province)
	if !ok {
		probs = append(probs, problem(CodeProvinceUnknown, "", "subject.province", "省份",
			fmt.Sprintf("省份代码“%s”不正确，应为两位GB/T 2260省级代码（如贵州为52）", s.Province),
			fmt.Sprintf("province %q is not a GB/T 2260 province code of the 31 bureaus", s.Province)))
	}
	p.province = pi
	st, ok := statusCode(s.Status)
	if !ok {
		probs = append(probs, problem(CodeStatusUnknown, "", "subject.status", "主体状态",
			"主体状态不正确", fmt.Sprintf("unknown subject status %q", s.Status)))
	}
	var isSite bool
	p.number, _, isSite = numberKeySplit(s.Number)
	if isSite {
		probs = append(probs, problem(CodeWebsiteNumber, "R-40", "subject.number", "主体备案号",
			"主体备案号不应带网站序号（如“-1”）", "a subject number has no website suffix"))
	}
	if st == stNone && p.number != "" {
		st = stApproved
	}
	if st == stNone || (filed(st) && p.number == "") {
		probs = append(probs, problem(CodeNumberMissing, "R-40", "subject.number", "主体备案号",
			"已备案的主体应有主体备案号；未备案的记录请注明状态", "an approved subject needs its number; a record without a number needs its status"))
	}
	p.status = st
	p.licence = numberKey(s.Licence)
	p.name = normText(s.Name)
	p.nature = string(s.Nature)
	p.certType = string(s.CertType)
	if s.CertType == "" || strings.TrimSpace(s.CertNumber.Raw()) == "" {
		probs = append(probs, problem(CodeCertMissing, "R-31", "subject.cert_number", "主办单位证件号码",
			"主办单位证件类型和证件号码不能为空", "subject certificate type and number are required"))
	} else {
		p.cert = certKey(s.CertType, s.CertNumber.Raw())
	}
	probs = prepareContactKeys(p, s.ContactKeys, probs)
	// apply looks the record up by these (a dropped record too).
	p.hCert = certHash(seed, p.certType, p.cert)
	p.hNum = hash32(seed, p.number)
	if gone(st) {
		return true, probs.err()
	}
	if len(r.Websites) > maxWebsites {
		probs = append(probs, problem(CodeTooLarge, "", "websites", "网站", "网站数量过多", "too many websites in one record"))
		return false, probs.err()
	}
	if cap(p.sites) < len(r.Websites) {
		p.sites = make([]prepSite, 0, len(r.Websites))
	}
	for i := range r.Websites {
		w := &r.Websites[i]
		path := func() string { return "websites[" + strconv.Itoa(i) + "]" } // for problems only
		wst, ok := statusCode(w.Status)
		if !ok {
			probs = append(probs, problem(CodeStatusUnknown, "", path()+".status", "网站状态",
				"网站状态不正确", fmt.Sprintf("unknown website status %q", w.Status)))
		}
		num, subj, isSite := numberKeySplit(w.Number)
		ps := prepSite{number: num}
		if n := len(p.sites); n < cap(p.sites) {
			// The slot that append below fills held a website of an
			// earlier record: reuse its slices.
			old := p.sites[:n+1][n]
			ps.domains, ps.ips, ps.hIPs = old.domains[:0], old.ips[:0], old.hIPs[:0]
		}
		if wst == stNone && ps.number != "" {
			wst = stApproved
		}
		if wst == stNone || (filed(wst) && ps.number == "") {
			probs = append(probs, problem(CodeNumberMissing, "R-40", path()+".number", "网站备案号",
				"已备案的网站应有网站备案号；未备案的网站请注明状态", "an approved website needs its number; a website without a number needs its status"))
		}
		if gone(wst) {
			continue
		}
		ps.status = wst
		if ps.number != "" && (!isSite || subj != p.number) {
			probs = append(probs, problem(CodeWebsiteNumber, "R-40", path()+".number", "网站备案号",
				"网站备案号应为主体备案号加“-序号”", "a website number is the subject number plus a -N suffix"))
		}
		ps.name = normText(w.Name)
		ps.hName = hash32(seed, NameKey(ps.name))
		ps.homeURL = normText(w.HomeURL)
		if len(w.Domains) > maxDomains || len(w.IPs) > maxIPs {
			probs = append(probs, problem(CodeTooLarge, "", path(), "网站", "域名或IP数量过多", "too many domains or IPs in one website"))
			continue
		}
		for j, raw := range w.Domains {
			dpath := func() string { return path() + ".domains[" + strconv.Itoa(j) + "]" }
			d, off, err := normDomain(raw)
			if err != nil {
				probs = append(probs, at(err, dpath(), "网站域名"))
				continue
			}
			if prev := findDomain(p.sites, &ps, d); prev != "" {
				probs = append(probs, dupDomain(d, dpath(), prev))
				continue
			}
			ps.domains = append(ps.domains, prepDomain{domain: d, regOff: off, hReg: hash32(seed, d[off:])})
		}
		for j, a := range w.IPs {
			if !a.IsValid() {
				probs = append(probs, problem(CodeIPInvalid, "", fmt.Sprintf("%s.ips[%d]", path(), j), "网站IP地址",
					"IP地址不正确", "invalid IP address"))
				continue
			}
			a = a.Unmap().WithZone("")
			if containsAddr(ps.ips, a) {
				continue
			}
			ps.ips = append(ps.ips, a)
			ps.hIPs = append(ps.hIPs, hashAddr(seed, a))
		}
		p.sites = append(p.sites, ps)
	}
	probs = prepareApps(p, r, seed, probs)
	probs = serviceSuffixes(r, probs)
	if len(probs) > 0 {
		return false, probs.err()
	}
	p.hName = hash32(seed, NameKey(p.name))
	return false, nil
}

// findDomain returns the path of domain d among the websites prepared so
// far (and the current one), or "".
func findDomain(done []prepSite, cur *prepSite, d string) string {
	for i := range done {
		for j := range done[i].domains {
			if done[i].domains[j].domain == d {
				return "websites[" + strconv.Itoa(i) + "].domains[" + strconv.Itoa(j) + "]"
			}
		}
	}
	for j := range cur.domains {
		if cur.domains[j].domain == d {
			return "websites[" + strconv.Itoa(len(done)) + "].domains[" + strconv.Itoa(j) + "]"
		}
	}
	return ""
}

func dupDomain(d, path, prev string) *filing.Problem {
	u := domain.DomainUnicode(d)
	return problem(CodeDomainDuplicate, "R-09", path, "网站域名",
		fmt.Sprintf("域名“%s”重复填写（与%s相同）", u, prev),
		fmt.Sprintf("domain %s is given twice (also at %s)", d, prev))
}

func containsAddr(l []netip.Addr, a netip.Addr) bool {
	for _, b := range l {
		if a == b {
			return true
		}
	}
	return false
}

// addrKey is the byte form of an address as it is stored and hashed: 4 bytes
// for IPv4, 16 for IPv6.
func addrKey(a netip.Addr) string {
	if a.Is4() {
		b := a.As4()
		return string(b[:])
	}
	b := a.As16()
	return string(b[:])
}

func hashAddr(seed maphash.Seed, a netip.Addr) uint32 {
	if a.Is4() {
		b := a.As4()
		h := maphash.Bytes(seed, b[:])
		return uint32(h) ^ uint32(h>>32)
	}
	b := a.As16()
	h := maphash.Bytes(seed, b[:])
	return uint32(h) ^ uint32(h>>32)
}

// maxContactKeys bounds the contact keys of one record: a mobile and an
// e-mail address for the subject's principal and for each website's and
// app's.
const maxContactKeys = 2 * (1 + maxWebsites + maxApps)

// prepareContactKeys checks a record's contact keys and keeps them
// in p.contacts: each "mobile:" or "email:" and the 32 lower-case
// hexadecimal digits of a ContactKeyer's hash. Anything else is refused
// without repeating the value, which may be a contact typed where its key
// belongs.
func prepareContactKeys(p *prepared, keys []string, probs problemList) problemList {
	if len(keys) > maxContactKeys {
		return append(probs, problem(CodeTooLarge, "R-94", "subject.contact_keys", "联系方式校验值", "联系方式校验值数量过多", "too many contact keys in one record"))
	}
	for i, v := range keys {
		k, ok := parseContactKey(v)
		if !ok {
			probs = append(probs, problem(CodeContactKey, "", "subject.contact_keys["+strconv.Itoa(i)+"]", "联系方式校验值",
				CodeContactKey.MessageZh(), CodeContactKey.MessageEn()))
			continue
		}
		p.contacts = append(p.contacts, k)
	}
	return probs
}

// parseContactKey reads a contact key as Stamp writes it.
func parseContactKey(v string) (Key, bool) {
	kind, hexPart, _ := strings.Cut(v, ":")
	if (kind != string(KeyMobile) && kind != string(KeyEmail)) || len(hexPart) != 32 {
		return Key{}, false
	}
	for i := 0; i < len(hexPart); i++ {
		if c := hexPart[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return Key{}, false
		}
	}
	return Key{KeyKind(kind), hexPart}, true
}
