package pgstore_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/resource"
	"github.com/beiankit/beian/filing/resource/pgstore"
	"github.com/beiankit/beian/filing/resource/resourcetest"
	"github.com/beiankit/beian/internal/pgtest"
)

// Child processes: the test binary re-executed with these variables runs
// TestHelperRedeem only.
const (
	envChildDSN   = "BEIAN_RESOURCE_CHILD_DSN"
	envChildCodes = "BEIAN_RESOURCE_CHILD_CODES"
	envChildID    = "BEIAN_RESOURCE_CHILD_ID"
	envChildStart = "BEIAN_RESOURCE_CHILD_START"
)

const crossRaces = 1000

// slot is the time given to each race: both processes start race i at
// start + i×slot, so that every race is contested.
const slot = 4 * time.Millisecond

// TestR96_OneWinnerAcrossProcesses: two OS processes redeem the same 1 000
// codes, each for its own filings, race i of both starting at the same
// instant; every code has exactly one winner, the loser got ErrInUse, the
// database holds the winner's filing, and each process won some races (the
// races were contested, not run one after the other).
func TestR96_OneWinnerAcrossProcesses(t *testing.T) {
	_, dsn := pgtest.NewSchema(t, pgtest.DSN(t))
	s := migrated(t, pgstore.New(pgtest.Open(t, dsn)))
	l, err := resource.NewLedger(s, resourcetest.Policy(0, true, false), resource.WithNow(resourcetest.NewClock(resourcetest.Start).Now))
	require.NoError(t, err)
	ctx := context.Background()
	codes := make([]string, crossRaces)
	for i := range codes {
		e, err := l.Issue(ctx, resourcetest.Instance(fmt.Sprintf("ins-%d", i%50), "acct-a"))
		require.NoError(t, err)
		codes[i] = e.Code
	}
	codeFile := t.TempDir() + "/codes"
	require.NoError(t, os.WriteFile(codeFile, []byte(strings.Join(codes, "\n")), 0o600))
	start := time.Now().Add(2 * time.Second).UnixNano()
	var wg sync.WaitGroup
	outs, errs := make([][]byte, 2), make([]error, 2)
	for p := range 2 {
		wg.Go(func() {
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperRedeem$", "-test.count=1")
			cmd.Env = append(os.Environ(), envChildDSN+"="+dsn, envChildCodes+"="+codeFile,
				envChildID+"="+strconv.Itoa(p), envChildStart+"="+strconv.FormatInt(start, 10))
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			outs[p], errs[p] = cmd.Output()
			if errs[p] != nil {
				errs[p] = fmt.Errorf("child %d: %v: %s%s", p, errs[p], stderr.String(), outs[p])
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	won := map[string]int{}
	lost := map[string]int{}
	for p, out := range outs {
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) != 2 {
				continue
			}
			switch f[0] {
			case "W":
				if q, dup := won[f[1]]; dup {
					t.Fatalf("code %s won by process %d and process %d", f[1], q, p)
				}
				won[f[1]] = p
			case "L":
				lost[f[1]]++
			}
		}
	}
	require.Len(t, won, crossRaces, "every code has a winner")
	require.Len(t, lost, crossRaces, "every code has a loser")
	contested := 0
	for i, c := range codes {
		e, err := s.Get(ctx, c)
		require.NoError(t, err)
		require.Equal(t, fmt.Sprintf("order-%d-%d", won[c], i), e.FilingID, "code %s", c)
		if won[c] == 1 {
			contested++
		}
	}
	t.Logf("process 1 won %d of %d races", contested, crossRaces)
	require.Positive(t, contested, "process 1 never won: the races were not contested")
	require.Less(t, contested, crossRaces, "process 0 never won: the races were not contested")
}

// TestHelperRedeem is the child of TestR96_OneWinnerAcrossProcesses; it
// does nothing in a normal run.
func TestHelperRedeem(t *testing.T) {
	dsn := os.Getenv(envChildDSN)
	if dsn == "" {
		t.Skip("child process of TestR96_OneWinnerAcrossProcesses")
	}
	b, err := os.ReadFile(os.Getenv(envChildCodes))
	require.NoError(t, err)
	id := os.Getenv(envChildID)
	startNs, _ := strconv.ParseInt(os.Getenv(envChildStart), 10, 64)
	l, err := resource.NewLedger(pgstore.New(pgtest.Open(t, dsn)), resourcetest.Policy(0, true, false),
		resource.WithNow(resourcetest.NewClock(resourcetest.Start).Now))
	require.NoError(t, err)
	_, _ = l.Get(context.Background(), "WARM-UP") // open the connection before the first race
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for i, c := range strings.Split(string(b), "\n") {
		time.Sleep(time.Until(time.Unix(0, startNs).Add(time.Duration(i) * slot)))
		_, err := l.Redeem(context.Background(), c, "acct-"+id, fmt.Sprintf("order-%s-%d", id, i))
		switch {
		case err == nil:
			fmt.Fprintln(w, "W", c)
		case errors.Is(err, resource.ErrInUse):
			fmt.Fprintln(w, "L", c)
		default:
			t.Fatalf("code %s: %v", c, err)
		}
	}
}
