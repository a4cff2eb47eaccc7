package change

import (
	"slices"
	"strconv"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
)

// Op is what happened to a field.
type Op string

// Ops.
const (
	OpAdded    Op = "added"
	OpRemoved  Op = "removed"
	OpModified Op = "modified"
)

// Area is the part of a filing a change belongs to; it decides who verifies
// again and whether the face check is repeated.
type Area string

// Areas.
const (
	AreaSubject Area = "subject" // 主体信息
	AreaWebsite Area = "website" // 网站信息
	AreaAccess  Area = "access"  // 接入信息
	// AreaApp is an app's, mini-program's or quick app's own fields (应用信息,
	// ); the access records of an app are AreaAccess with App set.
	AreaApp Area = "app"
)

// Change is one changed field. It holds no values (the old and new values
// may be personal data): read them from the filings by Path.
type Change struct {
	// Path is the field path in JSON terms, e.g. "subject.principal.mobile",
	// "websites[1].domains[0]". Websites are indexed in the new filing, or
	// in the old one for a removed website; the index of a removed domain
	// or access record is its index in the old website.
	Path string `json:"path"`
	// Label is the Chinese label of the field.
	Label string `json:"label"`
	Op    Op     `json:"op"`
	Area  Area   `json:"area"`
	// Website is the index of the website in the new filing (in the old one
	// for OpRemoved), or -1 for the subject.
	Website int `json:"website"`
	// Identity is true for a field whose change repeats the identity check:
	// the subject's name, nature, certificate and legal representative, and
	// the name and certificate of a responsible person.
	Identity bool `json:"identity,omitempty"`
	// App is true for a change of an app (path "apps[i]…"): Website then
	// indexes Filing.Apps, in the new filing (in the old one for OpRemoved).
	App bool `json:"app,omitempty"`
}

// Set is the change set between a filed record and its changed version.
type Set struct {
	Changes []Change `json:"changes"`
}

// Empty reports whether nothing changed.
func (s Set) Empty() bool { return len(s.Changes) == 0 }

// Has reports whether the field at path changed.
func (s Set) Has(path string) bool {
	return slices.ContainsFunc(s.Changes, func(c Change) bool { return c.Path == path })
}

// Touches reports whether any change is in area a.
func (s Set) Touches(a Area) bool {
	return slices.ContainsFunc(s.Changes, func(c Change) bool { return c.Area == a })
}

type differ struct {
	set     Set
	website int
	area    Area
	app     bool
}

func (d *differ) add(path, label string, op Op, identity bool) {
	d.set.Changes = append(d.set.Changes, Change{Path: path, Label: label, Op: op, Area: d.area, Website: d.website, Identity: identity, App: d.app})
}

// str reports the change of a text field; values compare by
// filing.NormalizeText (spaces around and doubled, full-width forms), as
// filing.NormalizeFiling stores them.
func (d *differ) str(prefix, field, label, a, b string, identity bool) {
	if a == b {
		return
	}
	d.norm(prefix, field, label, filing.NormalizeText(a), filing.NormalizeText(b), identity)
}

// cert reports the change of a certificate number: numbers compare by
// certKey.
func (d *differ) cert(prefix, field, label string, ta filing.CertType, a filing.IDNumber, tb filing.CertType, b filing.IDNumber, identity bool) {
	if a == b {
		return
	}
	d.norm(prefix, field, label, certKey(ta, a.Raw()), certKey(tb, b.Raw()), identity)
}

// certKey is the certificate number s of type t as compared:
// certno.NormalizeCertNumber's form (full-width folded, spaces removed,
// letters upper-cased), or, for a number that does not parse as its type,
// the same folding done without the check.
func certKey(t filing.CertType, s string) string {
	if s == "" {
		return ""
	}
	if n, err := certno.NormalizeCertNumber(filing.CertType(filing.NormalizeText(string(t))), s); err == nil {
		return n.Raw()
	}
	return strings.ToUpper(strings.ReplaceAll(filing.NormalizeText(s), " ", ""))
}

// norm reports the change of a field whose values a and b are normalised.
func (d *differ) norm(prefix, field, label, a, b string, identity bool) {
	if a == b {
		return
	}
	op := OpModified
	switch {
	case a == "":
		op = OpAdded
	case b == "":
		op = OpRemoved
	}
	d.add(prefix+field, label, op, identity)
}

