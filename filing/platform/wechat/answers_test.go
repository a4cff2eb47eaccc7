package wechat_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
	"github.com/beiankit/beian/filing/platform/wechat"
)

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

type row struct{ Path, Code, Zh string }

func rows(ps []*filing.Problem) []row {
	var out []row
	for _, p := range ps {
		out = append(out, row{p.Path, string(p.Code), p.Zh})
	}
	return out
}

// TestR95_WeChatApplyHints: applyIcpFiling's per-field errors land on the
// SDK's fields; an err_field the table does not know and a key the SDK
// does not know (procedure_id, which the platform also sends) are kept and
// reported.
func TestR95_WeChatApplyHints(t *testing.T) {
	a, err := wechat.DecodeApplyAnswer(read(t, "apply_answer_hints.json"))
	require.NoError(t, err)
	assert.Equal(t, 86202, a.Errcode)
	assert.Equal(t, []row{
		{"media.certificate_photo", "platform.rejected_field", "平台驳回：无法读取图片识别内容，请尝试重新提交或重新上传图片"},
		{"apps[2].service_content", "platform.rejected_field", "平台驳回：备注内容字数须为20-200字"},
		{"apps[2].pre_approvals", "platform.rejected_field", "平台驳回：前置审批号格式不正确"},
		{"", "platform.rejected_unplaced", "平台驳回（字段“icp_applets.base_info.new_field”无法对应到备案信息）：未知字段校验失败"},
		{"", "platform.unknown_key", "平台答复中有未知字段“procedure_id”，已原样保留，请核对"},
	}, rows(a.Problems(2)))
	// Kept: re-encoding gives every key back.
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.JSONEq(t, string(read(t, "apply_answer_hints.json")), string(b))

	ok, err := wechat.DecodeApplyAnswer([]byte(`{"errcode":0,"errmsg":"ok"}`))
	require.NoError(t, err)
	assert.Empty(t, ok.Problems(0))
	bad, err := wechat.DecodeApplyAnswer([]byte(`{"errcode":86324,"errmsg":"当前正在审核中，请勿重复提交"}`))
	require.NoError(t, err)
	assert.Equal(t, []row{{"", "platform.error", "平台返回错误86324：当前正在审核中，请勿重复提交"}}, rows(bad.Problems(0)))
}

// TestR95_WeChatEntranceRejected: audit_data items land on the fields
// their Chinese names name; the rest are kept and reported.
func TestR95_WeChatEntranceRejected(t *testing.T) {
	e, err := wechat.DecodeEntranceInfo(read(t, "entrance_info_rejected.json"))
	require.NoError(t, err)
	st, ok := e.Status()
	require.True(t, ok)
	assert.Equal(t, filing.StatusReturnedToUser, st)
	assert.Equal(t, []row{
		{"apps[0].service_content", "platform.rejected_field", "平台驳回：备注内容未描述小程序实际经营内容（建议：请具体描述小程序的主要服务内容）"},
		{"subject.principal.cert_validity", "platform.rejected_field", "平台驳回：证件有效期与证件照片不一致（建议：请按证件照片填写）"},
		{"", "platform.rejected_unplaced", "平台驳回（字段“网站备案信息真实性核验单”无法对应到备案信息）：材料不清晰（建议：请重新上传）"},
		{"", "platform.unknown_key", "平台答复中有未知字段“info.review_round”，已原样保留，请核对"},
	}, rows(e.Problems(0)))
	b, err := json.Marshal(e)
	require.NoError(t, err)
	assert.JSONEq(t, string(read(t, "entrance_info_rejected.json")), string(b))
}

// TestR95_WeChatStatus: the platform's status enum to the SDK's lifecycle.
func TestR95_WeChatStatus(t *testing.T) {
	for _, tc := range []struct {
		status int
		want   filing.Status
		ok     bool
		ready  []string
	}{
		{2, filing.StatusISPVerifying, true, nil},
		{3, filing.StatusDraft, true, nil},
		{4, filing.StatusBureauReview, true, nil},
		{5, filing.StatusReturnedToUser, true, nil},
		{6, filing.StatusApproved, true, nil},
		{1024, "", true, nil},
		{1025, "", true, []string{"apps[1].name"}},
		{1030, "", true, []string{"apps[1].categories", "apps[1].host_app_id"}},
		{1031, "", true, []string{"apps[1].name", "apps[1].categories", "apps[1].host_app_id"}},
		{0, "", false, nil},
		{7, "", false, nil},
		{1032, "", false, nil},
		{-1, "", false, nil},
	} {
		e := wechat.EntranceInfo{Info: wechat.Entrance{Status: tc.status}}
		st, ok := e.Status()
		assert.Equal(t, tc.want, st, tc.status)
		assert.Equal(t, tc.ok, ok, tc.status)
		var ready []string
		unknown := 0
		for _, p := range e.Problems(1) {
			switch p.Code {
			case platform.CodeNotReady:
				ready = append(ready, p.Path)
			case platform.CodeStatusUnknown:
				unknown++
			}
		}
		assert.Equal(t, tc.ready, ready, tc.status)
		assert.Equal(t, !tc.ok, unknown == 1, tc.status)
	}
}

