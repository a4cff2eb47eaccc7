package main

// End-to-end tests in headless Chromium: what an applicant does with the
// portal, typed key by key (Chinese through the IME path, full-width digits),
// with a screenshot of every step. They run when BEIAN_TEST_BROWSER names
// the Chromium binary (see package internal/browsertest); without it they
// skip.

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/browsertest"
)

var (
	screenshotDir = flag.String("screenshots", "",
		"directory the browser tests keep a screenshot of each step in (default: the test's own temporary directory, removed after it)")
	docsShot = flag.Bool("docs", false, "rewrite ../../docs/portal.png, the README's picture of the portal")
)

// browserPortal is the portal on a loopback test server, with a tab of a
// fresh Chromium pointed at it.
type browserPortal struct {
	t     *testing.T
	ctx   context.Context
	clock *clock // the server's: tests move it to read a page later
	url   string
	dir   string // screenshots of this test
	shots int

	mu    sync.Mutex
	codes []string // the SMS codes the portal sent (options.SendSMS), oldest first
}

// lastCode returns the last SMS code the portal sent.
func (p *browserPortal) lastCode() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	require.NotEmpty(p.t, p.codes, "no SMS code was sent")
	return p.codes[len(p.codes)-1]
}

func newBrowserPortal(t *testing.T) *browserPortal {
	t.Helper()
	ctx := browsertest.New(t)
	clk := &clock{t: cst(2026, 3, 2, 10)} // a Monday
	p := &browserPortal{t: t, ctx: ctx, clock: clk}
	h, err := newServer(options{
		Now:    clk.Now,
		ISP:    "测试云",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		SendSMS: func(_ string, _ filing.Phone, code string) {
			p.mu.Lock()
			defer p.mu.Unlock()
			p.codes = append(p.codes, code)
		},
	})
	require.NoError(t, err)
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)

	dir := screenshotsOf(t)

	p.url, p.dir = ts.URL, dir
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1000, 900)))
	return p
}

// screenshotsOf returns the directory for t's screenshots: t.TempDir(),
// removed with the test, unless -screenshots names a directory to keep them
// in. A browser test writes nothing outside its temporary directories.
func screenshotsOf(t *testing.T) string {
	t.Helper()
	if *screenshotDir == "" {
		return t.TempDir()
	}
	dir := filepath.Join(*screenshotDir, t.Name())
	require.NoError(t, os.RemoveAll(dir))
	require.NoError(t, os.MkdirAll(dir, 0o755))
	t.Logf("screenshots of %s in %s", t.Name(), dir)
	return dir
}

// open loads path and returns the HTTP status of the page.
func (p *browserPortal) open(path string) int64 {
	p.t.Helper()
	resp, err := chromedp.Run(p.ctx, chromedp.NavigateResponse(p.url+path))
	require.NoError(p.t, err, "open %s", path)
	return resp.Status
}

// shot writes a full-page screenshot of the current step.
func (p *browserPortal) shot(name string) []byte {
	p.t.Helper()
	png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	require.NoError(p.t, err)
	p.shots++
	require.NoError(p.t, os.WriteFile(filepath.Join(p.dir, fmt.Sprintf("%02d-%s.png", p.shots, name)), png, 0o644))
	return png
}

func evalJS[T any](p *browserPortal, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	require.NoError(p.t, err, "evaluate %s", js)
	return v
}

// retype clicks into a text field, selects what is there with Ctrl+A,
// deletes it and types text: ASCII key by key, anything else as an input
// method commits it (Input.insertText), one word at a time.
func (p *browserPortal) retype(id, text string) {
	p.t.Helper()
	err := chromedp.Do(p.ctx,
		chromedp.Click(chromedp.ID(id), chromedp.NodeVisible),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent(kb.Backspace),
	)
	require.NoError(p.t, err, "clear #%s", id)
	require.Empty(p.t, p.value(id), "#%s not cleared by Ctrl+A, Backspace", id)
	for _, run := range splitASCII(text) {
		if run[0] < unicode.MaxASCII {
			err = chromedp.Do(p.ctx, chromedp.KeyEvent(run))
		} else {
			err = chromedp.Do(p.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: run})
				return err
			}))
		}
		require.NoError(p.t, err, "type %q into #%s", run, id)
	}
	require.Equal(p.t, text, p.value(id), "#%s after typing", id)
}

