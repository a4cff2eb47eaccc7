package conflict_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
	"github.com/beiankit/beian/filing"
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
