package main

import (
	"strings"
	"testing"
)

// TestR83_PortalShowsSMSCountdown: the status page of a filing under
// review shows the SMS step's 24-hour countdown, then its timeout.
func TestR83_PortalShowsSMSCountdown(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	loc := p.submit(sample())
	p.clock.Set(cst(2026, 3, 2, 16).Add(45 * 60e9))
	_, body := p.get(loc)
	wantContains(t, "status page", body,
		"<h2>短信核验</h2>",
		"请在24小时内（2026-03-03 10:00前）",
		`剩余时间：<strong id="sms-remaining">17小时15分</strong>`,
		"139****2345",
	)
	if strings.Contains(body, "13985012345") {
		t.Error("the SMS step shows a mobile unmasked")
	}
	p.clock.Set(cst(2026, 3, 3, 10))
	_, body = p.get(loc)
	wantContains(t, "status page a day later", body, "短信核验已超时，备案将退回接入商", "验证码已于2026-03-03 10:00失效")
	if strings.Contains(body, "请在24小时内") {
		t.Error("the expired SMS step still asks to enter the code")
	}
}
