package modfiles

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Files returns the files below root, as slash-separated paths relative to
// root, sorted. In a git checkout these are the files git tracks that exist
// in the work tree (a tracked file deleted but not yet committed is left
// out); elsewhere every regular file, hidden directories aside.
func Files(root string) ([]string, error) {
	if files, ok := tracked(root); ok {
		return files, nil
	}
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			rel, err := filepath.Rel(root, path)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(files)
	return files, err
}

// tracked asks git for the tracked files below root; ok is false when root
// is not inside a git work tree or git is missing.
func tracked(root string) (files []string, ok bool) {
	cmd := exec.Command("git", "-C", root, "ls-files", "-z", "--", ".")
	cmd.Stderr = nil
	out, err := cmd.Output()
	if err != nil {
		return nil, false
	}
	for _, f := range bytes.Split(out, []byte{0}) {
		if len(f) == 0 {
			continue
		}
		rel := string(f)
		if fi, err := os.Lstat(filepath.Join(root, filepath.FromSlash(rel))); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		files = append(files, rel)
	}
	slices.Sort(files)
	return files, true
}

// Dirs returns the directories that hold at least one of files, with
// files' own slash-separated form, sorted ("." for root itself).
func Dirs(files []string) []string {
	var dirs []string
	for _, f := range files {
		dirs = append(dirs, pathDir(f))
	}
	slices.Sort(dirs)
	return slices.Compact(dirs)
}

func pathDir(f string) string {
	if i := strings.LastIndexByte(f, '/'); i >= 0 {
		return f[:i]
	}
	return "."
}
