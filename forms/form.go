package forms

import (
	"fmt"
	"log/slog"

	"github.com/beiankit/beian/filing"
)

// Kind is the kind of application form, as a stable code. JSON input also
// accepts the form's Chinese title.
type Kind string

// Form kinds. The first three are the seed forms 附件1-3 (河南省通信管理局 备案业务表格); the
// fourth is the cancellation of another party's filing by the holder of the
// domain, printed on the cancellation form's layout with the holder's
// section added.
const (
	// KindRetrieval is 找回用户名、密码申请表 (附件1, R-58).
	KindRetrieval Kind = "retrieval"
	// KindCancellation is 注销备案信息申请表 (附件2, R-50, R-51, R-53).
	KindCancellation Kind = "cancellation"
	// KindDeletion is 删除备案信息申请表 (附件3): deletion of data still at the
	// submission stage, i.e. never approved.
	KindDeletion Kind = "deletion"
	// KindDomainHolderCancellation is the cancellation of another party's
	// filing of a domain by the domain's holder.
	KindDomainHolderCancellation Kind = "domain_holder_cancellation"
)

// Kinds lists every form kind.
func Kinds() []Kind {
	return []Kind{KindRetrieval, KindCancellation, KindDeletion, KindDomainHolderCancellation}
}

var kindTitles = map[Kind]string{
	KindRetrieval:                "找回用户名、密码申请表",
	KindCancellation:             "注销备案信息申请表",
	KindDeletion:                 "删除备案信息申请表",
	KindDomainHolderCancellation: "域名持有者注销备案信息申请表",
}

// Title returns the form's Chinese title, or "" for an unknown kind.
func (k Kind) Title() string { return kindTitles[k] }

// Valid reports whether k is one of the declared kinds.
func (k Kind) Valid() bool { _, ok := kindTitles[k]; return ok }

// UnmarshalText accepts the code or the Chinese title.
func (k *Kind) UnmarshalText(b []byte) error {
	s := filing.NormalizeText(string(b))
	for c, t := range kindTitles {
		if s == string(c) || s == t {
			*k = c
			return nil
		}
	}
	*k = Kind(s) // unknown: kept and reported by Check
	return nil
}

// Target is what a cancellation cancels (R-51: "是需注销主体备案还是网站备案").
type Target string

// Cancellation targets.
const (
	TargetSubject Target = "subject" // 注销主体: the subject and every website under it
	TargetWebsite Target = "website" // 注销网站: one website
	TargetAccess  Target = "access"  // 注销接入 (取消接入): the website's access at one ISP
)

var targetNames = map[Target]string{
	TargetSubject: "注销主体",
	TargetWebsite: "注销网站",
	TargetAccess:  "注销接入",
	TargetApp:     "注销应用",
}

// Zh returns the Chinese name ("注销主体"...), or "" for an unknown target.
func (t Target) Zh() string { return targetNames[t] }

// UnmarshalText accepts the code or the Chinese name (also "主体", "网站",
// "接入").
func (t *Target) UnmarshalText(b []byte) error {
	s := filing.NormalizeText(string(b))
	for c, n := range targetNames {
		if s == string(c) || s == n || s == n[len("注销"):] {
			*t = c
			return nil
		}
	}
	*t = Target(s)
	return nil
}

// ApplicantKind is the applicant's kind, judged by R-05: individual (个人)
// or organisation (单位). It decides the materials.
type ApplicantKind string

// Applicant kinds.
const (
	ApplicantIndividual   ApplicantKind = "individual"
	ApplicantOrganisation ApplicantKind = "organisation"
	// ApplicantUnknown: neither the name nor the nature decides (a brand
	// name without a nature). Check reports form.applicant_kind_unknown; the
	// checklist then lists the organisation's materials.
	ApplicantUnknown ApplicantKind = "unknown"
)

// Zh returns "个人" or "单位".
func (a ApplicantKind) Zh() string {
	switch a {
	case ApplicantIndividual:
		return "个人"
	case ApplicantOrganisation:
		return "单位"
	}
	return ""
}

// Authority is the body under which a domain certificate is issued (R-32:
// "CNNIC、ICANN颁发且在有效期内").
type Authority string

// Domain certificate authorities.
const (
	AuthorityCNNIC Authority = "cnnic" // registrars accredited by CNNIC (.cn, .中国)
	AuthorityICANN Authority = "icann" // registrars accredited by ICANN (gTLDs)
)

