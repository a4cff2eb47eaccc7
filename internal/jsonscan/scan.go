package jsonscan

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDepth bounds the nesting of the values SkipValue skips (encoding/json
// allows 10 000 levels).
const MaxDepth = 512

// Scanner reads JSON from Data at Pos. Every method that reads a value
// expects Pos at its first byte (call SkipSpace first) and leaves Pos after
// it. On failure the input is to be rejected (or handed to a slower
// decoder): SkipValue, Member and More then leave Pos at the offending byte
// (len(Data) at the end of the input) and say in Fault what was wrong;
// Str, Number and Null leave Pos where it was (Consume and AtEnd after the
// white space they skip).
type Scanner struct {
	Data  []byte
	Pos   int
	Fault Fault // why the last SkipValue, Member or More failed
}

// A Fault is the syntax error that stopped a Scanner. Its String is the
// English description.
type Fault uint8

// Faults of SkipValue, Member and More.
const (
	FaultNone       Fault = iota
	FaultValue            // no value here
	FaultString           // a string with a control character, a bad escape or no end
	FaultLiteral          // neither true, false nor null
	FaultNumber           // not a number
	FaultDepth            // nested deeper than allowed
	FaultKey              // an object member without a string key
	FaultColon            // a key without ':'
	FaultObjectNext       // neither ',' nor '}' after a member
	FaultObjectEnd        // the input ends inside an object
	FaultArrayNext        // neither ',' nor ']' after an element
	FaultArrayEnd         // the input ends inside an array
)

var faultText = [...]string{
	FaultNone:       "no fault",
	FaultValue:      "expected a value",
	FaultString:     "invalid string",
	FaultLiteral:    "invalid literal",
	FaultNumber:     "invalid number",
	FaultDepth:      "nesting too deep",
	FaultKey:        "expected a string key",
	FaultColon:      "expected ':'",
	FaultObjectNext: "expected ',' or '}'",
	FaultObjectEnd:  "unterminated object",
	FaultArrayNext:  "expected ',' or ']'",
	FaultArrayEnd:   "unterminated array",
}

// String returns the English description, e.g. "expected ':'".
func (f Fault) String() string {
	if int(f) < len(faultText) {
		return faultText[f]
	}
	return "unknown fault"
}

// Reset starts reading b from its first byte.
func (s *Scanner) Reset(b []byte) { s.Data, s.Pos, s.Fault = b, 0, FaultNone }

// SkipSpace skips JSON white space (space, tab, line feed, carriage
// return).
func (s *Scanner) SkipSpace() {
	for s.Pos < len(s.Data) {
		switch s.Data[s.Pos] {
		case ' ', '\t', '\n', '\r':
			s.Pos++
		default:
			return
		}
	}
}

// Peek returns the byte at Pos, or 0 at the end.
func (s *Scanner) Peek() byte {
	if s.Pos < len(s.Data) {
		return s.Data[s.Pos]
	}
	return 0
}

// Consume skips white space and then c, reporting whether c was there.
func (s *Scanner) Consume(c byte) bool {
	s.SkipSpace()
	if s.Pos < len(s.Data) && s.Data[s.Pos] == c {
		s.Pos++
		return true
	}
	return false
}

// AtEnd reports whether only white space is left.
func (s *Scanner) AtEnd() bool {
	s.SkipSpace()
	return s.Pos == len(s.Data)
}

// Null reads the literal null, reporting whether it was there (Pos does not
// move otherwise).
func (s *Scanner) Null() bool { return s.literal("null") }

func (s *Scanner) literal(lit string) bool {
	if len(s.Data)-s.Pos >= len(lit) && string(s.Data[s.Pos:s.Pos+len(lit)]) == lit {
		s.Pos += len(lit)
		return true
	}
	return false
}

// Flags of a string that Str read.
const (
	// Escaped: the string holds escapes; Unquote decodes it.
	Escaped = 1 << iota
	// NonASCII: the string holds bytes ≥ 0x80 (which may not be valid
	// UTF-8; encoding/json decodes each invalid byte to U+FFFD).
	NonASCII
)

// Str reads a string and returns the bounds of its content (between the
// quotes) in Data and its flags. Without Escaped, Data[start:end] is the
// string's value (for valid UTF-8).
func (s *Scanner) Str() (start, end, flags int, ok bool) {
	b := s.Data
	if s.Pos >= len(b) || b[s.Pos] != '"' {
		return 0, 0, 0, false
	}
	start = s.Pos + 1
	j := start
	// Eight bytes at a time up to the first that ends the string or needs a
	// look (a quote, a backslash, a control character); bytes ≥ 0x80 are
	// only noted.
	var high uint64
	for ; j+8 <= len(b); j += 8 {
		w := binary.LittleEndian.Uint64(b[j:])
		if m := special(w); m != 0 {
			k := bits.TrailingZeros64(m) >> 3 // the first special byte
			high |= w & (1<<(k<<3) - 1)
			j += k
			break
		}
		high |= w
	}
	if high&hiBits != 0 {
		flags |= NonASCII
	}
	for j < len(b) {
		c := b[j]
		switch {
		case c == '"':
			s.Pos = j + 1
			return start, j, flags, true
		case c < 0x20:
			return 0, 0, 0, false
		case c == '\\':
			flags |= Escaped
			if j+1 >= len(b) {
				return 0, 0, 0, false
			}
			switch b[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				if _, ok := hex4(b, j+2); !ok {
					return 0, 0, 0, false
				}
				j += 6
			default:
				return 0, 0, 0, false
			}
			continue
		case c >= utf8.RuneSelf:
			flags |= NonASCII
		}
		j++
	}
	return 0, 0, 0, false
}

// Unquote appends the value of the string content q (as Str bounded it: the
// escapes are valid) to dst, decoded as encoding/json decodes it: escapes
// resolved, a surrogate pair joined, an unpaired surrogate and every byte
// of invalid UTF-8 replaced by U+FFFD.
func Unquote(dst, q []byte) []byte { return unescape(dst, q, true) }

// Unescape appends the string content q (as Str bounded it) to dst with its
// escapes resolved as Unquote resolves them, and every other byte as it is,
// invalid UTF-8 included: utf8.Valid of what it appends is utf8.Valid(q),
// and for valid UTF-8 it appends what Unquote appends. It is for a decoder
// that rejects invalid UTF-8 rather than replacing it.
func Unescape(dst, q []byte) []byte { return unescape(dst, q, false) }

func unescape(dst, q []byte, replace bool) []byte {
	for j := 0; j < len(q); {
		if q[j] != '\\' {
			// A run of bytes without escapes.
			k := bytes.IndexByte(q[j:], '\\')
			if k < 0 {
				k = len(q)
			} else {
				k += j
			}
			if replace && !utf8.Valid(q[j:k]) {
				dst = appendValid(dst, q[j:k])
			} else {
				dst = append(dst, q[j:k]...)
			}
			j = k
			continue
		}
		if j+1 >= len(q) { // not after Str: keep the byte
			dst = append(dst, '\\')
			break
		}
		switch e := q[j+1]; e {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			u, _ := hex4(q, j+2)
			j += 6
			r := rune(u)
			if utf16.IsSurrogate(r) {
				r = utf8.RuneError
				if j+1 < len(q) && q[j] == '\\' && q[j+1] == 'u' {
					if u2, ok := hex4(q, j+2); ok {
						if dec := utf16.DecodeRune(rune(u), rune(u2)); dec != utf8.RuneError {
							r = dec
							j += 6
						}
					}
				}
			}
			dst = utf8.AppendRune(dst, r)
			continue
		default: // '"', '\\', '/'
			dst = append(dst, e)
		}
		j += 2
	}
	return dst
}

// appendValid appends b with every byte of invalid UTF-8 replaced by
// U+FFFD.
func appendValid(dst, b []byte) []byte {
	for j := 0; j < len(b); {
		if b[j] < utf8.RuneSelf {
			dst = append(dst, b[j])
			j++
			continue
		}
		r, n := utf8.DecodeRune(b[j:])
		if r == utf8.RuneError && n == 1 {
			dst = utf8.AppendRune(dst, utf8.RuneError)
		} else {
			dst = append(dst, b[j:j+n]...)
		}
		j += n
	}
	return dst
}

const (
	loBits = 0x0101010101010101
	hiBits = 0x8080808080808080
)

// special returns a non-zero value when a byte of w is '"', '\\' or below
// 0x20 (the bit tricks of "Bit Twiddling Hacks": hasless(w, 0x20) and
// haszero(w ^ c); exact on whether any byte matches, and its lowest set bit
// is the high bit of the first byte that matches: a false match needs a
// borrow from a true one below it).
func special(w uint64) uint64 {
	ctl := (w - loBits*0x20) & ^w
	quote := w ^ (loBits * '"')
	quote = (quote - loBits) & ^quote
	bs := w ^ (loBits * '\\')
	bs = (bs - loBits) & ^bs
	return (ctl | quote | bs) & hiBits
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

// SkipValue checks and skips one value of any kind. It fails on a syntax
// error and on nesting deeper than MaxDepth levels (a value inside an
// array or object is one level deeper than the array or object).
func (s *Scanner) SkipValue() bool { return s.skip(0) }

// SkipValueLevels is SkipValue with at most levels levels of nesting
// instead of MaxDepth.
func (s *Scanner) SkipValueLevels(levels int) bool {
	// skip fails at depth MaxDepth: start deeper or shallower than 0.
	return s.skip(MaxDepth - levels)
}

func (s *Scanner) skip(depth int) bool {
	if depth >= MaxDepth {
		return s.fail(FaultDepth)
	}
	b := s.Data
	if s.Pos >= len(b) {
		return s.fail(FaultValue)
	}
	switch c := b[s.Pos]; {
	case c == '"':
		if _, _, _, ok := s.Str(); !ok {
			return s.fail(FaultString)
		}
		return true
	case c == '{':
		s.Pos++
		if s.Consume('}') {
			return true
		}
		for {
			if _, _, _, ok := s.Member(); !ok || !s.skip(depth+1) {
				return false
			}
			if more, ok := s.More('}'); !more {
				return ok
			}
		}
	case c == '[':
		s.Pos++
		if s.Consume(']') {
			return true
		}
		for {
			s.SkipSpace()
			if !s.skip(depth + 1) {
				return false
			}
			if more, ok := s.More(']'); !more {
				return ok
			}
		}
	case c == 't':
		return s.literal("true") || s.fail(FaultLiteral)
	case c == 'f':
		return s.literal("false") || s.fail(FaultLiteral)
	case c == 'n':
		return s.literal("null") || s.fail(FaultLiteral)
	case c == '-' || (c >= '0' && c <= '9'):
		return s.Number() || s.fail(FaultNumber)
	}
	return s.fail(FaultValue)
}

// fail records f and reports false.
func (s *Scanner) fail(f Fault) bool {
	s.Fault = f
	return false
}

// Member reads the key of an object member, the ':' after it and the white
// space around them, leaving Pos at the member's value. Its results are
// Str's; it fails with FaultKey or FaultColon.
func (s *Scanner) Member() (start, end, flags int, ok bool) {
	s.SkipSpace()
	if start, end, flags, ok = s.Str(); !ok {
		s.Fault = FaultKey
		return 0, 0, 0, false
	}
	if !s.Consume(':') {
		s.Fault = FaultColon
		return 0, 0, 0, false
	}
	s.SkipSpace()
	return start, end, flags, true
}

// More reads what follows a member of an object (end '}') or an element of
// an array (end ']'): white space and ',' (more) or end (not more). It
// fails with FaultObjectNext or FaultObjectEnd for an object,
// FaultArrayNext or FaultArrayEnd for an array.
func (s *Scanner) More(end byte) (more, ok bool) {
	if s.Pos < len(s.Data) { // the common case: no white space
		if c := s.Data[s.Pos]; c == ',' || c == end {
			s.Pos++
			return c == ',', true
		}
	}
	return s.moreAfterSpace(end)
}

func (s *Scanner) moreAfterSpace(end byte) (more, ok bool) {
	s.SkipSpace()
	if s.Pos < len(s.Data) {
		if c := s.Data[s.Pos]; c == ',' || c == end {
			s.Pos++
			return c == ',', true
		}
	}
	f := FaultArrayNext
	if end == '}' {
		f = FaultObjectNext
	}
	if s.Pos == len(s.Data) {
		f++ // FaultObjectEnd, FaultArrayEnd
	}
	return false, s.fail(f)
}

// Number skips a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *Scanner) Number() bool {
	b := s.Data
	j := s.Pos
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
		return false
	}
	if j < len(b) && b[j] == '.' {
		j++
		if digits() == 0 {
			return false
		}
	}
	if j < len(b) && (b[j] == 'e' || b[j] == 'E') {
		j++
		if j < len(b) && (b[j] == '+' || b[j] == '-') {
			j++
		}
		if digits() == 0 {
			return false
		}
	}
	s.Pos = j
	return true
}
