package mysqltest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
)

// EnvDSN is the environment variable naming the test server.
const EnvDSN = "BEIAN_TEST_MYSQL"

// EnvGalera names the nodes of a Galera cluster (DSNs separated by
// spaces), EnvGaleraDir the directory scripts/galera.sh keeps them in.
const (
	EnvGalera    = "BEIAN_TEST_GALERA"
	EnvGaleraDir = "BEIAN_TEST_GALERA_DIR"
)

// need skips the test with a line saying how to run it, or fails it under
// CI=true.
func need(tb testing.TB, env, script string) string {
	tb.Helper()
	v := os.Getenv(env)
	if v == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal(env + " not set: .ci/run starts MariaDB and must set it")
		}
		tb.Skip(env + ` not set; run eval "$(` + script + `)" to start a local server`)
	}
	return v
}

// DSN returns the test server's DSN. Without one the test is skipped with a
// line saying how to run it, except under CI=true, where it fails.
func DSN(tb testing.TB) string {
	tb.Helper()
	return need(tb, EnvDSN, "scripts/mariadb.sh")
}

// Galera returns the DSNs of the Galera cluster's nodes and the directory
// scripts/galera.sh keeps them in (to kill and restart a node). The tests
// that use it kill a node, so they are opt-in, as the PostgreSQL restart
// test is: without BEIAN_TEST_GALERA they skip with one line, under CI=true
// too; .ci/run starts the cluster, runs them on their own and checks that
// they passed.
func Galera(tb testing.TB) (nodes []string, dir string) {
	tb.Helper()
	list := os.Getenv(EnvGalera)
	if list == "" {
		tb.Skip(EnvGalera + ` not set; run eval "$(scripts/galera.sh)" to start a three-node cluster on loopback`)
	}
	nodes = strings.Fields(list)
	dir = os.Getenv(EnvGaleraDir)
	if len(nodes) < 3 || dir == "" {
		tb.Fatalf("%s names %d nodes and %s is %q; the fault tests need the 3 nodes and the directory scripts/galera.sh prints",
			EnvGalera, len(nodes), EnvGaleraDir, dir)
	}
	return nodes, dir
}

// parse parses a DSN of the MySQL driver, failing tb when it is not one.
func parse(tb testing.TB, dsn string) *mysql.Config {
	tb.Helper()
	cfg, err := mysql.ParseDSN(dsn)
	if err != nil {
		tb.Fatalf("%s must be a DSN of github.com/go-sql-driver/mysql (user:pass@tcp(host:port)/db): %v", EnvDSN, err)
	}
	return cfg
}

// WithDatabase returns dsn naming database db instead.
func WithDatabase(tb testing.TB, dsn, db string) string {
	tb.Helper()
	cfg := parse(tb, dsn)
	cfg.DBName = db
	return cfg.FormatDSN()
}

// Open opens dsn with the MySQL driver, closed in tb.Cleanup.
func Open(tb testing.TB, dsn string) *sql.DB {
	tb.Helper()
	cfg := parse(tb, dsn)
	if cfg.Timeout == 0 {
		cfg.Timeout = 5 * time.Second
	}
	db, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		tb.Fatal(err)
	}
	db.SetMaxOpenConns(16)
	db.SetConnMaxIdleTime(time.Minute)
	tb.Cleanup(func() { db.Close() })
	return db
}

// NewDatabase creates an empty database with a random name, dropped in
// tb.Cleanup, and returns its name and the DSN that uses it.
func NewDatabase(tb testing.TB, dsn string) (name, dbDSN string) {
	tb.Helper()
	name = "beian_t_" + strings.ToLower(rand.Text()[:12])
	admin := Open(tb, dsn)
	if _, err := admin.ExecContext(context.Background(), "CREATE DATABASE "+name+" CHARACTER SET utf8mb4"); err != nil {
		tb.Fatalf("creating database on %s: %v", EnvDSN, err)
	}
	tb.Cleanup(func() {
		db, err := sql.Open("mysql", dsn)
		if err == nil {
			_, _ = db.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name)
			db.Close()
		}
	})
	return name, WithDatabase(tb, dsn, name)
}

// FreshDB returns a *sql.DB on a new, empty database.
func FreshDB(tb testing.TB) *sql.DB {
	tb.Helper()
	_, d := NewDatabase(tb, DSN(tb))
	return Open(tb, d)
}
