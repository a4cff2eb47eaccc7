package pgstore

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"github.com/beiankit/beian/conflict/internal/claimsql"
	"io"
	"io/fs"
	"iter"
	"math"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/sqltx"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// SchemaVersion is the schema version this package migrates to (the highest
// file in its migrations).
const SchemaVersion = 1

// Store is a conflict.Store on PostgreSQL. It is safe for concurrent use by
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
// (40P01), the errors every transaction of the Store retries.
func Retryable(err error) bool { return sqltx.Retryable(err) }

// Option configures New. It is one type in every database adapter of the
// SDK (an alias), so one []Option slice configures this Store and the
// others (numbering/pgstore, conflict/pgstore, filing/resource/pgstore,
// numbering/mysqlstore, conflict/mysqlstore) alike.
type Option = sqltx.Option

// WithIsolation runs the Store's transactions at an isolation level (the
// default is the server's; Export always reads one REPEATABLE READ
// snapshot).
func WithIsolation(level sql.IsolationLevel) Option { return sqltx.WithIsolation(level) }

// WithUnavailableWait sets how long a call keeps retrying while the server
// cannot be reached (default 2s; 0 or less: fail at once).
func WithUnavailableWait(d time.Duration) Option { return sqltx.WithUnavailableWait(d) }

// New returns a Store on db. Call Migrate once before first use.
func New(db *sql.DB, opts ...Option) *Store {
	return &Store{db: db, policy: sqltx.NewPolicy(nil, opts...)}
}

// Migrate creates or upgrades the Store's tables (beian_conflict_head,
// beian_conflict_record, beian_conflict_claim) to SchemaVersion. It is safe
// to call from many processes at once.
func (s *Store) Migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrationFS, "migrations")
	if err != nil {
		return err
	}
	return sqltx.Migrate(ctx, s.db, s.policy, "conflict", sub)
}

// claimSQL inserts the keys not yet held and, for keys held by another
// subject, locks the holder's row and returns it (the no-op update);
// keys the subject already holds are left alone and not returned.
const claimSQL = `INSERT INTO beian_conflict_claim AS c (kind, value, subject)
SELECT e->>'k', e->>'v', e->>'s' FROM jsonb_array_elements($1::jsonb) AS e
ON CONFLICT (kind, value) DO UPDATE SET subject = c.subject WHERE c.subject <> EXCLUDED.subject
RETURNING kind, value, subject`

// releaseSQL deletes the keys a subject of the batch holds and its new
// record does not.
const releaseSQL = `DELETE FROM beian_conflict_claim AS c
WHERE c.subject IN (SELECT jsonb_array_elements_text($2::jsonb))
AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements($1::jsonb) AS e
	WHERE e->>'k' = c.kind AND e->>'v' = c.value AND e->>'s' = c.subject)`

// writeSQL bumps the change sequence by the number of records and writes
// them, numbered in order. It runs last, so the head row is locked only
// from here to the commit.
// A subject whose row changed after $3 is not written (no row returned):
// the caller's since is stale.
const writeSQL = `WITH h AS (UPDATE beian_conflict_head SET seq = seq + $2 WHERE id = 1 RETURNING seq)
INSERT INTO beian_conflict_record AS r (subject, seq, removed, body)
SELECT e->>'s', h.seq - $2 + (e->>'i')::bigint, false, e->>'b' FROM h, jsonb_array_elements($1::jsonb) AS e
ON CONFLICT (subject) DO UPDATE SET seq = EXCLUDED.seq, removed = false, body = EXCLUDED.body WHERE r.seq <= $3
RETURNING r.seq`

// claimed is one key of a write.
type claimed struct {
	K conflict.KeyKind `json:"k"`
	V string           `json:"v"`
	S string           `json:"s"`
}

// written is one record of a write.
type written struct {
	S string `json:"s"`
	I int    `json:"i"`
	B string `json:"b"`
}

// prepared is a record ready to be written (claimsql.Prepared).
type prepared = claimsql.Prepared

// prepare is claimsql.Prepare: PostgreSQL's text columns hold any key.
func prepare(r conflict.Record) (prepared, error) { return claimsql.Prepare(r) }

// Put implements conflict.Store: one transaction of three statements (claim
// the keys, release the keys no longer held, write the record and bump the
// change sequence), retried on serialization failures and deadlocks.
func (s *Store) Put(ctx context.Context, r conflict.Record, since uint64) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	p, err := prepare(r)
	if err != nil {
		return 0, err
	}
	if p.Gone {
		return s.remove(ctx, p.Subject, since)
	}
	var seq uint64
	err = s.write(ctx, "conflict/pgstore: Put", []prepared{p}, since, func(seqs []uint64) { seq = seqs[0] })
	return seq, err
}

