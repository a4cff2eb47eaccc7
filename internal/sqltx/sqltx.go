// Package sqltx is the database/sql machinery shared by the PostgreSQL
// adapters (numbering/pgstore, conflict/pgstore): transactions retried on
// serialization failures and deadlocks, typed errors for an unreachable
// server, and embedded, versioned migrations.
package sqltx

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net"
	"path"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/internal/catalog"
)

// Error is a failure of a database call that retrying did not cure.
type Error struct {
	// Op names the store operation, e.g. "numbering/pgstore: Reserve".
	Op string `json:"op"`
	// SQLState is the server's SQLSTATE code, when the server answered.
	SQLState string `json:"sqlstate,omitempty"`
	// Unavailable reports a server that could not be reached or that went
	// away (connection refused or reset, shutdown): ErrUnavailable matches.
	Unavailable bool `json:"unavailable"`
	// OutcomeUnknown reports a connection lost while COMMIT was in flight
	// (Tx): the transaction may or may not have been committed. Such an
	// error is never retried, since running the work again after a commit
	// that did succeed would find its own writes; the caller re-reads the
	// state before deciding anything. Unavailable is set too.
	OutcomeUnknown bool `json:"outcome_unknown,omitempty"`
	// Err is the driver's error.
	Err error `json:"-"`
}

// The codes of database failures. They belong to no rule of the
// catalogue: a store that cannot answer is an operational failure, not a
// filing that breaks a rule.
var (
	// ErrUnavailable matches (errors.Is) an *Error whose Unavailable is
	// set: the server could not be reached or went away.
	ErrUnavailable = define("store.unavailable", "",
		"系统暂时无法访问数据库，请稍后重试",
		"the database cannot be reached")
	// ErrFailed matches an *Error of a server that answered with an error
	// the retries did not cure.
	ErrFailed = define("store.failed", "",
		"系统数据库操作失败，请稍后重试",
		"the database call failed")
)

var codes []problem.Code

func define(code, rule, zh, en string) problem.Code {
	c := problem.Code(catalog.Define(code, rule, zh, en))
	codes = append(codes, c)
	return c
}

// Codes returns the codes of database failures, sorted.
func Codes() []problem.Code {
	out := slices.Clone(codes)
	slices.Sort(out)
	return out
}

func (e *Error) sentinel() problem.Code {
	if e.Unavailable {
		return ErrUnavailable
	}
	return ErrFailed
}

// Error returns "code: op: cause".
func (e *Error) Error() string { return e.ErrorCode() + ": " + e.MessageEn() }

// Unwrap returns the driver's error.
func (e *Error) Unwrap() error { return e.Err }

// Is matches ErrUnavailable when the server was unreachable and ErrFailed
// otherwise.
func (e *Error) Is(target error) bool {
	c, ok := target.(problem.Code)
	return ok && c == e.sentinel()
}

// ErrorCode returns "store.unavailable" or "store.failed".
func (e *Error) ErrorCode() string { return string(e.sentinel()) }

// outcomeUnknownZh and outcomeUnknownEn describe an error whose
// OutcomeUnknown is set.
const (
	outcomeUnknownZh = "数据库连接在提交时中断，操作结果未知，请刷新后核对是否已保存"
	outcomeUnknownEn = "outcome unknown: the connection was lost during COMMIT; re-read before retrying"
)

// MessageZh returns the message for end users.
func (e *Error) MessageZh() string {
	if e.OutcomeUnknown {
		return outcomeUnknownZh
	}
	return e.sentinel().MessageZh()
}

// MessageEn returns the message for developers; it says "outcome unknown"
// when OutcomeUnknown is set.
func (e *Error) MessageEn() string {
	msg := e.Op + ": "
	if e.OutcomeUnknown {
		msg += outcomeUnknownEn + ": "
	}
	if e.Err == nil {
		return msg + e.sentinel().MessageEn()
	}
	return msg + e.Err.Error()
}

// sqlState reads the SQLSTATE of a server error from any driver that
// exposes it (pgx's *pgconn.PgError, lib/pq's *pq.Error).
func sqlState(err error) string {
	var s interface{ SQLState() string }
	if errors.As(err, &s) {
		return s.SQLState()
	}
	return ""
}

// Retryable reports a serialization failure (SQLSTATE 40001) or a detected
// deadlock (40P01): the transaction was rolled back and may run again.
func Retryable(err error) bool {
	switch sqlState(err) {
	case "40001", "40P01":
		return true
	}
	return false
}

