package mysqlstore

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"io/fs"
	"maps"
	"math"
	"slices"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/sqltx"
	"github.com/beiankit/beian/numbering"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// SchemaVersion is the schema version this package migrates to (the highest
// file in its migrations).
const SchemaVersion = 1

// Store is a numbering.Store on MySQL, MariaDB, a Galera cluster or TiDB.
// It is safe for concurrent use by any number of goroutines, processes and
// servers sharing the database.
type Store struct {
	db     *sql.DB
	policy sqltx.Policy
}

// Error is a database failure that the retries did not cure; errors.Is(err,
// ErrUnavailable) reports a server that could not be reached.
type Error = sqltx.Error

// ErrUnavailable matches errors of calls made while the server could not be
// reached (refused or dropped connections, shutdown, a Galera node outside
// its cluster's primary component).
var ErrUnavailable = sqltx.ErrUnavailable

// ErrFailed matches errors of calls the server answered with an error that
// the retries did not cure.
var ErrFailed = sqltx.ErrFailed

// Codes returns the codes of the Store's errors ("store.unavailable",
// "store.failed"), shared by every database store of the SDK, sorted.
func Codes() []filing.Code { return sqltx.Codes() }

// Retryable reports a deadlock or Galera certification failure (server
// error 1213), a lock wait timeout (1205) or a TiDB write conflict (9007,
// 8022, 8028): the errors every call of the Store retries. It reads the
// error number from github.com/go-sql-driver/mysql's *MySQLError (or any
// error with a Number() uint16 method) without importing the driver.
func Retryable(err error) bool { return sqltx.MySQLRetryable(err) }

// Option configures New. It is one type in every database adapter of the
// SDK (an alias), so one []Option slice configures this Store and the
// others (numbering/pgstore, conflict/pgstore, filing/resource/pgstore,
// numbering/mysqlstore, conflict/mysqlstore) alike.
type Option = sqltx.Option

// WithIsolation runs the Store's transactions at an isolation level
// (sql.LevelSerializable or sql.LevelReadCommitted; the default is the
// server's, REPEATABLE READ on InnoDB). TiDB refuses SERIALIZABLE.
func WithIsolation(level sql.IsolationLevel) Option { return sqltx.WithIsolation(level) }

// WithUnavailableWait sets how long a call keeps retrying while the server
// cannot be reached (default 2s; 0 or less: fail at once).
func WithUnavailableWait(d time.Duration) Option { return sqltx.WithUnavailableWait(d) }

// New returns a Store on db, opened with a MySQL driver
// (github.com/go-sql-driver/mysql). Call Migrate once before first use.
func New(db *sql.DB, opts ...Option) *Store {
	return &Store{db: db, policy: sqltx.NewPolicy(sqltx.MySQL, opts...)}
}

// Migrate creates or upgrades the Store's table (beian_numbering_counter) to
// SchemaVersion. It is safe to call from many processes at once.
func (s *Store) Migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrationFS, "migrations")
	if err != nil {
		return err
	}
	return sqltx.MigrateMySQL(ctx, s.db, s.policy, "numbering", sub)
}

const (
	lockSQL   = `SELECT last FROM beian_numbering_counter WHERE counter_key = ? FOR UPDATE`
	insertSQL = `INSERT INTO beian_numbering_counter (counter_key, last) VALUES (?, 1)`
	casSQL    = `UPDATE beian_numbering_counter SET last = ? WHERE counter_key = ? AND last = ?`
)

// errExhausted stops a reservation whose counter reached its limit.
var errExhausted = sqltx.Permanent(numbering.ErrSequenceExhausted)

// errRaced is a compare-and-set that found the counter moved: retried as a
// conflict.
var errRaced = sqltx.Conflict(errors.New("numbering/mysqlstore: the counter moved under the reservation"))

