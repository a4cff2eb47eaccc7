package filingtest

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/filing"
)

// The conformance corpus: JSON files in the conformance directory of this
// package (filing/filingtest/conformance in the module), embedded so that
// Go callers get them through Conformance and readable in the repository and
// the module zip by implementations in other languages. The directory's
// README.md describes the format.

//go:embed conformance/*.json
var corpusFS embed.FS

// corpusDir is the directory of the corpus files in corpusFS.
const corpusDir = "conformance"

// Case is one conformance case: a filing in the filing JSON shape, the
// instant to check it at when that matters, and the expected outcome,
// either valid or exactly a list of problems.
type Case struct {
	// Name identifies the case; names are unique across the corpus.
	Name string `json:"name"`
	// Rule is the rule ID the case is about, e.g. "R-09".
	Rule string `json:"rule"`
	// Description says in English what the case checks.
	Description string `json:"description,omitempty"`
	// Now is the instant to validate at; zero when the case holds at any
	// time (from the corpus date on), and RunConformance passes time.Now.
	Now time.Time `json:"now,omitzero"`
	// Valid is true when the filing must be accepted.
	Valid bool `json:"valid,omitempty"`
	// Errors lists the problems a rejected filing must have, no more and no
	// fewer, in any order.
	Errors []Expect `json:"errors,omitempty"`
	// Filing is the input; nil for a JSON null.
	Filing *filing.Filing `json:"filing"`
}

// Expect is one expected problem: its code and, unless empty, its JSON field
// path.
type Expect struct {
	Code filing.Code `json:"code"`
	Path string      `json:"path,omitempty"`
}

// String returns "path code", or the code alone when Path is empty.
func (e Expect) String() string {
	if e.Path == "" {
		return string(e.Code)
	}
	return e.Path + " " + string(e.Code)
}

// corpusFile is the JSON form of one corpus file.
type corpusFile struct {
	Cases []Case `json:"cases"`
}

// Conformance returns the cases of the embedded corpus, file by file in
// name order, each case in file order. Every call decodes the files anew,
// so the filings are the caller's to change. It fails only on a defect of
// the corpus (bad JSON, a duplicate name, a case that is neither valid nor
// lists errors).
func Conformance() ([]Case, error) {
	files, err := fs.Glob(corpusFS, corpusDir+"/*.json")
	if err != nil {
		return nil, fmt.Errorf("filingtest: conformance corpus: %w", err)
	}
	slices.Sort(files)
	var out []Case
	names := map[string]string{}
	for _, name := range files {
		data, err := corpusFS.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("filingtest: conformance corpus: %w", err)
		}
		cases, err := decodeCorpus(data)
		if err != nil {
			return nil, fmt.Errorf("filingtest: conformance corpus %s: %w", path.Base(name), err)
		}
		for _, c := range cases {
			if prev, dup := names[c.Name]; dup {
				return nil, fmt.Errorf("filingtest: conformance corpus %s: case %q already in %s", path.Base(name), c.Name, prev)
			}
			names[c.Name] = path.Base(name)
		}
		out = append(out, cases...)
	}
	return out, nil
}

// decodeCorpus reads one corpus file and checks its cases' shape.
func decodeCorpus(data []byte) ([]Case, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f corpusFile
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	for i, c := range f.Cases {
		switch {
		case c.Name == "" || c.Rule == "":
			return nil, fmt.Errorf("case %d: name and rule are required", i)
		case c.Valid == (len(c.Errors) > 0):
			return nil, fmt.Errorf("case %q: give either \"valid\": true or a non-empty \"errors\" list", c.Name)
		}
		for _, e := range c.Errors {
			if e.Code == "" {
				return nil, fmt.Errorf("case %q: an expected error without a code", c.Name)
			}
		}
	}
	return f.Cases, nil
}

// Check compares the outcome of validating the case's filing with the
// expectation. It returns nil when they agree: err is nil for a valid case,
// or err is (or wraps) a *filing.ValidationError whose problems match
// Errors one to one (same code, and same path where Errors gives one).
// Otherwise it returns an error that says what was got and what was wanted.
func (c Case) Check(err error) error {
	want := c.want()
	if c.Valid {
		if err == nil {
			return nil
		}
		return fmt.Errorf("got %v; want valid", err)
	}
	if err == nil {
		return fmt.Errorf("got valid; want %s", want)
	}
	var ve *filing.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("got %v (%T); want a *filing.ValidationError with %s", err, err, want)
	}
	left := slices.Clone(ve.Problems)
	// Expectations with a path first, so that one without a path does not
	// take the problem a more precise one needs.
	exp := slices.Clone(c.Errors)
	slices.SortStableFunc(exp, func(a, b Expect) int {
		return boolInt(a.Path == "") - boolInt(b.Path == "")
	})
	missing := false
	for _, e := range exp {
		i := slices.IndexFunc(left, func(p *filing.Problem) bool {
			return p != nil && p.Code == e.Code && (e.Path == "" || p.Path == e.Path)
		})
		if i < 0 {
			missing = true
			break
		}
		left = slices.Delete(left, i, i+1)
	}
	if !missing && len(left) == 0 {
		return nil
	}
	got := make([]string, 0, len(ve.Problems))
	for _, p := range ve.Problems {
		if p != nil {
			got = append(got, Expect{Code: p.Code, Path: p.Path}.String())
		}
	}
	return fmt.Errorf("got [%s]; want %s", strings.Join(got, ", "), want)
}

// want describes the expectation.
func (c Case) want() string {
	if c.Valid {
		return "valid"
	}
	s := make([]string, len(c.Errors))
	for i, e := range c.Errors {
		s[i] = e.String()
	}
	return "[" + strings.Join(s, ", ") + "]"
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// RunConformance runs every case of the corpus through validate, which
// checks a filing as of an instant (the case's Now, or time.Now for a case
// that holds at any time), and reports each disagreement with Check through
// t. When t is a *testing.T each case runs as a subtest named after the
// case, so that one case can be run alone (go test -run 'TestX/tld-io'). A
// panic in validate fails its case and the run goes on.
//
// For package filing itself:
//
//	filingtest.RunConformance(t, func(f *filing.Filing, now time.Time) error {
//		return filing.Validate(f, filing.WithNow(func() time.Time { return now }))
//	})
//
// In a testify suite, pass the suite's T(): the cases become subtests of the
// suite method.
func RunConformance(t testing.TB, validate func(f *filing.Filing, now time.Time) error) {
	t.Helper()
	cases, err := Conformance()
	if err != nil {
		t.Fatal(err)
		return
	}
	for _, c := range cases {
		run := func(tb testing.TB) {
			tb.Helper()
			if err := checkCase(c, validate); err != nil {
				tb.Errorf("%s (%s, %s): %v", c.Name, c.Rule, c.Description, err)
			}
		}
		if tt, ok := t.(*testing.T); ok {
			tt.Run(c.Name, func(t *testing.T) { run(t) })
		} else {
			run(t)
		}
	}
}

// checkCase validates one case and checks the outcome, turning a panic of
// validate into an error.
func checkCase(c Case, validate func(*filing.Filing, time.Time) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("validate panicked: %v", r)
		}
	}()
	now := c.Now
	if now.IsZero() {
		now = time.Now()
	}
	return c.Check(validate(c.Filing, now))
}
