package wechat_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform/wechat"
)

// exampleLists reads the platform's list answers kept in testdata.
func exampleLists() wechat.Lists {
	get := func(name string) []wechat.ListItem {
		b, _ := os.ReadFile("testdata/" + name)
		a, _ := wechat.DecodeList(b)
		return a.Items
	}
	return wechat.Lists{
		SubjectTypes: get("list_subject_types.json"), CertificateTypes: get("list_certificate_types.json"),
		ServiceContentTypes: get("list_service_content_types.json"), NrlxTypes: get("list_nrlx_types.json"),
		Districts: get("list_districts.json"),
	}
}

// A remark too short for WeChat is reported at the app's service content,
// and the pre-approvals item says 以上都不涉及 explicitly.
func ExamplePrepare() {
	in := fixture()
	in.Filing.Apps[0].ServiceContent = "记账工具"
	p, err := wechat.Prepare(in, exampleLists())
	var ve *filing.ValidationError
	if errors.As(err, &ve) {
		for _, pr := range ve.Problems {
			fmt.Println(pr.Path, pr.Rule, pr.Zh)
		}
	}
	nrlx, _ := json.Marshal(p.IcpApplets.BaseInfo.NrlxDetails)
	fmt.Println(string(nrlx))
	// Output:
	// apps[0].service_content R-95 备注须为20至200个字（现为4个字），请具体描述小程序实际经营内容和主要服务内容
	// [{"type":24}]
}

// applyIcpFiling's hints come back as problems at the SDK's fields.
func ExampleApplyAnswer_Problems() {
	a, err := wechat.DecodeApplyAnswer([]byte(`{"errcode":86202,"errmsg":"apply icp filing fail","hints":[
		{"errcode":86328,"err_field":"icp_subject.organize_info.certificate_photo","errmsg":"无法读取图片识别内容，请尝试重新提交或重新上传图片"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range a.Problems(0) {
		fmt.Println(p.Path, p.Label, p.Zh)
	}
	// Output:
	// media.certificate_photo 主体证件照片 平台驳回：无法读取图片识别内容，请尝试重新提交或重新上传图片
}

// The platform's status maps to the SDK's lifecycle.
func ExampleEntranceInfo_Status() {
	e, _ := wechat.DecodeEntranceInfo([]byte(`{"errcode":0,"errmsg":"ok","info":{"status":4,"is_canceling":false,"available":1,"sms_verify_status":1}}`))
	st, ok := e.Status()
	fmt.Println(st, st.Zh(), ok, e.Info.SMSVerifyStatus)
	// Output:
	// bureau_review 管局审核中 true 1
}

// A stored payload maps back to the SDK's model.
func ExampleToModel() {
	b, _ := os.ReadFile("testdata/apply_request.golden.json")
	p, _ := wechat.DecodeApply(b)
	in, err := wechat.ToModel(p, exampleLists())
	fmt.Println(err, in.Filing.Subject.Nature, in.Filing.Apps[0].Categories, in.Filing.Apps[0].Principal.CertValidity)
	// Output:
	// <nil> enterprise [记账 效率] 2019-01-02至长期
}
