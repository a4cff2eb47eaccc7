package conflict_test

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func approved(cert, number, domain string) conflict.Record {
	r := conflicttest.Pending(cert, "52", domain)
	r.Subject.Number, r.Subject.Status = number, filing.StatusApproved
	r.Websites[0].Number, r.Websites[0].Status = number+"-1", filing.StatusApproved
	return r
}

// TestR41_ReplicaFollowsANumberMovingBetweenSubjects: a subject number
// moves from X to Y and X changes again; the store sends Y's change before
// X's, and the follower must not stall on the moment where its index still
// has the number under X.
func TestR41_ReplicaFollowsANumberMovingBetweenSubjects(t *testing.T) {
	ctx := context.Background()
	s := conflict.NewMemoryStore()
	writer := conflict.NewReplica(s, conflict.New())
	follower := conflict.NewReplica(s, conflict.New())
	put := func(r conflict.Record) {
		t.Helper()
		_, err := s.Put(ctx, r, conflict.Unconditional)
		require.NoError(t, err)
	}
	put(approved("X1", "黔ICP备2026000001号", "x.cn"))
	put(conflicttest.Pending("Y1", "52", "y.cn"))
	_, err := follower.Load(ctx)
	require.NoError(t, err)

	put(approved("X1", "黔ICP备2026000002号", "x.cn")) // X gives up …0001
	put(approved("Y1", "黔ICP备2026000001号", "y.cn")) // Y takes it
	put(approved("X1", "黔ICP备2026000002号", "x2.cn"))
	n, err := follower.Sync(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, n, "one change per subject")
	for num, cert := range map[string]string{"黔ICP备2026000001号": "Y1", "黔ICP备2026000002号": "X1"} {
		r, err := follower.Index().Lookup(num)
		if assert.NoError(t, err, num) {
			assert.Equal(t, cert, r.Subject.CertNumber.Raw(), num)
		}
	}
	_, err = writer.Sync(ctx)
	require.NoError(t, err)
	assert.Equal(t, s2(writer), s2(follower))
}

func s2(r *conflict.Replica) [2]int {
	a, b := r.Index().Len()
	return [2]int{a, b}
}

// failing is a Store whose Changes fails while down is set.
type failing struct {
	conflict.Store
	down atomic.Bool
}

var errDown = errors.New("store down")

func (f *failing) Changes(ctx context.Context, after uint64, limit int) (conflict.Changes, error) {
	if f.down.Load() {
		return nil, errDown
	}
	return f.Store.Changes(ctx, after, limit)
}

// Follow keeps syncing through store failures, reports them, and stops
// with its context.
func TestReplicaFollow(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	st := &failing{Store: conflict.NewMemoryStore()}
	other := conflict.NewReplica(st, conflict.New())
	r := conflict.NewReplica(st, conflict.New())
	_, err := r.Load(ctx)
	require.NoError(t, err)
	st.down.Store(true)
	errs := make(chan error, 100)
	done := make(chan error, 1)
	go func() {
		done <- r.Follow(ctx, time.Millisecond, func(err error) {
			select {
			case errs <- err:
			default:
			}
		})
	}()
	assert.ErrorIs(t, <-errs, errDown)
	st.down.Store(false)
	a := conflicttest.Pending("F1", "52", "follow.cn")
	_, err = st.Put(ctx, a, conflict.Unconditional)
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		_, err := r.Index().LookupCert(filing.CertUSCC, "F1")
		return err == nil
	}, 5*time.Second, time.Millisecond)
	assert.Equal(t, other.Seq(), uint64(0))
	cancel()
	assert.ErrorIs(t, <-done, context.Canceled)
}

// countingStore counts the Puts that reach a Store.
type countingStore struct {
	conflict.Store
	puts atomic.Int32
}

func (c *countingStore) Put(ctx context.Context, r conflict.Record, since uint64) (uint64, error) {
	c.puts.Add(1)
	return c.Store.Put(ctx, r, since)
}

// TestR94_ReplicaRefusesATakenContactOnce: two portal instances share a
// store; a filing whose principal's mobile another subject holds (stamped
// as a contact key, ContactKeyer.Stamp) is refused by the store, across
// instances, on the first Put: the index holds no contact keys, so Claim
// does not sync and retry, and ContactKeyer.TakenConflicts says which
// field to change.
func TestR94_ReplicaRefusesATakenContactOnce(t *testing.T) {
	ctx := context.Background()
	store := &countingStore{Store: conflict.NewMemoryStore()}
	one, two := conflict.NewReplica(store, conflict.New()), conflict.NewReplica(store, conflict.New())
	k, err := conflict.NewContactKeyer([]byte("replica-secret-0123456789"))
	require.NoError(t, err)
	filed := func(r *conflict.Replica, cert, domain, mobile string) (*filing.Filing, []conflict.Conflict, error) {
		rec := conflicttest.Pending(cert, "52", domain)
		f := conflicttest.FilingOf(rec)
		f.Subject.Principal = filing.Person{Name: "王芳", Mobile: filing.Phone(mobile)}
		k.Stamp(&rec, f)
		cs, err := r.Claim(ctx, f, rec)
		return f, cs, err
	}
	_, cs, err := filed(one, "A12", "a12.cn", "13800138000")
	require.NoError(t, err)
	require.Empty(t, cs)
	before := store.puts.Load()
	f, cs, err := filed(two, "B12", "b12.cn", "138 0013 8000")
	require.ErrorIs(t, err, conflict.ErrKeyTaken)
	assert.Empty(t, cs)
	assert.Equal(t, before+1, store.puts.Load(), "one Put: a taken contact is not retried")
	got := k.TakenConflicts(f, err)
	require.Len(t, got, 1)
	assert.Equal(t, "subject.principal.mobile", got[0].Path)
	assert.Equal(t, conflict.KeyMobile, got[0].Contact)
	assert.Nil(t, k.TakenConflicts(f, errors.New("another error")))
}

