package catalog

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDefineLookup(t *testing.T) {
	c := Define("catalog.test_code", "R-00", "中文", "english")
	require.Equal(t, "catalog.test_code", c)
	e, ok := Lookup(c)
	require.True(t, ok)
	assert.Equal(t, Entry{Rule: "R-00", Zh: "中文", En: "english"}, e)
	assert.Contains(t, All(), c)
	_, ok = Lookup("catalog.never_defined")
	assert.False(t, ok)
	assert.Panics(t, func() { Define(c, "", "x", "y") }, "duplicate")
	assert.Panics(t, func() { Define("", "", "x", "y") }, "empty")
	delete(entries, c)
}

// TestFill: a message is given the arguments it uses and no more, so no
// registered code's message ever shows "%!" to a user.
func TestFill(t *testing.T) {
	for _, c := range []struct {
		msg  string
		args []any
		want string
	}{
		{"证件有效期格式不正确", []any{"2030-13-01"}, "证件有效期格式不正确"},
		{"bad validity %q", []any{"2030-13-01"}, `bad validity "2030-13-01"`},
		{"名称“%s”不足%d个字符", []any{"阁子", 3, "extra"}, "名称“阁子”不足3个字符"},
		{"%[2]s then %[1]s", []any{"a", "b"}, "b then a"},
		{"100%% sure of %s", []any{"x", "y"}, "100% sure of x"},
		{"width %*d", []any{3, 7}, "width   7"},
		{"no args %s", nil, "no args %s"},
	} {
		assert.Equal(t, c.want, Fill(c.msg, c.args...), c.msg)
	}
	// Every registered code, given as many arguments as its busier
	// message has verbs, formats both messages without a fmt complaint.
	for _, code := range All() {
		e, _ := Lookup(code)
		nz, _ := verbs(e.Zh)
		ne, _ := verbs(e.En)
		args := make([]any, max(nz, ne))
		for i := range args {
			args[i] = "x"
		}
		for _, m := range []string{Fill(e.Zh, args...), Fill(e.En, args...)} {
			assert.NotContains(t, m, "%!(EXTRA", code)
		}
	}
}
