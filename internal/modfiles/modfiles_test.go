package modfiles

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An untracked scratch package in a clone is not a file of the module; a
// tracked file is, and one deleted from the work tree is not.
func TestFilesAreTheTrackedOnes(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed: the tracked-files listing needs it")
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "git %v: %s", args, out)
	}
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	git("init", "-q")
	write("a.go", "package a\n")
	write("sub/b.go", "package sub\n")
	write("gone.go", "package a\n")
	git("add", ".")
	git("commit", "-q", "-m", "x")
	write("scratch/x.go", "package scratch\n") // untracked
	require.NoError(t, os.Remove(filepath.Join(dir, "gone.go")))

	files, err := Files(dir)
	require.NoError(t, err)
	assert.Equal(t, []string{"a.go", "sub/b.go"}, files)
	assert.Equal(t, []string{".", "sub"}, Dirs(files))
}

// Outside a git checkout every file counts, hidden directories aside.
func TestFilesWithoutGit(t *testing.T) {
	dir := t.TempDir()
	for _, rel := range []string{"a.go", "sub/b.go", ".hidden/c.go"} {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("package x\n"), 0o644))
	}
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	files, err := Files(dir)
	require.NoError(t, err)
	assert.Equal(t, []string{"a.go", "sub/b.go"}, files)
}
