package douyin

import (
	"strconv"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
)

// ToModel maps a submit_record_info (or alter_record_info) payload back to
// the SDK's model: a filing with the subject and one mini-program
// (Apps[0], hosted on Douyin), and the Input parts the model does not hold.
// It is the inverse of Prepare for every mapped field; the mini-program
// principal's name and certificate are not in the payload (the face
// verification carries them), so they come back empty. Douyin's rules are
// checked on the payload too (involve_pre_approval against the list,
// service types, validity times, region codes outside their province or
// city) and unknown keys are reported; all come
// back in one *filing.ValidationError with the result.
func ToModel(p *RecordInfo, lists Lists) (Input, error) {
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
	c := p.CorpInfo
	s := &in.Filing.Subject
	corp, ok := lists.corpTypeByID(c.CorpType)
	if n, ok2 := platform.NatureByName(corp.CorpTypeName); ok && ok2 {
		s.Nature = n
	} else {
		add(platform.At("subject.nature", "主体性质", platform.CodeTypeUnmapped, orCode(corp.CorpTypeName, strconv.Itoa(c.CorpType)), "主体类型"))
	}
	if t, ok := credByID(corp.CredentialsTypeList, c.CredentialsType); ok {
		if ct, ok := platform.CertTypeByName(t.CredentialsTypeName); ok {
			s.CertType = ct
		} else {
			add(platform.At("subject.cert_type", "主体证件类型", platform.CodeTypeUnmapped, t.CredentialsTypeName, "主体证件类型"))
		}
	} else {
		add(platform.At("subject.cert_type", "主体证件类型", platform.CodeTypeUnmapped, strconv.Itoa(c.CredentialsType), "主体证件类型"))
	}
	s.Name, s.CertNumber, s.CertAddress = c.CredentialsName, c.CredentialsNumber, c.CredentialsAddress
	in.Media.CredentialsPic = pathOf(c.CredentialsPic)
	in.Region = platform.Region{Province: c.ProvinceCode, City: c.CityCode, District: c.RegionCode}
	_, rp := platform.CheckRegion(in.Region, "", areas(lists.RegionList, 0), "region")
	add(rp...)
	if len(c.ProvinceCode) >= 2 {
		s.Province = c.ProvinceCode[:2]
	}
	s.Address, s.Remarks = c.CommunicationAddress, c.Remark
	pr := &s.Principal
	pr.Name, pr.CertNumber = c.InchargePeopleName, c.InchargePeopleCredentialsNumber
	if t, ok := credByID(lists.CredentialsTypeList, c.InchargePeopleCredentialsType); ok {
		if ct, ok := platform.CertTypeByName(t.CredentialsTypeName); ok {
			pr.CertType = ct
		} else {
			add(platform.At("subject.principal.cert_type", "主体负责人证件类型", platform.CodeTypeUnmapped, t.CredentialsTypeName, "负责人证件类型"))
		}
	} else {
		add(platform.At("subject.principal.cert_type", "主体负责人证件类型", platform.CodeTypeUnmapped, strconv.Itoa(c.InchargePeopleCredentialsType), "负责人证件类型"))
	}
	in.Media.PrincipalFront, in.Media.PrincipalBack = pathOf(c.InchargePeopleCredentialsFront), pathOf(c.InchargePeopleCredentialsBack)
	switch {
	case c.InchargePeopleCredentialsValidStartTime <= 0:
		add(platform.At("subject.principal.cert_validity", "主体负责人证件有效期", platform.CodeValidityMissing))
	case !c.InchargePeopleCredentialsHasEndTime:
		pr.CertValidity = filing.Validity{Start: platform.DayOfUnix(c.InchargePeopleCredentialsValidStartTime), LongTerm: true}
	case c.InchargePeopleCredentialsValidEndTime < c.InchargePeopleCredentialsValidStartTime:
		add(platform.At("subject.principal.cert_validity", "主体负责人证件有效期", platform.CodeValidityFormat,
			strconv.FormatInt(c.InchargePeopleCredentialsValidEndTime, 10)))
	default:
		pr.CertValidity = filing.Validity{Start: platform.DayOfUnix(c.InchargePeopleCredentialsValidStartTime),
			End: platform.DayOfUnix(c.InchargePeopleCredentialsValidEndTime)}
	}
	pr.Email, pr.Mobile, pr.EmergencyPhone = c.InchargePeopleEmail, c.InchargePeoplePhone, c.InchargePeopleEmergencyPhone
	in.Media.CorpAuthorityLetter = paths(c.CorpAuthorityLetter)
	in.Media.CorpCommitment = paths(c.CorpCommitment)
	in.Media.CorpOtherMaterials = paths(c.CorpOtherMaterials)
	if n, _ := s.Nature.Info(); !n.Individual {
		// DESIGN: the payload names no legal representative; without an
		// authority letter the principal is taken to be the legal
		// representative (the letter is required otherwise).
		if len(c.CorpAuthorityLetter) == 0 {
			s.LegalRepresentative = pr.Name
		}
		s.AuthorisationLetter = len(c.CorpAuthorityLetter) > 0
	}

	a := p.AppInfo
	const ap = "apps[0]"
	app := filing.App{Kind: filing.AppKindMiniProgram, Host: filing.HostDouyin, Service: filing.Service{ServiceContent: a.Remark}}
	in.Languages = a.AppLanguage
	names, unknown := platform.ServiceTypeNames(a.ServiceContentTypeList, lists.serviceTypes())
	app.Categories = names
	for _, id := range unknown {
		add(platform.At(ap+".categories", "服务内容类型", platform.CodeServiceTypeUnknown, strconv.Itoa(id)))
	}
	if len(unknown) == 0 {
		_, sp := platform.SelectServiceTypes(names, lists.serviceTypes(), ap+".categories")
		add(sp...)
	}
	if a.InvolvePreApproval != (len(a.PreApprovalList) > 0) {
		add(platform.At(ap+".involves", "前置审批项", platform.CodePreApprovalNoneMissing))
	}
	seen := map[int64]bool{}
	for _, d := range a.PreApprovalList {
		var name string
		for _, t := range lists.PreApprovalItemTypeList {
			if t.PreApprovalItemID == d.PreApprovalItemID {
				name = t.PreApprovalItemName
			}
		}
		if seen[d.PreApprovalItemID] {
			add(platform.At(ap+".involves", "前置审批项", platform.CodePreApprovalDuplicate, orCode(name, strconv.FormatInt(d.PreApprovalItemID, 10))))
			continue
		}
		seen[d.PreApprovalItemID] = true
		cat, ok := platform.PreApprovalByName(name)
		if !ok {
			add(platform.At(ap+".involves", "前置审批项", platform.CodeTypeUnmapped, orCode(name, strconv.FormatInt(d.PreApprovalItemID, 10)), "前置审批类型"))
			continue
		}
		app.Involves = append(app.Involves, cat)
		if d.PreApprovalNumber != "" {
			app.PreApprovals = append(app.PreApprovals, filing.PreApproval{Category: cat, Number: d.PreApprovalNumber})
		}
		if fs := paths(d.PreApprovalFiles); len(fs) > 0 {
			if in.Media.PreApprovals == nil {
				in.Media.PreApprovals = map[filing.PreApprovalCategory][]string{}
			}
			in.Media.PreApprovals[cat] = fs
		}
		if d.PreApprovalNumber == "" || len(d.PreApprovalFiles) == 0 {
			add(platform.At(ap+".pre_approvals", "前置审批号", platform.CodePreApprovalNumber, name))
		}
	}
	app.Principal = filing.Person{Email: a.InchargePeopleEmail, Mobile: a.InchargePeoplePhone, EmergencyPhone: a.InchargePeopleEmergencyPhone}
	in.FacialRecognitionToken = a.FacialRecognitionToken
	in.Media.AppAuthorityLetter = paths(a.AppAuthorityLetter)
	in.Media.AppOtherMaterials = paths(a.AppOtherMaterials)
	in.Filing.Apps = []filing.App{app}
	add(platform.UnknownKeys(p)...)
	if len(probs) > 0 {
		return in, &filing.ValidationError{Problems: probs}
	}
	return in, nil
}
