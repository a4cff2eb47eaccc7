package domain

import (
	_ "embed"
	"encoding/json"
	"slices"
	"strings"

	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/internal/textnorm"
	"golang.org/x/net/idna"
)

// Domains that can be filed.
//
// A domain can be filed when it is a valid IDNA host name (NormalizeDomain),
// it is not itself a public suffix (RegistrableDomain) and its top-level
// domain is approved by MIIT for filing (data/tlds.json, basis 工信部信管
// 〔2017〕264号). TLDs are matched on the A-label, so "例子.中国",
// "例子。中国", "ｘｎ－－ｆｓｑｕ００ａ.中国" and "xn--fsqu00a.xn--fiqs8s" are the
// same domain. Some suffixes are reserved for some subject natures (.gov.cn
// and .政务 for 党政群机关, .公益 for non-profit bodies); CheckDomainForNature
// adds that check.

// Domain problems of the filing rules (R-09; the province rules on public
// sector domains are R-06).
var (
	CodeDomainTLDNotApproved = codes.Define("domain.tld_not_approved", "R-09",
		"该域名后缀“.%s”未经工信部批复，无法备案（工信部信管〔2017〕264号）。请更换为已批复后缀（如 .cn、.com、.中国）的域名",
		"top-level domain .%s is not approved by MIIT for filing (MIIT notice 工信部信管〔2017〕264号)")
	CodeDomainSubdomain = codes.Define("domain.subdomain", "R-09",
		"请填写注册的主域名“%s”，不要填写 www 等子域名",
		"file the registered domain %s, not a subdomain of it")
	CodeDomainGovernmentOnly = codes.Define("domain.government_only", "R-09",
		"“.%s”域名仅限党政机关、群团组织备案，请核对主办单位性质或更换域名",
		"the .%s suffix is reserved for government and mass organisations")
	CodeDomainNonprofitOnly = codes.Define("domain.nonprofit_only", "R-09",
		"“.%s”域名仅限非营利机构（党政机关、事业单位、社会组织）备案，请核对主办单位性质或更换域名",
		"the .%s suffix is reserved for non-profit bodies")
)

//go:embed data/tlds.json
var tldsJSON []byte

// tldTable is the loaded data/tlds.json.
type tldTable struct {
	approved    map[string]bool   // A-label → true
	idnALabel   map[string]string // approved Chinese TLDs: U-label → A-label
	idnULabel   map[string]string // and A-label → U-label
	notApproved map[string]string // A-label → source
	secondLevel []string          // extra public suffixes (A-labels), e.g. "xn--zfr164b.cn"
	reserved    []reservedSuffix
}

// reservedSuffix is a suffix only some natures may file under.
type reservedSuffix struct {
	suffix  string // A-label, no leading dot
	group   string // "government" or "nonprofit"
	natures []string
}

var tlds = loadTLDs(tldsJSON)

