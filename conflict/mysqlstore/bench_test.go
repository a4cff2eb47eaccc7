package mysqlstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
	"github.com/beiankit/beian/conflict/mysqlstore"
	"github.com/beiankit/beian/internal/mysqltest"
)

// BenchmarkPut: one filing's record written (keys claimed, record and
// change sequence updated) per iteration, new subjects on one goroutine.
func BenchmarkPut(b *testing.B) {
	s := migrated(b, mysqlstore.New(mysqltest.FreshDB(b)))
	ctx := context.Background()
	i := 0
	for b.Loop() {
		r := conflicttest.Pending(fmt.Sprintf("B%d", i), "52", fmt.Sprintf("put%d.cn", i), fmt.Sprintf("www.put%d.com.cn", i))
		if _, err := s.Put(ctx, r, conflict.Unconditional); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
