package forms

import (
	"slices"

	"github.com/beiankit/beian/filing"
)

// MaterialID identifies one item sent with an application, as a stable code.
type MaterialID string

// Materials.
const (
	// MaterialForm is the application form itself, A4, complete, legible.
	MaterialForm MaterialID = "application_form"
	// MaterialSeal is the organisation's seal in the form's “单位公章” box.
	MaterialSeal MaterialID = "seal"
	// MaterialSubjectIDCopy is, for an individual subject, a copy of the
	// certificate filed, pasted in the “单位公章” box (河南省通信管理局 备案业务表格 须知2).
	MaterialSubjectIDCopy MaterialID = "subject_id_copy"
	// MaterialPrincipalIDCopy is, for an organisation, a copy of the ID of
	// the responsible person filed (主体负责人), sealed (网站备案日常问题解答 §二2).
	MaterialPrincipalIDCopy MaterialID = "principal_id_copy"
	// MaterialLicenceCopy is, for an organisation, a sealed copy of the
	// certificate filed: business licence, organisation code certificate...
	MaterialLicenceCopy MaterialID = "licence_copy"
	// MaterialChangeProof is the original licence or the certificate of the
	// change, sealed, when the licence changed without a “变更” mark.
	MaterialChangeProof MaterialID = "change_proof"
	// MaterialApplicantIDCopy is a copy of the ID of the person signing the
	// form (“另附申请表上申请人身份证”, 网站备案日常问题解答 §二2, §五2).
	MaterialApplicantIDCopy MaterialID = "applicant_id_copy"
	// MaterialDomainCertificate is a copy of the domain certificate.
	MaterialDomainCertificate MaterialID = "domain_certificate"
	// MaterialHolderIDCopy is, for an individual domain holder, a copy of
	// the holder's ID (网站备案日常问题解答 §二2 “证书拥有人身份证复印件”).
	MaterialHolderIDCopy MaterialID = "holder_id_copy"
	// MaterialHolderQualification is, for an organisation domain holder, a
	// sealed copy of its certificate (“证书拥有的单位资质复印件”).
	MaterialHolderQualification MaterialID = "holder_qualification_copy"
)

type materialInfo struct {
	zh, en, rule string
	code         filing.Code
}

var materialInfos = map[MaterialID]materialInfo{
	MaterialForm:                {"申请表（A4纸打印，填写完整、清晰）", "the application form, on A4, complete and legible", "R-55", ""},
	MaterialSeal:                {"单位公章（加盖于“单位公章”处）", "the organisation's seal in the seal box", "R-52", CodeMissingSeal},
	MaterialSubjectIDCopy:       {"备案时所填证件复印件（粘贴于“单位公章”处）", "copy of the certificate filed, pasted in the seal box", "R-52", CodeMissingIDCopy},
	MaterialPrincipalIDCopy:     {"主体负责人身份证复印件（加盖公章）", "sealed copy of the responsible person's ID", "R-52", CodeMissingIDCopy},
	MaterialLicenceCopy:         {"备案时所用单位证件（营业执照或组织机构代码证等）复印件（加盖公章）", "sealed copy of the organisation certificate filed (licence or organisation code)", "R-52", CodeMissingLicenceCopy},
	MaterialChangeProof:         {"原营业执照或变更证明复印件（加盖公章）", "sealed copy of the original licence or of the change certificate", "R-52", CodeMissingChangeProof},
	MaterialApplicantIDCopy:     {"申请人身份证复印件", "copy of the applicant's ID", "R-52", CodeMissingIDCopy},
	MaterialDomainCertificate:   {"域名证书复印件（域名注册商提供的域名所有者证书）", "copy of the domain certificate", "R-52", CodeMissingDomainCert},
	MaterialHolderIDCopy:        {"域名证书持有者身份证复印件", "copy of the domain holder's ID", "R-32", CodeMissingIDCopy},
	MaterialHolderQualification: {"域名证书持有单位资质证件复印件（加盖公章）", "sealed copy of the domain-holding organisation's certificate", "R-32", CodeMissingHolderQualify},
}

// Zh returns the Chinese description of the material, or "".
func (m MaterialID) Zh() string { return materialInfos[m].zh }

// Valid reports whether m is a declared material.
func (m MaterialID) Valid() bool { _, ok := materialInfos[m]; return ok }

