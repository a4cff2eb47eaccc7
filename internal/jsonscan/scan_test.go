package jsonscan

import (
	"encoding/json"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// valid is what SkipValue says of a whole document: one value and white
// space around it.
func valid(b []byte) bool {
	s := Scanner{Data: b}
	s.SkipSpace()
	return s.SkipValue() && s.AtEnd()
}

func TestSkipValueAgreesWithEncodingJSON(t *testing.T) {
	for _, in := range []string{
		``, ` `, `null`, `nul`, `true`, `tru`, `false`, `0`, `-0`, `01`, `-`, `1.`, `1.5`, `1e5`, `1E+5`, `1e`, `.5`, `+1`,
		`""`, `"a"`, `"\u00e9"`, `"\u00g9"`, `"\x"`, `"a` + "\t" + `"`, `"\ud800"`, `"` + "\xff" + `"`,
		`{}`, `{ }`, `{"a":1}`, `{"a":1,}`, `{"a" 1}`, `{a:1}`, `{"a":1}x`, `[]`, `[1,]`, `[1 2]`, `[[[]]]`,
		`{"a":[{"b":null,"c":[true,false,-1.5e-3]}]}`, " \t\r\n{\"a\" : \"b\" } \n", `"\/\b\f\n\r\t\"\\"`,
	} {
		if got, want := valid([]byte(in)), json.Valid([]byte(in)); got != want {
			t.Errorf("%q: SkipValue %v, encoding/json %v", in, got, want)
		}
	}
}

func TestSkipValueDepth(t *testing.T) {
	deep := strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1)
	if valid([]byte(deep)) || !json.Valid([]byte(deep)) {
		t.Errorf("%d levels accepted, the limit is %d", MaxDepth+1, MaxDepth)
	}
	ok := strings.Repeat("[", MaxDepth) + `{"a":1}` + strings.Repeat("]", MaxDepth)
	if valid([]byte(ok)) {
		t.Errorf("%d levels accepted", MaxDepth+1)
	}
	ok = strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if !valid([]byte(ok)) {
		t.Errorf("%d levels rejected", MaxDepth)
	}
}

func TestUnquoteAgreesWithEncodingJSON(t *testing.T) {
	for _, in := range []string{
		`"plain"`, `"中文"`, `"a\u0026b\u003c"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\ude00"`, `"\ud83dx"`, `"\ud83d\u0041"`,
		`"\ud83d\ud83d\ude00"`, "\"\xff\xfe\"", "\"\xe4\xb8\"", `"\"\\\/\b\f\n\r\t"`, "\"\xed\xa0\x80\"",
	} {
		assertUnquote(t, []byte(in))
	}
}

func assertUnquote(t *testing.T, in []byte) {
	t.Helper()
	var want string
	errJSON := json.Unmarshal(in, &want)
	s := Scanner{Data: in}
	start, end, _, ok := s.Str()
	ok = ok && s.AtEnd()
	if ok != (errJSON == nil) {
		t.Fatalf("%q: Str ok %v, encoding/json %v", in, ok, errJSON)
	}
	if !ok {
		return
	}
	if got := string(Unquote(nil, in[start:end])); got != want {
		t.Fatalf("%q: Unquote %q, encoding/json %q", in, got, want)
	}
}

// FuzzSkipValue: SkipValue accepts exactly the documents that encoding/json
// accepts (below MaxDepth), and Unquote decodes every string as
// encoding/json does.
func FuzzSkipValue(f *testing.F) {
	for _, s := range []string{`{"a":[1,"x\u00e9",null,true]}`, `"\ud83d\ude00"`, `[1e5,-0.5]`, `{"a":}`, "\"\xff\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if strings.Count(string(in), "[")+strings.Count(string(in), "{") > MaxDepth {
			return
		}
		if got, want := valid(in), json.Valid(in); got != want {
			t.Fatalf("%q: SkipValue %v, encoding/json %v", in, got, want)
		}
		assertFault(t, in)
		s := Scanner{Data: in}
		s.SkipSpace()
		if s.Peek() == '"' {
			assertUnquote(t, in[s.Pos:])
		}
	})
}

