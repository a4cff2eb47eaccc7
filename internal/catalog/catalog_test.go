package catalog

import (
	"fmt"
	"strings"
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

// TestFill: a message is given the arguments it consumes and no more, so
// no registered code's message shows a user "%!(EXTRA ...)".
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
		{"width %*d", []any{3, 7, "extra"}, "width   7"},
		{"%.*f then %s", []any{2, 3.14159, "x", "y"}, "3.14 then x"},
		{"%-8s|", []any{"ab", "extra"}, "ab      |"},
		{"增长100%，名称%s", []any{"x", "y", "z"}, "增长100%!，(string=x)名称y"}, // fmt reads a stray % as a verb, and so does fill
		{"%[1]s and %[1]q", []any{"a", "unused"}, `a and "a"`},
		{"no args %s", nil, "no args %s"},
	} {
		assert.Equal(t, c.want, fill(c.msg, c.args...), c.msg)
	}
	// Every registered code, given as many arguments as its busier
	// message has verbs, formats both messages without a fmt complaint.
	// Filled fills both messages of a code alike: validity.format's
	// Chinese message does not repeat the input its English one quotes.
	plain, ok := Lookup("validity.format")
	require.True(t, ok, "filing/certno's codes are registered in this test binary")
	e, ok := Filled("validity.format", "2030-13-01")
	assert.True(t, ok)
	assert.Equal(t, Entry{Rule: plain.Rule, Zh: plain.Zh, En: fmt.Sprintf(plain.En, "2030-13-01")}, e)
	assert.Contains(t, e.En, `"2030-13-01"`)
	_, ok = Filled("catalog.no_such_code", "x")
	assert.False(t, ok)
	require.Greater(t, len(All()), 300, "the module's codes are registered in this test binary (codes_test.go imports their packages)")
	for _, code := range All() {
		e, _ := Lookup(code)
		nz, _ := consumes(e.Zh)
		ne, _ := consumes(e.En)
		args := make([]any, max(nz, ne))
		for i := range args {
			args[i] = "x"
		}
		for _, m := range []string{fill(e.Zh, args...), fill(e.En, args...)} {
			assert.NotContains(t, m, "%!(EXTRA", code)
		}
	}
}

// FuzzFill: whatever the message, fill given more arguments than it
// consumes never shows the extra ones, and counts the arguments as fmt
// does (given exactly that many, fmt reports none missing).
func FuzzFill(f *testing.F) {
	for _, s := range []string{"证件有效期格式不正确", "bad %q", "%*d", "%.*f %s", "%[2]s %[1]s", "100%% %s", "增长100%，%s", "%-+# 08.3f%v", "%", "%[", "%[9]", "%.[2]*[1]d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, msg string) {
		k, indexed := consumes(msg)
		args := make([]any, k+2)
		for i := range args {
			args[i] = i
		}
		got := fill(msg, args...)
		if strings.Contains(got, "%!(NOVERB)") || strings.Contains(got, "%!(BAD") {
			return // a directive fmt itself refuses (a width of a million, ...): no message of the registry
		}
		if !indexed && strings.Contains(got, "%!(EXTRA") && !strings.Contains(msg, "%!(EXTRA") {
			t.Fatalf("fill(%q) = %q", msg, got)
		}
		if !indexed && k > 0 {
			if exact := fmt.Sprintf(msg, args[:k]...); strings.Contains(exact, "(MISSING)") && !strings.Contains(msg, "(MISSING)") {
				t.Fatalf("%q: counted %d arguments, fmt misses some: %q", msg, k, exact)
			}
		}
	})
}
