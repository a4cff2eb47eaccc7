package sqltx_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cmysql "github.com/beiankit/beian/conflict/mysqlstore"
	cpg "github.com/beiankit/beian/conflict/pgstore"
	rpg "github.com/beiankit/beian/filing/resource/pgstore"
	nmysql "github.com/beiankit/beian/numbering/mysqlstore"
	npg "github.com/beiankit/beian/numbering/pgstore"
)

// unreachable opens a database of driver on a port where no server
// listens: every call fails at once with connection refused, which the
// adapters retry for their unavailable wait.
func unreachable(t *testing.T, driver string) *sql.DB {
	t.Helper()
	dsn := map[string]string{
		"pgx":   "postgres://beian@127.0.0.1:1/beian?connect_timeout=1&sslmode=disable",
		"mysql": "root:x@tcp(127.0.0.1:1)/none?timeout=200ms",
	}[driver]
	db, err := sql.Open(driver, dsn)
	require.NoError(t, err)
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// TestAdaptersShareOneOptionSlice: every database adapter's Option is one
// type, so one slice, built from the constructors of any of them,
// configures them all; the wait it sets is the one each Store keeps, seen
// from outside as the time an unreachable server's Migrate takes before it
// fails with ErrUnavailable. With no options the default 2s runs (the
// control that shows the clock tells the settings apart).
func TestAdaptersShareOneOptionSlice(t *testing.T) {
	const wait = 600 * time.Millisecond
	// One slice for every adapter, with constructors of two of them.
	opts := []npg.Option{npg.WithUnavailableWait(wait), cmysql.WithIsolation(sql.LevelSerializable)}
	atOnce := []cmysql.Option{rpg.WithUnavailableWait(0)}

	type migrator interface{ Migrate(context.Context) error }
	adapters := []struct {
		name, driver string
		unavailable  error
		store        func(db *sql.DB, opts ...npg.Option) migrator
	}{
		{"numbering/pgstore", "pgx", npg.ErrUnavailable, func(db *sql.DB, o ...npg.Option) migrator { return npg.New(db, o...) }},
		{"conflict/pgstore", "pgx", cpg.ErrUnavailable, func(db *sql.DB, o ...npg.Option) migrator { return cpg.New(db, o...) }},
		{"filing/resource/pgstore", "pgx", rpg.ErrUnavailable, func(db *sql.DB, o ...npg.Option) migrator { return rpg.New(db, o...) }},
		{"numbering/mysqlstore", "mysql", nmysql.ErrUnavailable, func(db *sql.DB, o ...npg.Option) migrator { return nmysql.New(db, o...) }},
		{"conflict/mysqlstore", "mysql", cmysql.ErrUnavailable, func(db *sql.DB, o ...npg.Option) migrator { return cmysql.New(db, o...) }},
	}
	for _, a := range adapters {
		for _, c := range []struct {
			name     string
			opts     []npg.Option
			min, max time.Duration
		}{
			{"shared slice", opts, wait, 2 * time.Second},
			{"fail at once", atOnce, 0, wait},
			{"default", nil, 2 * time.Second, time.Minute},
		} {
			t.Run(a.name+"/"+c.name, func(t *testing.T) {
				t.Parallel()
				s := a.store(unreachable(t, a.driver), c.opts...)
				start := time.Now()
				err := s.Migrate(t.Context())
				took := time.Since(start)
				require.ErrorIs(t, err, a.unavailable)
				assert.GreaterOrEqual(t, took, c.min)
				assert.Less(t, took, c.max)
			})
		}
	}
}
