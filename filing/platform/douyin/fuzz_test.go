package douyin_test

import (
	"encoding/json"
	"testing"

	"github.com/beiankit/beian/filing/platform/douyin"
)

// FuzzR95_DouyinDecoders: no input makes a decoder panic; what decodes
// re-encodes stably, keeping every top-level key of an object input.
func FuzzR95_DouyinDecoders(f *testing.F) {
	for _, name := range []string{"record_info.golden.json", "status_rejected.json", "list_regions.json", "list_corp_types.json"} {
		f.Add(read(f, name))
	}
	f.Add([]byte(`{"data":{"status":1,"region_list":[""],"x":{}},"err_no":0}`))
	f.Add([]byte(`{"app_info":{"pre_approval_list":[{"pre_approval_item_id":4893997633277697000}]}}`))
	l := lists(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, data, douyin.DecodeRecordInfo, func(p *douyin.RecordInfo) { _, _ = douyin.ToModel(p, l) })
		check(t, data, douyin.DecodeAnswer, func(a douyin.Answer) { _ = a.Problems() })
		check(t, data, douyin.DecodeStatus, func(a douyin.StatusAnswer) { _ = a.Problems() })
		check(t, data, douyin.DecodeFacial, func(douyin.FacialAnswer) {})
		check(t, data, douyin.DecodeLists, func(a douyin.ListsAnswer) { _, _ = douyin.Prepare(fixture(), a.Data) })
	})
}

func check[T any](t *testing.T, data []byte, decode func([]byte) (T, error), use func(T)) {
	v, err := decode(data)
	if err != nil {
		return
	}
	use(v)
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%T decoded but does not encode: %v", v, err)
	}
	again, err := decode(out)
	if err != nil {
		t.Fatalf("%T re-encoding does not decode: %v\n%s", v, err, out)
	}
	if out2, err := json.Marshal(again); err != nil || string(out2) != string(out) {
		t.Fatalf("%T not stable:\n%s\n%s", v, out, out2)
	}
	var in, back map[string]json.RawMessage
	if json.Unmarshal(data, &in) == nil && json.Unmarshal(out, &back) == nil {
		for k, raw := range in {
			if _, ok := back[k]; !ok && !omittable(raw) {
				t.Fatalf("%T dropped key %q", v, k)
			}
		}
	}
}

func omittable(raw json.RawMessage) bool {
	switch string(raw) {
	case `null`, `""`, `0`, `false`, `[]`, `{}`:
		return true
	}
	var f float64
	return json.Unmarshal(raw, &f) == nil && f == 0
}
