package main

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
)

// The sample filing's principal (subject and website): one mobile, one
// code.
const (
	sampleMobile = "13985012345"
	sampleCert6  = "071236" // of 520102199003071236
)

// sentSMS is one code the portal handed to options.SendSMS.
type sentSMS struct {
	ID   string
	To   filing.Phone
	Code string
}

func (p *portal) codes() []sentSMS {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]sentSMS(nil), p.sent...)
}

// verifySMS enters the last code sent for the filing at loc, which must
// complete its SMS step.
func (p *portal) verifySMS(loc string) {
	p.t.Helper()
	id := strings.TrimPrefix(loc, "/filings/")
	code := ""
	for _, c := range p.codes() {
		if c.ID == id {
			code = c.Code
		}
	}
	require.NotEmpty(p.t, code, "no SMS code sent for %s", loc)
	outcome, body := p.enter(loc, code, sampleMobile, sampleCert6)
	require.Equal(p.t, smsVerified, outcome, "SMS input: %s", pageText(body))
	require.Contains(p.t, body, `id="sms-done"`)
}

// postTo posts a form to path.
func (p *portal) postTo(path string, v url.Values) (*http.Response, string) {
	p.t.Helper()
	req, err := http.NewRequest(http.MethodPost, p.ts.URL+path, strings.NewReader(v.Encode()))
	require.NoError(p.t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return p.do(req)
}

// enter posts one input of the SMS form of the filing at loc, which
// answers 303 See Other to the status page (post/redirect/get), and
// returns the outcome the redirect carries and the page it leads to.
func (p *portal) enter(loc, code, mobile, cert6 string) (string, string) {
	p.t.Helper()
	resp, _ := p.postTo(loc+"/sms", url.Values{fieldSMSCode: {code}, fieldSMSMobile: {mobile}, fieldSMSCert: {cert6}})
	return p.follow(loc, resp)
}

// resend posts the resend form of the filing at loc and follows its
// redirect as enter does.
func (p *portal) resend(loc string) (string, string) {
	p.t.Helper()
	resp, _ := p.postTo(loc+"/sms/resend", nil)
	return p.follow(loc, resp)
}

// follow requires resp to be a 303 to the status page at loc with an SMS
// outcome, and gets that page.
func (p *portal) follow(loc string, resp *http.Response) (string, string) {
	p.t.Helper()
	require.Equal(p.t, http.StatusSeeOther, resp.StatusCode, "an SMS form answers with a redirect")
	u, err := url.Parse(resp.Header.Get("Location"))
	require.NoError(p.t, err)
	require.Equal(p.t, loc, u.Path, "redirect target")
	got, body := p.get(u.String())
	require.Equal(p.t, http.StatusOK, got.StatusCode)
	return u.Query().Get("sms"), body
}

// wrongCode returns a 6-digit code other than code.
func wrongCode(code string) string {
	if code == "000000" {
		return "000001"
	}
	return "000000"
}

var sixDigits = regexp.MustCompile(`^[0-9]{6}$`)

// withoutID removes the filing's ID (base32, which may hold a run of six
// digits) from a page, to look for a code in what remains.
func withoutID(page, loc string) string {
	return strings.ReplaceAll(page, strings.TrimPrefix(loc, "/filings/"), "")
}

// TestR83_PortalShowsSMSCountdown: the status page of a filing under
// review shows the SMS step's 24-hour countdown (State.SMSCountdown), then
// its timeout, which returns the filing to the ISP.
func TestR83_PortalShowsSMSCountdown(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	loc := p.submit(sample())
	p.clock.Set(cst(2026, 3, 2, 16).Add(45 * time.Minute))
	_, body := p.get(loc)
	wantContains(t, "status page", body,
		"<h2>短信核验</h2>",
		"请在24小时内（2026-03-03 10:00前）",
		`剩余时间：<strong id="sms-remaining">17小时15分</strong>`,
		"还可输错5次", "最多可重发2次",
		"139****2345",
		`<form method="post" action="`+loc+`/sms"`,
	)
	assert.NotContains(t, body, sampleMobile, "the SMS step shows a mobile unmasked")
	p.clock.Set(cst(2026, 3, 3, 10))
	_, body = p.get(loc)
	wantContains(t, "status page a day later", body,
		`<strong id="status">短信核验超时，系统退回接入商</strong>`,
		"退回原因：短信验证码已超过24小时有效期，备案已退回接入商",
		"短信核验已超时，备案已退回接入商", "验证码已于2026-03-03 10:00失效")
	assert.NotContains(t, body, "请在24小时内", "the expired SMS step still asks to enter the code")
	assert.NotContains(t, body, `action="`+loc+`/sms"`, "the expired SMS step still has its form")
}

// TestR83_PortalSendsSMSOnReview: when the filing reaches the bureau the
// portal, for the ISP, applies ActionSMSSend to the principal's mobile (one
// code for the subject's and the website's principal, who are one person
// here); the code goes to options.SendSMS and never into a page or the
// info-level log, and the right code completes the step.
func TestR83_PortalSendsSMSOnReview(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	loc := p.submit(sample())
	sent := p.codes()
	require.Len(t, sent, 1, "one mobile, one code")
	assert.Equal(t, strings.TrimPrefix(loc, "/filings/"), sent[0].ID)
	assert.Equal(t, filing.Phone(sampleMobile), sent[0].To)
	assert.Regexp(t, sixDigits, sent[0].Code)
	code := sent[0].Code

	resp, body := p.get(loc)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	wantContains(t, "status page", body,
		`<strong id="status">管局审核中</strong>`,
		"<td>2026-03-02 10:00</td><td>发送核验短信</td><td>接入商（测试云）</td>",
		`剩余时间：<strong id="sms-remaining">24小时0分</strong>`)
	assert.NotContains(t, withoutID(body, loc), code, "the page shows the code")
	assert.NotContains(t, withoutID(p.logs.String(), loc), code, "the info-level log holds the code")
	assert.NotContains(t, p.logs.String(), sampleMobile, "the log holds the mobile in clear")

	// The right code an hour later, the mobile typed with +86 and dashes.
	p.clock.Set(cst(2026, 3, 2, 11))
	outcome, body := p.enter(loc, code, "+86 139-8501-2345", sampleCert6)
	assert.Equal(t, smsVerified, outcome)
	wantContains(t, "answer to the right code", body,
		`<strong id="status">管局审核中</strong>`,
		"短信核验已于2026-03-02 11:00完成",
		"<td>2026-03-02 11:00</td><td>短信核验</td><td>负责人本人</td><td>139****2345：核验通过</td>")
	// One box says the step is complete, not two saying the same.
	assert.Equal(t, 1, strings.Count(body, "短信核验已"), "boxes about the complete step:\n%s", pageText(body))
	assert.NotContains(t, body, `id="sms-notice"`)
	assert.NotContains(t, body, `action="`+loc+`/sms"`, "the verified step still has its form")

	// Verified: the 24 hours no longer matter.
	p.clock.Set(cst(2026, 3, 5, 10))
	_, body = p.get(loc)
	assert.Contains(t, body, `<strong id="status">管局审核中</strong>`)
	assert.NotContains(t, body, "短信核验超时")
}

// TestR83_PortalSMSCodeInDebugLog: without a gateway the demo writes the
// code to its log at debug level only, with the mobile masked.
func TestR83_PortalSMSCodeInDebugLog(t *testing.T) {
	for _, level := range []slog.Level{slog.LevelInfo, slog.LevelDebug} {
		logs := &lockedBuffer{}
		clk := &clock{t: cst(2026, 3, 2, 10)}
		h, err := newServer(options{Now: clk.Now, Logger: slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: level}))})
		require.NoError(t, err)
		p := &portal{t: t, clock: clk, logs: logs}
		p.ts = httptest.NewServer(h)
		p.client = p.ts.Client()
		p.client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		loc := p.submit(sample())
		p.ts.Close()
		m := regexp.MustCompile(`code=([0-9]{6})`).FindStringSubmatch(logs.String())
		assert.NotContains(t, logs.String(), sampleMobile, "level %v: the mobile in clear", level)
		if level == slog.LevelInfo {
			assert.Nil(t, m, "the code is logged above debug level")
			continue
		}
		require.NotNil(t, m, "no code in the debug log:\n%s", logs.String())
		assert.Contains(t, logs.String(), "mobile=139****2345")
		assert.Contains(t, logs.String(), "id="+strings.TrimPrefix(loc, "/filings/"))
	}
}