// Reserve implements numbering.Store in one transaction: a locking read of
// the counter, then a compare-and-set from the value read to the next
// (or the insert of a missing counter at 1). The value returned is the one
// the compare-and-set wrote, never re-read: on a Galera cluster a
// transaction aborted by a write set of another node can see statements
// answer with no rows or no changes before its COMMIT fails, and a
// re-read after such an answer could return another reservation's value.
// A compare-and-set that changes no row is retried.
func (s *Store) Reserve(ctx context.Context, key numbering.Key, max uint64) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if max < 1 {
		return 0, numbering.ErrSequenceExhausted
	}
	lim := int64(min(max, math.MaxInt64))
	k := key.String()
	var v int64
	err := s.tx(ctx, "numbering/mysqlstore: Reserve", func(ctx context.Context, tx *sql.Tx) error {
		var last int64
		err := tx.QueryRowContext(ctx, sqltx.MySQLText(lockSQL, k)).Scan(&last)
		if errors.Is(err, sql.ErrNoRows) {
			// A missing counter: two inserting at once collide on the
			// primary key (1062 on one server, 1213 across Galera nodes).
			if _, err := tx.ExecContext(ctx, sqltx.MySQLText(insertSQL, k)); err != nil {
				if n, _, _ := sqltx.MySQLNumber(err); n == erDupEntry {
					return errRaced
				}
				return err
			}
			v = 1
			return nil
		}
		if err != nil {
			return err
		}
		if last >= lim { // exhausted, never wrapped round
			return errExhausted
		}
		res, err := tx.ExecContext(ctx, sqltx.MySQLText(casSQL, last+1, k, last))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return errRaced
		}
		v = last + 1
		return nil
	})
	if err != nil {
		return 0, err
	}
	return uint64(v), nil
}

// erDupEntry is ER_DUP_ENTRY.
const erDupEntry = 1062

const raiseSQL = `INSERT INTO beian_numbering_counter (counter_key, last) VALUES (?, ?)
ON DUPLICATE KEY UPDATE last = GREATEST(last, ?)`

// Raise implements numbering.Store: one transaction, one statement per key
// (each key once, with its highest value, in key order so that concurrent
// calls lock rows in one order).
func (s *Store) Raise(ctx context.Context, counters ...numbering.Counter) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(counters) == 0 {
		return nil
	}
	high := make(map[string]uint64, len(counters))
	for _, c := range counters {
		k := c.Key.String()
		high[k] = max(high[k], min(c.Last, math.MaxInt64))
	}
	keys := slices.Sorted(maps.Keys(high))
	return s.tx(ctx, "numbering/mysqlstore: Raise", func(ctx context.Context, tx *sql.Tx) error {
		for _, k := range keys {
			v := int64(high[k])
			if _, err := tx.ExecContext(ctx, sqltx.MySQLText(raiseSQL, k, v, v)); err != nil {
				return err
			}
		}
		return nil
	})
}

// Snapshot implements numbering.Store. It reads every counter in one
// statement (one consistent snapshot of the table).
func (s *Store) Snapshot(ctx context.Context) ([]numbering.Counter, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []numbering.Counter
	err := sqltx.Do(ctx, s.policy, "numbering/mysqlstore: Snapshot", func(ctx context.Context) error {
		out = out[:0]
		rows, err := s.db.QueryContext(ctx, `SELECT counter_key, last FROM beian_numbering_counter`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			var v int64
			if err := rows.Scan(&k, &v); err != nil {
				return err
			}
			key, err := numbering.ParseKey(k)
			if err != nil {
				return sqltx.Permanent(err)
			}
			out = append(out, numbering.Counter{Key: key, Last: uint64(v)})
		}
		return rows.Err()
	})
	return out, err
}

// tx runs fn in a transaction at the Store's isolation, retried on
// deadlocks, Galera certification failures and lock wait timeouts. A COMMIT
// whose connection failed is retried too (until WithUnavailableWait): a
// counter's transaction that did commit leaves a gap when run again, never
// a duplicate, as PostgreSQL's single-statement Reserve does. Statements
// with arguments go through sqltx.MySQLText, as in conflict/mysqlstore
// (docs/mysql.md, "Galera and prepared statements"). A connection whose
// ROLLBACK or COMMIT failed is closed (sqltx.Run).
func (s *Store) tx(ctx context.Context, op string, fn func(ctx context.Context, tx *sql.Tx) error) error {
	return sqltx.Do(ctx, s.policy, op, func(ctx context.Context) error {
		_, err := sqltx.Run(ctx, s.db, &sql.TxOptions{Isolation: s.policy.Isolation}, fn)
		return err
	})
}

var _ numbering.Store = (*Store)(nil)
