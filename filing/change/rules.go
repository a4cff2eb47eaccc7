package change

import (
	_ "embed"
	"encoding/json"
)

// Allowance says whether and when a change is allowed.
type Allowance string

// Allowances.
const (
	Never        Allowance = "never"          // cancel and file anew
	Always       Allowance = "always"         // allowed by change
	SameLegalRep Allowance = "same_legal_rep" // allowed if the legal representative stays
)

// Rules is one province's row of the table of what a change may alter
// from the embedded data with its sources.
type Rules struct {
	// SubjectToOther is a change to another subject (name and certificate
	// number both differ): never by default; 山东 allows it with the same
	// legal representative.
	SubjectToOther Allowance `json:"subject_to_other"`
	// CertChange is a change of the subject's certificate number alone.
	// Sources disagree (Huawei Cloud: not modifiable; one smaller ISP:
	// modifiable); DESIGN: never, the better-graded source.
	CertChange Allowance `json:"cert_number"`
	// IndividualToOrganisation: per province per Tencent Cloud, Baidu's
	// province excerpts disagree; DESIGN: never unless a province says so.
	IndividualToOrganisation Allowance `json:"individual_to_organisation"`
	// NameChangeLetter: a subject name change needs the 工商更名函 (四川).
	NameChangeLetter bool `json:"name_change_letter"`
	// FaceCheckEveryChange: every change repeats the verification photos
	// (青海 五图).
	FaceCheckEveryChange bool `json:"face_check_every_change"`
}

//go:embed data/change_rules.json
var rulesJSON []byte

var (
	defaultRules Rules
	// rowCache holds the rows of the provinces the data names; written
	// only during initialisation.
	rowCache = map[string]Rules{}
)

func init() {
	var d struct {
		Default   Rules                      `json:"default"`
		Provinces map[string]json.RawMessage `json:"provinces"`
	}
	if err := json.Unmarshal(rulesJSON, &d); err != nil {
		panic("change: embedded data/change_rules.json: " + err.Error()) // build defect
	}
	defaultRules = d.Default
	for p, raw := range d.Provinces {
		r := defaultRules
		if err := json.Unmarshal(raw, &r); err != nil || !r.valid() {
			panic("change: embedded data/change_rules.json: bad province row " + p) // build defect
		}
		rowCache[p] = r
	}
	if !defaultRules.valid() {
		panic("change: embedded data/change_rules.json: bad default row") // build defect
	}
}

func (r Rules) valid() bool {
	ok := func(a Allowance) bool { return a == Never || a == Always || a == SameLegalRep }
	return ok(r.SubjectToOther) && ok(r.CertChange) && ok(r.IndividualToOrganisation)
}

// RulesOf returns the row of a province (a GB/T 2260 code); provinces
// without a row of their own get the default row.
func RulesOf(province string) Rules {
	if r, ok := rowCache[province]; ok {
		return r
	}
	return defaultRules
}
