package pgstore_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
	"github.com/beiankit/beian/conflict/pgstore"
	"github.com/beiankit/beian/internal/pgtest"
	"github.com/stretchr/testify/require"
)

func migrated(t testing.TB, s *pgstore.Store) *pgstore.Store {
	t.Helper()
	require.NoError(t, s.Migrate(context.Background()))
	return s
}

// TestR30_StoreConformance runs conflicttest unchanged against the store, at
// the server's default isolation and under SERIALIZABLE.
func TestR30_StoreConformance(t *testing.T) {
	pgtest.DSN(t)
	for _, level := range []sql.IsolationLevel{sql.LevelDefault, sql.LevelSerializable} {
		t.Run(level.String(), func(t *testing.T) {
			conflicttest.TestStore(t, func(t *testing.T) conflict.Store {
				return migrated(t, pgstore.New(pgtest.FreshDB(t), pgstore.WithIsolation(level)))
			})
		})
	}
}
