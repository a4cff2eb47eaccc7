package filing

import (
	"fmt"
	"log/slog"
	"net/netip"
	"time"
)

// Filing is one ICP filing: a subject and the websites, apps, mini-programs
// and quick apps filed under it. A website or app can only be filed under a
// subject, and a filing has exactly one subject.
type Filing struct {
	Subject  Subject  `json:"subject"`
	Websites Websites `json:"websites" validate:"omitempty,max=200,dive"`
	// Apps are the apps, mini-programs and quick apps (R-70, app.go).
	Apps Apps `json:"apps,omitempty" validate:"omitempty,max=200,dive"`
}

// Subject is the filing subject (主体, 网站主办者): an individual or an
// organisation.
type Subject struct {
	// Number is the subject record number (主体备案号) once approved, e.g.
	// "黔ICP备2026001073号". Empty before approval.
	Number string `json:"number,omitempty" validate:"omitempty,max=64"`
	// Province is the two-digit GB/T 2260 code of the bureau the subject
	// files with (its domicile), e.g. "52". NormalizeFiling also turns a
	// province name or abbreviation ("贵州省", "贵州", "黔") into its code.
	Province string `json:"province" validate:"required,cn_province"`
	// Name is the sponsor name (主办单位名称); for an individual the person's
	// name. It is the first criterion of R-05. At most 100 characters.
	Name string `json:"name" validate:"required,max=100"`
	// Nature is the subject nature (主办单位性质), the second criterion of R-05.
	Nature Nature `json:"nature" validate:"required,cn_nature"`
	// CertType and CertNumber identify the subject certificate (主办单位证件).
	// Subject uniqueness is keyed by both, as the filing system keys it.
	CertType   CertType `json:"cert_type" validate:"required,cn_cert_type"`
	CertNumber IDNumber `json:"cert_number" validate:"required,cn_cert_number"`
	// CertAddress is the address on the certificate (证件住所), at most 200
	// characters.
	CertAddress string `json:"cert_address,omitempty" validate:"omitempty,max=200"`
	// Address is the mailing address (通信地址), at most 200 characters.
	Address string `json:"address" validate:"required,max=200"`
	// Principal is the subject's responsible person (主体负责人).
	Principal Person `json:"principal"`
	// LegalRepresentative is the name of the legal representative (法定代表人)
	// of an organisation. Validation requires it for organisations.
	LegalRepresentative string `json:"legal_representative,omitempty" validate:"omitempty,max=50"`
	// AuthorisationLetter records that a 主体负责人授权说明书 is on file, which
	// lets a principal other than the legal representative act where the
	// province accepts it.
	AuthorisationLetter bool `json:"authorisation_letter,omitempty"`
	// ResidencePermit records that an individual whose resident ID was
	// issued in another province holds a residence permit (居住证) of the
	// filing province, which some provinces require for a cross-province
	// personal filing (R-06, RuleCrossProvince).
	ResidencePermit bool `json:"residence_permit,omitempty"`
	// Status is the subject's lifecycle status.
	Status Status `json:"status,omitempty" validate:"omitempty,icp_status"`
	// Remarks is free text for the bureau (备注), at most 500 characters.
	Remarks string `json:"remarks,omitempty" validate:"omitempty,max=500"`
}

// Service is the part a website and an app share: the record
// number, name, service content, pre-approvals, responsible person
// access records and lifecycle status. Website and App embed it, so
// its fields are theirs in Go and in JSON ("websites[0].name",
// "apps[0].principal"), and NormalizeFiling and Validate treat it once for
// both.
type Service struct {
	// Number is the record number once approved, e.g.
	// "黔ICP备2026001073号-1" or "粤ICP备2023103620号-3A". Empty while new.
	Number string `json:"number,omitempty" validate:"omitempty,max=64"`
	// Name is the website name (网站名称) or the app's name (APP名称,
	// identical on every platform), at most 100 characters.
	Name string `json:"name" validate:"required,max=100"`
	// ServiceContent describes the service provided (服务内容), at most 200
	// characters.
	ServiceContent string `json:"service_content,omitempty" validate:"omitempty,max=200"`
	// Involves lists the pre-approval categories the service's content
	// touches (涉及前置审批的内容, R-07).
	Involves []PreApprovalCategory `json:"involves,omitempty" validate:"omitempty,max=20,dive,cn_preapproval"`
	// PreApprovals are the approval documents (前置审批/专项审批文件) held.
	PreApprovals []PreApproval `json:"pre_approvals,omitempty" validate:"omitempty,max=20,dive"`
	// Principal is the responsible person (网站负责人, APP负责人); may be
	// anyone.
	Principal Person `json:"principal"`
	// Access lists the access records (接入信息), current and past; a
	// mini-program or quick app carries none.
	Access []Access `json:"access,omitempty" validate:"omitempty,max=50,dive"`
	// Status is the lifecycle status; an app goes through the same
	// transitions as a website.
	Status Status `json:"status,omitempty" validate:"omitempty,icp_status"`
}

