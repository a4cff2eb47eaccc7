package filing

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"

	"github.com/beiankit/beian/filing/domain"
	"github.com/go-playground/validator/v10"
)

// Step 2 of Validate: the field pass. The normalised filing is walked by
// the validator/v10 tags on the model structs, through the cached plans of
// validate_plan.go (or validator.Struct for tags the plans leave to it);
// every field error becomes a *Problem at its JSON path with its Chinese
// label, the problem of the check behind the tag (id.checksum,
// domain.tld_not_approved, ...) rather than a generic "invalid". In reading
// order: fieldPass and the translation of field errors; the shared engine;
// the custom tags (RegisterTags); the Chinese labels of the paths.

// Problems of one field that the field pass reports when no check of its
// own gives a more precise one.
var (
	CodeRequired        = define("filing.required", "R-04", "请填写“%s”", "field %s is required")
	CodeTooLong         = define("filing.too_long", "R-09", "“%s”过长，最多%s个字符", "field %s is longer than %s characters")
	CodeTooMany         = define("filing.too_many", "R-09", "“%s”最多填写%s项", "field %s has more than %s entries")
	CodeInvalid         = define("filing.invalid", "R-09", "“%s”填写不正确", "field %s is invalid")
	CodeProvinceUnknown = define("subject.province_unknown", "R-06", "省份不正确，请选择主办单位住所所在的省份", "province must be a two-digit GB/T 2260 province code")
	CodeNatureUnknown   = define("subject.nature_unknown", "R-05", "主办单位性质不正确，请从列表中选择", "unknown subject nature")
	CodePreApprovalType = define("website.preapproval_unknown", "R-07", "前置审批类型不正确，请从列表中选择", "unknown pre-approval category")
	CodeStatusUnknown   = define("filing.status_unknown", "R-10", "备案状态不正确", "unknown lifecycle status")
)

// fieldPass checks the fields by their tags and appends a Problem per field
// error. It returns the set of paths that failed (nil when none), so that
// the rules pass does not pile further problems on a broken value. It walks
// the filing by the cached plan of its tags (validate_plan.go), or with
// validator.Struct when a tag needs it (fieldPassValidator); both give the
// same field errors in the same order.
func (v *Validator) fieldPass(f *Filing, m *memo, ps *problems) map[string]bool {
	var fails []fieldFail
	ok := false
	if !v.o.viaValidator {
		fails, ok = walkPlan(reflect.ValueOf(f).Elem(), m)
	}
	if !ok {
		var err error
		if fails, err = validatorFails(f, m); err != nil {
			ps.add(newProblem(CodeValidatorInternal, err.Error()))
			return nil
		}
	}
	return addFails(fails, m, ps)
}

// validatorFails runs validator.Struct over x, a pointer to a struct, and
// returns its field errors.
func validatorFails(x any, m *memo) ([]fieldFail, error) {
	eng, err := theEngine()
	if err != nil {
		return nil, err
	}
	err = eng.StructCtx(context.WithValue(context.Background(), memoKey{}, m), x)
	if err == nil {
		return nil, nil
	}
	var fes validator.ValidationErrors
	if !errors.As(err, &fes) {
		return nil, err
	}
	root := reflect.ValueOf(x).Elem()
	fails := make([]fieldFail, len(fes))
	for i, fe := range fes {
		fails[i] = fieldFail{tag: fe.Tag(), param: fe.Param(), kind: fe.Kind(), path: jsonPath(fe.Namespace()), value: valueString(fe)}
		if fe.Tag() == TagCertNumber || fe.Tag() == TagHomeURL {
			fails[i].parent = parentOf(root, fe.StructNamespace())
		}
	}
	return fails, nil
}

// addFails appends the Problem of each field error and returns the set of
// failed paths.
func addFails(fails []fieldFail, m *memo, ps *problems) map[string]bool {
	if len(fails) == 0 {
		return nil
	}
	failed := make(map[string]bool, len(fails))
	for i := range fails {
		ff := &fails[i]
		label := Label(ff.path)
		ps.addAt(translate(ff, label, m), ff.path, label)
		failed[ff.path] = true
	}
	return failed
}

