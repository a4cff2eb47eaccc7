package filingtest

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/domain"
)

// The conformance corpus (conformance/*.json) is generated from the broken
// cases and the extra cases below; TestCorpusUpToDate fails when the files
// differ from what the definitions give. After changing a definition (or
// the generators), rewrite the files with
//
//	go test ./filing/filingtest -run TestCorpusUpToDate -update
var update = flag.Bool("update", false, "rewrite conformance/*.json from the case definitions")

// extraDef is a conformance case that is not a broken case: a valid input
// written the way real users type it, or an invalid one with its expected
// problems (nil errors: valid).
type extraDef struct {
	name, rule, desc string
	now              time.Time
	build            func(g *Gen) *filing.Filing
	errors           []Expect
}

var cst = calendar.Location()

func at(y int, m time.Month, d, hh, mm, ss int, loc *time.Location) time.Time {
	return time.Date(y, m, d, hh, mm, ss, 0, loc)
}

// fullWidth returns s with its printable ASCII in full-width form, as a
// Chinese input method types it.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '\u3000'
		case r > ' ' && r <= '~':
			return r + 0xFEE0
		}
		return r
	}, s)
}

// idEndingX returns a resident ID of the county and birth date whose check
// character is X.
func idEndingX(county, birth string) filing.IDNumber {
	for s := 1; s < 1000; s++ {
		id := id17(county, birth, fmt.Sprintf("%03d", s))
		if id[17] == 'X' {
			return id
		}
	}
	return ""
}

func e(code filing.Code, path string) Expect { return Expect{Code: code, Path: path} }

// withPrincipalID gives website 0's principal (an organisation's, so not the
// subject) a certificate.
func withPrincipalID(f *filing.Filing, t filing.CertType, n filing.IDNumber) *filing.Filing {
	f.Websites[0].Principal.CertType = t
	f.Websites[0].Principal.CertNumber = n
	return f
}

