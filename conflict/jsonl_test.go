package conflict

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// decodeLines are lines for the decoder tests and the seed corpus of
// FuzzDecodeRecord: the export's shape, and the cases the fast path leaves
// to encoding/json.
var decodeLines = []string{
	`{"subject":{"number":"黔ICP备1500041X号","province":"52","name":"贵州示例科技有限公司","nature":"企业","cert_type":"business_licence","cert_number":"91350100M000100Y43"},"websites":[{"number":"黔ICP备1500041X号-1","name":"示例网","domains":["example.com","例子.中国"],"home_url":"https://www.example.com/","ips":["1.2.3.4","2001:db8::1"],"status":"approved"}]}`,
	`{"subject":{"province":"52","name":"张三","nature":"individual","cert_type":"resident_id","cert_number":"11010519491231002X","status":"returned_to_user"},"websites":[{"name":"张三的博客","domains":["rejected.cn"],"status":"returned_to_user"}]}`,
	`{"subject":{"name":"a\u0026b \u003c\u4e2d\u6587\ud83d\ude00","cert_type":"工商营业执照","cert_number":"x"},"websites":null}`,
	`{"subject":null,"websites":[]}`,
	`{"websites":[null,{"domains":[],"ips":[]},{"domains":null,"ips":null,"number":null}]}`,
	`{"subject":{"province":"52"},"extra":{"a":[1,-2.5e3,true,false,null,"x\"y"]},"more":[]}`,
	`{ "subject" : { "province" : "11" } , "websites" : [ { "domains" : [ "a.cn" ] } ] }`,
	`{"websites":[{"ips":[""]}]}`,
	`{"websites":[{"ips":[null,"::ffff:1.2.3.4","fe80::1%eth0"]}]}`,
	`{}`,
	`null`,
	// Left to encoding/json, which accepts them:
	`{"Subject":{"Name":"case-insensitive keys"}}`,
	`{"subject":{"name":"a"},"subject":{"province":"52"}}`,
	`{"websites":[{"name":"a","domains":["a.cn"]}],"websites":[{"number":"x"}]}`,
	`{"subject":{"nam\u0065":"escaped key"}}`,
	`{"subject":{"ſtatus":"long s folds to s"}}`,
	"{\"subject\":{\"name\":\"\xff invalid UTF-8\"}}",
	// Rejected:
	`{"subject":{"name":1}}`,
	`{"subject":[]}`,
	`{"websites":{}}`,
	`{"websites":[1]}`,
	`{"websites":[{"ips":["1.2.3"]}]}`,
	`{"websites":[{"domains":[1]}]}`,
	`{"subject":{"name":"a"}`,
	`{"subject":{"name":"a"}} x`,
	`{"subject":{"name":"a",}}`,
	`[1,2]`,
	`{oops`,
	`"string"`,
	`{"subject":{"cert_type":true}}`,
}

// assertDecodeAgrees checks a line against json.Unmarshal: decode (fast
// path, then encoding/json) gives the same error and Record; the fast path
// alone never accepts what encoding/json rejects and, when it accepts,
// gives the same Record. It reports whether the fast path took the line.
func assertDecodeAgrees(t *testing.T, d *recordDecoder, line []byte) bool {
	t.Helper()
	var want Record
	wantErr := json.Unmarshal(line, &want)
	var got Record
	fast := d.fast(line, &got)
	if fast {
		if wantErr != nil {
			t.Fatalf("%q: fast path accepts, encoding/json: %v", line, wantErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: fast path\n%#v\nencoding/json\n%#v", line, got, want)
		}
	}
	err := d.decode(line, &got)
	if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
		t.Fatalf("%q: decode error %v, encoding/json %v", line, err, wantErr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: decode\n%#v\nencoding/json\n%#v", line, got, want)
	}
	return fast
}

func TestDecodeRecordAgreesWithEncodingJSON(t *testing.T) {
	for _, reuse := range []bool{false, true} {
		d := &recordDecoder{reuse: reuse}
		for _, l := range decodeLines {
			assertDecodeAgrees(t, d, []byte(l))
		}
	}
}

// TestDecodeRecordFastPath: the lines of an export (json.Encoder, records of
// every generated shape) all take the fast path, and decode as
// encoding/json decodes them.
func TestDecodeRecordFastPath(t *testing.T) {
	d := &recordDecoder{reuse: true}
	lines := strings.Split(strings.TrimSpace(string(genJSONL(600))), "\n")
	for _, l := range append(lines, decodeLines[:10]...) {
		if !assertDecodeAgrees(t, d, []byte(l)) {
			t.Fatalf("%q: left to encoding/json", l)
		}
	}
}

// TestDecodeRecordOwnsSlices: without reuse (the JSONL iterator), a decoded
// Record keeps its slices when the next line is decoded.
func TestDecodeRecordOwnsSlices(t *testing.T) {
	d := &recordDecoder{}
	var a, b Record
	if err := d.decode([]byte(decodeLines[0]), &a); err != nil {
		t.Fatal(err)
	}
	keep := a.Websites[0].Domains[1]
	if err := d.decode([]byte(`{"websites":[{"domains":["x.cn","y.cn"]}]}`), &b); err != nil {
		t.Fatal(err)
	}
	if a.Websites[0].Domains[1] != keep || a.Websites[0].Domains[0] != "example.com" {
		t.Fatalf("first record changed: %+v", a.Websites)
	}
}

// FuzzDecodeRecord holds the JSONL decoder to encoding/json on any line:
// both accept or both reject it (with the same error), with the same
// Record; the fast path never accepts a line that encoding/json rejects.
func FuzzDecodeRecord(f *testing.F) {
	for _, l := range decodeLines {
		f.Add([]byte(l))
	}
	d := &recordDecoder{reuse: true}
	f.Fuzz(func(t *testing.T, line []byte) {
		if len(line) > 1<<16 {
			return
		}
		assertDecodeAgrees(t, d, line)
	})
}

// TestLoadJSONLErrorsAsBefore: a line that does not decode stops LoadJSONL
// and JSONL with ErrBadInput, its line number, and json.Unmarshal's error
// (its type too: *json.SyntaxError, *json.UnmarshalTypeError, ...), after
// the records before it.
func TestLoadJSONLErrorsAsBefore(t *testing.T) {
	good := decodeLines[0]
	for _, bad := range decodeLines {
		var rec Record
		want := json.Unmarshal([]byte(bad), &rec)
		if want == nil {
			continue
		}
		in := good + "\n\n" + bad + "\n" + strings.Replace(good, "91350100M000100Y43", "9144030071526726XG", 1) + "\n"
		n, err := New().LoadJSONL(strings.NewReader(in))
		var e *Error
		if n != 1 || !errors.As(err, &e) || !errors.Is(err, ErrBadInput) || e.Line != 3 ||
			e.Err == nil || e.Err.Error() != want.Error() || reflect.TypeOf(e.Err) != reflect.TypeOf(want) {
			t.Errorf("%s: n=%d err=%v, want line 3: %v", bad, n, err, want)
		}
		count := 0
		for _, err := range JSONL(strings.NewReader(in)) {
			if err != nil {
				if !errors.As(err, &e) || e.Line != 3 || e.Err.Error() != want.Error() {
					t.Errorf("%s: JSONL error %v, want line 3: %v", bad, err, want)
				}
				break
			}
			count++
		}
		if count != 1 {
			t.Errorf("%s: JSONL yielded %d records before the error", bad, count)
		}
	}
}
