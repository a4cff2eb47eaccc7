package wechat

import (
	"fmt"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
)

// Prepare maps the SDK's filing to an applyIcpFiling payload and
// applies WeChat's own rules: at most five second-level service content
// types from the platform's list, an explicit 以上都不涉及 when no
// pre-approval applies, a remark of 20 to 200 characters, a region inside
// the filing province, legal_person_info when the principal is not the
// legal representative, certificate validity as YYYYmmdd or 长期, and the
// photos the platform requires. It returns the payload built so far and,
// when anything is missing or breaks a rule, a *filing.ValidationError
// listing every problem with its SDK path ("apps[0].service_content") and
// Chinese message. It does not repeat filing.Validate: run both.
func Prepare(in Input, lists Lists) (*ApplyIcpFiling, error) {
	p := &ApplyIcpFiling{}
	var probs []*filing.Problem
	add := func(ps ...*filing.Problem) {
		for _, x := range ps {
			if x != nil {
				probs = append(probs, x)
			}
		}
	}
	f := in.Filing
	if f == nil {
		return nil, &filing.ValidationError{Problems: []*filing.Problem{filing.NewProblem(filing.CodeFilingNil)}}
	}
	if in.App < 0 || in.App >= len(f.Apps) {
		return nil, &filing.ValidationError{Problems: []*filing.Problem{platform.At("apps", "应用", platform.CodeAppMissing, in.App)}}
	}
	app := f.Apps[in.App]
	ap := fmt.Sprintf("apps[%d]", in.App)
	if app.Kind != filing.AppKindMiniProgram || app.Host != filing.HostWeChat {
		add(platform.At(ap+".host", "小程序所在平台", platform.CodeNotMiniProgram, "微信", in.App))
	}
	s := f.Subject

	// icp_subject.base_info
	b := &p.IcpSubject.BaseInfo
	nat, _ := s.Nature.Info()
	if t, ok := byName(lists.SubjectTypes, nat.Zh); ok {
		b.Type = t.Type
	} else {
		add(platform.At("subject.nature", "主体性质", platform.CodeTypeUnmapped, orCode(nat.Zh, string(s.Nature)), "主体性质"))
	}
	b.Name = strings.TrimSpace(s.Name)
	names, rp := platform.CheckRegion(in.Region, s.Province, areas(lists.Districts, 0), "region")
	add(rp...)
	b.Province, b.City, b.District = in.Region.Province, in.Region.City, in.Region.District
	b.Address = platform.StripRegion(s.Address, names)
	b.Comment = strings.TrimSpace(s.Remarks)

	// personal_info / organize_info
	individual := nat.Individual
	if in.Media.ResidencePermit != "" {
		p.IcpSubject.PersonalInfo = &PersonalInfo{ResidencePermit: in.Media.ResidencePermit}
	} else if individual && s.ResidencePermit {
		// 个人备案且非本省人员，需要提供居住证、暂住证、社保证明、房产证等临时居住证明
		add(platform.At("media.residence_permit", "临时居住证明", platform.CodeMaterialMissing, "临时居住证明（居住证、暂住证、社保证明或房产证等）"))
	}
	o := &p.IcpSubject.OrganizeInfo
	ci, _ := s.CertType.Info()
	if t, ok := lists.certType(ci.Zh, b.Type); ok {
		o.CertificateType = t.Type
	} else {
		add(platform.At("subject.cert_type", "主体证件类型", platform.CodeTypeUnmapped, orCode(ci.Zh, string(s.CertType)), "证件类型"))
	}
	o.CertificateNumber = s.CertNumber
	o.CertificateAddress = strings.TrimSpace(s.CertAddress)
	o.CertificatePhoto = in.Media.CertificatePhoto
	if !individual && o.CertificatePhoto == "" {
		add(platform.At("media.certificate_photo", "主体证件照片", platform.CodeMaterialMissing, "主体证件照片"))
	}

	// principal_info and legal_person_info
	var pp []*filing.Problem
	p.IcpSubject.PrincipalInfo, pp = person(s.Principal, "subject.principal", "主体负责人", lists, b.Type)
	add(pp...)
	pi := &p.IcpSubject.PrincipalInfo
	pi.CertificatePhotoFront, pi.CertificatePhotoBack = in.Media.PrincipalFront, in.Media.PrincipalBack
	pi.AuthorizationLetter = in.Media.PrincipalAuthorization
	add(photos(pi, "media.principal", "主体负责人"))
	notLegal := !individual && strings.TrimSpace(s.LegalRepresentative) != strings.TrimSpace(s.Principal.Name)
	if notLegal {
		p.IcpSubject.LegalPersonInfo = &LegalPersonInfo{Name: strings.TrimSpace(s.LegalRepresentative), CertificateNumber: in.LegalPersonCertNumber}
		if p.IcpSubject.LegalPersonInfo.Name == "" || in.LegalPersonCertNumber == "" {
			add(platform.At("legal_person_cert_number", "法人信息", platform.CodeLegalPersonMissing))
		}
		if pi.AuthorizationLetter == "" {
			add(platform.At("media.principal_authorization", "主体负责人授权书", platform.CodeMaterialMissing, "主体负责人授权书"))
		}
	}

	// icp_applets
	ab := &p.IcpApplets.BaseInfo
	ab.AppID, ab.Name = app.HostAppID, strings.TrimSpace(app.Name)
	ids, sp := platform.SelectServiceTypes(app.Categories, lists.serviceTypes(), ap+".categories")
	ab.ServiceContentTypes = ids
	add(sp...)
	ab.NrlxDetails, pp = nrlx(app, ap, in.Media.PreApprovals, lists)
	add(pp...)
	ab.Comment = strings.TrimSpace(app.ServiceContent)
	add(platform.CheckRemark(ab.Comment, ap+".service_content"))
	p.IcpApplets.PrincipalInfo, pp = person(app.Principal, ap+".principal", "小程序负责人", lists, b.Type)
	add(pp...)
	api := &p.IcpApplets.PrincipalInfo
	api.CertificatePhotoFront, api.CertificatePhotoBack = in.Media.AppPrincipalFront, in.Media.AppPrincipalBack
	api.AuthorizationLetter = in.Media.AppPrincipalAuthorization
	api.VerifyTaskID = in.VerifyTaskID
	add(photos(api, "media.app_principal", "小程序负责人"))
	if !individual && strings.TrimSpace(s.LegalRepresentative) != strings.TrimSpace(app.Principal.Name) && api.AuthorizationLetter == "" {
		add(platform.At("media.app_principal_authorization", "小程序负责人授权书", platform.CodeMaterialMissing, "小程序负责人授权书"))
	}
	if in.VerifyTaskID == "" {
		add(platform.At("verify_task_id", "扫脸认证任务", platform.CodeMaterialMissing, "小程序负责人扫脸认证（人脸核验任务）"))
	}
	p.IcpMaterials = in.Materials
	add(materialCounts(in.Materials, "materials")...)
	if len(probs) > 0 {
		return p, &filing.ValidationError{Problems: probs}
	}
	return p, nil
}

