package rulecov

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/internal/modfiles"
)

var update = flag.Bool("update", false, "rewrite README.md's rule coverage table")

const (
	root      = "../.."
	catalogue = "docs/rules.md"
	beginMark = "<!-- rulecov:begin (generated from docs/rules.md and the tests: go test ./internal/rulecov -update) -->"
	endMark   = "<!-- rulecov:end -->"
)

var (
	ruleID   = regexp.MustCompile(`\bR-\d\d\b`)
	testFunc = regexp.MustCompile(`(?m)^func ((?:Test|Fuzz)R(\d\d)_\w*)\(`)
	// | R-21 | **Title.** text | source | `pkg`, `pkg` |
	catalogueRow = regexp.MustCompile(`^\| (R-\d\d) \| \*\*([^*]+)\*\* ([^|]+) \| ([^|]+) \| ([^|]+) \|$`)
	quoted       = regexp.MustCompile("`([^`]+)`")
)

// rule is one row of the catalogue.
type rule struct {
	id, title, text, source string
	packages                []string
}

// readCatalogue parses docs/rules.md.
func readCatalogue(t *testing.T) []rule {
	t.Helper()
	var rules []rule
	seen := map[string]bool{}
	for i, line := range strings.Split(read(t, filepath.Join(root, catalogue)), "\n") {
		if !strings.HasPrefix(line, "| R-") {
			continue
		}
		m := catalogueRow.FindStringSubmatch(line)
		if !assert.NotNil(t, m, "%s:%d: a rule row is | R-xx | **Title.** text | source | `package` |", catalogue, i+1) {
			continue
		}
		r := rule{id: m[1], title: strings.TrimSuffix(m[2], "."), text: m[3], source: strings.TrimSpace(m[4])}
		for _, p := range quoted.FindAllStringSubmatch(m[5], -1) {
			r.packages = append(r.packages, p[1])
		}
		assert.False(t, seen[r.id], "%s:%d: %s listed twice", catalogue, i+1, r.id)
		assert.NotEmpty(t, r.packages, "%s:%d: %s names no package", catalogue, i+1, r.id)
		assert.NotEmpty(t, r.source, "%s:%d: %s names no source", catalogue, i+1, r.id)
		seen[r.id] = true
		rules = append(rules, r)
	}
	require.NotEmpty(t, rules, "%s lists no rule", catalogue)
	return rules
}

// walk calls fn for every file of the module (modfiles.Files) with one of
// the extensions, skipping hidden directories and fuzz corpora.
func walk(t *testing.T, exts []string, fn func(rel, text string)) {
	t.Helper()
	files, err := modfiles.Files(root)
	require.NoError(t, err)
	for _, rel := range files {
		if strings.HasPrefix(rel, ".") || strings.Contains(rel, "/.") || strings.Contains("/"+rel, "/testdata/fuzz/") {
			continue
		}
		if slices.Contains(exts, filepath.Ext(rel)) {
			fn(rel, read(t, filepath.Join(root, filepath.FromSlash(rel))))
		}
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// TestCitationsAreInTheCatalogue: every R-xx the module cites (Go sources,
// docs, data, templates) is a row of docs/rules.md. Test files are held to
// it through their test names (TestReadmeRuleCoverage); their bodies may use
// unknown IDs on purpose.
func TestCitationsAreInTheCatalogue(t *testing.T) {
	known := map[string]bool{}
	for _, r := range readCatalogue(t) {
		known[r.id] = true
	}
	reported := map[string]bool{}
	walk(t, []string{".go", ".md", ".json", ".html", ".tmpl", ".txt"}, func(rel, text string) {
		if strings.HasSuffix(rel, "_test.go") {
			return
		}
		for _, id := range ruleID.FindAllString(text, -1) {
			if !known[id] && !reported[rel+id] {
				reported[rel+id] = true
				t.Errorf("%s cites %s, which %s does not list", rel, id, catalogue)
			}
		}
	})
}

// ruleTests returns the test and fuzz functions of the module by rule ID
// ("R-21"), sorted, each as "dir.TestName".
func ruleTests(t *testing.T) map[string][]string {
	byRule := map[string][]string{}
	walk(t, []string{".go"}, func(rel, text string) {
		if !strings.HasSuffix(rel, "_test.go") {
			return
		}
		for _, m := range testFunc.FindAllStringSubmatch(text, -1) {
			byRule["R-"+m[2]] = append(byRule["R-"+m[2]], m[1])
		}
	})
	for _, names := range byRule {
		slices.Sort(names)
	}
	return byRule
}

// coverageTable renders the README's table.
func coverageTable(rules []rule, byRule map[string][]string) string {
	var b strings.Builder
	b.WriteString("| Rule | What | Package | Tests (names start with the rule ID) |\n|---|---|---|---|\n")
	for _, r := range rules {
		pkgs := make([]string, len(r.packages))
		for i, p := range r.packages {
			pkgs[i] = "`" + p + "`"
		}
		tests := "**not covered yet**"
		if names := slices.Compact(byRule[r.id]); len(names) > 0 {
			shown := names[:min(2, len(names))]
			tests = "`" + strings.Join(shown, "`, `") + "`"
			if len(names) > len(shown) {
				tests += fmt.Sprintf(" (+%d)", len(names)-len(shown))
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", r.id, r.title, strings.Join(pkgs, ", "), tests)
	}
	return b.String()
}

// TestReadmeRuleCoverage: the README's coverage table is the one generated
// from the catalogue and the tests present, so it can neither miss a rule
// nor claim a test that does not exist.
func TestReadmeRuleCoverage(t *testing.T) {
	rules := readCatalogue(t)
	byRule := ruleTests(t)
	want := coverageTable(rules, byRule)

	var uncovered []string
	for _, r := range rules {
		if len(byRule[r.id]) == 0 {
			uncovered = append(uncovered, r.id)
		}
	}
	if len(uncovered) > 0 {
		t.Logf("rules with no test yet (the table says so): %s", strings.Join(uncovered, ", "))
	}
	for id := range byRule {
		assert.True(t, slices.ContainsFunc(rules, func(r rule) bool { return r.id == id }),
			"tests are named for %s (%v), which %s does not list", id, byRule[id], catalogue)
	}

	path := filepath.Join(root, "README.md")
	readme := read(t, path)
	begin, end := strings.Index(readme, beginMark), strings.Index(readme, endMark)
	require.True(t, begin >= 0 && end > begin, "README.md lacks the markers\n%s\n%s", beginMark, endMark)
	got := strings.TrimPrefix(readme[begin+len(beginMark):end], "\n")
	if got == want {
		return
	}
	if *update {
		readme = readme[:begin+len(beginMark)] + "\n" + want + readme[end:]
		require.NoError(t, os.WriteFile(path, []byte(readme), 0o644))
		t.Log("README.md's rule coverage table rewritten")
		return
	}
	t.Errorf("README.md's rule coverage table is out of date; run\n\tgo test ./internal/rulecov -run TestReadmeRuleCoverage -update\nwant:\n%s", want)
}
