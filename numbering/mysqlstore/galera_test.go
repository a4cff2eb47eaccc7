package mysqlstore_test

import (
	"context"
	"sync"
	"testing"

	"github.com/beiankit/beian/internal/mysqltest"
	"github.com/beiankit/beian/numbering"
	"github.com/beiankit/beian/numbering/mysqlstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestR41_GaleraReserveThroughThreeNodes: 24 goroutines reserve from one
// counter through the three nodes of a Galera cluster at once. Every value
// is issued once and none is skipped. (A Reserve that re-read the counter
// after incrementing it issued duplicates here: on Galera, a transaction
// aborted by another node's write set can see its statements answer with
// no change before its COMMIT fails, and the re-read then returned another
// reservation's value. Reserve now returns the value its compare-and-set
// wrote.)
func TestR41_GaleraReserveThroughThreeNodes(t *testing.T) {
	nodes, _ := mysqltest.Galera(t)
	name, _ := mysqltest.NewDatabase(t, nodes[0])
	ctx := context.Background()
	var stores []*mysqlstore.Store
	for _, n := range nodes {
		stores = append(stores, mysqlstore.New(mysqltest.Open(t, mysqltest.WithDatabase(t, n, name))))
	}
	require.NoError(t, stores[0].Migrate(ctx))
	const goroutines, each = 24, 40
	key := numbering.SubjectKey("52", 2026)
	var mu sync.Mutex
	seen := map[uint64]int{}
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			for range each {
				v, err := stores[g%len(stores)].Reserve(ctx, key, 1<<40)
				if !assert.NoError(t, err) {
					return
				}
				mu.Lock()
				seen[v]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for v, n := range seen {
		assert.Equal(t, 1, n, "value %d issued %d times", v, n)
	}
	assert.Len(t, seen, goroutines*each)
	for v := uint64(1); v <= goroutines*each; v++ {
		assert.Contains(t, seen, v, "value %d skipped", v)
	}
}
