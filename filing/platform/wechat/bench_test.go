package wechat_test

import (
	"testing"

	"github.com/beiankit/beian/filing/platform/wechat"
)

// BenchmarkR95_WeChatPrepare: one filing to its payload, the hot path of a
// third-party platform filing for many mini-programs.
func BenchmarkR95_WeChatPrepare(b *testing.B) {
	l, in := lists(b), fixture()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := wechat.Prepare(in, l); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkR95_WeChatDecodeEntrance: one status answer decoded and mapped.
func BenchmarkR95_WeChatDecodeEntrance(b *testing.B) {
	data := []byte(`{"errcode":0,"errmsg":"ok","info":{"status":5,"is_canceling":false,"available":1,"sms_verify_status":0,"audit_data":[{"key_name":"小程序备注","error":"未描述","suggest":"请描述"}]}}`)
	b.ReportAllocs()
	for b.Loop() {
		e, err := wechat.DecodeEntranceInfo(data)
		if err != nil {
			b.Fatal(err)
		}
		_ = e.Problems(0)
	}
}