// jsonPath turns a validator namespace ("Filing.websites[0].domains[1]",
// "Filing.apps[0].(inline).name") into the JSON path
// ("websites[0].domains[1]", "apps[0].name"): the root and the steps into
// embedded structs, whose fields encoding/json promotes, are left out.
func jsonPath(ns string) string {
	_, rest, ok := strings.Cut(ns, ".")
	if !ok {
		return ns
	}
	return strings.ReplaceAll(rest, inlined+".", "")
}

// inlined is the name jsonName gives an embedded struct without a JSON name
// (Service), for jsonPath to leave out.
const inlined = "(inline)"

// translate builds the Problem of one field error.
//
// The checks run again (on the value that failed) to get their Problem,
// with the validation's memo: the same clock as the field pass, and a
// failed value is never in the memo, so nothing is skipped.
func translate(ff *fieldFail, label string, m *memo) *Problem {
	switch ff.tag {
	case "required":
		return problemZhEn(CodeRequired, []any{label}, []any{ff.path})
	case "min":
		return problemZhEn(CodeRequired, []any{label}, []any{ff.path})
	case "max":
		if ff.kind == reflect.Slice {
			return problemZhEn(CodeTooMany, []any{label, ff.param}, []any{ff.path, ff.param})
		}
		return problemZhEn(CodeTooLong, []any{label, ff.param}, []any{ff.path, ff.param})
	case TagCertNumber:
		if p := certNumberProblem(m, ff.parent, ff.value); p != nil {
			return p
		}
	case TagHomeURL:
		if p := homeURLProblem(nil, ff.parent, ff.value); p != nil {
			return p
		}
	default:
		if check, ok := tagChecks[ff.tag]; ok {
			if p := check(m, ff.value); p != nil {
				return p
			}
		}
	}
	return problemZhEn(CodeInvalid, []any{label}, []any{ff.path})
}

func valueString(fe validator.FieldError) string {
	v := reflect.ValueOf(fe.Value())
	if v.Kind() == reflect.String {
		return v.String()
	}
	return ""
}

// parentOf walks a validator struct namespace ("Filing.Websites[0].HomeURL")
// from root and returns the struct holding the last field.
func parentOf(root reflect.Value, ns string) reflect.Value {
	parts := strings.Split(ns, ".")
	v := root
	for _, part := range parts[1 : len(parts)-1] {
		name, idx := part, -1
		if i := strings.IndexByte(part, '['); i >= 0 && strings.HasSuffix(part, "]") {
			name = part[:i]
			n, err := strconv.Atoi(part[i+1 : len(part)-1])
			if err != nil {
				return reflect.Value{}
			}
			idx = n
		}
		if v.Kind() != reflect.Struct {
			return reflect.Value{}
		}
		v = v.FieldByName(name)
		if idx >= 0 {
			if v.Kind() != reflect.Slice || idx >= v.Len() {
				return reflect.Value{}
			}
			v = v.Index(idx)
		}
	}
	return v
}

// problemZhEn builds a Problem whose two messages take different arguments.
func problemZhEn(code Code, zh, en []any) *Problem {
	p := newProblem(code)
	p.Zh = sprintf(code.MessageZh(), zh)
	p.En = sprintf(code.MessageEn(), en)
	return p
}

var (
	engineOnce sync.Once
	engine     *validator.Validate
	engineErr  error
)

// theEngine returns the shared validator, built once.
func theEngine() (*validator.Validate, error) {
	engineOnce.Do(func() {
		v := validator.New(validator.WithRequiredStructEnabled())
		v.RegisterTagNameFunc(jsonName)
		engineErr = RegisterTags(v)
		engine = v
	})
	return engine, engineErr
}

// jsonName names struct fields by their JSON names in paths.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	switch {
	case name == "-":
		return ""
	case name == "" && f.Anonymous && f.Type.Kind() == reflect.Struct:
		return inlined
	case name == "":
		return f.Name
	}
	return name
}

