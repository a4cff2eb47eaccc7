package filingtest

import (
	"hash/fnv"
	"slices"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/domain"
)

// BrokenCase is a filing with exactly one thing wrong: a valid generated
// filing (Base) and the same filing with one rule broken (Filing), which
// filing.Validate rejects with exactly one problem, Want at Path.
//
// A validator under test should accept Base and reject Filing with Want;
// checking both keeps a validator that rejects everything from passing.
type BrokenCase struct {
	// Name identifies the case, e.g. "resident-id-checksum"; it is stable
	// across releases.
	Name string
	// Rule is the rule ID the case breaks, e.g. "R-09" (see the README's rule coverage table).
	Rule string
	// Description says in English what is broken.
	Description string
	// Base is the valid filing the case starts from.
	Base *filing.Filing
	// Filing is Base with the one thing broken.
	Filing *filing.Filing
	// Want is the code of the one problem Filing has, and Path its JSON
	// field path.
	Want filing.Code
	Path string
	// Now is the instant to validate at (filing.WithNow) when the case
	// depends on the date; zero when it holds at any time.
	Now time.Time
}

// caseNow is the instant of the cases that depend on the date.
var caseNow = time.Date(2026, 11, 23, 10, 0, 0, 0, calendar.Location())

// brokenDef defines a BrokenCase: base builds the valid filing from a Gen,
// brk breaks a second copy of it, with the same Gen continuing.
type brokenDef struct {
	name, rule, desc string
	want             filing.Code
	path             string
	dated            bool
	base             func(g *Gen) *filing.Filing
	brk              func(g *Gen, f *filing.Filing)
}

// Base filings of the cases.

// enterprise is a new filing of an enterprise in a province (principal =
// legal representative, no letter) with n plain websites.
func enterprise(province string, n int) func(*Gen) *filing.Filing {
	return organisationOf(province, 0, false, n)
}

// organisationOf is a new filing of an organisation of orgKinds[k].
func organisationOf(province string, k int, letter bool, n int) func(*Gen) *filing.Filing {
	return func(g *Gen) *filing.Filing {
		s := g.organisation(g.placeOf(province), orgKinds[k], letter)
		return plainFiling(g, s, n)
	}
}

// individual is a new filing of an individual in a province.
func individual(province string) func(*Gen) *filing.Filing {
	return func(g *Gen) *filing.Filing { return plainFiling(g, g.Individual(province), 1) }
}

// plainFiling is g.Filing without pre-approval content, so that the cases
// breaking one field do not meet other rules.
func plainFiling(g *Gen, s filing.Subject, n int) *filing.Filing {
	f := g.Filing(s, n)
	for i := range f.Websites {
		f.Websites[i].Involves, f.Websites[i].PreApprovals = nil, nil
	}
	return f
}

// setDomain gives website 0 one domain and a home URL under it.
func setDomain(f *filing.Filing, domain string) {
	f.Websites[0].Domains = []string{domain}
	f.Websites[0].HomeURL = "https://www." + domain + "/"
}

// setSubjectID gives an individual subject (and so its principal) a resident
// ID number.
func setSubjectID(f *filing.Filing, id filing.IDNumber) {
	f.Subject.CertNumber = id
	f.Subject.Principal.CertNumber = id
	for i := range f.Websites {
		f.Websites[i].Principal.CertNumber = id
	}
}

// freshDomain returns a domain label+suffix new to the Gen (label, a
// numeric tag, suffix).
func (g *Gen) freshDomain(label, suffix string) string {
	return g.fresh("domain", func(tag string) string { return label + tag + suffix })
}

// id17 builds a resident ID number from a county, a birth date and a
// sequence code, with its check character.
func id17(county, birth, seq string) filing.IDNumber {
	body := county + birth + seq
	return filing.IDNumber(body + checkChar(certno.ResidentIDCheckChar, body))
}

