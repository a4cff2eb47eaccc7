package wechat

import (
	"fmt"
	"log/slog"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
)

// ApplyIcpFiling is the request body of applyIcpFiling (申请小程序备案, POST
// /wxa/icp/apply_icp_filing). Field names and nesting are the platform's;
// every type keeps the keys it does not declare in Extra.
type ApplyIcpFiling struct {
	IcpSubject   Subject        `json:"icp_subject"`
	IcpApplets   Applets        `json:"icp_applets"`
	IcpMaterials Materials      `json:"icp_materials"`
	Extra        platform.Extra `json:"-"`
}

// Subject is icp_subject (备案主体信息).
type Subject struct {
	BaseInfo        SubjectBaseInfo  `json:"base_info"`
	PersonalInfo    *PersonalInfo    `json:"personal_info,omitempty"`
	OrganizeInfo    OrganizeInfo     `json:"organize_info"`
	PrincipalInfo   PrincipalInfo    `json:"principal_info"`
	LegalPersonInfo *LegalPersonInfo `json:"legal_person_info,omitempty"`
	Extra           platform.Extra   `json:"-"`
}

// SubjectBaseInfo is icp_subject.base_info (主体基本信息).
type SubjectBaseInfo struct {
	Type         int            `json:"type"`                    // 主体性质, an ID of queryIcpSubjectTypes
	Name         string         `json:"name"`                    // 主办单位名称
	Province     string         `json:"province"`                // 备案省份, six-digit code
	City         string         `json:"city"`                    // 备案城市
	District     string         `json:"district"`                // 备案县区
	Address      string         `json:"address"`                 // 通讯地址, without the leading province/city/district
	Comment      string         `json:"comment,omitempty"`       // 主体信息备注
	RecordNumber string         `json:"record_number,omitempty"` // 主体备案号, in answers only
	Extra        platform.Extra `json:"-"`
}

// PersonalInfo is icp_subject.personal_info (个人主体额外信息).
type PersonalInfo struct {
	ResidencePermit string         `json:"residence_permit,omitempty"` // 临时居住证明 media_id
	Extra           platform.Extra `json:"-"`
}

// OrganizeInfo is icp_subject.organize_info (主体额外信息).
type OrganizeInfo struct {
	CertificateType    int             `json:"certificate_type"` // an ID of queryIcpCertificateTypes
	CertificateNumber  filing.IDNumber `json:"certificate_number"`
	CertificateAddress string          `json:"certificate_address,omitempty"`
	CertificatePhoto   string          `json:"certificate_photo,omitempty"` // media_id, required for non-individuals
	Extra              platform.Extra  `json:"-"`
}

// PrincipalInfo is principal_info, of the subject (主体负责人) and of the
// mini-program (小程序负责人) alike.
type PrincipalInfo struct {
	Name                         string          `json:"name"`
	Mobile                       filing.Phone    `json:"mobile"`
	Email                        filing.Email    `json:"email"`
	EmergencyContact             filing.Phone    `json:"emergency_contact,omitempty"`
	CertificateType              int             `json:"certificate_type"`
	CertificateNumber            filing.IDNumber `json:"certificate_number"`
	CertificateValidityDateStart string          `json:"certificate_validity_date_start"` // YYYYmmdd
	CertificateValidityDateEnd   string          `json:"certificate_validity_date_end"`   // YYYYmmdd or 长期
	CertificatePhotoFront        string          `json:"certificate_photo_front,omitempty"`
	CertificatePhotoBack         string          `json:"certificate_photo_back,omitempty"`
	AuthorizationLetter          string          `json:"authorization_letter,omitempty"`
	VerifyTaskID                 string          `json:"verify_task_id,omitempty"`
	Extra                        platform.Extra  `json:"-"`
}

// LegalPersonInfo is icp_subject.legal_person_info (法人信息), required for a
// non-individual subject whose principal is not the legal representative.
type LegalPersonInfo struct {
	Name              string          `json:"name,omitempty"`
	CertificateNumber filing.IDNumber `json:"certificate_number,omitempty"`
	Extra             platform.Extra  `json:"-"`
}

// Applets is icp_applets (微信小程序信息).
type Applets struct {
	BaseInfo      AppletsBaseInfo `json:"base_info"`
	PrincipalInfo PrincipalInfo   `json:"principal_info"`
	Extra         platform.Extra  `json:"-"`
}

