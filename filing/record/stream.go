package record

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"iter"
)

// MaxLineBytes is the longest line of the export a Decoder reads (one
// subject with all its services); a longer line is a *ReadError wrapping
// bufio.ErrTooLong, and ends the stream.
const MaxLineBytes = 16 << 20

// Decoder reads the export from a reader, one Record per line.
type Decoder struct {
	sc   *bufio.Scanner
	dec  LineDecoder
	line int
	err  error
}

// NewDecoder returns a Decoder reading r. Each Record it returns owns its
// slices; its strings share one allocation per line.
func NewDecoder(r io.Reader) *Decoder {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	return &Decoder{sc: sc}
}

// Decode reads the next record into *rec. At the end of the input it
// returns io.EOF. A line that does not decode is a *DecodeError; the
// decoder goes on with the next line on the next call. A read error of the
// reader (or a line longer than MaxLineBytes) is a *ReadError at the line
// after the last one read, and every later call returns it again.
func (d *Decoder) Decode(rec *Record) error {
	if d.err != nil {
		return d.err
	}
	for d.sc.Scan() {
		d.line++
		b := bytes.TrimSpace(d.sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if err := d.dec.Decode(b, rec); err != nil {
			*rec = Record{}
			return &DecodeError{Line: d.line, Err: err}
		}
		return nil
	}
	if err := d.sc.Err(); err != nil {
		d.err = &ReadError{Line: d.line + 1, Err: err}
	} else {
		d.err = io.EOF
	}
	return d.err
}

// Line returns the 1-based line number of the record Decode returned last.
func (d *Decoder) Line() int { return d.line }

// Decode returns the records of the export read from r as an iterator. A
// line that does not decode yields a *DecodeError and the iteration goes
// on (the caller may stop it); a read error yields a *ReadError and ends
// it.
func Decode(r io.Reader) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		d := NewDecoder(r)
		for {
			var rec Record
			err := d.Decode(&rec)
			if err == io.EOF {
				return
			}
			if !yield(rec, err) {
				return
			}
			if err != nil && d.err != nil {
				return
			}
		}
	}
}

// Encoder writes the export: one Record per line, in the JSON shape of
// Record (encoding/json: the certificate number in clear, as the export
// needs; instants in RFC 3339 with their offset).
type Encoder struct {
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
}

// NewEncoder returns an Encoder writing to w, one Write per record.
func NewEncoder(w io.Writer) *Encoder {
	e := &Encoder{w: w}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	return e
}

// Encode writes one record as one line.
func (e *Encoder) Encode(r Record) error {
	e.buf.Reset()
	if err := e.enc.Encode(r); err != nil {
		return err
	}
	_, err := e.w.Write(e.buf.Bytes())
	return err
}

// Write writes records to w as the export, one per line, and stops at the
// first error.
func Write(w io.Writer, records iter.Seq[Record]) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	e := NewEncoder(bw)
	for r := range records {
		if err := e.Encode(r); err != nil {
			return err
		}
	}
	return bw.Flush()
}
