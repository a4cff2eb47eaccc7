package rulecov

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const root = "../.."

var (
	ruleID   = regexp.MustCompile(`\bR-\d\d\b`)
	testFunc = regexp.MustCompile(`(?m)^func ((?:Test|Fuzz)R(\d\d)_\w*)\(`)
	tableRow = regexp.MustCompile(`^\| (R-\d\d) \|[^|]*\| ([^|]*) \| ([^|]*) \|$`)
	quoted   = regexp.MustCompile("`([^`]+)`")
)

// goFiles returns the repository's Go files (not testdata) by package
// directory, split into sources and tests.
func goFiles(t *testing.T) (sources, tests map[string][]string) {
	t.Helper()
	sources, tests = map[string][]string{}, map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		dir, _ := filepath.Rel(root, filepath.Dir(path))
		if strings.HasSuffix(path, "_test.go") {
			tests[filepath.ToSlash(dir)] = append(tests[filepath.ToSlash(dir)], path)
		} else {
			sources[filepath.ToSlash(dir)] = append(sources[filepath.ToSlash(dir)], path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sources, tests
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReadmeRuleCoverage(t *testing.T) {
	sources, tests := goFiles(t)

	// Rule tests by package directory, and all of them by rule.
	funcs := map[string]map[string]bool{} // dir → test name → true
	byRule := map[string][]string{}       // "R-21" → test names
	for dir, files := range tests {
		funcs[dir] = map[string]bool{}
		for _, f := range files {
			for _, m := range testFunc.FindAllStringSubmatch(read(t, f), -1) {
				funcs[dir][m[1]] = true
				byRule["R-"+m[2]] = append(byRule["R-"+m[2]], m[1])
			}
		}
	}

	// The README's table.
	readme := read(t, filepath.Join(root, "README.md"))
	start := strings.Index(readme, "## Rule coverage")
	if start < 0 {
		t.Fatal("README.md has no \"## Rule coverage\" section")
	}
	rows := map[string]bool{}
	for _, line := range strings.Split(readme[start:], "\n")[1:] {
		if strings.HasPrefix(line, "## ") {
			break
		}
		m := tableRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		id := m[1]
		rows[id] = true
		var dirs []string
		for _, p := range quoted.FindAllStringSubmatch(m[2], -1) {
			dirs = append(dirs, p[1])
		}
		named := quoted.FindAllStringSubmatch(m[3], -1)
		if len(named) == 0 {
			t.Errorf("%s: the row names no test", id)
		}
		for _, n := range named {
			name, found := n[1], false
			for _, d := range dirs {
				found = found || funcs[d][name]
			}
			if !found {
				t.Errorf("%s: test %s is not in package(s) %v", id, name, dirs)
			}
			if !strings.HasPrefix(name, "Test"+strings.ReplaceAll(id, "-", "")) && !strings.HasPrefix(name, "Fuzz"+strings.ReplaceAll(id, "-", "")) {
				t.Errorf("%s: test %s does not carry the rule ID", id, name)
			}
		}
		if len(byRule[id]) == 0 {
			t.Errorf("%s: no test anywhere starts with its ID", id)
		}
	}
	if len(rows) == 0 {
		t.Fatal("the rule coverage table has no rows")
	}

	// Every rule the sources cite has a row.
	for dir, files := range sources {
		for _, f := range files {
			for _, id := range ruleID.FindAllString(read(t, f), -1) {
				if !rows[id] {
					t.Errorf("%s cites %s, which README.md's rule coverage table lacks", filepath.Join(dir, filepath.Base(f)), id)
					rows[id] = true // once
				}
			}
		}
	}
}
