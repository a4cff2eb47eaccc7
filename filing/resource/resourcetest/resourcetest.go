// Package resourcetest is the conformance suite for resource.Store
// implementations, in the spirit of net/http/httptest: a store on
// the ISP's own database proves itself with
//
//	func TestMyStore(t *testing.T) {
//		resourcetest.TestStore(t, func(t *testing.T) resource.Store {
//			return newEmptyStore(t) // fresh and empty on every call
//		})
//	}
package resourcetest

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing/resource"
)

// Races is the number of two-filing races on one code that TestStore runs
// (1 000 by default); Workers is the number of goroutines of the cap check.
var (
	Races   = 1000
	Workers = 16
)

// Clock is a settable clock for a Ledger (resource.WithNow); safe for
// concurrent use.
type Clock struct{ ns atomic.Int64 }

// NewClock returns a Clock standing at t.
func NewClock(t time.Time) *Clock {
	c := &Clock{}
	c.Set(t)
	return c
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time { return time.Unix(0, c.ns.Load()).In(calendar.Location()) }

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) { c.ns.Store(t.UnixNano()) }

// Start is the instant the suite's clocks start at: 2026-03-02 09:00 CST.
var Start = time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Location())

// Instance returns an instance of account that every preset accepts at
// Start: prepaid, running, mainland, with a public address, one year left.
func Instance(id, account string) resource.Instance {
	return resource.Instance{ID: id, Account: account, Prepaid: true, Running: true, Mainland: true,
		PublicIP: netip.MustParseAddr("119.29.29.29"), ExpiresAt: Start.AddDate(1, 0, 0)}
}

// Policy returns a test policy: cap, bearer and grantable as given, the
// Tencent preset's instance conditions.
func Policy(limit int, bearer, grantable bool) resource.Policy {
	p, _ := resource.PolicyNamed("tencent")
	p.Name, p.CapPerInstance, p.Bearer, p.Grantable = "test", limit, bearer, grantable
	return p
}

