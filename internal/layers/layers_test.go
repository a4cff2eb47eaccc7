package layers

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/internal/gittest"
	"github.com/beiankit/beian/internal/modfiles"
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

// pkg is what go list reports of one package.
type pkg struct {
	ImportPath string
	Dir        string
	Imports    []string // direct
	Deps       []string // transitive
	Error      *struct{ Err string }
	DepsErrors []struct{ Err string } // a dependency that cannot be loaded, an import of a package that does not exist say
}

// goList lists every package go list finds below the module at root
// (./...), broken ones included (-e): a broken scratch package in a clone
// must not stop the listing of the others.
func goList(root string) ([]pkg, error) {
	cmd := exec.Command("go", "list", "-e", "-json=ImportPath,Dir,Imports,Deps,Error,DepsErrors", "./...")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return nil, fmt.Errorf("go list: %w: %s", err, ee.Stderr)
		}
		return nil, fmt.Errorf("go list: %w", err)
	}
	var pkgs []pkg
	for dec := json.NewDecoder(bytes.NewReader(out)); dec.More(); {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("go list output: %w", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

// tracked keeps the packages whose directory holds a file git tracks
// (modfiles): a package only in a clone, a scratch folder say, is no part
// of the module and has no layer.
func tracked(root string, pkgs []pkg) ([]pkg, error) {
	files, err := modfiles.Files(root)
	if err != nil {
		return nil, err
	}
	dirs := map[string]bool{}
	for _, d := range modfiles.Dirs(files) {
		dirs[d] = true
	}
	top, err := realPath(root)
	if err != nil {
		return nil, err
	}
	var out []pkg
	for _, p := range pkgs {
		dir, err := realPath(p.Dir)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(top, dir)
		if err != nil {
			return nil, err
		}
		if dirs[filepath.ToSlash(rel)] {
			out = append(out, p)
		}
	}
	return out, nil
}

// realPath is path absolute, with symbolic links resolved, so that go
// list's directories and root compare.
func realPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(abs)
}

// deps runs go list on the module and returns each tracked package's
// imports (direct) and dependencies (transitive), by import path.
func deps(t *testing.T) (imports, all map[string][]string) {
	t.Helper()
	root := filepath.Join("..", "..")
	listed, err := goList(root)
	require.NoError(t, err)
	pkgs, err := tracked(root, listed)
	require.NoError(t, err)
	imports, all = map[string][]string{}, map[string][]string{}
	for _, p := range pkgs {
		if p.Error != nil {
			t.Errorf("%s: %s", p.ImportPath, p.Error.Err)
		}
		for _, e := range p.DepsErrors {
			t.Errorf("%s: %s", p.ImportPath, e.Err)
		}
		imports[p.ImportPath] = p.Imports
		all[p.ImportPath] = p.Deps
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

// TestOnlyTrackedPackagesHaveLayers: a package in a clone that git does not
// track (a scratch folder, broken even) is left out of the layer checks;
// the tracked packages are listed with their imports.
func TestOnlyTrackedPackagesHaveLayers(t *testing.T) {
	r := gittest.New(t)
	t.Setenv("GOWORK", "off")
	t.Setenv("GOFLAGS", "")
	t.Setenv("GOPROXY", "off") // the module has no requirements: nothing to download
	dir, git, write := r.Dir, r.Git, r.Write
	write("go.mod", "module example.com/m\n\ngo 1.21\n")
	write("a/a.go", "package a\n")
	write("b/b.go", "package b\n\nimport _ \"example.com/m/a\"\n")
	git("add", ".")
	git("commit", "-q", "-m", "x")
	// Untracked, importing a package that does not exist.
	write("scratch/x.go", "package scratch\n\nimport (\n\t_ \"example.com/m/b\"\n\t_ \"example.com/m/nope\"\n)\n")

	listed, err := goList(dir)
	require.NoError(t, err)
	var all []string
	for _, p := range listed {
		all = append(all, p.ImportPath)
	}
	require.Contains(t, all, "example.com/m/scratch", "go list does not see the scratch package: the test shows nothing")

	pkgs, err := tracked(dir, listed)
	require.NoError(t, err)
	got := map[string][]string{}
	for _, p := range pkgs {
		got[p.ImportPath] = p.Imports
		assert.Nil(t, p.Error, p.ImportPath)
	}
	assert.Equal(t, map[string][]string{
		"example.com/m/a": nil,
		"example.com/m/b": {"example.com/m/a"},
	}, got)
}
