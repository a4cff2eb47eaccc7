package materials

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/internal/catalog"
)

//go:embed data/materials.json
var materialsJSON []byte

// ID names a material, such as "residence_proof".
type ID string

// Material is one document a filing may have to carry.
type Material struct {
	ID ID     `json:"id"`
	Zh string `json:"zh"`
	En string `json:"en"`
}

// Row says when a material is required: a condition (When), optionally
// limited to one province, with its source.
type Row struct {
	ID string `json:"id"`
	// Province limits the row to one filing province (two-digit code);
	// empty means every province.
	Province string `json:"province,omitempty"`
	Material ID     `json:"material"`
	// When is the condition: one or more terms joined by "+", all of
	// which must hold (see Conditions), e.g. "individual+domain_prefixes_6".
	When   string `json:"when"`
	Grade  string `json:"grade,omitempty"`
	Source string `json:"source"`
}

// conditions are the terms of Row.When that take no number.
var conditions = []string{"always", "new_filing", "new_website", "not_verified_on_phone", "cross_province_residence", "authorisation_letter", "individual", "organisation", "site_name_not_subject", "renamed"}

// counted are the terms of Row.When that end in a number N ≥ 1
// ("domains_4", "domain_prefixes_32").
var counted = []string{"domains", "domain_prefixes", "websites", "new_websites", "website_domains"}

// Conditions describes the terms of Row.When; a row's When joins one or
// more of them with "+" and holds when all of them do:
//
//   - always: every case.
//   - new_filing: the subject or one of its websites or apps has no
//     record number yet.
//   - new_website: one of the filing's websites has no record number yet.
//   - not_verified_on_phone: Case.VerifiedOnPhone is false.
//   - cross_province_residence: an individual whose resident ID comes
//     from outside the filing province, where the province table's
//     cross-province policy is residence_permit.
//   - authorisation_letter: an organisation whose principal is not its
//     legal representative, where the province table accepts a letter.
//   - individual, organisation: the subject's nature.
//   - site_name_not_subject: a website without a record number is named
//     otherwise than the subject (after NormalizeFiling).
//   - renamed: Case.RecordedName is set and differs from the subject's
//     name (an organisation's name change).
//   - domains_N: the filing's websites carry N or more domains in all.
//   - domain_prefixes_N: their domains have N or more different prefixes,
//     the label a registrant registers ("example" of example.com and
//     example.cn), filed and new websites together.
//   - websites_N: the filing has N or more websites, filed or new.
//   - new_websites_N: N or more websites have no record number yet.
//   - website_domains_N: one new website (no record number yet) carries N
//     or more domains; a website on file with many domains does not make
//     another website's filing ask for more.
func Conditions() []string {
	out := slices.Clone(conditions)
	for _, c := range counted {
		out = append(out, c+"_N")
	}
	return out
}

// term is one parsed term of a Row.When.
type term struct {
	name string
	n    int
}

// parseWhen parses a Row.When.
func parseWhen(when string) ([]term, error) {
	var out []term
	for part := range strings.SplitSeq(when, "+") {
		if slices.Contains(conditions, part) {
			out = append(out, term{name: part})
			continue
		}
		i := strings.LastIndexByte(part, '_')
		if i < 0 || !slices.Contains(counted, part[:i]) {
			return nil, fmt.Errorf("unknown condition %q", part)
		}
		n, err := strconv.Atoi(part[i+1:])
		if err != nil || n < 1 || part[i+1] == '0' {
			return nil, fmt.Errorf("condition %q: the count is not a number from 1", part)
		}
		out = append(out, term{name: part[:i], n: n})
	}
	return out, nil
}

// Rules is the materials matrix. It is immutable and safe for concurrent use.
type Rules struct {
	materials []Material
	rows      []Row
	when      [][]term // parsed When of each row
}

