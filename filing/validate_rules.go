package filing

import (
	"strconv"
	"strings"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/domain"
)

// Step 3 of Validate: the cross-field and cross-record rules, run after the
// field pass over the normalised filing. A rule is skipped for a value the field pass already
// rejected (failed holds those paths), so one mistake gives one problem.
//
// Decisions:
//   - a subject without a record number is a new filing and comes
//     with its first website (the system files a subject together with its
//     first website); a subject with a number may come alone (a change of
//     subject data, or websites added later).
//   - A website without a record number is new: the one-domain rule and the
//     per-order limits of R-06 count new websites only.
//   - the kind is JudgeKind(name, nature); an enterprise whose name is
//     a personal name is an organisation when its remarks say 个体工商户 (a
//     business without a trade name files under the owner's name, Anhui
//     practice as the Anhui bureau answers it).
//   - the principal is compared with the legal representative by
//     normalised name. Where the province table has no
//     authorisation_letter entry, letters are not accepted.
//   - R-06 ages and cross-province filing are judged from a resident ID
//     (GB 11643) subject certificate; other certificates carry no birth
//     date or region and are not judged.

// Problems of the cross rules.
var (
	CodeNoWebsite          = define("filing.no_website", "R-01", "首次备案须同时填写至少一个网站的信息", "a new filing (subject without a record number) needs at least one website")
	CodeDuplicateDomain    = define("filing.duplicate_domain", "R-01", "域名“%s”在本次备案中重复填写，一个域名只能属于一个网站", "domain %s appears more than once in the filing")
	CodeTooManyWebsites    = define("filing.too_many_websites", "R-06", "%s每个主体最多备案%d个网站", "%s allows at most %d websites per subject")
	CodeOrderWebsites      = define("filing.too_many_websites_per_order", "R-06", "%s每次备案最多提交%d个新网站，请分批提交", "%s accepts at most %d new websites per filing")
	CodeOrderDomains       = define("filing.too_many_domains_per_order", "R-06", "%s每次备案最多提交%d个新域名，请分批提交", "%s accepts at most %d new domains per filing")
	CodeWebsiteOneDomain   = define("website.one_domain", "R-06", "新增网站只能填写一个域名（工信管函〔2019〕633号），其他域名请作为新网站分别备案", "a new website carries exactly one domain (since 2019-04-22)")
	CodePreApprovalNeeded  = define("website.preapproval_missing", "R-07", "网站涉及“%s”内容，请提供%s文件（%s）", "the website involves %s: a %s document is required (%s)")
	CodePreApprovalExpire  = define("website.preapproval_expired", "R-07", "前置审批文件已于%s过期，请提供有效期内的审批文件", "the pre-approval document expired on %s")
	CodeAccessPeriod       = define("website.access_period", "R-09", "取消接入时间早于接入开始时间，请核对", "access until is before access since")
	CodeAccessFuture       = define("website.access_future", "R-09", "接入开始时间晚于今天，请核对", "access since is in the future")
	CodeSamePrincipal      = define("website.principal_must_be_subject_principal", "R-03", "%s接受授权书时，网站负责人须与主体负责人为同一人", "%s: with an authorisation letter, the website principal must be the subject principal")
	CodeKindConflict       = define("subject.kind_conflict", "R-05", "主办单位名称判定为%s，与主办单位性质“%s”不符，请核对名称或性质", "the sponsor name judges %s, which contradicts the nature %s")
	CodePersonalCertForOrg = define("subject.personal_cert_for_organisation", "R-05", "单位备案不能使用个人证件“%s”，请选择单位证件（如营业执照）", "an organisation cannot file with the personal certificate %s")
	CodeOrgCertForPerson   = define("subject.organisation_cert_for_individual", "R-05", "个人备案须使用个人证件（如居民身份证），不能使用“%s”", "an individual files with a personal certificate, not %s")
	CodeCertNotAccepted    = define("subject.cert_not_accepted", "R-02", "主办单位性质为“%s”时不能使用证件“%s”，请选择该性质可用的证件", "nature %s does not accept certificate %s")
	CodePrincipalNotSelf   = define("subject.individual_principal_mismatch", "R-02", "个人备案的主体负责人须为本人，姓名和证件应与主办者一致", "an individual subject's principal is the individual: same name and certificate")
	CodeLegalRepRequired   = define("subject.legal_representative_required", "R-03", "请填写单位的法定代表人姓名", "an organisation needs its legal representative's name")
	CodePrincipalNotLegal  = define("subject.principal_not_legal_rep", "R-03", "单位备案的主体负责人须为法定代表人，请将主体负责人改为法定代表人", "an organisation's subject principal must be its legal representative")
	CodeLetterRequired     = define("subject.authorisation_letter_required", "R-03", "主体负责人不是法定代表人，请提供《主体负责人授权说明书》，或将主体负责人改为法定代表人", "the subject principal is not the legal representative: an authorisation letter is required")
	CodeLetterNotAccepted  = define("subject.authorisation_letter_not_accepted", "R-03", "%s不接受《主体负责人授权说明书》，主体负责人须为法定代表人", "%s does not accept authorisation letters: the subject principal must be the legal representative")
	CodeTooYoung           = define("subject.too_young", "R-06", "%s要求个人备案者年满%d周岁", "%s requires individuals to be at least %d years old")
	CodeCrossProvince      = define("subject.cross_province_refused", "R-06", "%s不受理外省身份证的个人备案，请在身份证签发地所在省份备案", "%s does not accept personal filings with a resident ID from another province")
	CodeResidencePermit    = define("subject.residence_permit_required", "R-06", "使用外省身份证在%s个人备案，须持有本省居住证", "a personal filing in %s with a resident ID from another province needs a local residence permit")
	CodeLandlineRequired   = define("person.landline_required", "R-06", "%s要求同时填写固定电话和手机号码，请填写固定电话", "%s requires a landline as well as a mobile")
	CodeEmergencySame      = define("person.emergency_same_as_mobile", "R-06", "应急联系电话不能与本人手机号码相同，请填写其他联系人的电话", "the emergency phone must differ from the person's own mobile")
	CodeEmergencyCross     = define("person.emergency_cross", "R-06", "%s要求主体负责人与网站负责人的手机号码不能互为应急联系电话", "%s: the subject and website principals' mobiles may not be each other's emergency phone")
	CodeGovSuffixRequired  = define("domain.government_suffix_required", "R-06", "%s要求党政机关使用“.gov.cn”或“.政务”域名备案", "%s: government bodies file .gov.cn or .政务 domains")
	CodeInstSuffixRequired = define("domain.institution_suffix_required", "R-06", "%s要求事业单位使用“.cn”或“.公益”域名备案", "%s: public institutions file .cn or .公益 domains")
)