// wrongCheck returns s with its last character replaced by another valid
// check character.
func wrongCheck(s filing.IDNumber) filing.IDNumber {
	last := s[len(s)-1]
	repl := byte('0')
	if last == '0' {
		repl = '1'
	}
	return s[:len(s)-1] + filing.IDNumber(repl)
}

// brokenDefs are the cases, in catalogue order. Each case's Gen is seeded
// from its name, so adding a case changes no other.
var brokenDefs = slices.Concat([]brokenDef{
	//
	{name: "no-website", rule: "R-01", desc: "a new filing (subject without a record number) with no website",
		want: filing.CodeNoWebsite, path: "websites", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites = nil }},
	{name: "duplicate-domain", rule: "R-01", desc: "the second website files the first website's domain again",
		want: filing.CodeDuplicateDomain, path: "websites[1].domains[0]", base: enterprise("52", 2),
		brk: func(g *Gen, f *filing.Filing) {
			f.Websites[1].Domains = f.Websites[0].Domains
			f.Websites[1].HomeURL = "http://" + f.Websites[0].Domains[0] + "/shop"
		}},

	//
	{name: "individual-principal-not-self", rule: "R-02", desc: "an individual subject's principal is another person",
		want: filing.CodePrincipalNotSelf, path: "subject.principal.name", base: individual("11"),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Principal.Name, _ = g.personName() }},
	{name: "nature-cert-not-accepted", rule: "R-02", desc: "a government body files with a business licence, which its nature does not accept",
		want: filing.CodeCertNotAccepted, path: "subject.cert_type", base: organisationOf("11", 1, false, 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.CertType = filing.CertBusinessLicence }},

	//
	{name: "legal-representative-missing", rule: "R-03", desc: "an organisation without its legal representative's name",
		want: filing.CodeLegalRepRequired, path: "subject.legal_representative", base: enterprise("11", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.LegalRepresentative = "" }},
	{name: "principal-not-legal-representative", rule: "R-03", desc: "Beijing (no authorisation letters): the principal is not the legal representative",
		want: filing.CodePrincipalNotLegal, path: "subject.principal.name", base: enterprise("11", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.LegalRepresentative, _ = g.personName() }},
	{name: "authorisation-letter-required", rule: "R-03", desc: "Guizhou (accepts letters): the principal is not the legal representative and no letter is on file",
		want: filing.CodeLetterRequired, path: "subject.authorisation_letter", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.LegalRepresentative, _ = g.personName() }},
	{name: "authorisation-letter-not-accepted", rule: "R-03", desc: "Beijing does not accept authorisation letters, but the principal relies on one",
		want: filing.CodeLetterNotAccepted, path: "subject.authorisation_letter", base: enterprise("11", 1),
		brk: func(g *Gen, f *filing.Filing) {
			f.Subject.LegalRepresentative, _ = g.personName()
			f.Subject.AuthorisationLetter = true
		}},
	{name: "letter-website-principal-differs", rule: "R-03", desc: "Jiangsu: with an authorisation letter the website principal must be the subject principal",
		want: filing.CodeSamePrincipal, path: "websites[0].principal.name", base: organisationOf("32", 0, true, 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Principal = g.personIn(g.placeOf("32"), false) }},

	//
	{name: "website-name-missing", rule: "R-04", desc: "a website without a name",
		want: filing.CodeRequired, path: "websites[0].name", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Name = "" }},
	{name: "subject-address-missing", rule: "R-04", desc: "a subject without a mailing address",
		want: filing.CodeRequired, path: "subject.address", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Address = "" }},
	{name: "website-principal-mobile-missing", rule: "R-04", desc: "a website principal without a mobile number",
		want: filing.CodeRequired, path: "websites[0].principal.mobile", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Principal.Mobile = "" }},

	//
	{name: "name-contradicts-nature", rule: "R-05", desc: "an enterprise name (有限公司) with the nature 个人",
		want: filing.CodeKindConflict, path: "subject.nature", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Nature = filing.NatureIndividual }},
	{name: "personal-cert-for-organisation", rule: "R-05", desc: "an enterprise files with a resident ID",
		want: filing.CodePersonalCertForOrg, path: "subject.cert_type", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) {
			f.Subject.CertType = filing.CertResidentID
			f.Subject.CertNumber = g.residentIDIn(g.placeOf("52"))
		}},
	{name: "organisation-cert-for-individual", rule: "R-05", desc: "an individual files with a business licence",
		want: filing.CodeOrgCertForPerson, path: "subject.cert_type", base: individual("52"),
		brk: func(g *Gen, f *filing.Filing) {
			f.Subject.CertType = filing.CertBusinessLicence
			f.Subject.CertNumber = g.uscc(orgKinds[0], g.placeOf("52"))
		}},
	{name: "nature-unknown", rule: "R-05", desc: "a subject nature that is not in the table",
		want: filing.CodeNatureUnknown, path: "subject.nature", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Nature = "company" }},

	//
	{name: "jiangxi-landline-missing", rule: "R-06", desc: "Jiangxi wants a landline as well as a mobile; the subject principal has none",
		want: filing.CodeLandlineRequired, path: "subject.principal.landline", base: enterprise("36", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Principal.Landline = "" }},
	{name: "jiangxi-website-landline-missing", rule: "R-06", desc: "Jiangxi wants a landline as well as a mobile; the website principal has none",
		want: filing.CodeLandlineRequired, path: "websites[0].principal.landline", base: enterprise("36", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Principal.Landline = "" }},
	{name: "emergency-phone-same-as-mobile", rule: "R-06", desc: "the subject principal's emergency phone is the principal's own mobile",
		want: filing.CodeEmergencySame, path: "subject.principal.emergency_phone", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Principal.EmergencyPhone = f.Subject.Principal.Mobile }},
	{name: "jiangxi-emergency-phone-cross", rule: "R-06", desc: "Jiangxi: the website principal's emergency phone is the subject principal's mobile",
		want: filing.CodeEmergencyCross, path: "websites[0].principal.emergency_phone", base: enterprise("36", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Principal.EmergencyPhone = f.Subject.Principal.Mobile }},
	{name: "tianjin-too-young", rule: "R-06", desc: "Tianjin wants individuals to be 18; this one was born in 2012", dated: true,
		want: filing.CodeTooYoung, path: "subject.cert_number", base: individual("12"),
		brk: func(g *Gen, f *filing.Filing) { setSubjectID(f, g.residentID(g.placeOf("12").county, "20120315")) }},
	{name: "gansu-cross-province-refused", rule: "R-06", desc: "Gansu refuses personal filings with a resident ID from another province (Beijing)",
		want: filing.CodeCrossProvince, path: "subject.province", base: individual("62"),
		brk: func(g *Gen, f *filing.Filing) { setSubjectID(f, g.residentIDIn(g.placeOf("11"))) }},
	{name: "guangdong-residence-permit-required", rule: "R-06", desc: "Guangdong takes a personal filing with a resident ID from Hunan only with a local residence permit",
		want: filing.CodeResidencePermit, path: "subject.residence_permit", base: individual("44"),
		brk: func(g *Gen, f *filing.Filing) { setSubjectID(f, g.residentIDIn(g.placeOf("43"))) }},
	{name: "new-website-two-domains", rule: "R-06", desc: "a new website with two domains (one domain per new website since 2019-04-22)",
		want: filing.CodeWebsiteOneDomain, path: "websites[0].domains", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Domains = append(f.Websites[0].Domains, g.Domain()) }},
	{name: "shanxi-too-many-domains", rule: "R-06", desc: "Shanxi takes at most 3 new domains per filing; this one has 4",
		want: filing.CodeOrderDomains, path: "websites", base: enterprise("14", 3),
		brk: func(g *Gen, f *filing.Filing) { f.Websites = append(f.Websites, g.Website(f.Subject)) }},
	{name: "shaanxi-too-many-websites", rule: "R-06", desc: "Shaanxi takes at most 30 websites per subject; this one has 31",
		want: filing.CodeTooManyWebsites, path: "websites", base: enterprise("61", 30),
		brk: func(g *Gen, f *filing.Filing) { f.Websites = append(f.Websites, g.Website(f.Subject)) }},
	{name: "jiangsu-government-suffix", rule: "R-06", desc: "Jiangsu: a government body files a .cn domain instead of .gov.cn or .政务",
		want: filing.CodeGovSuffixRequired, path: "websites[0].domains[0]", base: organisationOf("32", 1, false, 1),
		brk: func(g *Gen, f *filing.Filing) { setDomain(f, g.freshDomain("zhengwu", ".cn")) }},
	{name: "shanghai-institution-suffix", rule: "R-06", desc: "Shanghai: a public institution files a .com domain instead of .cn or .公益",
		want: filing.CodeInstSuffixRequired, path: "websites[0].domains[0]", base: organisationOf("31", 2, false, 1),
		brk: func(g *Gen, f *filing.Filing) { setDomain(f, g.freshDomain("shiye", ".com")) }},
	{name: "province-unknown", rule: "R-06", desc: "a province code that is not a GB/T 2260 province",
		want: filing.CodeProvinceUnknown, path: "subject.province", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Province = "99" }},

	//
	{name: "news-without-pre-approval", rule: "R-07", desc: "news content without the news pre-approval document",
		want: filing.CodePreApprovalNeeded, path: "websites[0].involves[0]", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Involves = []filing.PreApprovalCategory{"news"} }},
	{name: "bbs-without-special-approval", rule: "R-07", desc: "an electronic bulletin service (forum) without the special approval",
		want: filing.CodePreApprovalNeeded, path: "websites[0].involves[0]", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Involves = []filing.PreApprovalCategory{"bbs"} }},
	{name: "pre-approval-expired", rule: "R-07", desc: "health-care content with an approval document that expired on 2025-06-30", dated: true,
		want: filing.CodePreApprovalExpire, path: "websites[0].pre_approvals[0].valid_until",
		base: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Websites[0].Involves = []filing.PreApprovalCategory{"healthcare"}
			f.Websites[0].PreApprovals = []filing.PreApproval{{Category: "healthcare", Number: "黔卫网审〔2024〕第00017号", Authority: "贵州省卫生健康委员会",
				ValidUntil: time.Date(2027, 6, 30, 0, 0, 0, 0, caseNow.Location())}}
			return f
		},
		brk: func(g *Gen, f *filing.Filing) {
			f.Websites[0].PreApprovals[0].ValidUntil = time.Date(2025, 6, 30, 0, 0, 0, 0, caseNow.Location())
		}},
	{name: "pre-approval-category-unknown", rule: "R-07", desc: "content in a category that is not in the pre-approval table",
		want: filing.CodePreApprovalType, path: "websites[0].involves[0]", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Involves = []filing.PreApprovalCategory{"gambling"} }},

	// certificates
	{name: "resident-id-checksum", rule: "R-09", desc: "the subject principal's resident ID has a wrong MOD 11-2 check character",
		want: certno.CodeIDChecksum, path: "subject.principal.cert_number", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) {
			f.Subject.Principal.CertNumber = wrongCheck(f.Subject.Principal.CertNumber)
		}},
	{name: "resident-id-feb29-common-year", rule: "R-09", desc: "a resident ID born on 29 February 1999, a common year",
		want: certno.CodeIDBirthDate, path: "subject.principal.cert_number", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Principal.CertNumber = id17("520102", "19990229", "123") }},
	{name: "resident-id-future-birth", rule: "R-09", desc: "a resident ID born in 2099", dated: true,
		want: certno.CodeIDBirthFuture, path: "subject.principal.cert_number", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Principal.CertNumber = id17("520102", "20990101", "123") }},
	{name: "resident-id-legacy-15", rule: "R-09", desc: "a 15-digit first-generation resident ID number",
		want: certno.CodeIDLegacy15, path: "subject.principal.cert_number", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Principal.CertNumber = "520102800101123" }},
	{name: "resident-id-region", rule: "R-09", desc: "a resident ID whose address code is Taiwan's 71 (reserved, on no card)",
		want: certno.CodeIDRegion, path: "subject.principal.cert_number", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Principal.CertNumber = id17("710101", "19800101", "123") }},
	{name: "resident-id-is-residence-permit", rule: "R-09", desc: "a Hong Kong residence-permit number (810000) given as a resident ID",
		want: certno.CodeIDPermitNumber, path: "subject.principal.cert_number", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Principal.CertNumber = id17("810000", "19800101", "123") }},
	{name: "uscc-checksum", rule: "R-09", desc: "the subject's credit code has a wrong MOD 31 check character",
		want: certno.CodeUSCCChecksum, path: "subject.cert_number", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.CertNumber = wrongCheck(f.Subject.CertNumber) }},
	{name: "uscc-forbidden-letter", rule: "R-09", desc: "a credit code with the letter I, which GB 32100 does not use",
		want: certno.CodeUSCCChars, path: "subject.cert_number", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) {
			f.Subject.CertNumber = f.Subject.CertNumber[:10] + "I" + f.Subject.CertNumber[11:]
		}},
	{name: "uscc-embedded-orgcode", rule: "R-09", desc: "a credit code whose embedded organisation code (characters 9-17) has a wrong check character, the credit code's own check recomputed",
		want: certno.CodeUSCCOrgCode, path: "subject.cert_number", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) {
			c := string(f.Subject.CertNumber)
			first := c[:16] + string(wrongCheck(filing.IDNumber(c[16:17])))
			f.Subject.CertNumber = filing.IDNumber(first + checkChar(certno.USCCCheckChar, first))
		}},
	{name: "uscc-registration-number-15", rule: "R-09", desc: "a 15-digit business registration number instead of the credit code",
		want: certno.CodeUSCCRegNo15, path: "subject.cert_number", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.CertNumber = "520102000123456" }},
	{name: "orgcode-checksum", rule: "R-09", desc: "a government body's organisation code with a wrong GB 11714 check character",
		want: certno.CodeOrgCodeChecksum, path: "subject.cert_number",
		base: func(g *Gen) *filing.Filing {
			f := organisationOf("11", 1, false, 1)(g)
			f.Subject.CertType = filing.CertOrgCode
			f.Subject.CertNumber = g.OrgCode()
			return f
		},
		brk: func(g *Gen, f *filing.Filing) { f.Subject.CertNumber = wrongCheck(f.Subject.CertNumber) }},
	{name: "cert-type-unknown", rule: "R-09", desc: "a certificate type that is not in the table (军官证 is not an ICP certificate)",
		want: certno.CodeCertUnknownType, path: "subject.principal.cert_type", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Principal.CertType = "military_officer" }},

	// phones and e-mail
	{name: "mobile-segment", rule: "R-09", desc: "a mobile number in the unallocated segment 120",
		want: contact.CodePhoneMobileSegment, path: "subject.principal.mobile", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Principal.Mobile = "12012345678" }},
	{name: "mobile-iot", rule: "R-09", desc: "a 13-digit IoT number, which cannot receive the verification SMS",
		want: contact.CodePhoneMobileIoT, path: "subject.principal.mobile", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Principal.Mobile = "1440123456789" }},
	{name: "landline-service-number", rule: "R-09", desc: "a 400 service number as the principal's landline",
		want: contact.CodePhoneService, path: "subject.principal.landline", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Subject.Principal.Landline = "400-810-8888" }},
	{name: "email-display-name", rule: "R-09", desc: "an e-mail address with a display name",
		want: contact.CodeEmailFormat, path: "subject.principal.email", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) {
			f.Subject.Principal.Email = filing.Email(f.Subject.Principal.Name + " <" + string(f.Subject.Principal.Email) + ">")
		}},

	// domains and home URLs
	{name: "tld-io", rule: "R-09", desc: "a .io domain: the TLD is not approved for filing",
		want: domain.CodeDomainTLDNotApproved, path: "websites[0].domains[0]", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { setDomain(f, g.freshDomain("xingchen", ".io")) }},
	{name: "tld-org", rule: "R-09", desc: "a .org domain: the TLD is no longer approved for new filings",
		want: domain.CodeDomainTLDNotApproved, path: "websites[0].domains[0]", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { setDomain(f, g.freshDomain("xingchen", ".org")) }},
	{name: "domain-public-suffix", rule: "R-09", desc: "the public suffix com.cn filed as a domain",
		want: domain.CodeDomainPublicSuffix, path: "websites[0].domains[0]", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { setDomain(f, "com.cn") }},
	{name: "domain-subdomain", rule: "R-09", desc: "a www subdomain filed instead of the registered domain",
		want: domain.CodeDomainSubdomain, path: "websites[0].domains[0]", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Domains[0] = "www." + f.Websites[0].Domains[0] }},
	{name: "domain-government-only", rule: "R-09", desc: "an enterprise files a .gov.cn domain, reserved for government bodies",
		want: domain.CodeDomainGovernmentOnly, path: "websites[0].domains[0]", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { setDomain(f, g.freshDomain("qiye", ".gov.cn")) }},
	{name: "home-url-off-domain", rule: "R-09", desc: "the home URL is on another domain than the website's",
		want: domain.CodeURLNotUnderDomain, path: "websites[0].home_url", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].HomeURL = "https://www." + g.Domain() + "/" }},
	{name: "home-url-ip", rule: "R-09", desc: "the home URL names an IP address",
		want: domain.CodeURLIPHost, path: "websites[0].home_url", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].HomeURL = "http://203.0.113.7/" }},
	{name: "home-url-port", rule: "R-09", desc: "the home URL uses a non-default port",
		want: domain.CodeURLPort, path: "websites[0].home_url", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) {
			f.Websites[0].HomeURL = "http://www." + f.Websites[0].Domains[0] + ":8080/"
		}},
	{name: "home-url-scheme", rule: "R-09", desc: "the home URL is an ftp URL",
		want: domain.CodeURLScheme, path: "websites[0].home_url", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].HomeURL = "ftp://" + f.Websites[0].Domains[0] + "/" }},

	//
	{name: "website-status-unknown", rule: "R-10", desc: "a website status that is not a lifecycle status",
		want: filing.CodeStatusUnknown, path: "websites[0].status", base: enterprise("52", 1),
		brk: func(g *Gen, f *filing.Filing) { f.Websites[0].Status = "online" }},
}, appBrokenDefs, nameBrokenDefs)

