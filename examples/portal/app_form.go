package main

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/beiankit/beian/filing"
)

// The app filing form (APP/小程序/快应用备案, R-70..R-75): a subject on file
// adds an app, a mini-program or a quick app. The subject is named by its
// record number with the fields validation needs; one set of
// responsible-person fields fills both the subject's principal and the
// app's (APP负责人). An app lists its running platforms in rows, one per
// platform (Android, iOS, HarmonyOS, other); a row left blank is not filed.
// Mini-programs and quick apps name their hosting platform instead, and the
// platform rows must stay blank.

// appPlatformRows are the platform rows of the form, in order.
var appPlatformRows = []filing.Platform{filing.PlatformAndroid, filing.PlatformIOS, filing.PlatformHarmonyOS, filing.PlatformOther}

// Field names of the app form beyond those of the website form.
const (
	fieldSubjectNumber = "subject_number"
	fieldAppKind       = "app_kind"
	fieldAppName       = "app_name"
	fieldAppLanguage   = "app_language"
	fieldAppService    = "app_service"
	fieldAppHost       = "app_host"
	fieldAppHostName   = "app_host_name"
	fieldAppHostAppID  = "app_host_app_id"
	fieldAppPlatforms  = "app_platforms"
)

// rowField names a field of platform row i: "p0_identifier".
func rowField(i int, name string) string { return "p" + strconv.Itoa(i) + "_" + name }

// appFieldOrder is the order of the app form's fields above the platform
// rows, and appRowOrder the order of a row's.
var (
	appFieldOrder = []string{fieldSubjectNumber, fieldProvince, fieldSponsorName, fieldNature, fieldCertType, fieldCertNumber,
		fieldAddress, fieldLegalRepresentative, fieldPrincipalName, fieldPrincipalCertType, fieldPrincipalCertNumber, fieldMobile,
		fieldEmail, fieldAppKind, fieldAppName, fieldAppLanguage, fieldAppService, fieldAppHost, fieldAppHostName, fieldAppHostAppID,
		fieldAppPlatforms}
	appRowOrder = []string{"name", "identifier", "public_key", "fingerprint", "algorithm", "domains", "sdk_name", "sdk_vendor"}
)

// appFieldRank is the position of a field of the app form on the page.
func appFieldRank(field string) int {
	if i, ok := rowOf(field); ok {
		return len(appFieldOrder) + i*len(appRowOrder) + slices.Index(appRowOrder, field[strings.IndexByte(field, '_')+1:])
	}
	return slices.Index(appFieldOrder, field)
}

// rowOf is the platform row of a field name made by rowField.
func rowOf(field string) (int, bool) {
	rest, ok := strings.CutPrefix(field, "p")
	i, _, cut := strings.Cut(rest, "_")
	n, err := strconv.Atoi(i)
	return n, ok && cut && err == nil && n >= 0 && n < len(appPlatformRows)
}

// appRow is one platform row as typed.
type appRow struct {
	Platform                               filing.Platform
	Name                                   string // the platform's name, for "other"
	Identifier, PublicKey, Fingerprint     string
	Algorithm, Domains, SDKName, SDKVendor string
}

// Blank reports whether nothing was typed into the row (for the template).
func (r appRow) Blank() bool { return r.blank() }

func (r appRow) blank() bool {
	return strings.TrimSpace(r.Identifier+r.PublicKey+r.Fingerprint+r.Domains+r.SDKName+r.SDKVendor+r.Name) == ""
}

// appForm is the app form as typed.
type appForm struct {
	SubjectNumber, Province, SponsorName, Nature, CertType, CertNumber string
	Address, LegalRepresentative                                       string
	PrincipalName, PrincipalCertType, PrincipalCertNumber              string
	Mobile, Email                                                      string
	Kind, Name, Language, Service, Host, HostName, HostAppID           string
	Rows                                                               []appRow
}

