package pgstore

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"io/fs"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/resource"
	"github.com/beiankit/beian/internal/sqltx"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// SchemaVersion is the schema version this package migrates to.
const SchemaVersion = 1

// Store is a resource.Store on PostgreSQL, safe for concurrent use by any
// number of goroutines, processes and servers sharing the database.
type Store struct {
	db     *sql.DB
	policy sqltx.Policy
}

// Error is a database failure that the retries did not cure; errors.Is(err,
// ErrUnavailable) reports a server that could not be reached.
type Error = sqltx.Error

// ErrUnavailable matches errors of calls made while the server could not be
// reached.
var ErrUnavailable = sqltx.ErrUnavailable

// ErrFailed matches errors of calls the server answered with an error that
// the retries did not cure.
var ErrFailed = sqltx.ErrFailed

// Codes returns the codes of the Store's errors, shared by every
// PostgreSQL store of the SDK, sorted.
func Codes() []filing.Code { return sqltx.Codes() }

// Retryable reports a serialization failure (40001) or a deadlock (40P01).
func Retryable(err error) bool { return sqltx.Retryable(err) }

// Option configures New. It is one type in every database adapter of the
// SDK (an alias), so one []Option slice configures this Store and the
// others (numbering/pgstore, conflict/pgstore, filing/resource/pgstore,
// numbering/mysqlstore, conflict/mysqlstore) alike.
type Option = sqltx.Option

// WithIsolation runs the Store's transactions at an isolation level.
func WithIsolation(level sql.IsolationLevel) Option { return sqltx.WithIsolation(level) }

// WithUnavailableWait sets how long a call keeps retrying while the server
// cannot be reached (default 2s; 0 or less: fail at once).
func WithUnavailableWait(d time.Duration) Option { return sqltx.WithUnavailableWait(d) }

// New returns a Store on db. Call Migrate once before first use.
func New(db *sql.DB, opts ...Option) *Store {
	return &Store{db: db, policy: sqltx.NewPolicy(nil, opts...)}
}

// Migrate creates or upgrades the Store's tables (beian_resource_instance,
// beian_resource_entry) to SchemaVersion. It is safe to call from many
// processes at once.
func (s *Store) Migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrationFS, "migrations")
	if err != nil {
		return err
	}
	return sqltx.Migrate(ctx, s.db, s.policy, "resource", sub)
}

const columns = `code, kind, instance, owner, grantee, state, filing_id, filer, record_number, issued_at, expires_at, updated_at`

type scanner interface{ Scan(dest ...any) error }

func scan(r scanner) (resource.Entry, error) {
	var e resource.Entry
	var kind, state string
	var issued, expires, updated int64
	err := r.Scan(&e.Code, &kind, &e.Instance, &e.Owner, &e.Grantee, &state, &e.FilingID, &e.Filer, &e.RecordNumber,
		&issued, &expires, &updated)
	e.Kind, e.State = resource.Kind(kind), resource.State(state)
	e.IssuedAt, e.ExpiresAt, e.UpdatedAt = at(issued), at(expires), at(updated)
	return e, err
}

func at(us int64) time.Time { return time.UnixMicro(us).In(calendar.Location()) }
func us(t time.Time) int64  { return t.UnixMicro() }
func get(ctx context.Context, q querier, code string) (resource.Entry, error) {
	e, err := scan(q.QueryRowContext(ctx, `SELECT `+columns+` FROM beian_resource_entry WHERE code = $1`, code))
	if errors.Is(err, sql.ErrNoRows) {
		return e, sqltx.Permanent(resource.NotFound(code))
	}
	return e, err
}

