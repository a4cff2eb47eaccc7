package domain

import (
	"errors"

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
