package filing

import (
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/internal/mask"
)

// Codes of domain holder and validity.
var (
	CodeRegistrationMissing = define("registry.missing", "R-85",
		"未取得域名%[1]s的注册信息，无法核对域名持有者",
		"no registry data for domain %[1]s: its holder cannot be checked")
	CodeRegistrationDomain = define("registry.domain", "R-85",
		"域名注册信息（%[1]s）不属于本网站的域名",
		"the registry data is for %[1]s, which is not a domain of the website")
	CodeRealNameMissing = define("registry.real_name", "R-85",
		"域名%[1]s未完成实名认证",
		"domain %[1]s is not real-name verified at its registrar")
	CodeRegistrarMissing = define("registry.registrar", "R-85",
		"域名%[1]s的注册服务机构未知，须在工信部批准的注册服务机构注册",
		"domain %[1]s: registrar unknown; it must be an MIIT-approved registrar")
	CodeDomainExpiryMissing = define("registry.expiry_missing", "R-85",
		"未取得域名%[1]s的到期日，无法核对域名是否在有效期内",
		"domain %[1]s: the registry data gives no expiry date; its validity cannot be checked")
	CodeDomainExpired = define("registry.expired", "R-85",
		"域名%[1]s已过期（到期日%[2]s）",
		"domain %[1]s expired on %[2]s")
	CodeDomainExpiringSoon = define("registry.expiring_soon", "R-85",
		"域名%[1]s的有效期须大于%[3]d个月（到期日%[2]s），请先续费",
		"domain %[1]s must be valid for more than %[3]d months (expires %[2]s): renew it first")
	CodeHolderMismatch = define("registry.holder", "R-85",
		"域名%[1]s的持有者与备案主体不一致（%[2]s）",
		"domain %[1]s: the holder does not match the subject (policy %[3]s)")
	CodeHolderCertMismatch = define("registry.holder_cert", "R-85",
		"域名%[1]s持有者的证件类型或证件号码与备案主体不一致",
		"domain %[1]s: the holder's certificate type or number differs from the subject's")
)

// DomainRegistration is what a domain registry says about one domain
// (域名实名信息): its holder (注册人/持有者), the holder's certificate, the
// registrar, the real-name state and the expiry. It serves the domains of
// websites and, with the same checks, of apps. A claim is checked against
// the record (Subject), never believed.
//
// Holder and HolderCertNumber are personal data when the holder is an
// individual: fmt (every verb) and slog show them masked; encoding/json
// keeps them raw.
type DomainRegistration struct {
	// Domain is the registered domain, as filed (ASCII or Unicode).
	Domain string `json:"domain"`
	// Holder is the registrant's name (域名持有者).
	Holder string `json:"holder"`
	// HolderCertType and HolderCertNumber are the registrant's certificate
	// in the registry's real-name data, when the registry gives them.
	HolderCertType   CertType `json:"holder_cert_type,omitempty"`
	HolderCertNumber IDNumber `json:"holder_cert_number,omitempty"`
	// Registrar is the registrar's name (注册服务机构).
	Registrar string `json:"registrar"`
	// RealNameVerified is the registry's real-name state (实名认证).
	RealNameVerified bool `json:"real_name_verified"`
	// Expires is the end of the registration period (到期日).
	Expires time.Time `json:"expires"`
}

// maskedName masks a person's name: first character kept.
func maskedName(s string) string { return mask.Middle(s, 1, 0) }

// String returns the registration with holder and certificate masked.
func (d DomainRegistration) String() string {
	return fmt.Sprintf("{%s holder=%s cert=%s:%s registrar=%s real_name=%t expires=%s}",
		d.Domain, maskedName(d.Holder), d.HolderCertType, d.HolderCertNumber.Masked(), d.Registrar,
		d.RealNameVerified, d.Expires.Format(time.DateOnly))
}

// Format prints the registration masked with every verb.
func (d DomainRegistration) Format(f fmt.State, verb rune) { mask.Format(f, verb, d.String()) }

// LogValue logs the registration masked.
func (d DomainRegistration) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("domain", d.Domain),
		slog.String("holder", maskedName(d.Holder)),
		slog.String("holder_cert_type", string(d.HolderCertType)),
		slog.String("holder_cert_number", d.HolderCertNumber.Masked()),
		slog.String("registrar", d.Registrar),
		slog.Bool("real_name_verified", d.RealNameVerified),
		slog.Time("expires", d.Expires),
	)
}

// HolderPolicy says who may hold a filed domain in a province.
type HolderPolicy string