// Website is one website filed under a subject: the Service part (number,
// name, content, pre-approvals, principal, access, status) and its domains.
type Website struct {
	Service
	// Domains are the website's domains (网站域名). Since 2019-04-22 a new
	// website carries one domain (工信管函〔2019〕633号). At most 20
	// per website; each is checked by domain.CheckDomain and must be the registered
	// domain, not a subdomain.
	Domains []string `json:"domains" validate:"required,min=1,max=20,dive,icp_domain"`
	// HomeURL is the home page URL (网站首页网址); it must be http(s) and under
	// one of Domains; see domain.CheckHomeURL.
	HomeURL string `json:"home_url" validate:"required,icp_home_url"`
	// Registrations are what the domain registries say about Domains
	// (holder, certificate, registrar, real-name state, expiry), one per
	// domain, checked by CheckDomainRegistration.
	Registrations []DomainRegistration `json:"registrations,omitempty" validate:"omitempty,max=20"`
	// PublicSecurityNumber is the website's public-security filing number
	// (公安联网备案号, R-87), e.g. "京公网安备11010802035340号", once filed.
	PublicSecurityNumber string `json:"public_security_number,omitempty" validate:"omitempty,max=64"`
}

// PreApproval is one pre-approval or special-approval document.
type PreApproval struct {
	Category PreApprovalCategory `json:"category" validate:"required,cn_preapproval"`
	// Number is the document number (审批文号), at most 100 characters.
	Number string `json:"number" validate:"required,max=100"`
	// Authority is the approving authority, at most 100 characters.
	Authority string `json:"authority,omitempty" validate:"omitempty,max=100"`
	// ValidUntil is the last day the document is valid (有效期至), if it has
	// an end: valid through that civil date in China.
	ValidUntil time.Time `json:"valid_until,omitzero"`
}

// Access is one access record (接入信息): the ISP that serves the website and
// the addresses it serves it from, over a period.
type Access struct {
	// ISP is the name (or the caller's ID) of the access provider (接入商).
	ISP string `json:"isp" validate:"required,max=100"`
	// ISPProvince is the GB/T 2260 code of the ISP's filing province.
	ISPProvince string `json:"isp_province,omitempty" validate:"omitempty,cn_province"`
	// IPs are the website's addresses at this ISP (at most 64).
	IPs []netip.Addr `json:"ips,omitempty" validate:"omitempty,max=64"`
	// Since is when access began.
	Since time.Time `json:"since" validate:"required"`
	// Until is when access was cancelled (取消接入); zero while active.
	Until time.Time `json:"until,omitzero"`
	// Method is the access method (接入方式), a code of AccessMethods
	//
	Method AccessMethod `json:"method,omitempty"`
	// ServerProvince is the GB/T 2260 code of the province where the server
	// is placed (服务器放置地, R-86).
	ServerProvince string `json:"server_province,omitempty"`
	// Ranges are address ranges at this ISP, in addition to IPs.
	Ranges []AddrRange `json:"ranges,omitempty" validate:"omitempty,max=64"`
}

// Active reports whether the access is in force at instant t.
func (a Access) Active(t time.Time) bool {
	return !a.Since.After(t) && (a.Until.IsZero() || a.Until.After(t))
}

// Person is a responsible person or contact.
type Person struct {
	// Name is the person's name, at most 50 characters.
	Name string `json:"name" validate:"required,max=50"`
	// CertType and CertNumber identify the person's certificate.
	CertType   CertType `json:"cert_type" validate:"required,cn_cert_type"`
	CertNumber IDNumber `json:"cert_number" validate:"required,cn_cert_number"`
	// Mobile is the mainland mobile number.
	Mobile Phone `json:"mobile" validate:"required,cn_mobile"`
	// Landline is a fixed-line number, "area code-number[-extension]";
	// required in some provinces.
	Landline Phone `json:"landline,omitempty" validate:"omitempty,cn_landline"`
	// EmergencyPhone is the emergency contact number (应急电话), a mobile or a
	// landline.
	EmergencyPhone Phone `json:"emergency_phone,omitempty" validate:"omitempty,cn_phone"`
	// Email is the e-mail address.
	Email Email `json:"email" validate:"required,cn_email"`
	// CertValidity is the certificate's validity period (证件有效期), checked
	// by CheckPersonValidity.
	CertValidity Validity `json:"cert_validity,omitzero"`
}

