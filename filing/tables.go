package filing

import (
	_ "embed"
	"encoding/json"
	"slices"
)

// Nature is the subject nature (主办单位性质) as a stable code such as
// "enterprise". JSON input may use the code or the Chinese name ("企业").
type Nature string

// Subject natures most callers need by name; Natures lists them all.
const (
	NatureIndividual  Nature = "individual"
	NatureEnterprise  Nature = "enterprise"
	NatureGovernment  Nature = "government"
	NatureInstitution Nature = "institution"
	NatureSocialGroup Nature = "social_group"
)

// NatureInfo describes one subject nature.
type NatureInfo struct {
	Code Nature `json:"code"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
	// Individual is true only for 个人.
	Individual bool `json:"individual,omitempty"`
	// Certificates are the subject certificate types accepted for the nature,
	// as the MIIT filing system lists them for each subject nature.
	Certificates []CertType `json:"certificates"`
}

// Accepts reports whether the nature accepts a subject certificate type.
func (n NatureInfo) Accepts(t CertType) bool { return slices.Contains(n.Certificates, t) }

// PreApprovalCategory is a content category that needs a pre-approval
// (前置审批) or special approval (专项审批) before filing, as a
// stable code such as "news" or "bbs".
type PreApprovalCategory string

// PreApprovalInfo describes one pre-approval category.
type PreApprovalInfo struct {
	Code PreApprovalCategory `json:"code"`
	// ID is the category number in the MIIT filing system.
	ID int    `json:"id"`
	Zh string `json:"zh"`
	En string `json:"en"`
	// Kind is "pre_approval" or "special" (专项审批, electronic bulletin
	// services).
	Kind string `json:"kind"`
	// Authority is the usual approving authority.
	Authority string `json:"authority"`
}

//go:embed data/natures.json
var naturesJSON []byte

//go:embed data/preapprovals.json
var preapprovalsJSON []byte

// natureInfos and preInfos are the tables in file order; natureByKey and
// preByKey index them by code and by Chinese name.
var (
	natureInfos, natureByKey = loadNatures()
	preInfos, preByKey       = loadPreApprovals()
)

// loadNatures decodes data/natures.json.
func loadNatures() ([]NatureInfo, map[string]int) {
	var n struct {
		Natures []NatureInfo `json:"natures"`
	}
	mustUnmarshal("natures", naturesJSON, &n)
	return n.Natures, byCodeAndZh(n.Natures, func(x NatureInfo) (string, string) { return string(x.Code), x.Zh })
}

// loadPreApprovals decodes data/preapprovals.json.
func loadPreApprovals() ([]PreApprovalInfo, map[string]int) {
	var p struct {
		Categories []PreApprovalInfo `json:"categories"`
	}
	mustUnmarshal("preapprovals", preapprovalsJSON, &p)
	return p.Categories, byCodeAndZh(p.Categories, func(x PreApprovalInfo) (string, string) { return string(x.Code), x.Zh })
}

// byCodeAndZh indexes rows by each row's code and by its Chinese name.
func byCodeAndZh[T any](rows []T, keys func(T) (code, zh string)) map[string]int {
	byKey := make(map[string]int, 2*len(rows))
	for i, x := range rows {
		code, zh := keys(x)
		byKey[code], byKey[zh] = i, i
	}
	return byKey
}

func mustUnmarshal(name string, data []byte, v any) {
	if err := json.Unmarshal(data, v); err != nil {
		panic("filing: embedded data/" + name + ".json: " + err.Error()) // build defect, caught by every test run
	}
}

// Natures returns every subject nature.
func Natures() []NatureInfo { return slices.Clone(natureInfos) }

// Info returns the description of the nature; ok is false for an unknown code.
func (n Nature) Info() (info NatureInfo, ok bool) {
	i, ok := natureByKey[string(n)]
	if !ok {
		return NatureInfo{}, false
	}
	return natureInfos[i], true
}

// UnmarshalText accepts the code or the Chinese name.
func (n *Nature) UnmarshalText(b []byte) error {
	s := normalizeKey(string(b))
	if i, ok := natureByKey[s]; ok {
		*n = natureInfos[i].Code
		return nil
	}
	*n = Nature(s)
	return nil
}

// PreApprovalCategories returns every pre-approval category.
func PreApprovalCategories() []PreApprovalInfo { return slices.Clone(preInfos) }

// Info returns the description of the category; ok is false for an unknown
// code.
func (c PreApprovalCategory) Info() (info PreApprovalInfo, ok bool) {
	i, ok := preByKey[string(c)]
	if !ok {
		return PreApprovalInfo{}, false
	}
	return preInfos[i], true
}

// UnmarshalText accepts the code or the Chinese name.
func (c *PreApprovalCategory) UnmarshalText(b []byte) error {
	s := normalizeKey(string(b))
	if i, ok := preByKey[s]; ok {
		*c = preInfos[i].Code
		return nil
	}
	*c = PreApprovalCategory(s)
	return nil
}
