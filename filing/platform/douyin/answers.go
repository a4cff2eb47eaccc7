package douyin

import (
	"encoding/json"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
)

// Answer is the answer of submit_record_info and alter_record_info: err_no
// 0 on success, else err_msg says why.
type Answer struct {
	ErrNo  int            `json:"err_no"`
	ErrMsg string         `json:"err_msg"`
	LogID  string         `json:"log_id"`
	Extra  platform.Extra `json:"-"`
}

// StatusAnswer is the answer of query_record_status (查询备案状态).
type StatusAnswer struct {
	ErrNo  int            `json:"err_no"`
	ErrMsg string         `json:"err_msg"`
	LogID  string         `json:"log_id"`
	Data   StatusData     `json:"data"`
	Extra  platform.Extra `json:"-"`
}

// StatusData is StatusAnswer.data: the filing status and, after a
// rejection, the reasons. The reasons' key is "region_list" in the
// SKIT.FlurlHttpClient.ByteDance model of this answer, which documents it
// as 失败原因列表; the published example shows status alone.
type StatusData struct {
	Status  int            `json:"status"`
	Reasons []string       `json:"region_list,omitempty"`
	Extra   platform.Extra `json:"-"`
}

// FacialAnswer is the answer of the face verification calls
// (get_facial_recognition_url, send_facial_recognition_notify,
// query_facial_recognition_status): the token app_info carries, the link,
// the status.
type FacialAnswer struct {
	ErrNo  int            `json:"err_no"`
	ErrMsg string         `json:"err_msg"`
	LogID  string         `json:"log_id"`
	Data   FacialData     `json:"data"`
	Extra  platform.Extra `json:"-"`
}

// FacialData is FacialAnswer.data.
type FacialData struct {
	FacialRecognitionToken  string         `json:"facial_recognition_token,omitempty"`
	FacialRecognitionURL    string         `json:"facial_recognition_url,omitempty"`
	FacialRecognitionStatus int            `json:"facial_recognition_status,omitempty"`
	Extra                   platform.Extra `json:"-"`
}

// ListsAnswer is the answer of the list queries: query_corp_type_list
// (subject types, each with its certificate types), query_region_list,
// query_incharge_people_credentials_type_list,
// query_service_content_type_list and query_pre_approval_item_type_list;
// each fills its own list of Data.
type ListsAnswer struct {
	ErrNo  int            `json:"err_no"`
	ErrMsg string         `json:"err_msg"`
	LogID  string         `json:"log_id"`
	Data   Lists          `json:"data"`
	Extra  platform.Extra `json:"-"`
}

// Lists are the platform's lists (ListsAnswer.data, merged over the five
// queries): the payload carries their IDs, which the SDK never hard-codes.
type Lists struct {
	CorpTypeList            []CorpType           `json:"corp_type_list,omitempty"`
	RegionList              []RegionItem         `json:"region_list,omitempty"`
	CredentialsTypeList     []CredentialsType    `json:"credentials_type_list,omitempty"`
	ServiceContentTypeList  []ServiceContentType `json:"service_content_type_list,omitempty"`
	PreApprovalItemTypeList []PreApprovalType    `json:"pre_approval_item_type_list,omitempty"`
	Extra                   platform.Extra       `json:"-"`
}

// CorpType is one subject type with its certificate types.
type CorpType struct {
	CorpTypeID          int               `json:"corp_type_id"`
	CorpTypeName        string            `json:"corp_type_name"`
	CredentialsTypeList []CredentialsType `json:"credentials_type_list,omitempty"`
	Extra               platform.Extra    `json:"-"`
}

// CredentialsType is one certificate type.
type CredentialsType struct {
	CredentialsTypeID   int            `json:"credentials_type_id"`
	CredentialsTypeName string         `json:"credentials_type_name"`
	Extra               platform.Extra `json:"-"`
}

// RegionItem is one region (type 1 province, 2 city, 3 district) with the
// regions below it.
type RegionItem struct {
	Code      string         `json:"code"`
	Name      string         `json:"name"`
	Type      int            `json:"type"`
	SubRegion []RegionItem   `json:"sub_region,omitempty"`
	Extra     platform.Extra `json:"-"`
}

// ServiceContentType is one first-level service content type with its
// second-level types.
type ServiceContentType struct {
	ServiceContentTypeID      int                  `json:"service_content_type_id"`
	ServiceContentTypeName    string               `json:"service_content_type_name"`
	SubServiceContentTypeList []ServiceContentType `json:"sub_service_content_type_list,omitempty"`
	Extra                     platform.Extra       `json:"-"`
}

