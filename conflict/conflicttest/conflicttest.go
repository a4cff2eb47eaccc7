// Package conflicttest is the conformance suite for conflict.Store
// implementations, in the spirit of net/http/httptest: a bureau or ISP that
// keeps the record set in its own database proves its Store with
//
//	func TestPostgresStore(t *testing.T) {
//		conflicttest.TestStore(t, func(t *testing.T) conflict.Store {
//			return newEmptyPostgresStore(t) // fresh schema per call
//		})
//	}
package conflicttest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/netip"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/guidance"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Races and Racers size the race check of TestStore: Races rounds in which
// Racers subjects claim the same domain at once (20 × 8 by default).
var (
	Races  = 20
	Racers = 8
)

// Pending returns the record of a filing under review (no numbers): a
// subject with one certificate (an organisation code "cert"), in a
// province, with one website holding domains.
func Pending(cert, province string, domains ...string) conflict.Record {
	return conflict.Record{
		Subject: conflict.SubjectRecord{Province: province, Name: "测试主体" + cert, Nature: filing.NatureEnterprise,
			CertType: filing.CertUSCC, CertNumber: filing.IDNumber(cert), Status: filing.StatusBureauReview},
		Websites: []conflict.WebsiteRecord{{Name: "测试网站" + cert, Domains: domains, Status: filing.StatusBureauReview}},
	}
}

// PendingApp returns the record of a filing under review of one app (no
// website) with one platform identifier on Android: an Android package name
// or, as Bundle IDs are compared case-insensitively, any letter case of one
//
func PendingApp(cert, province, identifier string) conflict.Record {
	r := Pending(cert, province)
	r.Websites = nil
	r.Apps = []conflict.AppRecord{{Kind: filing.AppKindApp, Name: "测试应用" + cert, Status: filing.StatusBureauReview,
		Platforms: []conflict.AppPlatformRecord{{Platform: filing.PlatformAndroid, Identifier: identifier}}}}
	return r
}

// FilingOf returns the new filing whose record Pending or PendingApp
// returns.
func FilingOf(r conflict.Record) *filing.Filing {
	f := &filing.Filing{Subject: filing.Subject{Province: r.Subject.Province, Name: r.Subject.Name, Nature: r.Subject.Nature,
		CertType: r.Subject.CertType, CertNumber: r.Subject.CertNumber}}
	for _, w := range r.Websites {
		f.Websites = append(f.Websites, filing.Website{Service: filing.Service{Name: w.Name}, Domains: w.Domains})
	}
	for _, a := range r.Apps {
		app := filing.App{Kind: a.Kind, Service: filing.Service{Name: a.Name}}
		for _, p := range a.Platforms {
			app.Platforms = append(app.Platforms, filing.AppPlatform{Platform: p.Platform, Identifier: p.Identifier})
		}
		f.Apps = append(f.Apps, app)
	}
	return f
}

