package resourcetest_test

import (
	"fmt"
	"testing"

	"github.com/beiankit/beian/filing/resource"
	"github.com/beiankit/beian/filing/resource/resourcetest"
)

// A store is proven by running the suite against fresh instances of it; in
// a test file this is a Test function taking the *testing.T.
func ExampleTestStore() {
	testMemoryStore := func(t *testing.T) {
		resourcetest.TestStore(t, func(*testing.T) resource.Store { return resource.NewMemoryStore() })
	}
	_ = testMemoryStore
	fmt.Println(resourcetest.Races, "races of two filings on one code")
	// Output:
	// 1000 races of two filings on one code
}