// Material is one item of an application's checklist.
type Material struct {
	ID MaterialID `json:"id"`
	// Zh and En describe the item.
	Zh string `json:"zh"`
	En string `json:"en"`
	// Rule is the rule ID the item comes from.
	Rule string `json:"rule"`
	// Required is false for items that are recommended only.
	Required bool `json:"required"`
	// Covers lists the other items this one also stands for: a copy that
	// repeats (the same person's ID asked twice) is given once.
	Covers []MaterialID `json:"covers,omitempty"`

	key string // the document copied, for de-duplication ("" = unique)
}

// Guidance is one piece of advice that follows from the application: the
// channel, the deadline, the paper ...
type Guidance struct {
	Rule string `json:"rule"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

// Checklist is what an applicant must send, and the advice that goes with it,
// for one application: form kind × applicant kind × approved or not.
type Checklist struct {
	Kind          Kind          `json:"kind"`
	ApplicantKind ApplicantKind `json:"applicant_kind"`
	Items         []Material    `json:"items"`
	Guidance      []Guidance    `json:"guidance"`
}

// ApplicantKind judges whether the application comes from an individual or
// an organisation: first by the sponsor name, then by the sponsor
// nature (for a domain-holder cancellation, the holder's name and nature).
func (a *Application) ApplicantKind() ApplicantKind {
	if a.Kind == KindDomainHolderCancellation {
		if a.DomainCertificate == nil {
			return judgeKind("", "")
		}
		return judgeKind(a.DomainCertificate.Holder, a.DomainCertificate.HolderNature)
	}
	return judgeKind(a.SponsorName, a.SponsorNature)
}

// needsChangeProof: a changed licence without the “变更” mark.
func (a *Application) needsChangeProof() bool { return a.LicenceChanged && !a.LicenceShowsChange }

// Checklist returns the materials and guidance that follow from the
// application. It reads whatever is
// filled in and never fails; Check reports what is missing or wrong.
func (a *Application) Checklist() Checklist {
	ak := a.ApplicantKind()
	c := Checklist{Kind: a.Kind, ApplicantKind: ak}
	add := func(id MaterialID, required bool, key string) {
		info := materialInfos[id]
		c.Items = append(c.Items, Material{ID: id, Zh: info.zh, En: info.en, Rule: info.rule, Required: required, key: key})
	}
	person := func(name string) string {
		n := filing.NormalizeText(name)
		if n == "" {
			return ""
		}
		return "person:" + n
	}
	add(MaterialForm, true, "")
	switch a.Kind {
	case KindDomainHolderCancellation:
		// R-32, 网站备案日常问题解答 §二2 域名授权证书; R-30 (form + seal + licence/ID copy
		// + domain certificate). The sponsor is another party: none of its
		// documents is asked for.
		if ak != ApplicantIndividual {
			add(MaterialSeal, true, "")
			add(MaterialHolderQualification, true, "")
		} else {
			holder := ""
			if a.DomainCertificate != nil {
				holder = a.DomainCertificate.Holder
			}
			add(MaterialHolderIDCopy, true, person(holder))
		}
		add(MaterialApplicantIDCopy, true, person(a.ApplicantName))
		add(MaterialDomainCertificate, true, "")
	case KindDeletion:
		// R-54, 江西省通信管理局 用户典型问题指南 (二)4: seal and licence/ID copy. 河南省通信管理局 备案业务表格 附件3 also
		// asks for the domain certificate: recommended, not required.
		if ak != ApplicantIndividual {
			add(MaterialSeal, true, "")
			add(MaterialLicenceCopy, true, "")
			if a.needsChangeProof() {
				add(MaterialChangeProof, true, "")
			}
		} else {
			add(MaterialSubjectIDCopy, true, person(a.SponsorName))
		}
		add(MaterialDomainCertificate, false, "")
	default: // retrieval, cancellation: 河南省通信管理局 备案业务表格 须知2, 网站备案日常问题解答 §二2, §五2
		if ak != ApplicantIndividual {
			add(MaterialSeal, true, "")
			add(MaterialPrincipalIDCopy, true, person(a.PrincipalName))
			add(MaterialLicenceCopy, true, "")
			if a.needsChangeProof() {
				add(MaterialChangeProof, true, "")
			}
		} else {
			add(MaterialSubjectIDCopy, true, person(a.SponsorName))
		}
		add(MaterialApplicantIDCopy, true, person(a.ApplicantName))
		// An app without a domain on the form (TargetApp, app.go): the
		// domain certificate is recommended, not required.
		add(MaterialDomainCertificate, !a.domainOptional() || a.Domain != "", "")
	}
	c.Items = dedupe(c.Items)
	c.Guidance = a.guidance(ak)
	return c
}

// dedupe merges items that copy the same document (R-52 “以上复印件若有重复，
// 提供一份即可”): the first stays, and covers the later ones.
func dedupe(items []Material) []Material {
	out := items[:0:0]
	for _, m := range items {
		if m.key != "" {
			if i := slices.IndexFunc(out, func(o Material) bool { return o.key == m.key }); i >= 0 {
				out[i].Covers = append(out[i].Covers, m.ID)
				out[i].Required = out[i].Required || m.Required
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// Has reports whether the checklist satisfies id with one of its items
// (directly or through Covers).
func (c Checklist) Has(id MaterialID) bool {
	for _, m := range c.Items {
		if m.ID == id || slices.Contains(m.Covers, id) {
			return true
		}
	}
	return false
}

func (a *Application) guidance(ak ApplicantKind) []Guidance {
	g := []Guidance{{"R-55", "申请表须使用A4纸打印，填写完整、清晰，否则视为无效申请。",
		"Print the form on A4 and fill it in completely and legibly, or it is invalid."}}
	switch a.Kind {
	case KindRetrieval:
		g = append(g,
			Guidance{"R-58", "请先在备案系统“找回密码”在线找回（备案号、证件类型、证件号码），新密码将发送到备案时的联系人邮箱和手机；接入商代为备案的用户请联系接入商找回。",
				"Try online retrieval first (record number, certificate type and number): the new password goes to the e-mail and mobile on file. ISP-proxied users retrieve through their ISP."},
			Guidance{"R-22", "通信管理局收到申请后5个工作日内给予答复。", "The bureau answers within 5 working days of receipt."})
	case KindCancellation:
		if a.Approved {
			g = append(g, Guidance{"R-53", "已通过备案：可由接入服务商在线提交注销申请，也可将本申请及材料寄送通信管理局办理。",
				"Approved: the ISP can submit the cancellation online, or send this application to the bureau."})
		} else {
			g = append(g, Guidance{"R-53", "尚未通过备案：只能向通信管理局提交注销申请。",
				"Not yet approved: cancellation only by application to the bureau."})
		}
		switch a.Target {
		case TargetSubject:
			g = append(g, Guidance{"R-51", "注销主体将同时注销该主体下的全部网站。", "Cancelling the subject cancels every website under it."})
		case TargetWebsite:
			g = append(g, Guidance{"R-63", "注销网站后主体下如已无网站，建议同时注销主体，以免成为空壳主体。",
				"If no website remains under the subject, cancel the subject too, or it becomes a shell subject."})
		case TargetApp:
			g = append(g, appCancellationGuidance) // app.go
		}
		g = append(g, Guidance{"R-22", "通信管理局收到申请后5个工作日内给予处理，请自行登录备案系统“公共查询”查询结果。",
			"The bureau processes it within 5 working days of receipt; check the result in the public query."})
	case KindDeletion:
		g = append(g,
			Guidance{"R-54", "删除仅适用于尚未通过备案的提交阶段信息；已备案的请申请注销。",
				"Deletion is for submission-stage data only; approved filings are cancelled instead."},
			Guidance{"R-22", "通信管理局收到申请后5个工作日内给予处理，请自行登录备案系统“公共查询”查询结果。",
				"The bureau processes it within 5 working days of receipt; check the result in the public query."})
	case KindDomainHolderCancellation:
		g = append(g,
			Guidance{"R-32", "域名证书须由CNNIC或ICANN认可的注册机构颁发，且在申请日期仍在有效期内。",
				"The domain certificate must be issued under CNNIC or ICANN and unexpired on the application date."},
			Guidance{"R-30", "原备案属于本省的，向本省通信管理局申请注销；属于其他省份的，请联系原备案所在地通信管理局。",
				"A filing of this province is cancelled by this bureau; one of another province by that province's bureau."},
			Guidance{"R-22", "通信管理局收到申请后5个工作日内给予处理。", "The bureau processes it within 5 working days of receipt."})
	}
	if ak == ApplicantIndividual {
		g = append(g, Guidance{"R-52", "个人申请：请将证件复印件粘贴于“单位公章”处。", "Individuals paste the ID copy in the seal box."})
	} else {
		g = append(g, Guidance{"R-52", "单位申请：请在“单位公章”处加盖单位公章，证件须与备案时一致。",
			"Organisations seal the seal box; the certificates must be those filed."})
	}
	g = append(g,
		Guidance{"R-52", "以上复印件若有重复，提供一份即可。", "A copy that repeats is given once."},
		Guidance{"R-56", "请保持手机畅通：因关机或不接听致使三次无法通知的，申请按放弃处理。",
			"Keep the mobile reachable: after three failed notifications the application is abandoned."})
	return g
}
