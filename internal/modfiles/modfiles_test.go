package modfiles

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/internal/gittest"
)

// An untracked scratch package in a clone is not a file of the module; a
// tracked file is, and one deleted from the work tree is not.
func TestFilesAreTheTrackedOnes(t *testing.T) {
	r := gittest.New(t)
	dir, git, write := r.Dir, r.Git, r.Write
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
