package sqltx

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeDriver is a database/sql driver whose transactions fail at COMMIT
// with the errors queued in commitErrs (nil: the commit succeeds), so that
// Tx's handling of commit failures is tested without a server.
type fakeDriver struct {
	mu         sync.Mutex
	commitErrs []error
	begins     int
	commits    int // commits attempted
}

func (d *fakeDriver) Connect(context.Context) (driver.Conn, error) { return &fakeConn{d}, nil }
func (d *fakeDriver) Driver() driver.Driver                        { return nil }

type fakeConn struct{ d *fakeDriver }

func (c *fakeConn) Prepare(string) (driver.Stmt, error) {
	return nil, errors.New("fake: no statements")
}
func (c *fakeConn) Close() error { return nil }
func (c *fakeConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}
func (c *fakeConn) BeginTx(context.Context, driver.TxOptions) (driver.Tx, error) {
	c.d.mu.Lock()
	defer c.d.mu.Unlock()
	c.d.begins++
	return &fakeTx{c.d}, nil
}

type fakeTx struct{ d *fakeDriver }

func (t *fakeTx) Commit() error {
	t.d.mu.Lock()
	defer t.d.mu.Unlock()
	t.d.commits++
	if len(t.d.commitErrs) == 0 {
		return nil
	}
	err := t.d.commitErrs[0]
	t.d.commitErrs = t.d.commitErrs[1:]
	return err
}
func (t *fakeTx) Rollback() error { return nil }

// timeoutErr is a network timeout as drivers return it.
type timeoutErr struct{}

func (timeoutErr) Error() string   { return "read tcp 10.0.0.1:5432: i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

var _ net.Error = timeoutErr{}

func TestTxCommitConnectionLostIsOutcomeUnknownNotRetried(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
	}{
		{"EOF", io.EOF},
		{"unexpected EOF", fmt.Errorf("receive message: %w", io.ErrUnexpectedEOF)},
		{"connection reset", &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET}},
		{"timeout", timeoutErr{}},
		{"bad connection", driver.ErrBadConn},
		{"server shutting down", &pgErr{"57P01"}},
	} {
		d := &fakeDriver{commitErrs: []error{c.err}}
		db := sql.OpenDB(d)
		runs := 0
		err := Tx(context.Background(), db, Policy{}, "conflict/pgstore: Put",
			func(context.Context, *sql.Tx) error { runs++; return nil })
		_ = db.Close()
		assert.Equal(t, 1, runs, "%s: a commit of unknown outcome is not retried", c.name)
		assert.Equal(t, 1, d.commits, c.name)
		assert.ErrorIs(t, err, ErrUnavailable, c.name)
		var e *Error
		if assert.ErrorAs(t, err, &e, c.name) {
			assert.True(t, e.OutcomeUnknown, c.name)
			assert.True(t, e.Unavailable, c.name)
			assert.Equal(t, "store.unavailable", e.ErrorCode(), c.name)
			assert.Contains(t, e.MessageEn(), "outcome unknown", c.name)
			assert.Contains(t, e.MessageEn(), "conflict/pgstore: Put", c.name)
			assert.Contains(t, e.MessageZh(), "结果未知", c.name)
			assert.ErrorIs(t, err, c.err, "%s: the driver's error is kept", c.name)
		}
	}
}

func TestTxCommitRefusedIsRetried(t *testing.T) {
	// A serialization failure at COMMIT rolled the transaction back: it runs again.
	d := &fakeDriver{commitErrs: []error{&pgErr{"40001"}}}
	db := sql.OpenDB(d)
	defer db.Close()
	runs := 0
	err := Tx(context.Background(), db, Policy{}, "op", func(context.Context, *sql.Tx) error { runs++; return nil })
	require.NoError(t, err)
	assert.Equal(t, 2, runs)
	assert.Equal(t, 2, d.commits)

	// A connection lost before COMMIT committed nothing: retried too.
	d = &fakeDriver{}
	db2 := sql.OpenDB(d)
	defer db2.Close()
	runs = 0
	err = Tx(context.Background(), db2, Policy{}, "op", func(context.Context, *sql.Tx) error {
		runs++
		if runs == 1 {
			return fmt.Errorf("write: %w", syscall.ECONNRESET)
		}
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 2, runs)
	assert.Equal(t, 1, d.commits)

	// Another refusal at commit is a plain failure, not of unknown outcome.
	d = &fakeDriver{commitErrs: []error{&pgErr{"23505"}}}
	db3 := sql.OpenDB(d)
	defer db3.Close()
	err = Tx(context.Background(), db3, Policy{}, "op", func(context.Context, *sql.Tx) error { return nil })
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.False(t, e.OutcomeUnknown)
	assert.ErrorIs(t, err, ErrFailed)
	assert.NotContains(t, e.MessageEn(), "outcome unknown")
}
