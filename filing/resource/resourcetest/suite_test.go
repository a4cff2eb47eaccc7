package resourcetest_test

import (
	"testing"

	"github.com/beiankit/beian/filing/resource"
	"github.com/beiankit/beian/filing/resource/resourcetest"
)

// TestR96_MemoryStoreConformance runs the suite on the in-memory store.
func TestR96_MemoryStoreConformance(t *testing.T) {
	resourcetest.TestStore(t, func(*testing.T) resource.Store { return resource.NewMemoryStore() })
}
