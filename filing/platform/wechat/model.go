package wechat

import (
	"strconv"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
)

// ToModel maps an applyIcpFiling payload back to the SDK's model: a
// filing with the subject and one mini-program (Apps[0], hosted on WeChat),
// and the Input parts the model does not hold. It is the inverse of Prepare
// for every mapped field, so ToModel(Prepare(in)) gives in back. The IDs are
// read through the platform's lists. WeChat's rules are checked on the
// payload side too (an 以上都不涉及 item mixed with others, a duplicate
// pre-approval type, more than five or first-level service types, the
// remark's length, validity dates not YYYYmmdd or 长期, region codes outside
// their province or city), and every key the
// payload carries that the SDK does not declare is reported; all of them
// come back in one *filing.ValidationError with the result.
func ToModel(p *ApplyIcpFiling, lists Lists) (Input, error) {
	var probs []*filing.Problem
	add := func(ps ...*filing.Problem) {
		for _, x := range ps {
			if x != nil {
				probs = append(probs, x)
			}
		}
	}
	if p == nil {
		return Input{}, &filing.ValidationError{Problems: []*filing.Problem{filing.NewProblem(filing.CodeFilingNil)}}
	}
	in := Input{Filing: &filing.Filing{}}
	b := p.IcpSubject.BaseInfo
	s := &in.Filing.Subject
	if t, ok := byType(lists.SubjectTypes, b.Type); ok {
		if n, ok := platform.NatureByName(t.Name); ok {
			s.Nature = n
		} else {
			add(platform.At("subject.nature", "主体性质", platform.CodeTypeUnmapped, t.Name, "主体性质"))
		}
	} else {
		add(platform.At("subject.nature", "主体性质", platform.CodeTypeUnmapped, itoa(b.Type), "主体性质"))
	}
	s.Name, s.Address, s.Remarks, s.Number = b.Name, b.Address, b.Comment, b.RecordNumber
	in.Region = platform.Region{Province: b.Province, City: b.City, District: b.District}
	_, rp := platform.CheckRegion(in.Region, "", areas(lists.Districts, 0), "region")
	add(rp...)
	if len(b.Province) >= 2 {
		s.Province = b.Province[:2]
	}
	if pi := p.IcpSubject.PersonalInfo; pi != nil && pi.ResidencePermit != "" {
		in.Media.ResidencePermit, s.ResidencePermit = pi.ResidencePermit, true
	}
	o := p.IcpSubject.OrganizeInfo
	s.CertType = certBack(lists, o.CertificateType, "subject.cert_type", "主体证件类型", add)
	s.CertNumber, s.CertAddress = o.CertificateNumber, o.CertificateAddress
	in.Media.CertificatePhoto = o.CertificatePhoto

	pi := p.IcpSubject.PrincipalInfo
	s.Principal = personBack(pi, "subject.principal", "主体负责人", lists, add)
	in.Media.PrincipalFront, in.Media.PrincipalBack = pi.CertificatePhotoFront, pi.CertificatePhotoBack
	in.Media.PrincipalAuthorization = pi.AuthorizationLetter
	s.AuthorisationLetter = pi.AuthorizationLetter != ""
	if lp := p.IcpSubject.LegalPersonInfo; lp != nil && (lp.Name != "" || lp.CertificateNumber != "") {
		s.LegalRepresentative, in.LegalPersonCertNumber = lp.Name, lp.CertificateNumber
	} else if n, _ := s.Nature.Info(); !n.Individual {
		s.LegalRepresentative = s.Principal.Name
	}

	ab := p.IcpApplets.BaseInfo
	app := filing.App{
		Kind:      filing.AppKindMiniProgram,
		Host:      filing.HostWeChat,
		HostAppID: ab.AppID,
		Service: filing.Service{
			Name:           ab.Name,
			ServiceContent: ab.Comment,
			Number:         ab.RecordNumber,
		},
	}
	const ap = "apps[0]"
	names, unknown := platform.ServiceTypeNames(ab.ServiceContentTypes, lists.serviceTypes())
	app.Categories = names
	for _, id := range unknown {
		add(platform.At(ap+".categories", "服务内容类型", platform.CodeServiceTypeUnknown, itoa(id)))
	}
	_, sp := platform.SelectServiceTypes(names, lists.serviceTypes(), ap+".categories")
	if len(unknown) == 0 {
		add(sp...)
	}
	add(nrlxBack(ab.NrlxDetails, &app, &in.Media, lists)...)
	add(platform.CheckRemark(ab.Comment, ap+".service_content"))
	api := p.IcpApplets.PrincipalInfo
	app.Principal = personBack(api, ap+".principal", "小程序负责人", lists, add)
	in.Media.AppPrincipalFront, in.Media.AppPrincipalBack = api.CertificatePhotoFront, api.CertificatePhotoBack
	in.Media.AppPrincipalAuthorization = api.AuthorizationLetter
	in.VerifyTaskID = api.VerifyTaskID
	in.Filing.Apps = []filing.App{app}
	in.Materials = p.IcpMaterials
	add(materialCounts(in.Materials, "materials")...)
	add(platform.UnknownKeys(p)...)
	if len(probs) > 0 {
		return in, &filing.ValidationError{Problems: probs}
	}
	return in, nil
}