// Holder policies. Sources disagree: 工信部信管〔2017〕264号 allows the unit,
// its shareholders, principal or senior managers; Huawei Cloud requires the
// subject's exact name, certificate type and number; Ningxia forbids even the
// legal representative; Fujian and Guangdong accept the legal
// representative. DESIGN: default HolderExactSubject, the strictest common
// ISP practice.
const (
	// HolderExactSubject: the holder is the subject itself: same name and,
	// when the registry gives them, same certificate type and number.
	HolderExactSubject HolderPolicy = "exact_subject"
	// HolderSubjectOrLegalRep: the subject, or (for an organisation) its
	// legal representative by name (Fujian, Guangdong).
	HolderSubjectOrLegalRep HolderPolicy = "subject_or_legal_rep"
	// HolderReg264: the subject, or (for an organisation) its legal
	// representative or principal (主体负责人), the people of 264号 the
	// record names. Shareholders and senior managers are not in the record
	// and cannot be checked.
	HolderReg264 HolderPolicy = "reg_264"
)

// Valid reports whether p is a declared policy.
func (p HolderPolicy) Valid() bool {
	return p == HolderExactSubject || p == HolderSubjectOrLegalRep || p == HolderReg264
}

// HolderPolicyOf returns the holder policy of a province (a GB/T 2260
// code) in the default table: DefaultProvinceRules().HolderPolicy(province,
// time.Now()).
func HolderPolicyOf(province string) HolderPolicy {
	return DefaultProvinceRules().HolderPolicy(province, time.Now())
}

// HolderPolicy returns the holder policy of a province at instant at: the
// table's RuleDomainHolder row, HolderExactSubject where it has none
// (the default table's national row, DESIGN).
func (r ProvinceRules) HolderPolicy(province string, at time.Time) HolderPolicy {
	if row, ok := r.Lookup(province, RuleDomainHolder, at); ok {
		return HolderPolicy(row.Policy)
	}
	return HolderExactSubject
}

// DomainMinMonths returns the minimum remaining validity of a filed domain
// in a province in the default table: DefaultProvinceRules().DomainMinMonths(
// province, time.Now()).
func DomainMinMonths(province string) (months int, refused bool) {
	return DefaultProvinceRules().DomainMinMonths(province, time.Now())
}

// DomainMinMonths returns the minimum remaining validity of a filed domain
// in a province at instant at, in calendar months, and whether falling below
// it is refused or only warned about: the table's RuleDomainMinMonths row
// . In the default table the provinces that list "域名有效期需大于3个月"
// refuse; elsewhere a domain expiring within 3 months is warned about, since
// "即将过期" is a rejection reason but no rule sets the figure (DESIGN). A
// table without the row gives 0: no check.
func (r ProvinceRules) DomainMinMonths(province string, at time.Time) (months int, refused bool) {
	if row, ok := r.Lookup(province, RuleDomainMinMonths, at); ok {
		return row.Value, row.Policy == DomainMinRefused
	}
	return 0, false
}

var nameFolder = strings.NewReplacer(" ", "", "\u3000", "", "（", "(", "）", ")")

// sameName compares names as registries and forms write them: spaces and
// full-width brackets aside, case-insensitive.
func sameName(a, b string) bool {
	norm := func(s string) string { return nameFolder.Replace(strings.TrimSpace(s)) }
	return a != "" && strings.EqualFold(norm(a), norm(b))
}

// CheckDomainRegistration checks the registry data of one domain of a
// website or app of subject s in province s.Province, on the civil date of
// asOf: real-name verified, a registrar named, inside its
// registration period with the province's minimum remaining validity, and a
// holder that matches the subject under the province's HolderPolicy, all
// from the default table (ProvinceRules.CheckDomainRegistration takes a
// caller's).
//
// Whether the registrar and the TLD are approved by MIIT is not checked here:
// the SDK embeds no registrar list (domain.CheckDomain checks the TLD); a registrar
// must be named.
//
// It returns the problems that refuse the domain as a *ValidationError and,
// separately, warnings (a domain expiring within 3 months where the province
// sets no minimum).
func CheckDomainRegistration(s Subject, d DomainRegistration, asOf time.Time) (warnings []*Problem, err error) {
	return DefaultProvinceRules().CheckDomainRegistration(s, d, asOf)
}

