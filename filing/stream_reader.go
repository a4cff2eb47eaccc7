package filing

import (
	"bufio"
	"bytes"
	"io"
	"sync"
	"time"
)

// The reader side of ClassifyStream: it splits the input into lines,
// decodes them (stream_decode.go) and hands them over in batches whose
// memory it owns, so that decoding runs in parallel with the
// classification. Batches are recycled: memory stays bounded by a few
// batches whatever the stream's length.

const (
	batchLines = 2048 // lines per batch
	batchCount = 4    // batches in flight
)

// decodedLine is one decoded line; its byte slices point into its batch.
type decodedLine struct {
	line       int
	prob       *Problem // why the line is a bad record, or nil
	isWebsite  bool     // its "type" said "website" (also when bad)
	kind       RecordKind
	number     []byte
	subject    []byte
	province   string
	status     Status
	approvedAt time.Time
	access     []Access
}

type lineBatch struct {
	lines  []decodedLine
	bytes  []byte
	access []Access
	count  int   // lines read, blank ones included
	err    error // read error after these lines
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
	out  chan *lineBatch
	free chan *lineBatch
	quit chan struct{}
	done sync.WaitGroup
	once sync.Once
}

func startLineReader(r io.Reader) *lineReader {
	p := &lineReader{
		out:  make(chan *lineBatch, batchCount),
		free: make(chan *lineBatch, batchCount),
		quit: make(chan struct{}),
	}
	for range batchCount {
		p.free <- &lineBatch{lines: make([]decodedLine, 0, batchLines), bytes: make([]byte, 0, 64<<10)}
	}
	p.done.Add(1)
	go p.run(r)
	return p
}

// stop ends the reader and waits for it.
func (p *lineReader) stop() {
	p.once.Do(func() { close(p.quit) })
	p.done.Wait()
}

// recycle returns a consumed batch.
func (p *lineReader) recycle(b *lineBatch) {
	clear(b.lines) // drop references for the GC
	clear(b.access)
	b.lines, b.bytes, b.access, b.count, b.err = b.lines[:0], b.bytes[:0], b.access[:0], 0, nil
	if cap(b.bytes) > 4*MaxLineBytes {
		b.bytes = nil
	}
	p.free <- b
}

func (p *lineReader) run(r io.Reader) {
	defer p.done.Done()
	defer close(p.out)
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
		select {
		case p.out <- b:
			b = nil
			return true
		case <-p.quit:
			return false
		}
	}
	if !get() {
		return
	}
	var in interner
	var rec lineRecord
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
			decodeLine(b, &rec, &in, line, chunk)
		}
		inLong, long = false, long[:0]
		if rerr != nil && rerr != io.EOF {
			b.err = rerr
		}
		if rerr != nil || len(b.lines) == batchLines || len(b.bytes) > 1<<20 {
			if !send() {
				return
			}
			if rerr != nil {
				return
			}
			if !get() {
				return
			}
		}
	}
}

// decodeLine decodes one line into the batch.
func decodeLine(b *lineBatch, rec *lineRecord, in *interner, n int, chunk []byte) {
	if len(chunk) > MaxLineBytes {
		b.lines = append(b.lines, decodedLine{line: n, prob: newProblem(CodeStreamLineTooLong)})
		return
	}
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
	dl.number, dl.subject = b.keep(rec.number), b.keep(rec.subject)
	b.lines = append(b.lines, dl)
}