// LogValue logs the person with masked personal data, also through
// slog.JSONHandler (which would otherwise JSON-encode the raw values).
func (p Person) LogValue() slog.Value { return MaskedLogValue(p) }

// LogValue logs the subject with masked personal data.
func (s Subject) LogValue() slog.Value { return MaskedLogValue(s) }

// LogValue logs the website with masked personal data (its principal's).
func (w Website) LogValue() slog.Value { return MaskedLogValue(w) }

// LogValue logs the service part with its responsible person masked.
func (s Service) LogValue() slog.Value { return MaskedLogValue(s) }

// LogValue logs the filing with masked personal data: the subject's and
// every website's.
func (f Filing) LogValue() slog.Value { return MaskedLogValue(f) }

// Format prints the filing as fmt prints a struct, its personal data
// masked for every verb.
func (f Filing) Format(s fmt.State, verb rune) { FormatMasked(s, verb, f) }

// Format prints the subject as fmt prints a struct, its personal data
// masked for every verb.
func (s Subject) Format(st fmt.State, verb rune) { FormatMasked(st, verb, s) }

// Format prints the website as fmt prints a struct, its personal data
// masked for every verb.
func (w Website) Format(s fmt.State, verb rune) { FormatMasked(s, verb, w) }

// Format prints the service part as fmt prints a struct, its responsible
// person masked for every verb.
func (s Service) Format(st fmt.State, verb rune) { FormatMasked(st, verb, s) }

// Format prints the person as fmt prints a struct, its personal data
// masked for every verb.
func (p Person) Format(s fmt.State, verb rune) { FormatMasked(s, verb, p) }

// Status is the lifecycle status of a subject or website. The transitions
// between statuses and who may make them are package lifecycle's
// (R-10..R-17); Status lives here because the model and its validation tags
// use it.
type Status string

// Statuses of the filing lifecycle.
const (
	StatusDraft           Status = "draft"            // 信息录入: being entered, not submitted
	StatusISPVerifying    Status = "isp_verifying"    // 已提交, 接入商核验中
	StatusBureauReview    Status = "bureau_review"    // 管局审核中
	StatusApproved        Status = "approved"         // 已备案 (has a number)
	StatusReturnedToUser  Status = "returned_to_user" // 管局退回, to the user
	StatusReturnedToISP   Status = "returned_to_isp"  // 管局退回, to the ISP
	StatusAccessCancelled Status = "access_cancelled" // 已取消接入 (number kept, no access)
	StatusCancelled       Status = "cancelled"        // 已注销
	StatusDeleted         Status = "deleted"          // 提交阶段信息已删除
)

// Valid reports whether s is one of the declared statuses.
func (s Status) Valid() bool {
	switch s {
	case StatusDraft, StatusISPVerifying, StatusBureauReview, StatusApproved,
		StatusReturnedToUser, StatusReturnedToISP, StatusAccessCancelled,
		StatusCancelled, StatusDeleted:
		return true
	}
	return false
}

var statusNames = map[Status][2]string{
	"":                    {"未创建", "not created"},
	StatusDraft:           {"信息录入", "draft"},
	StatusISPVerifying:    {"接入商核验中", "ISP verifying"},
	StatusBureauReview:    {"管局审核中", "bureau review"},
	StatusApproved:        {"已备案", "approved"},
	StatusReturnedToUser:  {"管局退回用户", "returned to the user"},
	StatusReturnedToISP:   {"管局退回接入商", "returned to the ISP"},
	StatusAccessCancelled: {"已取消接入", "access cancelled"},
	StatusCancelled:       {"已注销", "cancelled"},
	StatusDeleted:         {"已删除", "deleted"},
}

// Zh returns the status as the filing system shows it in Chinese
// ("管局审核中"), or the code itself for an unknown status.
func (s Status) Zh() string {
	if n, ok := statusNames[s]; ok {
		return n[0]
	}
	return string(s)
}

// En returns the status in English ("bureau review"), or the code itself
// for an unknown status.
func (s Status) En() string {
	if n, ok := statusNames[s]; ok {
		return n[1]
	}
	return string(s)
}