var extraDefs = []extraDef{
	// whole filings.
	{name: "valid-enterprise-three-websites", rule: "R-01", desc: "an enterprise in Guizhou with three new websites",
		build: func(g *Gen) *filing.Filing { return g.Filing(g.organisation(g.placeOf("52"), orgKinds[0], false), 3) }},
	{name: "valid-individual", rule: "R-01", desc: "an individual in Beijing with a personal website",
		build: func(g *Gen) *filing.Filing { return g.Filing(g.Individual("11"), 1) }},
	{name: "valid-generated-1", rule: "R-01", desc: "a generated filing (seeded subject, province and websites)",
		build: func(g *Gen) *filing.Filing { return g.Filing(g.Subject(), 2) }},
	{name: "valid-generated-2", rule: "R-01", desc: "a generated filing (seeded subject, province and websites)",
		build: func(g *Gen) *filing.Filing { return g.Filing(g.Subject(), 2) }},
	{name: "valid-generated-3", rule: "R-01", desc: "a generated filing (seeded subject, province and websites)",
		build: func(g *Gen) *filing.Filing { return g.Filing(g.Subject(), 3) }},
	{name: "valid-subject-with-number-alone", rule: "R-01", desc: "a subject that already has its record number may be filed without websites (a change)",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Subject.Number = "黔ICP备2026001073号"
			f.Websites = nil
			return f
		}},
	{name: "filing-null", rule: "R-01", desc: "no filing at all (JSON null)",
		build: func(g *Gen) *filing.Filing { return nil }, errors: []Expect{e(filing.CodeFilingNil, "")}},
	{name: "duplicate-domain-idn-and-a-label", rule: "R-01", desc: "a Chinese domain and its own A-label filed as two websites",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 2)(g)
			d := g.DomainIDN()
			a, _ := domain.NormalizeDomain(d)
			setDomain(f, d)
			f.Websites[1].Domains = []string{a}
			f.Websites[1].HomeURL = "http://" + a + "/"
			return f
		}, errors: []Expect{e(filing.CodeDuplicateDomain, "websites[1].domains[0]")}},
	{name: "multiple-problems-listed", rule: "R-01", desc: "every problem is reported, not only the first: a .io domain and a wrong ID check character",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			setDomain(f, "xingchen-multi.io")
			f.Subject.Principal.CertNumber = wrongCheck(f.Subject.Principal.CertNumber)
			return f
		}, errors: []Expect{e(certno.CodeIDChecksum, "subject.principal.cert_number"), e(domain.CodeDomainTLDNotApproved, "websites[0].domains[0]")}},

	//
	{name: "valid-guizhou-authorisation-letter", rule: "R-03", desc: "Guizhou accepts a principal other than the legal representative with an authorisation letter",
		build: organisationOf("52", 0, true, 1)},
	{name: "valid-jiangsu-letter-same-principal", rule: "R-03", desc: "Jiangsu: with an authorisation letter, the website principal is the subject principal",
		build: organisationOf("32", 0, true, 1)},
	{name: "valid-legal-representative-name-spacing", rule: "R-03", desc: "the principal is the legal representative though the names differ in spaces and middle dots",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("65", 1)(g)
			f.Subject.Principal.Name = "阿依古丽·买买提"
			f.Subject.LegalRepresentative = "阿依古丽 买买提"
			return f
		}},

	//
	{name: "valid-chinese-table-names", rule: "R-05", desc: "nature, certificate types and province given by their Chinese names",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Subject.Province = "贵州"
			f.Subject.Nature = "企业"
			f.Subject.CertType = "工商营业执照"
			f.Subject.Principal.CertType = "居民身份证"
			return f
		}},
	{name: "valid-province-abbreviation", rule: "R-05", desc: "the province given by the abbreviation of its record numbers (黔)",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Subject.Province = "黔"
			return f
		}},
	{name: "valid-sole-trader", rule: "R-05", desc: "a 个体工商户 without a trade name files as an enterprise under the owner's name, marked in the remarks",
		build: func(g *Gen) *filing.Filing {
			f := individual("34")(g)
			s := &f.Subject
			s.Nature, s.CertType = filing.NatureEnterprise, filing.CertBusinessLicence
			s.CertNumber = g.uscc(orgKind{dept: "9", category: "2"}, g.placeOf("34"))
			s.LegalRepresentative = s.Principal.Name
			s.Remarks = "无字号无公章个体工商户"
			return f
		}},
	{name: "valid-individual-middle-dot-name", rule: "R-05", desc: "an individual whose name has a middle dot (阿依古丽·买买提) is judged an individual",
		build: func(g *Gen) *filing.Filing {
			f := individual("65")(g)
			f.Subject.Name = "阿依古丽·买买提"
			f.Subject.Principal.Name = "阿依古丽·买买提"
			f.Websites[0].Principal.Name = "阿依古丽·买买提"
			return f
		}},

	{name: "valid-individual-name-with-space", rule: "R-05", desc: "an individual whose name is typed with a space between the characters (张 伟)",
		build: func(g *Gen) *filing.Filing {
			f := individual("52")(g)
			f.Subject.Name = "张 伟"
			f.Subject.Principal.Name = "张伟"
			f.Websites[0].Principal.Name = "张伟"
			return f
		}},

	//
	{name: "valid-jiangxi-landline-and-mobile", rule: "R-06", desc: "Jiangxi: every principal gives a landline and a mobile",
		build: enterprise("36", 2)},
	{name: "valid-jiangxi-individual", rule: "R-06", desc: "Jiangxi: an individual with a landline and a mobile",
		build: individual("36")},
	{name: "valid-guangdong-residence-permit", rule: "R-06", desc: "Guangdong takes a resident ID from Hunan with a local residence permit",
		build: func(g *Gen) *filing.Filing {
			f := individual("44")(g)
			setSubjectID(f, g.residentIDIn(g.placeOf("43")))
			f.Subject.ResidencePermit = true
			return f
		}},
	{name: "tianjin-18th-birthday", rule: "R-06", desc: "Tianjin wants individuals to be 18: valid from the first instant of the 18th birthday in China",
		now: at(2026, 11, 22, 16, 0, 0, time.UTC),
		build: func(g *Gen) *filing.Filing {
			f := individual("12")(g)
			setSubjectID(f, id17("120101", "20081123", "123"))
			return f
		}},
	{name: "tianjin-day-before-18th-birthday", rule: "R-06", desc: "Tianjin wants individuals to be 18: one second before the 18th birthday in China (UTC+8)",
		now: at(2026, 11, 22, 15, 59, 59, time.UTC),
		build: func(g *Gen) *filing.Filing {
			f := individual("12")(g)
			setSubjectID(f, id17("120101", "20081123", "123"))
			return f
		}, errors: []Expect{e(filing.CodeTooYoung, "subject.cert_number")}},
	{name: "tianjin-feb29-born-day-before-birthday", rule: "R-06", desc: "born on 29 February 2008: still 17 on 28 February 2026",
		now: at(2026, 2, 28, 12, 0, 0, cst),
		build: func(g *Gen) *filing.Filing {
			f := individual("12")(g)
			setSubjectID(f, id17("120101", "20080229", "123"))
			return f
		}, errors: []Expect{e(filing.CodeTooYoung, "subject.cert_number")}},
	{name: "tianjin-feb29-born-birthday-march-1", rule: "R-06", desc: "born on 29 February 2008: 18 on 1 March 2026 (a common year)",
		now: at(2026, 3, 1, 0, 0, 0, cst),
		build: func(g *Gen) *filing.Filing {
			f := individual("12")(g)
			setSubjectID(f, id17("120101", "20080229", "123"))
			return f
		}},
	{name: "valid-jiangsu-government-gov-cn", rule: "R-06", desc: "Jiangsu: a government body on .gov.cn",
		build: organisationOf("32", 1, false, 1)},
	{name: "valid-jiangsu-government-zhengwu", rule: "R-06", desc: "Jiangsu: a government body on a Chinese .政务 domain",
		build: func(g *Gen) *filing.Filing {
			f := organisationOf("32", 1, false, 1)(g)
			setDomain(f, g.freshDomain("星辰", ".政务"))
			return f
		}},
	{name: "valid-government-zhengwu-cn", rule: "R-06", desc: "a government body on a domain under 政务.cn (a public suffix the Public Suffix List lacks)",
		build: func(g *Gen) *filing.Filing {
			f := organisationOf("32", 1, false, 1)(g)
			setDomain(f, g.freshDomain("星辰", ".政务.cn"))
			return f
		}},
	{name: "valid-shanghai-institution-cn", rule: "R-06", desc: "Shanghai: a public institution on .cn",
		build: organisationOf("31", 2, false, 1)},
	{name: "hubei-two-websites", rule: "R-06", desc: "Hubei takes one new website and one new domain per filing; this one has two",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("42", 1)(g)
			f.Websites = append(f.Websites, g.Website(f.Subject))
			f.Websites[1].Involves, f.Websites[1].PreApprovals = nil, nil
			return f
		}, errors: []Expect{e(filing.CodeOrderWebsites, "websites"), e(filing.CodeOrderDomains, "websites")}},
	{name: "valid-filed-website-keeps-two-domains", rule: "R-06", desc: "a website that already has its record number may keep two domains",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Subject.Number = "黔ICP备2026001073号"
			f.Websites[0].Number = "黔ICP备2026001073号-1"
			f.Websites[0].Domains = append(f.Websites[0].Domains, g.Domain())
			return f
		}},

	{name: "emergency-phone-same-mobile-formatted", rule: "R-06", desc: "the emergency phone is the principal's own mobile written with +86 and spaces",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			m := string(f.Subject.Principal.Mobile)
			f.Subject.Principal.EmergencyPhone = filing.Phone("+86 " + m[:3] + " " + m[3:7] + " " + m[7:])
			return f
		}, errors: []Expect{e(filing.CodeEmergencySame, "subject.principal.emergency_phone")}},

	//
	{name: "valid-news-with-pre-approval", rule: "R-07", desc: "news content with the news pre-approval document",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Websites[0].Involves = []filing.PreApprovalCategory{"news"}
			f.Websites[0].PreApprovals = []filing.PreApproval{{Category: "新闻", Number: "黔网信新闻许〔2026〕第00001号", Authority: "贵州省互联网信息办公室"}}
			return f
		}},
	{name: "valid-every-pre-approval-category", rule: "R-07", desc: "content in every category, each with its document",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			for i, c := range filing.PreApprovalCategories() {
				f.Websites[0].Involves = append(f.Websites[0].Involves, c.Code)
				f.Websites[0].PreApprovals = append(f.Websites[0].PreApprovals,
					filing.PreApproval{Category: c.Code, Number: fmt.Sprintf("黔审〔2026〕第%05d号", i+1), Authority: c.Authority})
			}
			return f
		}},
	{name: "pre-approval-of-another-category", rule: "R-07", desc: "news content with an approval document of another category (publishing)",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Websites[0].Involves = []filing.PreApprovalCategory{"news"}
			f.Websites[0].PreApprovals = []filing.PreApproval{{Category: "publishing", Number: "黔新出网〔2026〕第00002号"}}
			return f
		}, errors: []Expect{e(filing.CodePreApprovalNeeded, "websites[0].involves[0]")}},

	// resident IDs as users type them.
	{name: "valid-resident-id-full-width", rule: "R-09", desc: "a resident ID typed in full-width digits",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Subject.Principal.CertNumber = filing.IDNumber(fullWidth(string(f.Subject.Principal.CertNumber)))
			return f
		}},
	{name: "valid-resident-id-lowercase-x", rule: "R-09", desc: "a lower-case x check character",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Subject.Principal.CertNumber = filing.IDNumber(strings.ToLower(string(idEndingX("520102", "19850612"))))
			return f
		}},
	{name: "valid-resident-id-stray-spaces", rule: "R-09", desc: "a resident ID with spaces around and inside it",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			n := string(f.Subject.Principal.CertNumber)
			f.Subject.Principal.CertNumber = filing.IDNumber(" " + n[:6] + " " + n[6:14] + " " + n[14:] + "  ")
			return f
		}},
	{name: "valid-individual-id-width-differs", rule: "R-09", desc: "an individual's certificate typed in ASCII as subject and in full-width as principal: the same number",
		build: func(g *Gen) *filing.Filing {
			f := individual("52")(g)
			f.Subject.Principal.CertNumber = filing.IDNumber(fullWidth(string(f.Subject.CertNumber)))
			return f
		}},
	{name: "valid-resident-id-feb29-leap-year", rule: "R-09", desc: "born on 29 February 2000 (2000 is a leap year)",
		build: func(g *Gen) *filing.Filing {
			return withPrincipalID(enterprise("52", 1)(g), filing.CertResidentID, id17("520102", "20000229", "246"))
		}},
	{name: "resident-id-feb29-1900", rule: "R-09", desc: "born on 29 February 1900 (1900 is not a leap year)",
		build: func(g *Gen) *filing.Filing {
			return withPrincipalID(enterprise("52", 1)(g), filing.CertResidentID, id17("520102", "19000229", "246"))
		}, errors: []Expect{e(certno.CodeIDBirthDate, "websites[0].principal.cert_number")}},
	{name: "valid-resident-id-standard-examples", rule: "R-09", desc: "the GB 11643 examples 11010519491231002X and 440524188001010014 (born 1880)",
		build: func(g *Gen) *filing.Filing {
			f := withPrincipalID(enterprise("52", 1)(g), filing.CertResidentID, "440524188001010014")
			f.Subject.Principal.CertNumber = "11010519491231002X"
			return f
		}},
	{name: "resident-id-standard-negative", rule: "R-09", desc: "110105194912310021: the check character should be X",
		build: func(g *Gen) *filing.Filing {
			return withPrincipalID(enterprise("52", 1)(g), filing.CertResidentID, "110105194912310021")
		}, errors: []Expect{e(certno.CodeIDChecksum, "websites[0].principal.cert_number")}},
	{name: "resident-id-born-before-1800", rule: "R-09", desc: "a birth date before 1800-01-01",
		build: func(g *Gen) *filing.Filing {
			return withPrincipalID(enterprise("52", 1)(g), filing.CertResidentID, id17("520102", "17991231", "123"))
		}, errors: []Expect{e(certno.CodeIDBirthEarly, "websites[0].principal.cert_number")}},
	{name: "resident-id-birth-today-in-china", rule: "R-09", desc: "born on the day that has just begun in China (UTC+8) while it is still the day before in UTC",
		now: at(2026, 11, 22, 16, 30, 0, time.UTC),
		build: func(g *Gen) *filing.Filing {
			return withPrincipalID(enterprise("52", 1)(g), filing.CertResidentID, id17("520102", "20261123", "123"))
		}},
	{name: "resident-id-birth-tomorrow-in-china", rule: "R-09", desc: "born on the next day in China (UTC+8)",
		now: at(2026, 11, 22, 15, 30, 0, time.UTC),
		build: func(g *Gen) *filing.Filing {
			return withPrincipalID(enterprise("52", 1)(g), filing.CertResidentID, id17("520102", "20261123", "123"))
		}, errors: []Expect{e(certno.CodeIDBirthFuture, "websites[0].principal.cert_number")}},
	{name: "resident-id-birth-past-at-validator-clock", rule: "R-09", desc: "born in 2027, validated as of 2030: the validator's clock decides, not the machine's",
		now: at(2030, 1, 1, 0, 0, 0, cst),
		build: func(g *Gen) *filing.Filing {
			return withPrincipalID(enterprise("11", 1)(g), filing.CertResidentID, id17("110105", "20270601", "123"))
		}},
	{name: "valid-residence-permit", rule: "R-09", desc: "a Hong Kong resident's residence permit (address code 810000)",
		build: func(g *Gen) *filing.Filing {
			return withPrincipalID(enterprise("44", 1)(g), filing.CertHKMOTWResidence, id17("810000", "19880808", "135"))
		}},
	{name: "residence-permit-with-mainland-number", rule: "R-09", desc: "the residence-permit type with a mainland resident ID number",
		build: func(g *Gen) *filing.Filing {
			return withPrincipalID(enterprise("44", 1)(g), filing.CertHKMOTWResidence, id17("440106", "19880808", "135"))
		}, errors: []Expect{e(certno.CodeIDNotPermit, "websites[0].principal.cert_number")}},
	{name: "valid-hk-mo-travel-permit", rule: "R-09", desc: "a Hong Kong resident's travel permit (回乡证) H + 8 digits",
		build: func(g *Gen) *filing.Filing {
			return withPrincipalID(enterprise("44", 1)(g), filing.CertHKMOPermit, "H12345678")
		}},

	// credit codes and organisation codes.
	{name: "valid-uscc-lowercase", rule: "R-09", desc: "a credit code typed in lower case",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Subject.CertNumber = filing.IDNumber(strings.ToLower(string(f.Subject.CertNumber)))
			return f
		}},
	{name: "valid-uscc-standard-example", rule: "R-09", desc: "the GB 32100-2015 appendix B example 91350100M000100Y43 (Fuzhou)",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("35", 1)(g)
			f.Subject.CertNumber = "91350100M000100Y43"
			return f
		}},
	{name: "uscc-letter-o-for-zero", rule: "R-09", desc: "a credit code with the letter O typed for the digit 0",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("35", 1)(g)
			f.Subject.CertNumber = "91350100M0O0100Y43"
			return f
		}, errors: []Expect{e(certno.CodeUSCCChars, "subject.cert_number")}},
	{name: "valid-orgcode-without-hyphen", rule: "R-09", desc: "a government body's organisation code without its hyphen (D2143569X)",
		build: func(g *Gen) *filing.Filing {
			f := organisationOf("11", 1, false, 1)(g)
			f.Subject.CertType, f.Subject.CertNumber = filing.CertOrgCode, "D2143569X"
			return f
		}},

	// phones and e-mail as users type them.
	{name: "valid-mobile-full-width-country-code", rule: "R-09", desc: "a mobile typed in full width with +86, spaces and hyphens",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			m := string(f.Subject.Principal.Mobile)
			f.Subject.Principal.Mobile = filing.Phone(fullWidth("+86 " + m[:3] + "-" + m[3:7] + "-" + m[7:]))
			return f
		}},
	{name: "valid-mobile-0086", rule: "R-09", desc: "a mobile with the 0086 prefix",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Subject.Principal.Mobile = "0086" + f.Subject.Principal.Mobile
			return f
		}},
	{name: "valid-landline-forms", rule: "R-09", desc: "landlines as (area)number and with an extension after 转",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("36", 1)(g)
			sp, wp := &f.Subject.Principal, &f.Websites[0].Principal
			area, num, _ := strings.Cut(string(sp.Landline), "-")
			sp.Landline = filing.Phone("(" + area + ")" + num)
			wp.Landline += "转123"
			return f
		}},
	{name: "landline-without-area-code", rule: "R-09", desc: "a landline without its area code",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("36", 1)(g)
			_, num, _ := strings.Cut(string(f.Subject.Principal.Landline), "-")
			f.Subject.Principal.Landline = filing.Phone(num)
			return f
		}, errors: []Expect{e(contact.CodePhoneLandArea, "subject.principal.landline")}},
	{name: "jiangxi-mobile-in-landline-field", rule: "R-09", desc: "Jiangxi: a mobile number typed into the landline field",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("36", 1)(g)
			f.Subject.Principal.Landline = g.Mobile()
			return f
		}, errors: []Expect{e(contact.CodePhoneLandFormat, "subject.principal.landline")}},
	{name: "valid-email-full-width-at", rule: "R-09", desc: "an e-mail address with a full-width ＠",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Subject.Principal.Email = filing.Email(strings.Replace(string(f.Subject.Principal.Email), "@", "＠", 1))
			return f
		}},
	{name: "valid-email-chinese-domain", rule: "R-09", desc: "an e-mail address under a Chinese domain",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Subject.Principal.Email = "zhangwei@例子.中国"
			return f
		}},

	// domains and home URLs as users type them.
	{name: "valid-domain-idn-u-label", rule: "R-09", desc: "a Chinese domain in Unicode, home URL likewise",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			setDomain(f, g.DomainIDN())
			return f
		}},
	{name: "valid-domain-idn-a-label", rule: "R-09", desc: "a Chinese domain as its A-label, the home URL in Unicode",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			d := g.DomainIDN()
			a, _ := domain.NormalizeDomain(d)
			f.Websites[0].Domains = []string{a}
			f.Websites[0].HomeURL = "https://" + d + "/"
			return f
		}},
	{name: "valid-domain-ideographic-full-stop", rule: "R-09", desc: "a Chinese domain with the ideographic full stop 。 as separator",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			d := strings.ReplaceAll(g.DomainIDN(), ".", "。")
			f.Websites[0].Domains = []string{d}
			f.Websites[0].HomeURL = "http://www." + d
			return f
		}},
	{name: "valid-domain-uppercase-trailing-dot", rule: "R-09", desc: "an upper-case domain with a trailing dot, home URL likewise",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			d := strings.ToUpper(g.Domain()) + "."
			f.Websites[0].Domains = []string{d}
			f.Websites[0].HomeURL = "HTTPS://WWW." + d + "/"
			return f
		}},
	{name: "valid-domain-full-width", rule: "R-09", desc: "a domain typed in full width, with spaces around it",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			d := g.Domain()
			f.Websites[0].Domains = []string{" " + fullWidth(d) + " "}
			f.Websites[0].HomeURL = "https://www." + d + "/"
			return f
		}},
	{name: "tld-dev", rule: "R-09", desc: "a .dev domain: the TLD is not approved for filing",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			setDomain(f, "xingchen-dev.dev")
			return f
		}, errors: []Expect{e(domain.CodeDomainTLDNotApproved, "websites[0].domains[0]")}},
	{name: "domain-zhengwu-cn-is-public-suffix", rule: "R-09", desc: "政务.cn itself filed as a domain (a public suffix from the filing table)",
		build: func(g *Gen) *filing.Filing {
			f := organisationOf("32", 1, false, 1)(g)
			setDomain(f, "政务.cn")
			return f
		}, errors: []Expect{e(domain.CodeDomainPublicSuffix, "websites[0].domains[0]")}},
	{name: "domain-is-ip-address", rule: "R-09", desc: "an IP address in the domain field (and so as the home URL host)",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Websites[0].Domains = []string{"203.0.113.7"}
			f.Websites[0].HomeURL = "http://203.0.113.7/"
			return f
		}, errors: []Expect{e(domain.CodeDomainIPLiteral, "websites[0].domains[0]"), e(domain.CodeURLIPHost, "websites[0].home_url")}},
	{name: "domain-field-holds-url", rule: "R-09", desc: "the home URL pasted into the domain field",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Websites[0].Domains = []string{f.Websites[0].HomeURL}
			return f
		}, errors: []Expect{e(domain.CodeDomainURL, "websites[0].domains[0]"), e(domain.CodeURLNotUnderDomain, "websites[0].home_url")}},
	{name: "domain-bad-punycode", rule: "R-09", desc: "an xn-- label that is not valid Punycode (and so the home URL host)",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			setDomain(f, "xn--abc.com")
			return f
		}, errors: []Expect{e(domain.CodeDomainInvalid, "websites[0].domains[0]"), e(domain.CodeURLHost, "websites[0].home_url")}},
	{name: "valid-home-url-without-scheme", rule: "R-09", desc: "a home URL without a scheme, as ISP forms show it",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Websites[0].HomeURL = "www." + f.Websites[0].Domains[0] + "/index.html"
			return f
		}},
	{name: "valid-home-url-default-port", rule: "R-09", desc: "a home URL with the default port :443 of https",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Websites[0].HomeURL = "https://www." + f.Websites[0].Domains[0] + ":443/"
			return f
		}},
	{name: "home-url-lookalike-host", rule: "R-09", desc: "a home URL whose host only ends with the domain's letters (evil + domain), not a subdomain",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Websites[0].HomeURL = "https://evil" + f.Websites[0].Domains[0] + "/"
			return f
		}, errors: []Expect{e(domain.CodeURLNotUnderDomain, "websites[0].home_url")}},
	{name: "home-url-domain-as-subdomain-elsewhere", rule: "R-09", desc: "a home URL on another domain that has the website's domain as a subdomain label",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Websites[0].HomeURL = "https://" + f.Websites[0].Domains[0] + ".evil.cn/"
			return f
		}, errors: []Expect{e(domain.CodeURLNotUnderDomain, "websites[0].home_url")}},
	{name: "home-url-userinfo", rule: "R-09", desc: "a home URL with user info",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Websites[0].HomeURL = "http://admin:secret@www." + f.Websites[0].Domains[0] + "/"
			return f
		}, errors: []Expect{e(domain.CodeURLUserInfo, "websites[0].home_url")}},
	{name: "home-url-javascript", rule: "R-09", desc: "a javascript: URL as the home URL",
		build: func(g *Gen) *filing.Filing {
			f := enterprise("52", 1)(g)
			f.Websites[0].HomeURL = "javascript:alert(1)"
			return f
		}, errors: []Expect{e(domain.CodeURLScheme, "websites[0].home_url")}},

	// access records.
	{name: "valid-filed-website-with-access", rule: "R-09", desc: "a filed website with its access record (IPv4 and IPv6 addresses)",
		build: func(g *Gen) *filing.Filing {
			return withAccess(enterprise("52", 1)(g), at(2026, 1, 5, 9, 0, 0, cst), time.Time{})
		}},
	{name: "access-since-future", rule: "R-09", desc: "an access record that starts after the validation instant", now: at(2026, 11, 23, 10, 0, 0, cst),
		build: func(g *Gen) *filing.Filing {
			return withAccess(enterprise("52", 1)(g), at(2026, 12, 25, 9, 0, 0, cst), time.Time{})
		},
		errors: []Expect{e(filing.CodeAccessFuture, "websites[0].access[0].since")}},
	{name: "access-until-before-since", rule: "R-09", desc: "an access record cancelled before it started",
		build: func(g *Gen) *filing.Filing {
			return withAccess(enterprise("52", 1)(g), at(2026, 3, 1, 9, 0, 0, cst), at(2026, 2, 1, 9, 0, 0, cst))
		}, errors: []Expect{e(filing.CodeAccessPeriod, "websites[0].access[0].until")}},
}

