package conflict

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"iter"
	"runtime"
	"sync"

	"github.com/beiankit/beian/filing/record"
)

// loadBatch is the number of records normalised together and linked under
// one hold of the write lock during a bulk load.
const loadBatch = 256

// maxLine caps one JSONL line (one subject with its services), as
// record.Decode does.
const maxLine = record.MaxLineBytes

// Load adds records in bulk, in order (a later record for the same subject
// replaces an earlier one, as with Put). Normalisation runs on all cores;
// linking runs under the write lock one batch of records at a time, so
// readers keep working during a load and see whole records only.
//
// Load stops at the first bad record and returns the number of records
// applied before it and an error wrapping ErrBadRecord with Line set to the
// 1-based ordinal of the record in seq; an error yielded by seq itself is
// returned as is when it is an *Error, else wrapped in ErrBadInput. The
// records before the bad one stay loaded.
func (ix *Index) Load(seq iter.Seq2[Record, error]) (int, error) {
	return ix.load(func(yield func(input) bool) {
		pos := 0
		for r, err := range seq {
			pos++
			if !yield(input{pos: pos, rec: r, err: err}) {
				return
			}
		}
	})
}

// LoadSlice adds records in bulk, like Load.
func (ix *Index) LoadSlice(records []Record) (int, error) {
	return ix.load(func(yield func(input) bool) {
		for i := range records {
			if !yield(input{pos: i + 1, rec: records[i]}) {
				return
			}
		}
	})
}

// LoadJSONL adds records in bulk from JSON Lines: the one export of package
// record, one Record per line (blank lines are skipped). Each line decodes
// as record.LineDecoder decodes it: as json.Unmarshal would, through a
// decoder without reflection for the shape of the export.
// Decoding runs on all cores. Errors carry the 1-based line number in
// Line: ErrBadInput for a line that does not decode (Err is
// json.Unmarshal's error), ErrBadRecord for a record that fails its checks.
// It returns the number of records applied.
func (ix *Index) LoadJSONL(r io.Reader) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	var scanErr error
	n, err := ix.load(func(yield func(input) bool) {
		line := 0
		for sc.Scan() {
			line++
			b := bytes.TrimSpace(sc.Bytes())
			if len(b) == 0 {
				continue
			}
			// The batch copies the line (the scanner reuses its buffer).
			if !yield(input{pos: line, line: b}) {
				return
			}
		}
		if err := sc.Err(); err != nil {
			scanErr = newError(ErrBadInput, line+1, err)
		}
	})
	if err == nil {
		err = scanErr
	}
	return n, err
}

// JSONL returns the records of a JSON Lines stream as an iterator (for
// callers that filter or transform records before Load): the one export
// read by record.Decode, lines decoding as in LoadJSONL. The strings of a
// record share the memory of its line (one allocation per line), its
// slices are its own. A line that does not decode yields an error
// (ErrBadInput, Line set, Err the decoder's cause) and ends the sequence.
func JSONL(r io.Reader) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		for rec, err := range record.Decode(r) {
			if err != nil {
				var de *record.DecodeError
				var re *record.ReadError
				switch {
				case errors.As(err, &de):
					err = badInput(de.Line, de.Err)
				case errors.As(err, &re):
					err = badInput(re.Line, re.Err)
				}
				yield(Record{}, err)
				return
			}
			if !yield(rec, nil) {
				return
			}
		}
	}
}

func badInput(line int, err error) *Error {
	return newError(ErrBadInput, line, err)
}

// input is one record as the producer hands it to the pipeline.
type input struct {
	pos  int
	line []byte // JSON to decode (in the batch's buf once added), or nil
	rec  Record
	err  error
}

// item is one record on its way into the index.
type item struct {
	input
	p    prepared
	drop bool
}

// batch is loadBatch records, prepared together by one worker and linked
// together. Batches are recycled (batchPool): the items and the slices of
// their prepared records are reused, so that a load of millions of records
// does not allocate (and clear, and collect) a batch and its records for
// every 256 of them.
type batch struct {
	items []item
	// buf holds the JSON lines of the items, one after the other (one
	// buffer per batch, reused, instead of a copy of every line).
	buf  []byte
	done chan struct{}
}

