package main

import (
	"fmt"
	"io"
	"time"
)

// counter is what the progress line reports on.
type counter interface {
	Lines() int64
	Bytes() int64
}

// progress writes "lines read, rate" to w every interval until stop: on a
// terminal as one line rewritten in place, elsewhere (-progress into a file)
// as one line per report.
type progress struct {
	w        io.Writer
	c        counter
	terminal bool
	start    time.Time
	quit     chan struct{}
	done     chan struct{}
}

func startProgress(w io.Writer, c counter, terminal bool, every time.Duration) *progress {
	p := &progress{w: w, c: c, terminal: terminal, start: time.Now(),
		quit: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.report(false)
			case <-p.quit:
				return
			}
		}
	}()
	return p
}

// stop ends the reports with a final one.
func (p *progress) stop() {
	close(p.quit)
	<-p.done
	p.report(true)
}

func (p *progress) report(final bool) {
	elapsed := time.Since(p.start)
	lines, bytes := p.c.Lines(), p.c.Bytes()
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(lines) / s
	}
	msg := fmt.Sprintf("bureau: %d lines (%.1f MB) read in %s, %.0f lines/s",
		lines, float64(bytes)/1e6, elapsed.Round(100*time.Millisecond), rate)
	switch {
	case p.terminal && final:
		fmt.Fprintf(p.w, "\r%s\033[K\n", msg)
	case p.terminal:
		fmt.Fprintf(p.w, "\r%s\033[K", msg)
	default:
		fmt.Fprintln(p.w, msg)
	}
}
