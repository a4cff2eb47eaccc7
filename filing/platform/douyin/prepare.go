package douyin

import (
	"fmt"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
)

// Prepare maps the SDK's filing to a submit_record_info (or
// alter_record_info) payload and applies Douyin's rules: the IDs
// from the platform's lists, the region inside the filing province with
// its names, the principal's certificate validity (has_end_time, or none
// for 长期), an explicit involve_pre_approval, each pre-approval with its
// number and files, at most five second-level service content types
// (DESIGN: WeChat's published cap, which the SDK's App.Categories has too;
// Douyin's table states none), the authority letter when a principal is not
// the legal representative, the face verification token. It returns the
// payload built so far and, when anything breaks a rule, a
// *filing.ValidationError with every problem at its SDK path.
func Prepare(in Input, lists Lists) (*RecordInfo, error) {
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
	if app.Kind != filing.AppKindMiniProgram || app.Host != filing.HostDouyin {
		add(platform.At(ap+".host", "小程序所在平台", platform.CodeNotMiniProgram, "抖音", in.App))
	}
	s := f.Subject
	p := &RecordInfo{}
	c := &p.CorpInfo
	nat, _ := s.Nature.Info()
	corp, ok := lists.corpType(nat.Zh)
	if ok {
		c.CorpType = corp.CorpTypeID
	} else {
		add(platform.At("subject.nature", "主体性质", platform.CodeTypeUnmapped, orCode(nat.Zh, string(s.Nature)), "主体类型"))
	}
	ci, _ := s.CertType.Info()
	if t, ok := credByName(corp.CredentialsTypeList, ci.Zh); ok {
		c.CredentialsType = t.CredentialsTypeID
	} else {
		add(platform.At("subject.cert_type", "主体证件类型", platform.CodeTypeUnmapped, orCode(ci.Zh, string(s.CertType)), "主体证件类型"))
	}
	c.CredentialsName = strings.TrimSpace(s.Name)
	c.CredentialsNumber = s.CertNumber
	c.CredentialsPic = material(in.Media.CredentialsPic)
	if c.CredentialsPic == nil {
		add(platform.At("media.credentials_pic", "主体证件照片", platform.CodeMaterialMissing, "主体证件照片"))
	}
	c.CredentialsAddress = strings.TrimSpace(s.CertAddress)
	names, rp := platform.CheckRegion(in.Region, s.Province, areas(lists.RegionList, 0), "region")
	add(rp...)
	c.ProvinceCode, c.CityCode, c.RegionCode = in.Region.Province, in.Region.City, in.Region.District
	c.ProvinceName, c.CityName, c.RegionName = names[0], names[1], names[2]
	c.CommunicationAddress = strings.TrimSpace(s.Address)

	pr := s.Principal
	c.InchargePeopleName = strings.TrimSpace(pr.Name)
	pci, _ := pr.CertType.Info()
	if t, ok := credByName(lists.CredentialsTypeList, pci.Zh); ok {
		c.InchargePeopleCredentialsType = t.CredentialsTypeID
	} else {
		add(platform.At("subject.principal.cert_type", "主体负责人证件类型", platform.CodeTypeUnmapped, orCode(pci.Zh, string(pr.CertType)), "负责人证件类型"))
	}
	c.InchargePeopleCredentialsNumber = pr.CertNumber
	c.InchargePeopleCredentialsFront = material(in.Media.PrincipalFront)
	c.InchargePeopleCredentialsBack = material(in.Media.PrincipalBack)
	if c.InchargePeopleCredentialsFront == nil || c.InchargePeopleCredentialsBack == nil {
		add(platform.At("media.principal_front", "主体负责人证件照片", platform.CodeMaterialMissing, "主体负责人证件正反面照片"))
	}
	v := pr.CertValidity
	switch {
	case v.Start.IsZero() || (v.End.IsZero() && !v.LongTerm):
		add(platform.At("subject.principal.cert_validity", "主体负责人证件有效期", platform.CodeValidityMissing))
	case v.LongTerm:
		c.InchargePeopleCredentialsValidStartTime = platform.UnixDay(v.Start)
	default:
		c.InchargePeopleCredentialsHasEndTime = true
		c.InchargePeopleCredentialsValidStartTime = platform.UnixDay(v.Start)
		c.InchargePeopleCredentialsValidEndTime = platform.UnixDay(v.End)
	}
	c.InchargePeopleEmail, c.InchargePeoplePhone, c.InchargePeopleEmergencyPhone = pr.Email, pr.Mobile, pr.EmergencyPhone
	if pr.EmergencyPhone == "" {
		add(platform.At("subject.principal.emergency_phone", "主体负责人应急电话", platform.CodeMaterialMissing, "主体负责人应急电话"))
	}
	c.CorpAuthorityLetter = materials(in.Media.CorpAuthorityLetter)
	c.CorpCommitment = materials(in.Media.CorpCommitment)
	c.CorpOtherMaterials = materials(in.Media.CorpOtherMaterials)
	c.Remark = strings.TrimSpace(s.Remarks)
	legal := strings.TrimSpace(s.LegalRepresentative)
	if !nat.Individual && legal != strings.TrimSpace(pr.Name) && len(c.CorpAuthorityLetter) == 0 {
		add(platform.At("media.corp_authority_letter", "主体负责人授权书", platform.CodeMaterialMissing, "主体负责人授权书"))
	}

	a := &p.AppInfo
	a.AppLanguage = in.Languages
	if len(a.AppLanguage) == 0 {
		add(platform.At("languages", "小程序语种", platform.CodeTypeUnmapped, orCode(app.Language, "（未填写）"), "语种"))
	}
	ids, sp := platform.SelectServiceTypes(app.Categories, lists.serviceTypes(), ap+".categories")
	a.ServiceContentTypeList = ids
	add(sp...)
	a.InvolvePreApproval = len(app.Involves) > 0
	var pp []*filing.Problem
	a.PreApprovalList, pp = preApprovals(app, ap, in.Media.PreApprovals, lists)
	add(pp...)
	ar := app.Principal
	a.InchargePeopleEmail, a.InchargePeoplePhone, a.InchargePeopleEmergencyPhone = ar.Email, ar.Mobile, ar.EmergencyPhone
	a.FacialRecognitionToken = in.FacialRecognitionToken
	if a.FacialRecognitionToken == "" {
		add(platform.At("facial_recognition_token", "人证核验", platform.CodeMaterialMissing, "小程序负责人人证核验"))
	}
	a.AppAuthorityLetter = materials(in.Media.AppAuthorityLetter)
	a.AppOtherMaterials = materials(in.Media.AppOtherMaterials)
	a.Remark = strings.TrimSpace(app.ServiceContent)
	if !nat.Individual && legal != strings.TrimSpace(ar.Name) && len(a.AppAuthorityLetter) == 0 {
		add(platform.At("media.app_authority_letter", "小程序负责人授权书", platform.CodeMaterialMissing, "小程序负责人授权书"))
	}
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

func preApprovals(app filing.App, ap string, media map[filing.PreApprovalCategory][]string, lists Lists) ([]PreApproval, []*filing.Problem) {
	var out []PreApproval
	var probs []*filing.Problem
	seen := map[filing.PreApprovalCategory]bool{}
	for _, c := range app.Involves {
		info, _ := c.Info()
		if seen[c] {
			probs = append(probs, platform.At(ap+".involves", "前置审批项", platform.CodePreApprovalDuplicate, orCode(info.Zh, string(c))))
			continue
		}
		seen[c] = true
		var t *PreApprovalType
		for i := range lists.PreApprovalItemTypeList {
			if platform.SameName(lists.PreApprovalItemTypeList[i].PreApprovalItemName, info.Zh) {
				t = &lists.PreApprovalItemTypeList[i]
				break
			}
		}
		if t == nil {
			probs = append(probs, platform.At(ap+".involves", "前置审批项", platform.CodeTypeUnmapped, orCode(info.Zh, string(c)), "前置审批类型"))
			continue
		}
		d := PreApproval{PreApprovalItemID: t.PreApprovalItemID, PreApprovalFiles: materials(media[c])}
		for _, pa := range app.PreApprovals {
			if pa.Category == c {
				d.PreApprovalNumber = strings.TrimSpace(pa.Number)
				break
			}
		}
		if d.PreApprovalNumber == "" || len(d.PreApprovalFiles) == 0 {
			probs = append(probs, platform.At(ap+".pre_approvals", "前置审批号", platform.CodePreApprovalNumber, orCode(info.Zh, string(c))))
		}
		out = append(out, d)
	}
	return out, probs
}
