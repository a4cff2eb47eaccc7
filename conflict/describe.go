package conflict

import (
	"slices"
	"unsafe"
)

// describe turns the hits found under the read lock into conflicts: data
// only (kind, path, domain, the filing's province and the blocking record).
// The texts, steps and materials are rendered when read, by package
// conflict/guidance, so a Check pays for no text it does not show. A
// conflict's strings are the index's own (provinces, numbers, the
// registrable domain) or built once per process (paths of the first
// domains); only a website number stored as subject number and suffix, or
// a path past the first domains, is built here: one heap block holds the
// conflict of a Check that finds one and the bytes of such a number. The
// conflicts are appended to dst (AppendCheck); a nil dst takes that block.
func (ix *Index) describe(dst []Conflict, in *checkInput, hits []hit) []Conflict {
	joined := 0 // bytes of the website numbers to join
	for i := range hits {
		if h := &hits[i]; h.siteSuf != "" {
			joined += len(h.siteNum) + len(h.siteSuf)
		}
	}
	var (
		out []Conflict
		buf []byte
	)
	if dst == nil && len(hits) == 1 && joined <= len(oneConflict{}.num) {
		b := new(oneConflict)
		out, buf = b.c[:], b.num[:0]
	} else {
		n := len(dst)
		dst = slices.Grow(dst, len(hits))[:n+len(hits)]
		out = dst[n:]
		clear(out) // a reused buffer holds former conflicts
		if joined > 0 {
			buf = make([]byte, 0, joined)
		}
	}
	mine := provinceList[in.province].Code
	for i := range hits {
		h := &hits[i]
		c := &out[i]
		c.Kind, c.Path, c.Domain, c.Province = h.kind, pathSubjectCert, h.reg, mine
		c.Blocking.SubjectNumber, c.Blocking.WebsiteNumber = h.subjNum, h.siteNum
		c.Blocking.Province, c.Blocking.Status = provinceList[h.province].Code, statusNames[h.status]
		switch {
		case h.kind == KindSubjectNumberNotProven:
			c.Path = pathSubjectNumber
		case h.site >= 0 && h.site < len(domainPaths) && h.idx < len(domainPaths[0]):
			c.Path = domainPaths[h.site][h.idx]
		case h.site >= 0:
			c.Path = domainPath(h.site, h.idx)
		}
		if h.siteSuf != "" {
			// buf has room for every number: appending never moves it,
			// and the bytes of a number are never written again.
			start := len(buf)
			buf = append(append(buf, h.siteNum...), h.siteSuf...)
			c.Blocking.WebsiteNumber = unsafe.String(&buf[start], len(buf)-start)
		}
	}
	if dst != nil {
		return dst
	}
	return out
}

// oneConflict is the heap block of a Check that finds one conflict: the
// conflict and room for the website number it joins (24 bytes for
// 黔ICP备2026001073号-1), so that the number is not a second allocation.
type oneConflict struct {
	c   [1]Conflict
	num [32]byte
}

// domainPaths are the paths of the first domains of the first websites
// (those of nearly every conflict), built once.
var domainPaths = func() (p [4][8]string) {
	for i := range p {
		for j := range p[i] {
			p[i][j] = domainPath(i, j)
		}
	}
	return p
}()

// pathSubjectCert and pathSubjectNumber are the Paths of the subject
// conflicts.
const (
	pathSubjectCert   = "subject.cert_number"
	pathSubjectNumber = "subject.number"
)
