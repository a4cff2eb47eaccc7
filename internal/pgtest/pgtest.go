// Package pgtest gives tests of the PostgreSQL adapters their database: the
// server named by BEIAN_TEST_POSTGRES, one fresh schema per test.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"net/url"
	"os"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // registers driver "pgx"
)

// EnvDSN is the environment variable naming the test server.
const EnvDSN = "BEIAN_TEST_POSTGRES"

// DSN returns the test server's DSN. Without one the test is skipped with a
// line saying how to run it, except under CI=true, where it fails.
func DSN(tb testing.TB) string {
	tb.Helper()
	dsn := os.Getenv(EnvDSN)
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal(EnvDSN + " not set: .ci/run starts PostgreSQL and must set it")
		}
		tb.Skip(EnvDSN + ` not set; run eval "$(scripts/postgres.sh)" to start a local server`)
	}
	return dsn
}

// WithSchema returns dsn with its search_path set to schema.
func WithSchema(tb testing.TB, dsn, schema string) string {
	tb.Helper()
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		tb.Fatalf("%s must be a URL (postgres://user:pass@host:port/db?sslmode=disable)", EnvDSN)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Open opens dsn with the pgx driver, closed in tb.Cleanup.
func Open(tb testing.TB, dsn string) *sql.DB {
	tb.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	db.SetMaxOpenConns(16) // several test processes share max_connections = 100
	tb.Cleanup(func() { db.Close() })
	return db
}

// NewSchema creates an empty schema with a random name, dropped in
// tb.Cleanup, and returns its name and the DSN that uses it. Tests (not
// benchmarks) get synchronous_commit = off on their sessions: a commit
// returns before its WAL flush, which changes nothing they check (the
// server is never crashed, only stopped cleanly) and keeps the suite
// from queueing on the disk.
func NewSchema(tb testing.TB, dsn string) (schema, schemaDSN string) {
	tb.Helper()
	schema = "beian_t_" + strings.ToLower(rand.Text()[:12])
	admin := Open(tb, dsn)
	if _, err := admin.ExecContext(context.Background(), "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("creating schema on %s: %v", EnvDSN, err)
	}
	tb.Cleanup(func() {
		db, err := sql.Open("pgx", dsn)
		if err == nil {
			_, _ = db.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
			db.Close()
		}
	})
	schemaDSN = WithSchema(tb, dsn, schema)
	if _, bench := tb.(*testing.B); !bench {
		u, _ := url.Parse(schemaDSN)
		q := u.Query()
		q.Set("synchronous_commit", "off")
		u.RawQuery = q.Encode()
		schemaDSN = u.String()
	}
	return schema, schemaDSN
}

// FreshDB returns a *sql.DB on a new, empty schema.
func FreshDB(tb testing.TB) *sql.DB {
	tb.Helper()
	_, d := NewSchema(tb, DSN(tb))
	return Open(tb, d)
}