// Unavailable reports an error that means the server cannot be reached or
// went away: connection refused or reset, broken connections, SQLSTATE
// class 08 (connection exception) and 57P01..57P03 (shutdown, cannot
// connect now).
func Unavailable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	switch st := sqlState(err); {
	case strings.HasPrefix(st, "08"), st == "57P01", st == "57P02", st == "57P03":
		return true
	case st != "":
		return false
	}
	var ne net.Error
	return errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, sql.ErrConnDone) || errors.As(err, &ne) ||
		strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "failed to connect")
}

// Policy is how Do retries.
type Policy struct {
	// Isolation is the isolation level of the transactions of Tx
	// (sql.LevelDefault: the server's default, READ COMMITTED unless
	// configured otherwise).
	Isolation sql.IsolationLevel
	// UnavailableWait is how long Do keeps retrying while the server cannot
	// be reached before it returns an error matching ErrUnavailable.
	// Default 2s; negative: do not retry.
	UnavailableWait time.Duration
	// Dialect classifies the driver's errors: nil for PostgreSQL's
	// SQLSTATEs (Retryable, Unavailable), MySQL for the MySQL family.
	Dialect *Dialect
}

const (
	firstBackoff = 2 * time.Millisecond
	maxBackoff   = 250 * time.Millisecond
	maxConflicts = 50 // retries of serialization failures and deadlocks
)

// Do runs fn until it succeeds, retrying serialization failures and
// deadlocks (with jittered exponential backoff, up to 50 times) and, for up
// to p.UnavailableWait, an unreachable server. ctx ends the retries: its
// error is returned as is. Other errors are returned at once as an *Error.
func Do(ctx context.Context, p Policy, op string, fn func(ctx context.Context) error) error {
	wait := p.UnavailableWait
	if wait == 0 {
		wait = 2 * time.Second
	}
	var deadline time.Time
	backoff := firstBackoff
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := fn(ctx)
		if err == nil {
			return nil
		}
		if p, ok := errors.AsType[*permanent](err); ok {
			return p.err
		}
		if cerr := ctx.Err(); cerr != nil && (errors.Is(err, cerr) || !p.retryable(err)) {
			return cerr
		}
		switch {
		case p.retryable(err) && attempt < maxConflicts:
		case p.unavailable(err) && wait > 0:
			if deadline.IsZero() {
				deadline = time.Now().Add(wait)
			}
			if time.Now().After(deadline) {
				return &Error{Op: op, Unavailable: true, Err: err}
			}
		default:
			var e *Error
			if errors.As(err, &e) {
				return err
			}
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			return &Error{Op: op, SQLState: p.sqlState(err), Unavailable: p.unavailable(err), Err: err}
		}
		retries.Add(1)
		// Full jitter: a random wait up to the backoff, so that racing
		// transactions do not collide again in step.
		t := time.NewTimer(time.Duration(rand.Int64N(int64(backoff))) + time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		backoff = min(backoff*2, maxBackoff)
	}
}

// Permanent wraps an error that Do returns as is, unwrapped, without
// retrying: an answer of the store (a key taken) rather than a failure, or a
// failure after output that a retry would repeat.
func Permanent(err error) error { return &permanent{err} }

type permanent struct{ err error }

func (p *permanent) Error() string { return p.err.Error() }
func (p *permanent) Unwrap() error { return p.err }

// Tx runs fn in a transaction at p.Isolation, committing when fn returns
// nil, with the retries of Do: fn may run more than once and must not keep
// state between runs.
//
// A failure before COMMIT, and a COMMIT the server refused (a serialization
// failure at commit), rolled the transaction back and is retried. A COMMIT
// whose connection failed (Unavailable: reset, EOF, broken connection,
// timeout) is not: the server may have committed before the connection
// went, and a retry would then find the transaction's own writes and answer
// wrongly. Tx returns at once an *Error with Unavailable and OutcomeUnknown
// set (errors.Is(err, ErrUnavailable)); the caller re-reads to learn
// whether the work was done.
//
// The transaction runs as Run runs it: a connection whose ROLLBACK or
// COMMIT failed is closed, not reused.
func Tx(ctx context.Context, db *sql.DB, p Policy, op string, fn func(ctx context.Context, tx *sql.Tx) error) error {
	return Do(ctx, p, op, func(ctx context.Context) error {
		atCommit, err := Run(ctx, db, &sql.TxOptions{Isolation: p.Isolation}, fn)
		if err != nil && atCommit && p.unavailable(err) {
			return Permanent(&Error{Op: op, Unavailable: true, OutcomeUnknown: true, Err: err})
		}
		return err
	})
}

