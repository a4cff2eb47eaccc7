package filing

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/beiankit/beian/calendar"
)

// RuleKind names one kind of province requirement.
type RuleKind string

// Kinds of province requirement. Parameters are in ProvinceRule.
const (
	// RuleLegalRepresentative: an organisation's subject principal must be
	// its legal representative. National.
	RuleLegalRepresentative RuleKind = "legal_representative"
	// RuleAuthorisationLetter: the province accepts a 主体负责人授权说明书 so
	// that someone other than the legal representative is the principal
	// . SamePrincipal: the website principals must then be that same
	// person (Jiangsu, Anhui).
	RuleAuthorisationLetter RuleKind = "authorisation_letter"
	// RuleLandlineRequired: principals give a landline as well as a mobile
	// (R-06, Jiangxi).
	RuleLandlineRequired RuleKind = "landline_required"
	// RuleEmergencyPhoneDistinct: a person's emergency phone differs from
	// the person's own mobile. National.
	RuleEmergencyPhoneDistinct RuleKind = "emergency_phone_distinct"
	// RuleEmergencyPhoneCross: the subject principal's and the website
	// principals' mobiles are not each other's emergency phone (Jiangxi).
	RuleEmergencyPhoneCross RuleKind = "emergency_phone_cross"
	// RuleMinAge: an individual subject is at least Value years old.
	RuleMinAge RuleKind = "min_age"
	// RuleCrossProvince: an individual whose resident ID was issued in
	// another province may file here only with a local residence permit
	// (Policy "residence_permit") or not at all (Policy "refused").
	RuleCrossProvince RuleKind = "cross_province"
	// RuleOneDomainPerNewWebsite: a new website (no record number yet)
	// carries one domain (工信管函〔2019〕633号, since 2019-04-22). National.
	RuleOneDomainPerNewWebsite RuleKind = "one_domain_per_new_website"
	// RuleMaxDomainsPerOrder: at most Value domains on the new websites of
	// one filing.
	RuleMaxDomainsPerOrder RuleKind = "max_domains_per_order"
	// RuleMaxWebsitesPerOrder: at most Value new websites in one filing.
	RuleMaxWebsitesPerOrder RuleKind = "max_websites_per_order"
	// RuleMaxWebsitesPerSubject: at most Value live websites per subject.
	RuleMaxWebsitesPerSubject RuleKind = "max_websites_per_subject"
	// RulePublicSectorDomains: government bodies file .gov.cn / .政务
	// domains only, public institutions .cn / .公益 only.
	RulePublicSectorDomains RuleKind = "public_sector_domains"
	// RuleShellGraceDays: the shell cleanup's grace, Value days of
	// elapsed time without access information before a website is a
	// shell (R-61; a province's own publicity period, R-64). Read by
	// package filing/shell (shell.GraceIn, shell.WithProvinceRules).
	RuleShellGraceDays RuleKind = "shell_grace_days"
	// RuleReviewLimit: the bureau reviews within Value working days
	// counted from the ISP's submission (Policy
	// ReviewFromSubmission) or from the day the verification form reaches
	// the bureau (Policy ReviewFromForm; Jiangxi, R-21). Read by package
	// filing/lifecycle (lifecycle.ReviewOf, State.DueWith).
	RuleReviewLimit RuleKind = "review_limit_days"
	// RuleChangeSubjectToOther: whether a change may turn the subject into
	// another one (name and certificate number both differ), Policy one of
	// ChangeNever, ChangeAlways, ChangeSameLegalRep. Read by package
	// filing/change (change.RulesIn).
	RuleChangeSubjectToOther RuleKind = "change_subject_to_other"
	// RuleChangeCertNumber: whether a change may alter the subject's
	// certificate number alone, Policy as RuleChangeSubjectToOther.
	RuleChangeCertNumber RuleKind = "change_cert_number"
	// RuleChangeIndividualToOrganisation: whether a change may turn an
	// individual subject into an organisation, Policy as
	// RuleChangeSubjectToOther.
	RuleChangeIndividualToOrganisation RuleKind = "change_individual_to_organisation"
	// RuleChangeNameLetter: a subject name change needs the name-change
	// letter (工商更名函) (R-81, Sichuan).
	RuleChangeNameLetter RuleKind = "change_name_letter"
	// RuleChangeFaceCheck: every change repeats the face check and the
	// verification photos (R-81, Qinghai).
	RuleChangeFaceCheck RuleKind = "change_face_check"
	// RuleCertMinMonths: a responsible person's certificate has more than
	// Value calendar months of validity left on the day of filing (R-84;
	// a certificate type's own minimum, e.g. a passport's, applies when
	// larger). Read by ProvinceRules.CertMinMonths.
	RuleCertMinMonths RuleKind = "cert_min_months"
	// RuleDomainMinMonths: a filed domain has more than Value calendar
	// months of registration left; Policy DomainMinRefused refuses a
	// domain below it, DomainMinWarned only warns. Read by
	// ProvinceRules.DomainMinMonths.
	RuleDomainMinMonths RuleKind = "domain_min_months"
	// RuleDomainHolder: who may hold a filed domain, Policy a HolderPolicy
	// . Read by ProvinceRules.HolderPolicy.
	RuleDomainHolder RuleKind = "domain_holder"
)

