package sqltx

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pgErr is a server error as drivers expose it.
type pgErr struct{ code string }

func (e *pgErr) Error() string    { return "ERROR: (SQLSTATE " + e.code + ")" }
func (e *pgErr) SQLState() string { return e.code }

func TestClassify(t *testing.T) {
	for _, c := range []struct {
		name                   string
		err                    error
		retryable, unavailable bool
	}{
		{"serialization failure", &pgErr{"40001"}, true, false},
		{"deadlock", fmt.Errorf("wrapped: %w", &pgErr{"40P01"}), true, false},
		{"unique violation", &pgErr{"23505"}, false, false},
		{"admin shutdown", &pgErr{"57P01"}, false, true},
		{"cannot connect now", &pgErr{"57P03"}, false, true},
		{"connection failure", &pgErr{"08006"}, false, true},
		{"refused", &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}, false, true},
		{"bad conn", driver.ErrBadConn, false, true},
		{"reset", fmt.Errorf("read: %w", syscall.ECONNRESET), false, true},
		{"cancelled", context.Canceled, false, false},
		{"plain", errors.New("syntax"), false, false},
		{"nil", nil, false, false},
	} {
		assert.Equal(t, c.retryable, Retryable(c.err), "%s: Retryable", c.name)
		assert.Equal(t, c.unavailable, Unavailable(c.err), "%s: Unavailable", c.name)
	}
}

func TestDoRetriesConflictsThenSucceeds(t *testing.T) {
	calls := 0
	err := Do(context.Background(), Policy{}, "op", func(context.Context) error {
		calls++
		if calls < 4 {
			return &pgErr{[]string{"40001", "40P01", "40001"}[calls-1]}
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 4, calls)
}

func TestDoOtherErrorsAreTypedAndNotRetried(t *testing.T) {
	calls := 0
	err := Do(context.Background(), Policy{}, "numbering/pgstore: Reserve", func(context.Context) error {
		calls++
		return &pgErr{"23505"}
	})
	assert.Equal(t, 1, calls)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "23505", e.SQLState)
	assert.Equal(t, "store.failed", e.ErrorCode())
	assert.NotErrorIs(t, err, ErrUnavailable)
	assert.NotEmpty(t, e.MessageZh())
	assert.Contains(t, e.MessageEn(), "numbering/pgstore: Reserve")
}

func TestDoUnavailableRetriesForTheWaitThenFails(t *testing.T) {
	calls := 0
	start := time.Now()
	err := Do(context.Background(), Policy{UnavailableWait: 50 * time.Millisecond}, "op", func(context.Context) error {
		calls++
		return &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}
	})
	assert.ErrorIs(t, err, ErrUnavailable)
	assert.Greater(t, calls, 1)
	assert.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "store.unavailable", e.ErrorCode())

	calls = 0
	err = Do(context.Background(), Policy{UnavailableWait: -1}, "op", func(context.Context) error {
		calls++
		return driver.ErrBadConn
	})
	assert.ErrorIs(t, err, ErrUnavailable)
	assert.Equal(t, 1, calls, "a negative wait does not retry")
}

func TestDoPermanentAndContext(t *testing.T) {
	want := errors.New("answer")
	err := Do(context.Background(), Policy{}, "op", func(context.Context) error { return Permanent(want) })
	assert.Same(t, want, err)

	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	err = Do(ctx, Policy{}, "op", func(context.Context) error {
		calls++
		cancel()
		return &pgErr{"40001"}
	})
	assert.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, calls)
}
