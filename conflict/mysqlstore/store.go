package mysqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"embed"
	"errors"
	"github.com/beiankit/beian/conflict/internal/claimsql"
	"io"
	"io/fs"
	"iter"
	"math"
	"slices"
	"strconv"
	"strings"
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

// Store is a conflict.Store on MySQL, MariaDB, a Galera cluster or TiDB. It
// is safe for concurrent use by any number of goroutines, processes and
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
// 8022, 8028): the errors every transaction of the Store retries.
func Retryable(err error) bool { return sqltx.MySQLRetryable(err) }

// Option configures New. It is one type in every database adapter of the
// SDK (an alias), so one []Option slice configures this Store and the
// others (numbering/pgstore, conflict/pgstore, filing/resource/pgstore,
// numbering/mysqlstore, conflict/mysqlstore) alike.
type Option = sqltx.Option

// WithIsolation runs the Store's transactions at an isolation level (the
// default is the server's, REPEATABLE READ on InnoDB; Export always reads
// one REPEATABLE READ snapshot). TiDB refuses SERIALIZABLE.
func WithIsolation(level sql.IsolationLevel) Option { return sqltx.WithIsolation(level) }

// WithUnavailableWait sets how long a call keeps retrying while the server
// cannot be reached (default 2s; 0 or less: fail at once).
func WithUnavailableWait(d time.Duration) Option { return sqltx.WithUnavailableWait(d) }

// New returns a Store on db, opened with a MySQL driver
// (github.com/go-sql-driver/mysql). Call Migrate once before first use.
func New(db *sql.DB, opts ...Option) *Store {
	return &Store{db: db, policy: sqltx.NewPolicy(sqltx.MySQL, opts...)}
}

// Migrate creates or upgrades the Store's tables (beian_conflict_head,
// beian_conflict_record, beian_conflict_claim) to SchemaVersion. It is safe
// to call from many processes at once.
func (s *Store) Migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrationFS, "migrations")
	if err != nil {
		return err
	}
	return sqltx.MigrateMySQL(ctx, s.db, s.policy, "conflict", sub)
}

// Column sizes of the schema, checked before writing: a server outside
// strict mode would truncate a longer value, and two keys truncated alike
// would collide.
const (
	maxKind    = 16
	maxValue   = 1024
	maxSubject = 255
	chunk      = 200 // rows per multi-row statement
)

// prepared is a record ready to be written (claimsql.Prepared).
type prepared = claimsql.Prepared

// prepare is claimsql.Prepare, refusing a key longer than its VARBINARY
// column.
func prepare(r conflict.Record) (prepared, error) {
	p, err := claimsql.Prepare(r)
	if err != nil {
		return prepared{}, err
	}
	if len(p.Subject.Value) > maxSubject {
		return prepared{}, tooLong("subject", p.Subject.Value)
	}
	for _, k := range p.Keys {
		if len(k.Kind) > maxKind || len(k.Value) > maxValue {
			return prepared{}, tooLong(string(k.Kind), k.Value)
		}
	}
	return p, nil
}

func tooLong(kind, v string) error {
	limit := maxValue
	if kind == "subject" {
		limit = maxSubject
	}
	return &Error{Op: "conflict/mysqlstore: Put", Err: errors.New("a " + kind + " key of " +
		strconv.Itoa(len(v)) + " bytes is longer than its column (" + strconv.Itoa(limit) + " bytes)")}
}

// Put implements conflict.Store: one transaction that claims the keys,
// releases the keys no longer held, checks since, bumps the change sequence
// and writes the record, retried on deadlocks and Galera certification
// failures.
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
	err = s.write(ctx, "conflict/mysqlstore: Put", []prepared{p}, since, func(seqs []uint64) { seq = seqs[0] })
	return seq, err
}

// placeholders returns n groups of group, comma-separated.
func placeholders(n int, group string) string {
	return strings.TrimSuffix(strings.Repeat(group+",", n), ",")
}

// byKind groups keys as "(kind = ? AND value IN (?, …)) OR …" and its
// arguments, an index range per kind.
func byKind(keys []conflict.Key) (string, []any) {
	var where []string
	var args []any
	for i := 0; i < len(keys); {
		j := i
		for j < len(keys) && keys[j].Kind == keys[i].Kind {
			j++
		}
		where = append(where, "(kind = ? AND value IN ("+placeholders(j-i, "?")+"))")
		args = append(args, string(keys[i].Kind))
		for _, k := range keys[i:j] {
			args = append(args, k.Value)
		}
		i = j
	}
	return strings.Join(where, " OR "), args
}

func cmpKey(a, b conflict.Key) int {
	return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Value, b.Value))
}