// TestR83_PortalSMSWrongInputsReturnFiling: five wrong inputs are counted
// (422, the page says how many), and the sixth attempt returns the filing
// to the ISP whatever it holds, even the right code (409), with the cause
// as the reason.
func TestR83_PortalSMSWrongInputsReturnFiling(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	loc := p.submit(sample())
	code := p.codes()[0].Code
	wrong := []struct{ code, mobile, cert6 string }{
		{wrongCode(code), sampleMobile, sampleCert6},
		{code, "13985012346", sampleCert6},      // another mobile
		{code, sampleMobile, "071237"},          // another certificate tail
		{"", sampleMobile, sampleCert6},         // nothing
		{code + "0", sampleMobile, sampleCert6}, // one digit too many
	}
	for i, in := range wrong {
		p.clock.Set(cst(2026, 3, 2, 11+i))
		outcome, body := p.enter(loc, in.code, in.mobile, in.cert6)
		assert.Equal(t, smsWrong, outcome, "input %d", i+1)
		assert.Contains(t, body, "已错误"+string(rune('1'+i))+"次", "input %d", i+1)
		assert.Contains(t, body, "还可输错"+string(rune('4'-i))+"次", "input %d", i+1)
		assert.Contains(t, body, `<strong id="status">管局审核中</strong>`, "input %d", i+1)
	}
	p.clock.Set(cst(2026, 3, 2, 17))
	outcome, body := p.enter(loc, code, sampleMobile, sampleCert6)
	assert.Equal(t, smsReturned, outcome)
	wantContains(t, "answer to the sixth attempt", body,
		`<strong id="status">短信核验未通过，系统退回接入商</strong>`,
		"退回原因：短信核验已错误5次，备案已退回接入商",
		"<td>2026-03-02 17:00</td><td>短信核验</td><td>负责人本人</td><td>短信核验已错误5次，备案已退回接入商</td>")
	assert.NotContains(t, body, `action="`+loc+`/sms"`)

	// Nothing waits any more: another input is refused and changes nothing.
	outcome, body = p.enter(loc, code, sampleMobile, sampleCert6)
	assert.Equal(t, smsNone, outcome)
	assert.NotContains(t, body, "当前没有等待输入的短信验证码。", "the returned filing's page says why already")
	_, page := p.get(loc)
	assert.Equal(t, 6, strings.Count(page, "<td>短信核验</td>"), "history rows of inputs")
	assert.Equal(t, 5, strings.Count(page, "：输入有误</td>"), "history rows of wrong inputs")
	assert.Contains(t, page, "<td>139****2346：输入有误</td>", "the other mobile, masked")
	assert.NotContains(t, page, "13985012346")
	assert.NotContains(t, withoutID(page, loc), code, "the page shows the code")
}

