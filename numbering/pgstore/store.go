package pgstore

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"io/fs"
	"math"
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

// Store is a numbering.Store on PostgreSQL. It is safe for concurrent use by
// any number of goroutines, processes and servers sharing the database.
type Store struct {
	db     *sql.DB
	policy sqltx.Policy
}

// Error is a database failure that the retries did not cure; errors.Is(err,
// ErrUnavailable) reports a server that could not be reached.
type Error = sqltx.Error

// ErrUnavailable matches errors of calls made while the server could not be
// reached (refused or dropped connections, shutdown).
var ErrUnavailable = sqltx.ErrUnavailable

// ErrFailed matches errors of calls the server answered with an error that
// the retries did not cure.
var ErrFailed = sqltx.ErrFailed

// Codes returns the codes of the Store's errors ("store.unavailable",
// "store.failed"), shared by every PostgreSQL store of the SDK, sorted.
func Codes() []filing.Code { return sqltx.Codes() }

// Retryable reports a serialization failure (SQLSTATE 40001) or a deadlock
// (40P01), the errors every call of the Store retries. It reads the SQLSTATE
// through errors.As to interface{ SQLState() string }, so it works with any
// driver that exposes one.
func Retryable(err error) bool { return sqltx.Retryable(err) }

// Option configures New. It is one type in every database adapter of the
// SDK (an alias), so one []Option slice configures this Store and the
// others (numbering/pgstore, conflict/pgstore, filing/resource/pgstore,
// numbering/mysqlstore, conflict/mysqlstore) alike.
type Option = sqltx.Option

// WithIsolation runs the Store's transactions at an isolation level
// (sql.LevelSerializable to match a server configured for it; the default
// is the server's).
func WithIsolation(level sql.IsolationLevel) Option { return sqltx.WithIsolation(level) }

// WithUnavailableWait sets how long a call keeps retrying while the server
// cannot be reached (default 2s; 0 or less: fail at once).
func WithUnavailableWait(d time.Duration) Option { return sqltx.WithUnavailableWait(d) }

// New returns a Store on db. Call Migrate once before first use.
func New(db *sql.DB, opts ...Option) *Store {
	return &Store{db: db, policy: sqltx.NewPolicy(nil, opts...)}
}

// Migrate creates or upgrades the Store's table (beian_numbering_counter) to
// SchemaVersion. It is safe to call from many processes at once.
func (s *Store) Migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrationFS, "migrations")
	if err != nil {
		return err
	}
	return sqltx.Migrate(ctx, s.db, s.policy, "numbering", sub)
}

const reserveSQL = `INSERT INTO beian_numbering_counter AS c (key, last) VALUES ($1, 1)
ON CONFLICT (key) DO UPDATE SET last = c.last + 1 WHERE c.last < $2
RETURNING last`

// Reserve implements numbering.Store in one statement.
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
	err := s.run(ctx, "numbering/pgstore: Reserve", func(ctx context.Context, q querier) error {
		return q.QueryRowContext(ctx, reserveSQL, k, lim).Scan(&v)
	})
	if errors.Is(err, sql.ErrNoRows) { // the WHERE refused: exhausted, never wrapped round
		return 0, numbering.ErrSequenceExhausted
	}
	if err != nil {
		return 0, err
	}
	return uint64(v), nil
}

const raiseSQL = `INSERT INTO beian_numbering_counter AS c (key, last)
SELECT e->>'k', (e->>'v')::bigint FROM jsonb_array_elements($1::jsonb) AS e
ON CONFLICT (key) DO UPDATE SET last = GREATEST(c.last, EXCLUDED.last)`

// Raise implements numbering.Store: one statement for all counters (each
// key once, with its highest value).
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
	type kv struct {
		K string `json:"k"`
		V uint64 `json:"v"`
	}
	rows := make([]kv, 0, len(high))
	for k, v := range high {
		rows = append(rows, kv{k, v})
	}
	arg, err := json.Marshal(rows)
	if err != nil {
		return err
	}
	return s.run(ctx, "numbering/pgstore: Raise", func(ctx context.Context, q querier) error {
		_, err := q.ExecContext(ctx, raiseSQL, string(arg))
		return err
	})
}

// Snapshot implements numbering.Store. It reads every counter in one
// statement (one consistent snapshot of the table).
func (s *Store) Snapshot(ctx context.Context) ([]numbering.Counter, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []numbering.Counter
	err := s.run(ctx, "numbering/pgstore: Snapshot", func(ctx context.Context, q querier) error {
		out = out[:0]
		rows, err := q.QueryContext(ctx, `SELECT key, last FROM beian_numbering_counter`)
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
				return err
			}
			out = append(out, numbering.Counter{Key: key, Last: uint64(v)})
		}
		return rows.Err()
	})
	return out, err
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// run runs fn with retries: on the pool directly at the default isolation
// (each statement its own transaction), in a transaction otherwise.
func (s *Store) run(ctx context.Context, op string, fn func(ctx context.Context, q querier) error) error {
	if s.policy.Isolation == sql.LevelDefault {
		return sqltx.Do(ctx, s.policy, op, func(ctx context.Context) error { return fn(ctx, s.db) })
	}
	return sqltx.Tx(ctx, s.db, s.policy, op, func(ctx context.Context, tx *sql.Tx) error { return fn(ctx, tx) })
}

var _ numbering.Store = (*Store)(nil)
