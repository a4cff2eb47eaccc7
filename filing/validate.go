package filing

import (
	"context"
	"sync"
	"time"

	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/filing/sitename"
)

// Validation of whole filings, in the order one filing goes through it:
//
//  1. Validate and Validator.Validate (this file) take the validation's
//     clock reading, start its memo, and normalise a deep copy of the filing
//     (NormalizeFiling, validate_normalize.go). The caller's filing is never
//     changed.
//  2. The field pass (fieldPass, validate_fields.go): validator/v10 tags on
//     the model structs (model.go) with this package's custom tags
//     (RegisterTags), walked by plans read from the tags once per type
//     (validate_plan.go) with validator.Struct as the fallback and the
//     reference. Every field error becomes a *Problem with
//     the JSON path ("websites[0].domains[1]"), the Chinese label
//     ("网站域名"), a stable code and the rule ID; the custom tags report the
//     precise problem of the check behind them (id.checksum,
//     domain.tld_not_approved, ...).
//  3. The rules pass (rulesPass, validate_rules.go): the cross-field and
//     cross-record rules, R-06 (the province table),
//     R-07, and the domain rules that need the subject (reserved suffixes,
//     registered domain, duplicates). They run as one plain pass after
//     validator.Struct rather than as struct-level validations, because
//     they need the per-call options (clock, province table) and the whole
//     filing at once, and a single pass is the cheapest way to get them.
//     A value the field pass rejected is skipped, so one mistake gives one
//     problem.
//  4. A draft (WithDraft) drops the problems of fields not filled in yet.
//
// The memo (end of this file) carries what the passes share: the clock
// reading and the domains and URLs already normalised, so that no pass
// repeats IDNA or URL parsing.
//
// Every problem found is reported, not only the first. Field caps
// (documented on the model fields): sponsor and website names 100
// characters, person names 50, addresses 200, remarks 500, 20 domains per
// website, 200 websites per filing, home URL 2048 bytes.

// Problems of the validation itself.
var (
	CodeFilingNil         = define("filing.nil", "R-01", "备案信息为空", "no filing given")
	CodeValidatorInternal = define("filing.internal", "", "系统内部错误，请稍后重试", "internal validation error: %s")
	CodeOptionInvalid     = define("filing.option_invalid", "", "校验配置有误", "invalid validator option: %s")
)

// Option configures a Validator.
type Option func(*options)

type options struct {
	rules    ProvinceRules
	rulesSet bool
	now      func() time.Time
	draft    bool
	// viaValidator makes the field pass use validator.Struct rather than
	// the plans of validate_plan.go: the reference the agreement tests
	// compare the plans with.
	viaValidator bool
	names        *sitename.Rules // WithNameRules; nil: sitename.Default
	noNames      bool            // withoutNameRules (benchmark baseline)
}

// WithProvinceRules replaces the province-rules table (DefaultProvinceRules)
// with rules. To extend the default table, pass
// DefaultProvinceRules().With(...).
func WithProvinceRules(rules ProvinceRules) Option {
	return func(o *options) { o.rules, o.rulesSet = rules, true }
}

// WithNow sets the clock used for ages, birth dates in the future,
// rules that apply from a date, expired pre-approvals and access
// dates. The default is time.Now.
func WithNow(now func() time.Time) Option {
	return func(o *options) { o.now = now }
}

// WithDraft validates a draft (信息录入): empty fields are not reported
// (filing.required) and a new subject may come without websites yet; every
// value that is filled in is still checked, and so are the cross-field
// rules that can be judged.
func WithDraft() Option {
	return func(o *options) { o.draft = true }
}

// withValidatorWalk is the option of viaValidator.
func withValidatorWalk() Option {
	return func(o *options) { o.viaValidator = true }
}

// Validator validates filings with a set of options. It is safe for
// concurrent use; the validator/v10 engine behind it is shared and built
// once.
type Validator struct {
	o options
}