// TestR83_PortalSMSExpiry: the code is valid for [sent, sent+24h): an
// input a minute before is counted, reading the page at the 24 hours
// applies ActionSMSExpire dated at the expiry (even when read days later),
// and an input after it finds the filing returned.
func TestR83_PortalSMSExpiry(t *testing.T) {
	for _, read := range []time.Duration{0, 49*time.Hour + 30*time.Minute} {
		p := newPortal(t, cst(2026, 3, 2, 10))
		loc := p.submit(sample())
		code := p.codes()[0].Code

		p.clock.Set(cst(2026, 3, 3, 10).Add(-time.Minute))
		outcome, body := p.enter(loc, wrongCode(code), sampleMobile, sampleCert6)
		assert.Equal(t, smsWrong, outcome)
		assert.Contains(t, body, `剩余时间：<strong id="sms-remaining">0小时1分</strong>`)

		p.clock.Set(cst(2026, 3, 3, 10).Add(read))
		_, body = p.get(loc)
		wantContains(t, "status page after the 24 hours", body,
			`<strong id="status">短信核验超时，系统退回接入商</strong>`,
			"退回原因：短信验证码已超过24小时有效期，备案已退回接入商",
			"<td>2026-03-03 10:00</td><td>短信核验超时</td><td>备案系统</td><td>短信验证码已超过24小时有效期，备案已退回接入商</td>")
		assert.NotContains(t, body, "审核时限", "a returned filing has no review limit running")

		// Reading again records nothing more; the right code is too late.
		_, again := p.get(loc)
		assert.Equal(t, 1, strings.Count(again, "<td>短信核验超时</td>"))
		outcome, body = p.enter(loc, code, sampleMobile, sampleCert6)
		assert.Equal(t, smsNone, outcome)
		assert.Contains(t, body, `<strong id="status">短信核验超时，系统退回接入商</strong>`)
	}
}