// kindSpec says what a kind's rows carry: a positive Value, and the Policy
// values allowed (none: the kind takes no Policy).
type kindSpec struct {
	value    bool
	policies []string
}

// allowances are the Policy values of the RuleChange* allowance kinds.
var allowances = []string{ChangeNever, ChangeAlways, ChangeSameLegalRep}

// ruleKinds lists the kinds a table may hold and what their rows carry.
var ruleKinds = map[RuleKind]kindSpec{
	RuleLegalRepresentative:            {},
	RuleAuthorisationLetter:            {},
	RuleLandlineRequired:               {},
	RuleEmergencyPhoneDistinct:         {},
	RuleEmergencyPhoneCross:            {},
	RuleMinAge:                         {value: true},
	RuleCrossProvince:                  {policies: []string{PolicyResidencePermit, PolicyRefused}},
	RuleOneDomainPerNewWebsite:         {},
	RuleMaxDomainsPerOrder:             {value: true},
	RuleMaxWebsitesPerOrder:            {value: true},
	RuleMaxWebsitesPerSubject:          {value: true},
	RulePublicSectorDomains:            {},
	RuleShellGraceDays:                 {value: true},
	RuleReviewLimit:                    {value: true, policies: []string{ReviewFromSubmission, ReviewFromForm}},
	RuleChangeSubjectToOther:           {policies: allowances},
	RuleChangeCertNumber:               {policies: allowances},
	RuleChangeIndividualToOrganisation: {policies: allowances},
	RuleChangeNameLetter:               {},
	RuleChangeFaceCheck:                {},
	RuleCertMinMonths:                  {value: true},
	RuleDomainMinMonths:                {value: true, policies: []string{DomainMinRefused, DomainMinWarned}},
	RuleDomainHolder:                   {policies: []string{string(HolderExactSubject), string(HolderSubjectOrLegalRep), string(HolderReg264)}},
}

