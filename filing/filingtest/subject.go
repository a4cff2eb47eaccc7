package filingtest

import (
	"strconv"
	"strings"

	"github.com/beiankit/beian/filing"
)

// orgKind is a kind of organisation the generators produce: its nature, the
// subject certificate (one the nature accepts in filing's table, checked by
// the tests), and the GB 32100-2015 registration department and category of
// its credit code (GB 32100-2015: 9/1 企业, 1/1 机关,
// 1/2 事业单位, 5/1 社会团体).
type orgKind struct {
	nature         filing.Nature
	cert           filing.CertType
	dept, category string
	weight         int // out of 10
}

var orgKinds = []orgKind{
	{filing.NatureEnterprise, filing.CertBusinessLicence, "9", "1", 7},
	{filing.NatureGovernment, filing.CertUSCC, "1", "1", 1},
	{filing.NatureInstitution, filing.CertInstitution, "1", "2", 1},
	{filing.NatureSocialGroup, "social_group", "5", "1", 1},
}

func (g *Gen) orgKind() orgKind {
	n := g.intn(10)
	for _, k := range orgKinds {
		if n < k.weight {
			return k
		}
		n -= k.weight
	}
	return orgKinds[0]
}

// cityOf returns the city of a place and its short form: "贵阳市", "贵阳";
// for a municipality the province: "北京市", "北京".
func cityOf(p place) (full, short string) {
	full = p.city
	if full == "" {
		full = provinceName(p.province)
	}
	return full, strings.TrimSuffix(full, "市")
}

// address returns a street address in the place.
func (g *Gen) address(p place) string {
	city, _ := cityOf(p)
	prefix := provinceName(p.province)
	if prefix != city {
		prefix += city
	}
	return prefix + p.district + pick(g, streets) + strconv.Itoa(1+g.intn(300)) + "号"
}

// orgName returns a new organisation name for the kind in the place, one
// that filing.Judge judges an organisation by its marker (有限公司, 办事处,
// 人民政府, 中心, 馆, 中学, 研究院, 协会).
func (g *Gen) orgName(k orgKind, p place) string {
	city, short := cityOf(p)
	return g.fresh("subject", func(tag string) string {
		brand := pick(g, brands).han
		if g.chance(2) {
			brand += pick(g, brands).han
		}
		brand += tag
		switch k.nature {
		case filing.NatureGovernment:
			return city + p.district + brand + pick(g, governments)
		case filing.NatureInstitution:
			return city + brand + pick(g, institutions)
		case filing.NatureSocialGroup:
			return city + brand + pick(g, associations) + "协会"
		}
		return short + brand + pick(g, industries) + "有限公司"
	})
}

// Individual returns an individual subject (个人) filing in a province: the
// person is the principal (same name and resident ID, issued in that
// province, so no cross-province rule applies), an adult everywhere, with a
// landline where the province requires one (R-06, Jiangxi).
//
// The province is a GB/T 2260 code, name or abbreviation, as
// filing.NormalizeFiling reads it ("36", "江西", "赣"); anything else,
// including "", picks a province at random.
func (g *Gen) Individual(province string) filing.Subject {
	p := g.placeOf(province)
	person := g.personIn(p, needsLandline(p.province))
	addr := g.address(p)
	return filing.Subject{
		Province:    p.province,
		Name:        person.Name,
		Nature:      filing.NatureIndividual,
		CertType:    person.CertType,
		CertNumber:  person.CertNumber,
		CertAddress: addr,
		Address:     addr,
		Principal:   person,
	}
}

// Organisation returns an organisation subject filing in a province (see
// Individual for the province argument): an enterprise seven times in ten
// (工商营业执照), else a government body (统一社会信用代码证书), a public
// institution (事业单位法人证书) or a social group (社会团体法人登记证书), with
// a credit code of the matching GB 32100 department and category. The
// principal is the legal representative; in provinces that accept a
// 主体负责人授权说明书, one time in four the principal is someone else and the
// letter is on file. Principals have a landline where the province
// requires one.
func (g *Gen) Organisation(province string) filing.Subject {
	p := g.placeOf(province)
	k := g.orgKind()
	_, accepts := letterRule(p.province)
	return g.organisation(p, k, accepts && g.chance(4))
}

func (g *Gen) organisation(p place, k orgKind, letter bool) filing.Subject {
	name := g.orgName(k, p)
	principal := g.personIn(p, needsLandline(p.province))
	legal := principal.Name
	if letter {
		for legal == principal.Name {
			legal, _ = g.personName()
		}
	}
	addr := g.address(p)
	return filing.Subject{
		Province:            p.province,
		Name:                name,
		Nature:              k.nature,
		CertType:            k.cert,
		CertNumber:          g.uscc(k, p),
		CertAddress:         addr,
		Address:             addr,
		Principal:           principal,
		LegalRepresentative: legal,
		AuthorisationLetter: letter,
	}
}