// Parse reads a matrix in the shape of data/materials.json. It fails on
// malformed JSON, a row naming an unknown material or condition, or a row
// without source.
func Parse(data []byte) (*Rules, error) {
	var doc struct {
		Materials []Material `json:"materials"`
		Rows      []Row      `json:"rows"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("materials: %w", err)
	}
	r := &Rules{materials: doc.Materials}
	return r.With(doc.Rows...)
}

var defaultRules = sync.OnceValue(func() *Rules {
	r, err := Parse(materialsJSON)
	if err != nil {
		panic("materials: embedded data/materials.json: " + err.Error()) // build defect
	}
	return r
})

// Default returns the embedded matrix.
func Default() *Rules { return defaultRules() }

// With returns the matrix with rows added; a row with the ID of an existing
// row replaces it. r is not changed.
func (r *Rules) With(rows ...Row) (*Rules, error) {
	out := &Rules{materials: r.materials, rows: slices.Clone(r.rows), when: slices.Clone(r.when)}
	for _, row := range rows {
		if _, ok := out.material(row.Material); !ok {
			return nil, fmt.Errorf("materials: row %s: unknown material %q", row.ID, row.Material)
		}
		when, err := parseWhen(row.When)
		if err != nil {
			return nil, fmt.Errorf("materials: row %s: %w", row.ID, err)
		}
		if row.ID == "" || row.Source == "" {
			return nil, fmt.Errorf("materials: a row needs an id and a source")
		}
		if i := slices.IndexFunc(out.rows, func(x Row) bool { return x.ID == row.ID }); i >= 0 {
			out.rows[i], out.when[i] = row, when
		} else {
			out.rows = append(out.rows, row)
			out.when = append(out.when, when)
		}
	}
	return out, nil
}

// Materials returns the materials the matrix knows; the slice is a copy.
func (r *Rules) Materials() []Material { return slices.Clone(r.materials) }

// Rows returns the rows of the matrix; the slice is a copy.
func (r *Rules) Rows() []Row { return slices.Clone(r.rows) }

func (r *Rules) material(id ID) (Material, bool) {
	i := slices.IndexFunc(r.materials, func(m Material) bool { return m.ID == id })
	if i < 0 {
		return Material{}, false
	}
	return r.materials[i], true
}

// Case is a filing and what the materials depend on beyond it.
type Case struct {
	Filing *filing.Filing
	// VerifiedOnPhone is true when the certificates were photographed and
	// the faces verified in the provider's app (electronic verification).
	VerifiedOnPhone bool
	// Now is the instant the province rules are read at; zero: time.Now.
	Now time.Time
	// ProvinceRules is the province table; nil: filing.DefaultProvinceRules.
	ProvinceRules *filing.ProvinceRules
	// RecordedName is the subject's name on record when the filing changes
	// a filed organisation's name (its name before the change); empty for
	// a filing that renames nothing. The filing model does not carry it.
	RecordedName string
}

// Requirement is one material a case requires, with the row that asks it.
type Requirement struct {
	Material Material `json:"material"`
	Row      string   `json:"row"`
	Source   string   `json:"source"`
}

// Required returns the materials the case requires, in matrix order, each
// once.
func (r *Rules) Required(c Case) []Requirement {
	if c.Filing == nil {
		return nil
	}
	f := filing.NormalizeFiling(c.Filing)
	var out []Requirement
	e := newEval(f, c)
	for i, row := range r.rows {
		if row.Province != "" && row.Province != f.Subject.Province {
			continue
		}
		if slices.ContainsFunc(out, func(q Requirement) bool { return q.Material.ID == row.Material }) {
			continue
		}
		if e.all(r.when[i]) {
			m, _ := r.material(row.Material)
			out = append(out, Requirement{Material: m, Row: row.ID, Source: row.Source})
		}
	}
	return out
}

// Required returns the materials the case requires under the default
// matrix.
func Required(c Case) []Requirement { return Default().Required(c) }

// eval evaluates the rows' conditions for one case; it reads the
// subject's nature once and counts the domain prefixes once.
type eval struct {
	f                 *filing.Filing
	c                 Case
	natOK, individual bool // the nature is known; it is an individual's
	prefixes          int  // the number of domain prefixes, once counted
	counted           bool
}

func newEval(f *filing.Filing, c Case) *eval {
	nat, ok := f.Subject.Nature.Info()
	return &eval{f: f, c: c, natOK: ok, individual: ok && nat.Individual}
}

// all evaluates a row's condition: every term holds.
func (e *eval) all(when []term) bool {
	for _, t := range when {
		if !e.holds(t) {
			return false
		}
	}
	return true
}

// holds evaluates one term of a row's condition.
func (e *eval) holds(t term) bool {
	f, c := e.f, e.c
	s := &f.Subject
	natOK, individual := e.natOK, e.individual
	switch t.name {
	case "always":
		return true
	case "individual":
		return individual
	case "organisation":
		return natOK && !individual
	case "new_filing":
		if s.Number == "" {
			return true
		}
		return slices.ContainsFunc(f.Websites, func(w filing.Website) bool { return w.Number == "" }) ||
			slices.ContainsFunc(f.Apps, func(a filing.App) bool { return a.Number == "" })
	case "new_website":
		return slices.ContainsFunc(f.Websites, func(w filing.Website) bool { return w.Number == "" })
	case "site_name_not_subject":
		return slices.ContainsFunc(f.Websites, func(w filing.Website) bool { return w.Number == "" && w.Name != s.Name })
	case "renamed":
		old := filing.NormalizeText(c.RecordedName)
		return natOK && !individual && old != "" && old != s.Name
	case "domains":
		n := 0
		for _, w := range f.Websites {
			n += len(w.Domains)
		}
		return n >= t.n
	case "domain_prefixes":
		if !e.counted {
			e.prefixes, e.counted = len(prefixes(f)), true
		}
		return e.prefixes >= t.n
	case "websites":
		return len(f.Websites) >= t.n
	case "new_websites":
		n := 0
		for _, w := range f.Websites {
			if w.Number == "" {
				n++
			}
		}
		return n >= t.n
	case "website_domains":
		return slices.ContainsFunc(f.Websites, func(w filing.Website) bool { return w.Number == "" && len(w.Domains) >= t.n })
	case "not_verified_on_phone":
		return !c.VerifiedOnPhone
	case "cross_province_residence":
		id := string(s.CertNumber)
		if !individual || s.CertType != filing.CertResidentID || len(id) < 2 || id[:2] == s.Province {
			return false
		}
		rule, ok := provinceRule(c, s.Province, filing.RuleCrossProvince)
		return ok && rule.Policy == "residence_permit"
	case "authorisation_letter":
		if !natOK || individual || s.LegalRepresentative == "" ||
			strings.TrimSpace(s.Principal.Name) == strings.TrimSpace(s.LegalRepresentative) {
			return false
		}
		_, ok := provinceRule(c, s.Province, filing.RuleAuthorisationLetter)
		return ok
	}
	return false
}

// prefixes returns the different prefixes of the filing's domains: the
// first label of each registrable domain ("example" of www.example.com.cn).
// A domain that is not valid counts as itself.
func prefixes(f *filing.Filing) []string {
	var out []string
	for _, w := range f.Websites {
		for _, d := range w.Domains {
			p := d
			if reg, err := domain.RegistrableDomain(d); err == nil {
				p, _, _ = strings.Cut(reg, ".")
			}
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

func provinceRule(c Case, province string, kind filing.RuleKind) (filing.ProvinceRule, bool) {
	now := c.Now
	if now.IsZero() {
		now = time.Now()
	}
	rules := filing.DefaultProvinceRules()
	if c.ProvinceRules != nil {
		rules = *c.ProvinceRules
	}
	return rules.Lookup(province, kind, now)
}

// Code is the stable code of a materials problem.
type Code string

var codes catalog.Set[Code]

// Codes returns every code the package defines, sorted.
func Codes() []Code { return codes.Codes() }

// CodeMissing: the filing lacks required materials.
var CodeMissing = codes.Define("materials.missing", "R-93", "备案材料不完整，缺少：%[1]s", "materials missing: %[2]s")

// Error returns the code itself, so a Code is an errors.Is target.
func (c Code) Error() string { return string(c) }

// MissingError lists the required materials a case lacks.
type MissingError struct {
	Missing []Requirement `json:"missing"`
	Zh      string        `json:"zh"`
	En      string        `json:"en"`
}

// Error returns "materials.missing: " and the English message.
func (e *MissingError) Error() string { return string(CodeMissing) + ": " + e.En }

// Is matches CodeMissing.
func (e *MissingError) Is(target error) bool { c, ok := target.(Code); return ok && c == CodeMissing }

// ErrorCode returns the stable code.
func (e *MissingError) ErrorCode() string { return string(CodeMissing) }

// MessageZh returns the Chinese message, naming each missing material.
func (e *MissingError) MessageZh() string { return e.Zh }

// MessageEn returns the English message.
func (e *MissingError) MessageEn() string { return e.En }

// Missing returns the required materials not among have.
func (r *Rules) Missing(c Case, have []ID) []Requirement {
	var out []Requirement
	for _, q := range r.Required(c) {
		if !slices.Contains(have, q.Material.ID) {
			out = append(out, q)
		}
	}
	return out
}

// Check returns nil when have holds every required material, else a
// *MissingError naming what is missing in Chinese.
func (r *Rules) Check(c Case, have []ID) error {
	miss := r.Missing(c, have)
	if len(miss) == 0 {
		return nil
	}
	zh := make([]string, len(miss))
	en := make([]string, len(miss))
	for i, q := range miss {
		zh[i], en[i] = q.Material.Zh, q.Material.En
	}
	e, _ := catalog.Filled(string(CodeMissing), strings.Join(zh, "、"), strings.Join(en, ", "))
	return &MissingError{Missing: miss, Zh: e.Zh, En: e.En}
}

// Check applies the default matrix; see (*Rules).Check.
func Check(c Case, have []ID) error { return Default().Check(c, have) }