// write claims the keys of records (distinct subjects, no key in two of
// them) and writes them, in one transaction.
func (s *Store) write(ctx context.Context, op string, recs []prepared, since uint64, done func(seqs []uint64)) error {
	lim := int64(min(since, math.MaxInt64))
	want := map[conflict.Key]string{}
	var keys []conflict.Key
	subjects := make([]any, len(recs))
	for i, p := range recs {
		subjects[i] = p.Subject.Value
		for _, k := range p.Keys {
			if _, dup := want[k]; !dup {
				keys = append(keys, k)
			}
			want[k] = p.Subject.Value
		}
	}
	slices.SortFunc(keys, cmpKey) // one lock order for all writers
	return s.tx(ctx, op, func(ctx context.Context, tx *sql.Tx) error {
		// 1. Claim: insert the keys no one holds; lock the others.
		for part := range slices.Chunk(keys, chunk) {
			args := make([]any, 0, 3*len(part))
			for _, k := range part {
				args = append(args, string(k.Kind), k.Value, want[k])
			}
			if _, err := tx.ExecContext(ctx, sqltx.MySQLText(`INSERT INTO beian_conflict_claim (kind, value, subject) VALUES `+
				placeholders(len(part), "(?,?,?)")+` ON DUPLICATE KEY UPDATE subject = subject`, args...)); err != nil {
				return err
			}
		}
		// 2. Holders: a key held by another subject is taken.
		var taken []conflict.Taken
		found := 0
		for part := range slices.Chunk(keys, chunk) {
			where, args := byKind(part)
			err := scan(ctx, tx, `SELECT kind, value, subject FROM beian_conflict_claim WHERE `+where+` FOR UPDATE`, args, func(k conflict.Key, holder string) {
				found++
				if holder != want[k] {
					taken = append(taken, conflict.Taken{Key: k, Holder: conflict.Key{Kind: conflict.KeyCert, Value: holder}})
				}
			})
			if err != nil {
				return err
			}
		}
		if found != len(keys) { // every key was just inserted or locked
			return errRaced
		}
		if len(taken) > 0 {
			slices.SortFunc(taken, func(a, b conflict.Taken) int { return cmpKey(a.Key, b.Key) })
			return sqltx.Permanent(&conflict.ClaimError{Taken: taken}) // rolled back
		}
		// 3. Release the keys the subjects hold and their records no longer have.
		var gone []conflict.Key
		err := scan(ctx, tx, `SELECT kind, value, subject FROM beian_conflict_claim WHERE subject IN (`+
			placeholders(len(subjects), "?")+`) FOR UPDATE`, subjects, func(k conflict.Key, holder string) {
			if want[k] != holder {
				gone = append(gone, k)
			}
		})
		if err != nil {
			return err
		}
		slices.SortFunc(gone, cmpKey)
		for part := range slices.Chunk(gone, chunk) {
			where, args := byKind(part)
			if _, err := tx.ExecContext(ctx, sqltx.MySQLText(`DELETE FROM beian_conflict_claim WHERE `+where, args...)); err != nil {
				return err
			}
		}
		// 4. Since: a subject whose row changed after since is stale.
		exists := map[string]bool{}
		rows, err := tx.QueryContext(ctx, sqltx.MySQLText(`SELECT subject, seq FROM beian_conflict_record WHERE subject IN (`+
			placeholders(len(subjects), "?")+`) FOR UPDATE`, subjects...))
		if err != nil {
			return err
		}
		stale := false
		for rows.Next() {
			var subj string
			var at int64
			if err := rows.Scan(&subj, &at); err != nil {
				rows.Close()
				return err
			}
			exists[subj] = true
			stale = stale || at > lim
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if stale {
			return sqltx.Permanent(&conflict.ClaimError{Stale: true}) // rolled back
		}
		// 5. The change sequence: the head row stays locked to the commit.
		head, err := s.bump(ctx, tx, len(recs))
		if err != nil {
			return err
		}
		// 6. The records, numbered in order.
		seqs := make([]uint64, len(recs))
		var fresh []any
		nfresh := 0
		for i, p := range recs {
			seq := head - int64(len(recs)) + int64(i) + 1
			seqs[i] = uint64(seq)
			if exists[p.Subject.Value] {
				res, err := tx.ExecContext(ctx, sqltx.MySQLText(`UPDATE beian_conflict_record SET seq = ?, removed = FALSE, body = ? WHERE subject = ?`,
					seq, p.Body, p.Subject.Value))
				if err != nil {
					return err
				}
				if n, err := res.RowsAffected(); err != nil || n != 1 { // seq is new: the row changes
					return errRaced
				}
				continue
			}
			fresh = append(fresh, p.Subject.Value, seq, p.Body)
			if nfresh++; nfresh == chunk {
				if err := insertRecords(ctx, tx, nfresh, fresh); err != nil {
					return err
				}
				fresh, nfresh = fresh[:0], 0
			}
		}
		if nfresh > 0 {
			if err := insertRecords(ctx, tx, nfresh, fresh); err != nil {
				return err
			}
		}
		done(seqs)
		return nil
	})
}

// insertRecords inserts the rows of subjects the transaction found absent.
// A duplicate key (1062) means the locking read missed a row (a
// transaction aborted by another Galera node's write set): retried.
func insertRecords(ctx context.Context, tx *sql.Tx, n int, args []any) error {
	_, err := tx.ExecContext(ctx, sqltx.MySQLText(`INSERT INTO beian_conflict_record (subject, seq, removed, body) VALUES `+
		placeholders(n, "(?,?,FALSE,?)"), args...))
	if num, _, _ := sqltx.MySQLNumber(err); num == erDupEntry {
		return errRaced
	}
	return err
}

// erDupEntry is ER_DUP_ENTRY.
const erDupEntry = 1062

// scan runs a query of (kind, value, subject) rows.
func scan(ctx context.Context, tx *sql.Tx, query string, args []any, fn func(k conflict.Key, holder string)) error {
	rows, err := tx.QueryContext(ctx, sqltx.MySQLText(query, args...))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k conflict.Key
		var holder string
		if err := rows.Scan(&k.Kind, &k.Value, &holder); err != nil {
			return err
		}
		fn(k, holder)
	}
	return rows.Err()
}

