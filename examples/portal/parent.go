package main

import (
	"context"
	"errors"
	"time"
)

// errParentExited is the cause of the context's end when the process that
// started the portal has exited.
var errParentExited = errors.New("the process that started the portal has exited")

// untilParentExits returns a context that ends when ctx does or when the
// process that started the portal exits, checked every interval through
// getppid (os.Getppid).
//
// `go run` builds the portal and starts it as a child, but does not pass a
// SIGTERM on: killing the go command (kill <pid>, a script's kill $!, an
// editor's stop button) would leave the compiled portal serving, adopted by
// init. Ctrl-C is not affected (the terminal signals both). A portal started
// directly by init (parent 1) has no parent to watch.
func untilParentExits(ctx context.Context, getppid func() int, interval time.Duration) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(ctx)
	stop := func() { cancel(context.Canceled) }
	parent := getppid()
	if parent <= 1 {
		return ctx, stop
	}
	go func() {
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if getppid() != parent {
					cancel(errParentExited)
					return
				}
			}
		}
	}()
	return ctx, stop
}
