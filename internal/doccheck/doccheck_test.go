package doccheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/internal/modfiles"
)

const root = "../.."

func read(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, rel))
	require.NoError(t, err)
	return string(b)
}

// block is a fenced code block of a Markdown file.
type block struct {
	lang, text string
	line       int    // line of the opening fence, 1-based
	before     string // the text between the previous block and this one
}

func fencedBlocks(md string) []block {
	var blocks []block
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "```") {
			continue
		}
		b := block{lang: strings.TrimPrefix(lines[i], "```"), line: i + 1}
		for j := i - 1; j >= 0 && !strings.HasPrefix(lines[j], "```"); j-- {
			b.before = lines[j] + "\n" + b.before
		}
		var body []string
		for i++; i < len(lines) && !strings.HasPrefix(lines[i], "```"); i++ {
			body = append(body, lines[i])
		}
		b.text = strings.Join(body, "\n") + "\n"
		blocks = append(blocks, b)
	}
	return blocks
}

var testFileLink = regexp.MustCompile(`\]\(([\w./-]+_test\.go)\)`)

// TestReadmeGoBlocksAreQuotedTests: a README Go block cannot drift from
// the code, because it is a test file, or one declaration of it, that go
// test compiles and runs.
func TestReadmeGoBlocksAreQuotedTests(t *testing.T) {
	blocks := fencedBlocks(read(t, "README.md"))
	quotedAny := false
	file := "" // the test file last linked: a block quotes it
	for _, b := range blocks {
		if b.lang != "go" {
			continue
		}
		quotedAny = true
		if m := testFileLink.FindAllStringSubmatch(b.before, -1); m != nil {
			file = m[len(m)-1][1]
		}
		if !assert.NotEmpty(t, file, "README.md:%d: the text before a Go block links the test file it quotes: [`pkg/x_test.go`](pkg/x_test.go)", b.line) {
			continue
		}
		m := []string{"", file}
		src := read(t, m[1])
		if b.text == src {
			assert.Contains(t, src, "// Output:", "README.md:%d: %s has no Example with an // Output: comment", b.line, m[1])
			continue
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, m[1], src, parser.ParseComments)
		require.NoError(t, err)
		found := false
		for _, d := range file.Decls {
			start := d.Pos()
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				start = fd.Doc.Pos()
			}
			decl := src[fset.Position(start).Offset:fset.Position(d.End()).Offset] + "\n"
			if decl == b.text {
				found = true
				fd, ok := d.(*ast.FuncDecl)
				if ok && strings.HasPrefix(fd.Name.Name, "Example") {
					assert.Contains(t, decl, "// Output:", "README.md:%d: %s is not run by go test without an // Output: comment", b.line, fd.Name.Name)
				}
			}
		}
		assert.True(t, found, "README.md:%d: the Go block is neither %s nor one of its declarations (with its doc comment); copy it again from the file", b.line, m[1])
	}
	assert.True(t, quotedAny, "README.md has no Go block")
}

var (
	localPath = regexp.MustCompile(`(?:^|\s)\./([\w./-]+)`)
	goRunCell = regexp.MustCompile("^\\|.*`go (run|test|build) [^`]*`")
)

// TestReadmeCommandsPaste: shell blocks can be pasted as they are, and
// commands live in blocks, not in table cells (where | must be escaped).
func TestReadmeCommandsPaste(t *testing.T) {
	readme := read(t, "README.md")
	for _, b := range fencedBlocks(readme) {
		if b.lang != "sh" {
			continue
		}
		assert.NotContains(t, b.text, `\|`, "README.md:%d: an escaped pipe does not paste", b.line)
		for _, m := range localPath.FindAllStringSubmatch(b.text, -1) {
			p := strings.TrimRight(m[1], "./")
			if strings.HasSuffix(p, "...") || p == "" {
				continue
			}
			_, err := os.Stat(filepath.Join(root, strings.TrimSuffix(p, "/...")))
			assert.NoError(t, err, "README.md:%d: ./%s does not exist", b.line, m[1])
		}
	}
	for i, line := range strings.Split(readme, "\n") {
		assert.False(t, goRunCell.MatchString(line), "README.md:%d: a command in a table cell; put it in a sh block", i+1)
	}
	// The Go version the README states is go.mod's.
	gomod := read(t, "go.mod")
	v := regexp.MustCompile(`(?m)^go (\S+)$`).FindStringSubmatch(gomod)
	require.NotNil(t, v)
	assert.True(t, strings.Contains(readme, "Go "+v[1]), "README.md does not state go.mod's Go version (Go %s)", v[1])
}

