package main

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func (p *portal) postApp(v url.Values) (*http.Response, string) {
	p.t.Helper()
	req, err := http.NewRequest(http.MethodPost, p.ts.URL+"/apps", strings.NewReader(v.Encode()))
	require.NoError(p.t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return p.do(req)
}

func sampleApp() url.Values { return sampleAppForm().values() }

func TestR71_AppFormRendersPlatformRows(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	resp, page := p.get("/apps")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	for _, id := range []string{"platform-0", "platform-1", "platform-2", "platform-3", "field-p3_name", "field-p0_fingerprint", "field-app_host"} {
		assert.Contains(t, page, `id="`+id+`"`)
	}
	assert.Contains(t, page, "cn.guizhoutea.app")
	assert.Contains(t, page, "鸿蒙")
}

func TestR71_GoodAppFilingIsAccepted(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	resp, page := p.postApp(sampleApp())
	require.Equal(t, http.StatusCreated, resp.StatusCode, pageText(page))
	assert.Contains(t, page, `id="done"`)
	assert.Contains(t, page, "管局审核中")
	assert.NotContains(t, p.logs.String(), "13985012346", "logs mask the mobile")

	// Filing the same app again is refused: it is under review.
	resp, page = p.postApp(sampleApp())
	require.Equal(t, http.StatusConflict, resp.StatusCode, pageText(page))
	assert.Contains(t, fieldBlock(t, page, "p0_identifier"), "与已有备案冲突")
}

func TestR72_AppMessagesAtTheirFields(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	v := with(sampleApp(),
		rowField(0, "identifier"), "cn.1guizhoutea",
		rowField(1, "fingerprint"), "3F:2A:9C:11:47:B0:6E:D5:82:0C:19:A4:7B:E3:55:C8", // MD5 on iOS
		rowField(2, "identifier"), "cn.guizhoutea", // HarmonyOS: two segments
		rowField(2, "fingerprint"), "AB",
		fieldAppName, "",
	)
	resp, page := p.postApp(v)
	require.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode, pageText(page))
	wantContains(t, "p0_identifier", fieldBlock(t, page, "p0_identifier"), "安卓包名格式不正确")
	wantContains(t, "p1_fingerprint", fieldBlock(t, page, "p1_fingerprint"), "SHA-1签名值应为40位")
	wantContains(t, "p2_identifier", fieldBlock(t, page, "p2_identifier"), "鸿蒙包名")
	wantContains(t, "p2_algorithm", fieldBlock(t, page, "p2_algorithm"), "请注明鸿蒙平台签名值的算法")
	wantContains(t, "app_name", fieldBlock(t, page, "app_name"), "请填写")
	wantNoMessages(t, page, "p3_identifier", "mobile")
	// The box above the long form links to each of them.
	wantContains(t, "problem links", page, `<a href="#field-p1_fingerprint">iOS：SHA-1签名值应为40位`, `<a href="#field-app_name">`)
	wantContains(t, "problem count", page, "备案信息有6处问题") // p0 identifier, p1 fingerprint, p2 identifier, algorithm and fingerprint, the name
	// Rows with errors are open; the untouched row stays one line.
	wantContains(t, "rows", page, `<details class="platform-row" id="platform-1" open>`, `<details class="platform-row" id="platform-2" open>`)
	assert.NotContains(t, page, `<details class="platform-row" id="platform-3" open>`)
	// The public key is a text area: a long hex key is not cut.
	wantContains(t, "public key", fieldBlock(t, page, "p0_public_key"), "<textarea")
}

func TestR71_MiniProgramWithPlatformRowsIsRefused(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	v := with(sampleApp(), fieldAppKind, "mini_program", fieldAppHost, "wechat", fieldAppHostAppID, "wx123")
	resp, page := p.postApp(v)
	require.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode, pageText(page))
	assert.Contains(t, page, `id="err-app_platforms"`)
	assert.Contains(t, page, "小程序无需填写运行平台")
	assert.Contains(t, page, `id="warnings"`, "the unusual AppID is a warning")

	// Without the platform rows it is accepted, the warning kept.
	for i := range appPlatformRows {
		for _, f := range []string{"identifier", "public_key", "fingerprint", "algorithm", "domains", "sdk_name", "sdk_vendor", "name"} {
			v.Set(rowField(i, f), "")
		}
	}
	resp, page = p.postApp(v)
	require.Equal(t, http.StatusCreated, resp.StatusCode, pageText(page))
	assert.Contains(t, page, "wx开头加16位小写十六进制字符")
}

func TestR74_AppIdentifierConflictShowsGuidance(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	v := with(sampleApp(), rowField(1, "identifier"), "CN.EXAMPLESHOP.APP")
	resp, page := p.postApp(v)
	require.Equal(t, http.StatusConflict, resp.StatusCode, pageText(page))
	wantContains(t, "conflicts", page, "<dd>浙ICP备2019012345号-2A（浙江省，已备案）</dd>", "浙江省通信管理局", "R-74")
	assert.Contains(t, fieldBlock(t, page, "p1_identifier"), "与已有备案冲突")
	wantNoMessages(t, page, "p0_identifier")
}

func TestR70_AppOfASubjectNotOnFile(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	resp, page := p.postApp(with(sampleApp(), fieldSubjectNumber, "黔ICP备2021009999号"))
	require.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode, pageText(page))
	assert.Contains(t, fieldBlock(t, page, "subject_number"), "不存在")
}

func TestAppFormGarbageNever500(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	for _, v := range []url.Values{
		{},
		with(sampleApp(), rowField(0, "fingerprint"), strings.Repeat("Ｚ", 500)),
		with(sampleApp(), fieldAppKind, "<script>"),
		with(sampleApp(), rowField(3, "name"), "\x00\xff"),
		with(sampleApp(), rowField(0, "domains"), strings.Repeat("a.", 200)+"cn"),
	} {
		resp, page := p.postApp(v)
		assert.Less(t, resp.StatusCode, 500, pageText(page))
		assert.NotContains(t, page, "<script>")
	}
}