// Insert implements resource.Store in one transaction.
func (s *Store) Insert(ctx context.Context, e resource.Entry, limit int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return sqltx.Tx(ctx, s.db, s.policy, "resource/pgstore: Insert", func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO beian_resource_instance (instance) VALUES ($1) ON CONFLICT DO NOTHING`, e.Instance); err != nil {
			return err
		}
		var inst string
		if err := tx.QueryRowContext(ctx, `SELECT instance FROM beian_resource_instance WHERE instance = $1 FOR UPDATE`, e.Instance).Scan(&inst); err != nil {
			return err
		}
		if limit > 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM beian_resource_entry
WHERE instance = $1 AND state IN ('issued', 'in_review', 'filed')`, e.Instance).Scan(&n); err != nil {
				return err
			}
			if n >= limit {
				return sqltx.Permanent(resource.CapReached(e.Instance, limit))
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO beian_resource_entry (`+columns+`)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
			e.Code, string(e.Kind), e.Instance, e.Owner, e.Grantee, string(e.State), e.FilingID, e.Filer, e.RecordNumber,
			us(e.IssuedAt), us(e.ExpiresAt), us(e.UpdatedAt))
		if sqlState(err) == "23505" { // unique violation: the code exists
			return sqltx.Permanent(resource.Exists(e.Code))
		}
		return err
	})
}

const swapSQL = `UPDATE beian_resource_entry SET state = $2, filing_id = $3, filer = $4, record_number = $5,
	grantee = CASE WHEN $6 THEN $7 ELSE grantee END, updated_at = $8
WHERE code = $1 AND state = $9
	AND ($10 = '' OR filing_id = $10)
	AND ($11 = '' OR owner = $11 OR grantee = $11)
	AND ($12 = '' OR owner = $12)
	AND (NOT $13 OR expires_at > $14)`

// Swap implements resource.Store: a conditional UPDATE and a read of the
// row, in one transaction.
func (s *Store) Swap(ctx context.Context, code string, w resource.Where, set resource.Set) (resource.Entry, bool, error) {
	if err := ctx.Err(); err != nil {
		return resource.Entry{}, false, err
	}
	var out resource.Entry
	var ok bool
	err := sqltx.Tx(ctx, s.db, s.policy, "resource/pgstore: Swap", func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, swapSQL, code, string(set.State), set.FilingID, set.Filer, set.RecordNumber,
			set.SetGrantee, set.Grantee, us(set.At), string(w.State), w.FilingID, w.Account, w.Owner,
			!w.LiveAt.IsZero(), us(w.LiveAt))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		ok = n == 1
		out, err = get(ctx, tx, code)
		return err
	})
	if err != nil {
		return resource.Entry{}, false, err
	}
	return out, ok, nil
}

// Get implements resource.Store.
func (s *Store) Get(ctx context.Context, code string) (resource.Entry, error) {
	if err := ctx.Err(); err != nil {
		return resource.Entry{}, err
	}
	var out resource.Entry
	err := sqltx.Do(ctx, s.policy, "resource/pgstore: Get", func(ctx context.Context) error {
		var err error
		out, err = get(ctx, s.db, code)
		return err
	})
	return out, err
}

// ByInstance implements resource.Store.
func (s *Store) ByInstance(ctx context.Context, instance string) ([]resource.Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []resource.Entry
	err := sqltx.Do(ctx, s.policy, "resource/pgstore: ByInstance", func(ctx context.Context) error {
		out = []resource.Entry{}
		rows, err := s.db.QueryContext(ctx, `SELECT `+columns+` FROM beian_resource_entry WHERE instance = $1 ORDER BY code`, instance)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			e, err := scan(rows)
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}

// SetExpiry implements resource.Store in one statement.
func (s *Store) SetExpiry(ctx context.Context, instance string, expiresAt time.Time) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	var n int64
	err := sqltx.Do(ctx, s.policy, "resource/pgstore: SetExpiry", func(ctx context.Context) error {
		res, err := s.db.ExecContext(ctx, `UPDATE beian_resource_entry SET expires_at = $2 WHERE instance = $1 AND expires_at <> $2`,
			instance, us(expiresAt))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// sqlState reads a driver error's SQLSTATE, as pgconn.PgError and lib/pq's
// Error expose it.
func sqlState(err error) string {
	var s interface{ SQLState() string }
	if errors.As(err, &s) {
		return s.SQLState()
	}
	return ""
}

// querier is what *sql.DB and *sql.Tx share.
type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

var _ resource.Store = (*Store)(nil)
