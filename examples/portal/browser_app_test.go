package main

// Browser tests of the app filing form (/apps, R-70..R-75) and of the SMS
// step on the status page, driven as in browser_test.go.

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// choose picks the option labelled label of a <select> from the keyboard:
// focus, Home, then ArrowDown until it is selected.
func (p *browserPortal) choose(id, label string) {
	p.t.Helper()
	n := evalJS[float64](p, `(s => (s.focus(), s.options.length))(document.getElementById(`+jsString(id)+`))`)
	require.NoError(p.t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Home)))
	for range int(n) {
		if p.selected(id) == label {
			return
		}
		require.NoError(p.t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.ArrowDown)))
	}
	require.Equal(p.t, label, p.selected(id), "#%s: no option %q reached with ArrowDown", id, label)
}

// selected is the label of the selected option of a <select>.
func (p *browserPortal) selected(id string) string {
	p.t.Helper()
	return evalJS[string](p, `(s => s.options[s.selectedIndex].textContent)(document.getElementById(`+jsString(id)+`))`)
}

// groupState is what the page shows for the platform rows as a whole
// (#field-app_platforms, a fieldset): its messages, what its
// aria-describedby names, and where the messages sit between its legend
// and its first row.
type groupState struct {
	Messages  []string `json:"messages"`
	Described []string `json:"described"`
	Legend    string   `json:"legend"`
	// Gap is how far below the legend the messages start, Above how far
	// above the first row they end, DX how far their left edge is from the
	// row's (px).
	Gap   float64 `json:"gap"`
	Above float64 `json:"above"`
	DX    float64 `json:"dx"`
}

const groupJS = `(() => {
  const g = document.getElementById('field-app_platforms');
  const lg = g.querySelector(':scope > legend').getBoundingClientRect();
  const row = document.getElementById('platform-0').getBoundingClientRect();
  const err = g.querySelector(':scope > .err');
  const e = err ? err.getBoundingClientRect() : null;
  return {
    messages: err ? [...err.querySelectorAll('li')].map(li => li.textContent.trim()) : [],
    described: (g.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
      .map(id => (document.getElementById(id) || {textContent: '(missing #' + id + ')'}).textContent.trim()),
    legend: g.querySelector(':scope > legend').textContent.trim(),
    gap: e ? e.top - lg.bottom : -1,
    above: e ? row.top - e.bottom : -1,
    dx: e ? Math.abs(e.left - row.left) : -1,
  };
})()`

func (p *browserPortal) platformGroup() groupState {
	p.t.Helper()
	return evalJS[groupState](p, groupJS)
}

// assertSummary checks that the box of problems above the form links
// each message to its field, in the order of the page (want: the field's
// block id and the text), and that following the link to follow from the
// keyboard (focus, Enter) brings that field and its messages, out of view
// before, into view, the next Tab landing on control next.
func (p *browserPortal) assertSummary(want [][2]string, follow, next string) {
	p.t.Helper()
	links := evalJS[[][2]string](p, `[...document.querySelectorAll('#problems #problem-links a')]
	  .map(a => [a.getAttribute('href').replace(/^#/, ''), a.textContent.trim()])`)
	assert.Equal(p.t, want, links, "links to the problems above the form")
	inView := func() bool {
		return evalJS[bool](p, `(f => (r => r.top > -2 && r.top < innerHeight)(f.getBoundingClientRect())
		  && (r => r.top >= 0 && r.bottom <= innerHeight)(f.querySelector('.err').getBoundingClientRect()))(document.getElementById(`+jsString(follow)+`))`)
	}
	require.False(p.t, inView(), "#%s is in view already", follow)
	evalJS[bool](p, `(a => (a.focus(), true))(document.querySelector('#problem-links a[href="#`+follow+`"]'))`)
	require.NoError(p.t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Enter)))
	assert.True(p.t, inView(), "following the link does not bring #%s and its messages into view", follow)
	p.viewShot("followed-" + follow)
	require.NoError(p.t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Tab)))
	assert.Equal(p.t, next, evalJS[string](p, `document.activeElement.id`), "Tab after following the link to #%s", follow)
	evalJS[bool](p, `(scrollTo(0, 0), true)`)
}

// viewShot writes a screenshot of what the viewport shows now.
func (p *browserPortal) viewShot(name string) {
	p.t.Helper()
	png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
	require.NoError(p.t, err)
	p.shots++
	require.NoError(p.t, os.WriteFile(filepath.Join(p.dir, fmt.Sprintf("%02d-%s.png", p.shots, name)), png, 0o644))
}