// write claims the keys of records (distinct subjects, no key in two of
// them) and writes them, in one transaction.
func (s *Store) write(ctx context.Context, op string, recs []prepared, since uint64, done func(seqs []uint64)) error {
	lim := int64(min(since, math.MaxInt64))
	var keys []claimed
	subjects := make([]string, len(recs))
	rows := make([]written, len(recs))
	want := map[conflict.Key]string{}
	for i, p := range recs {
		subjects[i] = p.Subject.Value
		rows[i] = written{S: p.Subject.Value, I: i + 1, B: string(p.Body)}
		for _, k := range p.Keys {
			keys = append(keys, claimed{k.Kind, k.Value, p.Subject.Value})
			want[k] = p.Subject.Value
		}
	}
	keyArg, err := json.Marshal(keys)
	if err != nil {
		return err
	}
	subjArg, err := json.Marshal(subjects)
	if err != nil {
		return err
	}
	rowArg, err := json.Marshal(rows)
	if err != nil {
		return err
	}
	return sqltx.Tx(ctx, s.db, s.policy, op, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.QueryContext(ctx, claimSQL, string(keyArg))
		if err != nil {
			return err
		}
		var taken []conflict.Taken
		for res.Next() {
			var k conflict.Key
			var holder string
			if err := res.Scan(&k.Kind, &k.Value, &holder); err != nil {
				res.Close()
				return err
			}
			if holder != want[k] {
				taken = append(taken, conflict.Taken{Key: k, Holder: conflict.Key{Kind: conflict.KeyCert, Value: holder}})
			}
		}
		if err := res.Err(); err != nil {
			return err
		}
		if len(taken) > 0 {
			return sqltx.Permanent(&conflict.ClaimError{Taken: taken}) // Tx rolls back
		}
		if _, err := tx.ExecContext(ctx, releaseSQL, string(keyArg), string(subjArg)); err != nil {
			return err
		}
		out, err := tx.QueryContext(ctx, writeSQL, string(rowArg), len(recs), lim)
		if err != nil {
			return err
		}
		defer out.Close()
		seqs := make([]uint64, 0, len(recs))
		for out.Next() {
			var v int64
			if err := out.Scan(&v); err != nil {
				return err
			}
			seqs = append(seqs, uint64(v))
		}
		if err := out.Err(); err != nil {
			return err
		}
		if len(seqs) < len(recs) {
			return sqltx.Permanent(&conflict.ClaimError{Stale: true}) // Tx rolls back
		}
		done(seqs)
		return nil
	})
}

// Remove implements conflict.Store.
func (s *Store) Remove(ctx context.Context, t filing.CertType, n filing.IDNumber) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return s.remove(ctx, conflict.SubjectKey(t, n), conflict.Unconditional)
}

const removeSQL = `WITH h AS (UPDATE beian_conflict_head SET seq = seq + 1 WHERE id = 1 RETURNING seq)
UPDATE beian_conflict_record AS r SET seq = h.seq, removed = true FROM h WHERE r.subject = $1
RETURNING r.seq`

func (s *Store) remove(ctx context.Context, subject conflict.Key, since uint64) (uint64, error) {
	var seq uint64
	err := sqltx.Tx(ctx, s.db, s.policy, "conflict/pgstore: Remove", func(ctx context.Context, tx *sql.Tx) error {
		seq = 0
		var removed bool
		var at int64
		err := tx.QueryRowContext(ctx, `SELECT removed, seq FROM beian_conflict_record WHERE subject = $1 FOR UPDATE`, subject.Value).Scan(&removed, &at)
		if err == nil && uint64(at) > since {
			return sqltx.Permanent(&conflict.ClaimError{Stale: true})
		}
		if err == sql.ErrNoRows || (err == nil && removed) {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM beian_conflict_claim WHERE subject = $1`, subject.Value); err != nil {
			return err
		}
		var v int64
		if err := tx.QueryRowContext(ctx, removeSQL, subject.Value).Scan(&v); err != nil {
			return err
		}
		seq = uint64(v)
		return nil
	})
	return seq, err
}

// Export implements conflict.Store: one REPEATABLE READ, READ ONLY
// transaction reads the sequence number and streams the record bodies (the
// rows are not held in memory). It retries only until the first record is
// written to w.
func (s *Store) Export(ctx context.Context, w io.Writer) (uint64, error) {
	return claimsql.Export(ctx, s.db, s.policy, "conflict/pgstore: Export", sqltx.Unavailable, w)
}

// Get implements conflict.Store.
func (s *Store) Get(ctx context.Context, t filing.CertType, n filing.IDNumber) (conflict.Record, uint64, error) {
	return claimsql.Get(ctx, s.db, s.policy, "conflict/pgstore: Get",
		`SELECT seq, body FROM beian_conflict_record WHERE subject = $1 AND NOT removed`, conflict.SubjectKey(t, n))
}

// Changes implements conflict.Store.
func (s *Store) Changes(ctx context.Context, after uint64, limit int) (conflict.Changes, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	lim := int64(math.MaxInt64)
	if limit > 0 {
		lim = int64(limit)
	}
	var out conflict.Changes
	err := sqltx.Do(ctx, s.policy, "conflict/pgstore: Changes", func(ctx context.Context) error {
		out = out[:0]
		rows, err := s.db.QueryContext(ctx, `SELECT seq, removed, body FROM beian_conflict_record
WHERE seq > $1 ORDER BY seq LIMIT $2`, int64(min(after, math.MaxInt64)), lim)
		if err != nil {
			return err
		}
		out, err = claimsql.ScanChanges(out, rows)
		return err
	})
	return out, err
}

// Import stores records in bulk, claimsql.ImportBatch (500) records per
// transaction: the way to move a national record set in. Records are
// applied in order (a later record of the same subject replaces an earlier
// one); each batch claims its keys all or none, so a batch with a key held
// by another subject, in the database or earlier in the same batch, stops
// the import with a *conflict.ClaimError. It returns the number of records
// stored; the batches before a failure stay stored.
func (s *Store) Import(ctx context.Context, records iter.Seq2[conflict.Record, error]) (int, error) {
	return claimsql.Import(records, prepare,
		func(batch []prepared) error {
			return s.write(ctx, "conflict/pgstore: Import", batch, conflict.Unconditional, func([]uint64) {})
		},
		func(subject conflict.Key) error {
			_, err := s.remove(ctx, subject, conflict.Unconditional)
			return err
		})
}

var _ conflict.Store = (*Store)(nil)
