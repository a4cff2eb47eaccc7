package main

import (
	"bytes"
	"compress/gzip"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/footer"
	"github.com/beiankit/beian/filing/lifecycle"
)

// fakeBuild writes three small files standing in for the build.
func fakeBuild(t *testing.T) string {
	dir := t.TempDir()
	for _, f := range wasmFiles {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), bytes.Repeat([]byte("// "+f+"\n"), 200), 0o644))
	}
	return dir
}

func wasmServer(t *testing.T, dir string) *httptest.Server {
	h, err := newServer(options{Now: func() time.Time { return cst(2026, 3, 2, 10) }, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), WasmDir: dir})
	require.NoError(t, err)
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

func fetch(t *testing.T, ts *httptest.Server, path string, gz bool) (*http.Response, []byte) {
	req, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	require.NoError(t, err)
	if gz {
		req.Header.Set("Accept-Encoding", "gzip")
	} else {
		req.Header.Set("Accept-Encoding", "identity")
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, b
}

// TestWasmServed: with a build the portal serves its three files, gzip to
// browsers that accept it, with the types browsers need to run them; the
// pages allow same-origin scripts and WebAssembly and nothing else.
func TestWasmServed(t *testing.T) {
	dir := fakeBuild(t)
	ts := wasmServer(t, dir)
	for _, f := range wasmFiles {
		want, err := os.ReadFile(filepath.Join(dir, f))
		require.NoError(t, err)
		resp, body := fetch(t, ts, "/wasm/"+f, false)
		assert.Equal(t, http.StatusOK, resp.StatusCode, f)
		assert.Equal(t, want, body, f)
		if strings.HasSuffix(f, ".wasm") {
			assert.Equal(t, "application/wasm", resp.Header.Get("Content-Type"))
		} else {
			assert.Contains(t, resp.Header.Get("Content-Type"), "javascript", f)
		}
		resp, body = fetch(t, ts, "/wasm/"+f, true)
		assert.Equal(t, "gzip", resp.Header.Get("Content-Encoding"), f)
		zr, err := gzip.NewReader(bytes.NewReader(body))
		require.NoError(t, err, f)
		plain, err := io.ReadAll(zr)
		require.NoError(t, err, f)
		assert.Equal(t, want, plain, f)
		assert.Less(t, len(body), len(want), f)
		req, err := http.NewRequest(http.MethodGet, ts.URL+"/wasm/"+f, nil)
		require.NoError(t, err)
		req.Header.Set("Accept-Encoding", "gzip")
		req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
		again, err := http.DefaultTransport.RoundTrip(req)
		require.NoError(t, err)
		_ = again.Body.Close()
		assert.Equal(t, http.StatusNotModified, again.StatusCode, "%s revalidated by its ETag", f)
	}
	resp, _ := fetch(t, ts, "/wasm/../go.mod", false)
	assert.NotEqual(t, http.StatusOK, resp.StatusCode)
	resp, page := fetch(t, ts, "/", false)
	csp := resp.Header.Get("Content-Security-Policy")
	assert.Contains(t, csp, "default-src 'none'")
	assert.Contains(t, csp, "script-src 'self' 'wasm-unsafe-eval'")
	assert.Contains(t, string(page), `<script type="module" src="/static/portal.js"></script>`)
}

// TestWasmAbsent: without a build (or with an incomplete one) /wasm/ is not
// served, portal.js is (it then does nothing), and the form is the same.
func TestWasmAbsent(t *testing.T) {
	partial := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(partial, "beian.wasm"), []byte("x"), 0o644))
	for _, dir := range []string{"", partial, filepath.Join(t.TempDir(), "none")} {
		ts := wasmServer(t, dir)
		resp, _ := fetch(t, ts, "/wasm/beian.wasm", false)
		assert.Equal(t, http.StatusNotFound, resp.StatusCode, dir)
		resp, js := fetch(t, ts, "/static/portal.js", false)
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		assert.Equal(t, portalJS, js)
		resp, _ = fetch(t, ts, "/", false)
		assert.Equal(t, http.StatusOK, resp.StatusCode)
	}
}

// approved returns the sample filing and an approved state with number n.
func approved(t *testing.T, province, n string) (*filing.Filing, lifecycle.State) {
	f := sampleForm().filing()
	f.Subject.Province = province
	f.Websites[0].PublicSecurityNumber = "京公网安备11010802035340号"
	return f, lifecycle.State{Status: filing.StatusApproved, Number: n}
}

// TestR98_StatusPageOffersFooter: once approved, the status page offers the
// footer snippet of the record (the number the province wants, linked to
// the filing system; the public-security number linked to its query page),
// which the footer check accepts; before approval it offers none.
func TestR98_StatusPageOffersFooter(t *testing.T) {
	tmpl, err := template.ParseFS(templateFS, "templates/layout.html", "templates/status.html")
	require.NoError(t, err)
	cases := []struct {
		province, number, shown string
	}{
		{"11", "京ICP备2026000123号-1", "京ICP备2026000123号-1"},
		{"44", "粤ICP备2026000123号-1", "粤ICP备2026000123号"}, // Guangdong: the subject number
	}
	for _, c := range cases {
		f, st := approved(t, c.province, c.number)
		v := newFooterView(f, st)
		require.NotNil(t, v, c.number)
		p, err := footer.Scan(strings.NewReader(string(v.Preview)), footer.Options{})
		require.NoError(t, err)
		require.Len(t, p.Numbers, 1)
		assert.Equal(t, c.shown, p.Numbers[0].Number.String())
		assert.Equal(t, footer.LinkCurrent, p.Numbers[0].Kind)
		require.Len(t, p.PublicSecurity, 1)
		assert.Equal(t, footer.PSQueryURL+"11010802035340", p.PublicSecurity[0].Link)
		s, w := f.Subject, f.Websites[0]
		s.Number, w.Number = strings.TrimSuffix(c.number, "-1"), c.number
		warn, err := footer.Check(p, s, w)
		assert.NoError(t, err)
		assert.Empty(t, warn)

		var buf bytes.Buffer
		page := &statusPage{Status: "已备案", Number: c.number, Bureau: "通信管理局", Footer: v}
		require.NoError(t, tmpl.ExecuteTemplate(&buf, "status.html", page))
		html := buf.String()
		assert.Contains(t, html, `id="footer-snippet"`)
		assert.Contains(t, html, "&lt;a href=&#34;https://beian.miit.gov.cn/&#34;", "the code is shown as text")
		assert.Contains(t, html, `<div id="footer-preview"><div><a href="https://beian.miit.gov.cn/"`, "and rendered")
	}
	f, st := approved(t, "11", "")
	assert.Nil(t, newFooterView(f, st), "approved without a number")
	f, st = approved(t, "11", "京ICP备2026000123号-1")
	st.Status = filing.StatusBureauReview
	assert.Nil(t, newFooterView(f, st), "not approved")
}
