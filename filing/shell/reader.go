package shell

import (
	"bytes"
	"context"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/beiankit/beian/filing"
)

// The reader side of ClassifyTypedStream: a reader goroutine splits the input
// into lines and copies them into batches; decoder goroutines (one per CPU,
// at most maxDecoders) decode the batches (decode.go) in parallel;
// the caller's goroutine takes the batches in input order, as each one is
// decoded, and classifies them. Batches are recycled: memory stays bounded
// by a few batches whatever the stream's length.

const (
	batchLines  = 2048    // lines per batch
	batchBytes  = 1 << 20 // raw bytes per batch (a batch closes at either)
	maxDecoders = 4
)

// decodedLine is one decoded line; its byte slices point into its batch.
type decodedLine struct {
	line       int
	prob       *filing.Problem // why the line is a bad record, or nil
	isWebsite  bool            // its "type" said "website" or "app" (also when bad)
	kind       RecordKind
	number     []byte
	subject    []byte
	province   string
	status     filing.Status
	approvedAt time.Time
	access     []filing.Access
	appKind    filing.AppKind      // of an app line
	host       filing.HostPlatform // of an app line
}

type lineBatch struct {
	// Filled by the reader: the lines as read, back to back in raw.
	raw   []byte
	split []rawLine
	count int   // lines read, blank ones included
	err   error // read error after these lines

	// Filled by a decoder; ready receives a value when it is done.
	lines   []decodedLine
	results []recResult // the export's lines, decoded and classified (export.go)
	bytes   []byte
	access  []filing.Access
	ready   chan struct{}
}

// rawLine is one line of a batch: its end in raw (it starts where the
// previous one ends) and its 1-based line number; tooLong lines are not
// copied.
type rawLine struct {
	end, line int
	tooLong   bool
}

// capped returns x with its capacity cut to its length.
func capped(x []byte) []byte {
	if len(x) == 0 {
		return nil
	}
	return x[:len(x):len(x)]
}

// keep copies b into the batch's byte arena.
func (b *lineBatch) keep(x []byte) []byte {
	if len(x) == 0 {
		return nil
	}
	start := len(b.bytes)
	b.bytes = append(b.bytes, x...)
	return b.bytes[start:len(b.bytes):len(b.bytes)]
}

// interner shares repeated strings (ISP names, province codes). It is
// bounded so that an adversarial stream cannot grow it without limit.
type interner struct{ m map[string]string }

const internCap = 1 << 14

func (in *interner) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if s, ok := in.m[string(b)]; ok {
		return s
	}
	s := string(b)
	if in.m == nil {
		in.m = map[string]string{}
	}
	if len(in.m) < internCap {
		in.m[s] = s
	}
	return s
}

// own returns s, or an interned copy of it (s may point into a buffer
// that is reused).
func (in *interner) own(s string) string {
	if s == "" {
		return ""
	}
	if x, ok := in.m[s]; ok {
		return x
	}
	if in.m == nil {
		in.m = map[string]string{}
	}
	x := strings.Clone(s)
	if len(in.m) < internCap {
		in.m[x] = x
	}
	return x
}

type lineReader struct {
	out  chan *lineBatch // batches in input order, decoded or being decoded
	work chan *lineBatch // batches to decode
	free chan *lineBatch
	quit chan struct{}
	done sync.WaitGroup // the batcher and the decoders (not the pump)
	once sync.Once

	// The pump: the only goroutine that calls r.Read. It hands what it
	// reads to the batcher in chunks (bufs recycles their buffers), so
	// that the batcher can close a batch when the input stalls and stop
	// at once when the caller stops, while a Read blocks.
	chunks  chan readChunk
	bufs    chan []byte
	readMu  sync.Mutex
	stopped bool // set by stop under readMu: no Read starts after it
}

// readChunk is what one Read gave.
type readChunk struct {
	buf []byte
	err error
}

const (
	// flushDelay is how long the batcher waits for more input before it
	// hands over a batch that is not full: the latency of a report when
	// the input stalls (a producer that writes a subject, then thinks).
	flushDelay = 10 * time.Millisecond
	readBuf    = 256 << 10 // bytes per Read
	readBufs   = 3         // Read buffers: one being read, one being split, one queued
)

