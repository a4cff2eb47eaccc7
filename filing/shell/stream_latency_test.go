package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Generous bounds for a shared machine: before, a stalled stream held its
// reports until 2 048 lines or 1 MiB arrived, and a cancelled one until
// its reader returned — forever here. BenchmarkStreamReportLatency and
// BenchmarkStreamCancelLatency measure the real figures (≈ flushDelay).
const promptly = time.Second

// TestR60_StreamReportsCompleteSubjectWhileInputStalls: a subject's
// report arrives once the next subject's line shows it complete, although
// the batch is far from full and the producer goes quiet.
func TestR60_StreamReportsCompleteSubjectWhileInputStalls(t *testing.T) {
	pr, pw := io.Pipe()
	got := make(chan SubjectReport, 4)
	done := make(chan error, 1)
	go func() {
		_, err := ClassifyTypedStream(t.Context(), pr, shellAsOf, func(r SubjectReport) error {
			got <- r
			return nil
		})
		done <- err
	}()
	_, err := io.WriteString(pw, lSubjA+"\n"+lWebA1+"\n"+lWebA2+"\n"+lSubjB+"\n")
	require.NoError(t, err)
	select {
	case r := <-got:
		assert.Equal(t, "黔ICP备2026001073号", r.SubjectNumber)
		assert.Equal(t, 2, r.Websites)
	case <-time.After(promptly):
		t.Fatal("no report while the input stalls")
	}
	// The last subject is complete only at the end of the input.
	select {
	case r := <-got:
		t.Fatalf("report of %s before its subject ended", r.SubjectNumber)
	case <-time.After(3 * flushDelay):
	}
	require.NoError(t, pw.Close())
	select {
	case r := <-got:
		assert.Equal(t, "京ICP备2024000001号", r.SubjectNumber)
	case <-time.After(promptly):
		t.Fatal("no report at the end of the input")
	}
	require.NoError(t, <-done)
}

// blockingReader blocks every Read until released, and counts the Reads
// started.
type blockingReader struct {
	started atomic.Int32
	release chan struct{}
	once    sync.Once
}

func (r *blockingReader) Read(p []byte) (int, error) {
	r.started.Add(1)
	<-r.release
	return 0, io.EOF
}

func (r *blockingReader) unblock() { r.once.Do(func() { close(r.release) }) }

// TestR60_StreamCancelWhileReadBlocks: a cancelled ClassifyTypedStream
// returns at once while its reader blocks in Read; the blocked Read is
// left to finish in the background and no Read starts after the return.
func TestR60_StreamCancelWhileReadBlocks(t *testing.T) {
	r := &blockingReader{release: make(chan struct{})}
	defer r.unblock()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		_, err := ClassifyTypedStream(ctx, r, shellAsOf, nil)
		done <- err
	}()
	require.Eventually(t, func() bool { return r.started.Load() == 1 }, promptly, time.Millisecond, "Read not started")
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, context.Canceled)
		t.Logf("returned %v after cancel", time.Since(start))
	case <-time.After(promptly):
		t.Fatal("ClassifyTypedStream did not return while Read blocks")
	}
	r.unblock()
	time.Sleep(5 * flushDelay)
	assert.Equal(t, int32(1), r.started.Load(), "a Read started after ClassifyTypedStream returned")
}

// TestR60_StreamCancelMidStream: cancelling between reports stops the
// stream with ctx's error, the reports so far delivered.
func TestR60_StreamCancelMidStream(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(t.Context())
	var n atomic.Int32
	done := make(chan error, 1)
	go func() {
		_, err := ClassifyTypedStream(ctx, pr, shellAsOf, func(SubjectReport) error {
			n.Add(1)
			cancel()
			return nil
		})
		done <- err
	}()
	go io.WriteString(pw, lSubjA+"\n"+lSubjB+"\n")
	select {
	case err := <-done:
		assert.True(t, errors.Is(err, context.Canceled), "%v", err)
		assert.Equal(t, int32(1), n.Load())
	case <-time.After(promptly):
		t.Fatal("no return after cancel")
	}
}

// BenchmarkStreamReportLatency: from the line that completes a subject to
// its report, the input stalling after it.
func BenchmarkStreamReportLatency(b *testing.B) {
	pr, pw := io.Pipe()
	got := make(chan struct{}, 1)
	go ClassifyTypedStream(b.Context(), pr, shellAsOf, func(SubjectReport) error {
		got <- struct{}{}
		return nil
	})
	defer pw.Close()
	// The first line completes nothing.
	fmt.Fprintf(pw, `{"type":"subject","number":"黔ICP备2026%06d号","province":"52"}`+"\n", 0)
	i := 0
	for b.Loop() {
		// Each subject line (a new number each time: a repeated subject
		// is a bad record) completes the previous subject.
		i++
		fmt.Fprintf(pw, `{"type":"subject","number":"黔ICP备2026%06d号","province":"52"}`+"\n", i)
		select {
		case <-got:
		case <-time.After(promptly):
			b.Fatal("no report")
		}
	}
}

// BenchmarkStreamCancelLatency: from cancel to return while Read blocks.
func BenchmarkStreamCancelLatency(b *testing.B) {
	for b.Loop() {
		r := &blockingReader{release: make(chan struct{})}
		ctx, cancel := context.WithCancel(b.Context())
		done := make(chan struct{})
		go func() {
			ClassifyTypedStream(ctx, r, shellAsOf, nil)
			close(done)
		}()
		for r.started.Load() == 0 {
			time.Sleep(50 * time.Microsecond)
		}
		cancel()
		<-done
		r.unblock()
	}
}
