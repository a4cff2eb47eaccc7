package filing

import (
	_ "embed"
	"encoding/json"
	"slices"
)

// CertType identifies a kind of certificate the filing system accepts, as a
// stable code such as "resident_id" or "business_licence". JSON input may use
// the code or the Chinese name ("居民身份证"); output is always the code.
type CertType string

// CertFormat names the national standard a certificate number follows, which
// decides how it is checked.
type CertFormat string

// Certificate number formats.
const (
	FormatResidentID    CertFormat = "resident_id"     // GB 11643-1999
	FormatUSCC          CertFormat = "uscc"            // GB 32100-2015
	FormatOrgCode       CertFormat = "orgcode"         // GB 11714-1997
	FormatUSCCOrOrgCode CertFormat = "uscc_or_orgcode" // either of the two
	FormatHKMOPermit    CertFormat = "hk_mo_permit"    // 港澳居民来往内地通行证
	FormatTWPermit      CertFormat = "tw_permit"       // 台湾居民来往大陆通行证
	FormatPassport      CertFormat = "passport"        // ICAO 9303 document number
	FormatForeignPRID   CertFormat = "foreign_pr_id"   // 外国人永久居留身份证, 2017 and 2023 forms
	FormatFree          CertFormat = "free"            // no national standard: length and charset only
)

// Certificate types (the codes of data/certificates.json most callers need by
// name; CertTypes lists them all).
const (
	CertResidentID      CertType = "resident_id"
	CertHKMOPermit      CertType = "hk_mo_permit"
	CertTWPermit        CertType = "tw_permit"
	CertHKMOTWResidence CertType = "hk_mo_tw_residence"
	CertPassport        CertType = "passport"
	CertForeignPRID     CertType = "foreign_pr_id"
	CertBusinessLicence CertType = "business_licence"
	CertUSCC            CertType = "uscc_certificate"
	CertOrgCode         CertType = "orgcode_certificate"
	CertInstitution     CertType = "institution_legal_person"
)

// CertInfo describes one certificate type.
type CertInfo struct {
	Code CertType `json:"code"`
	// Zh is the Chinese name as the filing system shows it.
	Zh string `json:"zh"`
	// En is an English name.
	En string `json:"en"`
	// Holder is "person" or "organisation".
	Holder string `json:"holder"`
	// Format is the number format.
	Format CertFormat `json:"format"`
}

// Personal reports whether the certificate is held by a natural person.
func (c CertInfo) Personal() bool { return c.Holder == "person" }

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

//go:embed data/certificates.json
var certificatesJSON []byte

//go:embed data/natures.json
var naturesJSON []byte

//go:embed data/preapprovals.json
var preapprovalsJSON []byte

var (
	certInfos   []CertInfo
	certByKey   = map[string]int{}
	natureInfos []NatureInfo
	natureByKey = map[string]int{}
	preInfos    []PreApprovalInfo
	preByKey    = map[string]int{}
)

func init() {
	var c struct {
		Certificates []CertInfo `json:"certificates"`
	}
	var n struct {
		Natures []NatureInfo `json:"natures"`
	}
	var p struct {
		Categories []PreApprovalInfo `json:"categories"`
	}
	mustUnmarshal("certificates", certificatesJSON, &c)
	mustUnmarshal("natures", naturesJSON, &n)
	mustUnmarshal("preapprovals", preapprovalsJSON, &p)
	certInfos, natureInfos, preInfos = c.Certificates, n.Natures, p.Categories
	for i, x := range certInfos {
		certByKey[string(x.Code)] = i
		certByKey[x.Zh] = i
	}
	for i, x := range natureInfos {
		natureByKey[string(x.Code)] = i
		natureByKey[x.Zh] = i
	}
	for i, x := range preInfos {
		preByKey[string(x.Code)] = i
		preByKey[x.Zh] = i
	}
}

func mustUnmarshal(name string, data []byte, v any) {
	if err := json.Unmarshal(data, v); err != nil {
		panic("filing: embedded data/" + name + ".json: " + err.Error()) // build defect, caught by every test run
	}
}

// CertTypes returns every certificate type the filing system accepts.
func CertTypes() []CertInfo { return slices.Clone(certInfos) }

// Info returns the description of the certificate type; ok is false for an
// unknown code.
func (t CertType) Info() (info CertInfo, ok bool) {
	i, ok := certByKey[string(t)]
	if !ok {
		return CertInfo{}, false
	}
	return certInfos[i], true
}

// UnmarshalText accepts the code or the Chinese name.
func (t *CertType) UnmarshalText(b []byte) error {
	s := normalizeKey(string(b))
	if i, ok := certByKey[s]; ok {
		*t = certInfos[i].Code
		return nil
	}
	*t = CertType(s) // unknown: kept, reported by validation
	return nil
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
