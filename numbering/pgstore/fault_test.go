package pgstore_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/beiankit/beian/internal/pgtest"
	"github.com/beiankit/beian/numbering"
	"github.com/beiankit/beian/numbering/pgstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Child processes: the test binary re-executed with these variables runs
// TestHelperAllocate only.
const (
	envChildDSN = "BEIAN_PG_CHILD_DSN"
	envChildN   = "BEIAN_PG_CHILD_N"
)

const (
	procs           = 4
	childGoroutines = 8
	childPerG       = 25
)

// TestR41_ManyProcessesNoDuplicate: several OS processes, each with several
// goroutines, allocate subject and service numbers from one database; no
// number is issued twice and the subject sequence has no gap.
func TestR41_ManyProcessesNoDuplicate(t *testing.T) {
	_, dsn := pgtest.NewSchema(t, pgtest.DSN(t))
	migrated(t, pgstore.New(pgtest.Open(t, dsn)))
	var wg sync.WaitGroup
	outs := make([][]byte, procs)
	errs := make([]error, procs)
	for p := range procs {
		wg.Go(func() {
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperAllocate$", "-test.count=1")
			cmd.Env = append(os.Environ(), envChildDSN+"="+dsn, envChildN+"="+strconv.Itoa(childPerG))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			outs[p], errs[p] = cmd.Output()
			if errs[p] != nil {
				errs[p] = fmt.Errorf("child %d: %v: %s", p, errs[p], stderr.String())
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	seen := map[string]int{}
	subjects := 0
	for p, out := range outs {
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			line := sc.Text()
			if len(line) < 3 || line[:2] != "N " {
				continue
			}
			n := line[2:]
			if prev, dup := seen[n]; dup {
				t.Fatalf("number %s issued to process %d and process %d", n, prev, p)
			}
			seen[n] = p
			num, err := numbering.Parse(n)
			require.NoError(t, err)
			if num.IsSubject() {
				subjects++
			}
		}
	}
	want := procs * childGoroutines * childPerG
	require.Equal(t, 2*want, len(seen), "numbers reported by the children")
	require.Equal(t, want, subjects)
	// No gap: the subject counter stands at the number of subjects issued.
	snap, err := pgstore.New(pgtest.Open(t, dsn)).Snapshot(context.Background())
	require.NoError(t, err)
	for _, c := range snap {
		if !c.Key.IsService() {
			assert.Equal(t, uint64(want), c.Last, "counter %v", c.Key)
		}
	}
}

// TestHelperAllocate is the child of TestR41_ManyProcessesNoDuplicate and
// of the SIGKILL test; it does nothing in a normal run.
func TestHelperAllocate(t *testing.T) {
	dsn := os.Getenv(envChildDSN)
	if dsn == "" {
		t.Skip("child process of TestR41_ManyProcessesNoDuplicate")
	}
	n, _ := strconv.Atoi(os.Getenv(envChildN))
	db := pgtest.Open(t, dsn)
	db.SetMaxOpenConns(childGoroutines)
	a := numbering.NewAllocator(pgstore.New(db))
	ctx := context.Background()
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	w := bufio.NewWriter(os.Stdout)
	var wg sync.WaitGroup
	for range childGoroutines {
		wg.Go(func() {
			for range n {
				s, err := a.NextSubject(ctx, "52", at)
				if err != nil {
					panic(err)
				}
				site, err := a.NextService(ctx, s, numbering.ServiceWebsite)
				if err != nil {
					panic(err)
				}
				mu.Lock()
				fmt.Fprintf(w, "N %s\nN %s\n", s, site)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	require.NoError(t, w.Flush())
}