func orCode(zh, code string) string {
	if zh != "" {
		return zh
	}
	return code
}

// person maps a responsible person; the certificate type is looked up
// among the personal certificate types of the subject type subj.
func person(x filing.Person, path, who string, lists Lists, subj int) (PrincipalInfo, []*filing.Problem) {
	var probs []*filing.Problem
	pi := PrincipalInfo{
		Name: strings.TrimSpace(x.Name), Mobile: x.Mobile, Email: x.Email, EmergencyContact: x.EmergencyPhone,
		CertificateNumber: x.CertNumber,
	}
	ci, _ := x.CertType.Info()
	if t, ok := lists.certType(ci.Zh, subj); ok {
		pi.CertificateType = t.Type
	} else {
		probs = append(probs, platform.At(path+".cert_type", who+"证件类型", platform.CodeTypeUnmapped, orCode(ci.Zh, string(x.CertType)), "证件类型"))
	}
	start, end, ok := platform.ValidityDates(x.CertValidity)
	if !ok {
		probs = append(probs, platform.At(path+".cert_validity", who+"证件有效期", platform.CodeValidityMissing))
	}
	pi.CertificateValidityDateStart, pi.CertificateValidityDateEnd = start, end
	return pi, probs
}

// photos reports the missing front and back photos of a principal's
// certificate.
func photos(pi *PrincipalInfo, path, who string) *filing.Problem {
	switch {
	case pi.CertificatePhotoFront == "":
		return platform.At(path+"_front", who+"证件正面照片", platform.CodeMaterialMissing, who+"证件正面照片")
	case pi.CertificatePhotoBack == "":
		return platform.At(path+"_back", who+"证件背面照片", platform.CodeMaterialMissing, who+"证件背面照片")
	}
	return nil
}