// Custom validation tags registered by RegisterTags. Each checks a string
// field (or a string-kinded type such as IDNumber, Phone, Email, Nature)
// with the function named; the problem reported is the function's own.
//
//	cn_resident_id  certno.CheckResidentID   cn_uscc        certno.CheckUSCC
//	cn_orgcode      certno.CheckOrgCode      cn_mobile      contact.CheckMobile
//	cn_landline     contact.CheckLandline    cn_phone       contact.NormalizePhone
//	cn_email        contact.CheckEmail       icp_domain     domain.CheckDomain
//	cn_province     ProvinceByCode           cn_nature      Nature.Info
//	cn_cert_type    CertType.Info            cn_preapproval PreApprovalCategory.Info
//	icp_status      a lifecycle Status
//	cn_cert_number  certno.CheckCertNumber with the CertType field of the same struct
//	icp_home_url    domain.CheckHomeURL with the Domains field of the same struct
const (
	TagResidentID  = "cn_resident_id"
	TagUSCC        = "cn_uscc"
	TagOrgCode     = "cn_orgcode"
	TagMobile      = "cn_mobile"
	TagLandline    = "cn_landline"
	TagPhone       = "cn_phone"
	TagEmail       = "cn_email"
	TagDomain      = "icp_domain"
	TagHomeURL     = "icp_home_url"
	TagProvince    = "cn_province"
	TagNature      = "cn_nature"
	TagCertType    = "cn_cert_type"
	TagCertNumber  = "cn_cert_number"
	TagPreApproval = "cn_preapproval"
	TagStatus      = "icp_status"
)

// tagChecks are the custom tags that check a lone string value.
var tagChecks = map[string]func(*memo, string) *Problem{
	TagResidentID: func(m *memo, s string) *Problem { return problemOf(checkResidentID(s, m.at())) },
	TagUSCC:       func(_ *memo, s string) *Problem { return problemOf(certno.CheckUSCC(s)) },
	TagOrgCode:    func(_ *memo, s string) *Problem { return problemOf(certno.CheckOrgCode(s)) },
	TagMobile:     func(_ *memo, s string) *Problem { return problemOf(contact.CheckMobile(s)) },
	TagLandline:   func(_ *memo, s string) *Problem { return problemOf(contact.CheckLandline(s)) },
	TagPhone: func(_ *memo, s string) *Problem {
		_, err := contact.NormalizePhone(s)
		return problemOf(err)
	},
	TagEmail: func(_ *memo, s string) *Problem { return problemOf(contact.CheckEmail(s)) },
	TagDomain: func(m *memo, s string) *Problem {
		_, p := m.dm().Check(s)
		return p
	},
	TagProvince: func(_ *memo, s string) *Problem {
		if _, ok := ProvinceByCode(s); !ok {
			return newProblem(CodeProvinceUnknown)
		}
		return nil
	},
	TagNature: func(_ *memo, s string) *Problem {
		if _, ok := Nature(s).Info(); !ok {
			return newProblem(CodeNatureUnknown)
		}
		return nil
	},
	TagCertType: func(_ *memo, s string) *Problem {
		if _, ok := CertType(s).Info(); !ok {
			return newProblem(certno.CodeCertUnknownType)
		}
		return nil
	},
	TagPreApproval: func(_ *memo, s string) *Problem {
		if _, ok := PreApprovalCategory(s).Info(); !ok {
			return newProblem(CodePreApprovalType)
		}
		return nil
	},
	TagStatus: func(_ *memo, s string) *Problem {
		if Status(s).Valid() {
			return nil
		}
		return newProblem(CodeStatusUnknown)
	},
}

// problemOf returns err as a *Problem (nil for nil).
func problemOf(err error) *Problem {
	if err == nil {
		return nil
	}
	var p *Problem
	if errors.As(err, &p) {
		return p
	}
	return &Problem{Code: CodeInvalid, Zh: "填写不正确", En: err.Error()}
}

