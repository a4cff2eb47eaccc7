package audit

import (
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/internal/catalog"
)

var codes catalog.Set[filing.Code]

func define(code, rule, zh, en string) filing.Code { return codes.Define(code, rule, zh, en) }

// Codes returns every code the package defines, sorted.
func Codes() []filing.Code { return codes.Codes() }

// The findings' codes. Each Chinese message says what to do.
var (
	CodeOutsideFiled = define("audit.outside_filed", "R-97",
		"域名%[1]s解析到%[2]s，不在备案的网站IP地址中。请将域名解析指向已备案的IP地址，或办理变更接入、增加该IP地址",
		"%[1]s resolves to %[2]s, which is not among the website's filed access addresses")
	CodeOutsideISP = define("audit.outside_isp", "R-97",
		"域名%[1]s解析到%[2]s，不属于本接入商已备案的IP地址段。请将域名解析指向本接入商的服务器，或在实际接入商处办理接入",
		"%[1]s resolves to %[2]s, outside the ISP's filed address blocks")
	CodeSpecialAddress = define("audit.special_address", "R-97",
		"域名%[1]s解析到%[2]s，这是内网、回环或保留地址，公众无法访问。请将域名解析指向已备案的公网IP地址",
		"%[1]s resolves to %[2]s, a private or special-purpose address")
	CodeNoResolution = define("audit.no_resolution", "R-97",
		"域名%[1]s没有解析记录，网站无法访问。请添加指向已备案IP地址的解析；长期无法访问的网站可能被认定为空壳网站",
		"%[1]s does not resolve")
	CodeResolvesInReview = define("audit.resolves_in_review", "R-97",
		"域名%[1]s的备案尚未通过，却已解析到%[2]s。备案通过前不得开通网站访问，请暂停该域名的解析，待备案通过后再开通",
		"%[1]s resolves to %[2]s while its filing is not approved")
	CodeLookupFailed = define("audit.lookup_failed", "R-97",
		"域名%[1]s解析查询失败，本次未能核查。请稍后重新查询",
		"the lookup of %[1]s failed; not audited")
	CodeBadBlock = define("audit.bad_block", "",
		"接入商IP地址段%[1]s无效",
		"invalid address block %[1]s")
)

// Kind is what a Finding found.
type Kind string

// Kinds of findings.
const (
	KindOutsideFiled     Kind = "outside_filed"
	KindOutsideISP       Kind = "outside_isp"
	KindSpecialAddress   Kind = "special_address"
	KindNoResolution     Kind = "no_resolution"
	KindResolvesInReview Kind = "resolves_in_review"
	KindLookupFailed     Kind = "lookup_failed"
)

var kindCode = map[Kind]filing.Code{
	KindOutsideFiled: CodeOutsideFiled, KindOutsideISP: CodeOutsideISP, KindSpecialAddress: CodeSpecialAddress,
	KindNoResolution: CodeNoResolution, KindResolvesInReview: CodeResolvesInReview, KindLookupFailed: CodeLookupFailed,
}

// Kinds returns every Kind, in a fixed order.
func Kinds() []Kind {
	return []Kind{KindOutsideFiled, KindOutsideISP, KindSpecialAddress, KindNoResolution, KindResolvesInReview, KindLookupFailed}
}

// Finding is one thing the audit found about one domain of one website.
type Finding struct {
	Kind Kind        `json:"kind"`
	Code filing.Code `json:"code"`
	Rule string      `json:"rule"`
	// Website is the website's record number, or its name before approval.
	Website string `json:"website"`
	// Domain is the domain (A-label, lower case) looked up.
	Domain string `json:"domain"`
	// Addr is the address in question (zero for no resolution).
	Addr netip.Addr `json:"addr,omitzero"`
	// Zh says what was found and what to do, for end users.
	Zh string `json:"zh"`
	// En says what was found, for developers.
	En string `json:"en"`
}

func finding(k Kind, site, domain string, a netip.Addr) Finding {
	c := kindCode[k]
	as := a.String()
	if !a.IsValid() {
		as = ""
	}
	e, _ := catalog.Filled(string(c), domain, as)
	return Finding{Kind: k, Code: c, Rule: e.Rule, Website: site, Domain: domain, Addr: a, Zh: e.Zh, En: e.En}
}

// Answer is what the caller's resolver found for one domain (A and AAAA
// records, CNAMEs followed).
type Answer struct {
	// Addrs are the addresses; none means the domain does not resolve
	// (NXDOMAIN or no records).
	Addrs []netip.Addr
	// Failed is true when the lookup failed (SERVFAIL, timeout): the
	// domain is not judged and a KindLookupFailed finding is made.
	Failed bool
}

// Resolver gives the caller's DNS answers. Resolve must be safe for
// concurrent use if the Auditor is used concurrently.
type Resolver interface {
	Resolve(domain string) Answer
}

// ResolverFunc adapts a function to Resolver.
type ResolverFunc func(domain string) Answer

// Resolve calls f.
func (f ResolverFunc) Resolve(domain string) Answer { return f(domain) }

// Answers is a Resolver over a map from domain (lower-case A-label) to
// answer; a domain not in the map does not resolve.
type Answers map[string]Answer

// Resolve returns the domain's answer.
func (m Answers) Resolve(domain string) Answer { return m[domain] }

// Site is one website as the audit sees it.
type Site struct {
	// Number is the website record number (empty before approval).
	Number string `json:"number,omitempty"`
	// Name is the website name.
	Name string `json:"name"`
	// Domains are the names to look up: the filed domains and the home
	// page's host.
	Domains []string `json:"domains"`
	// Filed are the filed access addresses; empty means unknown (not
	// judged).
	Filed []filing.AddrRange `json:"filed,omitempty"`
	// Status is the website's status ("" counts as approved when Number
	// is set, as in the export).
	Status filing.Status `json:"status,omitempty"`
}

// SiteOfRecord returns the Site of an export record's website.
func SiteOfRecord(w conflict.WebsiteRecord) Site {
	s := Site{Number: w.Number, Name: w.Name, Status: w.Status, Domains: names(w.Domains, w.HomeURL)}
	for _, a := range w.IPs {
		s.Filed = append(s.Filed, filing.AddrRange{From: a.Unmap(), To: a.Unmap()})
	}
	return s
}

// SiteOfWebsite returns the Site of a filing's website with the addresses
// of its access records at isp active at t (isp "": every ISP).
func SiteOfWebsite(w filing.Website, isp string, t time.Time) Site {
	s := Site{Number: w.Number, Name: w.Name, Status: w.Status, Domains: names(w.Domains, w.HomeURL)}
	for _, a := range w.Access {
		if (isp != "" && a.ISP != isp) || !a.Active(t) {
			continue
		}
		for _, ip := range a.IPs {
			s.Filed = append(s.Filed, filing.AddrRange{From: ip.Unmap(), To: ip.Unmap()})
		}
		s.Filed = append(s.Filed, a.Ranges...)
	}
	return s
}

// names returns the normalised domains and the home page's host, each once.
func names(domains []string, home string) []string {
	out := make([]string, 0, len(domains)+1)
	add := func(d string) {
		if n, err := domain.NormalizeDomain(d); err == nil {
			d = n
		} else {
			d = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(d), "."))
		}
		if d != "" && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	for _, d := range domains {
		add(d)
	}
	if u, err := url.Parse(strings.TrimSpace(home)); err == nil && u.Hostname() != "" {
		add(u.Hostname())
	}
	return out
}