func parseAppForm(v url.Values) appForm {
	f := appForm{
		SubjectNumber: v.Get(fieldSubjectNumber), Province: v.Get(fieldProvince), SponsorName: v.Get(fieldSponsorName),
		Nature: v.Get(fieldNature), CertType: v.Get(fieldCertType), CertNumber: v.Get(fieldCertNumber),
		Address: v.Get(fieldAddress), LegalRepresentative: v.Get(fieldLegalRepresentative),
		PrincipalName: v.Get(fieldPrincipalName), PrincipalCertType: v.Get(fieldPrincipalCertType),
		PrincipalCertNumber: v.Get(fieldPrincipalCertNumber), Mobile: v.Get(fieldMobile), Email: v.Get(fieldEmail),
		Kind: v.Get(fieldAppKind), Name: v.Get(fieldAppName), Language: v.Get(fieldAppLanguage), Service: v.Get(fieldAppService),
		Host: v.Get(fieldAppHost), HostName: v.Get(fieldAppHostName), HostAppID: v.Get(fieldAppHostAppID),
	}
	for i, p := range appPlatformRows {
		f.Rows = append(f.Rows, appRow{
			Platform: p, Name: v.Get(rowField(i, "name")),
			Identifier: v.Get(rowField(i, "identifier")), PublicKey: v.Get(rowField(i, "public_key")),
			Fingerprint: v.Get(rowField(i, "fingerprint")), Algorithm: v.Get(rowField(i, "algorithm")),
			Domains: v.Get(rowField(i, "domains")), SDKName: v.Get(rowField(i, "sdk_name")), SDKVendor: v.Get(rowField(i, "sdk_vendor")),
		})
	}
	return f
}

// filing builds the model from the form, as typed, and the form row of each
// platform of the app (rows[j] is the row of Apps[0].Platforms[j]).
func (af appForm) filing() (f *filing.Filing, rows []int) {
	principal := filing.Person{
		Name: af.PrincipalName, CertType: filing.CertType(af.PrincipalCertType),
		CertNumber: filing.IDNumber(af.PrincipalCertNumber), Mobile: filing.Phone(af.Mobile), Email: filing.Email(af.Email),
	}
	app := filing.App{
		Kind: filing.AppKind(af.Kind),
		Service: filing.Service{
			Name:           af.Name,
			ServiceContent: af.Service,
			Principal:      principal,
		},
		Language:  af.Language,
		Host:      filing.HostPlatform(af.Host),
		HostName:  af.HostName,
		HostAppID: af.HostAppID,
	}
	for i, r := range af.Rows {
		if r.blank() {
			continue
		}
		p := filing.AppPlatform{
			Platform: r.Platform, PlatformName: r.Name, Identifier: r.Identifier, PublicKey: r.PublicKey,
			Fingerprint: r.Fingerprint, FingerprintAlgorithm: filing.HashAlgorithm(r.Algorithm),
		}
		p.Domains = strings.FieldsFunc(r.Domains, func(c rune) bool { return c == ',' || c == '，' || c == ' ' || c == '\n' || c == '、' })
		if strings.TrimSpace(r.SDKName+r.SDKVendor) != "" {
			p.SDKs = []filing.AppSDK{{Name: r.SDKName, Provider: r.SDKVendor}}
		}
		app.Platforms = append(app.Platforms, p)
		rows = append(rows, i)
	}
	return &filing.Filing{
		Subject: filing.Subject{
			Number: af.SubjectNumber, Province: af.Province, Name: af.SponsorName, Nature: filing.Nature(af.Nature),
			CertType: filing.CertType(af.CertType), CertNumber: filing.IDNumber(af.CertNumber), Address: af.Address,
			Principal: principal, LegalRepresentative: af.LegalRepresentative,
		},
		Apps: []filing.App{app},
	}, rows
}

// appFieldOf maps a problem or conflict path of the app filing to the form
// field it is shown next to ("" for none).
func appFieldOf(path string, rows []int) string {
	switch path {
	case "subject.number":
		return fieldSubjectNumber
	case "apps[0].kind":
		return fieldAppKind
	case "apps[0].name":
		return fieldAppName
	case "apps[0].language":
		return fieldAppLanguage
	case "apps[0].service_content":
		return fieldAppService
	case "apps[0].host":
		return fieldAppHost
	case "apps[0].host_name":
		return fieldAppHostName
	case "apps[0].host_app_id":
		return fieldAppHostAppID
	case "apps[0].platforms", "apps[0].access":
		return fieldAppPlatforms
	}
	if rest, ok := strings.CutPrefix(path, "apps[0].principal."); ok {
		return fieldOfPath["subject.principal."+rest]
	}
	if rest, ok := strings.CutPrefix(path, "apps[0].platforms["); ok {
		k := strings.IndexByte(rest, ']')
		j, err := strconv.Atoi(rest[:max(k, 0)])
		if k < 0 || err != nil || j >= len(rows) {
			return fieldAppPlatforms
		}
		field := strings.TrimPrefix(rest[k+1:], ".")
		field, _, _ = strings.Cut(field, "[")
		switch field {
		case "platform_name":
			field = "name"
		case "fingerprint_algorithm":
			field = "algorithm"
		case "sdks":
			field = "sdk_name"
		case "identifier", "public_key", "fingerprint", "domains":
		default:
			return fieldAppPlatforms
		}
		return rowField(rows[j], field)
	}
	return fieldOfPath[path]
}

