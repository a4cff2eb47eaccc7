package conflict_test

import (
	"context"
	"fmt"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
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

// An app added to a subject on file: ClaimChange reads the subject's record
// from the store (every field, where the index keeps only what a Check
// reads), lets the caller add the app, and writes the record back unless
// the subject changed in between (R-13).
func ExampleReplica_ClaimChange() {
	ctx := context.Background()
	store := conflict.NewMemoryStore()
	filed := conflicttest.Pending("91520100MA6H7K2Q1D", "52", "example.com")
	filed.Subject.Number, filed.Subject.Status = "黔ICP备2026000001号", filing.StatusApproved
	w := &filed.Websites[0]
	w.Number, w.Status = "黔ICP备2026000001号-1", filing.StatusApproved
	w.Access = []record.Access{{ISP: "某云计算有限公司", ISPProvince: "52"}}
	_, _ = store.Put(ctx, filed, conflict.Unconditional)
	rep := conflict.NewReplica(store, conflict.New())
	_, _ = rep.Load(ctx)

	f := conflicttest.FilingOf(conflicttest.PendingApp("91520100MA6H7K2Q1D", "52", "com.example.app"))
	f.Subject.Number = "黔ICP备2026000001号"
	conflicts, err := rep.ClaimChange(ctx, f, func(r *conflict.Record) error {
		r.Apps = append(r.Apps, record.Of(f, filing.StatusBureauReview, time.Time{}).Apps...)
		return nil
	})
	fmt.Println(len(conflicts), err)
	r, _, _ := store.Get(ctx, filing.CertUSCC, "91520100MA6H7K2Q1D")
	fmt.Println(r.Apps[0].Platforms[0].Identifier, r.Websites[0].Access[0].ISP)
	// Output:
	// 0 <nil>
	// com.example.app 某云计算有限公司
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