// RegisterTags registers this package's custom tags (see TagResidentID and
// the list above) on a validator/v10 instance, so that callers can use them
// on their own structs. cn_cert_number expects a sibling field named
// CertType, icp_home_url a sibling []string field named Domains.
func RegisterTags(v *validator.Validate) error {
	for tag, check := range tagChecks {
		if err := v.RegisterValidationCtx(tag, func(ctx context.Context, fl validator.FieldLevel) bool {
			return check(memoFrom(ctx), fl.Field().String()) == nil
		}); err != nil {
			return err
		}
	}
	if err := v.RegisterValidationCtx(TagCertNumber, func(ctx context.Context, fl validator.FieldLevel) bool {
		return certNumberProblem(memoFrom(ctx), fl.Parent(), fl.Field().String()) == nil
	}); err != nil {
		return err
	}
	return v.RegisterValidationCtx(TagHomeURL, func(ctx context.Context, fl validator.FieldLevel) bool {
		return homeURLProblem(memoFrom(ctx), fl.Parent(), fl.Field().String()) == nil
	})
}

// certNumberProblem checks a certificate number against the CertType field
// of its struct. An unknown type is the cn_cert_type tag's to report.
func certNumberProblem(m *memo, parent reflect.Value, number string) *Problem {
	return certNumberCheck(m, CertType(stringField(parent, "CertType")), number)
}

// certNumberCheck checks a certificate number of type t.
func certNumberCheck(m *memo, t CertType, number string) *Problem {
	if _, ok := t.Info(); !ok {
		return nil
	}
	_, err := normalizeCertNumberAt(t, number, m.at())
	return problemOf(err)
}

// homeURLProblem checks a home URL against the Domains field of its struct.
func homeURLProblem(m *memo, parent reflect.Value, raw string) *Problem {
	var domains reflect.Value
	if parent.Kind() == reflect.Struct {
		domains = parent.FieldByName("Domains")
	}
	return homeURLCheck(m, domains, raw)
}

// homeURLCheck checks a home URL against domains, the value of the Domains
// field of its struct (invalid when there is none).
func homeURLCheck(m *memo, domains reflect.Value, raw string) *Problem {
	_, p := m.dm().CheckHomeURL(raw, func(host string) bool {
		if !domains.IsValid() || domains.Kind() != reflect.Slice {
			return false
		}
		for i := 0; i < domains.Len(); i++ {
			if a, err := m.dm().Normalize(domains.Index(i).String()); err == nil && domain.Under(host, a) {
				return true
			}
		}
		return false
	})
	return p
}

func stringField(v reflect.Value, name string) string {
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return ""
	}
	f := v.FieldByName(name)
	if !f.IsValid() || f.Kind() != reflect.String {
		return ""
	}
	return f.String()
}