// sampleAppForm prefills the app form: the Guizhou subject on file in the
// sample record set adds an app on Android and iOS.
func sampleAppForm() appForm {
	f := appForm{
		SubjectNumber: "黔ICP备2021004567号", Province: "52", SponsorName: "贵州山茶文化传播有限公司",
		Nature: string(filing.NatureEnterprise), CertType: string(filing.CertBusinessLicence), CertNumber: "91520100MA6DTY2W56",
		Address: "贵州省贵阳市云岩区中华北路1号", LegalRepresentative: "陈静",
		PrincipalName: "陈静", PrincipalCertType: string(filing.CertResidentID), PrincipalCertNumber: "52010219881112002X",
		Mobile: "13985012346", Email: "chenjing@guizhou-tea.cn",
		Kind: string(filing.AppKindApp), Name: "山茶文化", Language: "中文简体", Service: "茶文化资讯与线上课程",
	}
	for _, p := range appPlatformRows {
		f.Rows = append(f.Rows, appRow{Platform: p})
	}
	f.Rows[0] = appRow{Platform: filing.PlatformAndroid, Identifier: "cn.guizhoutea.app",
		PublicKey: "C3A1F09B5E7D24681357ACE02468BDF13579ACE02468BDF13579ACE02468BDF1", Fingerprint: "3F:2A:9C:11:47:B0:6E:D5:82:0C:19:A4:7B:E3:55:C8",
		Domains: "api.guizhou-tea.cn", SDKName: "微信开放平台SDK", SDKVendor: "深圳市腾讯计算机系统有限公司"}
	f.Rows[1] = appRow{Platform: filing.PlatformIOS, Identifier: "cn.guizhoutea.App",
		PublicKey: "D4B2E1AC6F8E35792468BDF13579ACE02468BDF13579ACE02468BDF13579ACE0", Fingerprint: "8a:41:0f:c2:93:5d:e7:16:b8:2c:4a:f0:d9:63:7e:15:a2:c4:08:b1",
		Domains: "api.guizhou-tea.cn"}
	return f
}

// values is the inverse of parseAppForm.
func (af appForm) values() url.Values {
	v := url.Values{
		fieldSubjectNumber: {af.SubjectNumber}, fieldProvince: {af.Province}, fieldSponsorName: {af.SponsorName},
		fieldNature: {af.Nature}, fieldCertType: {af.CertType}, fieldCertNumber: {af.CertNumber},
		fieldAddress: {af.Address}, fieldLegalRepresentative: {af.LegalRepresentative},
		fieldPrincipalName: {af.PrincipalName}, fieldPrincipalCertType: {af.PrincipalCertType},
		fieldPrincipalCertNumber: {af.PrincipalCertNumber}, fieldMobile: {af.Mobile}, fieldEmail: {af.Email},
		fieldAppKind: {af.Kind}, fieldAppName: {af.Name}, fieldAppLanguage: {af.Language}, fieldAppService: {af.Service},
		fieldAppHost: {af.Host}, fieldAppHostName: {af.HostName}, fieldAppHostAppID: {af.HostAppID},
	}
	for i, r := range af.Rows {
		v.Set(rowField(i, "name"), r.Name)
		v.Set(rowField(i, "identifier"), r.Identifier)
		v.Set(rowField(i, "public_key"), r.PublicKey)
		v.Set(rowField(i, "fingerprint"), r.Fingerprint)
		v.Set(rowField(i, "algorithm"), r.Algorithm)
		v.Set(rowField(i, "domains"), r.Domains)
		v.Set(rowField(i, "sdk_name"), r.SDKName)
		v.Set(rowField(i, "sdk_vendor"), r.SDKVendor)
	}
	return v
}