// TestSpecial: special flags a word exactly when one of its bytes is a
// quote, a backslash or a control character, whatever the other bytes.
func TestSpecial(t *testing.T) {
	naive := func(w uint64) bool {
		return first(w) < 8
	}
	rng := rand.New(rand.NewPCG(1, 2))
	fill := []byte{'a', 0xff, 0x80, 0x7f, 0x20, 0xe4}
	for pos := range 8 {
		for c := range 256 {
			for _, f := range fill {
				var w uint64
				for k := range 8 {
					b := uint64(f)
					if k == pos {
						b = uint64(c)
					}
					w |= b << (8 * k)
				}
				assertSpecial(t, w, naive(w))
			}
		}
	}
	for range 1 << 20 {
		w := rng.Uint64()
		assertSpecial(t, w, naive(w))
	}
	// Several special bytes: the lowest set bit still names the first.
	for a := range 8 {
		for b := a + 1; b < 8; b++ {
			for _, ca := range []uint64{'"', '\\', 0, 0x1f} {
				for _, cb := range []uint64{'"', '\\', 0, 0x1f} {
					w := uint64(0x6161616161616161)
					w = w&^(0xff<<(8*a)) | ca<<(8*a)
					w = w&^(0xff<<(8*b)) | cb<<(8*b)
					assertSpecial(t, w, true)
				}
			}
		}
	}
}

// first returns the index of the first byte of w that is a quote, a
// backslash or a control character, or 8.
func first(w uint64) int {
	for k := range 8 {
		if c := byte(w >> (8 * k)); c == '"' || c == '\\' || c < 0x20 {
			return k
		}
	}
	return 8
}

func assertSpecial(t *testing.T, w uint64, want bool) {
	t.Helper()
	m := special(w)
	if (m != 0) != want {
		t.Fatalf("%#016x: special %#016x", w, m)
	}
	if m != 0 && bits.TrailingZeros64(m)>>3 != first(w) {
		t.Fatalf("%#016x: special %#016x does not name byte %d first", w, m, first(w))
	}
}

// TestSkipValueFaults: a failed SkipValue says what was wrong and stops
// at the offending byte: the start of a bad string, literal or number, the
// byte where a key, ':', ',' or the end was expected, the end of the input.
func TestSkipValueFaults(t *testing.T) {
	for _, c := range []struct {
		in    string
		fault Fault
		pos   int
	}{
		{``, FaultValue, 0},
		{`x`, FaultValue, 0},
		{`[1,]`, FaultValue, 3},
		{`{"a":}`, FaultValue, 5},
		{`[1, "a` + "\t" + `"]`, FaultString, 4},
		{`["\x"]`, FaultString, 1},
		{`["\u12g4"]`, FaultString, 1},
		{`["abc`, FaultString, 1},
		{`[tru]`, FaultLiteral, 1},
		{`[nul`, FaultLiteral, 1},
		{`[ falsy]`, FaultLiteral, 2},
		{`[01]`, FaultArrayNext, 2},
		{`[1e+]`, FaultNumber, 1},
		{`[1.]`, FaultNumber, 1},
		{`[-]`, FaultNumber, 1},
		{`{ 1:2}`, FaultKey, 2},
		{`{"a":1, }`, FaultKey, 8},
		{`{"a\q":1}`, FaultKey, 1},
		{`{"a" 1}`, FaultColon, 5},
		{`{"a"`, FaultColon, 4},
		{`{"a":1 "b":2}`, FaultObjectNext, 7},
		{`{"a":1]`, FaultObjectNext, 6},
		{`{"a":1 `, FaultObjectEnd, 7},
		{`[1 2]`, FaultArrayNext, 3},
		{`[1}`, FaultArrayNext, 2},
		{`[1, 2 `, FaultArrayEnd, 6},
		{`[[`, FaultValue, 2},
		{strings.Repeat("[", MaxDepth+1), FaultDepth, MaxDepth},
	} {
		s := Scanner{Data: []byte(c.in)}
		if !assert.False(t, s.SkipValue(), "%q", c.in) {
			continue
		}
		assert.Equal(t, c.fault, s.Fault, "%q: fault %v", c.in, s.Fault)
		assert.Equal(t, c.pos, s.Pos, "%q: position", c.in)
	}
	require.Equal(t, "expected ',' or '}'", FaultObjectNext.String())
	require.Equal(t, "unknown fault", Fault(200).String())
}

// assertFault: after a failed SkipValue the fault is set and the position
// is inside the input; after Reset no fault is left.
func assertFault(t *testing.T, in []byte) {
	t.Helper()
	s := Scanner{Data: in}
	s.SkipSpace()
	if s.SkipValue() {
		return
	}
	if s.Fault == FaultNone || s.Pos < 0 || s.Pos > len(in) || s.Fault.String() == "unknown fault" {
		t.Fatalf("%q: fault %v at %d", in, s.Fault, s.Pos)
	}
	if s.Reset(in); s.Fault != FaultNone {
		t.Fatalf("%q: Reset left fault %v", in, s.Fault)
	}
}

