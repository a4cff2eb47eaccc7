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
