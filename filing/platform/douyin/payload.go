package douyin

import (
	"fmt"
	"log/slog"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
)

// RecordInfo is the request body of submit_record_info (提交备案信息, POST
// /api/apps/v1/icp_record/submit_record_info/) and of alter_record_info
// (变更小程序备案信息), which take the same shape. Field names are the
// platform's; every type keeps the keys it does not declare in Extra.
type RecordInfo struct {
	CorpInfo CorpInfo       `json:"corp_info"`
	AppInfo  AppInfo        `json:"app_info"`
	Extra    platform.Extra `json:"-"`
}

// Material is an uploaded image, by the path upload_image answered.
type Material struct {
	Path  string         `json:"path"`
	Extra platform.Extra `json:"-"`
}

// CorpInfo is corp_info (备案主体信息): the subject and its principal.
type CorpInfo struct {
	CorpType             int             `json:"corp_type"`        // an ID of query_corp_type_list
	CredentialsType      int             `json:"credentials_type"` // an ID of the corp type's credentials_type_list
	CredentialsName      string          `json:"credentials_name"` // the name on the certificate
	CredentialsNumber    filing.IDNumber `json:"credentials_number"`
	CredentialsPic       *Material       `json:"credentials_pic,omitempty"`
	CredentialsAddress   string          `json:"credentials_address"`
	ProvinceCode         string          `json:"province_code"`
	ProvinceName         string          `json:"province_name"`
	CityCode             string          `json:"city_code"`
	CityName             string          `json:"city_name"`
	RegionCode           string          `json:"region_code"`
	RegionName           string          `json:"region_name"`
	CommunicationAddress string          `json:"communication_address"`
	InchargePeopleName   string          `json:"incharge_people_name"`
	// InchargePeopleCredentialsType is an ID of
	// query_incharge_people_credentials_type_list.
	InchargePeopleCredentialsType   int             `json:"incharge_people_credentials_type"`
	InchargePeopleCredentialsNumber filing.IDNumber `json:"incharge_people_credentials_number"`
	InchargePeopleCredentialsFront  *Material       `json:"incharge_people_credentials_front,omitempty"`
	InchargePeopleCredentialsBack   *Material       `json:"incharge_people_credentials_back,omitempty"`
	// InchargePeopleCredentialsHasEndTime is false for a certificate
	// without expiry (长期); the times are Unix seconds of midnight in China.
	InchargePeopleCredentialsHasEndTime     bool           `json:"incharge_people_credentials_has_end_time"`
	InchargePeopleCredentialsValidStartTime int64          `json:"incharge_people_credentials_valid_start_time"`
	InchargePeopleCredentialsValidEndTime   int64          `json:"incharge_people_credentials_valid_end_time,omitempty"`
	InchargePeopleEmail                     filing.Email   `json:"incharge_people_email"`
	InchargePeoplePhone                     filing.Phone   `json:"incharge_people_phone"`
	InchargePeopleEmergencyPhone            filing.Phone   `json:"incharge_people_emergency_phone"`
	CorpAuthorityLetter                     []Material     `json:"corp_authority_letter,omitempty"`
	CorpCommitment                          []Material     `json:"corp_commitment,omitempty"`
	CorpOtherMaterials                      []Material     `json:"corp_other_materials,omitempty"`
	Remark                                  string         `json:"remark,omitempty"`
	Extra                                   platform.Extra `json:"-"`
}

// AppInfo is app_info (备案应用信息): the mini-program and its principal's
// contacts (the principal's name and certificate come with the face
// verification the token names).
type AppInfo struct {
	AppLanguage                  []int          `json:"app_language"`
	ServiceContentTypeList       []int          `json:"service_content_type_list"`
	InvolvePreApproval           bool           `json:"involve_pre_approval"`
	PreApprovalList              []PreApproval  `json:"pre_approval_list,omitempty"`
	InchargePeopleEmail          filing.Email   `json:"incharge_people_email"`
	InchargePeoplePhone          filing.Phone   `json:"incharge_people_phone"`
	InchargePeopleEmergencyPhone filing.Phone   `json:"incharge_people_emergency_phone"`
	FacialRecognitionToken       string         `json:"facial_recognition_token"`
	AppAuthorityLetter           []Material     `json:"app_authority_letter,omitempty"`
	AppOtherMaterials            []Material     `json:"app_other_materials,omitempty"`
	Remark                       string         `json:"remark,omitempty"`
	Extra                        platform.Extra `json:"-"`
}

// PreApproval is one item of app_info.pre_approval_list.
type PreApproval struct {
	PreApprovalItemID int64          `json:"pre_approval_item_id"` // an ID of query_pre_approval_item_type_list
	PreApprovalNumber string         `json:"pre_approval_number,omitempty"`
	PreApprovalFiles  []Material     `json:"pre_approval_files,omitempty"`
	Extra             platform.Extra `json:"-"`
}

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *RecordInfo) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p RecordInfo) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *Material) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p Material) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *CorpInfo) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p CorpInfo) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *AppInfo) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p AppInfo) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (p *PreApproval) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, p) }

// MarshalJSON encodes the object with its kept keys.
func (p PreApproval) MarshalJSON() ([]byte, error) { return platform.Marshal(p) }

// Format prints the payload for fmt with its personal data masked.
func (p RecordInfo) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, p) }

// LogValue logs the payload with its personal data masked.
func (p RecordInfo) LogValue() slog.Value { return filing.MaskedLogValue(p) }

// Format prints the subject part for fmt with its personal data masked.
func (p CorpInfo) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, p) }

// LogValue logs the subject part with its personal data masked.
func (p CorpInfo) LogValue() slog.Value { return filing.MaskedLogValue(p) }

// Format prints the app part for fmt with its personal data masked.
func (p AppInfo) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, p) }

// LogValue logs the app part with its personal data masked.
func (p AppInfo) LogValue() slog.Value { return filing.MaskedLogValue(p) }