// TestSkipValueLevels: the limit counts levels as SkipValue does, a scalar
// being one level.
func TestSkipValueLevels(t *testing.T) {
	skip := func(in string, levels int) bool {
		s := Scanner{Data: []byte(in)}
		return s.SkipValueLevels(levels) && s.AtEnd()
	}
	for _, c := range []struct {
		in     string
		levels int
		want   bool
	}{
		{`1`, 1, true},
		{`1`, 0, false},
		{`[]`, 1, true},
		{`[1]`, 1, false},
		{`[1]`, 2, true},
		{`{"a":[{}]}`, 3, true},
		{`{"a":[{}]}`, 2, false},
		{strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1), MaxDepth + 1, true},
		{strings.Repeat("[", MaxDepth+1) + "0" + strings.Repeat("]", MaxDepth+1), MaxDepth + 1, false},
		{strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth), MaxDepth, true},
	} {
		assert.Equal(t, c.want, skip(c.in, c.levels), "%.20q… with %d levels", c.in, c.levels)
		if c.levels == MaxDepth {
			assert.Equal(t, c.want, valid([]byte(c.in)), "%.20q… SkipValue", c.in)
		}
	}
}

// TestMemberMore walks an object and an array with Member and More.
func TestMemberMore(t *testing.T) {
	s := Scanner{Data: []byte(` { "a" : 1 , "b\u0063":[ true ,null ] } `)}
	require.True(t, s.Consume('{'))
	var keys []string
	for {
		start, end, flags, ok := s.Member()
		require.True(t, ok, "fault %v at %d", s.Fault, s.Pos)
		keys = append(keys, string(Unquote(nil, s.Data[start:end])))
		assert.Equal(t, keys[len(keys)-1] == "bc", flags&Escaped != 0)
		require.True(t, s.SkipValue())
		more, ok := s.More('}')
		require.True(t, ok)
		if !more {
			break
		}
	}
	assert.Equal(t, []string{"a", "bc"}, keys)
	assert.True(t, s.AtEnd())
}

// TestUnescapeKeepsInvalidUTF8: Unescape resolves escapes as Unquote does
// and keeps the other bytes, so that invalid UTF-8 stays detectable.
func TestUnescapeKeepsInvalidUTF8(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`plain`, "plain"},
		{`中文\n`, "中文\n"},
		{`a\u00e9\ud83d\ude00\/`, "aé😀/"},
		{`\ud800x`, "\uFFFDx"},
		{"\xff\\t\xe4", "\xff\t\xe4"},
		{"\xe4\\u4e2d", "\xe4中"},
		{"\xed\xa0\x80", "\xed\xa0\x80"},
	} {
		assertUnescape(t, []byte(`"`+c.in+`"`))
		s := Scanner{Data: []byte(`"` + c.in + `"`)}
		start, end, _, ok := s.Str()
		require.True(t, ok, "%q", c.in)
		assert.Equal(t, c.want, string(Unescape([]byte("x"), s.Data[start:end]))[1:], "%q", c.in)
	}
}

// assertUnescape checks Unescape on a document that is a string against
// Unquote: the same for valid UTF-8, the same after replacing each invalid
// byte otherwise, and valid exactly when the string's bytes are.
func assertUnescape(t *testing.T, in []byte) {
	t.Helper()
	s := Scanner{Data: in}
	start, end, flags, ok := s.Str()
	if !ok {
		return
	}
	q := in[start:end]
	got, quoted := Unescape(nil, q), Unquote(nil, q)
	if utf8.Valid(got) != utf8.Valid(q) {
		t.Fatalf("%q: Unescape %q, valid %v", q, got, utf8.Valid(got))
	}
	if string(appendValid(nil, got)) != string(quoted) {
		t.Fatalf("%q: Unescape %q, Unquote %q", q, got, quoted)
	}
	if flags&Escaped == 0 && string(got) != string(q) {
		t.Fatalf("%q: Unescape %q without escapes", q, got)
	}
	if flags&NonASCII == 0 && strings.ContainsFunc(string(q), func(r rune) bool { return r >= utf8.RuneSelf }) {
		t.Fatalf("%q: NonASCII not set", q)
	}
}

// FuzzUnescape: Unescape agrees with Unquote (FuzzSkipValue holds Unquote
// to encoding/json) and keeps invalid UTF-8 invalid; Str's flags are right.
func FuzzUnescape(f *testing.F) {
	for _, s := range []string{`"a\u00e9\ud83d\ude00"`, "\"\xff\\n\xe4\xb8\"", `"\ud800\u0041"`, "\"0123456789abcdef\\t中文\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) == 0 || in[0] != '"' {
			in = append([]byte{'"'}, in...)
		}
		assertUnescape(t, in)
	})
}