// UnmarshalText accepts "cnnic"/"icann" in any case.
func (a *Authority) UnmarshalText(b []byte) error {
	s := filing.NormalizeText(string(b))
	switch {
	case equalFoldASCII(s, "cnnic"):
		*a = AuthorityCNNIC
	case equalFoldASCII(s, "icann"):
		*a = AuthorityICANN
	default:
		*a = Authority(s)
	}
	return nil
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// DomainCertificate is the domain certificate (域名证书, the registrant
// certificate the registrar issues) sent with the form.
type DomainCertificate struct {
	// Domain is the domain on the certificate.
	Domain string `json:"domain"`
	// Holder is the registrant named on the certificate (证书持有者).
	Holder string `json:"holder"`
	// HolderNature is the holder's nature, used with Holder to judge the
	// applicant kind of a domain-holder cancellation.
	HolderNature filing.Nature `json:"holder_nature,omitempty"`
	// Authority is CNNIC or ICANN.
	Authority Authority `json:"authority"`
	// Registrar is the issuing registrar's name (optional).
	Registrar string `json:"registrar,omitempty"`
	// Registered is the registration date on the certificate (optional).
	Registered Date `json:"registered,omitzero"`
	// Expires is the expiry date; the certificate must be unexpired on the
	// application date.
	Expires Date `json:"expires"`
}

// Application is one paper application to a communications bureau: every
// field of the seed forms (河南省通信管理局 备案业务表格 附件1-3) with the data the SDK needs to
// check it and to list its materials, plus the bureau's processing section.
//
// Personal data (phones, e-mail, certificate numbers) are filing.Phone,
// filing.Email and filing.IDNumber: they print masked through fmt and slog.
// JSON and the rendered form carry the full values: the form is the
// applicant's own application and the bureau needs the real numbers.
type Application struct {
	// Kind is the form kind.
	Kind Kind `json:"kind"`
	// Target is what a cancellation cancels; required for
	// KindCancellation, website or access for KindDomainHolderCancellation
	// (website when empty), empty otherwise.
	Target Target `json:"target,omitempty"`
	// Approved tells whether the filing concerned has been approved (has a
	// record number). It decides the channel and whether the record
	// number is required. Deletion is for unapproved data only.
	Approved bool `json:"approved"`

	// ApplicantName is 申请人姓名, the person who signs the application.
	ApplicantName string `json:"applicant_name"`
	// ApplicantMobile is 手机号码, the applicant's mobile: the bureau calls it
	// to notify the result.
	ApplicantMobile filing.Phone `json:"applicant_mobile"`
	// Date is 申请日期.
	Date Date `json:"date"`

	// RecordNumber is 备案号: required when Approved. For a domain-holder
	// cancellation it is the other party's number (from the public query,
	//
	RecordNumber string `json:"record_number,omitempty"`
	// Domain is 域名.
	Domain string `json:"domain"`
	// SponsorName is 主办单位名称, the first criterion of R-05.
	SponsorName string `json:"sponsor_name"`
	// SponsorNature is 主办单位性质, the second criterion of R-05 (optional
	// when the name decides).
	SponsorNature filing.Nature `json:"sponsor_nature,omitempty"`
	// SubjectCertType and SubjectCertNumber are the subject's certificate as
	// filed (optional on the form; checked when given and used to name the
	// copies in the materials list).
	SubjectCertType   filing.CertType `json:"subject_cert_type,omitempty"`
	SubjectCertNumber filing.IDNumber `json:"subject_cert_number,omitempty"`
	// PrincipalName is the subject's responsible person (主体负责人) as
	// filed; when it is the applicant, one ID copy serves both.
	PrincipalName string `json:"principal_name,omitempty"`
	// ContactName is 联系人姓名. For a domain-holder cancellation the contact
	// is the holder's own contact.
	ContactName string `json:"contact_name"`
	// ContactLandline is 联系人固定电话.
	ContactLandline filing.Phone `json:"contact_landline"`
	// ContactEmail is 联系人邮箱.
	ContactEmail filing.Email `json:"contact_email"`
	// Reason is 用户名、密码丢失原因 (retrieval) or 备案注销原因 (cancellation,
	// deletion): "必须填写详细原因" (R-51, see ReasonDetailed).
	Reason string `json:"reason"`

	// LicenceChanged: the organisation's business licence has changed since
	// filing; LicenceShowsChange: the licence bears the word “变更”. A change
	// without the mark needs proof of the change.
	LicenceChanged     bool `json:"licence_changed,omitempty"`
	LicenceShowsChange bool `json:"licence_shows_change,omitempty"`

	// DomainCertificate is the domain certificate sent with the form.
	DomainCertificate *DomainCertificate `json:"domain_certificate,omitempty"`

	// Enclosed lists the materials the applicant sends (MaterialID codes);
	// Check reports every required item of Checklist that is missing.
	Enclosed []MaterialID `json:"enclosed,omitempty"`

	// Bureau is the bureau's section (Ⅲ.处理结果, R-57); nil until received.
	Bureau *Processing `json:"bureau,omitempty"`
}

// Field limits (runes, after normalisation). Oversized values are a
// form.too_long problem; the whole JSON document is capped by MaxJSONSize.
const (
	MaxNameLen    = 100  // names (applicant, sponsor, contact, holder, registrar)
	MaxNumberLen  = 64   // record and certificate numbers, phones
	MaxDomainLen  = 253  // domains (DNS limit)
	MaxEmailLen   = 254  // e-mail addresses (RFC 5321 path limit)
	MaxReasonLen  = 1000 // the reason
	MaxRemarksLen = 1000 // the bureau's remarks
	MaxEnclosed   = 32   // entries of Enclosed
	MaxAttempts   = 16   // notification attempts kept in the record
)

// Chinese labels of the fields, by JSON path, as printed on the forms.
var labels = map[string]string{
	"kind":                             "申请类型",
	"target":                           "注销对象",
	"approved":                         "是否已备案",
	"applicant_name":                   "申请人姓名",
	"applicant_mobile":                 "手机号码",
	"date":                             "申请日期",
	"record_number":                    "备案号",
	"domain":                           "域名",
	"sponsor_name":                     "主办单位名称",
	"sponsor_nature":                   "主办单位性质",
	"subject_cert_type":                "主办单位证件类型",
	"subject_cert_number":              "主办单位证件号码",
	"principal_name":                   "主体负责人姓名",
	"contact_name":                     "联系人姓名",
	"contact_landline":                 "联系人固定电话",
	"contact_email":                    "联系人邮箱",
	"reason":                           "原因",
	"enclosed":                         "随附材料",
	"domain_certificate":               "域名证书",
	"domain_certificate.domain":        "证书域名",
	"domain_certificate.holder":        "域名持有者",
	"domain_certificate.holder_nature": "域名持有者性质",
	"domain_certificate.authority":     "颁发机构",
	"domain_certificate.registrar":     "注册商",
	"domain_certificate.registered":    "注册日期",
	"domain_certificate.expires":       "到期日期",
	"bureau":                           "处理结果",
	"bureau.username":                  "用户名",
	"bureau.password":                  "密码",
	"bureau.remarks":                   "备注",
	"bureau.result":                    "处理结果",
	"bureau.undelivered":               "未送达的处理意见",
}

// Label returns the Chinese label of a field by its JSON path
// ("contact_email" → "联系人邮箱"), or "".
func Label(path string) string { return labels[path] }

// ReasonLabel returns the label of the reason box of a form kind, as printed:
// "用户名、密码丢失原因" (retrieval), "备案注销原因" (cancellations),
// "备案删除原因" (deletion; the seed's 附件3 repeats 附件2's "备案注销原因",
// evidently a copy slip, corrected here).
func (k Kind) ReasonLabel() string {
	switch k {
	case KindRetrieval:
		return "用户名、密码丢失原因"
	case KindDeletion:
		return "备案删除原因"
	default:
		return "备案注销原因"
	}
}

// LogValue logs the application with its personal data masked, also through
// slog.JSONHandler (which would otherwise JSON-encode the full values).
func (a Application) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("kind", string(a.Kind)),
		slog.String("target", string(a.Target)),
		slog.Bool("approved", a.Approved),
		slog.String("applicant_name", a.ApplicantName),
		slog.String("applicant_mobile", a.ApplicantMobile.Masked()),
		slog.String("date", a.Date.String()),
		slog.String("record_number", a.RecordNumber),
		slog.String("domain", a.Domain),
		slog.String("sponsor_name", a.SponsorName),
		slog.String("subject_cert_number", a.SubjectCertNumber.Masked()),
		slog.String("contact_name", a.ContactName),
		slog.String("contact_landline", a.ContactLandline.Masked()),
		slog.String("contact_email", a.ContactEmail.Masked()),
	}
	if a.Bureau != nil {
		attrs = append(attrs, slog.String("state", string(a.Bureau.State)), slog.String("due", a.Bureau.Due.String()))
	}
	return slog.GroupValue(attrs...)
}

// Format prints the application as fmt prints a struct, following its
// pointers, personal data masked for every verb.
func (a Application) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, a) }
