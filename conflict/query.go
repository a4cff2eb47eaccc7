package conflict

import (
	"cmp"
	"net/netip"
	"slices"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/domain"
)

// Field is what a public query searches by (R-33; ICP/IP地址/域名信息备案管理系统 用户使用手册 §3: 网站名称,
// 网站域名, 网站首页网址, 备案/许可证号, 网站IP地址, 主办单位名称).
type Field string

// Query fields.
const (
	// ByWebsiteName matches the whole website name on NameKey (NFKC,
	// case-folded, spaces removed): "ＡＢＣ 博客" finds "abc博客", "博客" does not.
	ByWebsiteName Field = "website_name"
	// ByDomain matches by registrable domain: "www.例子.中国" finds the
	// website filed with "xn--fsqu00a.xn--fiqs8s" and with "m.例子.中国".
	ByDomain Field = "domain"
	// ByHomeURL matches the home URL on host (normalised) and path, scheme
	// and trailing "/" ignored: "HTTPS://WWW.Example.com/" finds
	// "http://www.example.com".
	ByHomeURL Field = "home_url"
	// ByNumber matches a subject number (all its websites), a website number
	// or an ICP licence number, in any spelling (full-width digits, spaces).
	ByNumber Field = "number"
	// ByIP matches a website access address exactly.
	ByIP Field = "ip"
	// BySponsorName matches the whole sponsor name (主办单位名称) on NameKey.
	BySponsorName Field = "sponsor_name"
)

// DefaultQueryLimit is the number of results a query returns when
// Query.Limit is 0.
const DefaultQueryLimit = 100

// Query is one public query.
type Query struct {
	By    Field  `json:"by"`
	Value string `json:"value"`
	// Limit caps the results returned (Result.Total counts all matches);
	// 0 means DefaultQueryLimit.
	Limit int `json:"limit,omitempty"`
}

// PublicRecord is one row of the public query: what the public filing
// system shows about a filed website, and nothing else. It has no field for
// certificate numbers, phone numbers, e-mail addresses, responsible persons
// or access IPs.
type PublicRecord struct {
	// SponsorName is the sponsor name (主办单位名称) and Nature the subject
	// nature (主办单位性质).
	SponsorName string        `json:"sponsor_name"`
	Nature      filing.Nature `json:"nature"`
	// SubjectNumber is the subject record number; Licence the ICP licence
	// number, if any.
	SubjectNumber string `json:"subject_number"`
	Licence       string `json:"licence,omitempty"`
	// Province is the GB/T 2260 code of the filing bureau, ProvinceName its
	// name.
	Province     string `json:"province"`
	ProvinceName string `json:"province_name"`
	// WebsiteNumber, WebsiteName, Domains (lower-case A-labels; show them
	// with domain.DomainUnicode) and HomeURL describe the website. They are
	// empty on the row of a filed subject that has no filed website (found
	// by sponsor name or subject number).
	WebsiteNumber string   `json:"website_number,omitempty"`
	WebsiteName   string   `json:"website_name,omitempty"`
	Domains       []string `json:"domains,omitempty"`
	HomeURL       string   `json:"home_url,omitempty"`
	// ServiceType is the kind of service the row shows: "网站", "APP应用",
	// "小程序" or "快应用" (filing.AppKind.ServiceType); empty on a subject
	// row.
	ServiceType string `json:"service_type,omitempty"`
	// AppNumber, AppName and AppKind describe an app, mini-program or quick
	// app on its row (app_query.go).
	AppNumber string         `json:"app_number,omitempty"`
	AppName   string         `json:"app_name,omitempty"`
	AppKind   filing.AppKind `json:"app_kind,omitempty"`
}

// Result is the answer to a public query.
type Result struct {
	// Records are the matches, ordered by subject number then website
	// number, at most Query.Limit of them.
	Records []PublicRecord `json:"records"`
	// Total is the number of matches.
	Total int `json:"total"`
}