// typeAppRow types the identifier, public key and fingerprint of platform
// row i.
func (p *browserPortal) typeAppRow(i int, identifier, publicKey, fingerprint string) {
	p.t.Helper()
	p.openAppRow(i)
	p.retype(rowField(i, "identifier"), identifier)
	p.retype(rowField(i, "public_key"), publicKey)
	p.retype(rowField(i, "fingerprint"), fingerprint)
}

// openAppRow opens the platform row i of the app form (a click on its
// summary) unless it is open.
func (p *browserPortal) openAppRow(i int) {
	p.t.Helper()
	if evalJS[bool](p, `document.getElementById('platform-`+strconv.Itoa(i)+`').open`) {
		return
	}
	require.NoError(p.t, chromedp.Do(p.ctx, chromedp.Click(chromedp.CSS(`#platform-`+strconv.Itoa(i)+` > summary`), chromedp.NodeVisible)))
}

// An app filed through /apps by the Guizhou subject on file: the app typed
// as its developer would (its name through the IME, the mobile and the
// credit code in full width, the iOS domains separated by a full-width
// comma), filed first as a mini-program by mistake (R-71: no platform rows
// for it), then with a malformed Android package name and an MD5
// fingerprint for iOS, each message at its field; corrected, it is
// accepted. Then a second subject files its app with the same iOS Bundle ID
// in other letter case and is refused with the conflict guidance.
func TestR74_BrowserAppFilingJourney(t *testing.T) {
	p := newBrowserPortal(t)
	require.EqualValues(t, http.StatusOK, p.open("/apps"))
	require.Equal(t, "APP、小程序、快应用备案 · 新增互联网信息", evalJS[string](p, `document.querySelector('h1').textContent`))
	p.shot("app-form")

	p.retype(fieldCertNumber, "９１５２０１００ＭＡ６ＤＴＹ２Ｗ５６")
	p.retype(fieldMobile, "１３９ ８５０１ ２３４６")
	p.choose(fieldAppKind, "小程序")
	p.retype(fieldAppName, "山茶课堂")
	p.retype(fieldAppService, "茶艺视频课程与直播")
	p.typeAppRow(0, "cn.guizhou-tea.ketang",
		"A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90", "5E:9A:01:C7:3B:88:D2:4F:16:A0:7C:E9:23:B5:48:0D")
	p.typeAppRow(1, "cn.guizhoutea.Classroom",
		"0F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C4B5A69788796A5B4C3D2E1F0", "c4:1d:8e:72:a9:05:b3:6f:e0:18:57:9c:2a:d4:63:bf")
	p.retype(rowField(1, "domains"), "api.guizhou-tea.cn，cdn.guizhou-tea.cn")

	// A mini-program names its host platform and has no platform rows.
	require.EqualValues(t, http.StatusUnprocessableEntity, p.submitByMouse())
	p.shot("app-as-mini-program")
	assert.Equal(t, "备案信息有2处问题，请按提示修改后重新提交：", evalJS[string](p, `document.querySelector('#problems p').textContent.trim()`))
	assertMessages(t, p.fields(), map[string]string{fieldAppHost: "请选择小程序所属的平台"})
	g := p.platformGroup()
	assert.Equal(t, []string{"小程序无需填写运行平台、包名、公钥、签名值和域名，由所在平台备案"}, g.Messages)
	assert.Equal(t, g.Messages, g.Described, "the platform rows' aria-describedby does not name their message")
	assert.GreaterOrEqual(t, g.Gap, 0.0, "the message overlaps the legend %q", g.Legend)
	assert.Less(t, g.Gap, 24.0, "the message is not right under the legend %q", g.Legend)
	assert.GreaterOrEqual(t, g.Above, 0.0, "the message overlaps the first platform row")
	assert.Less(t, g.DX, 4.0, "the message is not aligned with the rows")
	assert.Equal(t, "小程序", p.selected(fieldAppKind), "the kind chosen comes back")
	p.assertSummary([][2]string{
		{"field-" + fieldAppHost, "小程序/快应用所属平台：请选择小程序所属的平台"},
		{"field-" + fieldAppPlatforms, "运行平台：小程序无需填写运行平台、包名、公钥、签名值和域名，由所在平台备案"},
	}, "field-"+fieldAppPlatforms, "platform-0-toggle")

	// It is an app: the rows' own mistakes show now.
	p.choose(fieldAppKind, "APP")
	require.EqualValues(t, http.StatusUnprocessableEntity, p.submitByMouse())
	p.shot("app-row-mistakes")
	fs := p.fields()
	assertMessages(t, fs, map[string]string{
		rowField(0, "identifier"):  "安卓包名格式不正确：只能包含字母、数字、下划线和点",
		rowField(1, "fingerprint"): "SHA-1签名值应为40位十六进制字符，实际为32位",
	})
	p.assertSummary([][2]string{
		{"field-" + rowField(0, "identifier"), "安卓：安卓包名格式不正确：只能包含字母、数字、下划线和点"},
		{"field-" + rowField(1, "fingerprint"), "iOS：SHA-1签名值应为40位十六进制字符，实际为32位"},
	}, "field-"+rowField(1, "fingerprint"), rowField(1, "fingerprint"))
	assert.Empty(t, p.platformGroup().Messages)
	assert.Empty(t, p.platformGroup().Described)
	for field, typed := range map[string]string{
		fieldCertNumber:        "９１５２０１００ＭＡ６ＤＴＹ２Ｗ５６",
		fieldMobile:            "１３９ ８５０１ ２３４６",
		fieldAppName:           "山茶课堂",
		rowField(1, "domains"): "api.guizhou-tea.cn，cdn.guizhou-tea.cn",
	} {
		assert.Equal(t, typed, fs[field].Value, "field %s re-rendered", field)
	}
	// Each message is inside the row of its platform.
	for field, legend := range map[string]string{rowField(0, "identifier"): "安卓", rowField(1, "fingerprint"): "iOS"} {
		assert.Equal(t, legend, evalJS[string](p, `document.getElementById('err-`+field+`').closest('fieldset.platform').querySelector('legend').textContent`))
	}

	p.retype(rowField(0, "identifier"), "cn.guizhoutea.ketang")
	p.retype(rowField(1, "fingerprint"), "c4:1d:8e:72:a9:05:b3:6f:e0:18:57:9c:2a:d4:63:bf:70:e2:19:5a")
	require.EqualValues(t, http.StatusCreated, p.submitByMouse())
	p.shot("app-accepted")
	assert.Equal(t, "APP“山茶课堂”已提交，管局审核中。审核通过后，备案号（A结尾）须在APP的“设置”或“关于”页显著位置展示，并链接至工信部备案系统。",
		evalJS[string](p, `document.getElementById('done').innerText.trim()`))
	assertMessages(t, p.fields(), nil)
	assert.Zero(t, evalJS[float64](p, `document.querySelectorAll('#problems, #conflicts').length`))

	// A second subject on file, an individual in Beijing, files its app
	// with the first app's iOS Bundle ID in capitals.
	p.retype(fieldSubjectNumber, "京ICP备2020033841号")
	p.choose(fieldProvince, "北京市")
	p.retype(fieldSponsorName, "李明")
	p.choose(fieldNature, "个人")
	p.choose(fieldCertType, "居民身份证")
	p.retype(fieldCertNumber, "110105198506122347")
	p.retype(fieldAddress, "北京市朝阳区建国路８８号")
	p.retype(fieldLegalRepresentative, "")
	p.retype(fieldPrincipalName, "李明")
	p.retype(fieldPrincipalCertNumber, "110105198506122347")
	p.retype(fieldMobile, "１３６ ０１２３ ４５６７")
	p.retype(fieldEmail, "liming@liming-blog.com")
	p.retype(fieldAppName, "明记笔记")
	p.retype(fieldAppService, "个人笔记与同步")
	p.typeAppRow(0, "com.liming.notes",
		"7D6C5B4A39281706F5E4D3C2B1A098877D6C5B4A39281706F5E4D3C2B1A09887", "9B:3E:47:D1:08:AC:65:F2:1D:C0:8E:54:B7:29:6A:F3")
	p.typeAppRow(1, "CN.GUIZHOUTEA.CLASSROOM",
		"1122334455667788990AABBCCDDEEFF01122334455667788990AABBCCDDEEFF0", "0e:6b:d3:58:a1:c4:97:2f:b0:4d:e8:13:7a:c6:59:e2:31:8f:a4:d7")
	p.retype(rowField(0, "domains"), "sync.liming-blog.com")
	p.retype(rowField(1, "domains"), "sync.liming-blog.com")
	p.retype(rowField(0, "sdk_name"), "")
	p.retype(rowField(0, "sdk_vendor"), "")
	require.EqualValues(t, http.StatusConflict, p.submitByMouse())
	p.shot("app-conflict")

	c := evalJS[map[string]any](p, `({
	  text: document.getElementById('conflicts').innerText,
	  steps: document.querySelectorAll('#conflicts ol li').length,
	  top: document.getElementById('conflicts').getBoundingClientRect().top,
	  form: document.querySelector('form').getBoundingClientRect().top,
	})`)
	text, _ := c["text"].(string)
	assert.Contains(t, text, "备案冲突，无法提交")
	assert.Contains(t, text, "R-74")
	assert.Contains(t, text, "处理办法")
	assert.Contains(t, text, "已有备案\n主体黔ICP备2021004567号下的应用（贵州省，管局审核中）", "the guidance names the record holding the Bundle ID")
	assert.Greater(t, c["steps"], 0.0, "no steps to resolve the conflict")
	assert.Less(t, c["top"], c["form"], "the guidance is not above the form")
	t.Logf("conflict guidance as shown:\n%s", text)
	assertMessages(t, p.fields(), map[string]string{rowField(1, "identifier"): "与已有备案冲突，处理办法见页面上方"})
}

