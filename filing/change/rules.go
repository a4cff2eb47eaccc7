package change

import (
	"time"

	"github.com/beiankit/beian/filing"
)

// Allowance says whether and when a change is allowed.
type Allowance string

// Allowances.
const (
	Never        Allowance = filing.ChangeNever        // cancel and file anew
	Always       Allowance = filing.ChangeAlways       // allowed by change
	SameLegalRep Allowance = filing.ChangeSameLegalRep // allowed if the legal representative stays
)

// Rules is what a change may alter in one province: the
// filing.RuleChange* rows of package filing's province table, each with its
// source there (RulesOf for the default table, RulesIn for a caller's).
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

// RulesOf returns the row of a province (a GB/T 2260 code) in the default
// province table: RulesIn(filing.DefaultProvinceRules(), province,
// time.Now()).
func RulesOf(province string) Rules {
	return RulesIn(filing.DefaultProvinceRules(), province, time.Now())
}

// RulesIn returns the row of a province in a province table at instant at
// the table's filing.RuleChange* rows, the province's own, else
// the national ones. An allowance kind without a row is Never; a flag kind
// without a row is false.
func RulesIn(rules filing.ProvinceRules, province string, at time.Time) Rules {
	allowance := func(k filing.RuleKind) Allowance {
		if row, ok := rules.Lookup(province, k, at); ok {
			return Allowance(row.Policy)
		}
		return Never
	}
	flag := func(k filing.RuleKind) bool {
		_, ok := rules.Lookup(province, k, at)
		return ok
	}
	return Rules{
		SubjectToOther:           allowance(filing.RuleChangeSubjectToOther),
		CertChange:               allowance(filing.RuleChangeCertNumber),
		IndividualToOrganisation: allowance(filing.RuleChangeIndividualToOrganisation),
		NameChangeLetter:         flag(filing.RuleChangeNameLetter),
		FaceCheckEveryChange:     flag(filing.RuleChangeFaceCheck),
	}
}
