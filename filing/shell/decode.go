package shell

import (
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/jsonscan"
	"github.com/beiankit/beian/internal/rfc3339"
)

// A hand-written decoder for the JSONL records of ClassifyTypedStream. It reads
// the fields the shell classification needs straight from the line, without
// reflection, and checks the JSON syntax of everything else (RFC 8259:
// strings with escapes, numbers, nested values) with internal/jsonscan,
// whose faults and positions its stream.syntax problems report. Unlike
// encoding/json it rejects invalid UTF-8 in the fields it reads rather than
// replacing it. Instants are RFC 3339,
// parsed by a fast path for the canonical form with time.Parse as fallback,
// so the accepted forms are exactly time.RFC3339Nano's.

// lineRecord is one decoded line. Its byte slices point into the line or
// into esc and are valid until the next decode.
type lineRecord struct {
	kind       RecordKind
	typ        []byte
	number     []byte
	subject    []byte
	province   []byte
	status     filing.Status
	approvedAt time.Time
	access     []filing.Access
	appKind    []byte // "kind" of an app line
	host       []byte // "host" of an app line
	esc        []byte
}

// maxLevels bounds the nesting of a skipped value (the record's object
// aside: a member's value may hold 513 levels).
const maxLevels = jsonscan.MaxDepth + 1

type jsonDec struct {
	sc  jsonscan.Scanner
	rec *lineRecord
	in  *interner
}

func (d *jsonDec) syntax(what string) *filing.Problem {
	n := strconv.Itoa(d.sc.Pos + 1)
	return streamSyntax("第"+n+"个字节处有误", what+" at byte "+n)
}

// fault is the problem of the scanner's last fault.
func (d *jsonDec) fault() *filing.Problem { return d.syntax(d.sc.Fault.String()) }

// streamSyntax is a stream.syntax problem with its detail in each language.
func streamSyntax(zh, en string) *filing.Problem {
	return &filing.Problem{Code: CodeStreamSyntax, Rule: CodeStreamSyntax.Rule(),
		Zh: fmt.Sprintf(CodeStreamSyntax.MessageZh(), zh), En: fmt.Sprintf(CodeStreamSyntax.MessageEn(), en)}
}

// badUTF8 is the problem of a string that is not valid UTF-8.
func badUTF8() *filing.Problem {
	return streamSyntax("含有无效的UTF-8编码", "invalid UTF-8 in a string")
}

// decode fills r from line b and returns the first problem, or nil.
func (r *lineRecord) decode(b []byte, in *interner) *filing.Problem {
	r.kind, r.typ, r.number, r.subject, r.province, r.appKind, r.host = 0, nil, nil, nil, nil, nil, nil
	r.status, r.approvedAt = "", time.Time{}
	r.access, r.esc = r.access[:0], r.esc[:0]
	d := jsonDec{sc: jsonscan.Scanner{Data: b}, rec: r, in: in}
	if !d.sc.Consume('{') {
		return d.syntax("expected '{'")
	}
	if p := d.object(d.topField); p != nil {
		return p
	}
	if !d.sc.AtEnd() {
		return d.syntax("unexpected data after the record")
	}
	switch string(r.typ) {
	case "subject":
		r.kind = RecordSubject
	case "website":
		r.kind = RecordWebsite
	case "app":
		r.kind = RecordApp
	default:
		return filing.NewProblem(CodeStreamUnknownType, string(r.typ)).WithPath("type", "记录类型")
	}
	for _, s := range [][]byte{r.number, r.subject, r.province, r.appKind, r.host} {
		if !utf8.Valid(s) {
			return badUTF8()
		}
	}
	return nil
}

// object reads the members of an object whose '{' was consumed, handing
// each key to field with the scanner at the value.
func (d *jsonDec) object(field func(key []byte) *filing.Problem) *filing.Problem {
	sc := &d.sc
	if sc.Consume('}') {
		return nil
	}
	for {
		start, end, flags, ok := sc.Member()
		if !ok {
			return d.fault()
		}
		if p := field(d.text(start, end, flags)); p != nil {
			return p
		}
		more, ok := sc.More('}')
		if !ok {
			return d.fault()
		}
		if !more {
			return nil
		}
	}
}

func (d *jsonDec) topField(key []byte) *filing.Problem {
	r := d.rec
	switch string(key) {
	case "type":
		return d.strField(&r.typ)
	case "number":
		return d.strField(&r.number)
	case "subject":
		return d.strField(&r.subject)
	case "province":
		return d.strField(&r.province)
	case "kind":
		return d.strField(&r.appKind)
	case "host":
		return d.strField(&r.host)
	case "status":
		var s []byte
		if p := d.strField(&s); p != nil {
			return p
		}
		r.status = statusOf(s)
		return nil
	case "approved_at":
		return d.timeField(&r.approvedAt, -1, "approved_at")
	case "access":
		return d.accessList()
	}
	return d.skip()
}

