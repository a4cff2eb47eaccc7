package conflicttest_test

import (
	"fmt"
	"testing"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
)

// A Store on a bureau's or an ISP's database proves itself in a test of its
// own module by running the suite against a fresh, empty store per call
// (here the SDK's in-memory Store; conflict's own tests run exactly that,
// and conflict/pgstore's run it on PostgreSQL).
func ExampleTestStore() {
	testPostgresStore := func(t *testing.T) {
		conflicttest.TestStore(t, func(t *testing.T) conflict.Store {
			return conflict.NewMemoryStore() // e.g. a store on a new schema, dropped by t.Cleanup
		})
	}
	_ = testPostgresStore // func TestPostgresStore(t *testing.T) { ... } in your _test.go file
}

// The records the suite races with: a pending app holds its platform
// identifier, case-folded, as a unique key of the record set (R-74). Keys
// print with certificate numbers masked.
func ExamplePendingApp() {
	r := conflicttest.PendingApp("91520100MA6H7K2Q1D", "52", "Com.Example.App")
	_, keys, _, err := conflict.RecordKeys(r)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, k := range keys {
		fmt.Println(k)
	}
	// Output:
	// app:com.example.app
	// cert:uscc_certificate:915201********2Q1D
}