// splitASCII cuts s into runs of ASCII and non-ASCII characters.
func splitASCII(s string) []string {
	var runs []string
	start := 0
	for i, r := range s {
		if i > start && (r < unicode.MaxASCII) != (rune(s[start]) < unicode.MaxASCII) {
			runs = append(runs, s[start:i])
			start = i
		}
	}
	if start < len(s) {
		runs = append(runs, s[start:])
	}
	return runs
}

func (p *browserPortal) value(id string) string {
	p.t.Helper()
	return evalJS[string](p, `document.getElementById(`+jsString(id)+`).value`)
}

func jsString(s string) string { return fmt.Sprintf("%q", s) }

// submitByMouse clicks 提交备案 and returns the status of the page it leads
// to (after a redirect, the page redirected to).
func (p *browserPortal) submitByMouse() int64 {
	p.t.Helper()
	resp, err := chromedp.RunResponse(p.ctx, chromedp.Click(chromedp.CSS(`button[type=submit]`), chromedp.NodeVisible))
	require.NoError(p.t, err, "submit")
	return resp.Status
}

// fieldState is what the page shows for one form field.
type fieldState struct {
	Value   string   `json:"value"`
	Invalid bool     `json:"invalid"` // aria-invalid="true"
	Labels  []string `json:"labels"`
	// Messages are the error messages inside the field's block, and
	// Described the texts its aria-describedby points at.
	Messages  []string `json:"messages"`
	Described []string `json:"described"`
	// Gap is how far below the control the messages start (px), DX how far
	// their left edge is from the control's; both -1 without messages.
	Gap float64 `json:"gap"`
	DX  float64 `json:"dx"`
}

const fieldsJS = `(() => {
  const out = {};
  for (const f of document.querySelectorAll('.field')) {
    const name = f.id.replace(/^field-/, '');
    const c = document.getElementById(name);
    const r = c.getBoundingClientRect();
    const err = f.querySelector('.err');
    const e = err ? err.getBoundingClientRect() : null;
    out[name] = {
      value: c.type === 'checkbox' ? (c.checked ? 'on' : '') : c.value,
      invalid: c.getAttribute('aria-invalid') === 'true',
      labels: [...c.labels].map(l => l.textContent.trim()),
      messages: [...f.querySelectorAll('.err li')].map(li => li.textContent.trim()),
      described: (c.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
        .map(id => (document.getElementById(id) || {textContent: '(missing #' + id + ')'}).textContent.trim()),
      gap: e ? e.top - r.bottom : -1,
      dx: e ? Math.abs(e.left - r.left) : -1,
    };
  }
  return out;
})()`

func (p *browserPortal) fields() map[string]fieldState {
	p.t.Helper()
	fs := evalJS[map[string]fieldState](p, fieldsJS)
	require.NotEmpty(p.t, fs, "no .field on the page")
	return fs
}

// assertMessages checks that each field of want shows its message next to
// it (in its block, starting right under the control, aligned with it,
// announced through aria-describedby) and that no other field shows any.
func assertMessages(t *testing.T, fs map[string]fieldState, want map[string]string) {
	t.Helper()
	for name, f := range fs {
		msg, ok := want[name]
		if !ok {
			assert.Empty(t, f.Messages, "field %s", name)
			assert.False(t, f.Invalid, "field %s aria-invalid", name)
			continue
		}
		assert.Contains(t, strings.Join(f.Messages, "\n"), msg, "field %s", name)
		assert.Equal(t, []string{strings.Join(f.Messages, "")}, f.Described, "field %s: aria-describedby does not name its messages", name)
		assert.True(t, f.Invalid, "field %s aria-invalid", name)
		assert.GreaterOrEqual(t, f.Gap, 0.0, "field %s: messages overlap the control", name)
		assert.Less(t, f.Gap, 24.0, "field %s: messages not right under the control", name)
		assert.Less(t, f.DX, 4.0, "field %s: messages not aligned with the control", name)
	}
	for name := range want {
		assert.Contains(t, fs, name, "no field %s on the page", name)
	}
}

