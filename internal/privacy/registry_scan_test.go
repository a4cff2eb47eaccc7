package privacy

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/beiankit/beian/internal/modfiles"
)

// moduleRoot is the module's root directory, two levels up.
func moduleRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found at %s: %v", root, err)
	}
	return root
}

// exportedTypes parses every non-test Go file of the module outside
// testdata and returns "dir.Type" for each exported type declared in a
// package other than main ("filing.Filing", "filing/shell.Report").
func exportedTypes(t *testing.T) []string {
	t.Helper()
	root := moduleRoot(t)
	seen := map[string]bool{}
	fset := token.NewFileSet()
	files, err := modfiles.Files(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, relFile := range files {
		if !strings.HasSuffix(relFile, ".go") || strings.HasSuffix(relFile, "_test.go") {
			continue
		}
		if skip := "/" + relFile; strings.Contains(skip, "/testdata/") || strings.Contains(skip, "/.") || strings.Contains(skip, "/_") {
			continue
		}
		// An internal package below a top-level one (conflict/internal/...)
		// cannot be imported from here, nor by users: its types reach them
		// only inside its parent's, which the registry lists.
		if !strings.HasPrefix(relFile, "internal/") && strings.Contains(relFile, "/internal/") {
			continue
		}
		path := filepath.Join(root, filepath.FromSlash(relFile))
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name.Name == "main" {
			continue
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE {
				continue
			}
			for _, spec := range gd.Specs {
				ts := spec.(*ast.TypeSpec)
				if ts.Name.IsExported() {
					seen[rel+"."+ts.Name.Name] = true
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