// nrlx maps the app's pre-approval categories to nrlx_details: one item per
// category, with its approval number and document, or the explicit
// 以上都不涉及 item when none applies.
func nrlx(app filing.App, ap string, media map[filing.PreApprovalCategory]string, lists Lists) ([]NrlxDetail, []*filing.Problem) {
	var probs []*filing.Problem
	if len(app.Involves) == 0 {
		none, ok := byName(lists.NrlxTypes, platform.NoPreApproval)
		if !ok {
			return nil, []*filing.Problem{platform.At(ap+".involves", "前置审批项", platform.CodePreApprovalNoneMissing)}
		}
		return []NrlxDetail{{Type: none.Type}}, nil
	}
	var out []NrlxDetail
	seen := map[filing.PreApprovalCategory]bool{}
	for _, c := range app.Involves {
		info, _ := c.Info()
		if seen[c] {
			probs = append(probs, platform.At(ap+".involves", "前置审批项", platform.CodePreApprovalDuplicate, orCode(info.Zh, string(c))))
			continue
		}
		seen[c] = true
		t, ok := byName(lists.NrlxTypes, info.Zh)
		if !ok {
			probs = append(probs, platform.At(ap+".involves", "前置审批项", platform.CodeTypeUnmapped, orCode(info.Zh, string(c)), "前置审批类型"))
			continue
		}
		d := NrlxDetail{Type: t.Type, Media: media[c]}
		for _, pa := range app.PreApprovals {
			if pa.Category == c {
				d.Code = strings.TrimSpace(pa.Number)
				break
			}
		}
		if d.Code == "" || d.Media == "" {
			probs = append(probs, platform.At(ap+".pre_approvals", "前置审批号", platform.CodePreApprovalNumber, orCode(info.Zh, string(c))))
		}
		out = append(out, d)
	}
	return out, probs
}

// materialCounts reports the icp_materials lists past their caps: at most
// one each, ten for the two "other materials" lists (最多上传1个 / 10个).
func materialCounts(m Materials, path string) []*filing.Problem {
	var out []*filing.Problem
	for _, c := range []struct {
		key, label string
		n, max     int
	}{
		{"commitment_letter", "互联网信息服务承诺书", len(m.CommitmentLetter), 1},
		{"business_name_change_letter", "主体更名函", len(m.BusinessNameChangeLetter), 1},
		{"party_building_confirmation_letter", "党建确认函", len(m.PartyBuildingConfirmationLetter), 1},
		{"promise_video", "承诺视频", len(m.PromiseVideo), 1},
		{"authenticity_responsibility_letter", "网站备案信息真实性责任告知书", len(m.AuthenticityResponsibilityLetter), 1},
		{"authenticity_commitment_letter", "小程序备案信息真实性承诺书", len(m.AuthenticityCommitmentLetter), 1},
		{"website_construction_proposal", "小程序建设方案书", len(m.WebsiteConstructionProposal), 1},
		{"subject_other_materials", "主体其它附件", len(m.SubjectOtherMaterials), 10},
		{"applets_other_materials", "小程序其它附件", len(m.AppletsOtherMaterials), 10},
		{"holding_certificate_photo", "手持证件照", len(m.HoldingCertificatePhoto), 1},
	} {
		if c.n > c.max {
			out = append(out, platform.At(path+"."+c.key, c.label, platform.CodeMaterialTooMany, c.label, c.max, c.n))
		}
	}
	return out
}
