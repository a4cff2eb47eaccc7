package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestR80_QuickstartChangeAndSMS asserts the change and SMS section.
func TestR80_QuickstartChangeAndSMS(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"[change.domain_added R-80] 变更备案不能新增域名（xingchen-tech.cn）",
		"变更网站名称 ✓ 类型 change_website，需重新短信核验：1人",
		"验证码有效至2026-08-04 10:15（剩余1h15m0s，还可重发2次）",
		"[sms.expired R-83]",
		"状态 returned_timeout",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
