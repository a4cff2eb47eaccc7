package sitename_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/sitename"
)

// corpusRefusals are the names of testdata/realnames.txt the rules refuse,
// each checked by hand against its rule (BENCHMARKS.md, "Names …", explains each).
// A refusal not listed here, or a listed name now accepted, fails the test.
var corpusRefusals = map[string]sitename.Code{}

// TestR90_RealNames runs the corpus of real names through the rules and
// reports how many are refused and why.
func TestR90_RealNames(t *testing.T) {
	fh, err := os.Open("testdata/realnames.txt")
	require.NoError(t, err)
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	n, refused, warned := 0, 0, 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 4)
		require.Len(t, parts, 4, line)
		require.NotEmpty(t, parts[3], "no source: %s", line)
		n++
		fs := sitename.Check(sitename.Input{Name: parts[0], Nature: parts[1], Sponsor: parts[2]})
		errs := sitename.Errors(fs)
		if ws := sitename.Warnings(fs); len(ws) > 0 {
			warned++
			t.Logf("warned %s (%s): %s %s", parts[0], parts[1], ws[0].Code, ws[0].Zh)
		}
		want, listed := corpusRefusals[parts[0]]
		if len(errs) > 0 {
			refused++
			t.Logf("refused %s (%s): %s %s", parts[0], parts[1], errs[0].Code, errs[0].Zh)
			assert.True(t, listed, "refusal not checked by hand: %s (%s): %s", parts[0], parts[1], errs[0].Zh)
			if listed {
				assert.Equal(t, want, errs[0].Code, parts[0])
			}
		} else {
			assert.False(t, listed, "%s is listed as refused but accepted", parts[0])
		}
	}
	require.NoError(t, sc.Err())
	t.Logf("%d names, %d refused, %d warned", n, refused, warned)
	assert.GreaterOrEqual(t, n, 300, "the corpus holds at least 300 real names")
}