// add appends in as the next item, with a copy of its line in buf. The
// item keeps its prepared record from the batch's earlier use, for
// prepareInto to reuse.
func (b *batch) add(in *input) {
	n := len(b.items)
	if n == cap(b.items) {
		b.items = append(b.items, item{})
	} else {
		b.items = b.items[:n+1]
	}
	it := &b.items[n]
	it.input, it.drop = *in, false
	if in.line != nil {
		// When append moves buf, the lines already added keep the old
		// array, which nothing writes to any more.
		start := len(b.buf)
		b.buf = append(b.buf, in.line...)
		it.line = b.buf[start:len(b.buf):len(b.buf)]
	}
}

// batchPool holds the batches that the linker is done with.
type batchPool chan *batch

func (bp batchPool) get() *batch {
	select {
	case b := <-bp:
		b.items, b.buf = b.items[:0], b.buf[:0]
		b.done = make(chan struct{})
		return b
	default:
		return &batch{items: make([]item, 0, loadBatch), done: make(chan struct{})}
	}
}

func (bp batchPool) put(b *batch) {
	select {
	case bp <- b:
	default: // full: let the collector have it
	}
}

// load runs the bulk-load pipeline: a producer cuts the input into batches,
// workers decode and prepare them in parallel, and this goroutine links
// them in input order.
func (ix *Index) load(produce func(yield func(input) bool)) (applied int, err error) {
	workers := max(runtime.GOMAXPROCS(0), 1)
	work := make(chan *batch, workers*2)
	order := make(chan *batch, workers*4)
	// Room for every batch that can be in flight: those in order, the one
	// being linked and the one being filled.
	pool := make(batchPool, cap(order)+4)
	stop := make(chan struct{})
	var stopOnce sync.Once
	halt := func() { stopOnce.Do(func() { close(stop) }) }

	go func() {
		defer close(work)
		defer close(order)
		b := pool.get()
		send := func() bool {
			select {
			case order <- b:
			case <-stop:
				return false
			}
			select {
			case work <- b:
			case <-stop:
				return false
			}
			b = pool.get()
			return true
		}
		produce(func(in input) bool {
			b.add(&in)
			if len(b.items) == loadBatch {
				return send()
			}
			return true
		})
		if len(b.items) > 0 {
			send()
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// One decoder per worker: a decoded record's slices are the
			// decoder's, reused for the next line once the record is
			// prepared (prepareInto keeps none of them).
			dec := record.LineDecoder{Reuse: true}
			var decoded Record
			for b := range work {
				for i := range b.items {
					it := &b.items[i]
					if it.err != nil {
						continue
					}
					r := &it.rec
					if it.line != nil {
						if e := dec.Decode(it.line, &decoded); e != nil {
							it.err = badInput(it.pos, e)
							continue
						}
						r, it.line = &decoded, nil
					}
					var e error
					it.drop, e = prepareInto(&it.p, r, ix.seed)
					if e != nil {
						it.err = newError(ErrBadRecord, it.pos, e)
					}
					it.rec = Record{}
				}
				close(b.done)
			}
		}()
	}
	defer func() {
		halt()
		for b := range order { // let the producer finish
			_ = b
		}
		wg.Wait()
		ix.mu.Lock()
		ix.trim()
		ix.mu.Unlock()
	}()
	for b := range order {
		<-b.done
		ix.mu.Lock()
		// The slots the batch's records will be linked at are loaded
		// first, all together: at national scale each misses the CPU
		// caches, and linked one record after another they would
		// miss one after another.
		for i := range b.items {
			if it := &b.items[i]; it.err == nil && !it.drop {
				ix.sink += ix.touchPrepared(&it.p)
			}
		}
		for i := range b.items {
			it := &b.items[i]
			if it.err != nil {
				ix.mu.Unlock()
				var e *Error
				if errors.As(it.err, &e) {
					return applied, it.err
				}
				return applied, badInput(it.pos, it.err)
			}
			if e := ix.apply(&it.p, it.drop); e != nil {
				ix.mu.Unlock()
				if ce, ok := e.(*Error); ok {
					ce.Line = it.pos
				}
				return applied, e
			}
			applied++
		}
		ix.mu.Unlock()
		pool.put(b)
	}
	return applied, nil
}
