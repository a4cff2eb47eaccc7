package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The SDK in the browser (R-09 field checks as the user types): the portal
// serves the WebAssembly build of the SDK (cmd/beianwasm) under /wasm/ from
// a directory the operator builds with the Go toolchain:
//
//	go generate ./examples/portal     # runs the directive below
//	go run ./examples/portal -wasm examples/portal/wasm
//
// DESIGN: the build is not made at startup (a server need not have the Go
// toolchain) nor committed (11 MB of binary); without -wasm the portal
// serves no build and static/portal.js does nothing, so the form works as
// without scripts. The server validates every submission either way.
//
//go:generate go run ../../cmd/beianwasm -o wasm

// portalJS is the form's enhancement script, served at /static/portal.js.
//
//go:embed static/portal.js
var portalJS []byte

// wasmFiles are the files of the build the portal serves under /wasm/.
var wasmFiles = []string{"beian.wasm", "wasm_exec.js", "beian.js"}

// routeWasm adds /static/portal.js and, when dir holds the build, /wasm/,
// the files read once and served gzip-compressed to browsers that accept
// it (beian.wasm: 11 MB raw, under 3 MB compressed). It reports whether the
// build is served.
func routeWasm(mux *http.ServeMux, dir string) bool {
	mux.HandleFunc("GET /static/portal.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(portalJS)
	})
	if dir == "" {
		return false
	}
	for _, f := range wasmFiles {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return false
		}
	}
	for _, f := range wasmFiles {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			return false
		}
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		_, _ = zw.Write(b)
		_ = zw.Close()
		plain, gz := b, z.Bytes()
		sum := sha256.Sum256(b)
		etag := `"` + hex.EncodeToString(sum[:12]) + `"`
		typ := "text/javascript; charset=utf-8"
		if strings.HasSuffix(f, ".wasm") {
			typ = "application/wasm"
		}
		mux.HandleFunc("GET /wasm/"+f, func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			h.Set("Content-Type", typ)
			h.Set("Cache-Control", "no-cache")
			h.Add("Vary", "Accept-Encoding")
			body, tag := plain, etag
			if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
				h.Set("Content-Encoding", "gzip")
				body, tag = gz, etag[:len(etag)-1]+`-gz"`
			}
			// An ETag lets a browser revalidate (304) instead of fetching
			// the build again, and so reuse the code it compiled from it.
			h.Set("ETag", tag)
			http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
		})
	}
	return true
}
