package pgstore_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
	"github.com/beiankit/beian/conflict/pgstore"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/pgtest"
)

// loadRecords sizes BenchmarkLoad: go test -run '^$' -bench Load
// -pg.records 1000000 ./conflict/pgstore/ for the national-scale figure.
var loadRecords = flag.Int("pg.records", 20000, "records in BenchmarkLoad")

// BenchmarkClaim8Instances: 8 portal instances (each its own pool, Store
// and Replica) claim new domains at once; the metrics are the p50 and p99
// latency of Replica.Claim (check, claim in the database, sync the index).
func BenchmarkClaim8Instances(b *testing.B) {
	const instances = 8
	_, dsn := pgtest.NewSchema(b, pgtest.DSN(b))
	ctx := context.Background()
	reps := make([]*conflict.Replica, instances)
	for i := range reps {
		db := pgtest.Open(b, dsn)
		db.SetMaxOpenConns(2)
		s := migrated(b, pgstore.New(db))
		reps[i] = conflict.NewReplica(s, conflict.New())
		if _, err := reps[i].Load(ctx); err != nil {
			b.Fatal(err)
		}
	}
	lat := make([][]time.Duration, instances)
	b.ResetTimer()
	var wg sync.WaitGroup
	for i, r := range reps {
		wg.Go(func() {
			for j := i; j < b.N; j += instances {
				rec := conflicttest.Pending(fmt.Sprintf("I%dC%d", i, j), "52", fmt.Sprintf("claim%d.cn", j))
				t0 := time.Now()
				cs, err := r.Claim(ctx, conflicttest.FilingOf(rec), rec)
				if err != nil || len(cs) > 0 {
					b.Errorf("claim %d: %v %v", j, err, cs)
					return
				}
				lat[i] = append(lat[i], time.Since(t0))
			}
		})
	}
	wg.Wait()
	all := slices.Concat(lat...)
	slices.Sort(all)
	if len(all) > 0 {
		b.ReportMetric(float64(all[len(all)/2].Microseconds()), "p50-µs")
		b.ReportMetric(float64(all[len(all)*99/100].Microseconds()), "p99-µs")
	}
}

// nationalSet yields n approved subjects with one website each, in the
// shape of the national export.
func nationalSet(n int) iter.Seq2[conflict.Record, error] {
	return func(yield func(conflict.Record, error) bool) {
		for i := range n {
			num := fmt.Sprintf("黔ICP备%d%06d号", 2010+i/900000, i%900000+1)
			r := conflict.Record{
				Subject: conflict.SubjectRecord{Number: num, Province: "52", Name: fmt.Sprintf("贵阳第%d网络科技有限公司", i),
					Nature: filing.NatureEnterprise, CertType: filing.CertUSCC, CertNumber: filing.IDNumber(fmt.Sprintf("N%09d", i))},
				Websites: []conflict.WebsiteRecord{{Number: num + "-1", Name: fmt.Sprintf("第%d网站", i),
					Domains: []string{fmt.Sprintf("site%d.cn", i)}, HomeURL: fmt.Sprintf("https://www.site%d.cn", i)}},
			}
			if !yield(r, nil) {
				return
			}
		}
	}
}

// BenchmarkLoad loads the same record set (-pg.records, default 20 000)
// into an empty Index from the JSONL export (in memory) and from
// PostgreSQL (Replica.Load: Export streamed into LoadJSONL), in alternating
// order after a GC each; the metrics
// are the mean time of each and pg_vs_jsonl, their ratio (target ≤ 1.5).
// Filling the database (Import) is not timed.
func BenchmarkLoad(b *testing.B) {
	_, dsn := pgtest.NewSchema(b, pgtest.DSN(b))
	ctx := context.Background()
	s := migrated(b, pgstore.New(pgtest.Open(b, dsn)))
	var jsonl bytes.Buffer
	enc := json.NewEncoder(&jsonl)
	for r := range nationalSet(*loadRecords) {
		if err := enc.Encode(r); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := s.Import(ctx, nationalSet(*loadRecords)); err != nil {
		b.Fatal(err)
	}
	var tJSONL, tPG time.Duration
	fromJSONL := func() {
		runtime.GC() // the previous index is garbage: do not bill its collection here
		t0 := time.Now()
		ix := conflict.New(conflict.WithCapacity(*loadRecords, *loadRecords))
		if n, err := ix.LoadJSONL(bytes.NewReader(jsonl.Bytes())); err != nil || n != *loadRecords {
			b.Fatal(n, err)
		}
		tJSONL += time.Since(t0)
	}
	fromPG := func() {
		runtime.GC()
		t0 := time.Now()
		rep := conflict.NewReplica(s, conflict.New(conflict.WithCapacity(*loadRecords, *loadRecords)))
		if n, err := rep.Load(ctx); err != nil || n != *loadRecords {
			b.Fatal(n, err)
		}
		tPG += time.Since(t0)
	}
	i := 0
	for b.Loop() {
		if i%2 == 0 { // alternate the order
			fromJSONL()
			fromPG()
		} else {
			fromPG()
			fromJSONL()
		}
		i++
	}
	n := float64(b.N)
	b.ReportMetric(tJSONL.Seconds()*1000/n, "jsonl-ms/op")
	b.ReportMetric(tPG.Seconds()*1000/n, "pg-ms/op")
	b.ReportMetric(float64(tPG)/float64(tJSONL), "pg_vs_jsonl")
}