// TestR83_PortalSMSInputOrResendAfterExpiry: an input or a resend at the
// 24 hours, with no read of the page before, returns the filing to the ISP
// with the timeout as reason (409); the right code is too late.
func TestR83_PortalSMSInputOrResendAfterExpiry(t *testing.T) {
	for _, resend := range []bool{false, true} {
		p := newPortal(t, cst(2026, 3, 2, 10))
		loc := p.submit(sample())
		code := p.codes()[0].Code
		p.clock.Set(cst(2026, 3, 3, 10))
		var outcome, body string
		if resend {
			outcome, body = p.resend(loc)
		} else {
			outcome, body = p.enter(loc, code, sampleMobile, sampleCert6)
		}
		assert.Equal(t, smsReturned, outcome, "resend %v", resend)
		wantContains(t, "answer at the 24 hours", body,
			`<strong id="status">短信核验超时，系统退回接入商</strong>`,
			"退回原因：短信验证码已超过24小时有效期，备案已退回接入商",
			"短信核验已超时，备案已退回接入商")
		assert.Len(t, p.codes(), 1, "resend %v: a code was sent after the 24 hours", resend)
		_, page := p.get(loc)
		assert.Equal(t, 1, strings.Count(page, "短信验证码已超过24小时有效期，备案已退回接入商</td>"), "resend %v: timeouts recorded", resend)
	}
}

// TestR83_PortalSMSResend: a resend issues a new code and voids the old
// one, at most twice; the 24 hours still count from the first send.
func TestR83_PortalSMSResend(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	loc := p.submit(sample())
	first := p.codes()[0].Code
	for i := 1; i <= 2; i++ {
		p.clock.Set(cst(2026, 3, 2, 10+i))
		outcome, body := p.resend(loc)
		assert.Equal(t, smsResent, outcome, "resend %d", i)
		assert.Contains(t, body, "验证码已重新发送", "resend %d", i)
		assert.Contains(t, body, "最多可重发"+string(rune('2'-i))+"次", "resend %d", i)
		assert.Contains(t, body, "请在24小时内（2026-03-03 10:00前）", "resend %d", i)
	}
	assert.Len(t, p.codes(), 3)
	outcome, body := p.resend(loc)
	assert.Equal(t, smsResendLimit, outcome)
	assert.Contains(t, body, "短信最多重发2次，本次未发送")
	assert.NotContains(t, body, `id="sms-resend"`)
	assert.Len(t, p.codes(), 3, "the third resend sent a code")

	last := p.codes()[2].Code
	if first != last {
		outcome, _ = p.enter(loc, first, sampleMobile, sampleCert6)
		assert.Equal(t, smsWrong, outcome, "the first code still works after a resend")
	}
	outcome, body = p.enter(loc, last, sampleMobile, sampleCert6)
	assert.Equal(t, smsVerified, outcome)
	assert.Contains(t, body, `id="sms-done"`)
}

// FuzzSMSInput posts arbitrary values into the SMS form of a fresh filing
// ("{code}" in the code stands for the code sent): the handler never
// panics, answers 303 to the status page (or 400/413 for a bad form),
// never shows the code, and accepts only the code sent.
func FuzzSMSInput(f *testing.F) {
	f.Add("{code}", sampleMobile, sampleCert6)
	f.Add("{code}", "+86 139 8501 2345", "071236")
	f.Add("{code}", "１３９８５０１２３４５", "０７１２３６")
	f.Add("", "", "")
	f.Add("\xff\x00", "\u200b13985012345", "<script>")
	f.Add(strings.Repeat("9", 5000), sampleMobile, sampleCert6)
	f.Fuzz(func(t *testing.T, code, mobile, cert6 string) {
		var sent []string
		h, err := newServer(options{
			Now:     func() time.Time { return cst(2026, 3, 2, 10) },
			Logger:  slog.New(slog.DiscardHandler),
			SendSMS: func(_ string, _ filing.Phone, c string) { sent = append(sent, c) },
		})
		require.NoError(t, err)
		req := httptest.NewRequest(http.MethodPost, "/filings", strings.NewReader(sample().Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		require.Equal(t, http.StatusSeeOther, rec.Code)
		require.Len(t, sent, 1)
		loc := rec.Header().Get("Location")
		code = strings.ReplaceAll(code, "{code}", sent[0])

		v := url.Values{fieldSMSCode: {code}, fieldSMSMobile: {mobile}, fieldSMSCert: {cert6}}
		req = httptest.NewRequest(http.MethodPost, loc+"/sms", strings.NewReader(v.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusSeeOther:
			if rec.Header().Get("Location") == loc+"?sms="+smsVerified {
				assert.Equal(t, sent[0], foldDigits(strings.TrimSpace(code)), "accepted a code that is not the one sent")
			} else {
				assert.Equal(t, loc+"?sms="+smsWrong, rec.Header().Get("Location"))
			}
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
		default:
			t.Fatalf("status %d for %q", rec.Code, v.Encode())
		}
		assert.NotContains(t, withoutID(rec.Body.String(), loc), sent[0], "the page shows the code")
		assert.Equal(t, foldDigits(code), foldDigits(foldDigits(code)), "foldDigits is not idempotent")
	})
}