// AppletsBaseInfo is icp_applets.base_info (微信小程序基本信息).
type AppletsBaseInfo struct {
	AppID               string         `json:"appid,omitempty"` // filled in by the platform
	Name                string         `json:"name,omitempty"`  // filled in by the platform
	ServiceContentTypes []int          `json:"service_content_types"`
	NrlxDetails         []NrlxDetail   `json:"nrlx_details"`
	Comment             string         `json:"comment"`                 // 20-200 characters
	RecordNumber        string         `json:"record_number,omitempty"` // in answers only
	Extra               platform.Extra `json:"-"`
}

// NrlxDetail is one pre-approval item (前置审批项).
type NrlxDetail struct {
	Type  int            `json:"type"`            // an ID of queryIcpNrlxTypes
	Code  string         `json:"code,omitempty"`  // 前置审批号, unless 以上都不涉及
	Media string         `json:"media,omitempty"` // media_id of the approval document
	Extra platform.Extra `json:"-"`
}

// Materials is icp_materials (其他备案媒体材料): media_ids, at most one each
// except the two "other" lists (at most ten).
type Materials struct {
	CommitmentLetter                 []string       `json:"commitment_letter,omitempty"`
	BusinessNameChangeLetter         []string       `json:"business_name_change_letter,omitempty"`
	PartyBuildingConfirmationLetter  []string       `json:"party_building_confirmation_letter,omitempty"`
	PromiseVideo                     []string       `json:"promise_video,omitempty"`
	AuthenticityResponsibilityLetter []string       `json:"authenticity_responsibility_letter,omitempty"`
	AuthenticityCommitmentLetter     []string       `json:"authenticity_commitment_letter,omitempty"`
	WebsiteConstructionProposal      []string       `json:"website_construction_proposal,omitempty"`
	SubjectOtherMaterials            []string       `json:"subject_other_materials,omitempty"`
	AppletsOtherMaterials            []string       `json:"applets_other_materials,omitempty"`
	HoldingCertificatePhoto          []string       `json:"holding_certificate_photo,omitempty"`
	Extra                            platform.Extra `json:"-"`
}

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *ApplyIcpFiling) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p ApplyIcpFiling) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *Subject) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p Subject) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *SubjectBaseInfo) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p SubjectBaseInfo) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *PersonalInfo) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p PersonalInfo) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *OrganizeInfo) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p OrganizeInfo) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *PrincipalInfo) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p PrincipalInfo) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *LegalPersonInfo) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p LegalPersonInfo) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *Applets) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p Applets) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *AppletsBaseInfo) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p AppletsBaseInfo) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *NrlxDetail) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p NrlxDetail) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *Materials) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p Materials) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// Format prints the payload for fmt with its personal data masked.
func (p ApplyIcpFiling) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, p) }

// LogValue logs the payload with its personal data masked.
func (p ApplyIcpFiling) LogValue() slog.Value { return filing.MaskedLogValue(p) }

// Format prints the subject for fmt with its personal data masked.
func (p Subject) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, p) }

// LogValue logs the subject with its personal data masked.
func (p Subject) LogValue() slog.Value { return filing.MaskedLogValue(p) }

// Format prints the certificate part for fmt with its number masked.
func (p OrganizeInfo) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, p) }

// LogValue logs the certificate part with its number masked.
func (p OrganizeInfo) LogValue() slog.Value { return filing.MaskedLogValue(p) }

// Format prints the person for fmt with their personal data masked.
func (p PrincipalInfo) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, p) }

// LogValue logs the person with their personal data masked.
func (p PrincipalInfo) LogValue() slog.Value { return filing.MaskedLogValue(p) }

// Format prints the legal representative for fmt with the number masked.
func (p LegalPersonInfo) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, p) }

// LogValue logs the legal representative with the number masked.
func (p LegalPersonInfo) LogValue() slog.Value { return filing.MaskedLogValue(p) }

// Format prints the mini-program part for fmt with its personal data masked.
func (p Applets) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, p) }

// LogValue logs the mini-program part with its personal data masked.
func (p Applets) LogValue() slog.Value { return filing.MaskedLogValue(p) }