// Every control of /apps has one Chinese label, and every platform row's
// control sits in the row's fieldset named for its platform; Tab visits
// every control in the order of the page and Enter on 提交备案 files the
// prefilled app: the form can be filed without a mouse.
func TestR71_BrowserAppFormKeyboardOnlyAndLabels(t *testing.T) {
	p := newBrowserPortal(t)
	require.EqualValues(t, http.StatusOK, p.open("/apps"))

	// The unused platform rows are one line each: Enter on a row's
	// summary opens it (and again closes it), so the keyboard reaches every
	// field.
	assert.True(t, evalJS[bool](p, `document.getElementById('platform-0').open`), "the first row of a fresh form is open")
	assert.False(t, evalJS[bool](p, `document.getElementById('platform-3').open`), "an unused row is open")
	evalJS[bool](p, `(s => (s.focus(), true))(document.querySelector('#platform-3 > summary'))`)
	require.NoError(t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Enter)))
	assert.True(t, evalJS[bool](p, `document.getElementById('platform-3').open`), "Enter on the summary does not open the row")
	require.NoError(t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Enter)))
	require.False(t, evalJS[bool](p, `document.getElementById('platform-3').open`))
	require.EqualValues(t, http.StatusOK, p.open("/apps")) // Tab from the top again

	controls := evalJS[[]string](p, `[...document.querySelectorAll('a[href], input, select, textarea, button, details > summary')]
	  .filter(e => !e.disabled && e.type !== 'hidden' && e.checkVisibility()).map(e => e.id || e.tagName.toLowerCase())`)
	require.GreaterOrEqual(t, len(controls), 20, "controls on the app form")
	fs := p.fields()
	for _, id := range controls {
		if id == "a" || id == "button" || strings.HasSuffix(id, "-toggle") {
			continue
		}
		assert.Contains(t, fs, id, "control #%s is not in a .field block", id)
	}
	for name, f := range fs {
		assert.Len(t, f.Labels, 1, "field %s: labels", name)
		for _, l := range f.Labels {
			assert.True(t, strings.ContainsFunc(l, func(r rune) bool { return unicode.Is(unicode.Han, r) }), "field %s: label %q has no Chinese", name, l)
		}
	}
	rows := evalJS[map[string]string](p, `Object.fromEntries([...document.querySelectorAll('fieldset.platform input, fieldset.platform select, fieldset.platform textarea')]
	  .map(c => [c.id, c.closest('fieldset.platform').querySelector('legend').textContent.trim()]))`)
	for i, platform := range []string{"安卓", "iOS", "鸿蒙", "其他"} {
		for _, f := range []string{"identifier", "public_key", "fingerprint", "algorithm", "domains", "sdk_name", "sdk_vendor"} {
			assert.Equal(t, platform, rows[rowField(i, f)], "the row of %s", rowField(i, f))
		}
	}
	assertUniqueIDs(t, p)

	var visited []string
	for range controls {
		require.NoError(t, chromedp.Do(p.ctx, chromedp.KeyEvent(kb.Tab)))
		visited = append(visited, evalJS[string](p, `(e => e.id || e.tagName.toLowerCase())(document.activeElement)`))
	}
	assert.Equal(t, controls, visited, "Tab order")
	outline := evalJS[string](p, `getComputedStyle(document.activeElement).outlineStyle`)
	assert.NotEqual(t, "none", outline, "focused %s has no outline", visited[len(visited)-1])
	p.shot("app-keyboard-focus")

	require.Equal(t, "button", visited[len(visited)-1], "Tab does not end on 提交备案")
	resp, err := chromedp.RunResponse(p.ctx, chromedp.KeyEvent(kb.Enter))
	require.NoError(t, err)
	assert.EqualValues(t, http.StatusCreated, resp.Status)
	assert.Contains(t, evalJS[string](p, `document.getElementById('done').innerText`), "APP“山茶文化”已提交，管局审核中。")
	p.shot("app-keyboard-submitted")
}

