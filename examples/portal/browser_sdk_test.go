package main

// The SDK in the applicant's browser (cmd/beianwasm): the test builds the
// WebAssembly with the local Go toolchain (go run ../../cmd/beianwasm),
// serves it from the portal, types into the form and sees the SDK's
// messages before submitting, checks the budgets (size, readiness, field
// check and whole-filing latency measured inside the browser) and runs the
// whole conformance corpus inside the browser against the server's
// validation, case by case.

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/cmd/beianwasm/jsapi"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/filingtest"
	"github.com/beiankit/beian/internal/browsertest"
)

// Budgets of the browser build (R-09 checks as the user types). The size
// is checked as it is: the same build gives the same bytes. The latencies
// are targets on an idle machine (BENCHMARKS.md, "The SDK in the browser",
// has the figures): this test measures them inside Chromium and logs each
// beside its target, but never fails on them, because a timing on a shared
// runner says more about the runner (a 2-core machine under load measured
// 30 times the target) than about the code. Speed targets live in
// benchmarks: cmd/beianwasm/jsapi's BenchmarkCheckField and
// BenchmarkValidate for the Go side.
const (
	budgetGzip     = 3 << 20 // bytes of beian.wasm, gzip-compressed
	budgetReady    = 500 * time.Millisecond
	budgetField    = time.Millisecond
	budgetValidate = 5 * time.Millisecond
)

// ms is a duration in milliseconds.
func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// buildWasm builds the browser files into a temporary directory.
func buildWasm(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "../../cmd/beianwasm", "-o", dir)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go run ../../cmd/beianwasm -o dir: %s", out)
	return dir
}

// newWasmPortal is newBrowserPortal with the build served.
func newWasmPortal(t *testing.T, dir string) *browserPortal {
	t.Helper()
	ctx := browsertest.New(t)
	clk := &clock{t: cst(2026, 3, 2, 10)}
	p := &browserPortal{t: t, ctx: ctx, clock: clk}
	h, err := newServer(options{Now: clk.Now, ISP: "测试云", Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), WasmDir: dir})
	require.NoError(t, err)
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	p.url, p.dir = ts.URL, t.TempDir()
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1000, 900)))
	return p
}

// await evaluates a JavaScript expression, awaiting a promise it gives.
func await[T any](p *browserPortal, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	require.NoError(p.t, err, "evaluate %.80s", js)
	return v
}