// rulesPass applies the cross rules.
func (v *Validator) rulesPass(f *Filing, subjectOnly bool, failed map[string]bool, ps *problems) {
	now := v.o.now()
	c := ruleCtx{v: v, f: f, now: now, failed: failed, ps: ps}
	if p, ok := ProvinceByCode(f.Subject.Province); ok {
		c.provName = p.Name
	} else {
		c.provName = "本省"
	}
	c.subjectRules()
	c.personRules(subjectOnly)
	if !subjectOnly {
		c.websiteRules()
		c.appRules()
	}
}

type ruleCtx struct {
	v        *Validator
	f        *Filing
	now      time.Time
	failed   map[string]bool
	ps       *problems
	provName string
	kind     Kind
	// letterPrincipal is set when the subject principal acts under an
	// authorisation letter in a province that then wants the website
	// principals to be the same person.
	letterPrincipal bool
}

func (c *ruleCtx) rule(kind RuleKind) (ProvinceRule, bool) {
	return c.v.o.rules.Lookup(c.f.Subject.Province, kind, c.now)
}

func (c *ruleCtx) add(p *Problem, path string) {
	c.ps.addAt(p, path, Label(path))
}

// subjectRules: and the R-06 rules on individuals.
func (c *ruleCtx) subjectRules() {
	s := &c.f.Subject
	nat, natOK := s.Nature.Info()
	cert, certOK := s.CertType.Info()
	if c.failed["subject.nature"] {
		natOK = false
	}
	if c.failed["subject.cert_type"] {
		certOK = false
	}
	j := Judge(s.Name, s.Nature)
	c.kind = j.Kind
	if natOK && nat.Code == NatureEnterprise && c.kind == KindIndividual && strings.Contains(s.Remarks, "个体工商户") {
		c.kind = KindOrganisation
	}

	// the name's judgement against the nature and the certificate.
	reported := false
	if natOK && j.Basis == "name" && (nat.Individual && c.kind == KindOrganisation || !nat.Individual && c.kind == KindIndividual) {
		c.add(problemZhEn(CodeKindConflict, []any{kindZh(c.kind), nat.Zh}, []any{string(c.kind), string(nat.Code)}), "subject.nature")
		reported = true
	}
	if certOK && !reported {
		switch {
		case c.kind == KindOrganisation && cert.Personal():
			c.add(problemZhEn(CodePersonalCertForOrg, []any{cert.Zh}, []any{string(cert.Code)}), "subject.cert_type")
			reported = true
		case c.kind == KindIndividual && !cert.Personal():
			c.add(problemZhEn(CodeOrgCertForPerson, []any{cert.Zh}, []any{string(cert.Code)}), "subject.cert_type")
			reported = true
		}
	}
	if natOK && certOK && !reported && !nat.Accepts(cert.Code) {
		c.add(problemZhEn(CodeCertNotAccepted, []any{nat.Zh, cert.Zh}, []any{string(nat.Code), string(cert.Code)}), "subject.cert_type")
	}

	if reported {
		return // the kind itself is in doubt: the kind's own rules would only add noise
	}
	switch c.kind {
	case KindIndividual:
		c.individualRules(cert, certOK)
	case KindOrganisation:
		c.organisationRules()
	}
}

