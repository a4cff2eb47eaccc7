package pgstore_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/beiankit/beian/filing/resource"
	"github.com/beiankit/beian/filing/resource/pgstore"
	"github.com/beiankit/beian/filing/resource/resourcetest"
	"github.com/beiankit/beian/internal/pgtest"
)

// BenchmarkR96_Redeem: one redemption (a read and a Swap transaction) on
// PostgreSQL.
func BenchmarkR96_Redeem(b *testing.B) {
	s := migrated(b, pgstore.New(pgtest.FreshDB(b)))
	l, err := resource.NewLedger(s, resourcetest.Policy(0, true, false), resource.WithNow(resourcetest.NewClock(resourcetest.Start).Now))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	e, err := l.Issue(ctx, resourcetest.Instance("ins-1", "acct-a"))
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		f := fmt.Sprint("order-", i)
		if _, err := l.Redeem(ctx, e.Code, "acct-b", f); err != nil {
			b.Fatal(err)
		}
		if _, err := l.Abandon(ctx, e.Code, f); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
