package mysqlstore_test

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/conflicttest"
	"github.com/beiankit/beian/conflict/mysqlstore"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/mysqltest"
	"github.com/beiankit/beian/internal/sqltx"
	"github.com/beiankit/beian/numbering"
	nummy "github.com/beiankit/beian/numbering/mysqlstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The children of TestR41_R30_GaleraNodeKilled read their nodes from
// envGaleraChild (DSNs separated by spaces) and their number from
// envGaleraProc.
const (
	envGaleraChild = "BEIAN_GALERA_CHILD_DSNS"
	envGaleraProc  = "BEIAN_GALERA_CHILD_PROC"
	galeraProcs    = 4
	galeraWorkers  = 8
	galeraDomains  = 6000 // the domain pool the workers compete for
)

// TestR41_R30_GaleraNodeKilled: 4 processes × 8 goroutines allocate record
// numbers and claim filings' keys (a domain from a shared pool, the
// subject's certificate and number) through the three nodes of a Galera
// cluster while node 3 is killed (SIGKILL) and restarted. Afterwards: no
// number was issued twice, no key is held by two subjects on any
// node, the three nodes hold the same claims, and every claim
// a process was told succeeded is on every node. Numbers reserved but never
// filed are gaps: allowed, and counted. Calls whose COMMIT lost its
// connection (outcome unknown) are counted, and looked up.
func TestR41_R30_GaleraNodeKilled(t *testing.T) {
	nodes, dir := mysqltest.Galera(t)
	start := time.Now()
	name, _ := mysqltest.NewDatabase(t, nodes[0])
	dsns := make([]string, len(nodes))
	for i, n := range nodes {
		dsns[i] = mysqltest.WithDatabase(t, n, name)
	}
	ctx := context.Background()
	first := mysqltest.Open(t, dsns[0])
	require.NoError(t, nummy.New(first).Migrate(ctx))
	require.NoError(t, mysqlstore.New(first).Migrate(ctx))

	// The children run until their stdin closes.
	type child struct {
		cmd   *exec.Cmd
		stdin io.WriteCloser
		out   *bufio.Scanner
	}
	var (
		mu       sync.Mutex
		issued   = map[string]int{} // number → process
		dupNums  []string
		acked    = map[string]string{} // subject key → domain
		unknown  = map[string]string{} // subject key → domain, outcome unknown
		taken    int
		failed   int
		retries  uint64
		failover int
		ops      int
		failures []string // the failed calls' lines
	)
	children := make([]*child, galeraProcs)
	var readers sync.WaitGroup
	for p := range children {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperGalera$", "-test.count=1")
		cmd.Env = append(os.Environ(), envGaleraChild+"="+strings.Join(dsns, " "), envGaleraProc+"="+strconv.Itoa(p))
		cmd.Stderr = os.Stderr
		in, err := cmd.StdinPipe()
		require.NoError(t, err)
		out, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		c := &child{cmd: cmd, stdin: in, out: bufio.NewScanner(out)}
		children[p] = c
		readers.Go(func() {
			for c.out.Scan() {
				f := strings.Fields(c.out.Text())
				if len(f) == 0 {
					continue
				}
				mu.Lock()
				switch f[0] {
				case "N": // N number
					ops++
					if prev, dup := issued[f[1]]; dup {
						dupNums = append(dupNums, fmt.Sprintf("%s (processes %d and %d)", f[1], prev, p))
					}
					issued[f[1]] = p
				case "A": // A subject domain: acknowledged claim
					ops++
					acked[f[1]] = f[2]
				case "U": // U subject domain: outcome unknown
					ops++
					unknown[f[1]] = f[2]
				case "T":
					ops++
					taken++
				case "E": // E [subject] error: a failed call
					ops++
					failed++
					failures = append(failures, strings.Join(f[1:], " "))
				case "S": // S retries failovers
					r, _ := strconv.ParseUint(f[1], 10, 64)
					fo, _ := strconv.Atoi(f[2])
					retries += r
					failover += fo
				}
				mu.Unlock()
			}
		})
	}
	t.Cleanup(func() {
		for _, c := range children {
			_ = c.cmd.Process.Kill()
		}
	})

	// Kill node 3 while the children run, then restart it.
	time.Sleep(4 * time.Second)
	pidText, err := os.ReadFile(filepath.Join(dir, "node3", "mariadbd.pid"))
	require.NoError(t, err)
	pid, err := strconv.Atoi(strings.TrimSpace(string(pidText)))
	require.NoError(t, err)
	killedAt := time.Now()
	require.NoError(t, syscall.Kill(pid, syscall.SIGKILL))
	time.Sleep(3 * time.Second)
	restart := exec.Command("bash", "../../scripts/galera.sh", "start-node", "3")
	restart.Env = append(os.Environ(), "GALERA_DIR="+dir)
	restartOut, err := restart.CombinedOutput()
	require.NoError(t, err, "restarting node 3: %s", restartOut)
	rejoined := time.Since(killedAt)
	time.Sleep(4 * time.Second) // traffic through the rejoined node
	for _, c := range children {
		require.NoError(t, c.stdin.Close())
	}
	readers.Wait()
	for p, c := range children {
		require.NoError(t, c.cmd.Wait(), "process %d", p)
	}

	// Every node: the same claims, no key held twice, every acknowledged
	// claim present.
	assert.Empty(t, dupNums, "numbers issued twice")
	claims := make([]map[conflict.Key]string, len(dsns))
	for i, d := range dsns {
		db := mysqltest.Open(t, d)
		conn, err := db.Conn(ctx)
		require.NoError(t, err)
		// Causal reads: the node applies every write set the cluster
		// committed before it answers.
		_, err = conn.ExecContext(ctx, "SET SESSION wsrep_sync_wait = 1")
		require.NoError(t, err)
		rows, err := conn.QueryContext(ctx, `SELECT kind, value, subject FROM beian_conflict_claim`)
		require.NoError(t, err)
		claims[i] = map[conflict.Key]string{}
		for rows.Next() {
			var k conflict.Key
			var subj string
			require.NoError(t, rows.Scan(&k.Kind, &k.Value, &subj))
			_, twice := claims[i][k]
			require.False(t, twice, "node %d: key %v held twice", i+1, k)
			claims[i][k] = subj
		}
		require.NoError(t, rows.Err())
		rows.Close()
		conn.Close()
	}
	lost := 0
	for subj, domain := range acked {
		for i := range claims {
			if claims[i][conflict.Key{Kind: conflict.KeyDomain, Value: domain}] != subj ||
				claims[i][conflict.Key{Kind: conflict.KeyCert, Value: subj}] != subj {
				lost++
				t.Errorf("node %d: acknowledged claim of %s by %s missing", i+1, domain, subj)
			}
		}
	}
	for i := 1; i < len(claims); i++ {
		assert.Equal(t, claims[0], claims[i], "node %d holds other claims than node 1", i+1)
	}
	// Every record on file holds exactly its keys (no half-claimed filing).
	var buf strings.Builder
	_, err = mysqlstore.New(first).Export(ctx, &buf)
	require.NoError(t, err)
	held := map[string][]conflict.Key{}
	for k, subj := range claims[0] {
		held[subj] = append(held[subj], k)
	}
	records := 0
	for r, err := range conflict.JSONL(strings.NewReader(buf.String())) {
		require.NoError(t, err)
		subj, keys, _, err := conflict.RecordKeys(r)
		require.NoError(t, err)
		assert.ElementsMatch(t, keys, held[subj.Value], "keys held by %s", subj.Value)
		delete(held, subj.Value)
		records++
	}
	if !assert.Empty(t, held, "keys held by subjects with no record (half-claimed filings)") {
		// What the calls that failed were told, to match with the subjects.
		for _, f := range failures {
			t.Logf("failed call: %s", f)
		}
	}
	committedUnknown := 0
	for subj := range unknown {
		if claims[0][conflict.Key{Kind: conflict.KeyCert, Value: subj}] == subj {
			committedUnknown++
		}
	}
	// Gaps: numbers reserved (the counters) but not reported issued.
	snap, err := nummy.New(first).Snapshot(ctx)
	require.NoError(t, err)
	var reserved uint64
	for _, c := range snap {
		reserved += c.Last
	}
	elapsed := time.Since(start)
	t.Logf("galera: %d processes × %d goroutines over 3 nodes, node 3 SIGKILLed and rejoined after %.1fs; "+
		"%d operations (%d numbers, %d claims acknowledged, %d taken, %d outcome unknown of which %d committed, %d failed), "+
		"%d retries, %d failovers to another node, duplicates %d, lost acknowledged writes %d, %d records on file, %d numbers reserved, %d gaps; %.1fs",
		galeraProcs, galeraWorkers, rejoined.Seconds(), ops, len(issued), len(acked), taken, len(unknown), committedUnknown, failed,
		retries, failover, len(dupNums), lost, records, reserved, int(reserved)-len(issued), elapsed.Seconds())
	assert.Zero(t, lost, "lost acknowledged writes")
	assert.NotEmpty(t, acked, "no claim succeeded")
}