// TestStore runs the conformance suite against the Store made by newStore,
// which must return a new, empty store on every call. It checks: a record's
// keys are claimed all or none, and a lost claim is a *ClaimError naming the
// key; replacing a record releases the keys it no longer
// has; Remove and a cancelled subject release every key; Export is a
// snapshot consistent with its sequence number and Changes continues it
// (one change per subject, ascending, limited); bad records and cancelled
// contexts are reported; in concurrent races for one domain exactly one
// subject wins each race; app platform identifiers are held by one subject
// whatever their letter case, in races too; the principals' contact
// keys are held by one subject, and a raw contact is refused; and
// the service-suffix numbers of apps are found and held as put, and a
// number without its service's letter or a suffix two services share is
// refused; and two Replicas on the store refuse the same domain, or
// the same app identifier, twice with the conflict Check gives.
func TestStore(t *testing.T, newStore func(t *testing.T) conflict.Store) {
	t.Helper()
	ctx := context.Background()

	t.Run("R30_ClaimAllOrNone", func(t *testing.T) {
		s := newStore(t)
		put(t, s, Pending("A1", "52", "example.com", "a.cn"))
		_, err := s.Put(ctx, Pending("B1", "33", "b.cn", "WWW.Example.com."), conflict.Unconditional)
		var ce *conflict.ClaimError
		require.ErrorAs(t, err, &ce)
		assert.ErrorIs(t, err, conflict.ErrKeyTaken)
		require.Len(t, ce.Taken, 1)
		assert.Equal(t, conflict.Key{Kind: conflict.KeyDomain, Value: "example.com"}, ce.Taken[0].Key)
		assert.Equal(t, conflict.KeyCert, ce.Taken[0].Holder.Kind)
		assert.NotContains(t, err.Error(), "A1", "a certificate number in an error message")
		// B claimed nothing: b.cn is free.
		put(t, s, Pending("C1", "11", "b.cn"))
		assert.ElementsMatch(t, []string{"A1", "C1"}, certs(t, s))
	})

	t.Run("R30_ReplaceReleases", func(t *testing.T) {
		s := newStore(t)
		put(t, s, Pending("A2", "52", "example.com", "a.cn"))
		put(t, s, Pending("A2", "52", "a.cn"))
		put(t, s, Pending("B2", "33", "m.example.com"))
		assert.ElementsMatch(t, []string{"A2", "B2"}, certs(t, s))
		// The same subject puts again: its own keys never block it.
		put(t, s, Pending("B2", "33", "example.com", "b.cn"))
	})

	t.Run("R41_NumberHeldOnce", func(t *testing.T) {
		s := newStore(t)
		x := Pending("X3", "52", "x.cn")
		x.Subject.Number, x.Subject.Status = "黔ICP备2026000001号", filing.StatusApproved
		x.Websites[0].Number, x.Websites[0].Status = "黔ICP备2026000001号-1", filing.StatusApproved
		put(t, s, x)
		y := Pending("Y3", "52", "y.cn")
		y.Subject.Number, y.Subject.Status = "黔ICP备2026000001号", filing.StatusApproved
		_, err := s.Put(ctx, y, conflict.Unconditional)
		var ce *conflict.ClaimError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, []conflict.Taken{{Key: conflict.Key{Kind: conflict.KeyNumber, Value: "黔ICP备2026000001号"},
			Holder: conflict.Key{Kind: conflict.KeyCert, Value: string(filing.CertUSCC) + ":X3"}}}, ce.Taken)
	})

	t.Run("R42_AppSuffixNumbers", func(t *testing.T) {
		s := newStore(t)
		const num = "黔ICP备2026000042号"
		a := Pending("A12", "52", "a12.cn")
		a.Subject.Number, a.Subject.Status = num, filing.StatusApproved
		a.Websites[0].Number, a.Websites[0].Status = num+"-1", filing.StatusApproved
		a.Apps = []conflict.AppRecord{
			{Kind: filing.AppKindApp, Number: num + "-2A", Name: "测试应用A12", Status: filing.StatusApproved,
				Platforms: []conflict.AppPlatformRecord{{Platform: filing.PlatformAndroid, Identifier: "com.a12.app"}}},
			{Kind: filing.AppKindMiniProgram, Number: num + "-3X", Name: "测试小程序A12", Status: filing.StatusApproved, Host: filing.HostWeChat},
			{Kind: filing.AppKindQuickApp, Number: num + "-4K", Name: "测试快应用A12", Status: filing.StatusApproved},
		}
		put(t, s, a)
		// Found: the store gives the numbers back, and an index loaded
		// from it answers the query by each app's number with that app.
		got, _, err := s.Get(ctx, filing.CertUSCC, "A12")
		require.NoError(t, err)
		require.Len(t, got.Apps, 3)
		for i, app := range got.Apps {
			assert.Equal(t, a.Apps[i].Number, app.Number)
		}
		rep := conflict.NewReplica(s, conflict.New())
		_, err = rep.Load(ctx)
		require.NoError(t, err)
		for _, app := range a.Apps {
			res, err := rep.Index().Query(conflict.Query{By: conflict.ByNumber, Value: app.Number})
			require.NoError(t, err)
			require.Len(t, res.Records, 1, app.Number)
			assert.Equal(t, app.Number, res.Records[0].AppNumber)
			assert.Equal(t, app.Kind, res.Records[0].AppKind)
		}
		// Claimed: another subject under A12's numbers, its app's suffix
		// written full-width, loses the subject number and the app's.
		b := PendingApp("B12", "33", "com.b12.app")
		b.Subject.Number, b.Subject.Status = num, filing.StatusApproved
		b.Apps[0].Number, b.Apps[0].Status = num+"-２Ａ", filing.StatusApproved
		_, err = s.Put(ctx, b, conflict.Unconditional)
		var ce *conflict.ClaimError
		require.ErrorAs(t, err, &ce)
		assert.ErrorIs(t, err, conflict.ErrKeyTaken)
		holder := conflict.Key{Kind: conflict.KeyCert, Value: string(filing.CertUSCC) + ":A12"}
		assert.ElementsMatch(t, []conflict.Taken{
			{Key: conflict.Key{Kind: conflict.KeyNumber, Value: num}, Holder: holder},
			{Key: conflict.Key{Kind: conflict.KeyNumber, Value: num + "-2A"}, Holder: holder},
		}, ce.Taken)
		// Refused: a number without its service's letter, or a suffix two
		// services share, whoever puts it, A12 itself included.
		site := func(n string) conflict.WebsiteRecord {
			return conflict.WebsiteRecord{Number: num + n, Name: "测试网站" + n, Domains: []string{"a12.cn"}, Status: filing.StatusApproved}
		}
		app := func(n string, k filing.AppKind) conflict.AppRecord {
			return conflict.AppRecord{Number: num + n, Kind: k, Name: "测试应用" + n, Status: filing.StatusApproved}
		}
		for _, tc := range []struct {
			name  string
			sites []conflict.WebsiteRecord
			apps  []conflict.AppRecord
			want  filing.Code
		}{
			{"app numbered -2K", nil, []conflict.AppRecord{app("-2K", filing.AppKindApp)}, conflict.CodeServiceLetter},
			{"app numbered -7", nil, []conflict.AppRecord{app("-7", filing.AppKindApp)}, conflict.CodeServiceLetter},
			{"quick app numbered -3A", nil, []conflict.AppRecord{app("-3A", filing.AppKindQuickApp)}, conflict.CodeServiceLetter},
			{"website numbered -1A", []conflict.WebsiteRecord{site("-1A")}, nil, conflict.CodeServiceLetter},
			{"website -1 beside app -1A", []conflict.WebsiteRecord{site("-1")}, []conflict.AppRecord{app("-1A", filing.AppKindApp)}, conflict.CodeSuffixTaken},
			{"two apps -2A", nil, []conflict.AppRecord{app("-2A", filing.AppKindApp), app("-2A", filing.AppKindApp)}, conflict.CodeSuffixTaken},
		} {
			r := a
			r.Websites, r.Apps = tc.sites, tc.apps
			_, err := s.Put(ctx, r, conflict.Unconditional)
			assert.ErrorIs(t, err, conflict.ErrBadRecord, tc.name)
			assert.ErrorIs(t, err, tc.want, tc.name)
		}
		again, _, err := s.Get(ctx, filing.CertUSCC, "A12")
		require.NoError(t, err)
		assert.Equal(t, got, again, "a refused record changes nothing")
		assert.Equal(t, []string{"A12"}, certs(t, s))
	})

	t.Run("R74_AppIdentifierHeldOnce", func(t *testing.T) {
		s := newStore(t)
		put(t, s, PendingApp("A10", "52", "com.example.app"))
		// The same Bundle ID in another letter case, on another platform.
		b := PendingApp("B10", "33", "Com.Example.APP")
		b.Apps[0].Platforms[0].Platform = filing.PlatformIOS
		_, err := s.Put(ctx, b, conflict.Unconditional)
		var ce *conflict.ClaimError
		require.ErrorAs(t, err, &ce)
		assert.ErrorIs(t, err, conflict.ErrKeyTaken)
		assert.Equal(t, []conflict.Taken{{Key: conflict.Key{Kind: conflict.KeyApp, Value: "com.example.app"},
			Holder: conflict.Key{Kind: conflict.KeyCert, Value: string(filing.CertUSCC) + ":A10"}}}, ce.Taken)
		// A replaces its app: the identifier is free again.
		put(t, s, PendingApp("A10", "52", "com.example.other"))
		put(t, s, b)
		assert.ElementsMatch(t, []string{"A10", "B10"}, certs(t, s))
	})

	t.Run("R74_AppIdentifierRaceOneWinner", func(t *testing.T) {
		s := newStore(t)
		for race := range Races {
			oneWinner(t, s, race, func(g int) conflict.Record {
				// Every racer spells the identifier in its own case.
				id := fmt.Sprintf("com.race%d.app", race)
				if g%2 == 1 {
					id = fmt.Sprintf("COM.Race%d.App", race)
				}
				return PendingApp(fmt.Sprintf("P%dG%d", race, g), "52", id)
			})
		}
		assert.Len(t, certs(t, s), Races)
	})

	t.Run("RemoveReleases", func(t *testing.T) {
		s := newStore(t)
		put(t, s, Pending("A4", "52", "example.com"))
		seq, err := s.Remove(ctx, filing.CertUSCC, "a4") // stored form: upper-case
		require.NoError(t, err)
		assert.NotZero(t, seq)
		seq, err = s.Remove(ctx, filing.CertUSCC, "A4")
		require.NoError(t, err)
		assert.Zero(t, seq, "removing a removed subject")
		seq, err = s.Remove(ctx, filing.CertUSCC, "NEVER")
		require.NoError(t, err)
		assert.Zero(t, seq)
		put(t, s, Pending("B4", "33", "example.com"))
		// A cancelled subject is a removal.
		gone := Pending("B4", "33", "example.com")
		gone.Subject.Status = filing.StatusCancelled
		put(t, s, gone)
		put(t, s, Pending("C4", "11", "example.com"))
		assert.Equal(t, []string{"C4"}, certs(t, s))
	})

	t.Run("R13_StaleSinceRefused", func(t *testing.T) {
		s := newStore(t)
		var buf bytes.Buffer
		s0, err := s.Export(ctx, &buf)
		require.NoError(t, err)
		// Two instances checked the same applicant's filing at s0, when
		// the subject was not on file: the first write wins, the second
		// is stale.
		s1, err := s.Put(ctx, Pending("A8", "52", "a.cn"), s0)
		require.NoError(t, err)
		_, err = s.Put(ctx, Pending("A8", "52", "a.cn", "a2.cn"), s0)
		var ce *conflict.ClaimError
		require.ErrorAs(t, err, &ce)
		assert.True(t, ce.Stale)
		assert.ErrorIs(t, err, conflict.ErrStale)
		assert.NotErrorIs(t, err, conflict.ErrKeyTaken)
		assert.Equal(t, "conflict.stale", ce.ErrorCode())
		// A caller that has seen s1 may replace it; so may an unconditional Put.
		s2, err := s.Put(ctx, Pending("A8", "52", "a.cn", "a3.cn"), s1)
		require.NoError(t, err)
		gone := Pending("A8", "52", "a.cn")
		gone.Subject.Status = filing.StatusCancelled
		_, err = s.Put(ctx, gone, s1)
		assert.ErrorIs(t, err, conflict.ErrStale, "a stale cancellation")
		_, err = s.Put(ctx, gone, s2)
		require.NoError(t, err)
		assert.Empty(t, certs(t, s))
		// Concurrent first filings of one new subject checked at one state:
		// exactly one is written.
		s3, err := s.Export(ctx, &buf)
		require.NoError(t, err)
		var wins, stale atomic.Int32
		var wg sync.WaitGroup
		for g := range Racers {
			wg.Go(func() {
				_, err := s.Put(ctx, Pending("B8", "52", fmt.Sprintf("b%d.cn", g)), s3)
				switch {
				case err == nil:
					wins.Add(1)
				case errors.Is(err, conflict.ErrStale):
					stale.Add(1)
				default:
					t.Error(err)
				}
			})
		}
		wg.Wait()
		assert.Equal(t, int32(1), wins.Load())
		assert.Equal(t, int32(Racers-1), stale.Load())
	})

	t.Run("GetReturnsTheRecordAsPut", func(t *testing.T) {
		s := newStore(t)
		_, _, err := s.Get(ctx, filing.CertUSCC, "A9")
		assert.ErrorIs(t, err, conflict.ErrNotFound, "never put")
		// Every field comes back, those an Index does not keep included.
		r := Pending("A9", "52", "a.cn")
		approved := time.Date(2026, 3, 2, 10, 4, 5, 0, time.UTC)
		r.Subject.Number, r.Subject.Status, r.Subject.ApprovedAt = "黔ICP备2026000009号", filing.StatusApproved, approved
		w := &r.Websites[0]
		w.Number, w.Status, w.ApprovedAt, w.Restricted = "黔ICP备2026000009号-1", filing.StatusApproved, approved, true
		w.IPs = []netip.Addr{netip.MustParseAddr("203.0.113.7")}
		w.Access = []record.Access{{ISP: "某云计算有限公司", ISPProvince: "52", Since: approved}}
		r.Apps = []conflict.AppRecord{{Kind: filing.AppKindMiniProgram, Name: "测试小程序", Status: filing.StatusBureauReview,
			Host: filing.HostWeChat, Access: []record.Access{{ISP: "某云计算有限公司", Since: approved}}}}
		s1, err := s.Put(ctx, r, conflict.Unconditional)
		require.NoError(t, err)
		got, seq, err := s.Get(ctx, filing.CertUSCC, "a9") // the certificate in another case: its canonical form
		require.NoError(t, err)
		assert.Equal(t, s1, seq)
		want, err := json.Marshal(r)
		require.NoError(t, err)
		gotJSON, err := json.Marshal(got)
		require.NoError(t, err)
		assert.JSONEq(t, string(want), string(gotJSON))
		// Its seq is a Put's since: written while nothing changed, stale after.
		got.Websites[0].Domains = append(got.Websites[0].Domains, "a2.cn")
		s2, err := s.Put(ctx, got, seq)
		require.NoError(t, err)
		_, err = s.Put(ctx, got, seq)
		assert.ErrorIs(t, err, conflict.ErrStale)
		_, seq, err = s.Get(ctx, filing.CertUSCC, "A9")
		require.NoError(t, err)
		assert.Equal(t, s2, seq)
		_, err = s.Remove(ctx, filing.CertUSCC, "A9")
		require.NoError(t, err)
		_, _, err = s.Get(ctx, filing.CertUSCC, "A9")
		assert.ErrorIs(t, err, conflict.ErrNotFound, "removed")
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		_, _, err = s.Get(cctx, filing.CertUSCC, "A9")
		assert.ErrorIs(t, err, context.Canceled)
	})

	t.Run("R94_ContactKeysHeldOnce", func(t *testing.T) {
		s := newStore(t)
		k, err := conflict.NewContactKeyer([]byte("conformance-secret-0123456789"))
		require.NoError(t, err)
		a := Pending("A11", "52", "a11.cn")
		fa := FilingOf(a)
		fa.Subject.Principal = filing.Person{Name: "张伟", Mobile: "13800138000", Email: "zhang.wei@example.com"}
		k.Stamp(&a, fa)
		require.Len(t, a.Subject.ContactKeys, 2)
		put(t, s, a)
		// Another subject whose website's principal has the same mobile,
		// written otherwise.
		b := Pending("B11", "33", "b11.cn")
		fb := FilingOf(b)
		fb.Websites[0].Principal = filing.Person{Name: "张伟", Mobile: "+86 138-0013-8000", Email: "other@example.com"}
		k.Stamp(&b, fb)
		_, err = s.Put(ctx, b, conflict.Unconditional)
		var ce *conflict.ClaimError
		require.ErrorAs(t, err, &ce)
		assert.ErrorIs(t, err, conflict.ErrKeyTaken)
		require.Len(t, ce.Taken, 1)
		assert.Equal(t, conflict.KeyMobile, ce.Taken[0].Key.Kind)
		assert.NotContains(t, err.Error(), "13800138000", "a mobile in an error message")
		got := k.TakenConflicts(fb, err)
		require.Len(t, got, 1)
		assert.Equal(t, conflict.KindContactTaken, got[0].Kind)
		assert.Equal(t, "websites[0].principal.mobile", got[0].Path)
		// A raw contact where a key belongs is refused, and stored nowhere.
		c := Pending("C11", "11", "c11.cn")
		c.Subject.ContactKeys = []string{"mobile:13900139000"}
		_, err = s.Put(ctx, c, conflict.Unconditional)
		assert.ErrorIs(t, err, conflict.ErrBadRecord)
		var buf bytes.Buffer
		_, err = s.Export(ctx, &buf)
		require.NoError(t, err)
		assert.NotContains(t, buf.String(), "13900139000")
		assert.NotContains(t, buf.String(), "13800138000", "only keyed hashes are stored")
		// A replaces its principal's mobile: the old one is free for B.
		fa.Subject.Principal.Mobile = "13700137000"
		k.Stamp(&a, fa)
		put(t, s, a)
		put(t, s, b)
	})

	t.Run("BadRecord", func(t *testing.T) {
		s := newStore(t)
		_, err := s.Put(ctx, Pending("A5", "99", "example.com"), conflict.Unconditional)
		assert.ErrorIs(t, err, conflict.ErrBadRecord)
		_, err = s.Put(ctx, Pending("A5", "52", "com.cn"), conflict.Unconditional)
		assert.ErrorIs(t, err, conflict.ErrBadRecord)
		assert.Empty(t, certs(t, s))
	})

	t.Run("ChangesFollowExport", func(t *testing.T) {
		s := newStore(t)
		put(t, s, Pending("A6", "52", "a.cn"))
		var buf bytes.Buffer
		s0, err := s.Export(ctx, &buf)
		require.NoError(t, err)
		none, err := s.Changes(ctx, s0, 100)
		require.NoError(t, err)
		assert.Empty(t, none, "changes after an export with no writes since")
		put(t, s, Pending("B6", "52", "b.cn"))
		put(t, s, Pending("C6", "52", "c.cn"))
		put(t, s, Pending("B6", "52", "b2.cn"))
		_, err = s.Remove(ctx, filing.CertUSCC, "C6")
		require.NoError(t, err)
		all, err := s.Changes(ctx, s0, 100)
		require.NoError(t, err)
		require.Len(t, all, 2, "one change per subject")
		assert.Equal(t, "B6", all[0].Record.Subject.CertNumber.Raw())
		assert.Equal(t, []string{"b2.cn"}, all[0].Record.Websites[0].Domains)
		assert.False(t, all[0].Removed)
		assert.Equal(t, "C6", all[1].Record.Subject.CertNumber.Raw())
		assert.True(t, all[1].Removed)
		assert.Less(t, s0, all[0].Seq)
		assert.Less(t, all[0].Seq, all[1].Seq)
		first, err := s.Changes(ctx, s0, 1)
		require.NoError(t, err)
		require.Len(t, first, 1)
		rest, err := s.Changes(ctx, first[0].Seq, 1)
		require.NoError(t, err)
		require.Len(t, rest, 1)
		assert.Equal(t, all[1], rest[0])
		ix := conflict.New()
		n, err := ix.LoadJSONL(&buf)
		require.NoError(t, err)
		assert.Equal(t, 1, n)
	})

	t.Run("CancelledContext", func(t *testing.T) {
		s := newStore(t)
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		_, err := s.Put(cctx, Pending("A7", "52", "a.cn"), conflict.Unconditional)
		assert.ErrorIs(t, err, context.Canceled)
		_, err = s.Remove(cctx, filing.CertUSCC, "A7")
		assert.ErrorIs(t, err, context.Canceled)
		_, err = s.Changes(cctx, 0, 10)
		assert.ErrorIs(t, err, context.Canceled)
		_, err = s.Export(cctx, &bytes.Buffer{})
		assert.ErrorIs(t, err, context.Canceled)
		assert.Empty(t, certs(t, s))
	})

	t.Run("R30_ConcurrentRaceOneWinner", func(t *testing.T) {
		s := newStore(t)
		for race := range Races {
			oneWinner(t, s, race, func(g int) conflict.Record {
				return Pending(fmt.Sprintf("R%dG%d", race, g), "52", fmt.Sprintf("race%d.cn", race))
			})
		}
		assert.Len(t, certs(t, s), Races)
	})

	t.Run("R30_ReplicasRefuseTwice", func(t *testing.T) {
		s := newStore(t)
		r1 := conflict.NewReplica(s, conflict.New())
		r2 := conflict.NewReplica(s, conflict.New())
		for _, r := range []*conflict.Replica{r1, r2} {
			_, err := r.Load(ctx)
			require.NoError(t, err)
		}
		a := Pending("A9", "52", "example.com")
		b := Pending("B9", "33", "www.example.com")
		got, err := r1.Claim(ctx, FilingOf(a), a)
		require.NoError(t, err)
		require.Empty(t, got)
		// r2 has not seen a: its index passes b, the store refuses it, and
		// Claim answers with what Check says once it knows a.
		lost, err := r2.Claim(ctx, FilingOf(b), b)
		require.NoError(t, err)
		require.Len(t, lost, 1)
		assert.ErrorIs(t, lost[0], conflict.KindDomainOtherProvince)
		want, err := r2.Index().Check(FilingOf(b))
		require.NoError(t, err)
		assert.Equal(t, want, lost, "the lost race answers as Check does")
		assert.NotEmpty(t, guidance.For(lost[0]).Steps, "the lost race renders its guidance")
		// The same applicant files a again on r2, which has not seen it:
		// refused as a filing under review, as Check does.
		r3 := conflict.NewReplica(s, conflict.New()) // has not loaded a
		again, err := r3.Claim(ctx, FilingOf(a), a)
		require.NoError(t, err)
		require.NotEmpty(t, again)
		for _, c := range again {
			assert.ErrorIs(t, c, conflict.KindPending)
		}
		want, err = r3.Index().Check(FilingOf(a))
		require.NoError(t, err)
		assert.Equal(t, want, again)
		// a is withdrawn: b may claim the domain.
		require.NoError(t, r1.Release(ctx, a.Subject.CertType, a.Subject.CertNumber))
		got, err = r2.Claim(ctx, FilingOf(b), b)
		require.NoError(t, err)
		assert.Empty(t, got)
		_, err = r1.Sync(ctx)
		require.NoError(t, err)
		_, err = r1.Index().LookupCert(filing.CertUSCC, "B9")
		assert.NoError(t, err, "r1 follows r2's claim")
	})

	t.Run("R74_ReplicasRefuseAppIdentifierTwice", func(t *testing.T) {
		s := newStore(t)
		r1 := conflict.NewReplica(s, conflict.New())
		r2 := conflict.NewReplica(s, conflict.New())
		for _, r := range []*conflict.Replica{r1, r2} {
			_, err := r.Load(ctx)
			require.NoError(t, err)
		}
		a := PendingApp("A11", "52", "com.example.app")
		b := PendingApp("B11", "33", "COM.EXAMPLE.APP")
		got, err := r1.Claim(ctx, FilingOf(a), a)
		require.NoError(t, err)
		require.Empty(t, got)
		// r2 has not seen a: its index passes b, the store refuses it on
		// the app identifier, and Claim answers as Check does.
		lost, err := r2.Claim(ctx, FilingOf(b), b)
		require.NoError(t, err)
		require.NotEmpty(t, lost)
		assert.ErrorIs(t, lost[0], conflict.KindAppIdentifierTaken)
		want, err := r2.Index().Check(FilingOf(b))
		require.NoError(t, err)
		assert.Equal(t, want, lost, "the lost race answers as Check does")
		// a is withdrawn: b may claim the identifier.
		require.NoError(t, r1.Release(ctx, a.Subject.CertType, a.Subject.CertNumber))
		got, err = r2.Claim(ctx, FilingOf(b), b)
		require.NoError(t, err)
		assert.Empty(t, got)
	})
}