// startLineReader starts reading r; each decoder goroutine decodes batches
// with a function of its own from work.
func startLineReader(r io.Reader, work func() func(*lineBatch)) *lineReader {
	decoders := min(max(runtime.GOMAXPROCS(0), 1), maxDecoders)
	batches := decoders + 3 // one being read, one being classified, the rest decoding or queued
	p := &lineReader{
		out:    make(chan *lineBatch, batches),
		work:   make(chan *lineBatch, batches),
		free:   make(chan *lineBatch, batches),
		quit:   make(chan struct{}),
		chunks: make(chan readChunk, readBufs),
		bufs:   make(chan []byte, readBufs),
	}
	for range batches {
		p.free <- &lineBatch{
			raw: make([]byte, 0, 256<<10), split: make([]rawLine, 0, batchLines),
			lines: make([]decodedLine, 0, batchLines), bytes: make([]byte, 0, 64<<10),
			ready: make(chan struct{}, 1),
		}
	}
	for range readBufs {
		p.bufs <- make([]byte, readBuf)
	}
	p.done.Add(1 + decoders)
	go p.pump(r)
	go p.run()
	for range decoders {
		go p.decode(work())
	}
	return p
}

// stop ends the batcher and the decoders and waits for them. It does not
// wait for a Read in progress: that Read returns when its reader delivers
// or fails, in the background, and what it read is dropped; no Read starts
// after stop.
func (p *lineReader) stop() {
	p.readMu.Lock()
	p.stopped = true
	p.readMu.Unlock()
	p.once.Do(func() { close(p.quit) })
	p.done.Wait()
}

// next returns the next batch in input order once it is decoded, or nil at
// the end of the input or when ctx is done.
func (p *lineReader) next(ctx context.Context) *lineBatch {
	var b *lineBatch
	select {
	case x, ok := <-p.out:
		if !ok {
			return nil
		}
		b = x
	case <-ctx.Done():
		return nil
	}
	select {
	case <-b.ready:
		return b
	case <-ctx.Done():
		return nil
	}
}

// recycle returns a consumed batch.
func (p *lineReader) recycle(b *lineBatch) {
	clear(b.lines) // drop references for the GC
	clear(b.access)
	clear(b.results)
	b.results = b.results[:0]
	b.lines, b.bytes, b.access, b.count, b.err = b.lines[:0], b.bytes[:0], b.access[:0], 0, nil
	b.raw, b.split = b.raw[:0], b.split[:0]
	// A batch that held a very long line gives its buffers back.
	if cap(b.bytes) > 4*batchBytes {
		b.bytes = nil
	}
	if cap(b.raw) > 4*batchBytes {
		b.raw = nil
	}
	p.free <- b
}

// pump reads r into the chunks until an error (io.EOF included) or stop.
func (p *lineReader) pump(r io.Reader) {
	for {
		var buf []byte
		select {
		case buf = <-p.bufs:
		case <-p.quit:
			return
		}
		p.readMu.Lock()
		if p.stopped {
			p.readMu.Unlock()
			return
		}
		p.readMu.Unlock()
		n, err := r.Read(buf[:cap(buf)])
		if n == 0 && err == nil {
			p.bufs <- buf
			continue
		}
		select {
		case p.chunks <- readChunk{buf: buf[:n], err: err}:
		case <-p.quit:
			return
		}
		if err != nil {
			return
		}
	}
}

