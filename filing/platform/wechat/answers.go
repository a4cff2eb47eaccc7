package wechat

import (
	"encoding/json"
	"fmt"
	"log/slog"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
)

// ApplyAnswer is applyIcpFiling's answer: errcode 0, or an error with
// per-field hints (err_field is the payload path of the rejected field).
type ApplyAnswer struct {
	Errcode int            `json:"errcode"`
	Errmsg  string         `json:"errmsg"`
	Hints   []Hint         `json:"hints,omitempty"`
	Extra   platform.Extra `json:"-"`
}

// Hint is one rejected field of an ApplyAnswer.
type Hint struct {
	Errcode  int            `json:"errcode"`
	ErrField string         `json:"err_field"`
	Errmsg   string         `json:"errmsg"`
	Extra    platform.Extra `json:"-"`
}

// EntranceInfo is getIcpEntranceInfo's answer (获取小程序备案状态及驳回原因).
type EntranceInfo struct {
	Errcode int            `json:"errcode"`
	Errmsg  string         `json:"errmsg"`
	Info    Entrance       `json:"info"`
	Extra   platform.Extra `json:"-"`
}

// Entrance is EntranceInfo.info.
type Entrance struct {
	// Status is the filing status (备案状态枚举): 2 平台审核中, 3 平台审核驳回,
	// 4 管局审核中, 5 管局审核驳回, 6 已备案, 1024 未备案, and 1025..1031 未备案
	// with the flags 1 小程序信息未填, 2 小程序类目未填, 4 小程序未认证 added.
	Status      int         `json:"status"`
	IsCanceling bool        `json:"is_canceling"`
	AuditData   []AuditItem `json:"audit_data,omitempty"`
	// Available is 1 when the filing entrance is open to the mini-program.
	Available int `json:"available"`
	// SMSVerifyStatus is the bureau's SMS check while Status is 4:
	// 1 waiting, 2 done, 3 timed out.
	SMSVerifyStatus int            `json:"sms_verify_status"`
	Extra           platform.Extra `json:"-"`
}

// AuditItem is one rejection reason (驳回原因): the field's Chinese name,
// why it failed and what to change.
type AuditItem struct {
	KeyName string         `json:"key_name"`
	Error   string         `json:"error"`
	Suggest string         `json:"suggest"`
	Extra   platform.Extra `json:"-"`
}

// VerifyTask is the answer of createIcpVerifyTask (task_id, verify_url)
// and of queryIcpVerifyTask (is_finish, face_status, along_with_auth_result):
// the face verification of the mini-program's principal, whose task_id goes
// into icp_applets.principal_info.verify_task_id.
type VerifyTask struct {
	Errcode   int    `json:"errcode"`
	Errmsg    string `json:"errmsg"`
	TaskID    string `json:"task_id,omitempty"`
	VerifyURL string `json:"verify_url,omitempty"`
	IsFinish  bool   `json:"is_finish,omitempty"`
	// FaceStatus is 0 not started, 1 waiting, 2 failed, 3 succeeded; final
	// once IsFinish.
	FaceStatus          int            `json:"face_status,omitempty"`
	AlongWithAuthResult int            `json:"along_with_auth_result,omitempty"`
	Extra               platform.Extra `json:"-"`
}

// ListAnswer is the answer of the list queries: queryIcpSubjectTypes
// (type, name, remark), queryIcpCertificateTypes (type, subject_type, name,
// remark), queryIcpServiceContentTypes (type, parent_type, name, remark),
// queryIcpNrlxTypes (type, name) and queryIcpDistrictCode (type 1 province,
// 2 city, 3 district; code; name; sub_list).
type ListAnswer struct {
	Errcode int            `json:"errcode"`
	Errmsg  string         `json:"errmsg"`
	Items   []ListItem     `json:"items"`
	Extra   platform.Extra `json:"-"`
}

// ListItem is one entry of a ListAnswer.
type ListItem struct {
	Type        int            `json:"type"`
	ParentType  int            `json:"parent_type,omitempty"`
	SubjectType int            `json:"subject_type,omitempty"`
	Code        int            `json:"code,omitempty"`
	Name        string         `json:"name"`
	Remark      string         `json:"remark,omitempty"`
	SubList     []ListItem     `json:"sub_list,omitempty"`
	Extra       platform.Extra `json:"-"`
}

// OnlineOrder is getOnlineIcpOrder's answer (获取小程序已备案详情): the filed
// subject and mini-programs, without media and with personal data masked
// by the platform.
type OnlineOrder struct {
	Errcode    int            `json:"errcode"`
	Errmsg     string         `json:"errmsg"`
	IcpSubject Subject        `json:"icp_subject"`
	IcpApplets []Applets      `json:"icp_applets"`
	Extra      platform.Extra `json:"-"`
}

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *ApplyAnswer) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a ApplyAnswer) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *Hint) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a Hint) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *EntranceInfo) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a EntranceInfo) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *Entrance) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a Entrance) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *AuditItem) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a AuditItem) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *VerifyTask) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a VerifyTask) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *ListAnswer) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a ListAnswer) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *ListItem) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a ListItem) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// UnmarshalJSON decodes the object, keeping undeclared keys in Extra.
func (a *OnlineOrder) UnmarshalJSON(b []byte) error { return platform.Unmarshal(b, a) }

// MarshalJSON encodes the object with its kept keys.
func (a OnlineOrder) MarshalJSON() ([]byte, error) { return platform.Marshal(a) }

// Format prints the answer for fmt with its personal data masked.
func (a OnlineOrder) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, a) }

// LogValue logs the answer with its personal data masked.
func (a OnlineOrder) LogValue() slog.Value { return filing.MaskedLogValue(a) }

// decode reads one answer or payload. A body that is not a JSON object of
// the right shape is a *filing.Problem with platform.CodeAnswerInvalid.
func decode[T any](data []byte) (T, error) {
	var v T
	if p := platform.CheckSize(data); p != nil {
		return v, p
	}
	if err := json.Unmarshal(data, &v); err != nil {
		var zero T
		return zero, filing.NewProblem(platform.CodeAnswerInvalid, truncate(err.Error(), 120))
	}
	return v, nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// DecodeApply reads an applyIcpFiling request body (as stored or logged).
func DecodeApply(data []byte) (*ApplyIcpFiling, error) {
	p, err := decode[ApplyIcpFiling](data)
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// DecodeApplyAnswer reads applyIcpFiling's answer.
func DecodeApplyAnswer(data []byte) (ApplyAnswer, error) { return decode[ApplyAnswer](data) }

// DecodeEntranceInfo reads getIcpEntranceInfo's answer.
func DecodeEntranceInfo(data []byte) (EntranceInfo, error) { return decode[EntranceInfo](data) }

// DecodeVerifyTask reads createIcpVerifyTask's or queryIcpVerifyTask's answer.
func DecodeVerifyTask(data []byte) (VerifyTask, error) { return decode[VerifyTask](data) }

// DecodeList reads the answer of a list query (subject types, certificate
// types, service content types, pre-approval types, districts).
func DecodeList(data []byte) (ListAnswer, error) { return decode[ListAnswer](data) }

// DecodeOnlineOrder reads getOnlineIcpOrder's answer.
func DecodeOnlineOrder(data []byte) (OnlineOrder, error) { return decode[OnlineOrder](data) }
