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
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeDriver is a database/sql driver whose transactions fail at COMMIT
// with the errors queued in commitErrs (nil: the commit succeeds) and at
// ROLLBACK with those in rollbackErrs, so that Tx's handling of such
// failures is tested without a server. Like MySQL, a refused COMMIT or
// ROLLBACK leaves the transaction open on its connection, and a BEGIN on a
// connection with a transaction open commits it (implicitCommits).
type fakeDriver struct {
	mu              sync.Mutex
	resetter        bool // connections implement driver.SessionResetter and driver.Validator, as real drivers do
	beginErrs       []error
	commitErrs      []error
	rollbackErrs    []error
	begins          int
	commits         int // commits attempted
	implicitCommits int // transactions committed by the next BEGIN
	connects        int
	closes          int
}

func (d *fakeDriver) Connect(context.Context) (driver.Conn, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.connects++
	if d.resetter {
		return &resettingConn{fakeConn{d: d}}, nil
	}
	return &fakeConn{d: d}, nil
}

func (d *fakeDriver) Driver() driver.Driver { return nil }

// resettingConn is a fakeConn that database/sql may keep after a rollback
// it ran itself (a context ended): real drivers implement both interfaces.
type resettingConn struct{ fakeConn }

func (c *resettingConn) ResetSession(context.Context) error { return nil }
func (c *resettingConn) IsValid() bool                      { return true }

type fakeConn struct {
	d    *fakeDriver
	open bool // a transaction is open on the server
}

func (c *fakeConn) Prepare(string) (driver.Stmt, error) {
	return nil, errors.New("fake: no statements")
}
func (c *fakeConn) Close() error {
	c.d.mu.Lock()
	defer c.d.mu.Unlock()
	c.d.closes++
	c.open = false // the server rolls back the transaction of a closed session
	return nil
}
func (c *fakeConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}
func (c *fakeConn) BeginTx(context.Context, driver.TxOptions) (driver.Tx, error) {
	c.d.mu.Lock()
	defer c.d.mu.Unlock()
	c.d.begins++
	if err := next(&c.d.beginErrs); err != nil {
		return nil, err
	}
	if c.open {
		c.d.implicitCommits++
	}
	c.open = true
	return &fakeTx{c}, nil
}

type fakeTx struct{ c *fakeConn }

// next pops the first error of q (nil when q is empty).
func next(q *[]error) error {
	if len(*q) == 0 {
		return nil
	}
	err := (*q)[0]
	*q = (*q)[1:]
	return err
}

func (t *fakeTx) Commit() error {
	d := t.c.d
	d.mu.Lock()
	defer d.mu.Unlock()
	d.commits++
	err := next(&d.commitErrs)
	t.c.open = err != nil
	return err
}
func (t *fakeTx) Rollback() error {
	d := t.c.d
	d.mu.Lock()
	defer d.mu.Unlock()
	err := next(&d.rollbackErrs)
	t.c.open = err != nil
	return err
}

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
	err = Tx(context.Background(), db2, Policy{}, "op", resetOnce(&runs))
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

// galeraNonPrimary is the error a Galera node outside the primary
// component gives to ROLLBACK (and most statements).
type galeraNonPrimary struct{}

func (galeraNonPrimary) Error() string {
	return "Error 1047 (08S01): WSREP has not yet prepared node for application use"
}

// TestRunClosesAConnectionWhoseRollbackFailed: a Galera node that left the
// primary component refuses ROLLBACK and keeps the transaction open; had
// the connection gone back to the pool, the next transaction's BEGIN would
// have committed the writes the caller was told had failed (claims without
// a record after a failed Put, docs/mysql.md). Run closes it instead.
func TestRunClosesAConnectionWhoseRollbackFailed(t *testing.T) {
	d := &fakeDriver{rollbackErrs: []error{galeraNonPrimary{}}}
	db := sql.OpenDB(d)
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	failed := errors.New("UPDATE: node left the primary component")
	atCommit, err := Run(ctx, db, nil, func(context.Context, *sql.Tx) error { return failed })
	require.ErrorIs(t, err, failed)
	assert.False(t, atCommit)
	_, err = Run(ctx, db, nil, func(context.Context, *sql.Tx) error { return nil })
	require.NoError(t, err)
	assert.Equal(t, 0, d.implicitCommits, "the open transaction was never committed by a later BEGIN")
	assert.Equal(t, 2, d.connects, "the connection whose ROLLBACK failed was not reused")
	assert.Equal(t, 1, d.closes)

	// A refused COMMIT closes the connection too; a successful pair reuses it.
	d = &fakeDriver{commitErrs: []error{galeraNonPrimary{}}}
	db2 := sql.OpenDB(d)
	defer db2.Close()
	db2.SetMaxOpenConns(1)
	atCommit, err = Run(ctx, db2, nil, func(context.Context, *sql.Tx) error { return nil })
	assert.True(t, atCommit)
	require.Error(t, err)
	for range 2 {
		_, err = Run(ctx, db2, nil, func(context.Context, *sql.Tx) error { return nil })
		require.NoError(t, err)
	}
	assert.Equal(t, 0, d.implicitCommits)
	assert.Equal(t, 2, d.connects, "one new connection after the refused COMMIT, then reused")
	assert.Equal(t, 1, d.closes)
}

