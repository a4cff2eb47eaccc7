package forms

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// appCancellation cancels the subject's WeChat mini-program, which has no
// domain of its own.
func appCancellation() *Application {
	a := orgCancellation()
	a.Target = TargetApp
	a.RecordNumber = "豫ICP备2021012345号-3X"
	a.Domain = ""
	a.DomainCertificate = nil
	a.Reason = "公司小程序已停止运营，微信平台账号已注销，不再提供任何服务，申请注销该小程序的备案"
	return a
}

func TestR51_CancellationTargetsAnApp(t *testing.T) {
	a := appCancellation()
	require.NoError(t, a.Check(now))
	ck := a.Checklist()
	found := false
	for _, g := range ck.Guidance {
		found = found || g.Zh == appCancellationGuidance.Zh
	}
	assert.True(t, found, "the shell-subject advice names apps")
	assert.Equal(t, "注销应用", TargetApp.Zh())

	for _, tc := range []struct {
		name   string
		change func(*Application)
		code   string
	}{
		{"a website number", func(a *Application) { a.RecordNumber = "豫ICP备2021012345号-2" }, string(CodeAppTargetNumber)},
		{"a subject number", func(a *Application) { a.RecordNumber = "豫ICP备2021012345号" }, string(CodeAppTargetNumber)},
		{"a licence app number", func(a *Application) { a.RecordNumber = "粤B2-20090059-1626X" }, ""},
		{"an app with a domain", func(a *Application) {
			a.RecordNumber = "豫ICP备2021012345号-4A"
			a.Domain = "api.example.com.cn"
			a.DomainCertificate = domainCert("example.com.cn", "郑州示例科技有限公司")
		}, ""},
		{"a website still needs its domain", func(a *Application) {
			a.Target = TargetWebsite
			a.RecordNumber = "豫ICP备2021012345号-2"
		}, "form.required"},
	} {
		a := appCancellation()
		tc.change(a)
		err := a.Check(now)
		if tc.code == "" {
			assert.NoError(t, err, tc.name)
			continue
		}
		var ve interface{ Unwrap() []error }
		if assert.ErrorAs(t, err, &ve, tc.name) {
			codes := []string{}
			for _, e := range ve.Unwrap() {
				if c, ok := e.(interface{ ErrorCode() string }); ok {
					codes = append(codes, c.ErrorCode())
				}
			}
			assert.Contains(t, codes, tc.code, tc.name)
		}
	}
	var target Target
	require.NoError(t, json.Unmarshal([]byte(`"应用"`), &target))
	assert.Equal(t, TargetApp, target)
}