// An applicant's whole visit: the form, Chinese and full-width input, a
// refused submission with each message at its field, the corrections, the
// status page with the countdown, and a second filing of the same
// domain refused with the conflict guidance.
func TestBrowserFilingJourney(t *testing.T) {
	p := newBrowserPortal(t)

	require.EqualValues(t, http.StatusOK, p.open("/"))
	title := evalJS[string](p, `document.querySelector('h1').textContent`)
	require.Equal(t, "ICP网站备案 · 首次备案", title)
	p.shot("form")

	// Typed as an applicant on a Chinese keyboard: names through the IME,
	// numbers in full width with spaces, plus three mistakes.
	p.retype(fieldSponsorName, "贵阳云桥网络科技有限公司")
	p.retype(fieldAddress, "贵州省贵阳市观山湖区长岭北路１号")
	p.retype(fieldPrincipalName, "王磊")
	p.retype(fieldMobile, "１３９ ８５０１ ２３４５")
	p.retype(fieldCertNumber, "９１５２０１００ＭＡ６Ｈ７Ｋ２Ｑ１Ｄ")
	p.retype(fieldPrincipalCertNumber, "520102199003071231") // check digit is 6
	p.retype(fieldWebsiteName, "")
	p.retype(fieldDomain, "yunqiao.io")
	p.retype(fieldHomeURL, "https://www.yunqiao.io")

	require.EqualValues(t, http.StatusUnprocessableEntity, p.submitByMouse())
	png := p.shot("errors")
	if *docsShot {
		writeDocsShot(t, p)
	}
	require.NotEmpty(t, png)
	// The box counts the problems and links to each field, as the app
	// form's does (one template for both forms).
	assert.Equal(t, "备案信息有3处问题，请按提示修改后重新提交：", evalJS[string](p, `document.querySelector('#problems p').textContent.trim()`))
	assert.Equal(t, 3.0, evalJS[float64](p, `document.querySelectorAll('#problems #problem-links a').length`), "links to the problems")
	fs := p.fields()
	assertMessages(t, fs, map[string]string{
		fieldPrincipalCertNumber: "身份证号码校验位不正确，请核对号码",
		fieldWebsiteName:         "请填写“网站名称”",
		fieldDomain:              "该域名后缀“.io”未经工信部批复，无法备案",
	})
	// What was typed comes back as typed, full width and all.
	for field, typed := range map[string]string{
		fieldSponsorName: "贵阳云桥网络科技有限公司",
		fieldAddress:     "贵州省贵阳市观山湖区长岭北路１号",
		fieldMobile:      "１３９ ８５０１ ２３４５",
		fieldCertNumber:  "９１５２０１００ＭＡ６Ｈ７Ｋ２Ｑ１Ｄ",
		fieldDomain:      "yunqiao.io",
	} {
		assert.Equal(t, typed, fs[field].Value, "field %s re-rendered", field)
	}

	// Resolve the three problems and submit again.
	p.retype(fieldPrincipalCertNumber, "520102199003071236")
	p.retype(fieldWebsiteName, "云桥科技官网")
	p.retype(fieldDomain, "yunqiao-tech.cn")
	p.retype(fieldHomeURL, "https://www.yunqiao-tech.cn")
	require.EqualValues(t, http.StatusOK, p.submitByMouse())
	p.shot("status")

	loc := evalJS[string](p, `location.pathname`)
	assert.Regexp(t, `^/filings/[A-Z2-7]{26}$`, loc)
	page := evalJS[map[string]string](p, `({
	  status: document.getElementById('status').textContent,
	  sponsor: document.getElementById('sponsor').textContent,
	  deadline: document.getElementById('deadline').innerText,
	  history: document.getElementById('history').innerText,
	})`)
	assert.Equal(t, "管局审核中", page["status"])
	assert.Equal(t, "贵阳云桥网络科技有限公司", page["sponsor"])
	assert.Contains(t, page["deadline"], "备案审核期限（R-20）：20个工作日，自2026-03-02的次日起算。截止日期：2026-03-30。")
	assert.Contains(t, page["deadline"], "距审核截止还有 20 个工作日。")
	assert.Contains(t, page["history"], "核验并提交管局")

	// A second filing of the same domain, typed in full width this time,
	// is refused while the first is under review.
	link := evalJS[string](p, `document.querySelector('a[href="/"]').textContent`)
	require.Equal(t, "再提交一份备案", link)
	_, err := chromedp.RunResponse(p.ctx, chromedp.Click(chromedp.CSS(`a[href="/"]`), chromedp.NodeVisible))
	require.NoError(t, err)
	p.retype(fieldDomain, "ｙｕｎｑｉａｏ－ｔｅｃｈ．ｃｎ")
	require.EqualValues(t, http.StatusConflict, p.submitByMouse())
	p.shot("conflict")

	conflicts := evalJS[map[string]any](p, `({
	  text: document.getElementById('conflicts').innerText,
	  steps: document.querySelectorAll('#conflicts ol li').length,
	  top: document.getElementById('conflicts').getBoundingClientRect().top,
	  form: document.querySelector('form').getBoundingClientRect().top,
	})`)
	assert.Contains(t, conflicts["text"], "备案冲突，无法提交")
	assert.Contains(t, conflicts["text"], "该网站（域名“yunqiao-tech.cn”）已有备案申请正在审核中，请勿重复提交。")
	assert.Contains(t, conflicts["text"], "处理办法")
	assert.Greater(t, conflicts["steps"], 0.0, "no steps to resolve the conflict")
	assert.Less(t, conflicts["top"], conflicts["form"], "the guidance is not above the form")
	// The subject is under review too: both inputs that collide are marked.
	assertMessages(t, p.fields(), map[string]string{
		fieldDomain:     "与已有备案冲突，处理办法见页面上方",
		fieldCertNumber: "与已有备案冲突，处理办法见页面上方",
	})
}

