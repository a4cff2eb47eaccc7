package mysqlstore_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"testing"

	"github.com/beiankit/beian/internal/mysqltest"
	"github.com/beiankit/beian/internal/sqltx"
	"github.com/beiankit/beian/numbering"
	"github.com/beiankit/beian/numbering/mysqlstore"
	"github.com/beiankit/beian/numbering/numberingtest"
	"github.com/go-sql-driver/mysql"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func migrated(t *testing.T, s *mysqlstore.Store) *mysqlstore.Store {
	t.Helper()
	require.NoError(t, s.Migrate(context.Background()))
	return s
}

// TestR41_StoreConformance runs numberingtest unchanged against the store,
// at the server's default isolation (REPEATABLE READ), READ COMMITTED and
// SERIALIZABLE.
func TestR41_StoreConformance(t *testing.T) {
	mysqltest.DSN(t)
	g, n := numberingtest.Goroutines, numberingtest.PerGoroutine
	numberingtest.Goroutines, numberingtest.PerGoroutine = 16, 60
	t.Cleanup(func() { numberingtest.Goroutines, numberingtest.PerGoroutine = g, n })
	for _, level := range []sql.IsolationLevel{sql.LevelDefault, sql.LevelReadCommitted, sql.LevelSerializable} {
		t.Run(level.String(), func(t *testing.T) {
			numberingtest.TestStore(t, func(t *testing.T) numbering.Store {
				return migrated(t, mysqlstore.New(mysqltest.FreshDB(t), mysqlstore.WithIsolation(level)))
			})
		})
	}
}

func TestMigrateTwiceAndConcurrently(t *testing.T) {
	db := mysqltest.FreshDB(t)
	ctx := context.Background()
	errs := make(chan error, 4)
	for range 4 {
		go func() { errs <- mysqlstore.New(db).Migrate(ctx) }()
	}
	for range 4 {
		require.NoError(t, <-errs)
	}
	require.NoError(t, mysqlstore.New(db).Migrate(ctx))
	var v int
	require.NoError(t, db.QueryRowContext(ctx, `SELECT version FROM beian_schema_version WHERE component = 'numbering'`).Scan(&v))
	require.Equal(t, mysqlstore.SchemaVersion, v)
	_, err := db.ExecContext(ctx, `UPDATE beian_schema_version SET version = 99 WHERE component = 'numbering'`)
	require.NoError(t, err)
	require.ErrorContains(t, mysqlstore.New(db).Migrate(ctx), "newer than this program")
}

// TestR41_KeysAreByteExact: keys that a collation would fold together
// (case, trailing blanks, full-width forms) are distinct counters.
func TestR41_KeysAreByteExact(t *testing.T) {
	s := migrated(t, mysqlstore.New(mysqltest.FreshDB(t)))
	ctx := context.Background()
	for _, num := range []string{"京ICP备05002571号", "粤B2-20090059", "黔ICP备2026001073号"} {
		n, err := numbering.Parse(num)
		require.NoError(t, err)
		k := numbering.ServiceKey(n)
		v, err := s.Reserve(ctx, k, 10)
		require.NoError(t, err)
		assert.Equal(t, uint64(1), v, "%s: a fresh counter", num)
	}
	snap, err := s.Snapshot(ctx)
	require.NoError(t, err)
	assert.Len(t, snap, 3)
}

// TestRetryableErrors: the MySQL error numbers the store retries, read
// from the driver's *MySQLError (also when wrapped), and those it does not.
func TestRetryableErrors(t *testing.T) {
	for _, tc := range []struct {
		err         error
		retry, down bool
	}{
		{&mysql.MySQLError{Number: 1213, SQLState: [5]byte{'4', '0', '0', '0', '1'}, Message: "Deadlock found when trying to get lock; try restarting transaction"}, true, false},
		{fmt.Errorf("wrapped: %w", &mysql.MySQLError{Number: 1213}), true, false},
		{&mysql.MySQLError{Number: 1205, Message: "Lock wait timeout exceeded"}, true, false},
		{&mysql.MySQLError{Number: 9007, Message: "Write conflict"}, true, false},
		{&mysql.MySQLError{Number: 1047, SQLState: [5]byte{'0', '8', 'S', '0', '1'}, Message: "WSREP has not yet prepared node for application use"}, false, true},
		{&mysql.MySQLError{Number: 1927, Message: "Connection was killed"}, false, true},
		{&mysql.MySQLError{Number: 1062, SQLState: [5]byte{'2', '3', '0', '0', '0'}, Message: "Duplicate entry"}, false, false},
		{&mysql.MySQLError{Number: 1406, Message: "Data too long"}, false, false},
		{mysql.ErrInvalidConn, false, true},
		{errors.New("Error 1213: not a driver error"), false, false},
		{nil, false, false},
	} {
		assert.Equal(t, tc.retry, mysqlstore.Retryable(tc.err), "Retryable(%v)", tc.err)
		assert.Equal(t, tc.down, sqltx.MySQLUnavailable(tc.err), "Unavailable(%v)", tc.err)
	}
}

// TestUnreachableServerIsTyped: a call to a server that is not there fails
// after the wait with an *Error matching ErrUnavailable.
func TestUnreachableServerIsTyped(t *testing.T) {
	db, err := sql.Open("mysql", "root:x@tcp(127.0.0.1:1)/none?timeout=200ms")
	require.NoError(t, err)
	defer db.Close()
	s := mysqlstore.New(db, mysqlstore.WithUnavailableWait(0))
	_, err = s.Reserve(context.Background(), numbering.SubjectKey("52", 2026), 10)
	require.ErrorIs(t, err, mysqlstore.ErrUnavailable)
	var e *mysqlstore.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "store.unavailable", e.ErrorCode())
	assert.ElementsMatch(t, []string{"store.failed", "store.unavailable"}, codes(mysqlstore.Codes()))
}

func codes[T ~string](cs []T) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return out
}
