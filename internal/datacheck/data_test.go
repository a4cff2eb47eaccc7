package datacheck

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/internal/modfiles"
)

const root = "../.."

// outside are marks of a source that names a file outside the module
// instead of a public document.
var outside = regexp.MustCompile(`(?i)\.\./|reference/|filing-facts|RULES\.md|DESIGN\.md|seeds?[ /]0\d\d|/work/`)

// tables returns every data/*.json of the module (not testdata) by package
// directory.
func tables(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	files, err := modfiles.Files(root)
	require.NoError(t, err)
	for _, rel := range files {
		if strings.HasPrefix(rel, ".") || strings.Contains(rel, "/.") || strings.Contains("/"+rel, "/testdata/") {
			continue
		}
		path := filepath.Join(root, filepath.FromSlash(rel))
		if filepath.Base(filepath.Dir(path)) == "data" && strings.HasSuffix(path, ".json") {
			pkg := filepath.Dir(filepath.Dir(path))
			out[pkg] = append(out[pkg], path)
		}
	}
	return out
}

// sources collects every "source" string in a decoded JSON value, with its
// path, so that the sources of table rows are checked too.
func sources(v any, path string, out map[string]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "source" {
				out[path+".source"] = s
				continue
			}
			sources(x, path+"."+k, out)
		}
	case []any:
		for i, x := range v {
			sources(x, path+"["+strconv.Itoa(i)+"]", out)
		}
	}
}

func TestEmbeddedTablesNameTheirSources(t *testing.T) {
	all := tables(t)
	require.NotEmpty(t, all, "no data/*.json found under %s", root)
	n := 0
	for pkg, files := range all {
		// The package's Go sources, to check that each table is embedded.
		goSrc := ""
		entries, err := os.ReadDir(pkg)
		require.NoError(t, err)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".go") && !strings.HasSuffix(e.Name(), "_test.go") {
				b, err := os.ReadFile(filepath.Join(pkg, e.Name()))
				require.NoError(t, err)
				goSrc += string(b)
			}
		}
		for _, f := range files {
			n++
			name := "data/" + filepath.Base(f)
			rel, _ := filepath.Rel(root, f)
			assert.Contains(t, goSrc, "//go:embed "+name, "%s is not embedded by its package", rel)
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			var doc map[string]any
			if !assert.NoError(t, json.Unmarshal(b, &doc), rel) {
				continue
			}
			src, _ := doc["source"].(string)
			assert.NotEmpty(t, strings.TrimSpace(src), "%s: no top-level \"source\"", rel)
			compiled, _ := doc["compiled"].(string)
			_, err = time.Parse(time.DateOnly, compiled)
			assert.NoError(t, err, "%s: \"compiled\" %q is not a YYYY-MM-DD date", rel, compiled)
			all := map[string]string{}
			sources(doc, "", all)
			for path, s := range all {
				assert.NotRegexp(t, outside, s, "%s%s names a file outside the module; name the public document instead", rel, path)
			}
		}
	}
	t.Logf("%d tables checked", n)
}
