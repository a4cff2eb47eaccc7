package filingtest

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/filing"
)

// validateCase validates a filing as of the case's instant, if it has one.
func validateCase(f *filing.Filing, now time.Time) error {
	if now.IsZero() {
		return filing.Validate(f)
	}
	return filing.Validate(f, filing.WithNow(func() time.Time { return now }))
}

func TestBrokenCases_BreakExactlyOneRule(t *testing.T) {
	for _, c := range BrokenCases() {
		t.Run(c.Name, func(t *testing.T) {
			if err := validateCase(c.Base, c.Now); err != nil {
				t.Fatalf("base: %v", err)
			}
			err := validateCase(c.Filing, c.Now)
			var ve *filing.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) != 1 {
				t.Fatalf("got %v; want the one problem %s at %s", err, c.Want, c.Path)
			}
			if p := ve.Problems[0]; p.Code != c.Want || p.Path != c.Path {
				t.Fatalf("got %s at %s; want %s at %s", p.Code, p.Path, c.Want, c.Path)
			}
			if !errors.Is(err, c.Want) {
				t.Errorf("errors.Is(err, %s) is false", c.Want)
			}
			if c.Want.Rule() != c.Rule {
				t.Errorf("case rule %s, but %s belongs to %s", c.Rule, c.Want, c.Want.Rule())
			}
			if c.Description == "" {
				t.Error("no description")
			}
		})
	}
}

// Code prefixes of filing.Codes: those filing.Validate reports and those of
// the package's other checks (lifecycle, shell classification, streams, the
// province-rules loader, change notices). A prefix in neither list fails
// TestBrokenCases_CoverEveryValidationRule, so that a new kind of code is
// classified by someone rather than missed.
var (
	validationPrefixes = []string{"filing", "subject", "website", "person", "domain", "url", "cert", "id", "uscc", "orgcode", "permit", "passport", "prid", "phone", "email", "app"}
	otherPrefixes      = []string{"lifecycle", "shell", "stream", "rules", "change", "validity", "registry", "access"}
)

func TestBrokenCases_CoverEveryValidationRule(t *testing.T) {
	var rules []string
	for _, c := range filing.Codes() {
		prefix, _, _ := strings.Cut(string(c), ".")
		switch {
		case slices.Contains(otherPrefixes, prefix):
			continue
		case !slices.Contains(validationPrefixes, prefix):
			t.Errorf("code %s: prefix %q is neither in validationPrefixes nor in otherPrefixes", c, prefix)
			continue
		}
		if r := c.Rule(); r != "" && !slices.Contains(rules, r) {
			rules = append(rules, r)
		}
	}
	slices.Sort(rules)
	for _, must := range []string{"R-01", "R-03", "R-05", "R-06", "R-07", "R-09"} {
		if !slices.Contains(rules, must) {
			t.Fatalf("validation rules %v lack %s: the prefix lists are wrong", rules, must)
		}
	}
	count := map[string]int{}
	for _, c := range BrokenCases() {
		count[c.Rule]++
	}
	for _, r := range rules {
		if count[r] == 0 {
			t.Errorf("no broken case for %s", r)
		}
	}
	if count["R-09"] < 10 {
		t.Errorf("%d broken cases for R-09, want many", count["R-09"])
	}
}

func TestBroken(t *testing.T) {
	all := BrokenCases()
	names := map[string]bool{}
	for _, c := range all {
		if names[c.Name] {
			t.Fatalf("two cases named %s", c.Name)
		}
		names[c.Name] = true
		got, ok := Broken(c.Name)
		if !ok || !reflect.DeepEqual(got, c) {
			t.Fatalf("Broken(%q) differs from BrokenCases", c.Name)
		}
	}
	if _, ok := Broken("no-such-case"); ok {
		t.Error("Broken(no-such-case) is ok")
	}
	// Every call builds new filings.
	a, _ := Broken("tld-io")
	a.Filing.Websites[0].Domains[0] = "changed.cn"
	a.Base.Subject.Name = "changed"
	b, _ := Broken("tld-io")
	if b.Filing.Websites[0].Domains[0] == "changed.cn" || b.Base.Subject.Name == "changed" {
		t.Error("Broken returns shared filings")
	}
}

func TestBrokenFor(t *testing.T) {
	all := BrokenCases()
	n := 0
	for _, rule := range []string{"R-01", "R-02", "R-03", "R-04", "R-05", "R-06", "R-07", "R-09", "R-10", "R-41", "R-42", "R-70", "R-71", "R-72", "R-73", "R-74", "R-90", "R-91"} {
		cases := BrokenFor(rule)
		n += len(cases)
		for _, c := range cases {
			if c.Rule != rule {
				t.Errorf("BrokenFor(%s) has %s of %s", rule, c.Name, c.Rule)
			}
		}
	}
	if n != len(all) {
		t.Errorf("BrokenFor over the rules gives %d cases, BrokenCases %d", n, len(all))
	}
	if got := BrokenFor("R-06"); len(got) == 0 {
		t.Error("no R-06 case")
	}
	if got := BrokenFor("R-99"); got != nil {
		t.Errorf("BrokenFor(R-99) = %v", got)
	}
}