// TestR94_StampAddKeepsTheSubjectsOtherPrincipals: an app added to a
// subject on file (ClaimChange) adds its principal's contact keys to the
// record with ContactKeyer.StampAdd, keeping those of the principals of
// the subject's websites, which Stamp would drop; the store then refuses
// the app principal's mobile to another subject.
func TestR94_StampAddKeepsTheSubjectsOtherPrincipals(t *testing.T) {
	ctx := context.Background()
	s := conflict.NewMemoryStore()
	k, err := conflict.NewContactKeyer([]byte("replica-secret-0123456789"))
	require.NoError(t, err)
	const number = "黔ICP备2026000020号"
	r := approved("D10", number, "d10.cn")
	site := conflicttest.FilingOf(r)
	site.Subject.Principal = filing.Person{Name: "王芳", Mobile: "13800000010"}
	site.Websites[0].Principal = filing.Person{Name: "李娜", Mobile: "13900000010", Email: "lina@d10.cn"}
	k.Stamp(&r, site)
	require.Len(t, r.Subject.ContactKeys, 3)
	_, err = s.Put(ctx, r, conflict.Unconditional)
	require.NoError(t, err)
	rep := conflict.NewReplica(s, conflict.New())
	_, err = rep.Load(ctx)
	require.NoError(t, err)

	app := appFiling("D10", number, "com.example.d10")
	app.Subject.Principal = site.Subject.Principal // the subject's principal again: no new key
	app.Apps[0].Principal = filing.Person{Name: "赵磊", Mobile: "+86 137-0000-0010"}
	conflicts, err := rep.ClaimChange(ctx, app, func(rec *conflict.Record) error {
		if err := addApp("com.example.d10")(rec); err != nil {
			return err
		}
		assert.Empty(t, k.StampAdd(rec, app))
		return nil
	})
	require.NoError(t, err)
	require.Empty(t, conflicts)
	got, _, err := s.Get(ctx, filing.CertUSCC, "D10")
	require.NoError(t, err)
	appKey, ok := k.MobileKey("13700000010")
	require.True(t, ok)
	want := append(slices.Clone(r.Subject.ContactKeys), appKey.String())
	slices.Sort(want)
	assert.Equal(t, want, got.Subject.ContactKeys, "the website principal's keys kept, the app principal's added once")

	replaced := got
	replaced.Subject.ContactKeys = slices.Clone(got.Subject.ContactKeys)
	k.Stamp(&replaced, app)
	assert.Len(t, replaced.Subject.ContactKeys, 2, "Stamp keeps only the app filing's principals")

	other := conflicttest.Pending("E10", "52", "e10.cn")
	of := conflicttest.FilingOf(other)
	of.Subject.Principal = filing.Person{Name: "孙强", Mobile: "137 0000 0010"}
	k.Stamp(&other, of)
	_, err = rep.Claim(ctx, of, other)
	require.ErrorIs(t, err, conflict.ErrKeyTaken)
	taken := k.TakenConflicts(of, err)
	require.Len(t, taken, 1)
	assert.Equal(t, "subject.principal.mobile", taken[0].Path)
}

// getHook is a Store whose Get runs after once, after reading: another
// instance's change arriving between the read and the write.
type getHook struct {
	conflict.Store
	after func()
}

func (h *getHook) Get(ctx context.Context, t filing.CertType, n filing.IDNumber) (conflict.Record, uint64, error) {
	r, seq, err := h.Store.Get(ctx, t, n)
	if h.after != nil {
		after := h.after
		h.after = nil
		after()
	}
	return r, seq, err
}

// appFiling is the filing of an app under approved subject cert (number).
func appFiling(cert, number, identifier string) *filing.Filing {
	f := conflicttest.FilingOf(conflicttest.PendingApp(cert, "52", identifier))
	f.Subject.Number = number
	return f
}

func addApp(identifier string) func(*conflict.Record) error {
	return func(r *conflict.Record) error {
		r.Apps = append(r.Apps, conflict.AppRecord{Kind: filing.AppKindApp, Name: "应用" + identifier, Status: filing.StatusBureauReview,
			Platforms: []conflict.AppPlatformRecord{{Platform: filing.PlatformAndroid, Identifier: identifier}}})
		return nil
	}
}

