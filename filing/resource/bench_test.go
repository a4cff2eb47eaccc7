package resource_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/beiankit/beian/filing/resource"
	"github.com/beiankit/beian/filing/resource/resourcetest"
)

// BenchmarkR96_RedeemComplete: one code's life (issue, redeem, complete)
// on the memory store.
func BenchmarkR96_RedeemComplete(b *testing.B) {
	clk := resourcetest.NewClock(resourcetest.Start)
	l, err := resource.NewLedger(resource.NewMemoryStore(), resourcetest.Policy(0, true, false), resource.WithNow(clk.Now))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		e, err := l.Issue(ctx, resourcetest.Instance(fmt.Sprint("ins-", i%1000), "acct-a"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := l.Redeem(ctx, e.Code, "acct-b", "order"); err != nil {
			b.Fatal(err)
		}
		if _, err := l.Complete(ctx, e.Code, "order", ""); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
