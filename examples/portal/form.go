package main

import (
	"net/url"

	"github.com/beiankit/beian/filing"
)

// Names of the form fields. The form has one subject and one website, and one
// set of responsible-person fields that the portal files both as the subject's
// principal (主体负责人) and as the website's (网站负责人), which is what most
// small subjects do.
const (
	fieldProvince            = "province"
	fieldSponsorName         = "sponsor_name"
	fieldNature              = "nature"
	fieldCertType            = "cert_type"
	fieldCertNumber          = "cert_number"
	fieldAddress             = "address"
	fieldLegalRepresentative = "legal_representative"
	fieldAuthorisationLetter = "authorisation_letter"
	fieldResidencePermit     = "residence_permit"
	fieldPrincipalName       = "principal_name"
	fieldPrincipalCertType   = "principal_cert_type"
	fieldPrincipalCertNumber = "principal_cert_number"
	fieldMobile              = "mobile"
	fieldLandline            = "landline"
	fieldEmail               = "email"
	fieldWebsiteName         = "website_name"
	fieldDomain              = "domain"
	fieldHomeURL             = "home_url"
	fieldServiceContent      = "service_content"
)

// fieldOfPath maps the JSON paths of filing.Problem.Path and
// conflict.Conflict.Path to the form field the problem is shown next to.
// Paths that are not listed (rules about the whole filing) are shown above
// the form.
var fieldOfPath = map[string]string{
	"subject.province":             fieldProvince,
	"subject.name":                 fieldSponsorName,
	"subject.nature":               fieldNature,
	"subject.cert_type":            fieldCertType,
	"subject.cert_number":          fieldCertNumber,
	"subject.address":              fieldAddress,
	"subject.legal_representative": fieldLegalRepresentative,
	"subject.authorisation_letter": fieldAuthorisationLetter,
	"subject.residence_permit":     fieldResidencePermit,

	"subject.principal.name":            fieldPrincipalName,
	"subject.principal.cert_type":       fieldPrincipalCertType,
	"subject.principal.cert_number":     fieldPrincipalCertNumber,
	"subject.principal.mobile":          fieldMobile,
	"subject.principal.landline":        fieldLandline,
	"subject.principal.email":           fieldEmail,
	"websites[0].principal.name":        fieldPrincipalName,
	"websites[0].principal.cert_type":   fieldPrincipalCertType,
	"websites[0].principal.cert_number": fieldPrincipalCertNumber,
	"websites[0].principal.mobile":      fieldMobile,
	"websites[0].principal.landline":    fieldLandline,
	"websites[0].principal.email":       fieldEmail,

	"websites[0].name":            fieldWebsiteName,
	"websites[0].domains":         fieldDomain,
	"websites[0].domains[0]":      fieldDomain,
	"websites[0].home_url":        fieldHomeURL,
	"websites[0].service_content": fieldServiceContent,
}

// filingForm is the form as the user typed it. It is what the form is
// re-rendered with, so the user corrects their own input, not the
// normalised form of it.
type filingForm struct {
	Province            string
	SponsorName         string
	Nature              string
	CertType            string
	CertNumber          string
	Address             string
	LegalRepresentative string
	AuthorisationLetter bool
	ResidencePermit     bool
	PrincipalName       string
	PrincipalCertType   string
	PrincipalCertNumber string
	Mobile              string
	Landline            string
	Email               string
	WebsiteName         string
	Domain              string
	HomeURL             string
	ServiceContent      string
}

// parseForm reads the posted form. Missing fields are empty strings:
// validation reports them.
func parseForm(v url.Values) filingForm {
	return filingForm{
		Province:            v.Get(fieldProvince),
		SponsorName:         v.Get(fieldSponsorName),
		Nature:              v.Get(fieldNature),
		CertType:            v.Get(fieldCertType),
		CertNumber:          v.Get(fieldCertNumber),
		Address:             v.Get(fieldAddress),
		LegalRepresentative: v.Get(fieldLegalRepresentative),
		AuthorisationLetter: v.Get(fieldAuthorisationLetter) != "",
		ResidencePermit:     v.Get(fieldResidencePermit) != "",
		PrincipalName:       v.Get(fieldPrincipalName),
		PrincipalCertType:   v.Get(fieldPrincipalCertType),
		PrincipalCertNumber: v.Get(fieldPrincipalCertNumber),
		Mobile:              v.Get(fieldMobile),
		Landline:            v.Get(fieldLandline),
		Email:               v.Get(fieldEmail),
		WebsiteName:         v.Get(fieldWebsiteName),
		Domain:              v.Get(fieldDomain),
		HomeURL:             v.Get(fieldHomeURL),
		ServiceContent:      v.Get(fieldServiceContent),
	}
}

