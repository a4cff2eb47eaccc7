package jsapi

import (
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/internal/catalog"
	"github.com/beiankit/beian/numbering"
)

// codes are the codes this package owns.
var codes catalog.Set[filing.Code]

// Codes returns every code the package defines, sorted.
func Codes() []filing.Code { return codes.Codes() }

// Codes of the JavaScript interface: malformed calls, not filing rules.
var (
	CodeJSON = codes.Define("js.json", "",
		"请求数据格式不正确",
		"the arguments are not the JSON this method takes: %[1]s")
	CodeTooLarge = codes.Define("js.too_large", "",
		"提交的数据过大",
		"the arguments exceed %[1]d bytes")
	CodeMethod = codes.Define("js.method", "",
		"不支持的操作",
		"unknown method %[1]q")
	CodeField = codes.Define("js.field", "",
		"不支持检查该字段",
		"unknown field %[1]q")
	CodeTime = codes.Define("js.time", "",
		"时间格式不正确",
		"time %[1]q is not RFC 3339")
	CodeDeadline = codes.Define("js.deadline", "",
		"未知的办理时限",
		"unknown time limit %[1]q: want R-20, R-21, R-22 or R-23")
)

// MaxArgs bounds the JSON arguments of one call: a filing of the largest
// shape the model allows is far smaller.
const MaxArgs = 4 << 20

// Result is the outcome of a validation or a field check: Valid with no
// problems, or the problems as filing.Validate reports them. Warnings are
// problems that do not refuse (a public-security number in an older form).
type Result struct {
	Valid    bool              `json:"valid"`
	Problems []*filing.Problem `json:"problems"`
	Warnings []*filing.Problem `json:"warnings,omitempty"`
}

// resultOf turns the error of a check into a Result.
func resultOf(err error) Result {
	if err == nil {
		return Result{Valid: true, Problems: []*filing.Problem{}}
	}
	var ve *filing.ValidationError
	if errors.As(err, &ve) {
		return Result{Problems: ve.Problems}
	}
	var p *filing.Problem
	if errors.As(err, &p) {
		return Result{Problems: []*filing.Problem{p}}
	}
	return Result{Problems: []*filing.Problem{problemOf(CodeJSON, err.Error())}}
}

// ValidateOptions are the options of Validate.
type ValidateOptions struct {
	// Now is the instant to validate at (ages, expiry); zero means the
	// current time.
	Now time.Time `json:"now,omitzero"`
	// Draft validates a draft: empty fields are not reported
	// (filing.WithDraft).
	Draft bool `json:"draft,omitempty"`
}

// Validate decodes a filing from its JSON (the shape of filing.Filing) and
// validates it with filing.Validate. JSON that does not decode into a
// filing is one CodeJSON problem.
func Validate(data []byte, opts ValidateOptions) Result {
	if len(data) > MaxArgs {
		return resultOf(problemOf(CodeTooLarge, MaxArgs))
	}
	var f *filing.Filing
	if err := json.Unmarshal(data, &f); err != nil {
		return resultOf(problemOf(CodeJSON, jsonError(err)))
	}
	return resultOf(filing.Validate(f, validateOptions(opts)...))
}

func validateOptions(o ValidateOptions) []filing.Option {
	var out []filing.Option
	if !o.Now.IsZero() {
		now := o.Now
		out = append(out, filing.WithNow(func() time.Time { return now }))
	}
	if o.Draft {
		out = append(out, filing.WithDraft())
	}
	return out
}

// jsonError describes a decoding error without echoing the input.
func jsonError(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return "syntax error at byte " + itoa(se.Offset)
	case errors.As(err, &te):
		return "field " + te.Field + ": want " + te.Type.String()
	}
	return "not a filing"
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// Field names a field CheckField checks.
type Field string

// The fields CheckField checks as the user types.
const (
	FieldCertNumber  Field = "cert_number"  // needs FieldOptions.CertType
	FieldMobile      Field = "mobile"       // contact.CheckMobile
	FieldLandline    Field = "landline"     // contact.CheckLandline
	FieldEmail       Field = "email"        // contact.CheckEmail
	FieldDomain      Field = "domain"       // domain.CheckDomain
	FieldHomeURL     Field = "home_url"     // domain.CheckHomeURL, with FieldOptions.Domains
	FieldWebsiteName Field = "website_name" // the website name rules of filing.Validate
)

