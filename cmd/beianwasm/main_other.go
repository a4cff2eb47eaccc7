//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main on any platform but js/wasm says how to build the command.
func main() {
	fmt.Fprintln(os.Stderr, "beianwasm runs in a browser: GOOS=js GOARCH=wasm go build -o beian.wasm ./cmd/beianwasm")
	os.Exit(2)
}