// loadTLDs parses the table. A U-label is converted to its A-label and must
// match the A-label given next to it; a mismatch is a defect of the embedded
// file, caught by every test run.
func loadTLDs(data []byte) *tldTable {
	var doc struct {
		Groups []struct {
			TLDs []struct {
				TLD     string `json:"tld"`
				Unicode string `json:"unicode"`
			} `json:"tlds"`
		} `json:"groups"`
		NotApproved []struct {
			TLD    string `json:"tld"`
			Source string `json:"source"`
		} `json:"not_approved"`
		SecondLevel []struct {
			Suffix string `json:"suffix"`
		} `json:"second_level"`
		Reserved []struct {
			Suffix  string   `json:"suffix"`
			Group   string   `json:"group"`
			Natures []string `json:"natures"`
		} `json:"reserved"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		panic("domain: embedded data/tlds.json: " + err.Error()) // build defect, caught by every test run
	}
	t := &tldTable{approved: map[string]bool{}, notApproved: map[string]string{},
		idnALabel: map[string]string{}, idnULabel: map[string]string{}}
	for _, g := range doc.Groups {
		for _, e := range g.TLDs {
			a := e.TLD
			if e.Unicode != "" {
				u, err := idna.Lookup.ToASCII(e.Unicode)
				if err != nil || (a != "" && a != u) {
					panic("filing: embedded data/tlds.json: " + e.Unicode + " is not " + a) // build defect
				}
				a = u
				t.idnALabel[e.Unicode], t.idnULabel[u] = u, e.Unicode
			}
			t.approved[a] = true
		}
	}
	for _, e := range doc.NotApproved {
		t.notApproved[e.TLD] = e.Source
	}
	for _, e := range doc.SecondLevel {
		t.secondLevel = append(t.secondLevel, e.Suffix)
	}
	for _, e := range doc.Reserved {
		t.reserved = append(t.reserved, reservedSuffix{suffix: e.Suffix, group: e.Group, natures: e.Natures})
	}
	return t
}

// ApprovedTLDs returns the top-level domains approved for filing, as
// lower-case A-labels in sorted order ("cn", "com", ..., "xn--fiqs8s").
// DomainUnicode gives their display form.
func ApprovedTLDs() []string {
	out := make([]string, 0, len(tlds.approved))
	for t := range tlds.approved {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// TLDApproved reports whether a top-level domain may be filed. It accepts
// the A-label or the U-label, with or without a leading dot, in any case:
// "cn", ".COM", "中国" and "xn--fiqs8s" are approved; "org", "io", "ai", "me"
// and "dev" are not.
func TLDApproved(tld string) bool {
	tld = strings.TrimPrefix(textnorm.Text(tld), ".")
	if tld == "" || strings.Contains(tld, ".") {
		return false
	}
	a, err := idna.Lookup.ToASCII(tld)
	if err != nil {
		return false
	}
	return tlds.approved[a]
}

// CheckDomain checks that a domain can be filed: it must normalise
// (NormalizeDomain: IDNA, no IP literal, port, URL, wildcard or single
// label), it must not be a public suffix such as "com.cn"
// (domain.public_suffix), and its top-level domain must be approved by MIIT
// (domain.tld_not_approved for .org, .io, .ai, .me, .dev and every TLD not in
// data/tlds.json). It returns nil or a *problem.Problem.
//
// CheckDomain accepts subdomains ("www.example.com"): it answers whether the
// name lies in filable space. That a website files its registered domain
// rather than a subdomain is a rule of the filing (domain.subdomain), checked
// by Validate.
func CheckDomain(s string) error {
	if _, p := (*Memo)(nil).Check(s); p != nil {
		return p
	}
	return nil
}

// CheckDomainForNature is CheckDomain plus the suffixes reserved for some
// subject natures (MIIT 公告2018年第7号): .gov.cn, .政务 and .政务.cn only
// for government and mass organisations (domain.government_only), .公益
// and .公益.cn only for non-profit bodies (domain.nonprofit_only).
func CheckDomainForNature(s string, nature string) error {
	a, p := (*Memo)(nil).Check(s)
	if p != nil {
		return p
	}
	if p := CheckReserved(a, nature); p != nil {
		return p
	}
	return nil
}

// Check is CheckDomain returning the A-label form, remembered by m (a nil
// *Memo remembers nothing).
func (m *Memo) Check(s string) (string, *problem.Problem) {
	a, err := m.Normalize(s)
	if err != nil {
		return "", asProblem(err)
	}
	if _, p := registrableASCII(a); p != nil {
		return a, p
	}
	tld := a[strings.LastIndexByte(a, '.')+1:]
	if !tlds.approved[tld] {
		return a, problem.New(CodeDomainTLDNotApproved, DomainUnicode(tld))
	}
	return a, nil
}

// CheckReserved reports a domain under a suffix the subject nature (a
// filing.Nature code such as "government") may not use (domain.government_only,
// domain.nonprofit_only), or nil. a is a normalised domain (NormalizeDomain).
func CheckReserved(a string, nature string) *problem.Problem {
	r, ok := reservedFor(a)
	if !ok || slices.Contains(r.natures, nature) {
		return nil
	}
	if r.group == "government" {
		return problem.New(CodeDomainGovernmentOnly, DomainUnicode(r.suffix))
	}
	return problem.New(CodeDomainNonprofitOnly, DomainUnicode(r.suffix))
}

// reservedFor returns the reserved suffix a normalised domain is under.
func reservedFor(a string) (reservedSuffix, bool) {
	for _, r := range tlds.reserved {
		if Under(a, r.suffix) {
			return r, true
		}
	}
	return reservedSuffix{}, false
}

// Under reports whether the normalised domain a equals sfx or is under it,
// on label boundaries ("agov.cn" is not under "gov.cn").
func Under(a, sfx string) bool {
	if !strings.HasSuffix(a, sfx) {
		return false
	}
	return len(a) == len(sfx) || a[len(a)-len(sfx)-1] == '.'
}

// asProblem returns err as a *problem.Problem; errors of this package always are.
func asProblem(err error) *problem.Problem {
	if p, ok := err.(*problem.Problem); ok {
		return p
	}
	return &problem.Problem{Code: CodeDomainInvalid, Rule: "R-09", Zh: CodeDomainInvalid.MessageZh(), En: err.Error()}
}
