package materials

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/beiankit/beian/filing"
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
	// When is the condition: "always", "new_filing", "domains_4",
	// "not_verified_on_phone", "cross_province_residence",
	// "authorisation_letter", "individual" or "organisation".
	When   string `json:"when"`
	Grade  string `json:"grade,omitempty"`
	Source string `json:"source"`
}

// conditions are the values of Row.When.
var conditions = []string{"always", "new_filing", "domains_4", "not_verified_on_phone", "cross_province_residence", "authorisation_letter", "individual", "organisation"}

// Rules is the materials matrix. It is immutable and safe for concurrent use.
type Rules struct {
	materials []Material
	rows      []Row
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
	out := &Rules{materials: r.materials, rows: slices.Clone(r.rows)}
	for _, row := range rows {
		if _, ok := out.material(row.Material); !ok {
			return nil, fmt.Errorf("materials: row %s: unknown material %q", row.ID, row.Material)
		}
		if !slices.Contains(conditions, row.When) {
			return nil, fmt.Errorf("materials: row %s: unknown condition %q", row.ID, row.When)
		}
		if row.ID == "" || row.Source == "" {
			return nil, fmt.Errorf("materials: a row needs an id and a source")
		}
		if i := slices.IndexFunc(out.rows, func(x Row) bool { return x.ID == row.ID }); i >= 0 {
			out.rows[i] = row
		} else {
			out.rows = append(out.rows, row)
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
	for _, row := range r.rows {
		if row.Province != "" && row.Province != f.Subject.Province {
			continue
		}
		if slices.ContainsFunc(out, func(q Requirement) bool { return q.Material.ID == row.Material }) {
			continue
		}
		if holds(row.When, f, c) {
			m, _ := r.material(row.Material)
			out = append(out, Requirement{Material: m, Row: row.ID, Source: row.Source})
		}
	}
	return out
}

// Required returns the materials the case requires under the default
// matrix.
func Required(c Case) []Requirement { return Default().Required(c) }

// holds evaluates a row's condition.
func holds(when string, f *filing.Filing, c Case) bool {
	s := &f.Subject
	nat, natOK := s.Nature.Info()
	individual := natOK && nat.Individual
	switch when {
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
	case "domains_4":
		n := 0
		for _, w := range f.Websites {
			n += len(w.Domains)
		}
		return n >= 4
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
	e, _ := catalog.Lookup(string(CodeMissing))
	a, b := strings.Join(zh, "、"), strings.Join(en, ", ")
	return &MissingError{Missing: miss, Zh: catalog.Fill(e.Zh, a, b), En: catalog.Fill(e.En, a, b)}
}

// Check applies the default matrix; see (*Rules).Check.
func Check(c Case, have []ID) error { return Default().Check(c, have) }
