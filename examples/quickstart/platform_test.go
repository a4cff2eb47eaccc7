package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestR95_QuickstartWeChat: section 9 prepares the mini-program's filing
// for WeChat and maps the platform's rejections back to the SDK's fields.
func TestR95_QuickstartWeChat(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{
		"[platform.service_type_not_second_level R-95]", // 工具 is a first-level type
		"[platform.remark_length R-95]",                 // 6 characters, 20 needed
		`"nrlx_details":[{"type":24}]`,                  // 以上都不涉及, explicit
		"有效期=20200506至20400506",                         // YYYYmmdd
		"地址=长岭北路1号",                                     // without the leading province, city, district
		"主体证件照片（media.certificate_photo）：平台驳回：无法读取图片识别内容", // hints[].err_field mapped back
		"平台答复：平台答复中有未知字段“procedure_id”，已原样保留",             // kept and reported
		"备案状态 5 → returned_to_user",                       // 管局审核驳回
		"小程序备注（apps[0].service_content）：平台驳回：备注内容未描述小程序实际经营内容（建议：请具体描述小程序的主要服务内容）", // audit_data mapped back
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