// Citations that only make sense inside the workspace the module was
// written in, or that point at a tracker rather than a document.
type outsidePattern struct {
	re   *regexp.Regexp
	what string
}

var outside = []outsidePattern{
	{regexp.MustCompile(`\.\./shared|project workspace`), "the workspace outside the module"},
	{regexp.MustCompile(`(?i)\bseeds?/|\bseeds? ?0\d\d\b`), "a folder of source documents outside the module (name the document's title)"},
	{regexp.MustCompile(`DESIGN\.md|(?:^|[^/\w])RULES\.md|filing-facts|\bfacts(?:-2023)? §`), "a design note or catalogue outside the module (rules: docs/rules.md)"},
	{regexp.MustCompile(`(?:^|[\s("'])reference/`), "a reference folder outside the module"},
	{regexp.MustCompile(`(?i)github issue|\bissues? #?\d+\b|\b(?:of|from) the issues\b`), "an issue number (say what the requirement is)"},
	{regexp.MustCompile(`(?i)\b(?:this|that|the earlier|an earlier|the previous|a previous) session\b|session that wrote`), "the sessions that wrote the code"},
}

// anyOutside matches where one of outside does: one pass over a file.
var anyOutside = func() *regexp.Regexp {
	var alts []string
	for _, o := range outside {
		alts = append(alts, "(?:"+o.re.String()+")")
	}
	return regexp.MustCompile("(?m)" + strings.Join(alts, "|"))
}()

// TestNoCitationOutsideTheModule: a user of the module has only the
// module; every citation must resolve inside it or to a public document.
func TestNoCitationOutsideTheModule(t *testing.T) {
	exts := []string{".go", ".md", ".json", ".html", ".tmpl", ".txt", ".css", ".sh", ""}
	// The tests that hold such patterns themselves.
	exempt := []string{"internal/doccheck/doccheck_test.go", "internal/datacheck/data_test.go"}
	files, err := modfiles.Files(root)
	require.NoError(t, err)
	for _, rel := range files {
		if strings.Contains("/"+rel, "/testdata/fuzz/") || strings.HasPrefix(rel, ".") && !strings.HasPrefix(rel, ".ci/") {
			continue
		}
		if slices.Contains(exempt, rel) || !slices.Contains(exts, filepath.Ext(rel)) || rel == "LICENSE" || strings.HasPrefix(rel, "go.") {
			continue
		}
		text := read(t, rel)
		if !anyOutside.MatchString(text) {
			continue
		}
		for n, line := range strings.Split(text, "\n") {
			for _, o := range outside {
				if loc := o.re.FindStringIndex(line); loc != nil {
					t.Errorf("%s:%d cites %s: %q", rel, n+1, o.what, line[loc[0]:loc[1]])
				}
			}
		}
	}
}

// The patterns catch what they are meant to catch, and leave public
// citations alone.
func TestOutsidePatterns(t *testing.T) {
	cases := []struct {
		line string
		bad  bool
	}{
		{"// see ../shared/RULES.md in the project workspace", true},
		{"// source: seeds" + "/002 §四", true}, // split so that greps for such citations skip this table
		{"// from seed " + "001 (三)2", true},
		{"// as DESIGN.md says", true},
		{"// RULES.md lists it", true},
		{"// reference/filing-facts.md §7", true},
		{"// as facts-2023 §1.4 says", true},
		{"// GitHub " + "issue " + "8", true},
		{"Issue 4 targets: IsWorkday ≤ 10 ns", true},
		{"Targets come from the issues; speed is", true},
		{"after this session's change", true},
		{"rules: docs/rules.md", false},
		{"Timeout bounds one browser session, start to close", false},
		{"seed := maphash.MakeSeed()", false},
		{"// same seed, same export", false},
		{"C issue goplus/builder#468 (2024): *.dev 也无法在国内备案", false},
		{"golang/go#75804, fixed in Go 1.27", false},
		{"a number is never issued twice", false},
		{"https://developer.android.com/reference/tools/gradle-api", false},
	}
	for _, c := range cases {
		bad := false
		for _, o := range outside {
			bad = bad || o.re.MatchString(c.line)
		}
		assert.Equal(t, c.bad, bad, c.line)
	}
}

