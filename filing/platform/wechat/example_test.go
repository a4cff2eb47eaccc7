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

// The list queries share one answer shape; their IDs feed Prepare.
func ExampleDecodeList() {
	a, err := wechat.DecodeList([]byte(`{"errcode":0,"errmsg":"ok","items":[{"type":600,"parent_type":0,"name":"工具"},{"type":5,"parent_type":600,"name":"记账"}]}`))
	fmt.Println(err, len(a.Items), a.Items[1].Type, a.Items[1].ParentType, a.Items[1].Name)
	// Output:
	// <nil> 2 5 600 记账
}

// The 未备案 statuses say what the mini-program still lacks.
func ExampleEntranceInfo_Problems() {
	e, _ := wechat.DecodeEntranceInfo([]byte(`{"errcode":0,"errmsg":"ok","info":{"status":1027,"is_canceling":false,"available":1,"sms_verify_status":0}}`))
	for _, p := range e.Problems(0) {
		fmt.Println(p.Path, p.Zh)
	}
	// Output:
	// apps[0].name 尚不能提交备案：小程序信息未填
	// apps[0].categories 尚不能提交备案：小程序类目未填
}

// The field table ties each payload field to the SDK's path.
func ExampleFields() {
	r, _ := wechat.Fields().ByPayload("icp_applets.principal_info.certificate_validity_date_end")
	fmt.Println(r.SDKPath(1), r.Label)
	// Output:
	// apps[1].principal.cert_validity 小程序负责人证件有效期终止日期
}

// The face verification's task ID goes into the mini-program principal.
func ExampleDecodeVerifyTask() {
	v, _ := wechat.DecodeVerifyTask([]byte(`{"errcode":0,"errmsg":"ok","is_finish":true,"face_status":3}`))
	fmt.Println(v.IsFinish, v.FaceStatus == 3)
	// Output:
	// true true
}

// The filed details carry the record numbers.
func ExampleDecodeOnlineOrder() {
	o, _ := wechat.DecodeOnlineOrder([]byte(`{"errcode":0,"errmsg":"ok","icp_subject":{"base_info":{"type":4,"name":"贵州星辰科技有限公司","record_number":"黔ICP备2026001073号"}},"icp_applets":[{"base_info":{"record_number":"黔ICP备2026001073号-3X"}}]}`))
	fmt.Println(o.IcpSubject.BaseInfo.RecordNumber, o.IcpApplets[0].BaseInfo.RecordNumber)
	// Output:
	// 黔ICP备2026001073号 黔ICP备2026001073号-3X
}
