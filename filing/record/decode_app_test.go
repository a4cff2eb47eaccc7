package record

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// appLines are export lines with apps: the fast path decodes them as
// encoding/json does, or leaves them to it.
var appLines = []struct {
	line string
	fast bool
}{
	{`{"subject":{"number":"粤B2-20090059","province":"44","name":"深圳市腾讯计算机系统有限公司"},"apps":[{"number":"粤B2-20090059-1626X","kind":"mini_program","name":"腾讯客服"},{"number":"粤B2-20090059-1627A","kind":"app","name":"微信","platforms":[{"platform":"android","identifier":"com.tencent.mm"},{"platform":"ios","identifier":"com.tencent.xin"}]}]}`, true},
	{`{"subject":{"number":"京ICP备2021033841号"},"apps":[]}`, true},
	{`{"subject":{},"apps":null}`, true},
	{`{"subject":{},"apps":[null,{"kind":null,"platforms":[null,{"identifier":"com.ss.iphone.ugc.Aweme","extra":[1,{"a":2}]}]}]}`, true},
	{`{"subject":{},"apps":[{"name":"\u5fae\u4fe1","status":"bureau_review","platforms":[]}]}`, true},
	{`{"subject":{},"apps":[{"Kind":"app"}]}`, false},                 // a key only encoding/json matches
	{`{"subject":{},"apps":[{"name":"a","name":"b"}]}`, false},        // a key twice: the last wins there
	{`{"subject":{},"apps":[{"platforms":[{"platform":1}]}]}`, false}, // wrong type: encoding/json's error
	{`{"subject":{},"apps":{"kind":"app"}}`, false},
}

func TestR74_FastPathDecodesApps(t *testing.T) {
	d := &LineDecoder{Reuse: true}
	for _, l := range appLines {
		fast := assertDecodeAgrees(t, d, []byte(l.line))
		assert.Equal(t, l.fast, fast, l.line)
	}
	var r Record
	require.True(t, d.fast([]byte(appLines[0].line), &r))
	require.Len(t, r.Apps, 2)
	assert.Equal(t, "com.tencent.xin", r.Apps[1].Platforms[1].Identifier)
}