// TestStore runs the suite against the Store made by newStore, which must
// return a new, empty store on every call. It checks: the cap per
// instance, also under concurrent issues; single use after success; reuse
// after abandonment; expiry with the instance and renewal; grants and the
// account check; duplicates, unknown codes, listing by instance; a
// cancelled context; and that of two filings redeeming one code at once
// exactly one wins, Races times.
func TestStore(t *testing.T, newStore func(t *testing.T) resource.Store) {
	t.Helper()
	ctx := context.Background()
	ledger := func(t *testing.T, s resource.Store, p resource.Policy) (*resource.Ledger, *Clock) {
		t.Helper()
		clk := NewClock(Start)
		l, err := resource.NewLedger(s, p, resource.WithNow(clk.Now))
		if err != nil {
			t.Fatal(err)
		}
		return l, clk
	}
	want := func(t *testing.T, err error, code error) {
		t.Helper()
		if !errors.Is(err, code) {
			t.Fatalf("got %v, want %v", err, code)
		}
	}
	ok := func(t *testing.T, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}

	t.Run("R96_CapPerInstance", func(t *testing.T) {
		l, _ := ledger(t, newStore(t), Policy(2, true, false))
		inst := Instance("ins-1", "acct-a")
		a, err := l.Issue(ctx, inst)
		ok(t, err)
		_, err = l.Issue(ctx, inst)
		ok(t, err)
		_, err = l.Issue(ctx, inst)
		want(t, err, resource.ErrCapReached)
		_, err = l.Issue(ctx, Instance("ins-2", "acct-a"))
		ok(t, err) // another instance has its own cap
		_, err = l.Revoke(ctx, a.Code, "acct-a")
		ok(t, err)
		_, err = l.Issue(ctx, inst)
		ok(t, err) // a revoked code frees its slot
		// A filed code keeps its slot.
		es, err := l.ByInstance(ctx, "ins-1")
		ok(t, err)
		if len(es) != 3 {
			t.Fatalf("ByInstance: %d entries, want 3", len(es))
		}
		for i := 1; i < len(es); i++ {
			if es[i-1].Code >= es[i].Code {
				t.Fatalf("ByInstance not sorted: %v", es)
			}
		}
	})

	t.Run("R96_CapUnderConcurrentIssues", func(t *testing.T) {
		l, _ := ledger(t, newStore(t), Policy(5, true, false))
		var won atomic.Int32
		var wg sync.WaitGroup
		for range Workers {
			wg.Go(func() {
				_, err := l.Issue(ctx, Instance("ins-c", "acct-a"))
				switch {
				case err == nil:
					won.Add(1)
				case !errors.Is(err, resource.ErrCapReached):
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if n := won.Load(); n != 5 {
			t.Fatalf("%d codes issued on an instance capped at 5", n)
		}
	})

	t.Run("R96_SingleUseAfterSuccess", func(t *testing.T) {
		l, _ := ledger(t, newStore(t), Policy(5, true, false))
		e, err := l.Issue(ctx, Instance("ins-1", "acct-a"))
		ok(t, err)
		r, err := l.Redeem(ctx, e.Code, "acct-b", "order-1")
		ok(t, err)
		if r.State != resource.StateInReview || r.FilingID != "order-1" || r.Filer != "acct-b" {
			t.Fatalf("after Redeem: %+v", r)
		}
		_, err = l.Redeem(ctx, e.Code, "acct-b", "order-1")
		ok(t, err) // the same filing again: idempotent
		_, err = l.Redeem(ctx, e.Code, "acct-c", "order-2")
		want(t, err, resource.ErrInUse)
		_, err = l.Complete(ctx, e.Code, "order-2", "")
		want(t, err, resource.ErrWrongFiling)
		f, err := l.Complete(ctx, e.Code, "order-1", "黔ICP备2026000001号")
		ok(t, err)
		if f.State != resource.StateFiled || f.RecordNumber != "黔ICP备2026000001号" {
			t.Fatalf("after Complete: %+v", f)
		}
		_, err = l.Redeem(ctx, e.Code, "acct-b", "order-3")
		want(t, err, resource.ErrUsed)
		_, err = l.Abandon(ctx, e.Code, "order-1")
		want(t, err, resource.ErrUsed) // a filed code cannot be freed again
		_, err = l.Revoke(ctx, e.Code, "acct-a")
		want(t, err, resource.ErrUsed)
		g, err := l.Get(ctx, e.Code)
		ok(t, err)
		if g.State != resource.StateFiled || g.StateAt(Start.AddDate(5, 0, 0)) != resource.StateFiled {
			t.Fatalf("a filed code stays filed: %+v", g)
		}
	})

	t.Run("R96_ReuseAfterAbandonment", func(t *testing.T) {
		l, _ := ledger(t, newStore(t), Policy(5, true, false))
		e, err := l.Issue(ctx, Instance("ins-1", "acct-a"))
		ok(t, err)
		_, err = l.Redeem(ctx, e.Code, "acct-b", "order-1")
		ok(t, err)
		_, err = l.Abandon(ctx, e.Code, "order-9")
		want(t, err, resource.ErrWrongFiling)
		a, err := l.Abandon(ctx, e.Code, "order-1")
		ok(t, err)
		if a.State != resource.StateIssued || a.FilingID != "" || a.Filer != "" {
			t.Fatalf("after Abandon: %+v", a)
		}
		r, err := l.Redeem(ctx, e.Code, "acct-c", "order-2")
		ok(t, err)
		if r.FilingID != "order-2" {
			t.Fatalf("after second Redeem: %+v", r)
		}
	})

	t.Run("R96_ExpiresWithInstance", func(t *testing.T) {
		l, clk := ledger(t, newStore(t), Policy(5, true, false))
		inst := Instance("ins-1", "acct-a")
		e, err := l.Issue(ctx, inst)
		ok(t, err)
		held, err := l.Issue(ctx, inst)
		ok(t, err)
		_, err = l.Redeem(ctx, held.Code, "acct-b", "order-1")
		ok(t, err)
		clk.Set(inst.ExpiresAt)
		_, err = l.Redeem(ctx, e.Code, "acct-b", "order-2")
		want(t, err, resource.ErrExpired)
		g, err := l.Get(ctx, held.Code)
		ok(t, err)
		if g.StateAt(clk.Now()) != resource.StateExpired {
			t.Fatalf("in review past the instance's end: %v", g.StateAt(clk.Now()))
		}
		n, err := l.Renew(ctx, "ins-1", inst.ExpiresAt.AddDate(1, 0, 0))
		ok(t, err)
		if n != 2 {
			t.Fatalf("Renew changed %d entries, want 2", n)
		}
		_, err = l.Redeem(ctx, e.Code, "acct-b", "order-2")
		ok(t, err)
		n, err = l.Renew(ctx, "ins-1", inst.ExpiresAt.AddDate(1, 0, 0))
		ok(t, err)
		if n != 0 {
			t.Fatalf("Renew to the same end changed %d entries", n)
		}
	})

	t.Run("R96_GrantToAnotherAccount", func(t *testing.T) {
		l, _ := ledger(t, newStore(t), Policy(5, false, true))
		e, err := l.Issue(ctx, Instance("ins-1", "acct-a"))
		ok(t, err)
		_, err = l.Redeem(ctx, e.Code, "acct-b", "order-1")
		want(t, err, resource.ErrNotYours)
		_, err = l.Grant(ctx, e.Code, "acct-x", "acct-b")
		want(t, err, resource.ErrNotYours)
		g, err := l.Grant(ctx, e.Code, "acct-a", "acct-b")
		ok(t, err)
		if g.Grantee != "acct-b" || g.State != resource.StateIssued {
			t.Fatalf("after Grant: %+v", g)
		}
		_, err = l.Redeem(ctx, e.Code, "acct-c", "order-1")
		want(t, err, resource.ErrNotYours)
		_, err = l.Redeem(ctx, e.Code, "acct-b", "order-1")
		ok(t, err)
		_, err = l.Grant(ctx, e.Code, "acct-a", "acct-c")
		want(t, err, resource.ErrInUse)

		own, err := l.Issue(ctx, Instance("ins-1", "acct-a"))
		ok(t, err)
		_, err = l.Redeem(ctx, own.Code, "acct-a", "order-2")
		ok(t, err) // the owner needs no grant

		nl, _ := ledger(t, newStore(t), Policy(5, true, false))
		ne, err := nl.Issue(ctx, Instance("ins-1", "acct-a"))
		ok(t, err)
		_, err = nl.Grant(ctx, ne.Code, "acct-a", "acct-b")
		want(t, err, resource.ErrNotGrantable)
		_, err = nl.Redeem(ctx, ne.Code, "acct-z", "order-1")
		ok(t, err) // a bearer code: whoever holds it
	})

	t.Run("R96_StoreBasics", func(t *testing.T) {
		s := newStore(t)
		l, _ := ledger(t, s, Policy(5, true, false))
		_, err := l.Redeem(ctx, "NONE-SUCH-CODE", "acct-b", "order-1")
		want(t, err, resource.ErrNotFound)
		_, err = l.Get(ctx, "none-such")
		want(t, err, resource.ErrNotFound)
		_, err = l.Get(ctx, "no such code!")
		want(t, err, resource.ErrBadCode)
		e, err := l.Issue(ctx, Instance("ins-1", "acct-a"))
		ok(t, err)
		want(t, s.Insert(ctx, e, 0), resource.ErrExists)
		// Codes compare after NormalizeCode: lower case, full width, spaces.
		g, err := l.Get(ctx, " "+toFullWidthLower(e.Code)+" ")
		ok(t, err)
		if g.Code != e.Code || !g.ExpiresAt.Equal(e.ExpiresAt) || !g.IssuedAt.Equal(e.IssuedAt) ||
			g.Owner != "acct-a" || g.Instance != "ins-1" || g.Kind != e.Kind {
			t.Fatalf("Get = %+v, want %+v", g, e)
		}
		none, err := s.ByInstance(ctx, "ins-none")
		ok(t, err)
		if len(none) != 0 {
			t.Fatalf("ByInstance of an unknown instance: %v", none)
		}
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if _, err := s.Get(cctx, e.Code); !errors.Is(err, context.Canceled) {
			t.Fatalf("Get with a cancelled context: %v", err)
		}
	})

	t.Run("R96_OneWinnerPerCode", func(t *testing.T) {
		l, _ := ledger(t, newStore(t), Policy(5, true, false))
		codes := make([]string, Races)
		for i := range codes {
			e, err := l.Issue(ctx, Instance(fmt.Sprintf("ins-%d", i/5), "acct-a"))
			ok(t, err)
			codes[i] = e.Code
		}
		for i, c := range codes {
			var start, wg sync.WaitGroup
			start.Add(1)
			errs := [2]error{}
			for k := range 2 {
				wg.Go(func() {
					start.Wait()
					_, errs[k] = l.Redeem(ctx, c, fmt.Sprintf("acct-%d", k), fmt.Sprintf("order-%d-%d", i, k))
				})
			}
			start.Done()
			wg.Wait()
			winners := 0
			for _, err := range errs {
				switch {
				case err == nil:
					winners++
				case !errors.Is(err, resource.ErrInUse):
					t.Fatalf("race %d: loser's error %v, want ErrInUse", i, err)
				}
			}
			if winners != 1 {
				t.Fatalf("race %d: %d winners (%v)", i, winners, errs)
			}
			g, err := l.Get(ctx, c)
			ok(t, err)
			k := 0
			if errs[0] != nil {
				k = 1
			}
			if g.FilingID != fmt.Sprintf("order-%d-%d", i, k) || g.Filer != fmt.Sprintf("acct-%d", k) {
				t.Fatalf("race %d: stored %s/%s, winner was %d", i, g.FilingID, g.Filer, k)
			}
		}
	})
}

// toFullWidthLower writes ASCII letters and digits full-width and letters
// lower-case, as a user might paste a code.
func toFullWidthLower(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			out = append(out, r-'A'+'ａ')
		case r >= '0' && r <= '9':
			out = append(out, r-'0'+'０')
		default:
			out = append(out, r)
		}
	}
	return string(out)
}