// Diff compares a filed record (old) with its changed version (new) and
// returns every changed field (R-08: changed subject facts are filed as a
// change). Websites are matched by record number (a number given twice
// matches in order); a website of new without a number is an addition
// (OpAdded at "websites[i]"), a numbered website missing from new is
// OpRemoved. Access records of a website are matched by ISP and start,
// then by ISP (accessPairs), never by position: a record of a new ISP is
// OpAdded at "websites[i].access[k]" (k in new), a record of an ISP that
// is gone OpRemoved (k in old), and only matched records are compared
// field by field.
//
// Values are compared normalised, so that the same value typed otherwise
// (spaces around, full-width forms, a lower-case check letter) is no
// change: text fields (names, addresses, the legal representative, ...)
// by filing.NormalizeText, certificate numbers by
// certno.NormalizeCertNumber of their type (a number that does not parse
// by the same folding without the check), ISPs by NormalizeText with ASCII
// case folded. The filings are not modified. Statuses and record numbers
// are the lifecycle's and are not compared, nor are the start and end
// of an access record (Since, Until: the lifecycle's 新增接入 and 取消接入).
// Apps are compared as websites are (see apps): no filed field of an app
// changes unseen. Diff fails only on a nil
// filing (CodeNil); whether the changes are allowed is Check's.
func Diff(old, new *filing.Filing) (Set, error) {
	if old == nil || new == nil {
		return Set{}, filing.NewProblem(CodeNil)
	}
	d := &differ{website: -1, area: AreaSubject}
	os, ns := &old.Subject, &new.Subject
	d.str("subject.", "province", "主办单位所在省", os.Province, ns.Province, true)
	d.str("subject.", "name", "主办单位名称", os.Name, ns.Name, true)
	d.norm("subject.", "nature", "主办单位性质", natureKey(os.Nature), natureKey(ns.Nature), true)
	d.str("subject.", "cert_type", "主办单位证件类型", string(os.CertType), string(ns.CertType), true)
	d.cert("subject.", "cert_number", "主办单位证件号码", os.CertType, os.CertNumber, ns.CertType, ns.CertNumber, true)
	d.str("subject.", "cert_address", "主办单位证件住所", os.CertAddress, ns.CertAddress, true)
	d.str("subject.", "address", "主办单位通信地址", os.Address, ns.Address, false)
	d.str("subject.", "legal_representative", "法定代表人", os.LegalRepresentative, ns.LegalRepresentative, true)
	d.str("subject.", "remarks", "备注", os.Remarks, ns.Remarks, false)
	d.person("subject.principal.", &os.Principal, &ns.Principal)

	byNumber := make(map[string][]int, len(old.Websites))
	for i := range old.Websites {
		if n := old.Websites[i].Number; n != "" {
			byNumber[n] = append(byNumber[n], i)
		}
	}
	matched := make([]bool, len(old.Websites))
	for i := range new.Websites {
		nw := &new.Websites[i]
		prefix := "websites[" + strconv.Itoa(i) + "]"
		d.website, d.area = i, AreaWebsite
		olds := byNumber[nw.Number]
		if nw.Number == "" || len(olds) == 0 {
			d.add(prefix, "网站", OpAdded, false)
			continue
		}
		j := olds[0]
		byNumber[nw.Number] = olds[1:]
		matched[j] = true
		d.websiteDiff(prefix+".", &old.Websites[j], nw)
	}
	for j := range old.Websites {
		if !matched[j] && old.Websites[j].Number != "" {
			d.website, d.area = j, AreaWebsite
			d.add("websites["+strconv.Itoa(j)+"]", "网站", OpRemoved, false)
		}
	}
	d.apps(old.Apps, new.Apps)
	return d.set, nil
}

func (d *differ) person(prefix string, a, b *filing.Person) {
	d.str(prefix, "name", "负责人姓名", a.Name, b.Name, true)
	d.str(prefix, "cert_type", "负责人证件类型", string(a.CertType), string(b.CertType), true)
	d.cert(prefix, "cert_number", "负责人证件号码", a.CertType, a.CertNumber, b.CertType, b.CertNumber, true)
	d.str(prefix, "mobile", "手机号码", a.Mobile.Raw(), b.Mobile.Raw(), false)
	d.str(prefix, "landline", "办公电话", a.Landline.Raw(), b.Landline.Raw(), false)
	d.str(prefix, "emergency_phone", "应急联系电话", a.EmergencyPhone.Raw(), b.EmergencyPhone.Raw(), false)
	d.str(prefix, "email", "电子邮箱", a.Email.Raw(), b.Email.Raw(), false)
	if a.CertValidity != b.CertValidity && !(a.CertValidity.Start.Equal(b.CertValidity.Start) &&
		a.CertValidity.End.Equal(b.CertValidity.End) && a.CertValidity.LongTerm == b.CertValidity.LongTerm) {
		d.add(prefix+"cert_validity", "证件有效期", OpModified, false)
	}
}

