package filing

import (
	"context"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
)

// The validator/v10 engine: custom tags, JSON names, and the translation of
// validator.FieldError into *Problem.

// Custom validation tags registered by RegisterTags. Each checks a string
// field (or a string-kinded type such as IDNumber, Phone, Email, Nature)
// with the function named; the problem reported is the function's own.
//
//	cn_resident_id  CheckResidentID        cn_uscc      CheckUSCC
//	cn_orgcode      CheckOrgCode           cn_mobile    CheckMobile
//	cn_landline     CheckLandline          cn_phone     NormalizePhone (mobile or landline)
//	cn_email        CheckEmail             icp_domain   CheckDomain
//	cn_province     ProvinceByCode         cn_nature    Nature.Info
//	cn_cert_type    CertType.Info          cn_preapproval PreApprovalCategory.Info
//	icp_status      a lifecycle Status
//	cn_cert_number  CheckCertNumber with the CertType field of the same struct
//	icp_home_url    CheckHomeURL with the Domains field of the same struct
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
	TagUSCC:       func(_ *memo, s string) *Problem { return problemOf(CheckUSCC(s)) },
	TagOrgCode:    func(_ *memo, s string) *Problem { return problemOf(CheckOrgCode(s)) },
	TagMobile:     func(_ *memo, s string) *Problem { return problemOf(CheckMobile(s)) },
	TagLandline:   func(_ *memo, s string) *Problem { return problemOf(CheckLandline(s)) },
	TagPhone: func(_ *memo, s string) *Problem {
		_, err := NormalizePhone(s)
		return problemOf(err)
	},
	TagEmail: func(_ *memo, s string) *Problem { return problemOf(CheckEmail(s)) },
	TagDomain: func(m *memo, s string) *Problem {
		_, p := m.checkDomain(s)
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
			return newProblem(CodeCertUnknownType)
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
	t := CertType(stringField(parent, "CertType"))
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
	_, p := m.checkHomeURL(raw, func(host string) bool {
		if !domains.IsValid() || domains.Kind() != reflect.Slice {
			return false
		}
		for i := 0; i < domains.Len(); i++ {
			if a, err := m.normalizeDomain(domains.Index(i).String()); err == nil && hasDomainSuffix(host, a) {
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
	switch name {
	case "-":
		return ""
	case "":
		return f.Name
	}
	return name
}

// fieldPass runs the validator over the filing and appends a Problem per
// field error. It returns the set of paths that failed (nil when none), so
// that the rules pass does not pile further problems on a broken value.
func (v *Validator) fieldPass(f *Filing, m *memo, ps *problems) map[string]bool {
	eng, err := theEngine()
	if err != nil {
		ps.add(newProblem(CodeValidatorInternal, err.Error()))
		return nil
	}
	err = eng.StructCtx(context.WithValue(context.Background(), memoKey{}, m), f)
	if err == nil {
		return nil
	}
	var fes validator.ValidationErrors
	if !errors.As(err, &fes) {
		ps.add(newProblem(CodeValidatorInternal, err.Error()))
		return nil
	}
	failed := make(map[string]bool, len(fes))
	root := reflect.ValueOf(f).Elem()
	for _, fe := range fes {
		path := jsonPath(fe.Namespace())
		label := Label(path)
		ps.addAt(translate(fe, root, label, m), path, label)
		failed[path] = true
	}
	return failed
}

// jsonPath turns a validator namespace ("Filing.websites[0].domains[1]")
// into the JSON path ("websites[0].domains[1]").
func jsonPath(ns string) string {
	_, rest, ok := strings.Cut(ns, ".")
	if !ok {
		return ns
	}
	return rest
}

// translate builds the Problem of one field error.
//
// The checks run again (on the value the validator reports) to get their
// Problem, with the validation's memo: the same clock as the field pass,
// and a failed value is never in the memo, so nothing is skipped.
func translate(fe validator.FieldError, root reflect.Value, label string, m *memo) *Problem {
	switch fe.Tag() {
	case "required":
		return problemZhEn(CodeRequired, []any{label}, []any{jsonPath(fe.Namespace())})
	case "min":
		return problemZhEn(CodeRequired, []any{label}, []any{jsonPath(fe.Namespace())})
	case "max":
		if fe.Kind() == reflect.Slice {
			return problemZhEn(CodeTooMany, []any{label, fe.Param()}, []any{jsonPath(fe.Namespace()), fe.Param()})
		}
		return problemZhEn(CodeTooLong, []any{label, fe.Param()}, []any{jsonPath(fe.Namespace()), fe.Param()})
	case TagCertNumber:
		if p := certNumberProblem(m, parentOf(root, fe.StructNamespace()), valueString(fe)); p != nil {
			return p
		}
	case TagHomeURL:
		if p := homeURLProblem(nil, parentOf(root, fe.StructNamespace()), valueString(fe)); p != nil {
			return p
		}
	default:
		if check, ok := tagChecks[fe.Tag()]; ok {
			if p := check(m, valueString(fe)); p != nil {
				return p
			}
		}
	}
	return problemZhEn(CodeInvalid, []any{label}, []any{jsonPath(fe.Namespace())})
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