// Fields returns the fields CheckField knows, in a stable order.
func Fields() []Field {
	return []Field{FieldCertNumber, FieldMobile, FieldLandline, FieldEmail, FieldDomain, FieldHomeURL, FieldWebsiteName}
}

// FieldOptions give CheckField what a field's check needs besides the
// value.
type FieldOptions struct {
	// Path is the JSON path of the field in the filing
	// ("subject.principal.mobile"); when set, problems carry it and the
	// field's Chinese label (filing.Label), as filing.Validate reports them.
	Path string `json:"path,omitempty"`
	// CertType is the certificate type of a cert_number (code or Chinese
	// name, as in a filing's JSON).
	CertType string `json:"cert_type,omitempty"`
	// Domains are the website's domains a home_url must lie under.
	Domains []string `json:"domains,omitempty"`
	// Now is the instant of date-dependent checks (a resident ID's birth
	// date); zero means the current time.
	Now time.Time `json:"now,omitzero"`
}

// CheckField checks one field's value with the SDK's own check for it. An
// unknown field is one CodeField problem.
func CheckField(field Field, value string, opts FieldOptions) Result {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	var err error
	switch field {
	case FieldCertNumber:
		var t filing.CertType
		_ = t.UnmarshalText([]byte(opts.CertType))
		err = certno.CheckCertNumberAt(t, value, now)
	case FieldMobile:
		err = contact.CheckMobile(value)
	case FieldLandline:
		err = contact.CheckLandline(value)
	case FieldEmail:
		err = contact.CheckEmail(value)
	case FieldDomain:
		err = domain.CheckDomain(value)
	case FieldHomeURL:
		err = domain.CheckHomeURL(value, opts.Domains)
	case FieldWebsiteName:
		return checkWebsiteName(value, opts.Path, now)
	default:
		return resultOf(problemOf(CodeField, field))
	}
	r := resultOf(err)
	if opts.Path != "" {
		label := filing.Label(opts.Path)
		for i, p := range r.Problems {
			r.Problems[i] = p.WithPath(opts.Path, label)
		}
	}
	return r
}

// checkWebsiteName validates a draft filing holding only the website name
// and keeps the problems of that field: the name rules are those of
// filing.Validate, whatever they become.
func checkWebsiteName(name, path string, now time.Time) Result {
	const at = "websites[0].name"
	f := &filing.Filing{Websites: []filing.Website{{Service: filing.Service{Name: name}}}}
	opts := []filing.Option{filing.WithNow(func() time.Time { return now })}
	if strings.TrimSpace(name) != "" {
		opts = append(opts, filing.WithDraft())
	}
	r := resultOf(filing.Validate(f, opts...))
	kept := []*filing.Problem{}
	for _, p := range r.Problems {
		if p.Path == at {
			if path != "" {
				p = p.WithPath(path, filing.Label(path))
			}
			kept = append(kept, p)
		}
	}
	return Result{Valid: len(kept) == 0, Problems: kept}
}

// NumberResult is a parsed record number: its canonical form and parts, or
// the problem.
type NumberResult struct {
	Valid bool `json:"valid"`
	// Number is the canonical form (numbering.Number.String).
	Number string `json:"number,omitempty"`
	// Kind is "icp_filing", "icp_licence", "telecom_licence" or
	// "public_security".
	Kind string `json:"kind,omitempty"`
	// Province is the GB/T 2260 code of the province.
	Province string `json:"province,omitempty"`
	// Subject is the subject number (the number without its suffix).
	Subject string `json:"subject,omitempty"`
	// Year is the year of an ICP filing number's serial.
	Year int `json:"year,omitempty"`
	// Suffix is the service suffix (…号-3), 0 for a subject number.
	Suffix int `json:"suffix,omitempty"`
	// Service is the kind of service a 2023-style suffix letter marks.
	Service string `json:"service,omitempty"`
	// Legacy is true for a public-security number in an older form
	// (numbering.Number.Legacy, R-87).
	Legacy bool `json:"legacy,omitempty"`
	// Warnings are what the parser accepts but the user should check
	// (numbering.Number.Warnings): for a public-security number, an older
	// form, or an area code unknown or of another province.
	Warnings []*filing.Problem `json:"warnings,omitempty"`
	// Problem is why the number does not parse.
	Problem *filing.Problem `json:"problem,omitempty"`
}

