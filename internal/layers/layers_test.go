package layers

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const mod = "github.com/beiankit/beian"

// layer is the layer of each package of the module, by import path below
// the module; a package not listed takes the layer of its nearest listed
// parent directory. Lower layers never import higher ones.
var layer = map[string]int{
	"internal":                   0,
	"internal/sqltx":             2, // the database adapters' retry policy speaks filing/problem's codes
	"internal/rfc3339":           2, // instants in China Standard Time (calendar)
	"calendar":                   1,
	"filing/problem":             1,
	"filing/province":            1,
	"filing/personal":            1,
	"filing/certno":              2, // uses problem, personal, calendar
	"filing/domain":              2,
	"filing/contact":             3, // e-mail domains go through filing/domain
	"numbering":                  4,
	"filing":                     5,
	"filing/sms":                 6, // the SMS verification and the filing types
	"filing/record":              6, // the record on file and the one export, read by shell and conflict
	"filing/footer":              7,
	"filing/change":              7, // derives a change's sms.FilingType
	"filing/lifecycle":           7, // keeps sms.FilingType, runs the SMS step
	"filing/shell":               7,
	"conflict":                   8,
	"conflict/internal/claimsql": 9, // what conflict's SQL adapters share above their SQL
	"conflict/guidance":          9, // renders a conflict's texts, steps and materials when read
	"filing/audit":               9, // reads the record set (conflict.Record)
	"forms":                      9,
	"numbering/pgstore":          10,
	"numbering/mysqlstore":       10,
	"conflict/pgstore":           10,
	"conflict/mysqlstore":        10,
	"numbering/numberingtest":    10,
	"filing/filingtest":          10,
	"conflict/conflicttest":      10,
	"examples":                   11,
	"cmd":                        11, // programs, and cmd/beianwasm/jsapi, the bridge of the WebAssembly build
}

// layerOf returns the layer of a package path below the module.
func layerOf(rel string) (int, bool) {
	for p := rel; ; p = filepath.Dir(p) {
		if l, ok := layer[p]; ok {
			return l, true
		}
		if p == "." || p == "/" || p == "" {
			return 0, false
		}
	}
}

// deps runs go list on the module and returns each package's imports
// (direct) and dependencies (transitive), by import path.
func deps(t *testing.T) (imports, all map[string][]string) {
	t.Helper()
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}}|{{join .Imports \" \"}}|{{join .Deps \" \"}}", mod+"/...")
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.Output()
	require.NoError(t, err, "go list")
	imports, all = map[string][]string{}, map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		parts := strings.SplitN(line, "|", 3)
		require.Len(t, parts, 3, line)
		imports[parts[0]] = strings.Fields(parts[1])
		all[parts[0]] = strings.Fields(parts[2])
	}
	require.NotEmpty(t, imports)
	return imports, all
}

// TestImportsRunOneWay: no package imports a package of a higher layer.
func TestImportsRunOneWay(t *testing.T) {
	imports, _ := deps(t)
	for pkg, imps := range imports {
		rel, ok := strings.CutPrefix(pkg, mod+"/")
		if !ok {
			continue
		}
		from, known := layerOf(rel)
		if !assert.True(t, known, "%s has no layer: add it to the table", pkg) {
			continue
		}
		for _, imp := range imps {
			irel, ok := strings.CutPrefix(imp, mod+"/")
			if !ok {
				continue
			}
			to, _ := layerOf(irel)
			assert.LessOrEqual(t, to, from, "%s (layer %d) imports %s (layer %d): imports run one way", rel, from, irel, to)
		}
	}
}

// TestNumberingDeps: a record-number parser pulls in neither the validation
// engine nor x/net, and not the filing root.
func TestNumberingDeps(t *testing.T) {
	_, all := deps(t)
	d, ok := all[mod+"/numbering"]
	require.True(t, ok)
	for _, dep := range d {
		assert.False(t, strings.HasPrefix(dep, "github.com/go-playground/validator"), "numbering depends on %s", dep)
		assert.False(t, strings.HasPrefix(dep, "golang.org/x/net"), "numbering depends on %s", dep)
		assert.NotEqual(t, mod+"/filing", dep, "numbering depends on the filing root")
	}
}

// TestInternalBelowFiling: no internal package depends on the filing root.
func TestInternalBelowFiling(t *testing.T) {
	_, all := deps(t)
	n := 0
	for pkg, d := range all {
		if !strings.HasPrefix(pkg, mod+"/internal/") {
			continue
		}
		n++
		for _, dep := range d {
			assert.NotEqual(t, mod+"/filing", dep, "%s depends on the filing root", pkg)
		}
	}
	assert.NotZero(t, n, "no internal packages listed")
}
