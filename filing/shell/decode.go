package shell

import (
	"fmt"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

// A hand-written decoder for the JSONL records of ClassifyStream. It reads
// the fields the shell classification needs straight from the line, without
// reflection, and checks the JSON syntax of everything else (RFC 8259:
// strings with escapes, numbers, nested values). Instants are RFC 3339,
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

// maxDepth bounds the nesting of skipped values.
const maxDepth = 512

type jsonDec struct {
	b   []byte
	i   int
	rec *lineRecord
	in  *interner
}

func (d *jsonDec) ws() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *jsonDec) syntax(what string) *filing.Problem {
	n := strconv.Itoa(d.i + 1)
	return streamSyntax("第"+n+"个字节处有误", what+" at byte "+n)
}

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
	d := jsonDec{b: b, rec: r, in: in}
	d.ws()
	if d.i >= len(b) || b[d.i] != '{' {
		return d.syntax("expected '{'")
	}
	d.i++
	if p := d.object(d.topField); p != nil {
		return p
	}
	d.ws()
	if d.i != len(b) {
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
// each key to field with d.i at the value.
func (d *jsonDec) object(field func(key []byte) *filing.Problem) *filing.Problem {
	d.ws()
	if d.i < len(d.b) && d.b[d.i] == '}' {
		d.i++
		return nil
	}
	for {
		d.ws()
		key, ok := d.str()
		if !ok {
			return d.syntax("expected a string key")
		}
		d.ws()
		if d.i >= len(d.b) || d.b[d.i] != ':' {
			return d.syntax("expected ':'")
		}
		d.i++
		d.ws()
		if p := field(key); p != nil {
			return p
		}
		d.ws()
		if d.i >= len(d.b) {
			return d.syntax("unterminated object")
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			return nil
		default:
			return d.syntax("expected ',' or '}'")
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
	return d.skip(0)
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
	if d.null() {
		*dst = nil
		return nil
	}
	s, ok := d.str()
	if !ok {
		return d.syntax("expected a string")
	}
	*dst = s
	return nil
}

// null consumes a JSON null.
func (d *jsonDec) null() bool {
	if d.i+4 <= len(d.b) && string(d.b[d.i:d.i+4]) == "null" {
		d.i += 4
		return true
	}
	return false
}

// timeField reads an instant or null into *dst; n is the access index of
// the field (-1 for a top-level field), used only for the error's path.
func (d *jsonDec) timeField(dst *time.Time, n int, field string) *filing.Problem {
	if d.null() {
		*dst = time.Time{}
		return nil
	}
	s, ok := d.str()
	if !ok {
		return d.syntax("expected a string")
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
	r.access = r.access[:0]
	if d.null() {
		return nil
	}
	if d.i >= len(d.b) || d.b[d.i] != '[' {
		return d.syntax("expected '[' for access")
	}
	d.i++
	d.ws()
	if d.i < len(d.b) && d.b[d.i] == ']' {
		d.i++
		return nil
	}
	for {
		d.ws()
		n := len(r.access)
		r.access = append(r.access, filing.Access{})
		if d.null() {
			// A null element is an access record without data: it has no
			// start, which the classification reports.
		} else {
			if d.i >= len(d.b) || d.b[d.i] != '{' {
				return d.syntax("expected an access object")
			}
			d.i++
			if p := d.object(func(key []byte) *filing.Problem { return d.accessField(n, key) }); p != nil {
				return p
			}
		}
		d.ws()
		if d.i >= len(d.b) {
			return d.syntax("unterminated access list")
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			return nil
		default:
			return d.syntax("expected ',' or ']'")
		}
	}
}

func (d *jsonDec) accessField(n int, key []byte) *filing.Problem {
	a := &d.rec.access[n]
	var s []byte
	switch string(key) {
	case "isp":
		if p := d.strField(&s); p != nil {
			return p
		}
		if !utf8.Valid(s) {
			return badUTF8()
		}
		a.ISP = d.in.str(s)
		return nil
	case "isp_province":
		if p := d.strField(&s); p != nil {
			return p
		}
		if !utf8.Valid(s) {
			return badUTF8()
		}
		a.ISPProvince = d.in.str(s)
		return nil
	case "since":
		return d.timeField(&a.Since, n, "since")
	case "until":
		return d.timeField(&a.Until, n, "until")
	}
	return d.skip(0)
}

// str reads a JSON string at d.i and returns its unescaped bytes.
func (d *jsonDec) str() ([]byte, bool) {
	b := d.b
	if d.i >= len(b) || b[d.i] != '"' {
		return nil, false
	}
	start := d.i + 1
	for j := start; j < len(b); j++ {
		switch c := b[j]; {
		case c == '"':
			d.i = j + 1
			return b[start:j], true
		case c == '\\':
			return d.strEscaped(start)
		case c < 0x20:
			return nil, false
		}
	}
	return nil, false
}

// strEscaped decodes a string with escapes into rec.esc.
func (d *jsonDec) strEscaped(start int) ([]byte, bool) {
	r := d.rec
	b := d.b
	from := len(r.esc)
	j := start
	for j < len(b) {
		c := b[j]
		switch {
		case c == '"':
			d.i = j + 1
			return r.esc[from:len(r.esc):len(r.esc)], true
		case c < 0x20:
			return nil, false
		case c != '\\':
			r.esc = append(r.esc, c)
			j++
			continue
		}
		if j+1 >= len(b) {
			return nil, false
		}
		switch e := b[j+1]; e {
		case '"', '\\', '/':
			r.esc = append(r.esc, e)
		case 'b':
			r.esc = append(r.esc, '\b')
		case 'f':
			r.esc = append(r.esc, '\f')
		case 'n':
			r.esc = append(r.esc, '\n')
		case 'r':
			r.esc = append(r.esc, '\r')
		case 't':
			r.esc = append(r.esc, '\t')
		case 'u':
			u, ok := hex4(b, j+2)
			if !ok {
				return nil, false
			}
			j += 6
			ch := rune(u)
			if utf16.IsSurrogate(ch) {
				ch = utf8.RuneError
				if j+1 < len(b) && b[j] == '\\' && b[j+1] == 'u' {
					if u2, ok := hex4(b, j+2); ok {
						if dec := utf16.DecodeRune(rune(u), rune(u2)); dec != utf8.RuneError {
							ch = dec
							j += 6
						}
					}
				}
			}
			r.esc = utf8.AppendRune(r.esc, ch)
			continue
		default:
			return nil, false
		}
		j += 2
	}
	return nil, false
}

func hex4(b []byte, i int) (uint16, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var v uint16
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		v = v<<4 | uint16(c)
	}
	return v, true
}

// skip checks and skips one JSON value.
func (d *jsonDec) skip(depth int) *filing.Problem {
	if depth > maxDepth {
		return d.syntax("nesting too deep")
	}
	b := d.b
	if d.i >= len(b) {
		return d.syntax("expected a value")
	}
	switch c := b[d.i]; {
	case c == '"':
		if _, ok := d.skipStr(); !ok {
			return d.syntax("invalid string")
		}
		return nil
	case c == '{':
		d.i++
		return d.object(func([]byte) *filing.Problem { return d.skip(depth + 1) })
	case c == '[':
		d.i++
		d.ws()
		if d.i < len(b) && b[d.i] == ']' {
			d.i++
			return nil
		}
		for {
			d.ws()
			if p := d.skip(depth + 1); p != nil {
				return p
			}
			d.ws()
			if d.i >= len(b) {
				return d.syntax("unterminated array")
			}
			switch b[d.i] {
			case ',':
				d.i++
			case ']':
				d.i++
				return nil
			default:
				return d.syntax("expected ',' or ']'")
			}
		}
	case c == 't':
		return d.lit("true")
	case c == 'f':
		return d.lit("false")
	case c == 'n':
		return d.lit("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	}
	return d.syntax("expected a value")
}

// skipStr skips a string without decoding it (escapes are checked).
func (d *jsonDec) skipStr() (int, bool) {
	b := d.b
	j := d.i + 1
	for j < len(b) {
		c := b[j]
		switch {
		case c == '"':
			d.i = j + 1
			return j, true
		case c < 0x20:
			return 0, false
		case c == '\\':
			if j+1 >= len(b) {
				return 0, false
			}
			switch b[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				if _, ok := hex4(b, j+2); !ok {
					return 0, false
				}
				j += 6
			default:
				return 0, false
			}
			continue
		}
		j++
	}
	return 0, false
}

func (d *jsonDec) lit(s string) *filing.Problem {
	if d.i+len(s) <= len(d.b) && string(d.b[d.i:d.i+len(s)]) == s {
		d.i += len(s)
		return nil
	}
	return d.syntax("invalid literal")
}

// number skips a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *jsonDec) number() *filing.Problem {
	b := d.b
	j := d.i
	if j < len(b) && b[j] == '-' {
		j++
	}
	digits := func() int {
		k := j
		for j < len(b) && b[j] >= '0' && b[j] <= '9' {
			j++
		}
		return j - k
	}
	switch {
	case j < len(b) && b[j] == '0':
		j++
	case digits() == 0:
		return d.syntax("invalid number")
	}
	if j < len(b) && b[j] == '.' {
		j++
		if digits() == 0 {
			return d.syntax("invalid number")
		}
	}
	if j < len(b) && (b[j] == 'e' || b[j] == 'E') {
		j++
		if j < len(b) && (b[j] == '+' || b[j] == '-') {
			j++
		}
		if digits() == 0 {
			return d.syntax("invalid number")
		}
	}
	d.i = j
	return nil
}

// parseInstant parses an RFC 3339 instant: the canonical form
// "2006-01-02T15:04:05[.999999999](Z|±07:00)" by hand, anything else by
// time.Parse(time.RFC3339Nano), so the accepted forms are the standard
// library's. The result is in China Standard Time.
func parseInstant(s []byte) (time.Time, bool) {
	if t, ok := fastInstant(s); ok {
		return t, true
	}
	t, err := time.Parse(time.RFC3339Nano, string(s))
	if err != nil {
		return time.Time{}, false
	}
	return t.In(calendar.Location()), true
}

func fastInstant(s []byte) (time.Time, bool) {
	if len(s) < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	num := func(i, n int) (int, bool) {
		v := 0
		for _, c := range s[i : i+n] {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := num(0, 4)
	mo, ok2 := num(5, 2)
	dd, ok3 := num(8, 2)
	hh, ok4 := num(11, 2)
	mi, ok5 := num(14, 2)
	ss, ok6 := num(17, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || y < 1 || mo < 1 || mo > 12 || dd < 1 ||
		dd > daysInMonth(y, mo) || hh > 23 || mi > 59 || ss > 59 {
		return time.Time{}, false
	}
	i := 19
	nsec := 0
	if s[i] == '.' {
		i++
		k := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if i-k < 9 {
				nsec = nsec*10 + int(s[i]-'0')
			}
			i++
		}
		n := i - k
		if n == 0 || n > 9 {
			return time.Time{}, false
		}
		for ; n < 9; n++ {
			nsec *= 10
		}
	}
	off := 0
	switch rest := s[i:]; {
	case len(rest) == 1 && rest[0] == 'Z':
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		oh, ok1 := num(i+1, 2)
		om, ok2 := num(i+4, 2)
		if !ok1 || !ok2 || oh > 23 || om > 59 {
			return time.Time{}, false
		}
		off = oh*3600 + om*60
		if rest[0] == '-' {
			off = -off
		}
	default:
		return time.Time{}, false
	}
	unix := civilDays(y, mo, dd)*86400 + int64(hh*3600+mi*60+ss-off)
	return time.Unix(unix, int64(nsec)).In(calendar.Location()), true
}

// civilDays returns the days from 1970-01-01 to y-m-d (proleptic Gregorian,
// y ≥ 1), after H. Hinnant's days_from_civil.
func civilDays(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400 // y ≥ 0 here
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

func daysInMonth(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
