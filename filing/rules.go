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

// Province requirements (R-06, and the province side of R-03): data, not
// code branches. The embedded table data/province_rules.json holds one entry
// per (province, kind) with its source; province "*" is national, and a
// province's entry of a kind replaces the national entry of that kind. A
// caller adjusts the table with ProvinceRules.With or loads its own with
// LoadProvinceRules, and hands it to NewValidator with WithProvinceRules.

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
)

// ruleKinds lists the kinds a table may hold and whether they take a
// positive Value.
var ruleKinds = map[RuleKind]bool{
	RuleLegalRepresentative:    false,
	RuleAuthorisationLetter:    false,
	RuleLandlineRequired:       false,
	RuleEmergencyPhoneDistinct: false,
	RuleEmergencyPhoneCross:    false,
	RuleMinAge:                 true,
	RuleCrossProvince:          false,
	RuleOneDomainPerNewWebsite: false,
	RuleMaxDomainsPerOrder:     true,
	RuleMaxWebsitesPerOrder:    true,
	RuleMaxWebsitesPerSubject:  true,
	RulePublicSectorDomains:    false,
}

// Cross-province policies of RuleCrossProvince.
const (
	PolicyResidencePermit = "residence_permit" // allowed with a local 居住证
	PolicyRefused         = "refused"          // not allowed (local ID required)
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
	// Value is the number of RuleMinAge and the RuleMax* kinds.
	Value int `json:"value,omitempty"`
	// Policy is the RuleCrossProvince policy.
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

	since time.Time
}

// ProvinceRules is a table of province requirements. The zero value holds
// no rules. A ProvinceRules is immutable once built and safe for concurrent
// use; With returns a new table.
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
	needsValue, ok := ruleKinds[p.Kind]
	if !ok {
		return fmt.Errorf("unknown kind %q", p.Kind)
	}
	if p.Source == "" {
		return fmt.Errorf("no source")
	}
	if needsValue && p.Value <= 0 && !p.Off {
		return fmt.Errorf("needs a positive value")
	}
	if p.Kind == RuleCrossProvince && !p.Off && p.Policy != PolicyResidencePermit && p.Policy != PolicyRefused {
		return fmt.Errorf("policy must be %q or %q", PolicyResidencePermit, PolicyRefused)
	}
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
