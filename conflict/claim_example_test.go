package conflict_test

import (
	"context"
	"fmt"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
)

// Two portal instances share one Store (here in memory; conflict/pgstore in
// production). The second has not seen the first's filing: its own index
// lets the filing through, the store refuses it, and Claim answers with the
// conflict Check gives (R-30).
func ExampleReplica_Claim() {
	ctx := context.Background()
	store := conflict.NewMemoryStore()
	a := conflict.NewReplica(store, conflict.New())
	b := conflict.NewReplica(store, conflict.New())

	first := conflicttest.Pending("91520100MA6H7K2Q1D", "52", "example.com")
	conflicts, err := a.Claim(ctx, conflicttest.FilingOf(first), first)
	fmt.Println(len(conflicts), err)

	second := conflicttest.Pending("91330100MA27XL0E2K", "33", "www.example.com")
	conflicts, err = b.Claim(ctx, conflicttest.FilingOf(second), second)
	fmt.Println(err)
	for _, c := range conflicts {
		fmt.Println(c.Kind, c.Rule(), c.Domain, c.Blocking.ProvinceName())
	}
	// Output:
	// 0 <nil>
	// <nil>
	// conflict.domain_other_province R-30 example.com 贵州省
}

// The unique keys a record holds in a Store.
func ExampleRecordKeys() {
	r := conflicttest.Pending("91520100MA6H7K2Q1D", "52", "WWW.Example.com.", "例子.中国")
	subject, keys, _, err := conflict.RecordKeys(r)
	fmt.Println(subject, err)
	for _, k := range keys {
		fmt.Println(k)
	}
	// Output:
	// cert:uscc_certificate:915201********2Q1D <nil>
	// cert:uscc_certificate:915201********2Q1D
	// domain:example.com
	// domain:xn--fsqu00a.xn--fiqs8s
}
