package mysqlstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/beiankit/beian/internal/mysqltest"
	"github.com/beiankit/beian/numbering"
	"github.com/beiankit/beian/numbering/mysqlstore"
)

// BenchmarkReserve: the Store's Reserve (a transaction of a locking read
// and a compare-and-set) against a baseline, a raw autocommit UPDATE … SET
// last = last + 1 on the same table and pool (which returns no value: the
// least any reservation costs), alternately in one loop, so that both see
// the same load on a shared machine; store_vs_raw is the Store's
// reservations per second as a fraction of the raw statement's.
func BenchmarkReserve(b *testing.B) {
	db := mysqltest.FreshDB(b)
	ctx := context.Background()
	s := mysqlstore.New(db)
	if err := s.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	storeKey, rawKey := numbering.SubjectKey("52", 2026), numbering.SubjectKey("11", 2026)
	for _, k := range []numbering.Key{storeKey, rawKey} {
		if _, err := s.Reserve(ctx, k, numbering.MaxSequence); err != nil {
			b.Fatal(err)
		}
	}
	raw := rawKey.String()
	var tRaw, tStore time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := db.ExecContext(ctx, `UPDATE beian_numbering_counter SET last = last + 1 WHERE counter_key = ?`, raw); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := s.Reserve(ctx, storeKey, 1<<62); err != nil {
			b.Fatal(err)
		}
		tRaw += t1.Sub(t0)
		tStore += time.Since(t1)
	}
	n := float64(b.N)
	b.ReportMetric(float64(tRaw.Nanoseconds())/n, "raw-ns/op")
	b.ReportMetric(float64(tStore.Nanoseconds())/n, "store-ns/op")
	b.ReportMetric(float64(tRaw)/float64(tStore), "store_vs_raw")
}
