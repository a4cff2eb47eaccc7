package filing

import (
	"bufio"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/sitename"
)

// corpusThroughValidate sends each name of a corpus file (name, the
// sponsor's nature, the sponsor, the source) through Validate as the website
// name of an otherwise valid filing whose subject has that nature and name,
// and returns, per name, the codes Validate raises at the name. Other
// problems a nature brings (a government subject with a business licence, an
// empty subject name) are not the name's and are left out.
func corpusThroughValidate(t *testing.T, path string) (names []string, lines [][]string, atName [][]string) {
	t.Helper()
	fh, err := os.Open(path)
	require.NoError(t, err)
	defer fh.Close()
	require.NoError(t, Validate(validFiling(t)), "the fixture must be valid")
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 4)
		require.Len(t, parts, 4, line)
		_, known := Nature(parts[1]).Info()
		require.True(t, known, "unknown nature %q: %s", parts[1], line)
		f := validFiling(t)
		f.Subject.Nature = Nature(parts[1])
		f.Subject.Name = parts[2]
		f.Websites[0].Name = parts[0]
		err := Validate(f)
		var ve *ValidationError
		if err != nil && !errors.As(err, &ve) {
			t.Fatalf("%s: %v", parts[0], err)
		}
		var codes []string
		if ve != nil {
			for _, p := range ve.At("websites[0].name") {
				codes = append(codes, string(p.Code))
			}
		}
		names = append(names, parts[0])
		lines = append(lines, parts)
		atName = append(atName, codes)
	}
	require.NoError(t, sc.Err())
	return names, lines, atName
}

// TestR90_RealNamesThroughValidate sends the corpus of real names
// (filing/sitename/testdata/realnames.txt) through Validate and asserts that
// Validate raises at the name exactly the errors the name rules raise there
// (none: every refusal would have to be listed and checked by hand in
// sitename's TestR90_RealNames).
func TestR90_RealNamesThroughValidate(t *testing.T) {
	names, lines, atName := corpusThroughValidate(t, "sitename/testdata/realnames.txt")
	for i := range names {
		assert.Empty(t, atName[i], "Validate refuses the real name %q (%s, sponsor %s)", names[i], lines[i][1], lines[i][2])
	}
	t.Logf("%d real names through Validate", len(names))
	assert.GreaterOrEqual(t, len(names), 300, "the corpus holds at least 300 real names")
}

// TestR90_SiteNamesThroughValidate sends the corpus of website names as real
// sites file or display them (filing/sitename/testdata/sitenames.txt)
// through Validate and asserts that Validate raises at the name exactly the
// errors the name rules raise for the fixture's website (province, domain),
// so that the refusals checked by hand in sitename's
// TestR90_SiteNamesCorpus are the refusals of Validate.
func TestR90_SiteNamesThroughValidate(t *testing.T) {
	names, lines, atName := corpusThroughValidate(t, "sitename/testdata/sitenames.txt")
	fixture := validFiling(t)
	refused := 0
	for i, name := range names {
		in := sitename.Input{Name: name, Nature: lines[i][1], Sponsor: lines[i][2], Province: fixture.Subject.Province,
			Domains: fixture.Websites[0].Domains, Service: "website"}
		var want []string
		for _, fd := range sitename.Errors(sitename.Check(in)) {
			want = append(want, string(fd.Code))
		}
		assert.Equal(t, want, atName[i], "%s (%s, sponsor %s)", name, lines[i][1], lines[i][2])
		if len(atName[i]) > 0 {
			refused++
		}
	}
	t.Logf("%d website names through Validate, %d refused at the name", len(names), refused)
	assert.GreaterOrEqual(t, len(names), 300, "the corpus holds at least 300 real website names")
}