// ParseNumber parses a record number with numbering.Parse.
func ParseNumber(s string) NumberResult {
	n, err := numbering.Parse(s)
	if err != nil {
		return NumberResult{Problem: codedProblem(err)}
	}
	r := NumberResult{Valid: true, Number: n.String(), Kind: kindName(n.Kind()), Province: n.ProvinceCode(),
		Subject: n.Subject().String(), Suffix: n.Suffix()}
	if n.Kind() == numbering.KindICPFiling {
		r.Year = n.Year()
	}
	if n.Suffix() != 0 {
		r.Service = n.Service().String()
	}
	r.Legacy, r.Warnings = n.Legacy(), n.Warnings()
	return r
}

func ruleOf(code string) string {
	if e, ok := catalog.Lookup(code); ok {
		return e.Rule
	}
	return ""
}

func kindName(k numbering.Kind) string {
	switch k {
	case numbering.KindICPFiling:
		return "icp_filing"
	case numbering.KindICPLicence:
		return "icp_licence"
	case numbering.KindTelecomLicence:
		return "telecom_licence"
	case numbering.KindPublicSecurity:
		return "public_security"
	}
	return ""
}

// CountdownResult is the state of a statutory time limit counted in
// working days (calendar.Countdown) with the limit's names.
type CountdownResult struct {
	Rule     string `json:"rule"`
	NameZh   string `json:"name_zh"`
	NameEn   string `json:"name_en"`
	Workdays int    `json:"workdays"`
	// Due and AsOf are civil dates in China, "2026-03-05".
	Due       string `json:"due"`
	AsOf      string `json:"as_of"`
	Remaining int    `json:"remaining"`
	DueToday  bool   `json:"due_today"`
	Overdue   bool   `json:"overdue"`
	OverdueBy int    `json:"overdue_by"`
	// Fallback is true when a year without a published schedule was
	// counted with weekends only.
	Fallback bool `json:"fallback,omitempty"`
	// Problem is set when the working days could not be counted; the dates
	// are still given where the calendar knows them.
	Problem *filing.Problem `json:"problem,omitempty"`
}

// Countdown counts the time limit rule ("R-20".."R-23") for an event at
// from, as of now, with the embedded calendar (calendar.Default).
func Countdown(rule string, from, now time.Time) CountdownResult {
	var kind calendar.DeadlineKind
	for _, k := range calendar.DeadlineKinds() {
		if k.RuleID() == rule {
			kind = k
		}
	}
	if !kind.Valid() {
		return CountdownResult{Rule: rule, Problem: problemOf(CodeDeadline, rule)}
	}
	r := CountdownResult{Rule: rule, NameZh: kind.NameZh(), NameEn: kind.NameEn(), Workdays: kind.Workdays()}
	c := calendar.Default()
	due, err := c.Deadline(kind, from)
	if err != nil {
		r.Problem = codedProblem(err)
		return r
	}
	cd, err := c.Remaining(due, now)
	r.Due, r.AsOf = date(cd.Due), date(cd.AsOf)
	r.Remaining, r.DueToday, r.Overdue, r.OverdueBy, r.Fallback = cd.Remaining, cd.DueToday, cd.Overdue, cd.OverdueBy, cd.Fallback
	if err != nil {
		r.Problem = codedProblem(err)
	}
	return r
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(calendar.Location()).Format(time.DateOnly)
}

// codedProblem is the problem of an error of the SDK that carries its code
// and messages (numbering.ParseError, calendar.Error).
func codedProblem(err error) *filing.Problem {
	var ce interface {
		ErrorCode() string
		MessageZh() string
		MessageEn() string
	}
	if errors.As(err, &ce) {
		return &filing.Problem{Code: filing.Code(ce.ErrorCode()), Rule: ruleOf(ce.ErrorCode()), Zh: ce.MessageZh(), En: ce.MessageEn()}
	}
	return problemOf(CodeJSON, err.Error())
}

// problemOf is filing.NewProblem for this package's codes.
func problemOf(code filing.Code, args ...any) *filing.Problem {
	return filing.NewProblem(code, args...)
}