// smsStep is the SMS step of the status page as a person reads it.
type smsStep struct {
	Text    string   `json:"text"`    // innerText of the step, heading included
	Heading string   `json:"heading"` // the h2 right before it
	Visible bool     `json:"visible"`
	Order   []string `json:"order"` // the page's h2s, top to bottom
}

const smsJS = `(() => {
  const s = document.getElementById('sms');
  if (!s) return {text: '', heading: '', visible: false, order: [...document.querySelectorAll('h2')].map(h => h.textContent)};
  const h = s.previousElementSibling;
  const r = s.getBoundingClientRect();
  const st = getComputedStyle(s);
  return {
    text: h.innerText + '\n' + s.innerText,
    heading: h.tagName === 'H2' ? h.textContent : '',
    visible: r.width > 0 && r.height > 0 && st.visibility === 'visible' && st.display !== 'none',
    order: [...document.querySelectorAll('h2')].map(h => h.textContent),
  };
})()`

// The status page of a filing submitted at 10:00 shows the SMS step the
// portal started when the filing reached the bureau (R-83,
// lifecycle.ActionSMSSend) between the review deadline and the filing: who
// was sent a code (masked), until when, and the time left, which a reload
// later in the day shows shorter. A wrong code typed into the step's form
// is counted and said so in red. After 24 hours the page returns the filing
// to the ISP with the timeout as reason, and shows no countdown and no form.
func TestR83_BrowserStatusShowsSMSCountdown(t *testing.T) {
	p := newBrowserPortal(t)
	require.EqualValues(t, http.StatusOK, p.open("/"))
	require.EqualValues(t, http.StatusOK, p.submitByMouse())
	p.shot("sms-sent")
	loc := evalJS[string](p, `location.pathname`)
	require.True(t, strings.HasPrefix(loc, "/filings/"), "status page at %q", loc)

	read := func() smsStep {
		t.Helper()
		return evalJS[smsStep](p, smsJS)
	}
	s := read()
	require.True(t, s.Visible, "no visible SMS step on the status page; headings %v", s.Order)
	assert.Equal(t, "短信核验", s.Heading)
	assert.Equal(t, []string{"审核时限", "短信核验", "备案信息", "办理记录"}, s.Order)
	for _, want := range []string{
		"工信部已于2026-03-02 10:00向139****2345发送短信验证码（R-83），请在24小时内（2026-03-03 10:00前）在下方输入验证码、手机号码和证件号码后六位。",
		"剩余时间：24小时0分",
		"还可输错5次，错误满5次后再次提交将退回接入商",
		"最多可重发2次",
	} {
		assert.Contains(t, s.Text, want)
	}
	assert.NotContains(t, s.Text, "13985012345", "the mobile is shown unmasked")
	assert.Equal(t, 1, strings.Count(s.Text, "139****2345"), "the same mobile is listed twice")
	assert.NotContains(t, withoutID(evalJS[string](p, `document.documentElement.outerHTML`), loc), p.lastCode(), "the page shows the code")
	assert.Contains(t, evalJS[string](p, `document.getElementById('history').innerText`), "发送核验短信")

	// Later the same day the countdown is shorter.
	p.clock.Set(cst(2026, 3, 2, 16).Add(45 * time.Minute))
	require.EqualValues(t, http.StatusOK, p.reload())
	p.shot("sms-afternoon")
	s = read()
	assert.Contains(t, s.Text, "剩余时间：17小时15分")
	assert.Equal(t, "17小时15分", evalJS[string](p, `document.getElementById('sms-remaining').innerText`))
	assert.Equal(t, "700", evalJS[string](p, `getComputedStyle(document.getElementById('sms-remaining')).fontWeight`), "the time left is not bold")

	// A wrong code is counted.
	p.retype("sms_code", wrongCode(p.lastCode()))
	p.retype("sms_mobile", "13985012345")
	p.retype("sms_cert6", "071236")
	resp, err := chromedp.RunResponse(p.ctx, chromedp.Click(chromedp.ID("sms-submit"), chromedp.NodeVisible))
	require.NoError(t, err)
	assert.EqualValues(t, http.StatusOK, resp.Status, "the status page after the redirect")
	p.shot("sms-wrong")
	// Reloading the answer re-reads the page; it posts no second input.
	require.EqualValues(t, http.StatusOK, p.reload())
	assert.Contains(t, evalJS[string](p, `document.getElementById('history').innerText`), "输入有误")
	assert.Equal(t, 1, strings.Count(evalJS[string](p, `document.getElementById('history').innerText`), "输入有误"), "a reload posted the code again")
	assert.Equal(t, "验证码、手机号码或证件号码后六位不正确（已错误1次，错误满5次后再次提交将退回接入商）。",
		evalJS[string](p, `document.getElementById('sms-notice').innerText`))
	assert.Equal(t, "rgb(204, 0, 0)", evalJS[string](p, `getComputedStyle(document.getElementById('sms-notice')).color`), "the wrong input is not shown as a warning")
	assert.Contains(t, read().Text, "还可输错4次")

	// A day later the window has closed: reading the page returns the
	// filing to the ISP.
	p.clock.Set(cst(2026, 3, 3, 10))
	require.EqualValues(t, http.StatusOK, p.open(loc))
	p.shot("sms-expired")
	s = read()
	assert.Equal(t, "短信核验超时，系统退回接入商", evalJS[string](p, `document.getElementById('status').innerText`))
	assert.Contains(t, evalJS[string](p, `document.body.innerText`), "退回原因：短信验证码已超过24小时有效期，备案已退回接入商")
	assert.Contains(t, s.Text, "短信核验已超时，备案已退回接入商，接入商重新提交后会再次发送验证码。")
	assert.Contains(t, s.Text, "工信部已于2026-03-02 10:00向139****2345发送短信验证码（R-83），验证码已于2026-03-03 10:00失效。")
	assert.NotContains(t, s.Text, "请在24小时内", "the page still asks to enter the code")
	assert.NotContains(t, s.Text, "剩余时间")
	assert.Zero(t, evalJS[float64](p, `document.querySelectorAll('#sms-remaining, #sms-form').length`))
	assert.Equal(t, "rgb(204, 0, 0)", evalJS[string](p, `getComputedStyle(document.querySelector('#sms .late')).color`), "the timeout is not shown as a warning")
	assert.Contains(t, evalJS[string](p, `document.getElementById('history').innerText`), "短信核验超时")
}

