package wechat_test

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/platform/internal/object"
	"github.com/beiankit/beian/filing/platform/wechat"
)

// TestR95_WeChatEveryFieldMapped: every field of the request table (the
// payload struct's JSON paths) has a row in the field table, mapped or
// deliberately unmapped with a reason, the table has no row for a field
// the payload lacks, and the package doc lists every row.
func TestR95_WeChatEveryFieldMapped(t *testing.T) {
	declared := object.DeclaredPaths(reflect.TypeFor[wechat.ApplyIcpFiling]())
	require.Len(t, declared, 57, "the request table's field count (update data/fields.json with the table)")
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	rows := wechat.Fields().Rows
	seen := map[string]bool{}
	for _, r := range rows {
		seen[r.Payload] = true
		assert.Contains(t, declared, r.Payload, "the table lists a field the payload lacks")
		assert.True(t, strings.Contains(string(doc), "//   - "+r.Payload+" ") || strings.Contains(string(doc), "//   - "+r.Payload+": "), "doc.go does not list %s", r.Payload)
		assert.NotEmpty(t, r.Label, r.Payload)
	}
	for _, p := range declared {
		assert.True(t, seen[p], "payload field %s is neither mapped nor listed as unmapped", p)
	}
	assert.NotEmpty(t, wechat.Fields().Source)
}
