package conflict

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// goodLine is a line of the export; badLines are lines that
// encoding/json rejects, for the errors of LoadJSONL and JSONL (the
// decoder's own tests, good lines and lines it leaves to encoding/json,
// are record's).
const goodLine = `{"subject":{"number":"黔ICP备1500041X号","province":"52","name":"贵州示例科技有限公司","nature":"企业","cert_type":"business_licence","cert_number":"91350100M000100Y43"},"websites":[{"number":"黔ICP备1500041X号-1","name":"示例网","domains":["example.com","例子.中国"],"home_url":"https://www.example.com/","ips":["1.2.3.4","2001:db8::1"],"status":"approved"}]}`

var badLines = []string{
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

// TestJSONLDecodesTheExport: the lines of a generated export decode
// through JSONL as encoding/json decodes them (record.LineDecoder is held
// to encoding/json by record's FuzzDecode).
func TestJSONLDecodesTheExport(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(string(genJSONL(300))), "\n")
	i := 0
	for rec, err := range JSONL(strings.NewReader(strings.Join(lines, "\n"))) {
		if err != nil {
			t.Fatal(err)
		}
		var want Record
		if err := json.Unmarshal([]byte(lines[i]), &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(rec, want) {
			t.Fatalf("line %d: JSONL\n%#v\nencoding/json\n%#v", i+1, rec, want)
		}
		i++
	}
	if i != len(lines) {
		t.Fatalf("%d records of %d lines", i, len(lines))
	}
}

// TestLoadJSONLErrorsAsBefore: a line that does not decode stops LoadJSONL
// and JSONL with ErrBadInput, its line number, and json.Unmarshal's error
// (its type too: *json.SyntaxError, *json.UnmarshalTypeError, ...), after
// the records before it.
func TestLoadJSONLErrorsAsBefore(t *testing.T) {
	for _, bad := range badLines {
		var rec Record
		want := json.Unmarshal([]byte(bad), &rec)
		if want == nil {
			t.Fatalf("%s: encoding/json accepts it", bad)
		}
		in := goodLine + "\n\n" + bad + "\n" + strings.Replace(goodLine, "91350100M000100Y43", "9144030071526726XG", 1) + "\n"
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