// TestTxClosesAConnectionWhoseRollbackFailed: the same through Tx, whose
// retry runs fn again on a fresh connection.
func TestTxClosesAConnectionWhoseRollbackFailed(t *testing.T) {
	d := &fakeDriver{rollbackErrs: []error{galeraNonPrimary{}}}
	db := sql.OpenDB(d)
	defer db.Close()
	db.SetMaxOpenConns(1)
	runs := 0
	err := Tx(context.Background(), db, Policy{}, "op", resetOnce(&runs))
	require.NoError(t, err)
	assert.Equal(t, 2, runs)
	assert.Equal(t, 0, d.implicitCommits)
	assert.Equal(t, 2, d.connects)
}

// TestRunClosesAConnectionWhoseContextEnded: the context ends inside fn;
// database/sql rolls back in the background and, with a driver that can
// reset sessions, would keep the connection whatever that ROLLBACK
// answered. Run cannot know the outcome, so it closes the connection.
func TestRunClosesAConnectionWhoseContextEnded(t *testing.T) {
	d := &fakeDriver{resetter: true, rollbackErrs: []error{galeraNonPrimary{}}}
	db := sql.OpenDB(d)
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx, cancel := context.WithCancel(context.Background())
	_, err := Run(ctx, db, nil, func(ctx context.Context, _ *sql.Tx) error {
		cancel()
		<-ctx.Done()
		time.Sleep(20 * time.Millisecond) // database/sql's rollback runs
		return ctx.Err()
	})
	require.ErrorIs(t, err, context.Canceled)
	require.Eventually(t, func() bool {
		d.mu.Lock()
		defer d.mu.Unlock()
		return d.closes == 1
	}, 5*time.Second, 5*time.Millisecond, "the connection is closed (in the background)")
	_, err = Run(context.Background(), db, nil, func(context.Context, *sql.Tx) error { return nil })
	require.NoError(t, err)
	assert.Equal(t, 0, d.implicitCommits)
	assert.Equal(t, 2, d.connects)
}

// TestRunPanicInFnEndsTheTransaction: a panic in fn propagates; the
// transaction is ended and its connection closed, so that neither Run
// nor the next caller waits for it.
func TestRunPanicInFnEndsTheTransaction(t *testing.T) {
	d := &fakeDriver{}
	db := sql.OpenDB(d)
	defer db.Close()
	db.SetMaxOpenConns(1)
	assert.PanicsWithValue(t, "boom", func() {
		_, _ = Run(context.Background(), db, nil, func(context.Context, *sql.Tx) error { panic("boom") })
	})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_, err := Run(ctx, db, nil, func(context.Context, *sql.Tx) error { return nil })
	require.NoError(t, err, "the pool's one connection was given back")
	assert.Equal(t, 0, d.implicitCommits)
	assert.Equal(t, 2, d.connects)
}

// TestRunReplacesAStaleConnection: BEGIN on a stale pooled connection
// fails with driver.ErrBadConn; Run takes another, as db.BeginTx would.
func TestRunReplacesAStaleConnection(t *testing.T) {
	d := &fakeDriver{beginErrs: []error{driver.ErrBadConn}}
	db := sql.OpenDB(d)
	defer db.Close()
	runs := 0
	_, err := Run(context.Background(), db, nil, func(context.Context, *sql.Tx) error { runs++; return nil })
	require.NoError(t, err)
	assert.Equal(t, 1, runs)
	assert.Equal(t, 2, d.connects)

	d = &fakeDriver{beginErrs: []error{driver.ErrBadConn, driver.ErrBadConn, driver.ErrBadConn}}
	db2 := sql.OpenDB(d)
	defer db2.Close()
	_, err = Run(context.Background(), db2, nil, func(context.Context, *sql.Tx) error { return nil })
	assert.ErrorIs(t, err, driver.ErrBadConn, "three tries, then the error")
}

// resetOnce is a transaction function that counts its runs in *runs and
// fails the first with a connection reset before COMMIT (nothing
// committed, so Tx runs it again).
func resetOnce(runs *int) func(context.Context, *sql.Tx) error {
	return func(context.Context, *sql.Tx) error {
		*runs++
		if *runs == 1 {
			return fmt.Errorf("write: %w", syscall.ECONNRESET)
		}
		return nil
	}
}