// TestPackagesHaveFrontDoors: every package opens with a doc comment
// ("Package x ..." or, for a command, "Command x ..."), and every package a
// user imports has at least one Example, so that pkg.go.dev and
// `go test -run Example ./...` show how to call it.
func TestPackagesHaveFrontDoors(t *testing.T) {
	files, err := modfiles.Files(root)
	require.NoError(t, err)
	dirs := map[string]bool{}
	for _, rel := range files {
		if strings.HasSuffix(rel, ".go") && !strings.Contains("/"+rel, "/testdata/") && !strings.Contains("/"+rel, "/.") {
			dirs[filepath.Join(root, filepath.FromSlash(rel[:max(strings.LastIndexByte(rel, '/'), 0)]))] = true
		}
	}
	for dir := range dirs {
		rel, _ := filepath.Rel(root, dir)
		rel = filepath.ToSlash(rel)
		var name, doc string
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, fn := range files {
			if strings.HasSuffix(fn, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), fn, nil, parser.ParseComments|parser.PackageClauseOnly)
			require.NoError(t, err)
			name = f.Name.Name
			if f.Doc != nil {
				doc = f.Doc.Text()
			}
		}
		examples := false
		if name == "" {
			continue // tests only
		}
		word := "Package " + name + " "
		if name == "main" {
			word = "Command " + filepath.Base(dir) + " "
		}
		assert.True(t, strings.HasPrefix(doc, word), "%s: the package doc does not open with %q", rel, word)
		if name == "main" || strings.HasPrefix(rel, "internal/") {
			continue
		}
		tests, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
		for _, f := range tests {
			examples = examples || regexp.MustCompile(`(?m)^func Example\w*\(\)`).MatchString(read(t, filepath.Join(rel, filepath.Base(f))))
		}
		assert.True(t, examples, "%s has no Example function", rel)
	}
}

// TestCIScratchFilesInATempDir: .ci/run keeps its scratch files in a
// directory of its own, removed however it exits, so a run leaves nothing
// behind in /tmp.
func TestCIScratchFilesInATempDir(t *testing.T) {
	script := read(t, ".ci/run")
	assert.Regexp(t, `(?m)^tmp=\$\(mktemp -d\)$`, script)
	assert.Regexp(t, `(?m)^trap 'rm -rf "\$tmp"' EXIT$`, script)
	// Every step writes its scratch files under $tmp, which the trap removes.
	for i, line := range strings.Split(script, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		assert.NotContains(t, line, "/tmp/", ".ci/run line %d writes outside $tmp", i+1)
	}
}

// TestCIInstallsWithoutRecommends: every apt-get install of .ci/run and the
// scripts it calls takes only the packages named, not their recommends (a
// lean CI: the browser alone pulled in over a hundred packages with them).
func TestCIInstallsWithoutRecommends(t *testing.T) {
	files, err := modfiles.Files(root)
	require.NoError(t, err)
	installs := 0
	for _, rel := range files {
		if rel != ".ci/run" && !(strings.HasPrefix(rel, "scripts/") && strings.HasSuffix(rel, ".sh")) {
			continue
		}
		for i, line := range strings.Split(read(t, rel), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "#") || !strings.Contains(line, "apt-get install") {
				continue
			}
			installs++
			assert.Contains(t, line, "--no-install-recommends", "%s:%d installs the packages' recommends too", rel, i+1)
		}
	}
	assert.Positive(t, installs, "no apt-get install found in .ci/run or scripts/")
}

