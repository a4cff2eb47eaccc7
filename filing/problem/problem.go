package problem

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
//	if errors.Is(err, certno.CodeIDChecksum) { ... }
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

// New builds the Problem of a registered code (of any package of the
// module). args fill the fmt verbs of both messages, the same args in the
// same order; a message that uses only some of them picks them by index
// (%[2]s), and a message without verbs is kept as it is (the Chinese
// message of a code often does not repeat the input its English one
// names). A code that is not registered gives a Problem whose messages
// are the code itself.
func New(code Code, args ...any) *Problem {
	e, ok := catalog.Filled(string(code), args...)
	if !ok {
		return &Problem{Code: code, Zh: string(code), En: string(code)}
	}
	return &Problem{Code: code, Rule: e.Rule, Zh: e.Zh, En: e.En}
}

// WithPath returns a copy of p placed at a field path with its Chinese label
// (an empty label keeps p's own).
func (p *Problem) WithPath(path, label string) *Problem {
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