// sdkMessages waits until the SDK's list under field shows want (nil:
// no message), and returns what it shows.
func sdkMessages(p *browserPortal, field string, want []string) []string {
	p.t.Helper()
	var got []string
	deadline := time.Now().Add(10 * time.Second)
	for {
		got = evalJS[[]string](p, `[...document.querySelectorAll('#sdk-`+field+` li')].map(li => li.textContent)`)
		if equalStrings(got, want) || time.Now().After(deadline) {
			return got
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// zh returns the Chinese messages of the SDK's own check of a field.
func zh(r jsapi.Result) []string {
	out := []string{}
	for _, p := range r.Problems {
		out = append(out, p.Zh)
	}
	return out
}

func TestBrowserWasm(t *testing.T) {
	browsertest.Path(t) // skip before building when there is no browser
	dir := buildWasm(t)

	t.Run("size", func(t *testing.T) {
		raw, err := os.ReadFile(filepath.Join(dir, "beian.wasm"))
		require.NoError(t, err)
		var z bytes.Buffer
		zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
		require.NoError(t, err)
		_, err = zw.Write(raw)
		require.NoError(t, err)
		require.NoError(t, zw.Close())
		t.Logf("beian.wasm: %d bytes raw, %d bytes gzip -9", len(raw), z.Len())
		assert.LessOrEqual(t, z.Len(), budgetGzip, "beian.wasm gzip-compressed")
	})

	t.Run("types and sees the SDK's messages before submitting", func(t *testing.T) {
		p := newWasmPortal(t, dir)
		require.EqualValues(t, http.StatusOK, p.open("/"))
		ready := await[string](p, `new Promise((ok, fail) => { const t0 = Date.now(); (function poll() {
			if (document.documentElement.dataset.beianWasm === 'ready') return ok(document.documentElement.dataset.beianReadyMs);
			if (Date.now() - t0 > 20000) return fail(new Error('SDK not ready'));
			setTimeout(poll, 20); })(); })`)
		t.Logf("ready in the page after %s ms", ready)

		path := evalJS[string](p, `location.pathname`)
		cases := []struct {
			id, typed string
			want      []string
		}{
			{fieldMobile, "１３９ ８５０１ ２３４", zh(jsapi.CheckField(jsapi.FieldMobile, "１３９ ８５０１ ２３４", jsapi.FieldOptions{Path: "subject.principal.mobile"}))},
			{fieldPrincipalCertNumber, "520102199003071231", zh(jsapi.CheckField(jsapi.FieldCertNumber, "520102199003071231", jsapi.FieldOptions{CertType: string(filing.CertResidentID), Now: p.clock.Now()}))},
			{fieldDomain, "yunqiao.io", zh(jsapi.CheckField(jsapi.FieldDomain, "yunqiao.io", jsapi.FieldOptions{}))},
			{fieldEmail, "wanglei＠example", zh(jsapi.CheckField(jsapi.FieldEmail, "wanglei＠example", jsapi.FieldOptions{}))},
		}
		for _, c := range cases {
			require.NotEmpty(t, c.want, "%s: the SDK refuses %q", c.id, c.typed)
			p.retype(c.id, c.typed)
			assert.Equal(t, c.want, sdkMessages(p, c.id, c.want), "%s: the SDK's message as typed", c.id)
			assert.Equal(t, "true", evalJS[string](p, `document.getElementById('`+c.id+`').getAttribute('aria-invalid') || ''`), c.id)
		}
		p.shot("sdk-messages")
		assert.Equal(t, path, evalJS[string](p, `location.pathname`), "nothing was submitted")

		// Corrected, the messages go.
		p.retype(fieldMobile, "１３９ ８５０１ ２３４５")
		assert.Empty(t, sdkMessages(p, fieldMobile, []string{}), "a valid mobile")
		p.retype(fieldDomain, "yunqiao-tech.cn")
		assert.Empty(t, sdkMessages(p, fieldDomain, []string{}), "a valid domain")

		// The form still posts and the server decides: the certificate
		// number the SDK flagged is refused by the server in the same words.
		p.retype(fieldEmail, "wanglei@example.com")
		sdkMessages(p, fieldEmail, []string{})
		require.EqualValues(t, http.StatusUnprocessableEntity, p.submitByMouse())
		fs := p.fields()
		assert.Contains(t, fs[fieldPrincipalCertNumber].Messages, cases[1].want[0])
		p.shot("server-decides")
	})

	t.Run("budgets and conformance inside the browser", func(t *testing.T) {
		p := newWasmPortal(t, dir)
		require.EqualValues(t, http.StatusOK, p.open("/apps")) // a page without the filing form's fields
		ready := await[[]float64](p, `(async () => { const t0 = performance.now(); const m = await import('/wasm/beian.js');
			window.beian = await m.load(); return [performance.now() - t0, beian.timing.compileMs, beian.timing.startMs]; })()`)
		require.Len(t, ready, 3)
		t.Logf("ready in %.1f ms (target %.0f ms on an idle machine): fetch and compile %.1f ms, Go start %.1f ms",
			ready[0], ms(budgetReady), ready[1], ready[2])

		// Warm up first (the engine compiles hot functions again with its
		// optimising tier), then medians over batches, since the browser's
		// clock is coarse.
		g := filingtest.New(1)
		whole, err := json.Marshal(g.Filing(g.Organisation("52"), 2))
		require.NoError(t, err)
		await[int](p, `((f) => { for (let i = 0; i < 300; i++) { beian.checkField('mobile', '139 8501 2345', {}); beian.validate(f); } return 0; })(`+string(whole)+`)`)
		fieldMs := await[float64](p, `(() => { const med = []; for (let b = 0; b < 21; b++) { const t0 = performance.now();
			for (let i = 0; i < 200; i++) beian.checkField('mobile', '139 8501 234' + (i % 10), {path: 'subject.principal.mobile'});
			med.push((performance.now() - t0) / 200); } med.sort((a, b) => a - b); return med[10]; })()`)
		validateMs := await[float64](p, `((f) => { const med = []; for (let b = 0; b < 21; b++) { const t0 = performance.now();
			for (let i = 0; i < 20; i++) beian.validate(f);
			med.push((performance.now() - t0) / 20); } med.sort((a, b) => a - b); return med[10]; })(`+string(whole)+`)`)
		// The cost of crossing from JavaScript into Go and back: a call
		// that Dispatch refuses at once.
		bridgeMs := await[float64](p, `(() => { const med = []; for (let b = 0; b < 21; b++) { const t0 = performance.now();
			for (let i = 0; i < 200; i++) globalThis.beianCall('', '{}');
			med.push((performance.now() - t0) / 200); } med.sort((a, b) => a - b); return med[10]; })()`)
		t.Logf("in the browser: field check %.4f ms (target %.0f ms), whole-filing validation %.3f ms (target %.0f ms), bare call %.4f ms (medians of 21 batches)",
			fieldMs, ms(budgetField), validateMs, ms(budgetValidate), bridgeMs)

		// A second visit: the build revalidated (304 by its ETag), the
		// browser may reuse the code it compiled.
		require.EqualValues(t, http.StatusOK, p.open("/apps"))
		again := await[[]float64](p, `(async () => { const t0 = performance.now(); const m = await import('/wasm/beian.js');
			const b = await m.load(); return [performance.now() - t0, b.timing.compileMs, b.timing.startMs]; })()`)
		require.Len(t, again, 3)
		t.Logf("second visit: ready in %.1f ms (target %.0f ms on an idle machine): fetch and compile %.1f ms, Go start %.1f ms",
			again[0], ms(budgetReady), again[1], again[2])

		// The whole conformance corpus, in the browser and on the server.
		cases, err := filingtest.Conformance()
		require.NoError(t, err)
		at := cst(2026, 12, 7, 10)
		type in struct {
			Filing *filing.Filing `json:"filing"`
			Now    time.Time      `json:"now"`
		}
		ins := make([]in, len(cases))
		for i, c := range cases {
			ins[i] = in{c.Filing, c.Now}
			if c.Now.IsZero() {
				ins[i].Now = at
			}
		}
		corpus, err := json.Marshal(ins)
		require.NoError(t, err)
		got := await[[]jsapi.Result](p, `(async (cs) => { const { load } = await import('/wasm/beian.js'); const beian = await load();
			return cs.map(c => beian.validate(c.filing, {now: c.now})); })(`+string(corpus)+`)`)
		require.Len(t, got, len(cases))
		agree := 0
		for i, c := range cases {
			now := ins[i].Now
			err := filing.Validate(c.Filing, filing.WithNow(func() time.Time { return now }))
			var want []*filing.Problem
			var ve *filing.ValidationError
			if errors.As(err, &ve) {
				want = ve.Problems
			}
			ok := assert.Equal(t, err == nil, got[i].Valid, c.Name)
			if len(want) > 0 || len(got[i].Problems) > 0 {
				ok = assert.Equal(t, want, got[i].Problems, c.Name) && ok
			}
			var browserErr error
			if !got[i].Valid {
				browserErr = &filing.ValidationError{Problems: got[i].Problems}
			}
			ok = assert.NoError(t, c.Check(browserErr), c.Name) && ok
			if ok {
				agree++
			}
		}
		t.Logf("conformance corpus in the browser: %d of %d cases agree with the server", agree, len(cases))
	})
}