// TestScriptsLeaveTheCloneBeforeSu: a script that runs commands as another
// user (su postgres -c …) first changes to a folder that user may enter, so
// that a clone in a mode-0700 folder does not make it print "could not
// change directory … Permission denied".
func TestScriptsLeaveTheCloneBeforeSu(t *testing.T) {
	files, err := modfiles.Files(root)
	require.NoError(t, err)
	for _, rel := range files {
		if !strings.HasPrefix(rel, "scripts/") || !strings.HasSuffix(rel, ".sh") {
			continue
		}
		cd := false
		for i, line := range strings.Split(read(t, rel), "\n") {
			line = strings.TrimSpace(line)
			if strings.HasPrefix(line, "#") {
				continue
			}
			if line == "cd /" || strings.HasPrefix(line, "cd /tmp") {
				cd = true
			}
			if strings.Contains(line, "su postgres") || strings.Contains(line, "su mysql") || strings.Contains(line, "runuser ") {
				assert.True(t, cd, "%s:%d runs a command as another user before changing to a folder it may enter (cd /)", rel, i+1)
			}
		}
	}
}

// TestReadmeInstallFromAClone: the README's way to use a clone that is not
// published (go mod edit -require … -replace …, then go mod tidy) builds a
// fresh module that imports the SDK.
func TestReadmeInstallFromAClone(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module: skipped with -short")
	}
	readme := read(t, "README.md")
	cmd := regexp.MustCompile(`(?m)^go mod edit -require=github\.com/beiankit/beian@(\S+) -replace=github\.com/beiankit/beian=\S+$`).FindStringSubmatch(readme)
	require.NotNil(t, cmd, "the README shows no go mod edit line for a clone")
	abs, err := filepath.Abs(root)
	require.NoError(t, err)
	app := t.TempDir()
	write := func(name, text string) {
		require.NoError(t, os.WriteFile(filepath.Join(app, name), []byte(text), 0o644))
	}
	write("main.go", "package main\n\nimport (\n\t\"fmt\"\n\n\t\"github.com/beiankit/beian/numbering\"\n)\n\nfunc main() {\n\tn, err := numbering.Parse(\"黔ICP备2026001073号-1\")\n\tfmt.Println(n, err)\n}\n")
	gocmd := func(args ...string) {
		t.Helper()
		c := exec.Command("go", args...)
		c.Dir = app
		c.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		out, err := c.CombinedOutput()
		require.NoError(t, err, "go %s: %s", strings.Join(args, " "), out)
	}
	gocmd("mod", "init", "example.com/app")
	gocmd("mod", "edit", "-require=github.com/beiankit/beian@"+cmd[1], "-replace=github.com/beiankit/beian="+abs)
	gocmd("mod", "tidy")
	gocmd("build", "-o", filepath.Join(app, "app"), ".")
}

var (
	// inlineLink matches an inline link or image, [text](target) or
	// [text](target "title"); group 1 is the target.
	inlineLink = regexp.MustCompile(`\]\(\s*<?([^()\s<>]*)>?(?:\s+"[^"]*")?\s*\)`)
	// refLink matches a link reference definition, [label]: target.
	refLink = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*<?([^\s<>]+)>?`)
	// codeSpan is inline code, where brackets are text, not links.
	codeSpan = regexp.MustCompile("`[^`]*`")
	// scheme opens a link to another site (https:, mailto:, //host).
	scheme = regexp.MustCompile(`^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)`)
)

// mdLinkRef is a link of a Markdown file: its target as written, and the
// line it is on, 1-based.
type mdLinkRef struct {
	line   int
	target string
}

// mdLinks returns the links of a Markdown text outside fenced code blocks
// and code spans.
func mdLinks(md string) []mdLinkRef {
	var links []mdLinkRef
	fenced := false
	for i, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		line = codeSpan.ReplaceAllString(line, "``")
		for _, m := range inlineLink.FindAllStringSubmatch(line, -1) {
			links = append(links, mdLinkRef{i + 1, m[1]})
		}
		if m := refLink.FindStringSubmatch(line); m != nil {
			links = append(links, mdLinkRef{i + 1, m[1]})
		}
	}
	return links
}

// linkPath returns the module path that a link written in the Markdown
// file md (a module path) points at, and false for a link that names no
// file of the module: a URL, or an anchor of the same page. A path that
// leaves the module starts with "../".
func linkPath(md, target string) (string, bool) {
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	if target == "" || scheme.MatchString(target) {
		return "", false
	}
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	if rest, ok := strings.CutPrefix(target, "/"); ok { // from the top of the repository
		return path.Clean(rest), true
	}
	return path.Join(path.Dir(md), target), true
}

