package record

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeLines are lines for the decoder tests and the seed corpus of
// FuzzDecode: the export's shape, and the cases the fast path leaves to
// encoding/json.
var decodeLines = []string{
	`{"subject":{"number":"黔ICP备1500041X号","province":"52","name":"贵州示例科技有限公司","nature":"企业","cert_type":"business_licence","cert_number":"91350100M000100Y43","approved_at":"2026-01-05T10:00:00+08:00"},"websites":[{"number":"黔ICP备1500041X号-1","name":"示例网","domains":["example.com","例子.中国"],"home_url":"https://www.example.com/","ips":["1.2.3.4","2001:db8::1"],"status":"approved","approved_at":"2026-01-05T10:00:00+08:00","access":[{"isp":"中国电信","isp_province":"52","since":"2026-01-06T09:00:00+08:00","until":"2026-03-01T00:00:00Z"},{"isp":"阿里云","since":"2026-03-01T00:00:00.5+08:00"}],"restricted":true}]}`,
	`{"subject":{"province":"52","name":"张三","nature":"individual","cert_type":"resident_id","cert_number":"11010519491231002X","status":"returned_to_user"},"websites":[{"name":"张三的博客","domains":["rejected.cn"],"status":"returned_to_user"}]}`,
	`{"subject":{"name":"a\u0026b \u003c\u4e2d\u6587\ud83d\ude00","cert_type":"工商营业执照","cert_number":"x"},"websites":null}`,
	`{"subject":null,"websites":[]}`,
	`{"websites":[null,{"domains":[],"ips":[],"access":[]},{"domains":null,"ips":null,"number":null,"access":null,"restricted":null,"approved_at":null}]}`,
	`{"subject":{"province":"52"},"extra":{"a":[1,-2.5e3,true,false,null,"x\"y"]},"more":[]}`,
	`{ "subject" : { "province" : "11" } , "websites" : [ { "domains" : [ "a.cn" ] , "restricted" : false , "access" : [ null , { "isp" : "x" , "until" : null } ] } ] }`,
	`{"websites":[{"ips":[""]}]}`,
	`{"websites":[{"ips":[null,"::ffff:1.2.3.4","fe80::1%eth0"]}]}`,
	`{"apps":[{"number":"黔ICP备1500041X号-2A","kind":"app","host":null,"approved_at":"2026-02-02T10:00:00+08:00","access":[{"isp":"ISP-A","since":"2026-02-03T09:00:00-07:30"}]},{"kind":"mini_program","host":"wechat"}]}`,
	`{"subject":{"province":"52","contact_keys":["mobile:0123456789abcdef0123456789abcdef","email:fedcba9876543210fedcba9876543210"]},"websites":[{"domains":["a.cn"]}]}`,
	`{"subject":{"contact_keys":null}}`,
	`{"subject":{"contact_keys":[]}}`,
	`{}`,
	`null`,
	// Left to encoding/json, which accepts them:
	`{"Subject":{"Name":"case-insensitive keys"}}`,
	`{"subject":{"name":"a"},"subject":{"province":"52"}}`,
	`{"websites":[{"name":"a","domains":["a.cn"]}],"websites":[{"number":"x"}]}`,
	`{"subject":{"nam\u0065":"escaped key"}}`,
	`{"subject":{"ſtatus":"long s folds to s"}}`,
	"{\"subject\":{\"name\":\"\xff invalid UTF-8\"}}",
	`{"subject":{"approved_at":"2026-01-05t10:00:00z"}}`,
	`{"websites":[{"access":[{"since":"2026-01-05T10:00:00.123456789123+08:00"}]}]}`,
	// Rejected:
	`{"subject":{"name":1}}`,
	`{"subject":[]}`,
	`{"websites":{}}`,
	`{"websites":[1]}`,
	`{"websites":[{"ips":["1.2.3"]}]}`,
	`{"websites":[{"domains":[1]}]}`,
	`{"subject":{"contact_keys":[1]}}`,
	`{"subject":{"contact_keys":"mobile:x"}}`,
	`{"websites":[{"restricted":"yes"}]}`,
	`{"websites":[{"access":[{"since":"2026-02-30T10:00:00+08:00"}]}]}`,
	`{"websites":[{"access":[{"since":""}]}]}`,
	`{"subject":{"approved_at":"2026-01-05T24:00:00+08:00"}}`,
	`{"subject":{"name":"a"}`,
	`{"subject":{"name":"a"}} x`,
	`{"subject":{"name":"a",}}`,
	`[1,2]`,
	`{oops`,
	`"string"`,
	`{"subject":{"cert_type":true}}`,
}

