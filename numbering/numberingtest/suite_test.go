package numberingtest_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/suite"

	"github.com/beiankit/beian/numbering"
	"github.com/beiankit/beian/numbering/numberingtest"
)

// memoryStoreSuite shows the conformance suite inside a testify suite, for
// teams whose store tests are suites. TestStore takes the suite's
// *testing.T (s.T()) and runs its checks as subtests of it. Two things to
// keep in mind:
//
//   - newStore gets each subtest's own t: use it, not s.T() or s.Require(),
//     so that a failure while making a store is reported in the subtest
//     that made it;
//   - newStore must return a new, empty store on every call: SetupTest runs
//     once per suite method, not once per subtest, so a store made there
//     would be shared by every check.
type memoryStoreSuite struct {
	suite.Suite
	made int // stores made by newStore in the current method
}

func (s *memoryStoreSuite) SetupTest() { s.made = 0 }

func (s *memoryStoreSuite) newStore(t *testing.T) numbering.Store {
	t.Helper()
	s.made++
	return numbering.NewMemoryStore()
}

func (s *memoryStoreSuite) TestConformance() {
	numberingtest.TestStore(s.T(), s.newStore)
	s.Greater(s.made, 5, "TestStore made %d stores; it wants a fresh one per check", s.made)
}

// The suite's own assertions sit next to the conformance run: the first
// number of a province and year ends in 000001.
func (s *memoryStoreSuite) TestFirstNumberOfTheYear() {
	a := numbering.NewAllocator(s.newStore(s.T()))
	n, err := a.NextSubject(context.Background(), "52", time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC))
	s.Require().NoError(err)
	s.Equal("黔ICP备2026000001号", n.String())
}

func TestR41_StoreConformanceInTestifySuite(t *testing.T) {
	suite.Run(t, new(memoryStoreSuite))
}
