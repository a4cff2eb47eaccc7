package filing

import (
	"sync"
	"time"
)

// Validation of whole filings.
//
// Validate (or a *Validator built with options) works on a normalised copy
// of the filing (NormalizeFiling) in two passes:
//
//  1. Field rules: validator/v10 tags on the model structs (model.go), with
//     this package's custom tags (RegisterTags). Every validator.FieldError
//     becomes a *Problem with the JSON path ("websites[0].domains[1]"), the
//     Chinese label ("网站域名"), a stable code and the rule ID; the custom
//     tags report the precise problem of the check behind them
//     (id.checksum, domain.tld_not_approved, ...).
//  2. Cross-field and cross-record rules (validate_rules.go),
//     R-05, R-06 (the province table), R-07, and the domain rules that need
//     the subject (reserved suffixes, registered domain, duplicates). They
//     run as one plain pass after validator.Struct rather than as
//     struct-level validations, because they need the per-call options
//     (clock, province table) and the whole filing at once, and a single
//     pass is the cheapest way to get them.
//
// Every problem found is reported, not only the first. Field caps
// (documented on the model fields): sponsor and website names 100
// characters, person names 50, addresses 200, remarks 500, 20 domains per
// website, 200 websites per filing, home URL 2048 bytes.

// Problems of whole filings and generic field problems.
var (
	CodeFilingNil = define("filing.nil", "R-01", "备案信息为空", "no filing given")
	CodeRequired  = define("filing.required", "R-04", "请填写“%s”", "field %s is required")
	CodeTooLong   = define("filing.too_long", "R-09", "“%s”过长，最多%s个字符", "field %s is longer than %s characters")
	CodeTooMany   = define("filing.too_many", "R-09", "“%s”最多填写%s项", "field %s has more than %s entries")
	CodeInvalid   = define("filing.invalid", "R-09", "“%s”填写不正确", "field %s is invalid")

	CodeProvinceUnknown   = define("subject.province_unknown", "R-06", "省份不正确，请选择主办单位住所所在的省份", "province must be a two-digit GB/T 2260 province code")
	CodeNatureUnknown     = define("subject.nature_unknown", "R-05", "主办单位性质不正确，请从列表中选择", "unknown subject nature")
	CodePreApprovalType   = define("website.preapproval_unknown", "R-07", "前置审批类型不正确，请从列表中选择", "unknown pre-approval category")
	CodeStatusUnknown     = define("filing.status_unknown", "R-10", "备案状态不正确", "unknown lifecycle status")
	CodeNoWebsite         = define("filing.no_website", "R-01", "首次备案须同时填写至少一个网站的信息", "a new filing (subject without a record number) needs at least one website")
	CodeDuplicateDomain   = define("filing.duplicate_domain", "R-01", "域名“%s”在本次备案中重复填写，一个域名只能属于一个网站", "domain %s appears more than once in the filing")
	CodeTooManyWebsites   = define("filing.too_many_websites", "R-06", "%s每个主体最多备案%d个网站", "%s allows at most %d websites per subject")
	CodeOrderWebsites     = define("filing.too_many_websites_per_order", "R-06", "%s每次备案最多提交%d个新网站，请分批提交", "%s accepts at most %d new websites per filing")
	CodeOrderDomains      = define("filing.too_many_domains_per_order", "R-06", "%s每次备案最多提交%d个新域名，请分批提交", "%s accepts at most %d new domains per filing")
	CodeWebsiteOneDomain  = define("website.one_domain", "R-06", "新增网站只能填写一个域名（工信管函〔2019〕633号），其他域名请作为新网站分别备案", "a new website carries exactly one domain (since 2019-04-22)")
	CodePreApprovalNeeded = define("website.preapproval_missing", "R-07", "网站涉及“%s”内容，请提供%s文件（%s）", "the website involves %s: a %s document is required (%s)")
	CodePreApprovalExpire = define("website.preapproval_expired", "R-07", "前置审批文件已于%s过期，请提供有效期内的审批文件", "the pre-approval document expired on %s")
	CodeAccessPeriod      = define("website.access_period", "R-09", "取消接入时间早于接入开始时间，请核对", "access until is before access since")
	CodeAccessFuture      = define("website.access_future", "R-09", "接入开始时间晚于今天，请核对", "access since is in the future")
	CodeSamePrincipal     = define("website.principal_must_be_subject_principal", "R-03", "%s接受授权书时，网站负责人须与主体负责人为同一人", "%s: with an authorisation letter, the website principal must be the subject principal")

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
	CodeValidatorInternal  = define("filing.internal", "", "系统内部错误，请稍后重试", "internal validation error: %s")
	CodeOptionInvalid      = define("filing.option_invalid", "", "校验配置有误", "invalid validator option: %s")
)

