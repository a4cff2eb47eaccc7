// Package gittest gives tests a throwaway git repository, for the checks
// that read only what git tracks (internal/modfiles and its users).
package gittest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// Repo is a git repository in a temporary directory of its test.
type Repo struct {
	// Dir is the repository's work tree.
	Dir string
	tb  testing.TB
}

// New initialises an empty repository in a new temporary directory, or
// skips the test with a one-line reason when git is not installed.
func New(tb testing.TB) *Repo {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		tb.Skip("git not installed: the tracked-files listing needs it")
	}
	r := &Repo{Dir: tb.TempDir(), tb: tb}
	r.Git("init", "-q")
	return r
}

// Git runs git in the repository (with a committer of its own) and fails
// the test when git does.
func (r *Repo) Git(args ...string) {
	r.tb.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.Dir, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
	out, err := cmd.CombinedOutput()
	require.NoError(r.tb, err, "git %v: %s", args, out)
}

// Write writes a file of the work tree, at a slash-separated path, making
// its directories.
func (r *Repo) Write(rel, text string) {
	r.tb.Helper()
	p := filepath.Join(r.Dir, filepath.FromSlash(rel))
	require.NoError(r.tb, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(r.tb, os.WriteFile(p, []byte(text), 0o644))
}
