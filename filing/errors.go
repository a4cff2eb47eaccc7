package filing

import (
	"fmt"
	"strings"

	"github.com/beiankit/beian/internal/catalog"
)

// Code is the stable, machine-readable identifier of one kind of problem,
// such as "id.checksum" or "domain.tld_not_approved". Codes never change
// meaning once released; new problems get new codes.
//
// A Code is itself an error, so it can be used as a sentinel with errors.Is:
//
//	if errors.Is(err, filing.CodeIDChecksum) { ... }
//
// matches any *Problem with that code, including one inside a *ValidationError.
type Code string

// Error returns the code itself.
func (c Code) Error() string { return string(c) }

// Rule returns the rule ID (such as "R-09") the code belongs to, or "".
// It reads the module's one code registry, so it works for the codes of
// every package (filing, lifecycle, shell, numbering, conflict, forms).
func (c Code) Rule() string { e, _ := catalog.Lookup(string(c)); return e.Rule }

// MessageZh returns the Chinese message of the code (for end users), with
// its fmt verbs unfilled.
func (c Code) MessageZh() string { e, _ := catalog.Lookup(string(c)); return e.Zh }

// MessageEn returns the English message of the code (for developers), with
// its fmt verbs unfilled.
func (c Code) MessageEn() string { e, _ := catalog.Lookup(string(c)); return e.En }

// codes are the codes this package owns, in the module's one registry
// (internal/catalog).
var codes catalog.Set[Code]

// define registers a code of this package with its rule ID and its Chinese
// (end-user) and English (developer) messages, which may hold fmt verbs.
// For package-level variable initialisation only; a code defined twice in
// the module panics.
func define(code, rule, zh, en string) Code { return codes.Define(code, rule, zh, en) }

// Codes returns every code the package defines, sorted.
func Codes() []Code { return codes.Codes() }

// Problem is one thing wrong with an input: a field that fails its check, or
// a rule that a whole filing breaks. It is an error on its own (the field
// check functions return it) and the element of a *ValidationError.
type Problem struct {
	// Path is the field path in JSON terms, e.g. "websites[0].domains[1]".
	// It is empty when a standalone check function returns the problem.
	Path string `json:"path,omitempty"`
	// Label is the Chinese label of the field as the filing system shows it,
	// e.g. "网站域名".
	Label string `json:"label,omitempty"`
	// Code is the stable code of the problem.
	Code Code `json:"code"`
	// Rule is the rule ID from the rule catalogue, e.g. "R-09".
	Rule string `json:"rule,omitempty"`
	// Zh is the message for end users, in Chinese.
	Zh string `json:"zh"`
	// En is the message for developers, in English.
	En string `json:"en"`
}

// Error returns "path: code: english message".
func (p *Problem) Error() string {
	if p.Path == "" {
		return string(p.Code) + ": " + p.En
	}
	return p.Path + ": " + string(p.Code) + ": " + p.En
}

// Is reports whether target is the problem's Code, so that errors.Is works
// with the Code constants as sentinels.
func (p *Problem) Is(target error) bool {
	c, ok := target.(Code)
	return ok && c == p.Code
}

// ErrorCode returns the stable code.
func (p *Problem) ErrorCode() string { return string(p.Code) }

// MessageZh returns the Chinese message for end users.
func (p *Problem) MessageZh() string { return p.Zh }

// MessageEn returns the English message for developers.
func (p *Problem) MessageEn() string { return p.En }

// newProblem builds the Problem of a defined code. args fill the fmt verbs of
// both messages (the same args, in the same order).
func newProblem(code Code, args ...any) *Problem {
	info, ok := catalog.Lookup(string(code))
	if !ok {
		return &Problem{Code: code, Zh: string(code), En: string(code)}
	}
	p := &Problem{Code: code, Rule: info.Rule, Zh: info.Zh, En: info.En}
	if len(args) > 0 {
		p.Zh = fmt.Sprintf(info.Zh, args...)
		p.En = fmt.Sprintf(info.En, args...)
	}
	return p
}

// NewProblem builds the Problem of a registered code (of any package of the
// module). args fill the fmt verbs of both messages, the same args in the
// same order. It is for packages that check parts of a filing with the
// codes of the module's registry; a code that is not registered gives a
// Problem whose messages are the code itself.
func NewProblem(code Code, args ...any) *Problem { return newProblem(code, args...) }

// WithPath returns a copy of p placed at a field path with its Chinese label
// (an empty label keeps p's own).
func (p *Problem) WithPath(path, label string) *Problem { return p.at(path, label) }

// at returns a copy of p placed at a field path with its Chinese label.
func (p *Problem) at(path, label string) *Problem {
	q := *p
	q.Path = path
	if q.Label == "" || label != "" {
		q.Label = label
	}
	return &q
}

// ValidationError lists every problem found in one input (not only the
// first). errors.As(err, &ve) gets the list; errors.Is(err, code) reports
// whether any problem has that code.
type ValidationError struct {
	Problems []*Problem `json:"problems"`
}

// Error joins the problems' developer messages.
func (e *ValidationError) Error() string {
	switch len(e.Problems) {
	case 0:
		return "filing: no problems"
	case 1:
		return "filing: " + e.Problems[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "filing: %d problems: ", len(e.Problems))
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap returns the problems, so errors.Is and errors.As look into them.
func (e *ValidationError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

// Has reports whether some problem has the code.
func (e *ValidationError) Has(code Code) bool {
	for _, p := range e.Problems {
		if p.Code == code {
			return true
		}
	}
	return false
}

// At returns the problems at one field path.
func (e *ValidationError) At(path string) []*Problem {
	var out []*Problem
	for _, p := range e.Problems {
		if p.Path == path {
			out = append(out, p)
		}
	}
	return out
}

// problems collects Problems while a validation walks an input.
type problems struct{ list []*Problem }

func (ps *problems) add(p *Problem) { ps.list = append(ps.list, p) }
func (ps *problems) addAt(p *Problem, path, label string) {
	ps.list = append(ps.list, p.at(path, label))
}

// err returns nil when nothing was found, else a *ValidationError.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &ValidationError{Problems: ps.list}
}
