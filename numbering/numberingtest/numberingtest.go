// Package numberingtest is the conformance suite for numbering.Store
// implementations, in the spirit of net/http/httptest: a bureau that puts the
// allocation counters on its own database proves its Store with
//
//	func TestPostgresStore(t *testing.T) {
//		numberingtest.TestStore(t, func(t *testing.T) numbering.Store {
//			return newEmptyPostgresStore(t) // fresh schema per call
//		})
//	}
package numberingtest

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/beiankit/beian/numbering"
)

// Goroutines and PerGoroutine size the concurrency checks of TestStore
// (64 × 250 reservations by default). Raise them for a soak run.
var (
	Goroutines   = 64
	PerGoroutine = 250
)

// TestStore runs the conformance suite against the Store implementation made
// by newStore, which must return a new, empty store on every call (the
// restart checks call it again and rebuild the second store from the first
// one's Snapshot through Raise). It checks: the first value is 1 and values
// follow without gaps; keys are independent; the limit is never passed and
// an exhausted counter stays exhausted; Raise never lowers; Snapshot lists
// every counter; concurrent Reserve calls never return the same value
// and leave no gaps; a store rebuilt from a snapshot never reissues a
// value; a cancelled context is reported; and an Allocator on the store issues
// unique numbers.
//
// In a testify suite, pass the suite's T() and make the store from the t
// newStore is given (each check is a subtest), never in SetupTest:
//
//	func (s *storeSuite) TestConformance() {
//		numberingtest.TestStore(s.T(), func(t *testing.T) numbering.Store { return newEmptyStore(t) })
//	}
func TestStore(t *testing.T, newStore func(t *testing.T) numbering.Store) {
	t.Helper()
	ctx := context.Background()
	subj := mustParse(t, "黔ICP备2026001073号")
	keys := []numbering.Key{
		numbering.SubjectKey("52", 2026),
		numbering.SubjectKey("52", 2025),
		numbering.SubjectKey("11", 2026),
		numbering.ServiceKey(subj),
		numbering.ServiceKey(mustParse(t, "粤B2-20090059")),
		numbering.ServiceKey(mustParse(t, "京ICP备05002571号")),
	}

	t.Run("R41_SequentialFromOne", func(t *testing.T) {
		s := newStore(t)
		for want := uint64(1); want <= 5; want++ {
			if got := reserve(t, s, keys[0], 100); got != want {
				t.Fatalf("Reserve #%d = %d, want %d", want, got, want)
			}
		}
	})

	t.Run("R41_KeysIndependent", func(t *testing.T) {
		s := newStore(t)
		for round := uint64(1); round <= 3; round++ {
			for _, k := range keys {
				if got := reserve(t, s, k, 100); got != round {
					t.Fatalf("Reserve(%v) in round %d = %d, want %d", k, round, got, round)
				}
			}
		}
	})

	t.Run("R41_ExhaustedNeverWraps", func(t *testing.T) {
		s := newStore(t)
		for want := uint64(1); want <= 3; want++ {
			if got := reserve(t, s, keys[3], 3); got != want {
				t.Fatalf("Reserve = %d, want %d", got, want)
			}
		}
		for range 2 {
			v, err := s.Reserve(ctx, keys[3], 3)
			if !errors.Is(err, numbering.ErrSequenceExhausted) {
				t.Fatalf("Reserve past max = %d, %v; want ErrSequenceExhausted", v, err)
			}
		}
		if got := reserve(t, s, keys[3], 4); got != 4 {
			t.Fatalf("Reserve after exhaustion with a larger max = %d, want 4 (exhaustion must not consume)", got)
		}
		if err := s.Raise(ctx, numbering.Counter{Key: keys[4], Last: 7}); err != nil {
			t.Fatal(err)
		}
		if v, err := s.Reserve(ctx, keys[4], 7); !errors.Is(err, numbering.ErrSequenceExhausted) {
			t.Fatalf("Reserve of a counter raised to max = %d, %v; want ErrSequenceExhausted", v, err)
		}
	})

	t.Run("R41_RaiseNeverLowers", func(t *testing.T) {
		s := newStore(t)
		reserve(t, s, keys[0], 100)
		if err := s.Raise(ctx, numbering.Counter{Key: keys[0], Last: 10}, numbering.Counter{Key: keys[1], Last: 3}); err != nil {
			t.Fatal(err)
		}
		if got := reserve(t, s, keys[0], 100); got != 11 {
			t.Fatalf("Reserve after Raise(10) = %d, want 11", got)
		}
		if err := s.Raise(ctx, numbering.Counter{Key: keys[0], Last: 5}); err != nil {
			t.Fatal(err)
		}
		if got := reserve(t, s, keys[0], 100); got != 12 {
			t.Fatalf("Reserve after a lower Raise = %d, want 12 (Raise must never lower)", got)
		}
		if got := reserve(t, s, keys[1], 100); got != 4 {
			t.Fatalf("second counter of a batch Raise: Reserve = %d, want 4", got)
		}
		if err := s.Raise(ctx); err != nil {
			t.Fatalf("Raise with no counters: %v", err)
		}
	})

	t.Run("Snapshot", func(t *testing.T) {
		s := newStore(t)
		want := map[numbering.Key]uint64{}
		for i, k := range keys {
			for range i + 1 {
				want[k] = reserve(t, s, k, 100)
			}
		}
		if err := s.Raise(ctx, numbering.Counter{Key: numbering.SubjectKey("65", 2030), Last: 42}); err != nil {
			t.Fatal(err)
		}
		want[numbering.SubjectKey("65", 2030)] = 42
		got := snapshot(t, s)
		if len(got) != len(want) {
			t.Fatalf("Snapshot has %d counters, want %d: %v", len(got), len(want), got)
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("Snapshot[%v] = %d, want %d", k, got[k], v)
			}
		}
	})

	t.Run("R41_ConcurrentNoDuplicateNoGap", func(t *testing.T) {
		s := newStore(t)
		shared := keys[:4]
		results := make([][]uint64, Goroutines)
		var wg sync.WaitGroup
		errs := make(chan error, Goroutines)
		for g := range Goroutines {
			wg.Go(func() {
				k := shared[g%len(shared)]
				out := make([]uint64, 0, PerGoroutine)
				for range PerGoroutine {
					v, err := s.Reserve(ctx, k, 1<<40)
					if err != nil {
						errs <- err
						return
					}
					out = append(out, v)
				}
				results[g] = out
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		per := map[numbering.Key][]uint64{}
		for g, vs := range results {
			k := shared[g%len(shared)]
			per[k] = append(per[k], vs...)
		}
		for k, vs := range per {
			slices.Sort(vs)
			for i, v := range vs {
				if v != uint64(i+1) {
					t.Fatalf("%v: sorted values[%d] = %d, want %d (duplicate or gap)", k, i, v, i+1)
				}
			}
		}
	})

	t.Run("R41_ConcurrentRaiseAndReserve", func(t *testing.T) {
		s := newStore(t)
		k := keys[0]
		seen := make([][]uint64, Goroutines)
		var wg sync.WaitGroup
		for g := range Goroutines {
			wg.Go(func() {
				for i := range PerGoroutine / 5 {
					if g%8 == 0 {
						_ = s.Raise(ctx, numbering.Counter{Key: k, Last: uint64(i * 10)})
						continue
					}
					if v, err := s.Reserve(ctx, k, 1<<40); err == nil {
						seen[g] = append(seen[g], v)
					}
				}
			})
		}
		wg.Wait()
		all := slices.Concat(seen...)
		slices.Sort(all)
		if i := firstDup(all); i >= 0 {
			t.Fatalf("value %d reserved twice while Raise ran concurrently", all[i])
		}
	})

	t.Run("R41_RestartFromSnapshot", func(t *testing.T) {
		a := newStore(t)
		last := map[numbering.Key]uint64{}
		for i, k := range keys {
			for range 3*i + 1 {
				last[k] = reserve(t, a, k, 1000)
			}
		}
		snap, err := a.Snapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b := newStore(t)
		if err := b.Raise(ctx, snap...); err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if got := reserve(t, b, k, 1000); got != last[k]+1 {
				t.Fatalf("restarted store: Reserve(%v) = %d, want %d", k, got, last[k]+1)
			}
		}
		fresh := numbering.SubjectKey("44", 2026)
		if got := reserve(t, b, fresh, 1000); got != 1 {
			t.Fatalf("restarted store, new key: Reserve = %d, want 1", got)
		}
	})

	t.Run("CancelledContext", func(t *testing.T) {
		s := newStore(t)
		first := reserve(t, s, keys[0], 100)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.Reserve(cctx, keys[0], 100); !errors.Is(err, context.Canceled) {
			t.Fatalf("Reserve with a cancelled context: err = %v, want context.Canceled", err)
		}
		if err := s.Raise(cctx, numbering.Counter{Key: keys[1], Last: 9}); !errors.Is(err, context.Canceled) {
			t.Fatalf("Raise with a cancelled context: err = %v, want context.Canceled", err)
		}
		if got := reserve(t, s, keys[0], 100); got <= first {
			t.Fatalf("Reserve after a cancelled call = %d, want > %d", got, first)
		}
	})

	t.Run("R40_R42_AllocatorOnStore", func(t *testing.T) {
		s := newStore(t)
		a := numbering.NewAllocator(s)
		at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		seen := map[numbering.Number]bool{}
		add := func(n numbering.Number, err error) numbering.Number {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
			if seen[n] {
				t.Fatalf("number %s issued twice", n)
			}
			seen[n] = true
			return n
		}
		subject := add(a.NextSubject(ctx, "黔", at))
		if got, want := subject.String(), "黔ICP备2026000001号"; got != want {
			t.Fatalf("first subject = %s, want %s", got, want)
		}
		add(a.NextService(ctx, subject, numbering.ServiceWebsite))
		app := add(a.NextService(ctx, subject, numbering.ServiceApp))
		if got, want := app.String(), "黔ICP备2026000001号-2A"; got != want {
			t.Fatalf("app = %s, want %s", got, want)
		}
		snap, err := s.Snapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		s2 := newStore(t)
		if err := s2.Raise(ctx, snap...); err != nil {
			t.Fatal(err)
		}
		a2 := numbering.NewAllocator(s2)
		add(a2.NextSubject(ctx, "52", at))
		mini := add(a2.NextService(ctx, subject, numbering.ServiceMiniProgram))
		if got, want := mini.String(), "黔ICP备2026000001号-3X"; got != want {
			t.Fatalf("after restart: mini-program = %s, want %s", got, want)
		}
	})
}

func mustParse(t *testing.T, s string) numbering.Number {
	t.Helper()
	n, err := numbering.Parse(s)
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return n
}

func reserve(t *testing.T, s numbering.Store, k numbering.Key, max uint64) uint64 {
	t.Helper()
	v, err := s.Reserve(context.Background(), k, max)
	if err != nil {
		t.Fatalf("Reserve(%v): %v", k, err)
	}
	return v
}

func snapshot(t *testing.T, s numbering.Store) map[numbering.Key]uint64 {
	t.Helper()
	cs, err := s.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[numbering.Key]uint64{}
	for _, c := range cs {
		if _, dup := out[c.Key]; dup {
			t.Fatalf("Snapshot lists %v twice", c.Key)
		}
		out[c.Key] = c.Last
	}
	return out
}

func firstDup(sorted []uint64) int {
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] {
			return i
		}
	}
	return -1
}
