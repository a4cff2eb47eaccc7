//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/beiankit/beian/cmd/beianwasm/jsapi"
)

// main registers globalThis.beianCall(method, argsJSON) → resultJSON,
// signals readiness by calling globalThis.beianReady() when the page
// defined it, and keeps the Go runtime alive for the page's lifetime.
func main() {
	call := js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) < 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeString {
			return string(jsapi.Dispatch("", nil))
		}
		return string(jsapi.Dispatch(args[0].String(), []byte(args[1].String())))
	})
	js.Global().Set("beianCall", call)
	if ready := js.Global().Get("beianReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}
