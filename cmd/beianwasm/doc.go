// Command beianwasm is the SDK's rules compiled to WebAssembly for the
// applicant's browser: the same validation, field checks, record-number
// parser and working-day countdown the server runs, from the same Go code
// (cmd/beianwasm/jsapi).
//
// Build it with the Go toolchain alone:
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags=-s -o beian.wasm ./cmd/beianwasm
//	cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" .
//
// and load it with the ES module beian.js next to this file (see
// README.md): it starts the Go runtime, which registers one function,
// globalThis.beianCall(method, argsJSON), and resolves when it is ready.
// Built for another platform the command only says how to build it.
package main