// RuleKinds returns every kind a table may hold, sorted.
func RuleKinds() []RuleKind {
	out := make([]RuleKind, 0, len(ruleKinds))
	for k := range ruleKinds {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Cross-province policies of RuleCrossProvince.
const (
	PolicyResidencePermit = "residence_permit" // allowed with a local 居住证
	PolicyRefused         = "refused"          // not allowed (local ID required)
)

// Policies of RuleReviewLimit: where the review clock starts.
const (
	ReviewFromSubmission = "submission"   // the ISP's submission to the bureau
	ReviewFromForm       = "form_arrival" // the verification form's arrival at the bureau
)

// Policies of the RuleChange* allowance kinds (package filing/change's
// Allowance values).
const (
	ChangeNever        = "never"          // cancel and file anew
	ChangeAlways       = "always"         // allowed by change
	ChangeSameLegalRep = "same_legal_rep" // allowed if the legal representative stays
)

// Policies of RuleDomainMinMonths.
const (
	DomainMinRefused = "refused" // a domain below the minimum is refused
	DomainMinWarned  = "warned"  // a domain below the minimum is warned about
)

// ProvinceRule is one entry of the province-rules table.
type ProvinceRule struct {
	// Province is the two-digit GB/T 2260 code, or "*" for national.
	Province string `json:"province"`
	// Kind is the requirement.
	Kind RuleKind `json:"kind"`
	// Since is the first day ("2006-01-02", China Standard Time) the rule
	// applies; empty means always.
	Since string `json:"since,omitempty"`
	// Value is the number of the kinds that take one: RuleMinAge (years),
	// the RuleMax* kinds, RuleShellGraceDays (days), RuleReviewLimit
	// (working days), RuleCertMinMonths and RuleDomainMinMonths (calendar
	// months).
	Value int `json:"value,omitempty"`
	// Policy is the parameter of RuleCrossProvince (PolicyResidencePermit,
	// PolicyRefused), RuleReviewLimit (ReviewFromSubmission,
	// ReviewFromForm), the RuleChange* allowance kinds (ChangeNever,
	// ChangeAlways, ChangeSameLegalRep), RuleDomainMinMonths
	// (DomainMinRefused, DomainMinWarned) and RuleDomainHolder (a
	// HolderPolicy).
	Policy string `json:"policy,omitempty"`
	// SamePrincipal is the RuleAuthorisationLetter parameter.
	SamePrincipal bool `json:"same_principal,omitempty"`
	// Off switches the kind off for the province (it overrides a national
	// entry of the same kind).
	Off bool `json:"off,omitempty"`
	// Note is free text.
	Note string `json:"note,omitempty"`
	// Source cites where the requirement comes from. Required.
	Source string `json:"source"`
	// Checked is the day ("2006-01-02") the source was last read; every
	// row of the embedded table has one.
	Checked string `json:"checked,omitempty"`
	// Design marks a row that is a DESIGN decision: no source sets the
	// figure, and Source says what the reading rests on.
	Design bool `json:"design,omitempty"`

	since time.Time
}

// ProvinceRules is the province table: every province-dependent rule of
// the SDK is a row of one ProvinceRules table, data and not code branches. The embedded table
// data/province_rules.json (DefaultProvinceRules) holds one row per
// (province, kind) with its source and the day it was checked; province "*"
// is national, and a province's row of a kind replaces the national row of
// that kind. The kinds, by the package that reads them:
//
//   - this package's validator (NewValidator, WithProvinceRules): the
//     principal and authorisation letter, landline and emergency
//     phones, minimum age and cross-province filing, domains and websites
//     per order, public-sector domains;
//   - this package's checks around a filing: the certificate's minimum
//     remaining validity (RuleCertMinMonths, R-84), the domain's
//     (RuleDomainMinMonths) and who may hold it (RuleDomainHolder, R-85),
//     as ProvinceRules methods (CertMinMonths, DomainMinMonths,
//     HolderPolicy, CheckPersonValidity, CheckDomainRegistration,
//     CheckWebsiteRegistrations);
//   - package filing/lifecycle: the bureau's review limit in working days
//     and where it counts from (RuleReviewLimit, R-20, R-21;
//     lifecycle.ReviewOf);
//   - package filing/change: what a change may alter (the RuleChange*
//     kinds, R-81; change.RulesIn);
//   - package filing/shell: the shell cleanup's grace (RuleShellGraceDays,
//     shell.GraceIn);
//   - package filing/materials: the residence proof and the authorisation
//     letter, from the RuleCrossProvince and RuleAuthorisationLetter rows
//
//
// Website and app names are not here: package filing/sitename
// sits below this package (the validator imports it) and keeps its one
// province row (Guangdong's "官网" convention) in its own table, which a
// caller replaces with sitename.Rules.With.
//
// Some rows are DESIGN decisions, where no source sets the figure; they say
// so (ProvinceRule.Design) and their Source gives the reading taken: Hubei's
// "one month" of grace as 30 days; the certificate number and individual →
// organisation changes refused where no province allows them; the 3 months
// of certificate validity (ISP practice); a domain expiring within 3 months
// only warned about where the province lists no minimum; the exact subject
// as domain holder.
//
// A caller adjusts the table with ProvinceRules.With or loads its own with
// LoadProvinceRules, without a new release, and hands it to every package
// that reads it: WithProvinceRules (validator), the ProvinceRules methods
// (checks), lifecycle.State.DueWith and CountdownWith,
// change.Options.ProvinceRules, shell.WithProvinceRules (a StreamOption the
// one-subject classifiers take too), materials.Case.ProvinceRules. The
// package-level functions of those packages (GraceFor, RulesOf,
// ReviewLimit, HolderPolicyOf, ...) answer from the default table. A table without a row of a kind
// answers that kind's fallback, named at the reader (for instance
// shell.Grace, the 20 working days of R-20).
//
// The zero value holds no rules. A ProvinceRules is immutable once built
// and safe for concurrent use; With returns a new table.
type ProvinceRules struct {
	source, compiled string
	rules            []ProvinceRule
	index            map[ruleKey]int
}

type ruleKey struct {
	province string
	kind     RuleKind
}

// Province-rules table problems.
var CodeProvinceRulesInvalid = define("rules.invalid", "R-06", "省份规则表有误：%s", "province rules: %s")

//go:embed data/province_rules.json
var provinceRulesJSON []byte

// defaultProvinceRules loads the embedded table on first use (after the
// province table it refers to is loaded by init).
var defaultProvinceRules = sync.OnceValue(func() ProvinceRules {
	r, err := LoadProvinceRules(provinceRulesJSON)
	if err != nil {
		panic("filing: embedded data/province_rules.json: " + err.Error()) // build defect, caught by every test run
	}
	return r
})

// DefaultProvinceRules returns the embedded table data/province_rules.json.
func DefaultProvinceRules() ProvinceRules { return defaultProvinceRules() }

// provinceRulesDoc is the JSON form of a table.
type provinceRulesDoc struct {
	Source   string         `json:"source,omitempty"`
	Compiled string         `json:"compiled,omitempty"`
	Rules    []ProvinceRule `json:"rules"`
}

// LoadProvinceRules reads a table in the format of data/province_rules.json:
// {"source": ..., "compiled": ..., "rules": [{"province", "kind", "since",
// "value", "policy", "same_principal", "off", "note", "source"}, ...]}.
// Every rule needs a known province ("*" or a GB/T 2260 code), a known kind,
// a source, and a positive value for the kinds that take one; a (province,
// kind) pair may appear once.
func LoadProvinceRules(data []byte) (ProvinceRules, error) {
	var doc provinceRulesDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return ProvinceRules{}, newProblem(CodeProvinceRulesInvalid, err.Error())
	}
	return buildProvinceRules(doc.Source, doc.Compiled, doc.Rules, false)
}

// NewProvinceRules builds a table from rules (see LoadProvinceRules for what
// each rule needs).
func NewProvinceRules(rules ...ProvinceRule) (ProvinceRules, error) {
	return buildProvinceRules("", "", rules, false)
}

// With returns a copy of the table where each given rule replaces the entry
// of the same province and kind, or is added. Use Off to switch a national
// rule off for one province.
func (r ProvinceRules) With(rules ...ProvinceRule) (ProvinceRules, error) {
	all := slices.Clone(r.rules)
	all = append(all, rules...)
	return buildProvinceRules(r.source, r.compiled, all, true)
}

func buildProvinceRules(source, compiled string, in []ProvinceRule, replace bool) (ProvinceRules, error) {
	out := ProvinceRules{source: source, compiled: compiled, index: make(map[ruleKey]int, len(in))}
	for i, rule := range in {
		if err := rule.compile(); err != nil {
			return ProvinceRules{}, newProblem(CodeProvinceRulesInvalid, fmt.Sprintf("rule %d (%s %s): %s", i, rule.Province, rule.Kind, err))
		}
		k := ruleKey{rule.Province, rule.Kind}
		if j, dup := out.index[k]; dup {
			if !replace {
				return ProvinceRules{}, newProblem(CodeProvinceRulesInvalid, fmt.Sprintf("rule %d: a second %s rule for province %s", i, rule.Kind, rule.Province))
			}
			out.rules[j] = rule
			continue
		}
		out.index[k] = len(out.rules)
		out.rules = append(out.rules, rule)
	}
	return out, nil
}

func (p *ProvinceRule) compile() error {
	if p.Province != "*" {
		if _, ok := ProvinceByCode(p.Province); !ok {
			return fmt.Errorf("unknown province %q", p.Province)
		}
	}
	spec, ok := ruleKinds[p.Kind]
	if !ok {
		return fmt.Errorf("unknown kind %q", p.Kind)
	}
	if p.Source == "" {
		return fmt.Errorf("no source")
	}
	if p.Checked != "" {
		if _, err := time.Parse("2006-01-02", p.Checked); err != nil {
			return fmt.Errorf("checked %q is not a date", p.Checked)
		}
	}
	if p.Off {
		return p.compileSince()
	}
	if spec.value && p.Value <= 0 {
		return fmt.Errorf("needs a positive value")
	}
	if !spec.value && p.Value != 0 {
		return fmt.Errorf("takes no value")
	}
	if spec.policies == nil && p.Policy != "" {
		return fmt.Errorf("takes no policy")
	}
	if spec.policies != nil && !slices.Contains(spec.policies, p.Policy) {
		return fmt.Errorf("policy must be one of %q", spec.policies)
	}
	if p.SamePrincipal && p.Kind != RuleAuthorisationLetter {
		return fmt.Errorf("same_principal is a parameter of %s only", RuleAuthorisationLetter)
	}
	return p.compileSince()
}

// compileSince parses Since.
func (p *ProvinceRule) compileSince() error {
	p.since = time.Time{}
	if p.Since != "" {
		t, err := time.ParseInLocation("2006-01-02", p.Since, calendar.Location())
		if err != nil {
			return fmt.Errorf("since %q is not a date", p.Since)
		}
		p.since = t
	}
	return nil
}

// Rules returns the table's entries in order.
func (r ProvinceRules) Rules() []ProvinceRule { return slices.Clone(r.rules) }

// Source returns the table's source note and compilation date.
func (r ProvinceRules) Source() (source, compiled string) { return r.source, r.compiled }

// Lookup returns the rule of a kind that applies to a province at instant
// at: the province's own entry if it is in force, else the national entry if
// that is in force. An entry with Off set answers "no rule".
func (r ProvinceRules) Lookup(province string, kind RuleKind, at time.Time) (ProvinceRule, bool) {
	if i, ok := r.index[ruleKey{province, kind}]; ok {
		p := r.rules[i]
		if p.Off {
			return ProvinceRule{}, false
		}
		if p.in(at) {
			return p, true
		}
	}
	if i, ok := r.index[ruleKey{"*", kind}]; ok {
		if p := r.rules[i]; !p.Off && p.in(at) {
			return p, true
		}
	}
	return ProvinceRule{}, false
}

// in reports whether the rule is in force at instant t.
func (p ProvinceRule) in(t time.Time) bool { return p.since.IsZero() || !t.Before(p.since) }

// MarshalJSON writes the table in the format LoadProvinceRules reads.
func (r ProvinceRules) MarshalJSON() ([]byte, error) {
	return json.Marshal(provinceRulesDoc{Source: r.source, Compiled: r.compiled, Rules: r.rules})
}

// UnmarshalJSON reads a table like LoadProvinceRules.
func (r *ProvinceRules) UnmarshalJSON(b []byte) error {
	t, err := LoadProvinceRules(b)
	if err != nil {
		return err
	}
	*r = t
	return nil
}