func kindZh(k Kind) string {
	if k == KindIndividual {
		return "个人"
	}
	return "单位"
}

// individualRules: the principal is the individual; age and
// cross-province filing.
func (c *ruleCtx) individualRules(cert CertInfo, certOK bool) {
	s := &c.f.Subject
	pr := &s.Principal
	if pr.Name != "" && s.Name != "" && !samePersonName(pr.Name, s.Name) && !c.failed["subject.principal.name"] {
		c.add(newProblem(CodePrincipalNotSelf), "subject.principal.name")
	} else if pr.CertNumber != "" && s.CertNumber != "" && (pr.CertType != s.CertType || pr.CertNumber != s.CertNumber) &&
		!c.failed["subject.principal.cert_number"] && !c.failed["subject.principal.cert_type"] {
		c.add(newProblem(CodePrincipalNotSelf), "subject.principal.cert_number")
	}
	if !certOK || cert.Format != certno.FormatResidentID || s.CertNumber == "" || c.failed["subject.cert_number"] {
		return
	}
	// A birth date after c.now failed the field pass (checked as of c.now).
	id, err := certno.ParseResidentIDAt(string(s.CertNumber), c.now)
	if err != nil || id.Legacy {
		return
	}
	if r, ok := c.rule(RuleMinAge); ok && id.AgeAt(c.now) < r.Value {
		c.add(newProblem(CodeTooYoung, c.provName, r.Value), "subject.cert_number")
	}
	if cert.Code != CertResidentID || id.Province == s.Province || c.failed["subject.province"] {
		return
	}
	if _, mainland := ProvinceByCode(id.Province); !mainland {
		return
	}
	if r, ok := c.rule(RuleCrossProvince); ok {
		switch {
		case r.Policy == PolicyRefused:
			c.add(newProblem(CodeCrossProvince, c.provName), "subject.province")
		case r.Policy == PolicyResidencePermit && !s.ResidencePermit:
			c.add(newProblem(CodeResidencePermit, c.provName), "subject.residence_permit")
		}
	}
}

// organisationRules: R-03.
func (c *ruleCtx) organisationRules() {
	s := &c.f.Subject
	if _, ok := c.rule(RuleLegalRepresentative); !ok {
		return
	}
	if s.LegalRepresentative == "" {
		c.add(newProblem(CodeLegalRepRequired), "subject.legal_representative")
		return
	}
	if s.Principal.Name == "" || samePersonName(s.Principal.Name, s.LegalRepresentative) {
		return
	}
	letter, accepted := c.rule(RuleAuthorisationLetter)
	switch {
	case accepted && !s.AuthorisationLetter:
		c.add(newProblem(CodeLetterRequired), "subject.authorisation_letter")
	case accepted:
		c.letterPrincipal = letter.SamePrincipal
	case s.AuthorisationLetter:
		c.add(newProblem(CodeLetterNotAccepted, c.provName), "subject.authorisation_letter")
	default:
		c.add(newProblem(CodePrincipalNotLegal), "subject.principal.name")
	}
}

