package certno

import (
	"errors"
	"testing"

	"github.com/beiankit/beian/filing/problem"
)

// Code is the code type, for the tables of the tests moved here from
// package filing.
type Code = problem.Code

// codeOf is the code of a check's error, "" for none.
func codeOf(err error) Code {
	if err == nil {
		return ""
	}
	var p *problem.Problem
	if errors.As(err, &p) {
		return p.Code
	}
	return Code("not-a-problem: " + err.Error())
}

// The helpers below are those of package filing's tests, for the tests
// moved here with their code.

func assertNormaliser(t *testing.T, what, x string, norm func(string) (string, error), check func(string) error) {
	t.Helper()
	n1, err := norm(x)
	if err != nil {
		var p *problem.Problem
		if !errors.As(err, &p) {
			t.Fatalf("%s(%q): error %T is not a *problem.Problem", what, x, err)
		}
		return
	}
	n2, err := norm(n1)
	if err != nil {
		t.Fatalf("%s(%q) = %q, which is rejected again: %v", what, x, n1, err)
	}
	if n2 != n1 {
		t.Fatalf("%s not idempotent: %q → %q → %q", what, x, n1, n2)
	}
	if check != nil {
		if a, b := codeOf(check(x)), codeOf(check(n1)); a != b {
			t.Fatalf("%s: check of %q is %q but of its normal form %q is %q", what, x, a, n1, b)
		}
	}
}
