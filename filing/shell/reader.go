package shell

import (
	"bufio"
	"bytes"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/beiankit/beian/filing"
)

// The reader side of ClassifyStream: a reader goroutine splits the input
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
	isWebsite  bool            // its "type" said "website" (also when bad)
	kind       RecordKind
	number     []byte
	subject    []byte
	province   string
	status     filing.Status
	approvedAt time.Time
	access     []filing.Access
}

type lineBatch struct {
	// Filled by the reader: the lines as read, back to back in raw.
	raw   []byte
	split []rawLine
	count int   // lines read, blank ones included
	err   error // read error after these lines

	// Filled by a decoder; ready receives a value when it is done.
	lines  []decodedLine
	bytes  []byte
	access []filing.Access
	ready  chan struct{}
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

type lineReader struct {
	out  chan *lineBatch // batches in input order, decoded or being decoded
	work chan *lineBatch // batches to decode
	free chan *lineBatch
	quit chan struct{}
	done sync.WaitGroup
	once sync.Once
}

func startLineReader(r io.Reader) *lineReader {
	decoders := min(max(runtime.GOMAXPROCS(0), 1), maxDecoders)
	batches := decoders + 3 // one being read, one being classified, the rest decoding or queued
	p := &lineReader{
		out:  make(chan *lineBatch, batches),
		work: make(chan *lineBatch, batches),
		free: make(chan *lineBatch, batches),
		quit: make(chan struct{}),
	}
	for range batches {
		p.free <- &lineBatch{
			raw: make([]byte, 0, 256<<10), split: make([]rawLine, 0, batchLines),
			lines: make([]decodedLine, 0, batchLines), bytes: make([]byte, 0, 64<<10),
			ready: make(chan struct{}, 1),
		}
	}
	p.done.Add(1 + decoders)
	go p.run(r)
	for range decoders {
		go p.decode()
	}
	return p
}

// stop ends the reader and the decoders and waits for them.
func (p *lineReader) stop() {
	p.once.Do(func() { close(p.quit) })
	p.done.Wait()
}

// next returns the next batch in input order once it is decoded, or nil at
// the end of the input.
func (p *lineReader) next() *lineBatch {
	b, ok := <-p.out
	if !ok {
		return nil
	}
	<-b.ready
	return b
}

// recycle returns a consumed batch.
func (p *lineReader) recycle(b *lineBatch) {
	clear(b.lines) // drop references for the GC
	clear(b.access)
	b.lines, b.bytes, b.access, b.count, b.err = b.lines[:0], b.bytes[:0], b.access[:0], 0, nil
	b.raw, b.split = b.raw[:0], b.split[:0]
	if cap(b.bytes) > 4*MaxLineBytes {
		b.bytes = nil
	}
	if cap(b.raw) > 4*MaxLineBytes {
		b.raw = nil
	}
	p.free <- b
}

// run splits the input into batches of lines; each batch goes to the
// decoders and, in order, to the caller.
func (p *lineReader) run(r io.Reader) {
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
	send := func() bool {
		// Neither send blocks: each channel holds every batch there is.
		p.work <- b
		p.out <- b
		b = nil
		return true
	}
	if !get() {
		return
	}
	br := bufio.NewReaderSize(r, 256<<10)
	var long []byte // a line longer than br's buffer, gathered
	inLong := false
	line := 0
	for {
		chunk, rerr := br.ReadSlice('\n')
		if rerr == bufio.ErrBufferFull {
			inLong = true
			if len(long) <= MaxLineBytes {
				long = append(long, chunk...)
			}
			continue
		}
		if inLong {
			if len(long) <= MaxLineBytes {
				long = append(long, chunk...)
			}
			chunk = long
		}
		if len(chunk) > 0 {
			line++
			b.count++
			if len(chunk) > MaxLineBytes {
				b.split = append(b.split, rawLine{end: len(b.raw), line: line, tooLong: true})
			} else {
				b.raw = append(b.raw, chunk...)
				b.split = append(b.split, rawLine{end: len(b.raw), line: line})
			}
		}
		inLong, long = false, long[:0]
		if rerr != nil && rerr != io.EOF {
			b.err = rerr
		}
		if rerr != nil || len(b.split) == batchLines || len(b.raw) > batchBytes {
			send()
			if rerr != nil {
				return
			}
			if !get() {
				return
			}
		}
	}
}

// decode decodes batches until the reader is done or the caller stops.
func (p *lineReader) decode() {
	defer p.done.Done()
	var in interner
	var rec lineRecord
	for {
		select {
		case b, ok := <-p.work:
			if !ok {
				return
			}
			start := 0
			for _, l := range b.split {
				if l.tooLong {
					b.lines = append(b.lines, decodedLine{line: l.line, prob: filing.NewProblem(CodeStreamLineTooLong)})
					continue
				}
				decodeLine(b, &rec, &in, l.line, b.raw[start:l.end])
				start = l.end
			}
			b.ready <- struct{}{}
		case <-p.quit:
			return
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
		dl.isWebsite = string(rec.typ) == "website"
	} else {
		dl.kind, dl.isWebsite = rec.kind, rec.kind == RecordWebsite
		dl.province, dl.status, dl.approvedAt = in.str(rec.province), rec.status, rec.approvedAt
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
