package wechat

import (
	"fmt"
	"log/slog"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
)

// Input is what Prepare turns into an applyIcpFiling payload: the SDK's
// filing, which of its apps is the WeChat mini-program, and what the
// platform asks for that the filing model does not hold (the six-digit
// region codes, the legal representative's certificate number, the face
// verification task and the uploaded media_ids). Its JSON paths are the
// paths of the problems Prepare reports ("subject.name" is in Filing,
// "media.certificate_photo" here).
type Input struct {
	// Filing is the SDK's filing; its subject and the app at index App
	// are filed.
	Filing *filing.Filing `json:"filing"`
	// App is the index in Filing.Apps of the WeChat mini-program.
	App int `json:"app"`
	// Region is the subject's province, city and district (GB/T 2260
	// six-digit codes, as queryIcpDistrictCode lists them).
	Region platform.Region `json:"region"`
	// LegalPersonCertNumber is the legal representative's certificate
	// number, sent as legal_person_info when the subject's principal is
	// not its legal representative.
	LegalPersonCertNumber filing.IDNumber `json:"legal_person_cert_number,omitempty"`
	// VerifyTaskID is the task_id of the mini-program principal's face
	// verification (createIcpVerifyTask).
	VerifyTaskID string `json:"verify_task_id,omitempty"`
	// Media are the media_ids of the uploaded photos and letters
	// (uploadIcpMedia).
	Media Media `json:"media"`
	// Materials are the other materials (icp_materials), as media_ids.
	Materials Materials `json:"materials"`
}

// Media are the media_ids of the photos and letters a WeChat filing
// carries besides icp_materials.
type Media struct {
	ResidencePermit           string                                `json:"residence_permit,omitempty"`
	CertificatePhoto          string                                `json:"certificate_photo,omitempty"`
	PrincipalFront            string                                `json:"principal_front,omitempty"`
	PrincipalBack             string                                `json:"principal_back,omitempty"`
	PrincipalAuthorization    string                                `json:"principal_authorization,omitempty"`
	AppPrincipalFront         string                                `json:"app_principal_front,omitempty"`
	AppPrincipalBack          string                                `json:"app_principal_back,omitempty"`
	AppPrincipalAuthorization string                                `json:"app_principal_authorization,omitempty"`
	PreApprovals              map[filing.PreApprovalCategory]string `json:"pre_approvals,omitempty"`
}

// Format prints the input for fmt with its personal data masked.
func (in Input) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, in) }

// LogValue logs the input with its personal data masked.
func (in Input) LogValue() slog.Value { return filing.MaskedLogValue(in) }

// Lists are the platform's own lists, as its list queries answered them
// (DecodeList): the payload carries their IDs, which the SDK never
// hard-codes.
type Lists struct {
	SubjectTypes        []ListItem `json:"subject_types"`         // queryIcpSubjectTypes
	CertificateTypes    []ListItem `json:"certificate_types"`     // queryIcpCertificateTypes
	ServiceContentTypes []ListItem `json:"service_content_types"` // queryIcpServiceContentTypes
	NrlxTypes           []ListItem `json:"nrlx_types"`            // queryIcpNrlxTypes
	Districts           []ListItem `json:"districts"`             // queryIcpDistrictCode
}

func (l Lists) serviceTypes() []platform.ServiceType {
	out := make([]platform.ServiceType, 0, len(l.ServiceContentTypes))
	for _, t := range l.ServiceContentTypes {
		out = append(out, platform.ServiceType{ID: t.Type, Parent: t.ParentType, Name: t.Name})
	}
	return out
}

func areas(items []ListItem, depth int) []platform.Area {
	if depth > 4 {
		return nil
	}
	out := make([]platform.Area, 0, len(items))
	for _, it := range items {
		out = append(out, platform.Area{Code: fmt.Sprintf("%06d", it.Code), Name: it.Name, Sub: areas(it.SubList, depth+1)})
	}
	return out
}

func byName(items []ListItem, name string) (ListItem, bool) {
	for _, it := range items {
		if it.Name == name {
			return it, true
		}
	}
	for _, it := range items {
		if platform.SameName(it.Name, name) {
			return it, true
		}
	}
	return ListItem{}, false
}

func byType(items []ListItem, id int) (ListItem, bool) {
	for _, it := range items {
		if it.Type == id {
			return it, true
		}
	}
	return ListItem{}, false
}

// certType finds the certificate type named name, preferring the entry of
// the subject type subj.
func (l Lists) certType(name string, subj int) (ListItem, bool) {
	var any ListItem
	found := false
	for _, it := range l.CertificateTypes {
		if !platform.SameName(it.Name, name) {
			continue
		}
		if it.SubjectType == subj || subj == 0 {
			return it, true
		}
		if !found {
			any, found = it, true
		}
	}
	return any, found
}
