package problem_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/filing/problem"
)

var (
	benchProblem *problem.Problem
	benchString  string
	benchBool    bool
)

// BenchmarkNew: a check builds one Problem per finding; the messages are
// the registry's, formatted only when the code takes arguments.
func BenchmarkNew(b *testing.B) {
	for _, bc := range []struct {
		name string
		code problem.Code
		args []any
		en   string
	}{
		{"noArgs", certno.CodeIDLength, nil, "resident ID number must have 18 characters"},
		{"stringArg", domain.CodeURLPort, []any{"8080"}, "home URL uses non-default port 8080; only :80 for http and :443 for https are accepted"},
		{"intArg", contact.CodePhoneLandNumber, []any{8}, "landline subscriber number must have 8 digits and not start with 0"},
		{"unregistered", problem.Code("no.such_code"), nil, "no.such_code"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			require.Equal(b, bc.en, problem.New(bc.code, bc.args...).En)
			b.ReportAllocs()
			for b.Loop() {
				benchProblem = problem.New(bc.code, bc.args...)
			}
		})
	}
}

func BenchmarkWithPath(b *testing.B) {
	p := problem.New(certno.CodeIDChecksum)
	b.ReportAllocs()
	for b.Loop() {
		benchProblem = p.WithPath("subject.cert_number", "证件号码")
	}
}

func BenchmarkProblemError(b *testing.B) {
	for _, bc := range []struct {
		name string
		p    *problem.Problem
	}{
		{"standalone", problem.New(certno.CodeIDChecksum)},
		{"atPath", problem.New(certno.CodeIDChecksum).WithPath("websites[0].principal.cert_number", "证件号码")},
	} {
		b.Run(bc.name, func(b *testing.B) {
			require.Contains(b, bc.p.Error(), "id.checksum: ")
			b.ReportAllocs()
			for b.Loop() {
				benchString = bc.p.Error()
			}
		})
	}
}

// benchValidationError is what Validate returns for a filing with three
// problems, the last the one errors.Is looks for.
func benchValidationError() *problem.ValidationError {
	return &problem.ValidationError{Problems: []*problem.Problem{
		problem.New(certno.CodeUSCCChecksum).WithPath("subject.cert_number", "证件号码"),
		problem.New(domain.CodeURLPort, "8080").WithPath("websites[0].home_url", "网站首页网址"),
		problem.New(certno.CodeIDChecksum).WithPath("websites[0].principal.cert_number", "证件号码"),
	}}
}

func BenchmarkValidationErrorError(b *testing.B) {
	ve := benchValidationError()
	require.Contains(b, ve.Error(), "filing: 3 problems: ")
	b.ReportAllocs()
	for b.Loop() {
		benchString = ve.Error()
	}
}

// BenchmarkValidationErrorIs: errors.Is on a ValidationError unwraps it
// into a new slice of its problems and compares codes; Has reads the
// problems as they are.
func BenchmarkValidationErrorIs(b *testing.B) {
	var err error = benchValidationError()
	require.ErrorIs(b, err, certno.CodeIDChecksum)
	b.Run("errorsIs", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchBool = errors.Is(err, certno.CodeIDChecksum)
		}
	})
	ve := benchValidationError()
	b.Run("Has", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			benchBool = ve.Has(certno.CodeIDChecksum)
		}
	})
}

// BenchmarkCodeMessage: Code's Rule and messages read the registry.
func BenchmarkCodeMessage(b *testing.B) {
	c := certno.CodeIDChecksum
	require.Equal(b, "R-09", c.Rule())
	b.ReportAllocs()
	for b.Loop() {
		benchString = c.MessageZh()
	}
}
