package filing

import (
	"bufio"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestR90_RealNamesThroughValidate sends the corpus of real names
// (filing/sitename/testdata/realnames.txt: name, the sponsor's nature, the
// sponsor, the source) through Validate as the website name of an otherwise
// valid filing whose subject has that nature and name, and asserts that
// Validate raises at the name exactly the errors the name rules raise there
// (none: every refusal would have to be listed and checked by hand in
// sitename's TestR90_RealNames). Other problems a nature brings (a
// government subject with a business licence) are not the name's and are
// ignored.
func TestR90_RealNamesThroughValidate(t *testing.T) {
	fh, err := os.Open("sitename/testdata/realnames.txt")
	require.NoError(t, err)
	defer fh.Close()
	base := validFiling(t)
	require.NoError(t, Validate(base), "the fixture must be valid")
	sc := bufio.NewScanner(fh)
	n := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 4)
		require.Len(t, parts, 4, line)
		n++
		f := validFiling(t)
		f.Subject.Nature = Nature(parts[1])
		f.Subject.Name = parts[2]
		f.Websites[0].Name = parts[0]
		err := Validate(f)
		var ve *ValidationError
		if err != nil && !errors.As(err, &ve) {
			t.Fatalf("%s: %v", parts[0], err)
		}
		var atName []string
		if ve != nil {
			for _, p := range ve.At("websites[0].name") {
				atName = append(atName, string(p.Code))
			}
		}
		assert.Empty(t, atName, "Validate refuses the real name %q (%s, sponsor %s)", parts[0], parts[1], parts[2])
	}
	require.NoError(t, sc.Err())
	t.Logf("%d real names through Validate", n)
	assert.GreaterOrEqual(t, n, 300, "the corpus holds at least 300 real names")
}
