package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUntilParentExits(t *testing.T) {
	t.Run("parent changes", func(t *testing.T) {
		var ppid atomic.Int64
		ppid.Store(4242)
		ctx, stop := untilParentExits(context.Background(), func() int { return int(ppid.Load()) }, time.Millisecond)
		defer stop()
		select {
		case <-ctx.Done():
			t.Fatal("done while the parent lives")
		case <-time.After(20 * time.Millisecond):
		}
		ppid.Store(1) // adopted by init
		select {
		case <-ctx.Done():
			assert.ErrorIs(t, context.Cause(ctx), errParentExited)
		case <-time.After(5 * time.Second):
			t.Fatal("not done after the parent exited")
		}
	})
	t.Run("started by init", func(t *testing.T) {
		calls := 0
		ctx, stop := untilParentExits(context.Background(), func() int { calls++; return 1 }, time.Millisecond)
		time.Sleep(10 * time.Millisecond)
		assert.NoError(t, ctx.Err())
		assert.Equal(t, 1, calls, "nothing to watch")
		stop()
		assert.ErrorIs(t, ctx.Err(), context.Canceled)
	})
	t.Run("stop ends the watch", func(t *testing.T) {
		ctx, stop := untilParentExits(context.Background(), func() int { return 4242 }, time.Millisecond)
		stop()
		<-ctx.Done()
		assert.ErrorIs(t, context.Cause(ctx), context.Canceled)
	})
}

const envPortalChild = "BEIAN_PORTAL_TEST_CHILD"

// TestPortalExitsWithItsParent starts the portal as the grandchild of the
// test, under a shell standing in for `go run`, kills the shell the way a
// script kills `go run`, and expects the portal to stop serving.
func TestPortalExitsWithItsParent(t *testing.T) {
	if os.Getenv(envPortalChild) == "1" {
		// The portal itself: main's wiring, on a free port, watching often.
		ctx, stop := untilParentExits(context.Background(), os.Getppid, 20*time.Millisecond)
		defer stop()
		err := run(ctx, []string{"-addr", "127.0.0.1:0"}, io.Discard, func(addr string) { fmt.Println("listening", addr) })
		fmt.Println("stopped", err)
		return
	}
	if runtime.GOOS == "windows" {
		t.Skip("needs a POSIX shell")
	}
	sh := exec.Command("sh", "-c", `"$0" -test.run='^TestPortalExitsWithItsParent$' & echo "pid $!"; wait`, os.Args[0])
	sh.Env = append(os.Environ(), envPortalChild+"=1")
	// Not StdoutPipe: Wait would close it while the portal still writes.
	out, w, err := os.Pipe()
	require.NoError(t, err)
	defer out.Close()
	sh.Stdout = w
	require.NoError(t, sh.Start())
	w.Close()
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	next := func() string {
		select {
		case l, ok := <-lines:
			if !ok {
				return "EOF"
			}
			return l
		case <-time.After(30 * time.Second):
			return "timeout"
		}
	}

	var pid int
	var addr string
	for pid == 0 || addr == "" {
		l := next()
		switch {
		case strings.HasPrefix(l, "pid "):
			pid, _ = strconv.Atoi(strings.TrimPrefix(l, "pid "))
		case strings.HasPrefix(l, "listening "):
			addr = strings.TrimPrefix(l, "listening ")
		case l == "EOF" || l == "timeout":
			_ = sh.Process.Kill()
			t.Fatalf("portal did not start: %s", l)
		}
	}
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err, "portal is not serving")
	conn.Close()

	require.NoError(t, sh.Process.Kill()) // what killing `go run` does to the portal's parent
	_ = sh.Wait()
	l := next()
	if !assert.True(t, strings.HasPrefix(l, "stopped"), "portal output after its parent died: %q", l) {
		if p, err := os.FindProcess(pid); err == nil {
			_ = p.Kill()
		}
		return
	}
	assert.Contains(t, l, "<nil>", "graceful shutdown")
	_, err = net.DialTimeout("tcp", addr, time.Second)
	var op *net.OpError
	assert.True(t, errors.As(err, &op), "still serving at %s after its parent died", addr)
}
