package douyin

import (
	"fmt"
	"log/slog"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
)

// Input is what Prepare turns into a submit_record_info payload: the SDK's
// filing, which of its apps is the Douyin mini-program, and what the
// platform asks for that the model does not hold. Its JSON paths are the
// paths of the problems Prepare reports.
type Input struct {
	// Filing is the SDK's filing; its subject and the app at index App
	// are filed.
	Filing *filing.Filing `json:"filing"`
	// App is the index in Filing.Apps of the Douyin mini-program.
	App int `json:"app"`
	// Region is the subject's province, city and district (six-digit
	// codes, as query_region_list lists them).
	Region platform.Region `json:"region"`
	// Languages are the app_language IDs (the published example sends 1;
	// no list query for them is published).
	Languages []int `json:"languages"`
	// FacialRecognitionToken is the token of the mini-program principal's
	// face verification (人证核验), which also carries that person's name
	// and certificate.
	FacialRecognitionToken string `json:"facial_recognition_token,omitempty"`
	// Media are the paths of the uploaded images (upload_image).
	Media Media `json:"media"`
}

// Media are the paths of a Douyin filing's uploaded images.
type Media struct {
	CredentialsPic      string                                  `json:"credentials_pic,omitempty"`
	PrincipalFront      string                                  `json:"principal_front,omitempty"`
	PrincipalBack       string                                  `json:"principal_back,omitempty"`
	CorpAuthorityLetter []string                                `json:"corp_authority_letter,omitempty"`
	CorpCommitment      []string                                `json:"corp_commitment,omitempty"`
	CorpOtherMaterials  []string                                `json:"corp_other_materials,omitempty"`
	AppAuthorityLetter  []string                                `json:"app_authority_letter,omitempty"`
	AppOtherMaterials   []string                                `json:"app_other_materials,omitempty"`
	PreApprovals        map[filing.PreApprovalCategory][]string `json:"pre_approvals,omitempty"`
}

// Format prints the input for fmt with its personal data masked.
func (in Input) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, in) }

// LogValue logs the input with its personal data masked.
func (in Input) LogValue() slog.Value { return filing.MaskedLogValue(in) }

func (l Lists) serviceTypes() []platform.ServiceType {
	var out []platform.ServiceType
	for _, t := range l.ServiceContentTypeList {
		out = append(out, platform.ServiceType{ID: t.ServiceContentTypeID, Name: t.ServiceContentTypeName})
		for _, s := range t.SubServiceContentTypeList {
			out = append(out, platform.ServiceType{ID: s.ServiceContentTypeID, Parent: t.ServiceContentTypeID, Name: s.ServiceContentTypeName})
		}
	}
	return out
}

func areas(items []RegionItem, depth int) []platform.Area {
	if depth > 4 {
		return nil
	}
	out := make([]platform.Area, 0, len(items))
	for _, it := range items {
		out = append(out, platform.Area{Code: it.Code, Name: it.Name, Sub: areas(it.SubRegion, depth+1)})
	}
	return out
}

func (l Lists) corpType(name string) (CorpType, bool) {
	for _, c := range l.CorpTypeList {
		if platform.SameName(c.CorpTypeName, name) {
			return c, true
		}
	}
	return CorpType{}, false
}

func (l Lists) corpTypeByID(id int) (CorpType, bool) {
	for _, c := range l.CorpTypeList {
		if c.CorpTypeID == id {
			return c, true
		}
	}
	return CorpType{}, false
}

func credByName(list []CredentialsType, name string) (CredentialsType, bool) {
	for _, c := range list {
		if platform.SameName(c.CredentialsTypeName, name) {
			return c, true
		}
	}
	return CredentialsType{}, false
}

func credByID(list []CredentialsType, id int) (CredentialsType, bool) {
	for _, c := range list {
		if c.CredentialsTypeID == id {
			return c, true
		}
	}
	return CredentialsType{}, false
}

func materials(paths []string) []Material {
	var out []Material
	for _, p := range paths {
		out = append(out, Material{Path: p})
	}
	return out
}

func paths(ms []Material) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Path)
	}
	return out
}

func material(path string) *Material {
	if path == "" {
		return nil
	}
	return &Material{Path: path}
}

func pathOf(m *Material) string {
	if m == nil {
		return ""
	}
	return m.Path
}
