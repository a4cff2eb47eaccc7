package jsonscan

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
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
		for range 8 {
			c := byte(w)
			if c == '"' || c == '\\' || c < 0x20 {
				return true
			}
			w >>= 8
		}
		return false
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
				if got := special(w) != 0; got != naive(w) {
					t.Fatalf("%#016x: special %v", w, got)
				}
			}
		}
	}
	for range 1 << 20 {
		w := rng.Uint64()
		if got := special(w) != 0; got != naive(w) {
			t.Fatalf("%#016x: special %v", w, got)
		}
	}
}
