package problem_test

import (
	"errors"
	"fmt"

	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/domain"
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

// New builds the Problem of any registered code; the arguments fill the
// verbs of both messages. A code nobody registered gives a Problem whose
// messages are the code itself.
func ExampleNew() {
	p := problem.New(domain.CodeURLPort, "8080")
	fmt.Println(p.Rule, p.Zh)
	fmt.Println(p)
	q := problem.New("no.such_code")
	fmt.Println(q.Zh, q.Rule == "")
	// Output:
	// R-09 网站首页网址不能使用非标准端口，请去掉“:8080”（仅允许http的80端口和https的443端口）
	// url.port: home URL uses non-default port 8080; only :80 for http and :443 for https are accepted
	// no.such_code true
}

// A Code reads its rule and messages from the registry, whichever package
// defined it; the messages keep their verbs unfilled.
func ExampleCode() {
	c := contact.CodePhoneLandNumber
	fmt.Println(c, c.Rule())
	fmt.Println(c.MessageEn())
	// Output:
	// phone.landline_number R-09
	// landline subscriber number must have %d digits and not start with 0
}

// WithPath places a copy of a standalone check's problem at a field of a
// filing; the original stays as it was.
func ExampleProblem_WithPath() {
	p := problem.New(certno.CodeIDChecksum)
	q := p.WithPath("websites[0].principal.cert_number", "证件号码")
	fmt.Println(q)
	fmt.Println(q.Label, p.Path == "")
	// Output:
	// websites[0].principal.cert_number: id.checksum: resident ID check character (GB 11643 MOD 11-2) does not match
	// 证件号码 true
}

// Has asks whether any problem of the list has a code, as errors.Is does
// without unwrapping; Error joins the developer messages.
func ExampleValidationError_Has() {
	ve := &problem.ValidationError{Problems: []*problem.Problem{
		problem.New(certno.CodeUSCCChecksum).WithPath("subject.cert_number", "证件号码"),
		problem.New(domain.CodeURLPort, "8080").WithPath("websites[0].home_url", "网站首页网址"),
	}}
	fmt.Println(ve.Has(domain.CodeURLPort), ve.Has(certno.CodeIDChecksum))
	fmt.Println(ve)
	// Output:
	// true false
	// filing: 2 problems: subject.cert_number: uscc.checksum: unified social credit code check character (GB 32100 MOD 31) does not match; websites[0].home_url: url.port: home URL uses non-default port 8080; only :80 for http and :443 for https are accepted
}