// Subject returns an individual (four times in ten) or an organisation
// subject in a random province; see Individual and Organisation.
func (g *Gen) Subject() filing.Subject {
	if g.intn(10) < 4 {
		return g.Individual("")
	}
	return g.Organisation("")
}

// Website returns a new website (no record number) for subject s, which
// should come from this Gen or follow the same rules:
//
//   - one domain (the 2019 one-domain rule), registrable and under a TLD
//     approved for filing and allowed for the nature: .gov.cn for government
//     bodies, .cn for public institutions (what the public-sector provinces
//     want, R-06), else an ASCII domain or, one time in five, a Chinese one;
//   - a home URL under that domain;
//   - as principal the individual for an individual subject, the subject's
//     principal when the subject uses an authorisation letter in a province
//     that then wants the same person (Jiangsu, Anhui), else another person
//     of the province, with a landline where the province requires one;
//   - for an enterprise, one time in ten, content in a pre-approval
//     category of filing.PreApprovalCategories together with the approval
//     document; no other pre-approval content.
func (g *Gen) Website(s filing.Subject) filing.Website {
	p := g.placeOf(s.Province)
	nature := filing.Nature(filing.NormalizeText(string(s.Nature)))
	info, _ := nature.Info()
	nature = info.Code
	b := pick(g, brands)

	var domain string
	switch nature {
	case filing.NatureGovernment:
		domain = g.fresh("domain", func(tag string) string { return g.asciiLabel(b) + tag + ".gov.cn" })
	case filing.NatureInstitution:
		domain = g.fresh("domain", func(tag string) string { return g.asciiLabel(b) + tag + ".cn" })
	default:
		if g.chance(5) {
			domain = g.fresh("domain", func(tag string) string { return g.hanLabel(b) + tag + "." + pick(g, idnPool()) })
		} else {
			domain = g.fresh("domain", func(tag string) string { return g.asciiLabel(b) + tag + "." + pick(g, asciiPool()) })
		}
	}
	var home string
	switch g.intn(3) {
	case 0:
		home = "https://www." + domain + "/"
	case 1:
		home = "http://www." + domain
	default:
		home = "https://" + domain + "/index.html"
	}
	w := filing.Website{
		Service: filing.Service{
			Name: g.fresh("website", func(tag string) string { return b.han + tag + g.siteSuffix(nature, p.province) }),
		},
		Domains: []string{domain},
		HomeURL: home,
	}
	contents := serviceContent[string(nature)]
	if contents == nil {
		contents = serviceContent[string(filing.NatureEnterprise)]
	}
	w.ServiceContent = pick(g, contents)

	letter, _ := letterRule(p.province)
	switch {
	case info.Individual, s.AuthorisationLetter && letter.SamePrincipal:
		w.Principal = s.Principal
	default:
		w.Principal = g.personIn(p, needsLandline(p.province))
	}
	if nature == filing.NatureEnterprise && g.chance(10) {
		cat := pick(g, filing.PreApprovalCategories())
		prov, _ := filing.ProvinceByCode(p.province)
		w.Involves = []filing.PreApprovalCategory{cat.Code}
		w.PreApprovals = []filing.PreApproval{{
			Category:  cat.Code,
			Number:    prov.ICPAbbr + "审字〔2026〕第" + g.digits(5) + "号",
			Authority: cat.Authority,
		}}
	}
	return w
}

// maxWebsites is the model's cap on websites per filing (Filing.Websites).
const maxWebsites = 200

// websiteLimit returns how many new websites, one domain each, a new filing
// in the province may carry (R-06 per-order and per-subject limits).
func websiteLimit(province string) int {
	n := maxWebsites
	for _, kind := range []filing.RuleKind{filing.RuleMaxWebsitesPerOrder, filing.RuleMaxDomainsPerOrder, filing.RuleMaxWebsitesPerSubject} {
		if r, ok := rule(provinceCode(province), kind); ok && r.Value < n {
			n = r.Value
		}
	}
	return n
}

// Filing returns a new filing (no record numbers) of subject s with the
// given number of websites from Website. The number is at least 1 (a new
// filing comes with a website, R-01) and at most what the subject's
// province accepts in one filing (Hunan and Hubei: 1, Shanxi: 3, Henan: 5,
// Shaanxi: 30; see filing.RuleMaxWebsitesPerOrder and the other R-06
// limits) or 200.
func (g *Gen) Filing(s filing.Subject, websites int) *filing.Filing {
	n := min(max(websites, 1), websiteLimit(s.Province))
	f := &filing.Filing{Subject: s, Websites: make([]filing.Website, n)}
	for i := range f.Websites {
		f.Websites[i] = g.Website(s)
	}
	return f
}