// errRaced is a statement that found less than the transaction's own
// writes and locks guarantee: on a Galera cluster, a transaction aborted by
// another node's write set can see statements answer with no rows before
// its COMMIT fails. It is retried as a conflict.
var errRaced = sqltx.Conflict(errors.New("conflict/mysqlstore: a statement did not see the transaction's own rows"))

// bump raises the change sequence by n and returns its new value: a
// locking read and a compare-and-set from the value read, whose result is
// never re-read (see errRaced).
func (s *Store) bump(ctx context.Context, tx *sql.Tx, n int) (int64, error) {
	var seq int64
	if err := tx.QueryRowContext(ctx, `SELECT seq FROM beian_conflict_head WHERE id = 1 FOR UPDATE`).Scan(&seq); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, sqltx.MySQLText(`UPDATE beian_conflict_head SET seq = ? WHERE id = 1 AND seq = ?`, seq+int64(n), seq))
	if err != nil {
		return 0, err
	}
	if changed, err := res.RowsAffected(); err != nil || changed != 1 {
		return 0, errRaced
	}
	return seq + int64(n), nil
}

// Remove implements conflict.Store.
func (s *Store) Remove(ctx context.Context, t filing.CertType, n filing.IDNumber) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return s.remove(ctx, conflict.SubjectKey(t, n), conflict.Unconditional)
}

func (s *Store) remove(ctx context.Context, subject conflict.Key, since uint64) (uint64, error) {
	var seq uint64
	err := s.tx(ctx, "conflict/mysqlstore: Remove", func(ctx context.Context, tx *sql.Tx) error {
		seq = 0
		var removed bool
		var at int64
		err := tx.QueryRowContext(ctx, sqltx.MySQLText(`SELECT removed, seq FROM beian_conflict_record WHERE subject = ? FOR UPDATE`, subject.Value)).Scan(&removed, &at)
		if err == nil && uint64(at) > since {
			return sqltx.Permanent(&conflict.ClaimError{Stale: true})
		}
		if err == sql.ErrNoRows || (err == nil && removed) {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqltx.MySQLText(`DELETE FROM beian_conflict_claim WHERE subject = ?`, subject.Value)); err != nil {
			return err
		}
		v, err := s.bump(ctx, tx, 1)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, sqltx.MySQLText(`UPDATE beian_conflict_record SET seq = ?, removed = TRUE WHERE subject = ?`, v, subject.Value)); err != nil {
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
	return claimsql.Export(ctx, s.db, s.policy, "conflict/mysqlstore: Export", sqltx.MySQLUnavailable, w)
}

// Get implements conflict.Store.
func (s *Store) Get(ctx context.Context, t filing.CertType, n filing.IDNumber) (conflict.Record, uint64, error) {
	return claimsql.Get(ctx, s.db, s.policy, "conflict/mysqlstore: Get",
		`SELECT seq, body FROM beian_conflict_record WHERE subject = ? AND NOT removed`, conflict.SubjectKey(t, n))
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
	err := sqltx.Do(ctx, s.policy, "conflict/mysqlstore: Changes", func(ctx context.Context) error {
		out = out[:0]
		rows, err := s.db.QueryContext(ctx, `SELECT seq, removed, body FROM beian_conflict_record
WHERE seq > ? ORDER BY seq LIMIT ?`, int64(min(after, math.MaxInt64)), lim)
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
			return s.write(ctx, "conflict/mysqlstore: Import", batch, conflict.Unconditional, func([]uint64) {})
		},
		func(subject conflict.Key) error {
			_, err := s.remove(ctx, subject, conflict.Unconditional)
			return err
		})
}

// tx runs fn in a transaction at the Store's isolation with sqltx.Tx's
// retries: a COMMIT whose connection failed is not retried but returned as
// an *Error with OutcomeUnknown set. Every statement fn runs with arguments
// goes through sqltx.MySQLText (text, no prepared statement): on Galera an
// abort during a prepared statement's commands can go unreported and split
// the transaction (docs/mysql.md, "Galera and prepared statements").
func (s *Store) tx(ctx context.Context, op string, fn func(ctx context.Context, tx *sql.Tx) error) error {
	return sqltx.Tx(ctx, s.db, s.policy, op, fn)
}

var _ conflict.Store = (*Store)(nil)