// TestR13_ClaimChangeKeepsWhatTheIndexDoesNotHold: an app added to an
// approved subject through ClaimChange keeps the fields of the record on
// file that the index does not hold (approval instants, access periods,
// the restricted flag), which a record rebuilt from Index.Lookup loses.
func TestR13_ClaimChangeKeepsWhatTheIndexDoesNotHold(t *testing.T) {
	ctx := context.Background()
	s := conflict.NewMemoryStore()
	const number = "黔ICP备2026000010号"
	r := approved("C10", number, "c10.cn")
	at := time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC)
	r.Subject.ApprovedAt, r.Websites[0].ApprovedAt, r.Websites[0].Restricted = at, at, true
	r.Websites[0].Access = []record.Access{{ISP: "某云计算有限公司", ISPProvince: "52", Since: at}}
	_, err := s.Put(ctx, r, conflict.Unconditional)
	require.NoError(t, err)
	rep := conflict.NewReplica(s, conflict.New())
	_, err = rep.Load(ctx)
	require.NoError(t, err)
	looked, err := rep.Index().Lookup(number)
	require.NoError(t, err)
	require.Empty(t, looked.Websites[0].Access, "the index keeps no access periods: a record rebuilt from it loses them")

	conflicts, err := rep.ClaimChange(ctx, appFiling("C10", number, "com.example.c10"), addApp("com.example.c10"))
	require.NoError(t, err)
	require.Empty(t, conflicts)
	got, _, err := s.Get(ctx, filing.CertUSCC, "C10")
	require.NoError(t, err)
	require.Len(t, got.Apps, 1)
	assert.Equal(t, "com.example.c10", got.Apps[0].Platforms[0].Identifier)
	assert.True(t, got.Subject.ApprovedAt.Equal(at))
	assert.True(t, got.Websites[0].ApprovedAt.Equal(at))
	assert.True(t, got.Websites[0].Restricted)
	assert.Equal(t, r.Websites[0].Access[0].ISP, got.Websites[0].Access[0].ISP)
	// The index has the app: filing it again is refused.
	conflicts, err = rep.ClaimChange(ctx, appFiling("C11", "", "com.example.c10"), addApp("com.example.c10"))
	require.NoError(t, err)
	require.NotEmpty(t, conflicts)
	assert.Equal(t, conflict.KindAppIdentifierTaken, conflicts[0].Kind)
	_, err = rep.ClaimChange(ctx, appFiling("C12", "", "com.example.c12"), addApp("com.example.c12"))
	assert.ErrorIs(t, err, conflict.ErrNotFound, "a subject not on file has no record to change")
	conflicts, err = rep.ClaimChange(ctx, nil, addApp("com.example.nil"))
	assert.Error(t, err, "no filing")
	assert.Empty(t, conflicts)
}

// TestR13_ClaimChangeEditsAgainAfterAConcurrentChange: another instance
// changes the subject between ClaimChange's read and its write; the write
// is refused as stale, and the change is read and edited again, so that
// the record on file holds both changes.
func TestR13_ClaimChangeEditsAgainAfterAConcurrentChange(t *testing.T) {
	ctx := context.Background()
	mem := conflict.NewMemoryStore()
	const number = "黔ICP备2026000013号"
	_, err := mem.Put(ctx, approved("C13", number, "c13.cn"), conflict.Unconditional)
	require.NoError(t, err)
	s := &getHook{Store: mem}
	s.after = func() { // the other instance adds a website
		r, seq, err := mem.Get(ctx, filing.CertUSCC, "C13")
		require.NoError(t, err)
		r.Websites = append(r.Websites, conflict.WebsiteRecord{Name: "另一网站", Domains: []string{"other13.cn"}, Status: filing.StatusBureauReview})
		_, err = mem.Put(ctx, r, seq)
		require.NoError(t, err)
	}
	rep := conflict.NewReplica(s, conflict.New())
	_, err = rep.Load(ctx)
	require.NoError(t, err)
	edits := 0
	conflicts, err := rep.ClaimChange(ctx, appFiling("C13", number, "com.example.c13"), func(r *conflict.Record) error {
		edits++
		return addApp("com.example.c13")(r)
	})
	require.NoError(t, err)
	require.Empty(t, conflicts)
	assert.Equal(t, 2, edits, "edited once more after the stale write")
	got, _, err := mem.Get(ctx, filing.CertUSCC, "C13")
	require.NoError(t, err)
	assert.Len(t, got.Websites, 2, "the other instance's website is kept")
	assert.Len(t, got.Apps, 1)
	// An edit that fails stores nothing.
	boom := errors.New("boom")
	_, err = rep.ClaimChange(ctx, appFiling("C13", number, "com.example.c13b"), func(*conflict.Record) error { return boom })
	assert.ErrorIs(t, err, boom)
	got, _, err = mem.Get(ctx, filing.CertUSCC, "C13")
	require.NoError(t, err)
	assert.Len(t, got.Apps, 1)
}