// statusOf maps status bytes to a Status without allocating for the known
// ones.
func statusOf(b []byte) filing.Status {
	switch string(b) {
	case "":
		return ""
	case string(filing.StatusDraft):
		return filing.StatusDraft
	case string(filing.StatusISPVerifying):
		return filing.StatusISPVerifying
	case string(filing.StatusBureauReview):
		return filing.StatusBureauReview
	case string(filing.StatusApproved):
		return filing.StatusApproved
	case string(filing.StatusReturnedToUser):
		return filing.StatusReturnedToUser
	case string(filing.StatusReturnedToISP):
		return filing.StatusReturnedToISP
	case string(filing.StatusAccessCancelled):
		return filing.StatusAccessCancelled
	case string(filing.StatusCancelled):
		return filing.StatusCancelled
	case string(filing.StatusDeleted):
		return filing.StatusDeleted
	}
	return filing.Status(b)
}

// strField reads a string or null into *dst.
func (d *jsonDec) strField(dst *[]byte) *filing.Problem {
	if d.sc.Null() {
		*dst = nil
		return nil
	}
	start, end, flags, ok := d.sc.Str()
	if !ok {
		return d.syntax("expected a string")
	}
	*dst = d.text(start, end, flags)
	return nil
}

// text returns the value of the string Data[start:end] that Str read: the
// bytes of the line, or for a string with escapes its value in rec.esc
// (invalid UTF-8 kept, for the caller to reject).
func (d *jsonDec) text(start, end, flags int) []byte {
	if flags&jsonscan.Escaped == 0 {
		return d.sc.Data[start:end:end]
	}
	return d.unescape(start, end)
}

func (d *jsonDec) unescape(start, end int) []byte {
	r := d.rec
	from := len(r.esc)
	r.esc = jsonscan.Unescape(r.esc, d.sc.Data[start:end])
	return r.esc[from:len(r.esc):len(r.esc)]
}

// timeField reads an instant or null into *dst; n is the access index of
// the field (-1 for a top-level field), used only for the error's path.
func (d *jsonDec) timeField(dst *time.Time, n int, field string) *filing.Problem {
	var s []byte
	if p := d.strField(&s); p != nil {
		return p
	}
	if s == nil { // null
		*dst = time.Time{}
		return nil
	}
	t, ok := parseInstant(s)
	if !ok {
		path := field
		if n >= 0 {
			path = "access[" + strconv.Itoa(n) + "]." + field
		}
		return filing.NewProblem(CodeStreamBadTime, string(s)).WithPath(path, "")
	}
	*dst = t
	return nil
}

func (d *jsonDec) accessList() *filing.Problem {
	r := d.rec
	sc := &d.sc
	r.access = r.access[:0]
	if sc.Null() {
		return nil
	}
	if sc.Peek() != '[' {
		return d.syntax("expected '[' for access")
	}
	sc.Pos++
	if sc.Consume(']') {
		return nil
	}
	for {
		sc.SkipSpace()
		n := len(r.access)
		r.access = append(r.access, filing.Access{})
		// A null element is an access record without data: it has no
		// start, which the classification reports.
		if !sc.Null() {
			if sc.Peek() != '{' {
				return d.syntax("expected an access object")
			}
			sc.Pos++
			if p := d.object(func(key []byte) *filing.Problem { return d.accessField(n, key) }); p != nil {
				return p
			}
		}
		more, ok := sc.More(']')
		if !ok {
			if sc.Fault == jsonscan.FaultArrayEnd {
				return d.syntax("unterminated access list")
			}
			return d.fault()
		}
		if !more {
			return nil
		}
	}
}

func (d *jsonDec) accessField(n int, key []byte) *filing.Problem {
	a := &d.rec.access[n]
	switch string(key) {
	case "isp":
		return d.internedField(&a.ISP)
	case "isp_province":
		return d.internedField(&a.ISPProvince)
	case "since":
		return d.timeField(&a.Since, n, "since")
	case "until":
		return d.timeField(&a.Until, n, "until")
	}
	return d.skip()
}

// internedField reads a string or null, which must be valid UTF-8, into
// *dst as an interned string.
func (d *jsonDec) internedField(dst *string) *filing.Problem {
	var s []byte
	if p := d.strField(&s); p != nil {
		return p
	}
	if !utf8.Valid(s) {
		return badUTF8()
	}
	*dst = d.in.str(s)
	return nil
}

// skip checks and skips one JSON value.
func (d *jsonDec) skip() *filing.Problem {
	if !d.sc.SkipValueLevels(maxLevels) {
		return d.fault()
	}
	return nil
}

// parseInstant parses an RFC 3339 instant as time.Parse(time.RFC3339Nano)
// does, into China Standard Time (the canonical form without allocating).
func parseInstant(s []byte) (time.Time, bool) { return rfc3339.Parse(s) }
