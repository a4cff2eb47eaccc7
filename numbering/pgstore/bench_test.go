package pgstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/beiankit/beian/internal/pgtest"
	"github.com/beiankit/beian/numbering"
	"github.com/beiankit/beian/numbering/pgstore"
)

// BenchmarkReserve compares allocations through the Store with the
// baseline, a raw UPDATE … RETURNING on the same table and pool, in a tight
// loop on one goroutine. Each iteration runs one of each, alternately, so
// that both see the same load on a shared machine; the metrics are their
// mean times and store_vs_raw, the Store's allocations per second as a
// fraction of the raw statement's (target ≥ 0.5).
func BenchmarkReserve(b *testing.B) {
	_, dsn := pgtest.NewSchema(b, pgtest.DSN(b))
	db := pgtest.Open(b, dsn)
	ctx := context.Background()
	s := pgstore.New(db)
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
		var v int64
		if err := db.QueryRowContext(ctx, `UPDATE beian_numbering_counter SET last = last + 1 WHERE key = $1 RETURNING last`, raw).Scan(&v); err != nil {
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
