package contact

import (
	"errors"
	"strings"
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

var ckBenchErr error

// The helpers below are those of package filing's tests, for the tests
// moved here with their code.

func ckWantCode(t *testing.T, in string, err error, code Code) {
	t.Helper()
	if code == "" {
		if err != nil {
			t.Errorf("%q: unexpected error %v", in, err)
		}
		return
	}
	if err == nil {
		t.Errorf("%q: got nil, want %s", in, code)
		return
	}
	if !errors.Is(err, code) {
		t.Errorf("%q: got %v, want %s", in, err, code)
		return
	}
	var p *problem.Problem
	if !errors.As(err, &p) {
		t.Errorf("%q: %T is not a *problem.Problem", in, err)
		return
	}
	if p.Rule != "R-09" || p.Path != "" || p.Zh == "" || p.En == "" || strings.Contains(p.Zh, "%!") {
		t.Errorf("%q: problem %+v: want rule R-09, no path, both messages", in, p)
	}
}

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

func normalizePhoneString(s string) (string, error) {
	p, err := NormalizePhone(s)
	return p.Raw(), err
}

// checkPhoneString is the check NormalizePhone stands for: a mobile or a
// landline.
func checkPhoneString(s string) error {
	_, err := NormalizePhone(s)
	return err
}
