package filing_test

import (
	"testing"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/filingtest"
)

// TestConformance runs the whole language-neutral conformance corpus
// (filing/filingtest/conformance, one subtest per case) against
// filing.Validate as of each case's instant.
func TestConformance(t *testing.T) {
	cases, err := filingtest.Conformance()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 40 {
		t.Fatalf("the corpus has %d cases; want at least 40", len(cases))
	}
	filingtest.RunConformance(t, func(f *filing.Filing, now time.Time) error {
		return filing.Validate(f, filing.WithNow(func() time.Time { return now }))
	})
}