// oneWinner runs Racers goroutines that each Put record(g) unconditionally
// at once, and requires exactly one to win and every other to lose with
// ErrKeyTaken.
func oneWinner(t *testing.T, s conflict.Store, race int, record func(g int) conflict.Record) {
	t.Helper()
	var wins, losses atomic.Int32
	var wg sync.WaitGroup
	errs := make(chan error, Racers)
	for g := range Racers {
		wg.Go(func() {
			_, err := s.Put(t.Context(), record(g), conflict.Unconditional)
			switch {
			case err == nil:
				wins.Add(1)
			case errors.Is(err, conflict.ErrKeyTaken):
				losses.Add(1)
			default:
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	require.Equal(t, int32(1), wins.Load(), "race %d: winners", race)
	require.Equal(t, int32(Racers-1), losses.Load(), "race %d: losers", race)
}

func put(t *testing.T, s conflict.Store, r conflict.Record) {
	t.Helper()
	seq, err := s.Put(context.Background(), r, conflict.Unconditional)
	require.NoError(t, err, "Put %s", r.Subject.CertNumber.Raw())
	require.NotZero(t, seq)
}

// certs returns the certificate numbers of the records Export writes.
func certs(t *testing.T, s conflict.Store) []string {
	t.Helper()
	var buf bytes.Buffer
	_, err := s.Export(context.Background(), &buf)
	require.NoError(t, err)
	out := []string{}
	for r, err := range conflict.JSONL(&buf) {
		require.NoError(t, err)
		out = append(out, r.Subject.CertNumber.Raw())
	}
	return out
}