// TestR95_WeChatUnknownKeysKept: keys the SDK does not declare, at any
// depth of a request, survive decoding and encoding and are reported by
// ToModel.
func TestR95_WeChatUnknownKeysKept(t *testing.T) {
	var m map[string]any
	require.NoError(t, json.Unmarshal(read(t, "apply_request.golden.json"), &m))
	m["trace"] = "x"
	m["icp_subject"].(map[string]any)["base_info"].(map[string]any)["town"] = "长岭街道"
	m["icp_applets"].(map[string]any)["base_info"].(map[string]any)["nrlx_details"].([]any)[0].(map[string]any)["remark"] = nil
	in, _ := json.Marshal(m)
	p, err := wechat.DecodeApply(in)
	require.NoError(t, err)
	out, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, string(in), string(out))
	_, err = wechat.ToModel(p, lists(t))
	assert.Equal(t, []string{
		" platform.unknown_key", " platform.unknown_key", " platform.unknown_key",
	}, codes(err))
	assert.ErrorContains(t, err, "icp_subject.base_info.town")
	assert.ErrorContains(t, err, "icp_applets.base_info.nrlx_details[0].remark")
	assert.NotContains(t, err.Error(), "长岭街道", "values are kept, not echoed")
}

// TestR95_WeChatToModelRules: the platform's rules checked on a payload.
func TestR95_WeChatToModelRules(t *testing.T) {
	l := lists(t)
	for _, tc := range []struct {
		name string
		edit func(*wechat.ApplyIcpFiling)
		want []string
	}{
		{"以上都不涉及 mixed", func(p *wechat.ApplyIcpFiling) {
			p.IcpApplets.BaseInfo.NrlxDetails = append(p.IcpApplets.BaseInfo.NrlxDetails, wechat.NrlxDetail{Type: 2, Code: "新出网证001", Media: "m"})
		}, []string{"apps[0].involves platform.preapproval_none_mixed"}},
		{"no nrlx item at all", func(p *wechat.ApplyIcpFiling) { p.IcpApplets.BaseInfo.NrlxDetails = nil },
			[]string{"apps[0].involves platform.preapproval_none_missing"}},
		{"duplicate nrlx type", func(p *wechat.ApplyIcpFiling) {
			p.IcpApplets.BaseInfo.NrlxDetails = []wechat.NrlxDetail{{Type: 2, Code: "a", Media: "m"}, {Type: 2, Code: "b", Media: "m"}}
		}, []string{"apps[0].involves platform.preapproval_duplicate"}},
		{"dashed validity date", func(p *wechat.ApplyIcpFiling) {
			p.IcpSubject.PrincipalInfo.CertificateValidityDateEnd = "2040-05-06"
		}, []string{"subject.principal.cert_validity platform.validity_format"}},
		{"full-width validity date", func(p *wechat.ApplyIcpFiling) {
			p.IcpSubject.PrincipalInfo.CertificateValidityDateStart = "２０２００５０６"
		}, []string{"subject.principal.cert_validity platform.validity_format"}},
		{"impossible date", func(p *wechat.ApplyIcpFiling) {
			p.IcpApplets.PrincipalInfo.CertificateValidityDateStart = "20190230"
		}, []string{"apps[0].principal.cert_validity platform.validity_format"}},
		{"长期 as a start", func(p *wechat.ApplyIcpFiling) {
			p.IcpApplets.PrincipalInfo.CertificateValidityDateStart = "长期"
		}, []string{"apps[0].principal.cert_validity platform.validity_format"}},
		{"first-level service type", func(p *wechat.ApplyIcpFiling) {
			p.IcpApplets.BaseInfo.ServiceContentTypes = []int{500}
		}, []string{"apps[0].categories platform.service_type_not_second_level"}},
		{"service type the list lacks", func(p *wechat.ApplyIcpFiling) {
			p.IcpApplets.BaseInfo.ServiceContentTypes = []int{5, 999}
		}, []string{"apps[0].categories platform.service_type_unknown"}},
		{"six service types", func(p *wechat.ApplyIcpFiling) {
			p.IcpApplets.BaseInfo.ServiceContentTypes = []int{3, 4, 5, 6, 7, 8}
		}, []string{"apps[0].categories platform.service_types_max"}},
		{"short remark", func(p *wechat.ApplyIcpFiling) { p.IcpApplets.BaseInfo.Comment = "记账" },
			[]string{"apps[0].service_content platform.remark_length"}},
		{"unknown subject type", func(p *wechat.ApplyIcpFiling) { p.IcpSubject.BaseInfo.Type = 77 },
			[]string{"subject.nature platform.type_unmapped"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := wechat.Prepare(fixture(), l)
			require.NoError(t, err)
			tc.edit(p)
			_, err = wechat.ToModel(p, l)
			assert.Equal(t, tc.want, codes(err))
		})
	}
}