// CheckDomainRegistration is the package function CheckDomainRegistration
// under table r: its RuleDomainMinMonths and RuleDomainHolder rows.
func (r ProvinceRules) CheckDomainRegistration(s Subject, d DomainRegistration, asOf time.Time) (warnings []*Problem, err error) {
	var ps problems
	name := d.Domain
	if !d.RealNameVerified {
		ps.add(newProblem(CodeRealNameMissing, name))
	}
	if strings.TrimSpace(d.Registrar) == "" {
		ps.add(newProblem(CodeRegistrarMissing, name))
	}
	day := civilDay(asOf)
	if d.Expires.IsZero() {
		ps.add(newProblem(CodeDomainExpiryMissing, name))
	} else if civilDay(d.Expires).Before(day) {
		ps.add(newProblem(CodeDomainExpired, name, civilDay(d.Expires).String()))
	} else if months, refused := r.DomainMinMonths(s.Province, asOf); months > 0 && !civilDay(d.Expires).After(addMonths(day, months)) {
		p := newProblem(CodeDomainExpiringSoon, name, civilDay(d.Expires).String(), months)
		if refused {
			ps.add(p)
		} else {
			warnings = append(warnings, p)
		}
	}
	policy := r.HolderPolicy(s.Province, asOf)
	if !holderMatches(s, d.Holder, policy) {
		ps.add(newProblem(CodeHolderMismatch, name, policyZh[policy], policy))
	} else if sameName(d.Holder, s.Name) && d.HolderCertNumber != "" &&
		(d.HolderCertType != "" && d.HolderCertType != s.CertType ||
			!strings.EqualFold(strings.TrimSpace(string(d.HolderCertNumber)), strings.TrimSpace(string(s.CertNumber)))) {
		ps.add(newProblem(CodeHolderCertMismatch, name))
	}
	return warnings, ps.err()
}

// domainKey is the form in which a website's domains and registry data are
// matched: domain.NormalizeDomain, or for a name it rejects (reported by the
// domain checks) the trimmed lower-case text.
func domainKey(s string) string {
	if d, err := domain.NormalizeDomain(s); err == nil {
		return d
	}
	return strings.ToLower(NormalizeText(s))
}

var policyZh = map[HolderPolicy]string{
	HolderExactSubject:      "持有者须为备案主体本身",
	HolderSubjectOrLegalRep: "持有者须为备案单位或其法定代表人",
	HolderReg264:            "持有者须为备案单位或其法定代表人、主体负责人",
}

func holderMatches(s Subject, holder string, p HolderPolicy) bool {
	if sameName(holder, s.Name) {
		return true
	}
	if s.Nature == NatureIndividual {
		return false
	}
	switch p {
	case HolderSubjectOrLegalRep:
		return sameName(holder, s.LegalRepresentative)
	case HolderReg264:
		return sameName(holder, s.LegalRepresentative) || sameName(holder, s.Principal.Name)
	}
	return false
}

// CheckWebsiteRegistrations checks that every domain of w has registry data
// and runs CheckDomainRegistration on each. Domains are matched to
// registry data by their domain.NormalizeDomain form, so "中国.com",
// "XN--FIQS8S.COM." and "xn--fiqs8s.com" are one domain. Problems carry paths
// under "registrations[i]"; a domain without data is CodeRegistrationMissing
// at "domains[i]".
func CheckWebsiteRegistrations(s Subject, w Website, asOf time.Time) (warnings []*Problem, err error) {
	return DefaultProvinceRules().CheckWebsiteRegistrations(s, w, asOf)
}

// CheckWebsiteRegistrations is the package function
// CheckWebsiteRegistrations under table r.
func (r ProvinceRules) CheckWebsiteRegistrations(s Subject, w Website, asOf time.Time) (warnings []*Problem, err error) {
	var ps problems
	regKeys := make([]string, len(w.Registrations))
	for k, r := range w.Registrations {
		regKeys[k] = domainKey(r.Domain)
	}
	domKeys := make([]string, len(w.Domains))
	for i, dom := range w.Domains {
		domKeys[i] = domainKey(dom)
	}
	for i, dom := range w.Domains {
		j := slices.Index(regKeys, domKeys[i])
		if j < 0 {
			ps.addAt(newProblem(CodeRegistrationMissing, dom), fmt.Sprintf("domains[%d]", i), "网站域名")
			continue
		}
		ws, err := r.CheckDomainRegistration(s, w.Registrations[j], asOf)
		path := fmt.Sprintf("registrations[%d]", j)
		for _, p := range ws {
			warnings = append(warnings, p.WithPath(path, "域名注册信息"))
		}
		if ve, ok := err.(*ValidationError); ok {
			for _, p := range ve.Problems {
				ps.addAt(p, path, "域名注册信息")
			}
		}
	}
	for k, r := range w.Registrations {
		if !slices.Contains(domKeys, regKeys[k]) {
			ps.addAt(newProblem(CodeRegistrationDomain, r.Domain), fmt.Sprintf("registrations[%d]", k), "域名注册信息")
		}
	}
	return warnings, ps.err()
}