// samePersonName compares two normalised names, ignoring spaces and the
// middle dots of transliterated names.
func samePersonName(a, b string) bool {
	if a == b {
		return true
	}
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == ' ' || isMiddleDot(r) {
				return -1
			}
			return r
		}, s)
	}
	return strings.EqualFold(strip(a), strip(b))
}

// personRules: phones of the subject principal and the website principals
// and birth dates against the validator's clock.
func (c *ruleCtx) personRules(subjectOnly bool) {
	_, needLandline := c.rule(RuleLandlineRequired)
	_, distinct := c.rule(RuleEmergencyPhoneDistinct)
	check := func(p *Person, prefix string) {
		if needLandline && p.Landline == "" {
			c.add(newProblem(CodeLandlineRequired, c.provName), prefix+".landline")
		}
		if distinct && p.EmergencyPhone != "" && p.EmergencyPhone == p.Mobile && !c.failed[prefix+".emergency_phone"] {
			c.add(newProblem(CodeEmergencySame), prefix+".emergency_phone")
		}
	}
	sp := &c.f.Subject.Principal
	check(sp, "subject.principal")
	if subjectOnly {
		return
	}
	_, cross := c.rule(RuleEmergencyPhoneCross)
	crossReported := false
	for i := range c.f.Websites {
		wp := &c.f.Websites[i].Principal
		prefix := websitePath(i, ".principal")
		check(wp, prefix)
		if cross && !samePerson(wp, sp) {
			if wp.EmergencyPhone != "" && wp.EmergencyPhone == sp.Mobile {
				c.add(newProblem(CodeEmergencyCross, c.provName), prefix+".emergency_phone")
			}
			if !crossReported && sp.EmergencyPhone != "" && sp.EmergencyPhone == wp.Mobile {
				c.add(newProblem(CodeEmergencyCross, c.provName), "subject.principal.emergency_phone")
				crossReported = true
			}
		}
		if c.letterPrincipal && wp.Name != "" && !samePerson(wp, sp) {
			c.add(newProblem(CodeSamePrincipal, c.provName), prefix+".name")
		}
	}
}

// samePerson reports whether two people are the same: same name and, when
// both are given, the same certificate.
func samePerson(a, b *Person) bool {
	if !samePersonName(a.Name, b.Name) {
		return false
	}
	if a.CertNumber != "" && b.CertNumber != "" {
		return a.CertType == b.CertType && a.CertNumber == b.CertNumber
	}
	return true
}

func websitePath(i int, rest string) string {
	return "websites[" + strconv.Itoa(i) + "]" + rest
}

// websiteRules: R-01 (websites, duplicate domains), R-06 (domain and order
// limits, public sector domains), R-07 (pre-approvals), R-09 (registered
// domain, reserved suffixes, access dates).
func (c *ruleCtx) websiteRules() {
	f := c.f
	s := &f.Subject
	if s.Number == "" && len(f.Websites) == 0 && len(f.Apps) == 0 {
		c.add(newProblem(CodeNoWebsite), "websites")
	}
	_, natOK := s.Nature.Info()
	natOK = natOK && !c.failed["subject.nature"]
	_, oneDomain := c.rule(RuleOneDomainPerNewWebsite)
	_, publicSector := c.rule(RulePublicSectorDomains)

	total := 0
	for i := range f.Websites {
		total += len(f.Websites[i].Domains)
	}
	var seen map[string]bool
	if total > 16 {
		seen = make(map[string]bool, total)
	}
	var seenList []string
	newSites, newDomains, live := 0, 0, 0

	for i := range f.Websites {
		w := &f.Websites[i]
		if w.Number == "" {
			newSites++
			newDomains += len(w.Domains)
			if oneDomain && len(w.Domains) > 1 {
				c.add(newProblem(CodeWebsiteOneDomain), websitePath(i, ".domains"))
			}
		}
		if w.Status != StatusCancelled && w.Status != StatusDeleted {
			live++
		}
		c.websiteName(i)
		for j, d := range w.Domains {
			if c.failed != nil {
				if path := websitePath(i, ".domains["+strconv.Itoa(j)+"]"); c.failed[path] {
					continue
				}
			}
			dup := false
			if seen != nil {
				dup = seen[d]
				seen[d] = true
			} else {
				for _, e := range seenList {
					if e == d {
						dup = true
						break
					}
				}
				seenList = append(seenList, d)
			}
			if dup {
				c.add(newProblem(CodeDuplicateDomain, domain.DomainUnicode(d)), websitePath(i, ".domains["+strconv.Itoa(j)+"]"))
				continue
			}
			if p := c.domainRules(d, natOK, publicSector); p != nil {
				c.add(p, websitePath(i, ".domains["+strconv.Itoa(j)+"]"))
			}
		}
		c.serviceRules(websitePath(i, ""), &w.Service)
	}
	if r, ok := c.rule(RuleMaxWebsitesPerOrder); ok && newSites > r.Value {
		c.add(newProblem(CodeOrderWebsites, c.provName, r.Value), "websites")
	}
	if r, ok := c.rule(RuleMaxDomainsPerOrder); ok && newDomains > r.Value {
		c.add(newProblem(CodeOrderDomains, c.provName, r.Value), "websites")
	}
	if r, ok := c.rule(RuleMaxWebsitesPerSubject); ok && live > r.Value {
		c.add(newProblem(CodeTooManyWebsites, c.provName, r.Value), "websites")
	}
}