// Option configures a Validator.
type Option func(*options)

type options struct {
	rules    ProvinceRules
	rulesSet bool
	now      func() time.Time
	draft    bool
}

// WithProvinceRules replaces the province-rules table (DefaultProvinceRules)
// with rules. To extend the default table, pass
// DefaultProvinceRules().With(...).
func WithProvinceRules(rules ProvinceRules) Option {
	return func(o *options) { o.rules, o.rulesSet = rules, true }
}

// WithNow sets the clock used for ages, birth dates in the future,
// rules that apply from a date, expired pre-approvals and access
// dates. The default is time.Now.
func WithNow(now func() time.Time) Option {
	return func(o *options) { o.now = now }
}

// WithDraft validates a draft (信息录入): empty fields are not reported
// (filing.required) and a new subject may come without websites yet; every
// value that is filled in is still checked, and so are the cross-field
// rules that can be judged.
func WithDraft() Option {
	return func(o *options) { o.draft = true }
}

// Validator validates filings with a set of options. It is safe for
// concurrent use; the validator/v10 engine behind it is shared and built
// once.
type Validator struct {
	o options
}

// NewValidator returns a Validator. It fails only when an option is
// unusable (a nil clock).
func NewValidator(opts ...Option) (*Validator, error) {
	v := &Validator{}
	v.o.rules = defaultProvinceRules()
	v.o.now = time.Now
	for _, opt := range opts {
		if opt != nil {
			opt(&v.o)
		}
	}
	if v.o.now == nil {
		return nil, newProblem(CodeOptionInvalid, "WithNow(nil)")
	}
	return v, nil
}

var defaultValidator = sync.OnceValue(func() *Validator {
	return &Validator{o: options{rules: defaultProvinceRules(), now: time.Now}}
})

// Validate checks a filing with the default province rules and the current
// time: it returns nil, or a *ValidationError listing every problem with its
// JSON path, Chinese label, code, rule ID and messages. The filing is not
// modified; it is checked in its normalised form (NormalizeFiling), which is
// the form callers should store.
func Validate(f *Filing, opts ...Option) error {
	if len(opts) == 0 {
		return defaultValidator().Validate(f)
	}
	v, err := NewValidator(opts...)
	if err != nil {
		return err
	}
	return v.Validate(f)
}

// Validate checks a filing; see the package function Validate.
func (v *Validator) Validate(f *Filing) error {
	if f == nil {
		return &ValidationError{Problems: []*Problem{newProblem(CodeFilingNil)}}
	}
	m := &memo{now: v.o.now()}
	return v.validate(normalizeFiling(f, m), m, false)
}

// ValidateSubject checks a subject on its own, as a filing of that subject
// without websites would be checked but without the rules that need
// websites. Paths start with "subject.".
func (v *Validator) ValidateSubject(s *Subject) error {
	if s == nil {
		return &ValidationError{Problems: []*Problem{newProblem(CodeFilingNil)}}
	}
	m := &memo{now: v.o.now()}
	return v.validate(normalizeFiling(&Filing{Subject: *s}, m), m, true)
}

// ValidateSubject checks a subject with the default options; see
// (*Validator).ValidateSubject.
func ValidateSubject(s *Subject, opts ...Option) error {
	v, err := NewValidator(opts...)
	if err != nil {
		return err
	}
	return v.ValidateSubject(s)
}

func (v *Validator) validate(f *Filing, m *memo, subjectOnly bool) error {
	var ps problems
	failed := v.fieldPass(f, m, &ps)
	v.rulesPass(f, subjectOnly, failed, &ps)
	if v.o.draft {
		ps.list = dropRequired(ps.list)
	}
	return ps.err()
}

// dropRequired removes the problems a draft may have.
func dropRequired(list []*Problem) []*Problem {
	out := list[:0]
	for _, p := range list {
		if p.Code != CodeRequired && p.Code != CodeNoWebsite && p.Code != CodeLegalRepRequired {
			out = append(out, p)
		}
	}
	return out
}