func (d *differ) websiteDiff(prefix string, a, b *filing.Website) {
	d.str(prefix, "name", "网站名称", a.Name, b.Name, false)
	d.str(prefix, "home_url", "网站首页网址", a.HomeURL, b.HomeURL, false)
	d.str(prefix, "service_content", "网站服务内容", a.ServiceContent, b.ServiceContent, false)
	d.str(prefix, "public_security_number", "公安联网备案号", a.PublicSecurityNumber, b.PublicSecurityNumber, false)
	d.domains(prefix, a.Domains, b.Domains)
	if !slices.Equal(a.Involves, b.Involves) {
		d.add(prefix+"involves", "涉及前置审批", OpModified, false)
	}
	if !slices.EqualFunc(a.PreApprovals, b.PreApprovals, func(x, y filing.PreApproval) bool {
		return x.Category == y.Category && x.Number == y.Number && x.Authority == y.Authority && x.ValidUntil.Equal(y.ValidUntil)
	}) {
		d.add(prefix+"pre_approvals", "前置审批", OpModified, false)
	}
	d.person(prefix+"principal.", &a.Principal, &b.Principal)
	d.area = AreaAccess
	d.access(prefix, a.Access, b.Access)
	d.area = AreaWebsite
}

// access reports the access records of a service (website or app) added,
// removed and changed, matched by accessPairs.
func (d *differ) access(prefix string, a, b []filing.Access) {
	var room [4]int
	pairs := accessPairs(a, b, room[:0])
	matched := 0
	for k, j := range pairs {
		p := prefix + "access[" + strconv.Itoa(k) + "]"
		if j < 0 {
			d.add(p, "接入信息", OpAdded, false)
			continue
		}
		matched++
		x, y := &a[j], &b[k]
		p += "."
		d.str(p, "method", "接入方式", string(x.Method), string(y.Method), false)
		d.str(p, "server_province", "服务器放置地", x.ServerProvince, y.ServerProvince, false)
		d.str(p, "isp_province", "接入商所在省", x.ISPProvince, y.ISPProvince, false)
		if !slices.Equal(x.IPs, y.IPs) {
			d.add(p+"ips", "IP地址", OpModified, false)
		}
		if !slices.Equal(x.Ranges, y.Ranges) {
			d.add(p+"ranges", "IP地址段", OpModified, false)
		}
	}
	if matched < len(a) {
		for j := range a {
			if !slices.Contains(pairs, j) {
				d.add(prefix+"access["+strconv.Itoa(j)+"]", "接入信息", OpRemoved, false)
			}
		}
	}
}

// accessPairs matches the access records of a website's old and new
// versions by identity, not position: by ISP (filing.NormalizeText, ASCII
// letters case-folded) and start (Since), then by ISP alone in order for
// the records left. It appends to out, for each record of b, the index of
// its record in a, or -1 for a record of a new ISP (an addition, 新增接入),
// and returns it; a record of a matched by none is a removal (取消接入).
// The ISP is the record's identity because access to another ISP is new
// access there, never a change (腾讯云 变更信息).
func accessPairs(a, b []filing.Access, out []int) []int {
	for k := range b {
		j := -1
		for i := range a {
			if a[i].Since.Equal(b[k].Since) && sameISP(a[i].ISP, b[k].ISP) && !slices.Contains(out, i) {
				j = i
				break
			}
		}
		out = append(out, j)
	}
	for k := range b {
		if out[k] >= 0 {
			continue
		}
		for i := range a {
			if sameISP(a[i].ISP, b[k].ISP) && !slices.Contains(out, i) {
				out[k] = i
				break
			}
		}
	}
	return out
}

// sameISP reports whether two ISP names (or IDs) name the same ISP.
func sameISP(a, b string) bool {
	return a == b || strings.EqualFold(filing.NormalizeText(a), filing.NormalizeText(b))
}

// domains reports each added and removed domain; domains compare as
// domains (sameDomain).
func (d *differ) domains(prefix string, a, b []string) {
	has := func(list []string, s string) bool {
		return slices.ContainsFunc(list, func(x string) bool { return sameDomain(x, s) })
	}
	for i, s := range b {
		if !has(a, s) {
			d.add(prefix+"domains["+strconv.Itoa(i)+"]", "网站域名", OpAdded, false)
		}
	}
	for i, s := range a {
		if !has(b, s) {
			d.add(prefix+"domains["+strconv.Itoa(i)+"]", "网站域名", OpRemoved, false)
		}
	}
}