// PreApprovalType is one pre-approval item type.
type PreApprovalType struct {
	PreApprovalItemID   int64          `json:"pre_approval_item_id"`
	PreApprovalItemName string         `json:"pre_approval_item_name"`
	Extra               platform.Extra `json:"-"`
}

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *Answer) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a Answer) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *StatusAnswer) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a StatusAnswer) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *StatusData) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a StatusData) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *FacialAnswer) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a FacialAnswer) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *FacialData) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a FacialData) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *ListsAnswer) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a ListsAnswer) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *Lists) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a Lists) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *CorpType) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a CorpType) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *CredentialsType) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a CredentialsType) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *RegionItem) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a RegionItem) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *ServiceContentType) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a ServiceContentType) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *PreApprovalType) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a PreApprovalType) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

func decode[T any](data []byte) (T, error) {
	var v T
	if p := platform.CheckSize(data); p != nil {
		return v, p
	}
	if err := json.Unmarshal(data, &v); err != nil {
		var zero T
		msg := []rune(err.Error())
		if len(msg) > 120 {
			msg = append(msg[:120], '…')
		}
		return zero, filing.NewProblem(platform.CodeAnswerInvalid, string(msg))
	}
	return v, nil
}

// DecodeRecordInfo reads a submit_record_info or alter_record_info body
// (as stored or logged).
func DecodeRecordInfo(data []byte) (*RecordInfo, error) {
	p, err := decode[RecordInfo](data)
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// DecodeAnswer reads the answer of submit_record_info or alter_record_info.
func DecodeAnswer(data []byte) (Answer, error) { return decode[Answer](data) }

// DecodeStatus reads query_record_status's answer.
func DecodeStatus(data []byte) (StatusAnswer, error) { return decode[StatusAnswer](data) }

// DecodeFacial reads the answer of a face verification call.
func DecodeFacial(data []byte) (FacialAnswer, error) { return decode[FacialAnswer](data) }

// DecodeLists reads the answer of a list query.
func DecodeLists(data []byte) (ListsAnswer, error) { return decode[ListsAnswer](data) }

// Merge adds the lists of o that l lacks, so that the answers of the five
// list queries make one Lists.
func (l Lists) Merge(o Lists) Lists {
	if l.CorpTypeList == nil {
		l.CorpTypeList = o.CorpTypeList
	}
	if l.RegionList == nil {
		l.RegionList = o.RegionList
	}
	if l.CredentialsTypeList == nil {
		l.CredentialsTypeList = o.CredentialsTypeList
	}
	if l.ServiceContentTypeList == nil {
		l.ServiceContentTypeList = o.ServiceContentTypeList
	}
	if l.PreApprovalItemTypeList == nil {
		l.PreApprovalItemTypeList = o.PreApprovalItemTypeList
	}
	return l
}

// Problems maps the answer of submit_record_info or alter_record_info to
// problems: an error becomes platform.CodePlatformError (the
// platform names no field), keys the SDK does not know become
// platform.CodeUnknownKey.
func (a Answer) Problems() []*filing.Problem {
	var out []*filing.Problem
	if a.ErrNo != 0 {
		out = append(out, filing.NewProblem(platform.CodePlatformError, a.ErrNo, a.ErrMsg))
	}
	return append(out, platform.UnknownKeys(a)...)
}

// Problems maps query_record_status's answer to problems: each
// rejection reason becomes platform.CodeRejectedUnplaced (Douyin's reasons
// name no field: they are kept as they came, at the filing's level), an
// error platform.CodePlatformError, keys the SDK does not know
// platform.CodeUnknownKey.
func (a StatusAnswer) Problems() []*filing.Problem {
	var out []*filing.Problem
	for _, r := range a.Data.Reasons {
		out = append(out, filing.NewProblem(platform.CodeRejectedUnplaced, "备案", r, ""))
	}
	if a.ErrNo != 0 {
		out = append(out, filing.NewProblem(platform.CodePlatformError, a.ErrNo, a.ErrMsg))
	}
	return append(out, platform.UnknownKeys(a)...)
}

// Status maps the platform's status number to the SDK's lifecycle status
// through table. DESIGN: Douyin's published pages for query_record_status
// show the number (example: 1) but not what each number means, so the SDK
// ships no table: the caller passes the one it holds. ok is false for a
// number the table lacks (report it with platform.CodeStatusUnknown).
func (a StatusAnswer) Status(table map[int]filing.Status) (status filing.Status, ok bool) {
	status, ok = table[a.Data.Status]
	return status, ok
}