func itoa(i int) string { return strconv.Itoa(i) }

func certBack(lists Lists, id int, path, label string, add func(...*filing.Problem)) filing.CertType {
	t, ok := byType(lists.CertificateTypes, id)
	if !ok {
		add(platform.At(path, label, platform.CodeTypeUnmapped, itoa(id), "证件类型"))
		return ""
	}
	c, ok := platform.CertTypeByName(t.Name)
	if !ok {
		add(platform.At(path, label, platform.CodeTypeUnmapped, t.Name, "证件类型"))
	}
	return c
}

func personBack(pi PrincipalInfo, path, who string, lists Lists, add func(...*filing.Problem)) filing.Person {
	x := filing.Person{Name: pi.Name, Mobile: pi.Mobile, Email: pi.Email, EmergencyPhone: pi.EmergencyContact,
		CertNumber: pi.CertificateNumber}
	x.CertType = certBack(lists, pi.CertificateType, path+".cert_type", who+"证件类型", add)
	if pi.CertificateValidityDateStart == "" && pi.CertificateValidityDateEnd == "" {
		add(platform.At(path+".cert_validity", who+"证件有效期", platform.CodeValidityMissing))
		return x
	}
	v, pr := platform.ParseValidityDates(pi.CertificateValidityDateStart, pi.CertificateValidityDateEnd, path+".cert_validity")
	add(pr)
	x.CertValidity = v
	return x
}

func nrlxBack(items []NrlxDetail, app *filing.App, media *Media, lists Lists) []*filing.Problem {
	const ap = "apps[0]"
	var probs []*filing.Problem
	if len(items) == 0 {
		return []*filing.Problem{platform.At(ap+".involves", "前置审批项", platform.CodePreApprovalNoneMissing)}
	}
	seen := map[int]bool{}
	none := false
	for _, d := range items {
		t, ok := byType(lists.NrlxTypes, d.Type)
		if seen[d.Type] {
			probs = append(probs, platform.At(ap+".involves", "前置审批项", platform.CodePreApprovalDuplicate, orCode(t.Name, itoa(d.Type))))
			continue
		}
		seen[d.Type] = true
		if !ok {
			probs = append(probs, platform.At(ap+".involves", "前置审批项", platform.CodeTypeUnmapped, itoa(d.Type), "前置审批类型"))
			continue
		}
		if strings.TrimSpace(t.Name) == platform.NoPreApproval {
			none = true
			continue
		}
		c, ok := platform.PreApprovalByName(t.Name)
		if !ok {
			probs = append(probs, platform.At(ap+".involves", "前置审批项", platform.CodeTypeUnmapped, t.Name, "前置审批类型"))
			continue
		}
		app.Involves = append(app.Involves, c)
		if d.Code != "" {
			app.PreApprovals = append(app.PreApprovals, filing.PreApproval{Category: c, Number: d.Code})
		}
		if d.Code == "" || d.Media == "" {
			probs = append(probs, platform.At(ap+".pre_approvals", "前置审批号", platform.CodePreApprovalNumber, t.Name))
		}
		if d.Media != "" {
			if media.PreApprovals == nil {
				media.PreApprovals = map[filing.PreApprovalCategory]string{}
			}
			media.PreApprovals[c] = d.Media
		}
	}
	if none && len(app.Involves) > 0 {
		probs = append(probs, platform.At(ap+".involves", "前置审批项", platform.CodePreApprovalNoneMixed))
	}
	return probs
}