// TestMarkdownLinkTargets: what linkPath and mdLinks take a link to mean.
func TestMarkdownLinkTargets(t *testing.T) {
	cases := []struct {
		md, target, want string
		local            bool
	}{
		{"docs/postgres.md", "../conflict/pgstore/example_test.go", "conflict/pgstore/example_test.go", true},
		{"docs/mysql.md", "postgres.md", "docs/postgres.md", true},
		{"docs/mysql.md", "../BENCHMARKS.md#mysql-family", "BENCHMARKS.md", true},
		{"README.md", "docs/portal.png", "docs/portal.png", true},
		{"README.md", "examples/portal/", "examples/portal", true},
		{"README.md", "docs/a%20b.md", "docs/a b.md", true},
		{"docs/a.md", "/forms/doc.go", "forms/doc.go", true},
		{"docs/a.md", "../../x.md", "../x.md", true},
		{"README.md", "#continuous-integration", "", false},
		{"README.md", "https://beian.miit.gov.cn/", "", false},
		{"README.md", "mailto:a@example.com", "", false},
	}
	for _, c := range cases {
		got, local := linkPath(c.md, c.target)
		assert.Equal(t, c.local, local, "%s: %s", c.md, c.target)
		assert.Equal(t, c.want, got, "%s: %s", c.md, c.target)
	}
	md := "[a](x.md) and ![b](y.png \"title\") and `[c](code.md)`\n```md\n[d](fenced.md)\n```\n[e]: ref.md\n[`f`](../f.go)"
	assert.Equal(t, []mdLinkRef{{1, "x.md"}, {1, "y.png"}, {5, "ref.md"}, {6, "../f.go"}}, mdLinks(md))
}

// TestMarkdownLinksResolve: every relative link of every Markdown file the
// module tracks (README.md, docs/*.md and the rest) points at a file or a
// directory git tracks, so a renamed or deleted file, or a link only to a
// clone's scratch file, fails here rather than in a reader's browser.
func TestMarkdownLinksResolve(t *testing.T) {
	files, err := modfiles.Files(root)
	require.NoError(t, err)
	tracked := map[string]bool{}
	for _, f := range files {
		tracked[f] = true
		for d := path.Dir(f); !tracked[d]; d = path.Dir(d) {
			tracked[d] = true // a directory: a folder of tracked files
		}
	}
	var mds []string
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			mds = append(mds, f)
		}
	}
	require.Contains(t, mds, "README.md")
	require.Contains(t, mds, "docs/postgres.md")
	checked := 0
	for _, md := range mds {
		for _, l := range mdLinks(read(t, md)) {
			p, local := linkPath(md, l.target)
			if !local {
				continue
			}
			checked++
			assert.True(t, tracked[p] && !strings.HasPrefix(p, "../"), "%s:%d links %s, which is no tracked file or directory of the module (%s)", md, l.line, l.target, p)
		}
	}
	assert.Positive(t, checked, "no relative link found: is the parser broken?")
	t.Logf("%d relative links in %d Markdown files", checked, len(mds))
}

// adapterRow is a row of docs/postgres.md's adapter table: the package in
// its first cell.
var adapterRow = regexp.MustCompile("(?m)^\\| `([\\w/]+store)` \\|")

// TestPostgresDocLinksBothExamples: docs/postgres.md points at the example
// of every adapter its table lists (numbering/pgstore and conflict/pgstore),
// the wiring it describes in prose.
func TestPostgresDocLinksBothExamples(t *testing.T) {
	const md = "docs/postgres.md"
	text := read(t, md)
	var adapters []string
	for _, m := range adapterRow.FindAllStringSubmatch(text, -1) {
		adapters = append(adapters, m[1])
	}
	require.Subset(t, adapters, []string{"numbering/pgstore", "conflict/pgstore"}, "%s's table no longer lists both adapters", md)
	linked := map[string]bool{}
	for _, l := range mdLinks(text) {
		if p, local := linkPath(md, l.target); local {
			linked[p] = true
		}
	}
	for _, a := range adapters {
		assert.True(t, linked[a+"/example_test.go"], "%s does not link %s/example_test.go, the wiring of its adapter %s", md, a, a)
	}
}