// Every control has a label, Tab visits every control in the order of the
// page, Space ticks a box and Enter on 提交备案 submits: the form can be
// filed without a mouse.
func TestBrowserKeyboardOnlyAndLabels(t *testing.T) {
	p := newBrowserPortal(t)
	require.EqualValues(t, http.StatusOK, p.open("/"))

	controls := evalJS[[]string](p, `[...document.querySelectorAll('a[href], input, select, textarea, button')]
	  .filter(e => !e.disabled && e.type !== 'hidden').map(e => e.id || e.tagName.toLowerCase())`)
	require.GreaterOrEqual(t, len(controls), 20, "controls on the form")
	for name, f := range p.fields() {
		assert.Len(t, f.Labels, 1, "field %s: labels", name)
		for _, l := range f.Labels {
			assert.True(t, strings.ContainsFunc(l, func(r rune) bool { return unicode.Is(unicode.Han, r) }), "field %s: label %q has no Chinese", name, l)
		}
	}
	assertUniqueIDs(t, p)

	var visited []string
	for range controls {
		require.NoError(t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Tab)))
		visited = append(visited, evalJS[string](p, `(e => e.id || e.tagName.toLowerCase())(document.activeElement)`))
		if visited[len(visited)-1] == fieldAuthorisationLetter {
			require.NoError(t, chromedp.Do(p.ctx, chromedp.KeyEvent(" ")))
			assert.True(t, evalJS[bool](p, `document.activeElement.checked`), "Space did not tick the box")
			require.NoError(t, chromedp.Do(p.ctx, chromedp.KeyEvent(" ")))
		}
	}
	assert.Equal(t, controls, visited, "Tab order")
	// The focused control is visibly marked.
	outline := evalJS[string](p, `getComputedStyle(document.activeElement).outlineStyle`)
	assert.NotEqual(t, "none", outline, "focused %s has no outline", visited[len(visited)-1])
	p.shot("keyboard-focus")

	require.Equal(t, "button", visited[len(visited)-1], "Tab does not end on 提交备案")
	resp, err := chromedp.RunResponse(p.ctx, chromedp.KeyEvent(kb.Enter))
	require.NoError(t, err)
	assert.EqualValues(t, http.StatusOK, resp.Status)
	assert.Equal(t, "管局审核中", evalJS[string](p, `document.getElementById('status').textContent`))
	p.shot("keyboard-submitted")
}

// writeDocsShot rewrites docs/portal.png: the refused form at 900×820 from
// the principal's certificate number to the domain, messages next to their
// fields.
func writeDocsShot(t *testing.T, p *browserPortal) {
	t.Helper()
	require.NoError(t, chromedp.Do(p.ctx, chromedp.EmulateViewport(900, 820)))
	evalJS[float64](p, `(y => (window.scrollTo(0, y), y))(document.getElementById('field-principal_name').getBoundingClientRect().top + scrollY - 16)`)
	png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join("..", "..", "docs", "portal.png"), png, 0o644))
	require.NoError(t, chromedp.Do(p.ctx, chromedp.EmulateViewport(1000, 900)))
}

// assertUniqueIDs fails for every id the page uses twice (a label's for,
// aria-describedby and the error links would point at the first one).
func assertUniqueIDs(t *testing.T, p *browserPortal) {
	t.Helper()
	ids := evalJS[[]string](p, `[...document.querySelectorAll('[id]')].map(e => e.id)`)
	seen := map[string]bool{}
	for _, id := range ids {
		assert.False(t, seen[id], "id %q twice", id)
		seen[id] = true
	}
}
