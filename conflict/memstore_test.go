package conflict_test

import (
	"testing"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
)

func TestR30_MemoryStoreConformance(t *testing.T) {
	conflicttest.TestStore(t, func(t *testing.T) conflict.Store { return conflict.NewMemoryStore() })
}
