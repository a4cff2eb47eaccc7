package mysqlstore_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
	"github.com/beiankit/beian/conflict/mysqlstore"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/mysqltest"
	"github.com/beiankit/beian/numbering"
	nummy "github.com/beiankit/beian/numbering/mysqlstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// envFileChildDSN makes the re-executed test binary run TestHelperFile.
const envFileChildDSN = "BEIAN_MYSQL_CHILD_DSN"

const fileChildGoroutines = 4

func TestR41_R30_KilledMidFilingRestarts(t *testing.T) {
	_, dsn := mysqltest.NewDatabase(t, mysqltest.DSN(t))
	db := mysqltest.Open(t, dsn)
	ctx := context.Background()
	require.NoError(t, nummy.New(db).Migrate(ctx))
	cs := migrated(t, mysqlstore.New(db))

	reserved := map[string]int{} // number → run
	done := map[string]bool{}
	for run := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperFile$", "-test.count=1")
		cmd.Env = append(os.Environ(), envFileChildDSN+"="+dsn)
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		sc := bufio.NewScanner(out)
		filed := 0
		for sc.Scan() {
			kind, num, ok := strings.Cut(sc.Text(), " ")
			if !ok {
				continue
			}
			switch kind {
			case "R":
				if prev, dup := reserved[num]; dup {
					_ = cmd.Process.Kill()
					t.Fatalf("number %s reserved in run %d and again in run %d", num, prev, run)
				}
				reserved[num] = run
			case "C":
				done[num] = true
				filed++
			}
			if filed == 30+10*run { // mid-work: the child never pauses
				require.NoError(t, cmd.Process.Kill()) // SIGKILL
				break
			}
		}
		_, _ = io.Copy(io.Discard, out)
		_ = cmd.Wait()
	}

	// The record set: every live record holds exactly its keys.
	var buf strings.Builder
	_, err := cs.Export(ctx, &buf)
	require.NoError(t, err)
	onFile := map[string]bool{}
	held := map[string][]conflict.Key{}
	rows, err := db.QueryContext(ctx, `SELECT kind, value, subject FROM beian_conflict_claim ORDER BY kind, value`)
	require.NoError(t, err)
	for rows.Next() {
		var k conflict.Key
		var subj string
		require.NoError(t, rows.Scan(&k.Kind, &k.Value, &subj))
		held[subj] = append(held[subj], k)
	}
	require.NoError(t, rows.Err())
	records := 0
	for r, err := range conflict.JSONL(strings.NewReader(buf.String())) {
		require.NoError(t, err)
		subj, keys, _, err := conflict.RecordKeys(r)
		require.NoError(t, err)
		assert.Equal(t, keys, held[subj.Value], "keys held by %s", r.Subject.Number)
		delete(held, subj.Value)
		onFile[r.Subject.Number] = true
		records++
	}
	assert.Empty(t, held, "keys held by subjects with no record (half-claimed filings)")
	for n := range done {
		assert.True(t, onFile[n], "filing %s reported done but not on file", n)
	}
	snap, err := nummy.New(db).Snapshot(ctx)
	require.NoError(t, err)
	var last uint64
	for _, c := range snap {
		if !c.Key.IsService() {
			last = c.Last
		}
	}
	require.GreaterOrEqual(t, last, uint64(len(reserved)))
	t.Logf("3 runs, each killed: %d numbers reserved (%d reported), %d filed, %d gaps", last, len(reserved), records, int(last)-records)
}

// TestHelperFile is the child of TestR41_R30_KilledMidFilingRestarts: it
// files records until it is killed. It does nothing in a normal run.
func TestHelperFile(t *testing.T) {
	dsn := os.Getenv(envFileChildDSN)
	if dsn == "" {
		t.Skip("child process of TestR41_R30_KilledMidFilingRestarts")
	}
	db := mysqltest.Open(t, dsn)
	db.SetMaxOpenConns(fileChildGoroutines)
	alloc := numbering.NewAllocator(nummy.New(db))
	cs := mysqlstore.New(db)
	ctx := context.Background()
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	say := func(kind string, n numbering.Number) {
		mu.Lock()
		fmt.Printf("%s %s\n", kind, n) // unbuffered: the parent sees it before the next step
		mu.Unlock()
	}
	var wg sync.WaitGroup
	for range fileChildGoroutines {
		wg.Go(func() {
			for {
				subj, err := alloc.NextSubject(ctx, "52", at)
				if err != nil {
					panic(err)
				}
				say("R", subj)
				site, err := alloc.NextService(ctx, subj, numbering.ServiceWebsite)
				if err != nil {
					panic(err)
				}
				serial := strconv.Itoa(subj.Sequence())
				r := conflicttest.Pending("K"+serial, "52", "k"+serial+".cn", "www.k"+serial+".com.cn")
				r.Subject.Number, r.Subject.Status = subj.String(), filing.StatusApproved
				r.Websites[0].Number, r.Websites[0].Status = site.String(), filing.StatusApproved
				if _, err := cs.Put(ctx, r, conflict.Unconditional); err != nil {
					panic(err)
				}
				say("C", subj)
			}
		})
	}
	wg.Wait()
}

// TestR30_TwoInstancesRace1000: two portal instances (each its own pool,
// Store and Replica with its own Index) claim the same domain for two
// subjects at the same moment, 1 000 times: each time exactly one wins and
// the other gets the conflict Check gives.
func TestR30_TwoInstancesRace1000(t *testing.T) {
	_, dsn := mysqltest.NewDatabase(t, mysqltest.DSN(t))
	ctx := context.Background()
	var inst [2]*conflict.Replica
	for i := range inst {
		s := migrated(t, mysqlstore.New(mysqltest.Open(t, dsn)))
		inst[i] = conflict.NewReplica(s, conflict.New())
		_, err := inst[i].Load(ctx)
		require.NoError(t, err)
	}
	const races = 1000
	var won [2]atomic.Int32
	for race := range races {
		domain := fmt.Sprintf("race%d.cn", race)
		var got [2][]conflict.Conflict
		var errs [2]error
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range inst {
			wg.Go(func() {
				r := conflicttest.Pending(fmt.Sprintf("I%dR%d", i, race), "52", domain)
				<-start
				got[i], errs[i] = inst[i].Claim(ctx, conflicttest.FilingOf(r), r)
			})
		}
		close(start)
		wg.Wait()
		require.NoError(t, errors.Join(errs[:]...), "race %d", race)
		winners := 0
		for i := range inst {
			if len(got[i]) == 0 {
				winners++
				won[i].Add(1)
				continue
			}
			require.Len(t, got[i], 1, "race %d", race)
			require.ErrorIs(t, got[i][0], conflict.KindDomainSameProvince, "race %d", race)
			require.Equal(t, domain, got[i][0].Domain)
		}
		require.Equal(t, 1, winners, "race %d: winners", race)
	}
	t.Logf("wins: instance 0 %d, instance 1 %d", won[0].Load(), won[1].Load())
	for _, r := range inst {
		_, err := r.Sync(ctx)
		require.NoError(t, err)
		subjects, _ := r.Index().Len()
		assert.Equal(t, races, subjects)
	}
}
