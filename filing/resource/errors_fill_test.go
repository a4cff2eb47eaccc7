package resource

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestR96_MessagesCarryNoFmtNoise: a code whose Chinese message does not
// repeat the input its English message names shows the user its message,
// not the input appended as "%!(EXTRA string=...)".
func TestR96_MessagesCarryNoFmtNoise(t *testing.T) {
	for _, c := range Codes() {
		e := newError(c, "", "ABC-123", 3, 3)
		assert.False(t, strings.Contains(e.Zh, "%!(EXTRA") || strings.Contains(e.En, "%!(EXTRA"), "%s: %q / %q", c, e.Zh, e.En)
	}
}