// TestHelperGalera is a child of TestR41_R30_GaleraNodeKilled: 8 goroutines
// allocate a subject and a website number and file a record claiming a
// domain of the shared pool, each through its home node, failing over to
// the next node while its own cannot be reached, until stdin closes. It
// prints one line per operation. It does nothing in a normal run.
func TestHelperGalera(t *testing.T) {
	dsnList := os.Getenv(envGaleraChild)
	if dsnList == "" {
		t.Skip("child process of TestR41_R30_GaleraNodeKilled")
	}
	proc, _ := strconv.Atoi(os.Getenv(envGaleraProc))
	var nums []*numbering.Allocator
	var stores []*mysqlstore.Store
	for _, d := range strings.Fields(dsnList) {
		db := mysqltest.Open(t, d)
		db.SetMaxOpenConns(galeraWorkers)
		wait := mysqlstore.WithUnavailableWait(300 * time.Millisecond)
		nums = append(nums, numbering.NewAllocator(nummy.New(db, nummy.WithUnavailableWait(300*time.Millisecond))))
		stores = append(stores, mysqlstore.New(db, wait))
	}
	var stop atomic.Bool
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop.Store(true)
	}()
	var mu sync.Mutex
	say := func(format string, args ...any) {
		mu.Lock()
		fmt.Printf(format+"\n", args...)
		mu.Unlock()
	}
	var failovers atomic.Int64
	// try runs op through the home node, then the others while a node
	// cannot be reached (and the outcome is known: nothing was written).
	try := func(home int, op func(node int) error) error {
		var err error
		for i := range len(stores) {
			node := (home + i) % len(stores)
			err = op(node)
			var se *sqltx.Error
			if errors.Is(err, mysqlstore.ErrUnavailable) && (!errors.As(err, &se) || !se.OutcomeUnknown) {
				failovers.Add(1)
				continue
			}
			return err
		}
		return err
	}
	ctx := context.Background()
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	for g := range galeraWorkers {
		home := (proc*galeraWorkers + g) % len(stores)
		rng := rand.New(rand.NewPCG(uint64(proc), uint64(g)))
		wg.Go(func() {
			for k := 0; !stop.Load(); k++ {
				var subj, site numbering.Number
				err := try(home, func(n int) (err error) {
					subj, err = nums[n].NextSubject(ctx, "52", at)
					return err
				})
				if err != nil {
					say("E %v", err)
					time.Sleep(50 * time.Millisecond)
					continue
				}
				say("N %s", subj)
				err = try(home, func(n int) (err error) {
					site, err = nums[n].NextService(ctx, subj, numbering.ServiceWebsite)
					return err
				})
				if err != nil {
					say("E %v", err)
					continue
				}
				say("N %s", site)
				domain := fmt.Sprintf("g%d.cn", rng.IntN(galeraDomains))
				r := conflicttest.Pending(fmt.Sprintf("G%dW%dK%d", proc, g, k), "52", domain)
				r.Subject.Number, r.Subject.Status = subj.String(), filing.StatusApproved
				r.Websites[0].Number, r.Websites[0].Status = site.String(), filing.StatusApproved
				key, _, _, err := conflict.RecordKeys(r)
				if err != nil {
					panic(err)
				}
				err = try(home, func(n int) error {
					_, err := stores[n].Put(ctx, r, conflict.Unconditional)
					return err
				})
				var se *sqltx.Error
				switch {
				case err == nil:
					say("A %s %s", key.Value, domain)
				case errors.Is(err, conflict.ErrKeyTaken):
					say("T %s %s", key.Value, domain)
				case errors.As(err, &se) && se.OutcomeUnknown:
					say("U %s %s", key.Value, domain)
				default:
					say("E %s %v", key.Value, err)
				}
			}
		})
	}
	wg.Wait()
	say("S %d %d", sqltx.Retries(), failovers.Load())
}

