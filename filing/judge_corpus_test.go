package filing

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpusEntry is one name of a testdata/names corpus with its nature.
type corpusEntry struct {
	name   string
	nature Nature
}

// readCorpus reads a corpus: "#" lines are its source header, "name" or
// "name|nature" lines its entries.
func readCorpus(t *testing.T, path string, nature Nature) []corpusEntry {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []corpusEntry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e := corpusEntry{name: line, nature: nature}
		if n, nat, ok := strings.Cut(line, "|"); ok {
			e.name, e.nature = n, Nature(nat)
		}
		out = append(out, e)
	}
	require.NoError(t, sc.Err())
	return out
}

// TestR05_NameCorpora judges at least 200 real personal names and 200 real
// organisation names from public sources (testdata/names, sources in their
// headers). With the subject's nature, at least 99% are judged right; the
// name alone never judges one the opposite way (the name comes first in
// R-05, so the nature could not correct it); and the name alone decides
// most of them.
func TestR05_NameCorpora(t *testing.T) {
	for _, c := range []struct {
		file   string
		nature Nature
		want   Kind
		other  Kind
	}{
		{"testdata/names/personal.txt", NatureIndividual, KindIndividual, KindOrganisation},
		{"testdata/names/organisations.txt", "", KindOrganisation, KindIndividual},
	} {
		t.Run(c.file, func(t *testing.T) {
			entries := readCorpus(t, c.file, c.nature)
			require.GreaterOrEqual(t, len(entries), 200, "corpus size")
			right, byName, contradicted := 0, 0, 0
			for _, e := range entries {
				_, known := e.nature.Info()
				require.True(t, known || e.nature == "", "%s: nature %q", e.name, e.nature)
				if Judge(e.name, e.nature).Kind == c.want {
					right++
				}
				switch k, _ := judgeName(NormalizeText(e.name)); k {
				case c.want:
					byName++
				case c.other:
					contradicted++
					t.Errorf("%s judged %s by its name", e.name, k)
				}
			}
			n := float64(len(entries))
			t.Logf("%d names: %.1f%% right with the nature, %.1f%% decided by the name alone, %d contradicted",
				len(entries), 100*float64(right)/n, 100*float64(byName)/n, contradicted)
			assert.GreaterOrEqual(t, float64(right)/n, 0.99, "judged right")
			assert.GreaterOrEqual(t, float64(byName)/n, 0.90, "decided by the name alone")
		})
	}
}
