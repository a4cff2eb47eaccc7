package pgstore_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/resource"
	"github.com/beiankit/beian/filing/resource/pgstore"
	"github.com/beiankit/beian/filing/resource/resourcetest"
	"github.com/beiankit/beian/internal/pgtest"
)

func migrated(t testing.TB, s *pgstore.Store) *pgstore.Store {
	t.Helper()
	require.NoError(t, s.Migrate(context.Background()))
	return s
}

// TestR96_StoreConformance runs resourcetest unchanged against the store:
// 1 000 two-filing races at the server's default isolation, 200 under
// SERIALIZABLE (where every race's loser is retried).
func TestR96_StoreConformance(t *testing.T) {
	pgtest.DSN(t)
	for _, tc := range []struct {
		level sql.IsolationLevel
		races int
	}{{sql.LevelDefault, 1000}, {sql.LevelSerializable, 200}} {
		t.Run(tc.level.String(), func(t *testing.T) {
			r := resourcetest.Races
			resourcetest.Races = tc.races
			t.Cleanup(func() { resourcetest.Races = r })
			resourcetest.TestStore(t, func(t *testing.T) resource.Store {
				return migrated(t, pgstore.New(pgtest.FreshDB(t), pgstore.WithIsolation(tc.level)))
			})
		})
	}
}

func TestR96_MigrateTwiceAndConcurrently(t *testing.T) {
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
	require.NoError(t, db.QueryRowContext(ctx, `SELECT version FROM beian_schema_version WHERE component = 'resource'`).Scan(&v))
	require.Equal(t, pgstore.SchemaVersion, v)
}

// TestR96_NoRawIdentifiersLost: what goes in comes back: Chinese record
// numbers, long identifiers at the bound, times to the microsecond.
func TestR96_RoundTrip(t *testing.T) {
	s := migrated(t, pgstore.New(pgtest.FreshDB(t)))
	clk := resourcetest.NewClock(resourcetest.Start.Add(123456789))
	l, err := resource.NewLedger(s, resourcetest.Policy(5, false, true), resource.WithNow(clk.Now))
	require.NoError(t, err)
	ctx := context.Background()
	long := string(make([]byte, 0)) + "实例-" + string(repeat('x', resource.MaxIDLen-len("实例-")))
	e, err := l.Issue(ctx, resourcetest.Instance(long, "账号甲"))
	require.NoError(t, err)
	_, err = l.Grant(ctx, e.Code, "账号甲", "账号乙")
	require.NoError(t, err)
	_, err = l.Redeem(ctx, e.Code, "账号乙", "订单-1")
	require.NoError(t, err)
	f, err := l.Complete(ctx, e.Code, "订单-1", "黔ICP备2026000001号")
	require.NoError(t, err)
	g, err := s.Get(ctx, e.Code)
	require.NoError(t, err)
	require.Equal(t, f.Code, g.Code)
	require.Equal(t, long, g.Instance)
	require.Equal(t, "账号乙", g.Grantee)
	require.Equal(t, "账号乙", g.Filer)
	require.Equal(t, "黔ICP备2026000001号", g.RecordNumber)
	require.True(t, g.UpdatedAt.Equal(clk.Now().Truncate(1000)), "%v vs %v", g.UpdatedAt, clk.Now())
	_, err = l.Issue(ctx, resourcetest.Instance(long+"y", "账号甲"))
	require.ErrorIs(t, err, resource.ErrBadInput)
}

func repeat(b byte, n int) []byte {
	out := make([]byte, n)
	for i := range out {
		out[i] = b
	}
	return out
}
