package wechat_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/platform/wechat"
)

// TestR95_WeChatConcurrent: the shared state (the field table, loaded
// once, and the codec's per-type layouts) is safe for concurrent use; run
// with -race.
func TestR95_WeChatConcurrent(t *testing.T) {
	l := lists(t)
	want, err := wechat.Prepare(fixture(), l)
	require.NoError(t, err)
	wantJSON, err := json.Marshal(want)
	require.NoError(t, err)
	answer := read(t, "apply_answer_hints.json")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				p, err := wechat.Prepare(fixture(), l)
				if !assert.NoError(t, err) {
					return
				}
				b, _ := json.Marshal(p)
				assert.Equal(t, string(wantJSON), string(b))
				a, err := wechat.DecodeApplyAnswer(answer)
				if assert.NoError(t, err) {
					assert.Len(t, a.Problems(1), 5)
				}
				assert.NotEmpty(t, wechat.Fields().Rows)
			}
		})
	}
	wg.Wait()
}