// TestR95_WeChatOnlineOrder: the filed details come back with their record
// numbers.
func TestR95_WeChatOnlineOrder(t *testing.T) {
	o, err := wechat.DecodeOnlineOrder([]byte(`{"errcode":0,"errmsg":"ok","icp_subject":{"base_info":{"type":5,"name":"张三","province":"110000","city":"110100","district":"110105","address":"高碑店路181号1栋12345室","comment":"","record_number":"粤B2-20090059"}},"icp_applets":[{"base_info":{"appid":"wx5a6c601ca97c8443","name":"腾讯客服","service_content_types":[5],"nrlx_details":[{"type":24}],"comment":"","record_number":"粤B2-20090059-1626X"}}]}`))
	require.NoError(t, err)
	require.Len(t, o.IcpApplets, 1)
	assert.Equal(t, "粤B2-20090059", o.IcpSubject.BaseInfo.RecordNumber)
	assert.Equal(t, "粤B2-20090059-1626X", o.IcpApplets[0].BaseInfo.RecordNumber)
	assert.Equal(t, "110105", o.IcpSubject.BaseInfo.District)
}

// TestR95_WeChatVerifyTask: the face verification answers.
func TestR95_WeChatVerifyTask(t *testing.T) {
	v, err := wechat.DecodeVerifyTask([]byte(`{"errcode":0,"errmsg":"ok","task_id":"R5bK2mQvUe8n","verify_url":"https://example.com/v"}`))
	require.NoError(t, err)
	assert.Equal(t, "R5bK2mQvUe8n", v.TaskID)
	v, err = wechat.DecodeVerifyTask([]byte(`{"errcode":0,"errmsg":"ok","is_finish":true,"face_status":3}`))
	require.NoError(t, err)
	assert.True(t, v.IsFinish)
	assert.Equal(t, 3, v.FaceStatus)
}

// TestR95_WeChatDecodeErrors: what is not an answer is a coded problem.
func TestR95_WeChatDecodeErrors(t *testing.T) {
	for _, in := range []string{``, `{`, `[]`, `"x"`, `{"errcode":"zero"}`, `{"hints":{}}`, `{"info":{"status":1.5}}`} {
		_, err := wechat.DecodeApplyAnswer([]byte(in))
		_, err2 := wechat.DecodeEntranceInfo([]byte(in))
		assert.True(t, err != nil || err2 != nil, in)
		for _, e := range []error{err, err2} {
			if e != nil {
				assert.ErrorIs(t, e, platform.CodeAnswerInvalid, in)
			}
		}
	}
}

// TestR95_WeChatDeepOrLargeInput: input nested past platform.MaxDepth or
// larger than platform.MaxBytes is refused before decoding (each level is
// decoded by its own method, so depth would multiply the work).
func TestR95_WeChatDeepOrLargeInput(t *testing.T) {
	deep := `{"errcode":0,"items":[` + strings.Repeat(`{"sub_list":[`, 40) + strings.Repeat(`]}`, 40) + `]}`
	_, err := wechat.DecodeList([]byte(deep))
	assert.ErrorIs(t, err, platform.CodeAnswerInvalid)
	assert.ErrorContains(t, err, "nested deeper")
	ok := `{"errcode":0,"items":[` + strings.Repeat(`{"sub_list":[`, 10) + strings.Repeat(`]}`, 10) + `]}`
	_, err = wechat.DecodeList([]byte(ok))
	assert.NoError(t, err)
	// Brackets inside strings do not count.
	_, err = wechat.DecodeList([]byte(`{"errcode":0,"errmsg":"` + strings.Repeat(`[{\"`, 100) + `","items":[]}`))
	assert.NoError(t, err)
	big := `{"errcode":0,"errmsg":"` + strings.Repeat("x", platform.MaxBytes) + `"}`
	_, err = wechat.DecodeApplyAnswer([]byte(big))
	assert.ErrorIs(t, err, platform.CodeAnswerInvalid)
}