// Chinese field labels as the filing system shows them, by JSON path with
// the indices left out ("websites[].domains[]"). The Service part's fields
// are labelled under websites[] and apps[] alike, a person's fields by the
// role: 主体负责人 under subject.principal, 网站负责人 under
// websites[].principal, APP负责人 under apps[].principal.
var labels = func() map[string]string {
	m := map[string]string{
		"subject":                      "主体信息",
		"subject.number":               "主体备案号",
		"subject.province":             "主办单位所在省份",
		"subject.name":                 "主办单位名称",
		"subject.nature":               "主办单位性质",
		"subject.cert_type":            "主办单位证件类型",
		"subject.cert_number":          "主办单位证件号码",
		"subject.cert_address":         "主办单位证件住所",
		"subject.address":              "主办单位通信地址",
		"subject.legal_representative": "法定代表人姓名",
		"subject.authorisation_letter": "主体负责人授权说明书",
		"subject.residence_permit":     "居住证",
		"subject.status":               "主体备案状态",
		"subject.remarks":              "备注",

		"websites[].domains":   "网站域名",
		"websites[].domains[]": "网站域名",
		"websites[].home_url":  "网站首页网址",

		"apps[].kind":                              "应用类型",
		"apps[].categories":                        "应用类目",
		"apps[].categories[]":                      "应用类目",
		"apps[].language":                          "应用语种",
		"apps[].platforms":                         "运行平台",
		"apps[].platforms[]":                       "运行平台",
		"apps[].platforms[].platform":              "运行平台",
		"apps[].platforms[].platform_name":         "运行平台名称",
		"apps[].platforms[].identifier":            "包名/Bundle ID",
		"apps[].platforms[].public_key":            "公钥",
		"apps[].platforms[].fingerprint":           "签名值（证书指纹）",
		"apps[].platforms[].fingerprint_algorithm": "签名值算法",
		"apps[].platforms[].domains":               "应用域名",
		"apps[].platforms[].domains[]":             "应用域名",
		"apps[].platforms[].sdks":                  "第三方SDK",
		"apps[].platforms[].sdks[]":                "第三方SDK",
		"apps[].platforms[].sdks[].name":           "SDK名称",
		"apps[].platforms[].sdks[].provider":       "SDK服务厂商",
		"apps[].platforms[].sdks[].purpose":        "SDK功能类型",
		"apps[].host":                              "小程序/快应用所属平台",
		"apps[].host_name":                         "所属平台名称",
		"apps[].host_app_id":                       "平台AppID",
	}
	service := map[string]string{
		".involves":                    "涉及前置审批的内容",
		".involves[]":                  "涉及前置审批的内容",
		".pre_approvals":               "前置审批文件",
		".pre_approvals[]":             "前置审批文件",
		".pre_approvals[].category":    "前置审批类型",
		".pre_approvals[].number":      "前置审批文号",
		".pre_approvals[].authority":   "审批机关",
		".pre_approvals[].valid_until": "审批文件有效期至",
		".access":                      "接入信息",
		".access[]":                    "接入信息",
		".access[].isp":                "接入服务商",
		".access[].isp_province":       "接入服务商所在省份",
		".access[].since":              "接入开始时间",
		".access[].until":              "取消接入时间",
	}
	person := map[string]string{
		"":                 "",
		".name":            "姓名",
		".cert_type":       "证件类型",
		".cert_number":     "证件号码",
		".mobile":          "手机号码",
		".landline":        "固定电话",
		".emergency_phone": "应急联系电话",
		".email":           "电子邮箱",
	}
	for _, s := range []struct{ path, what, role, ips string }{
		{"websites", "网站", "网站负责人", "网站IP地址"},
		{"apps", "应用", "APP负责人", "IP地址"},
	} {
		m[s.path], m[s.path+"[]"] = s.what+"信息", s.what+"信息"
		for field, suffix := range map[string]string{".number": "备案号", ".name": "名称", ".service_content": "服务内容", ".status": "备案状态"} {
			m[s.path+"[]"+field] = s.what + suffix
		}
		for field, l := range service {
			m[s.path+"[]"+field] = l
		}
		m[s.path+"[].access[].ips"] = s.ips
		for field, l := range person {
			m[s.path+"[].principal"+field] = s.role + l
		}
	}
	for field, l := range person {
		m["subject.principal"+field] = "主体负责人" + l
	}
	return m
}()

// Label returns the Chinese label of a field by its JSON path in a Filing
// ("websites[0].domains[1]" → "网站域名", "subject.principal.mobile" →
// "主体负责人手机号码"), or "" for an unknown path.
func Label(path string) string {
	if l, ok := labels[path]; ok {
		return l
	}
	return labels[stripIndices(path)]
}

// stripIndices removes the digits between brackets: "a[12].b[3]" → "a[].b[]".
func stripIndices(path string) string {
	if !strings.Contains(path, "[") {
		return path
	}
	b := make([]byte, 0, len(path))
	in := false
	for i := 0; i < len(path); i++ {
		c := path[i]
		switch {
		case c == '[':
			in = true
		case c == ']':
			in = false
		case in:
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

func sprintf(format string, args []any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}
