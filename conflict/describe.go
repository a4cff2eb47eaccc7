package conflict

// describe turns the hits found under the read lock into conflicts: data
// only (kind, path, domain, the filing's province and the blocking record).
// The texts, steps and materials are rendered when read, by package
// conflict/guidance, so a Check pays for no text it does not show. A
// conflict's strings are the index's own (provinces, numbers, the
// registrable domain) or built once per process (paths of the first
// domains); only a website number stored as subject number and suffix, or
// a path past the first domains, is built here.
func (ix *Index) describe(in *checkInput, hits []hit) []Conflict {
	out := make([]Conflict, len(hits))
	mine := provinceList[in.province].Code
	for i := range hits {
		h := &hits[i]
		their := &provinceList[h.province]
		c := &out[i]
		c.Kind, c.Rule, c.Path, c.Domain, c.Province = h.kind, h.kind.Rule(), pathSubjectCert, h.reg, mine
		c.Blocking.SubjectNumber, c.Blocking.WebsiteNumber = h.subjNum, h.siteNum
		c.Blocking.Province, c.Blocking.ProvinceName, c.Blocking.Status = their.Code, their.Name, statusNames[h.status]
		switch {
		case h.kind == KindSubjectNumberNotProven:
			c.Path = pathSubjectNumber
		case h.site >= 0 && h.site < len(domainPaths) && h.idx < len(domainPaths[0]):
			c.Path = domainPaths[h.site][h.idx]
		case h.site >= 0:
			c.Path = domainPath(h.site, h.idx)
		}
		if h.siteSuf != "" {
			c.Blocking.WebsiteNumber = h.siteNum + h.siteSuf
		}
	}
	return out
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
