package filingtest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/domain"
)

func TestConformance_Loads(t *testing.T) {
	cases, err := Conformance()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 40 {
		t.Fatalf("%d cases, want at least 40", len(cases))
	}
	valid, dated := 0, 0
	for _, c := range cases {
		if c.Valid {
			valid++
		}
		if !c.Now.IsZero() {
			dated++
		}
	}
	if valid == 0 || valid == len(cases) || dated == 0 {
		t.Errorf("%d cases: %d valid, %d dated; want both outcomes and some dated cases", len(cases), valid, dated)
	}
	// Every broken case is in the corpus with its expectation.
	byName := map[string]Case{}
	for _, c := range cases {
		byName[c.Name] = c
	}
	for _, b := range BrokenCases() {
		c, ok := byName[b.Name]
		if !ok || len(c.Errors) != 1 || c.Errors[0] != (Expect{b.Want, b.Path}) || !c.Now.Equal(b.Now) {
			t.Errorf("broken case %s: corpus has %+v", b.Name, c)
		}
	}
	// Each call decodes anew.
	again, _ := Conformance()
	cases[0].Name = "changed"
	if again[0].Name == "changed" {
		t.Error("Conformance returns shared cases")
	}
}

func TestDecodeCorpus_RejectsDefects(t *testing.T) {
	for _, bad := range []string{
		`{"cases": [{"name": "a", "rule": "R-01", "filing": null}]}`,
		`{"cases": [{"name": "a", "rule": "R-01", "valid": true, "errors": [{"code": "x"}], "filing": null}]}`,
		`{"cases": [{"name": "a", "rule": "R-01", "errors": [{"path": "websites"}], "filing": null}]}`,
		`{"cases": [{"rule": "R-01", "valid": true, "filing": null}]}`,
		`{"cases": [{"name": "a", "rule": "R-01", "valid": true, "filing": null, "extra": 1}]}`,
		`{"cases": [`,
	} {
		if _, err := decodeCorpus([]byte(bad)); err == nil {
			t.Errorf("decodeCorpus(%s) accepted", bad)
		}
	}
	if cs, err := decodeCorpus([]byte(`{"cases": [{"name": "a", "rule": "R-01", "errors": [{"code": "filing.nil"}], "filing": null}]}`)); err != nil || len(cs) != 1 || cs[0].Filing != nil {
		t.Errorf("a good file: %v %v", cs, err)
	}
}

func problems(ps ...*filing.Problem) error { return &filing.ValidationError{Problems: ps} }

func prob(code filing.Code, path string) *filing.Problem {
	return &filing.Problem{Code: code, Path: path}
}

func TestCase_Check(t *testing.T) {
	valid := Case{Name: "v", Valid: true}
	two := Case{Name: "e", Errors: []Expect{{certno.CodeIDChecksum, "subject.cert_number"}, {Code: domain.CodeDomainTLDNotApproved}}}
	for _, c := range []struct {
		c    Case
		err  error
		pass bool
	}{
		{valid, nil, true},
		{valid, problems(prob(certno.CodeIDChecksum, "x")), false},
		{two, nil, false},
		{two, errors.New("boom"), false},
		{two, problems(prob(domain.CodeDomainTLDNotApproved, "websites[3].domains[0]"), prob(certno.CodeIDChecksum, "subject.cert_number")), true},
		{two, fmt.Errorf("wrapped: %w", problems(prob(certno.CodeIDChecksum, "subject.cert_number"), prob(domain.CodeDomainTLDNotApproved, "w"))), true},
		{two, problems(prob(certno.CodeIDChecksum, "subject.cert_number")), false},                                                                               // one missing
		{two, problems(prob(certno.CodeIDChecksum, "subject.principal.cert_number"), prob(domain.CodeDomainTLDNotApproved, "w")), false},                         // wrong path
		{two, problems(prob(certno.CodeIDChecksum, "subject.cert_number"), prob(domain.CodeDomainTLDNotApproved, "w"), prob(certno.CodeIDChecksum, "y")), false}, // one extra
		// The expectation without a path must not take the problem the one
		// with a path needs.
		{Case{Errors: []Expect{{Code: certno.CodeIDChecksum}, {certno.CodeIDChecksum, "a"}}}, problems(prob(certno.CodeIDChecksum, "a"), prob(certno.CodeIDChecksum, "b")), true},
		{two, problems(nil), false},
	} {
		err := c.c.Check(c.err)
		if (err == nil) != c.pass {
			t.Errorf("%s.Check(%v) = %v, want pass %v", c.c.Name, c.err, err, c.pass)
		}
	}
	err := two.Check(problems(prob(certno.CodeIDChecksum, "subject.cert_number")))
	if err == nil || !strings.Contains(err.Error(), "subject.cert_number id.checksum") || !strings.Contains(err.Error(), "domain.tld_not_approved") {
		t.Errorf("message %v: want what was got and what was wanted", err)
	}
}

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	errs  []string
	fatal bool
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, a ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, a...))
}
func (r *recorder) Fatal(a ...any) { r.fatal = true; r.errs = append(r.errs, fmt.Sprint(a...)) }

func TestRunConformance(t *testing.T) {
	cases, err := Conformance()
	if err != nil {
		t.Fatal(err)
	}
	invalid := 0
	for _, c := range cases {
		if !c.Valid {
			invalid++
		}
	}
	// A validator that accepts everything fails every invalid case.
	r := &recorder{}
	RunConformance(r, func(*filing.Filing, time.Time) error { return nil })
	if len(r.errs) != invalid {
		t.Errorf("accept-all validator: %d failures, want %d", len(r.errs), invalid)
	}
	// A panicking validator fails every case, and the run goes on.
	r = &recorder{}
	RunConformance(r, func(*filing.Filing, time.Time) error { panic("boom") })
	if len(r.errs) != len(cases) || !strings.Contains(r.errs[0], "panicked: boom") {
		t.Errorf("panicking validator: %d failures (%.80q...), want %d", len(r.errs), r.errs, len(cases))
	}
	// An oracle that knows every case's answer, keyed by the filing and the
	// instant it is given: it passes only if RunConformance hands each case
	// its own instant (Now, or the current time for undated cases).
	oracle := map[string][]Case{}
	for _, c := range cases {
		oracle[jsonOf(c.Filing)] = append(oracle[jsonOf(c.Filing)], c)
	}
	answer := func(f *filing.Filing, now time.Time) error {
		i := slices.IndexFunc(oracle[jsonOf(f)], func(c Case) bool {
			if c.Now.IsZero() {
				return !now.IsZero() && time.Since(now) < time.Minute && time.Until(now) <= 0
			}
			return now.Equal(c.Now)
		})
		if i < 0 {
			return errors.New("unexpected filing or instant")
		}
		c := oracle[jsonOf(f)][i]
		if c.Valid {
			return nil
		}
		ve := &filing.ValidationError{}
		for _, e := range c.Errors {
			ve.Problems = append(ve.Problems, &filing.Problem{Code: e.Code, Path: e.Path})
		}
		return ve
	}
	r = &recorder{}
	RunConformance(r, answer)
	if len(r.errs) != 0 {
		t.Errorf("oracle: %d failures, first %s", len(r.errs), r.errs[0])
	}
	// With a *testing.T, each case is a subtest.
	ran := 0
	t.Run("subtests", func(t *testing.T) {
		RunConformance(t, func(f *filing.Filing, now time.Time) error {
			ran++
			return answer(f, now)
		})
	})
	if ran != len(cases) {
		t.Errorf("validate ran %d times, want %d", ran, len(cases))
	}
}