// values is the inverse of parseForm.
func (ff filingForm) values() url.Values {
	v := url.Values{
		fieldProvince:            {ff.Province},
		fieldSponsorName:         {ff.SponsorName},
		fieldNature:              {ff.Nature},
		fieldCertType:            {ff.CertType},
		fieldCertNumber:          {ff.CertNumber},
		fieldAddress:             {ff.Address},
		fieldLegalRepresentative: {ff.LegalRepresentative},
		fieldPrincipalName:       {ff.PrincipalName},
		fieldPrincipalCertType:   {ff.PrincipalCertType},
		fieldPrincipalCertNumber: {ff.PrincipalCertNumber},
		fieldMobile:              {ff.Mobile},
		fieldLandline:            {ff.Landline},
		fieldEmail:               {ff.Email},
		fieldWebsiteName:         {ff.WebsiteName},
		fieldDomain:              {ff.Domain},
		fieldHomeURL:             {ff.HomeURL},
		fieldServiceContent:      {ff.ServiceContent},
	}
	if ff.AuthorisationLetter {
		v.Set(fieldAuthorisationLetter, "1")
	}
	if ff.ResidencePermit {
		v.Set(fieldResidencePermit, "1")
	}
	return v
}

// filing builds the SDK's model from the form, as typed. The caller
// normalises it (filing.NormalizeFiling) before validating and storing it.
func (ff filingForm) filing() *filing.Filing {
	principal := filing.Person{
		Name:       ff.PrincipalName,
		CertType:   filing.CertType(ff.PrincipalCertType),
		CertNumber: filing.IDNumber(ff.PrincipalCertNumber),
		Mobile:     filing.Phone(ff.Mobile),
		Landline:   filing.Phone(ff.Landline),
		Email:      filing.Email(ff.Email),
	}
	return &filing.Filing{
		Subject: filing.Subject{
			Province:            ff.Province,
			Name:                ff.SponsorName,
			Nature:              filing.Nature(ff.Nature),
			CertType:            filing.CertType(ff.CertType),
			CertNumber:          filing.IDNumber(ff.CertNumber),
			Address:             ff.Address,
			Principal:           principal,
			LegalRepresentative: ff.LegalRepresentative,
			AuthorisationLetter: ff.AuthorisationLetter,
			ResidencePermit:     ff.ResidencePermit,
		},
		Websites: []filing.Website{{
			Service: filing.Service{
				Name:           ff.WebsiteName,
				ServiceContent: ff.ServiceContent,
				Principal:      principal,
			},
			Domains: []string{ff.Domain},
			HomeURL: ff.HomeURL,
		}},
	}
}

// sampleForm is the sample the empty form is prefilled with: a Guizhou
// enterprise whose numbers pass their national checksums. Submitting it once
// succeeds; submitting it again is refused because the first filing is under
// review.
func sampleForm() filingForm {
	return filingForm{
		Province:            "52",
		SponsorName:         "贵阳云桥网络科技有限公司",
		Nature:              string(filing.NatureEnterprise),
		CertType:            string(filing.CertBusinessLicence),
		CertNumber:          "91520100MA6H7K2Q1D",
		Address:             "贵州省贵阳市观山湖区长岭北路1号",
		LegalRepresentative: "王磊",
		PrincipalName:       "王磊",
		PrincipalCertType:   string(filing.CertResidentID),
		PrincipalCertNumber: "520102199003071236",
		Mobile:              "13985012345",
		Landline:            "0851-86801234",
		Email:               "wanglei@yunqiao-tech.cn",
		WebsiteName:         "云桥科技官网",
		Domain:              "yunqiao-tech.cn",
		HomeURL:             "https://www.yunqiao-tech.cn",
		ServiceContent:      "企业官网，介绍公司的产品与服务",
	}
}