// domainRules checks one normalised domain that passed domain.CheckDomain: it is
// the registered domain, not under a suffix the nature may not use, and on
// a public sector suffix where the province wants one.
func (c *ruleCtx) domainRules(d string, natOK, publicSector bool) *Problem {
	if reg, p := domain.RegistrableASCII(d); p == nil && reg != d {
		return newProblem(domain.CodeDomainSubdomain, domain.DomainUnicode(reg))
	}
	if !natOK {
		return nil
	}
	nature := c.f.Subject.Nature
	if p := domain.CheckReserved(d, string(nature)); p != nil {
		return p
	}
	if !publicSector {
		return nil
	}
	switch nature {
	case NatureGovernment:
		if !domain.Under(d, "gov.cn") && !domain.Under(d, "xn--zfr164b") && !domain.Under(d, "xn--zfr164b.cn") {
			return newProblem(CodeGovSuffixRequired, c.provName)
		}
	case NatureInstitution:
		if !domain.Under(d, "cn") && !domain.Under(d, "xn--55qw42g") {
			return newProblem(CodeInstSuffixRequired, c.provName)
		}
	}
	return nil
}

// serviceRules: the rules on the part a website and an app share, at
// prefix ("websites[0]", "apps[1]"). R-07: each category the service
// involves needs a document of that category; a document past its
// ValidUntil is rejected. ValidUntil is a day (有效期至): the document is
// valid through that civil date in China and expired from the next day on.
// an access record ends after it starts, and does not start in the
// future.
func (c *ruleCtx) serviceRules(prefix string, s *Service) {
	for j, pa := range s.PreApprovals {
		if !pa.ValidUntil.IsZero() && calendar.DateOf(pa.ValidUntil).Before(calendar.DateOf(c.now)) {
			c.add(newProblem(CodePreApprovalExpire, pa.ValidUntil.In(calendar.Location()).Format("2006-01-02")),
				prefix+".pre_approvals["+strconv.Itoa(j)+"].valid_until")
		}
	}
	for k, cat := range s.Involves {
		info, ok := cat.Info()
		if !ok {
			continue // cn_preapproval reports it
		}
		held := false
		for _, pa := range s.PreApprovals {
			if pa.Category == info.Code {
				held = true
				break
			}
		}
		if held {
			continue
		}
		zhKind, enKind := "前置审批", "pre-approval"
		if info.Kind == "special" {
			zhKind, enKind = "专项审批", "special approval"
		}
		c.add(problemZhEn(CodePreApprovalNeeded, []any{info.Zh, zhKind, info.Authority}, []any{info.En, enKind, info.Authority}),
			prefix+".involves["+strconv.Itoa(k)+"]")
	}
	for k, a := range s.Access {
		switch {
		case !a.Until.IsZero() && !a.Since.IsZero() && a.Until.Before(a.Since):
			c.add(newProblem(CodeAccessPeriod), prefix+".access["+strconv.Itoa(k)+"].until")
		case a.Since.After(c.now):
			c.add(newProblem(CodeAccessFuture), prefix+".access["+strconv.Itoa(k)+"].since")
		}
	}
}
