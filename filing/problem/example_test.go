package problem_test

import (
	"errors"
	"fmt"

	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/problem"
)

// A check returns a *problem.Problem; its code is a sentinel for errors.Is,
// and it carries a Chinese message for the applicant and an English one for
// the developer.
func ExampleProblem() {
	err := certno.CheckUSCC("91350100M000100Y4")
	var p *problem.Problem
	if errors.As(err, &p) {
		fmt.Println(p.Code, p.Rule)
		fmt.Println(p.MessageZh())
	}
	fmt.Println(errors.Is(err, certno.CodeUSCCLength))
	// Output:
	// uscc.length R-09
	// 统一社会信用代码应为18位
	// true
}

// A ValidationError lists every problem of one input; At picks those of one
// field.
func ExampleValidationError() {
	ve := &problem.ValidationError{Problems: []*problem.Problem{
		problem.New(certno.CodeIDLength).WithPath("subject.cert_number", "证件号码"),
	}}
	for _, p := range ve.At("subject.cert_number") {
		fmt.Println(p.Label, p.Code)
	}
	fmt.Println(errors.Is(ve, certno.CodeIDLength))
	// Output:
	// 证件号码 id.length
	// true
}
