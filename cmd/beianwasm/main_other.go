//go:build !(js && wasm)

package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// wrapper is the ES module that loads beian.wasm (beian.js, README.md).
//
//go:embed beian.js
var wrapper []byte

// pkg is this command's import path, which the build compiles for js/wasm.
const pkg = "github.com/beiankit/beian/cmd/beianwasm"

// main on any platform but js/wasm builds the browser files: go run
// ./cmd/beianwasm -o dir writes beian.wasm, wasm_exec.js and beian.js into
// dir with the Go toolchain on PATH (run it inside the module).
func main() {
	fs := flag.NewFlagSet("beianwasm", flag.ExitOnError)
	out := fs.String("o", "", "directory to write beian.wasm, wasm_exec.js and beian.js into")
	_ = fs.Parse(os.Args[1:])
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./cmd/beianwasm -o dir   (builds with GOOS=js GOARCH=wasm; the command itself runs in a browser)")
		os.Exit(2)
	}
	if err := build(*out); err != nil {
		fmt.Fprintln(os.Stderr, "beianwasm:", err)
		os.Exit(1)
	}
}

// build writes the three files into dir.
func build(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("go env GOROOT: %w", err)
	}
	root := strings.TrimSpace(string(goroot))
	var execJS []byte
	for _, p := range []string{filepath.Join(root, "lib", "wasm", "wasm_exec.js"), filepath.Join(root, "misc", "wasm", "wasm_exec.js")} {
		if execJS, err = os.ReadFile(p); err == nil {
			break
		}
	}
	if execJS == nil {
		return errors.New("wasm_exec.js not found under " + root + "/lib/wasm")
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(dir, "beian.wasm"), pkg)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("GOOS=js GOARCH=wasm go build %s: %w", pkg, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), execJS, 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "beian.js"), wrapper, 0o644)
}