// seedOf derives a case's seed from its name (FNV-1a).
func seedOf(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return int64(h.Sum64())
}

func (d brokenDef) build() BrokenCase {
	seed := seedOf(d.name)
	base := d.base(New(seed))
	g := New(seed)
	f := d.base(g)
	d.brk(g, f)
	c := BrokenCase{Name: d.name, Rule: d.rule, Description: d.desc, Base: base, Filing: f, Want: d.want, Path: d.path}
	if d.dated {
		c.Now = caseNow
	}
	return c
}

// BrokenCases returns every broken case, ordered by rule. Each call builds
// new filings, which the caller may change.
func BrokenCases() []BrokenCase {
	out := make([]BrokenCase, len(brokenDefs))
	for i, d := range brokenDefs {
		out[i] = d.build()
	}
	return out
}

// Broken returns the broken case of a name (see BrokenCases), built anew;
// ok is false for an unknown name.
func Broken(name string) (c BrokenCase, ok bool) {
	for _, d := range brokenDefs {
		if d.name == name {
			return d.build(), true
		}
	}
	return BrokenCase{}, false
}

// BrokenFor returns the broken cases of one rule ("R-06"), built anew, in
// the order of BrokenCases; none for a rule Validate does not enforce.
func BrokenFor(rule string) []BrokenCase {
	var out []BrokenCase
	for _, d := range brokenDefs {
		if d.rule == rule {
			out = append(out, d.build())
		}
	}
	return out
}