// run splits the chunks of the pump into batches of lines; each batch goes
// to the decoders and, in order, to the caller. A batch closes when it is
// full, at the end of the input, or when no input came for flushDelay.
func (p *lineReader) run() {
	defer p.done.Done()
	defer close(p.out)
	defer close(p.work)
	var b *lineBatch
	get := func() bool {
		select {
		case b = <-p.free:
			return true
		case <-p.quit:
			return false
		}
	}
	send := func() {
		// Neither send blocks: each channel holds every batch there is.
		p.work <- b
		p.out <- b
		b = nil
	}
	if !get() {
		return
	}
	timer := time.NewTimer(flushDelay)
	timer.Stop()
	var carry []byte // the start of a line that spans chunks
	carryLong := false
	line := 0
	add := func(l []byte) {
		line++
		b.count++
		if carryLong || len(l) > MaxLineBytes {
			b.split = append(b.split, rawLine{end: len(b.raw), line: line, tooLong: true})
		} else {
			b.raw = append(b.raw, l...)
			b.split = append(b.split, rawLine{end: len(b.raw), line: line})
		}
	}
	full := func() bool { return len(b.split) == batchLines || len(b.raw) > batchBytes }
	for {
		var c readChunk
		select {
		case c = <-p.chunks:
		case <-p.quit:
			return
		default:
			// No input ready: wait for it, but hand over what the batch
			// holds if none comes for flushDelay.
			waiting := len(b.split) > 0
			if waiting {
				timer.Reset(flushDelay)
			}
			select {
			case c = <-p.chunks:
				if waiting {
					timer.Stop() // no stale tick after Stop (Go 1.23 timers)
				}
			case <-timer.C:
				send()
				if !get() {
					return
				}
				continue
			case <-p.quit:
				return
			}
		}
		data := c.buf
		for len(data) > 0 {
			i := bytes.IndexByte(data, '\n')
			if i < 0 {
				if !carryLong && len(carry)+len(data) > MaxLineBytes {
					carryLong, carry = true, carry[:0]
				}
				if !carryLong {
					carry = append(carry, data...)
				}
				break
			}
			piece := data[:i+1]
			data = data[i+1:]
			if len(carry) > 0 || carryLong {
				if !carryLong && len(carry)+len(piece) > MaxLineBytes {
					carryLong = true
				}
				if !carryLong {
					carry = append(carry, piece...)
				}
				add(carry)
				carry, carryLong = carry[:0], false
			} else {
				add(piece)
			}
			if full() {
				send()
				if !get() {
					return
				}
			}
		}
		if c.buf != nil {
			p.bufs <- c.buf[:cap(c.buf)]
		}
		if c.err != nil {
			if len(carry) > 0 || carryLong {
				add(carry)
			}
			if c.err != io.EOF {
				b.err = c.err
			}
			send()
			return
		}
	}
}

// decode decodes batches with fn until the reader is done or the caller
// stops.
func (p *lineReader) decode(fn func(*lineBatch)) {
	defer p.done.Done()
	for {
		select {
		case b, ok := <-p.work:
			if !ok {
				return
			}
			fn(b)
			b.ready <- struct{}{}
		case <-p.quit:
			return
		}
	}
}

// typedWorker returns the batch function of a decoder goroutine of the
// typed-line format (ClassifyTypedStream).
func typedWorker() func(*lineBatch) {
	var in interner
	var rec lineRecord
	return func(b *lineBatch) {
		start := 0
		for _, l := range b.split {
			if l.tooLong {
				b.lines = append(b.lines, decodedLine{line: l.line, prob: filing.NewProblem(CodeStreamLineTooLong)})
				continue
			}
			decodeLine(b, &rec, &in, l.line, b.raw[start:l.end])
			start = l.end
		}
	}
}

// decodeLine decodes one line into the batch.
func decodeLine(b *lineBatch, rec *lineRecord, in *interner, n int, chunk []byte) {
	chunk = bytes.TrimRight(chunk, "\r\n")
	if len(bytes.TrimSpace(chunk)) == 0 {
		return
	}
	dl := decodedLine{line: n}
	if p := rec.decode(chunk, in); p != nil {
		dl.prob = p
		dl.isWebsite = string(rec.typ) == "website" || string(rec.typ) == "app"
	} else {
		dl.kind, dl.isWebsite = rec.kind, rec.kind == RecordWebsite || rec.kind == RecordApp
		dl.province, dl.status, dl.approvedAt = in.str(rec.province), rec.status, rec.approvedAt
		if rec.kind == RecordApp {
			dl.appKind, dl.host = filing.AppKind(in.str(rec.appKind)), filing.HostPlatform(in.str(rec.host))
		}
		if len(rec.access) > 0 {
			start := len(b.access)
			b.access = append(b.access, rec.access...)
			dl.access = b.access[start:len(b.access):len(b.access)]
		}
	}
	if len(rec.esc) == 0 {
		// No string of the line had escapes: number and subject point into
		// the line, which the batch keeps (capped so that nothing appends
		// over the next bytes).
		dl.number, dl.subject = capped(rec.number), capped(rec.subject)
	} else {
		dl.number, dl.subject = b.keep(rec.number), b.keep(rec.subject)
	}
	b.lines = append(b.lines, dl)
}