// Query answers the public query. Only filed records show (a subject
// number and, for websites, approved or access cancelled); filings under
// review or returned never do. No match is an empty Result, not an error. A
// query with an unknown field or an empty value is ErrBadQuery; a domain or
// IP that does not parse is a *filing.ValidationError (path "value").
func (ix *Index) Query(q Query) (Result, error) {
	v := strings.TrimSpace(q.Value)
	if v == "" {
		return Result{}, errorf(ErrBadQuery, "请输入查询内容", "empty value", nil)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultQueryLimit
	}
	var rows []PublicRecord
	switch q.By {
	case ByWebsiteName:
		key := NameKey(v)
		ix.mu.RLock()
		for w := ix.wname.first(hash32(ix.seed, key)); w != none; w = ix.wname.next[w] {
			rows = ix.siteRow(rows, w, func(sv *siteView) bool { return NameKey(sv.name) == key })
		}
		ix.mu.RUnlock()
	case BySponsorName:
		key := NameKey(v)
		ix.mu.RLock()
		for s := ix.sname.first(hash32(ix.seed, key)); s != none; s = ix.sname.next[s] {
			if NameKey(viewSubject(ix.subj[s]).name) == key {
				rows = ix.subjectRows(rows, s)
			}
		}
		ix.mu.RUnlock()
	case ByDomain:
		d, off, err := normDomain(v)
		if err != nil {
			return Result{}, problemList{at(err, "value", "网站域名")}.err()
		}
		rows = ix.byRegistrable(d[off:], func(*siteView, string) bool { return true })
	case ByHomeURL:
		host, key, ok := homeURLKey(v)
		if !ok {
			return Result{}, problemList{problem(domain.CodeDomainInvalid, "R-33", "value", "网站首页网址", "网站首页网址格式不正确", "home URL has no valid host")}.err()
		}
		reg, err := domain.RegistrableDomain(host)
		if err != nil {
			return Result{}, problemList{at(err, "value", "网站首页网址")}.err()
		}
		rows = ix.byRegistrable(reg, func(sv *siteView, _ string) bool {
			_, k, ok := homeURLKey(sv.homeURL(ix.subj[ix.siteSubj[sv.id]]))
			return ok && k == key
		})
	case ByNumber:
		n := numberKey(v)
		ix.mu.RLock()
		if _, _, isSite := splitWebsiteNumber(n); isSite {
			if _, w := ix.findSite(n); w != none {
				rows = ix.siteRow(rows, w, nil)
			} else {
				rows = ix.appRowByNumber(rows, n)
			}
		} else if s := ix.findNum(n); s != none {
			rows = ix.subjectRows(rows, s)
		} else if s, ok := ix.licence[n]; ok {
			rows = ix.subjectRows(rows, s)
		}
		ix.mu.RUnlock()
	case ByIP:
		a, err := netip.ParseAddr(filing.NormalizeText(v))
		if err != nil {
			return Result{}, problemList{problem(CodeIPInvalid, "R-33", "value", "网站IP地址", "IP地址格式不正确", "not an IP address")}.err()
		}
		a = a.Unmap().WithZone("")
		k := addrKey(a)
		ix.mu.RLock()
		for e := ix.ip.first(hash32(ix.seed, k)); e != none; e = ix.ip.next[e] {
			w := ix.ipOwner[e]
			rows = ix.siteRow(rows, w, func(sv *siteView) bool {
				blob := ix.subj[ix.siteSubj[w]]
				match := false
				sv.ips(blob, func(id uint32, key string) bool {
					if id == e {
						match = key == k
						return false
					}
					return true
				})
				return match
			})
		}
		ix.mu.RUnlock()
	case ByAppName:
		rows = ix.appRowsByName(v)
	default:
		return Result{}, errorf(ErrBadQuery, "不支持的查询条件“"+string(q.By)+"”", "unknown field "+string(q.By), nil)
	}
	slices.SortFunc(rows, func(a, b PublicRecord) int {
		return cmp.Or(cmp.Compare(a.SubjectNumber, b.SubjectNumber), cmp.Compare(a.WebsiteNumber, b.WebsiteNumber), cmp.Compare(a.AppNumber, b.AppNumber))
	})
	rows = slices.CompactFunc(rows, func(a, b PublicRecord) bool {
		return a.SubjectNumber == b.SubjectNumber && a.WebsiteNumber == b.WebsiteNumber && a.AppNumber == b.AppNumber
	})
	res := Result{Total: len(rows)}
	if len(rows) > limit {
		rows = rows[:limit]
	}
	res.Records = rows
	return res, nil
}

// byRegistrable returns the public rows of the websites with a domain under
// a registrable domain that also pass match.
func (ix *Index) byRegistrable(reg string, match func(*siteView, string) bool) []PublicRecord {
	var rows []PublicRecord
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	for e := ix.dom.first(hash32(ix.seed, reg)); e != none; e = ix.dom.next[e] {
		owner := ix.domOwner[e]
		w, blob := owner.site, ix.subj[owner.subj]
		rows = ix.siteRow(rows, w, func(sv *siteView) bool {
			ok := false
			sv.domains(blob, func(id uint32, d string, off int) bool {
				if id == e {
					ok = d[off:] == reg
					return false
				}
				return true
			})
			return ok && match(sv, reg)
		})
	}
	return rows
}

// siteRow appends the public row of website w when it is filed and passes
// match (nil: always).
func (ix *Index) siteRow(rows []PublicRecord, w uint32, match func(*siteView) bool) []PublicRecord {
	s := ix.siteSubj[w]
	blob := ix.subj[s]
	v := viewSubject(blob)
	if v.number == "" {
		return rows
	}
	if sv, ok := siteOf(blob, &v, w); ok && filed(sv.status) && (match == nil || match(&sv)) {
		rows = append(rows, ix.publicRow(blob, &v, &sv))
	}
	return rows
}

// subjectRows appends the rows of every filed website of subject s, or one
// subject row when it has none.
func (ix *Index) subjectRows(rows []PublicRecord, s uint32) []PublicRecord {
	blob := ix.subj[s]
	v := viewSubject(blob)
	if v.number == "" {
		return rows
	}
	n := len(rows)
	for it := newSiteIter(blob, &v); it.next(); {
		if filed(it.w.status) {
			rows = append(rows, ix.publicRow(blob, &v, &it.w))
		}
	}
	rows = ix.appRowsOf(rows, s)
	if len(rows) == n && filed(v.status) {
		rows = append(rows, ix.publicRow(blob, &v, nil))
	}
	return rows
}

func (ix *Index) publicRow(blob string, v *subjView, sv *siteView) PublicRecord {
	p := provinceList[v.province]
	r := PublicRecord{
		SponsorName: strings.Clone(v.name), Nature: filing.Nature(ix.internedName(v.natureID)),
		SubjectNumber: strings.Clone(v.number), Licence: strings.Clone(v.licence),
		Province: p.Code, ProvinceName: p.Name,
	}
	if sv == nil {
		return r
	}
	r.ServiceType = filing.AppKind("").ServiceType()
	r.WebsiteNumber = sv.number(v.number)
	if !sv.suffix {
		r.WebsiteNumber = strings.Clone(r.WebsiteNumber)
	}
	r.WebsiteName = strings.Clone(sv.name)
	r.HomeURL = sv.homeURL(blob)
	if sv.huForm < 0 {
		r.HomeURL = strings.Clone(r.HomeURL)
	}
	sv.domains(blob, func(_ uint32, d string, _ int) bool {
		r.Domains = append(r.Domains, strings.Clone(d))
		return true
	})
	return r
}