// TestR30_GaleraRefusedRollbackCommitsNothing reproduces, without a crash,
// how a failed Put once left its claims on every node: a transaction
// writes claim rows on node 1, node 1 leaves the primary component
// (gmcast.isolate), the next statement and the ROLLBACK are refused (error
// 1047) and the server keeps the transaction open. Had the connection gone
// back to the pool, the next transaction's START TRANSACTION would have
// committed those rows once node 1 rejoined. sqltx.Run, which every
// adapter's transaction goes through, closes such a connection, so the
// rows never reach any node.
func TestR30_GaleraRefusedRollbackCommitsNothing(t *testing.T) {
	nodes, _ := mysqltest.Galera(t)
	name, _ := mysqltest.NewDatabase(t, nodes[0])
	ctx := context.Background()
	db := mysqltest.Open(t, mysqltest.WithDatabase(t, nodes[0], name))
	require.NoError(t, mysqlstore.New(db).Migrate(ctx))
	db.SetMaxOpenConns(1) // the next transaction gets the same connection if it is kept
	admin := mysqltest.Open(t, nodes[0])
	admin.SetMaxOpenConns(1)
	// awaitStatus waits until node 1's status variable name reads want.
	awaitStatus := func(name, want string) {
		require.Eventually(t, func() bool {
			var k, v string
			err := admin.QueryRowContext(ctx, "SHOW STATUS LIKE '"+name+"'").Scan(&k, &v)
			return err == nil && v == want
		}, 30*time.Second, 100*time.Millisecond, "node 1's %s never became %s", name, want)
	}
	isolate := func(on int) {
		_, err := admin.ExecContext(ctx, fmt.Sprintf("SET GLOBAL wsrep_provider_options = 'gmcast.isolate=%d'", on))
		require.NoError(t, err)
		awaitStatus("wsrep_cluster_status", map[int]string{1: "non-Primary", 0: "Primary"}[on])
		if on == 0 {
			// Back in the primary component is not yet ready for
			// clients: until the node has caught up, every statement
			// gets error 1047 ("WSREP has not yet prepared node").
			awaitStatus("wsrep_ready", "ON")
		}
	}
	t.Cleanup(func() {
		_, _ = admin.ExecContext(ctx, "SET GLOBAL wsrep_provider_options = 'gmcast.isolate=0'")
	})

	failed := errors.New("node 1 left the primary component")
	_, err := sqltx.Run(ctx, db, nil, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO beian_conflict_claim (kind, value, subject) VALUES ('domain', 'orphan.cn', 'x')")
		require.NoError(t, err)
		isolate(1)
		_, err = tx.ExecContext(ctx, "UPDATE beian_conflict_head SET seq = seq + 1 WHERE id = 1")
		require.Error(t, err, "a node outside the primary component refuses the write")
		return failed
	})
	require.ErrorIs(t, err, failed)
	isolate(0)
	// The next transaction on this pool (of one connection).
	_, err = sqltx.Run(ctx, db, nil, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "SELECT 1")
		return err
	})
	require.NoError(t, err)
	for i, n := range nodes {
		c, err := mysqltest.Open(t, mysqltest.WithDatabase(t, n, name)).Conn(ctx)
		require.NoError(t, err)
		_, err = c.ExecContext(ctx, "SET SESSION wsrep_sync_wait = 1")
		require.NoError(t, err)
		var rows int
		require.NoError(t, c.QueryRowContext(ctx, "SELECT COUNT(*) FROM beian_conflict_claim WHERE value = 'orphan.cn'").Scan(&rows))
		assert.Zero(t, rows, "node %d holds the claim of a transaction that was never committed", i+1)
		c.Close()
	}
}