// unmarshal is what a line must decode to: json.Unmarshal's Record, its
// instants in China Standard Time.
func unmarshal(line []byte) (Record, error) {
	var r Record
	err := json.Unmarshal(line, &r)
	if err == nil {
		inCST(&r)
	}
	return r, err
}

// assertDecodeAgrees checks a line against json.Unmarshal: Decode (fast
// path, then encoding/json) gives the same error and Record; the fast path
// alone never accepts what encoding/json rejects and, when it accepts,
// gives the same Record. It reports whether the fast path took the line.
func assertDecodeAgrees(t *testing.T, d *LineDecoder, line []byte) bool {
	t.Helper()
	want, wantErr := unmarshal(line)
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
	err := d.Decode(line, &got)
	if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
		t.Fatalf("%q: decode error %v, encoding/json %v", line, err, wantErr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: decode\n%#v\nencoding/json\n%#v", line, got, want)
	}
	return fast
}

func TestDecodeAgreesWithEncodingJSON(t *testing.T) {
	for _, d := range []*LineDecoder{{}, {Reuse: true}, {Reuse: true, Borrow: true}} {
		for _, l := range decodeLines {
			assertDecodeAgrees(t, d, []byte(l))
		}
	}
}

// TestDecodeFastPath: the lines of the export's own shape take the fast
// path.
func TestDecodeFastPath(t *testing.T) {
	d := &LineDecoder{Reuse: true}
	for _, l := range append(decodeLines[:14:14], decodeLines[18]) { // 18: an escaped key
		assert.True(t, assertDecodeAgrees(t, d, []byte(l)), l)
	}
	for _, l := range append(decodeLines[14:18:18], decodeLines[19:23]...) {
		assert.False(t, assertDecodeAgrees(t, d, []byte(l)), l)
	}
}

// TestDecodeOwnsSlices: without Reuse, a decoded Record keeps its slices
// when the next line is decoded.
func TestDecodeOwnsSlices(t *testing.T) {
	d := &LineDecoder{}
	var a, b Record
	require.NoError(t, d.Decode([]byte(decodeLines[0]), &a))
	keep := a.Websites[0].Domains[1]
	acc := a.Websites[0].Access[1]
	require.NoError(t, d.Decode([]byte(`{"websites":[{"domains":["x.cn","y.cn"],"access":[{"isp":"a"},{"isp":"b"}]}]}`), &b))
	assert.Equal(t, keep, a.Websites[0].Domains[1])
	assert.Equal(t, "example.com", a.Websites[0].Domains[0])
	assert.Equal(t, acc, a.Websites[0].Access[1])
}

// TestDecodeBorrow: with Borrow, the strings of a record are the line's own
// bytes; without it, a copy.
func TestDecodeBorrow(t *testing.T) {
	line := []byte(`{"subject":{"number":"黔ICP备1号","name":"a\u0062"}}`)
	var r Record
	require.NoError(t, (&LineDecoder{Borrow: true}).Decode(line, &r))
	assert.Equal(t, "黔ICP备1号", r.Subject.Number)
	assert.Equal(t, "ab", r.Subject.Name)
	copy(line[bytesIndex(line, "黔"):], "x")
	assert.NotEqual(t, "黔ICP备1号", r.Subject.Number, "borrowed from the line")
	assert.Equal(t, "ab", r.Subject.Name, "a string with escapes is a copy")
	line = []byte(`{"subject":{"number":"黔ICP备1号"}}`)
	require.NoError(t, (&LineDecoder{}).Decode(line, &r))
	copy(line[bytesIndex(line, "黔"):], "x")
	assert.Equal(t, "黔ICP备1号", r.Subject.Number, "copied")
}

func bytesIndex(b []byte, s string) int { return strings.Index(string(b), s) }

// FuzzDecode holds the line decoder to encoding/json on any line: both
// accept or both reject it (with the same error), with the same Record;
// the fast path never accepts a line that encoding/json rejects.
func FuzzDecode(f *testing.F) {
	for _, l := range decodeLines {
		f.Add([]byte(l))
	}
	d := &LineDecoder{Reuse: true}
	f.Fuzz(func(t *testing.T, line []byte) {
		if len(line) > 1<<16 || strings.Count(string(line), "\n") > 0 {
			return
		}
		assertDecodeAgrees(t, d, line)
	})
}