// NewValidator returns a Validator. It fails only when an option is
// unusable (a nil clock).
func NewValidator(opts ...Option) (*Validator, error) {
	v := &Validator{}
	v.o.rules = defaultProvinceRules()
	v.o.now = time.Now
	for _, opt := range opts {
		if opt != nil {
			opt(&v.o)
		}
	}
	if v.o.now == nil {
		return nil, newProblem(CodeOptionInvalid, "WithNow(nil)")
	}
	return v, nil
}

var defaultValidator = sync.OnceValue(func() *Validator {
	return &Validator{o: options{rules: defaultProvinceRules(), now: time.Now}}
})

// Validate checks a filing with the default province rules and the current
// time: it returns nil, or a *ValidationError listing every problem with its
// JSON path, Chinese label, code, rule ID and messages. The filing is not
// modified; it is checked in its normalised form (NormalizeFiling), which is
// the form callers should store.
func Validate(f *Filing, opts ...Option) error {
	if len(opts) == 0 {
		return defaultValidator().Validate(f)
	}
	v, err := NewValidator(opts...)
	if err != nil {
		return err
	}
	return v.Validate(f)
}

// Validate checks a filing; see the package function Validate.
func (v *Validator) Validate(f *Filing) error {
	if f == nil {
		return &ValidationError{Problems: []*Problem{newProblem(CodeFilingNil)}}
	}
	m := newMemo(v.o.now())
	return v.validate(normalizeFiling(f, m), m, false)
}

// ValidateSubject checks a subject on its own, as a filing of that subject
// without websites would be checked but without the rules that need
// websites. Paths start with "subject.".
func (v *Validator) ValidateSubject(s *Subject) error {
	if s == nil {
		return &ValidationError{Problems: []*Problem{newProblem(CodeFilingNil)}}
	}
	m := newMemo(v.o.now())
	return v.validate(normalizeFiling(&Filing{Subject: *s}, m), m, true)
}

// ValidateSubject checks a subject with the default options; see
// (*Validator).ValidateSubject.
func ValidateSubject(s *Subject, opts ...Option) error {
	v, err := NewValidator(opts...)
	if err != nil {
		return err
	}
	return v.ValidateSubject(s)
}

func (v *Validator) validate(f *Filing, m *memo, subjectOnly bool) error {
	var ps problems
	failed := v.fieldPass(f, m, &ps)
	v.rulesPass(f, subjectOnly, failed, &ps)
	if v.o.draft {
		ps.list = dropRequired(ps.list)
	}
	return ps.err()
}

// dropRequired removes the problems a draft may have.
func dropRequired(list []*Problem) []*Problem {
	out := list[:0]
	for _, p := range list {
		if p.Code != CodeRequired && p.Code != CodeNoWebsite && p.Code != CodeLegalRepRequired && p.Code != CodeAppNoPlatform {
			out = append(out, p)
		}
	}
	return out
}

// memo carries what the passes of one validation share: the domains and
// home URLs already normalised (domain.Memo, so that normalisation, the
// field pass and the rules pass do not redo IDNA and URL parsing) and the
// clock reading. A memo is used by one goroutine at a time (the validator
// runs tag functions one after another); a nil *memo remembers nothing.
type memo struct {
	domain.Memo
	// now is the validation's clock reading (WithNow), against which the
	// field checks judge birth dates; zero means the wall clock.
	now time.Time
}

// newMemo returns the memo of a validation as of now.
func newMemo(now time.Time) *memo { return &memo{now: now} }

// dm returns m's domain memo, nil for a nil m.
func (m *memo) dm() *domain.Memo {
	if m == nil {
		return nil
	}
	return &m.Memo
}

// at returns the instant field checks are made as of, or nil for the clock.
func (m *memo) at() *time.Time {
	if m == nil || m.now.IsZero() {
		return nil
	}
	return &m.now
}

type memoKey struct{}

// memoFrom returns the memo a validation put in its context, or nil.
func memoFrom(ctx context.Context) *memo {
	m, _ := ctx.Value(memoKey{}).(*memo)
	return m
}
