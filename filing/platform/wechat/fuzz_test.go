package wechat_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/beiankit/beian/filing/platform/wechat"
)

// FuzzR95_WeChatDecoders: no input makes a decoder panic; what decodes
// re-encodes to JSON that decodes to the same value, with every top-level
// key of an object input kept (unknown keys included).
func FuzzR95_WeChatDecoders(f *testing.F) {
	for _, name := range []string{"apply_request.golden.json", "apply_answer_hints.json", "entrance_info_rejected.json", "list_districts.json"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"hints":[{"err_field":"icp_subject.base_info.name","x":1}],"y":[]}`))
	f.Add([]byte(`{"info":{"status":1031,"audit_data":[{"key_name":"主办单位名称"}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, data, wechat.DecodeApply, func(p *wechat.ApplyIcpFiling) { _, _ = wechat.ToModel(p, wechat.Lists{}) })
		check(t, data, wechat.DecodeApplyAnswer, func(a wechat.ApplyAnswer) { _ = a.Problems(0) })
		check(t, data, wechat.DecodeEntranceInfo, func(e wechat.EntranceInfo) { _ = e.Problems(0); _, _ = e.Status() })
		check(t, data, wechat.DecodeVerifyTask, func(wechat.VerifyTask) {})
		check(t, data, wechat.DecodeList, func(wechat.ListAnswer) {})
		check(t, data, wechat.DecodeOnlineOrder, func(wechat.OnlineOrder) {})
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
	out2, err := json.Marshal(again)
	if err != nil || string(out2) != string(out) {
		t.Fatalf("%T not stable:\n%s\n%s", v, out, out2)
	}
	var in, back map[string]json.RawMessage
	if json.Unmarshal(data, &in) == nil && json.Unmarshal(out, &back) == nil {
		for k := range in {
			if _, ok := back[k]; !ok && !omittable(in[k]) {
				t.Fatalf("%T dropped key %q", v, k)
			}
		}
	}
}

// omittable reports a value an omitempty field may leave out.
func omittable(raw json.RawMessage) bool {
	switch string(raw) {
	case `null`, `""`, `0`, `false`, `[]`, `{}`:
		return true
	}
	var f float64
	if json.Unmarshal(raw, &f) == nil && f == 0 {
		return true
	}
	return false
}
