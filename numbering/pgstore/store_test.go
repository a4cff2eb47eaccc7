package pgstore_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/beiankit/beian/internal/pgtest"
	"github.com/beiankit/beian/numbering"
	"github.com/beiankit/beian/numbering/numberingtest"
	"github.com/beiankit/beian/numbering/pgstore"
	"github.com/stretchr/testify/require"
)

func migrated(t *testing.T, s *pgstore.Store) *pgstore.Store {
	t.Helper()
	require.NoError(t, s.Migrate(context.Background()))
	return s
}

// TestR41_StoreConformance runs numberingtest unchanged against the store,
// at the server's default isolation and under SERIALIZABLE.
func TestR41_StoreConformance(t *testing.T) {
	pgtest.DSN(t)
	// The suite's concurrency checks, sized so that the SERIALIZABLE run
	// (which retries every collision on the 4 hot keys) takes seconds.
	g, n := numberingtest.Goroutines, numberingtest.PerGoroutine
	numberingtest.Goroutines, numberingtest.PerGoroutine = 16, 60
	t.Cleanup(func() { numberingtest.Goroutines, numberingtest.PerGoroutine = g, n })
	for _, level := range []sql.IsolationLevel{sql.LevelDefault, sql.LevelSerializable} {
		t.Run(level.String(), func(t *testing.T) {
			numberingtest.TestStore(t, func(t *testing.T) numbering.Store {
				return migrated(t, pgstore.New(pgtest.FreshDB(t), pgstore.WithIsolation(level)))
			})
		})
	}
}

func TestMigrateTwiceAndConcurrently(t *testing.T) {
	db := pgtest.FreshDB(t)
	ctx := context.Background()
	errs := make(chan error, 4)
	for range 4 {
		go func() { errs <- pgstore.New(db).Migrate(ctx) }()
	}
	for range 4 {
		require.NoError(t, <-errs)
	}
	require.NoError(t, pgstore.New(db).Migrate(ctx))
	var v int
	require.NoError(t, db.QueryRowContext(ctx, `SELECT version FROM beian_schema_version WHERE component = 'numbering'`).Scan(&v))
	require.Equal(t, pgstore.SchemaVersion, v)
	_, err := db.ExecContext(ctx, `UPDATE beian_schema_version SET version = 99 WHERE component = 'numbering'`)
	require.NoError(t, err)
	require.ErrorContains(t, pgstore.New(db).Migrate(ctx), "newer than this program")
}
