package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPromiseOutputEscapesControlCharacters: record numbers, ISP names,
// province codes and messages that quote the input reach the output with
// C0/C1 controls and bidirectional overrides escaped.
func TestPromiseOutputEscapesControlCharacters(t *testing.T) {
	const esc = "\x1b[2J\x1b[H"
	in := strings.Join([]string{
		`{"subject":{"number":"黔ICP备2026001073号","province":"52","status":"approved"},"websites":[{"number":"黔ICP备2026001073号-1` + `\u001b[31m` + `","status":"approved","access":[{"isp":"电信` + `\u001b]0;pwned\u0007\u202e` + `","since":"2025-01-01T00:00:00+08:00","until":"2025-02-01T00:00:00+08:00"}]}]}`,
		`{"subject":{"number":"y","status":"odd` + `\u001b[2J` + `"}}`,
		`{"subject":{"number":"z","status":"odd` + esc + `"}}`,
		`{"subject":{"number":"京ICP备2024000001号","province":"1` + "\u009b" + `1"},"websites":[{"number":"京ICP备2024000001号-1` + "\u202e" + `gnp.exe","status":"bureau_review","submitted_at":"2026-05-01T00:00:00+08:00"}]}`,
	}, "\n") + "\n"
	var out, errOut bytes.Buffer
	_ = run(context.Background(), []string{"-asof", "2026-06-01", "-max-findings", "-1", "-max-reviews", "-1"}, strings.NewReader(in), &out, &errOut)
	got := out.String()
	require.Contains(t, got, "== summary")
	for _, bad := range []string{"\x1b", "\x07", "\u009b", "\u202e"} {
		assert.NotContains(t, got, bad, "raw %q in the output", bad)
	}
	assert.Contains(t, got, `\x1b`, "the escape is shown")
	assert.Contains(t, got, `\u202e`, "the override is shown")
	for _, line := range strings.Split(got, "\n") {
		assert.NotContains(t, line, "\r")
	}
}

// TestPromiseBureauStopsWhileInputStalls: with standard input open but
// silent, a cancelled run (what SIGINT does) ends at once with the report
// so far.
func TestPromiseBureauStopsWhileInputStalls(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(t.Context())
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"-asof", "2026-06-01"}, pr, &out, io.Discard) }()
	_, err := io.WriteString(pw, `{"subject":{"number":"黔ICP备2026001073号","province":"52","status":"approved"}}`+"\n")
	require.NoError(t, err)
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, context.Canceled)
		assert.Contains(t, out.String(), "(stopped early")
	case <-time.After(2 * time.Second):
		t.Fatal("run did not stop while the input stalls")
	}
}

// TestPromiseBureauExitsOnSIGINT runs the program itself (this test binary
// with BUREAU_RUN_MAIN set), its standard input a pipe that stays open and
// silent, and interrupts it.
func TestPromiseBureauExitsOnSIGINT(t *testing.T) {
	if os.Getenv("BUREAU_RUN_MAIN") == "1" {
		// From here a SIGINT no longer kills the process by default, and
		// the parent starts signalling; it repeats the signal until main's
		// own handler sees one.
		signal.Notify(make(chan os.Signal, 1), syscall.SIGINT)
		_, _ = os.Stdout.WriteString(readyMark + "\n")
		os.Args = []string{"bureau", "-asof", "2026-06-01"}
		main()
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^TestPromiseBureauExitsOnSIGINT$")
	cmd.Env = append(os.Environ(), "BUREAU_RUN_MAIN=1")
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	defer stdin.Close()
	var out lockedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	_, err = io.WriteString(stdin, `{"subject":{"number":"黔ICP备2026001073号","province":"52","status":"approved"}}`+"\n")
	require.NoError(t, err)
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	// How long the process takes to start depends on the machine's load,
	// not on the code: signal once it says it is ready, and again until it
	// ends.
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case err := <-waited:
			var ee *exec.ExitError
			require.ErrorAs(t, err, &ee, "output:\n%s", out.String())
			assert.Equal(t, 1, ee.ExitCode(), "output:\n%s", out.String())
			assert.Contains(t, out.String(), "context canceled")
			return
		case <-tick.C:
			if strings.Contains(out.String(), readyMark) {
				_ = cmd.Process.Signal(syscall.SIGINT) // fails only once the process has ended
			}
		case <-deadline:
			_ = cmd.Process.Kill()
			t.Fatalf("no exit after SIGINT while stdin stalls; output:\n%s", out.String())
		}
	}
}

// readyMark is what the program run by TestPromiseBureauExitsOnSIGINT
// prints once a SIGINT no longer kills it.
const readyMark = "test: SIGINT handled"

// lockedBuffer is a bytes.Buffer that a command writes while the test
// reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