// Run runs fn once in a transaction with opts on a connection of its own,
// committing when fn returns nil, and reports with atCommit whether the
// error it returns came from COMMIT.
//
// When ROLLBACK or COMMIT fails, or the context ended the transaction (its
// rollback then ran in the background, and its outcome is not known), or
// fn panicked, the connection is closed instead of going back to the pool,
// since the server may still hold the transaction open: a Galera node
// outside the primary component refuses ROLLBACK (error 1047) and keeps
// the transaction, and on MySQL and MariaDB the next START TRANSACTION on
// that connection commits it implicitly, writes the caller was told had
// failed included (docs/mysql.md). Closing the connection makes the server
// roll the transaction back. After the context ended, the connection is
// closed in the background, so that a ROLLBACK in flight on an unreachable
// server does not hold the caller past its deadline.
//
// A stale pooled connection that fails at BEGIN (driver.ErrBadConn) is
// replaced, as db.BeginTx would: up to three connections are tried.
func Run(ctx context.Context, db *sql.DB, opts *sql.TxOptions, fn func(ctx context.Context, tx *sql.Tx) error) (atCommit bool, err error) {
	var conn *sql.Conn
	var tx *sql.Tx
	for try := 0; ; try++ {
		if conn, err = db.Conn(ctx); err != nil {
			return false, err
		}
		if tx, err = conn.BeginTx(ctx, opts); err == nil {
			break
		}
		_ = conn.Close() // a connection failing with ErrBadConn is already discarded
		if !errors.Is(err, driver.ErrBadConn) || try == 2 {
			return false, err
		}
	}
	discard, ended := false, false
	defer func() {
		if !ended { // fn panicked: end the transaction, or closing the connection waits for it
			_ = tx.Rollback()
			discard = true
		}
		release := func() {
			if discard {
				// Raw's function returning driver.ErrBadConn makes
				// database/sql close the driver connection.
				_ = conn.Raw(func(any) error { return driver.ErrBadConn })
			}
			_ = conn.Close()
		}
		if ctx.Err() != nil {
			go release()
		} else {
			release()
		}
	}()
	if err := fn(ctx, tx); err != nil {
		// ErrTxDone: the context's rollback ran, with an outcome unknown.
		discard = tx.Rollback() != nil || ctx.Err() != nil
		ended = true
		return false, err
	}
	err = tx.Commit()
	ended = true
	if err != nil {
		discard = true
		return true, err
	}
	return false, nil
}

// Migrate brings the schema of component (a row of table
// beian_schema_version) to the highest version in fsys: files named
// "NNNN_name.sql" in the root of fsys, applied in order, each in the
// transaction that records its version. Concurrent callers serialise on the
// component's row (SELECT … FOR UPDATE), so many processes may call Migrate
// at start-up. It never downgrades: a database at a higher version than
// fsys knows is an error.
func Migrate(ctx context.Context, db *sql.DB, p Policy, component string, fsys fs.FS) error {
	type mig struct {
		version int
		sql     string
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return err
	}
	var migs []mig
	for _, e := range entries {
		name := e.Name()
		if path.Ext(name) != ".sql" {
			continue
		}
		num, _, _ := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if err != nil || v < 1 {
			return errors.New("sqltx: migration " + name + " is not named NNNN_name.sql")
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		migs = append(migs, mig{v, string(b)})
	}
	slices.SortFunc(migs, func(a, b mig) int { return a.version - b.version })
	want := 0
	if len(migs) > 0 {
		want = migs[len(migs)-1].version
	}
	op := component + ": Migrate"
	// Two processes creating the version table at once can collide on the
	// catalog: 42P07 (relation exists), 42710 (its row type exists) or 23505
	// (unique violation in pg_type): the retry then finds the table.
	for try := 0; ; try++ {
		err := Tx(ctx, db, p, op, func(ctx context.Context, tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS beian_schema_version (
	component text PRIMARY KEY,
	version   integer NOT NULL
)`); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO beian_schema_version (component, version) VALUES ($1, 0)
ON CONFLICT (component) DO NOTHING`, component); err != nil {
				return err
			}
			var have int
			if err := tx.QueryRowContext(ctx, `SELECT version FROM beian_schema_version WHERE component = $1 FOR UPDATE`, component).Scan(&have); err != nil {
				return err
			}
			if have > want {
				return errors.New("sqltx: the database schema of " + component + " is at version " + strconv.Itoa(have) +
					", newer than this program's " + strconv.Itoa(want) + ": upgrade the program")
			}
			for _, m := range migs {
				if m.version <= have {
					continue
				}
				if _, err := tx.ExecContext(ctx, m.sql); err != nil {
					return fmt.Errorf("sqltx: migration %d of %s: %w", m.version, component, err)
				}
			}
			if want > have {
				_, err := tx.ExecContext(ctx, `UPDATE beian_schema_version SET version = $2 WHERE component = $1`, component, want)
				return err
			}
			return nil
		})
		if err == nil || try >= 3 {
			return err
		}
		switch sqlState(err) {
		case "42P07", "42710", "23505":
			continue
		}
		return err
	}
}
