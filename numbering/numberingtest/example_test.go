package numberingtest_test

import (
	"testing"

	"github.com/beiankit/beian/numbering"
	"github.com/beiankit/beian/numbering/numberingtest"
)

// A Store on a bureau's database proves itself in a test of its own module
// by running the suite against a fresh, empty store per call (here the
// SDK's in-memory Store; this package's own test runs exactly that).
func ExampleTestStore() {
	testPostgresStore := func(t *testing.T) {
		numberingtest.TestStore(t, func(t *testing.T) numbering.Store {
			return numbering.NewMemoryStore() // e.g. a store on a new schema, dropped by t.Cleanup
		})
	}
	_ = testPostgresStore // func TestPostgresStore(t *testing.T) { ... } in your _test.go file
}