// The person enters the code sent to them with full-width digits (an input
// method), their mobile with +86 and spaces, and the certificate tail: the
// step is complete, the form is gone, and the filing waits for the bureau.
func TestR83_BrowserSMSRightCode(t *testing.T) {
	p := newBrowserPortal(t)
	require.EqualValues(t, http.StatusOK, p.open("/"))
	require.EqualValues(t, http.StatusOK, p.submitByMouse())
	p.clock.Set(cst(2026, 3, 2, 11))

	code := []rune(p.lastCode())
	for i, r := range code {
		code[i] = r - '0' + '０'
	}
	p.retype("sms_code", string(code))
	p.retype("sms_mobile", "+86 139 8501 2345")
	p.retype("sms_cert6", "071236")
	p.shot("sms-typed")
	resp, err := chromedp.RunResponse(p.ctx, chromedp.KeyEvent(kb.Enter))
	require.NoError(t, err)
	assert.EqualValues(t, http.StatusOK, resp.Status)
	p.shot("sms-verified")
	// Post/redirect/get: the page shown is the status page's GET, so a
	// reload posts nothing; one box says the step is complete.
	assert.Contains(t, evalJS[string](p, `location.search`), "sms=verified")
	assert.Zero(t, evalJS[float64](p, `document.querySelectorAll('#sms-notice').length`))
	assert.Contains(t, evalJS[smsStep](p, smsJS).Text, "短信核验已于2026-03-02 11:00完成，等待贵州省通信管理局审核。")
	assert.Equal(t, "管局审核中", evalJS[string](p, `document.getElementById('status').innerText`))
	assert.Zero(t, evalJS[float64](p, `document.querySelectorAll('#sms-form, #sms-remaining').length`))
}

// reload reloads the current page and returns its HTTP status.
func (p *browserPortal) reload() int64 {
	p.t.Helper()
	resp, err := chromedp.RunResponse(p.ctx, chromedp.Reload())
	require.NoError(p.t, err, "reload")
	return resp.Status
}