// withAccess makes f an approved subject with an approved website 0 that
// has one access record.
func withAccess(f *filing.Filing, since, until time.Time) *filing.Filing {
	f.Subject.Number, f.Subject.Status = "黔ICP备2026001073号", filing.StatusApproved
	w := &f.Websites[0]
	w.Number, w.Status = "黔ICP备2026001073号-1", filing.StatusApproved
	w.Access = []filing.Access{{ISP: "示例云计算有限公司", ISPProvince: "52",
		IPs: []netip.Addr{netip.MustParseAddr("203.0.113.10"), netip.MustParseAddr("2001:db8::10")}, Since: since, Until: until}}
	return f
}

// corpusFileName is the file of a rule's cases: "R-09" → "r09.json".
func corpusFileName(rule string) string {
	return strings.ToLower(strings.ReplaceAll(rule, "-", "")) + ".json"
}

// buildCorpus returns the corpus files by name, from the definitions.
func buildCorpus() map[string][]Case {
	files := map[string][]Case{}
	for _, d := range extraDefs {
		f := d.build(New(seedOf(d.name)))
		c := Case{Name: d.name, Rule: d.rule, Description: d.desc, Now: d.now, Filing: f, Valid: d.errors == nil, Errors: d.errors}
		files[corpusFileName(d.rule)] = append(files[corpusFileName(d.rule)], c)
	}
	for _, b := range BrokenCases() {
		c := Case{Name: b.Name, Rule: b.Rule, Description: b.Description, Now: b.Now, Filing: b.Filing, Errors: []Expect{{Code: b.Want, Path: b.Path}}}
		files[corpusFileName(b.Rule)] = append(files[corpusFileName(b.Rule)], c)
	}
	for name, cases := range files {
		slices.SortStableFunc(cases, func(a, b Case) int { return boolInt(!a.Valid) - boolInt(!b.Valid) })
		files[name] = cases
	}
	return files
}

// encodeCorpus renders one corpus file.
func encodeCorpus(cases []Case) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(corpusFile{Cases: cases}); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func TestCorpusUpToDate(t *testing.T) {
	files := buildCorpus()
	if *update {
		old, _ := filepath.Glob(filepath.Join(corpusDir, "*.json"))
		for _, name := range old {
			if _, ok := files[filepath.Base(name)]; !ok {
				if err := os.Remove(name); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	for name, cases := range files {
		want, err := encodeCorpus(cases)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(corpusDir, name)
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := corpusFS.ReadFile(corpusDir + "/" + name)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is out of date (%v); run go test ./filing/filingtest -run TestCorpusUpToDate -update", path, err)
		}
	}
	if !*update {
		embedded, _ := corpusFS.ReadDir(corpusDir)
		for _, f := range embedded {
			if _, ok := files[f.Name()]; !ok {
				t.Errorf("%s/%s has no definitions; run with -update to remove it", corpusDir, f.Name())
			}
		}
	}
}
