package mysqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strings"
	"testing"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
	"github.com/beiankit/beian/conflict/mysqlstore"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/mysqltest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func migrated(t testing.TB, s *mysqlstore.Store) *mysqlstore.Store {
	t.Helper()
	require.NoError(t, s.Migrate(context.Background()))
	return s
}

// TestR30_StoreConformance runs conflicttest unchanged against the store, at
// the server's default isolation (REPEATABLE READ), READ COMMITTED and
// SERIALIZABLE.
func TestR30_StoreConformance(t *testing.T) {
	mysqltest.DSN(t)
	for _, level := range []sql.IsolationLevel{sql.LevelDefault, sql.LevelReadCommitted, sql.LevelSerializable} {
		t.Run(level.String(), func(t *testing.T) {
			conflicttest.TestStore(t, func(t *testing.T) conflict.Store {
				return migrated(t, mysqlstore.New(mysqltest.FreshDB(t), mysqlstore.WithIsolation(level)))
			})
		})
	}
}

// TestR30_Import: records in bulk, applied in order (a later record of a
// subject replaces an earlier one, a cancelled subject is removed); a key
// held by two subjects stops the import with a *conflict.ClaimError, and the
// batches before it stay.
func TestR30_Import(t *testing.T) {
	s := migrated(t, mysqlstore.New(mysqltest.FreshDB(t)))
	ctx := context.Background()
	gone := conflicttest.Pending("C", "52", "c.cn")
	gone.Subject.Status = filing.StatusCancelled
	recs := []conflict.Record{
		conflicttest.Pending("A", "52", "a.cn"),
		conflicttest.Pending("B", "52", "b.cn"),
		conflicttest.Pending("C", "52", "c.cn"),
		conflicttest.Pending("A", "52", "a2.cn"), // replaces A: a.cn is free again
		gone,
		conflicttest.Pending("D", "52", "a.cn"),
	}
	for i := range 1200 { // more than two batches
		recs = append(recs, conflicttest.Pending(fmt.Sprintf("N%d", i), "11", fmt.Sprintf("n%d.cn", i)))
	}
	n, err := s.Import(ctx, records(recs))
	require.NoError(t, err)
	assert.Equal(t, len(recs), n)
	rep := conflict.NewReplica(s, conflict.New())
	loaded, err := rep.Load(ctx)
	require.NoError(t, err)
	assert.Equal(t, 3+1200, loaded, "A, B, D and the N records")
	r, err := rep.Index().LookupCert(filing.CertUSCC, "A")
	require.NoError(t, err)
	assert.Equal(t, []string{"a2.cn"}, r.Websites[0].Domains)
	_, err = rep.Index().LookupCert(filing.CertUSCC, "C")
	assert.ErrorIs(t, err, conflict.ErrNotFound)

	n, err = s.Import(ctx, records([]conflict.Record{
		conflicttest.Pending("E", "52", "e.cn"),
		conflicttest.Pending("F", "52", "www.e.cn"),
	}))
	assert.ErrorIs(t, err, conflict.ErrKeyTaken, "two subjects of one batch")
	assert.Equal(t, 0, n)
	n, err = s.Import(ctx, records([]conflict.Record{conflicttest.Pending("G", "52", "b.cn")}))
	assert.ErrorIs(t, err, conflict.ErrKeyTaken, "a key held in the database")
	assert.Equal(t, 0, n)
}

func records(rs []conflict.Record) iter.Seq2[conflict.Record, error] {
	return func(yield func(conflict.Record, error) bool) {
		for _, r := range rs {
			if !yield(r, nil) {
				return
			}
		}
	}
}

// TestR30_KeysAreByteExact: values a case-insensitive or PAD SPACE
// collation would fold together are distinct keys of the schema (the
// columns are VARBINARY), so the database never reports a conflict the
// normalised keys of package conflict do not have.
func TestR30_KeysAreByteExact(t *testing.T) {
	db := mysqltest.FreshDB(t)
	migrated(t, mysqlstore.New(db))
	ctx := context.Background()
	for i, v := range []string{"a.cn", "A.cn", "a.cn ", "ａ.cn", "xn--fiqs8s.cn", "中国.cn"} {
		_, err := db.ExecContext(ctx, `INSERT INTO beian_conflict_claim (kind, value, subject) VALUES ('domain', ?, ?)`, v, fmt.Sprint("s", i))
		assert.NoError(t, err, "%q", v)
	}
	var n int
	require.NoError(t, db.QueryRowContext(ctx, `SELECT COUNT(*) FROM beian_conflict_claim WHERE value = 'a.cn'`).Scan(&n))
	assert.Equal(t, 1, n)
}

// TestR30_TooLongKeyIsRefused: a key longer than its column is refused
// before the database could truncate it into another key.
func TestR30_TooLongKeyIsRefused(t *testing.T) {
	s := migrated(t, mysqlstore.New(mysqltest.FreshDB(t)))
	long := conflicttest.Pending(strings.Repeat("9", 300), "52", "long.cn")
	_, err := s.Put(context.Background(), long, conflict.Unconditional)
	require.Error(t, err)
	assert.ErrorIs(t, err, mysqlstore.ErrFailed)
}
