package filingtest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/suite"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/filingtest"
)

// validatorSuite shows the conformance corpus run inside a testify suite,
// for an ISP whose validation tests are suites: RunConformance takes the
// suite's *testing.T (s.T()) and runs one subtest per case under the suite
// method, so that one case runs alone with
// go test -run 'TestConformanceInTestifySuite/TestCorpus/tld-io'.
// SetupSuite checks the corpus once with the suite's require.
type validatorSuite struct{ suite.Suite }

func (s *validatorSuite) SetupSuite() {
	cases, err := filingtest.Conformance()
	s.Require().NoError(err)
	s.Require().GreaterOrEqual(len(cases), 40, "conformance corpus")
}

func (s *validatorSuite) TestCorpus() {
	filingtest.RunConformance(s.T(), func(f *filing.Filing, now time.Time) error {
		return filing.Validate(f, filing.WithNow(func() time.Time { return now }))
	})
}

func TestConformanceInTestifySuite(t *testing.T) {
	suite.Run(t, new(validatorSuite))
}
