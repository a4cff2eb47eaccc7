package main

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
	"github.com/beiankit/beian/filing/platform/wechat"
)

// The platform's list answers, as queryIcpSubjectTypes, queryIcpCertificateTypes,
// queryIcpServiceContentTypes, queryIcpNrlxTypes and queryIcpDistrictCode give
// them (a portal fetches and caches them; the IDs here are illustrative).
const (
	wxSubjectTypes = `{"errcode":0,"errmsg":"ok","items":[{"type":4,"name":"企业"},{"type":5,"name":"个人"}]}`
	wxCertTypes    = `{"errcode":0,"errmsg":"ok","items":[{"type":1,"subject_type":4,"name":"营业执照（个人或企业）"},{"type":2,"subject_type":4,"name":"居民身份证"}]}`
	wxServiceTypes = `{"errcode":0,"errmsg":"ok","items":[{"type":600,"parent_type":0,"name":"工具"},{"type":5,"parent_type":600,"name":"记账"}]}`
	wxNrlxTypes    = `{"errcode":0,"errmsg":"ok","items":[{"type":2,"name":"出版"},{"type":24,"name":"以上都不涉及"}]}`
	wxDistricts    = `{"errcode":0,"errmsg":"ok","items":[{"type":1,"code":520000,"name":"贵州省","sub_list":[{"type":2,"code":520100,"name":"贵阳市","sub_list":[{"type":3,"code":520115,"name":"观山湖区"}]}]}]}`

	// What applyIcpFiling answered, and later getIcpEntranceInfo.
	wxApplyAnswer = `{"errcode":86202,"errmsg":"apply icp filing fail","hints":[
		{"errcode":86328,"err_field":"icp_subject.organize_info.certificate_photo","errmsg":"无法读取图片识别内容，请尝试重新提交或重新上传图片"}],
		"procedure_id":"44eb56ed40f94ab5995409566ad97bdd"}`
	wxEntranceInfo = `{"errcode":0,"errmsg":"ok","info":{"status":5,"is_canceling":false,"available":1,"sms_verify_status":0,
		"audit_data":[{"key_name":"小程序备注","error":"备注内容未描述小程序实际经营内容","suggest":"请具体描述小程序的主要服务内容"}]}}`
)

// wechatFiling (section 9) prepares the company's mini-program filing for
// WeChat's applyIcpFiling and maps the platform's rejections back.
func wechatFiling(r *report, f *filing.Filing) error {
	r.head("微信小程序平台备案 Mini-program filing through WeChat (R-95)")
	var lists wechat.Lists
	for _, l := range []struct {
		to   *[]wechat.ListItem
		data string
	}{{&lists.SubjectTypes, wxSubjectTypes}, {&lists.CertificateTypes, wxCertTypes}, {&lists.ServiceContentTypes, wxServiceTypes},
		{&lists.NrlxTypes, wxNrlxTypes}, {&lists.Districts, wxDistricts}} {
		a, err := wechat.DecodeList([]byte(l.data))
		if err != nil {
			return err
		}
		*l.to = a.Items
	}
	valid := filing.Validity{Start: at(2020, 5, 6, 0, 0), End: at(2040, 5, 6, 0, 0)}
	sub := f.Subject
	sub.Principal.CertValidity = valid
	mp := filing.App{
		Kind: filing.AppKindMiniProgram,
		Service: filing.Service{
			Name:           "星辰记账助手",
			ServiceContent: "个人记账工具",
			Principal:      sub.Principal,
		},
		Host:       filing.HostWeChat,
		HostAppID:  "wx5a6c601ca97c8443",
		Categories: []string{"记账", "工具"},
	}
	in := wechat.Input{
		Filing: &filing.Filing{Subject: sub, Apps: []filing.App{mp}},
		Region: platform.Region{Province: "520000", City: "520100", District: "520115"}, VerifyTaskID: "R5bK2mQvUe8n",
		Media: wechat.Media{CertificatePhoto: "media-cert", PrincipalFront: "media-front", PrincipalBack: "media-back",
			AppPrincipalFront: "media-front", AppPrincipalBack: "media-back"},
	}
	_, err := wechat.Prepare(in, lists)
	var ve *filing.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("the first WeChat payload should break the platform's rules, got %v", err)
	}
	for _, p := range ve.Problems {
		r.printf("  ✗ %s（%s）：%s [%s %s]\n", p.Label, p.Path, p.Zh, p.Code, p.Rule)
	}
	in.Filing.Apps[0].Categories = []string{"记账"}
	in.Filing.Apps[0].ServiceContent = "为个人用户提供日常收支记账、账单分类统计和月度预算提醒服务，不涉及支付与金融业务。"
	p, err := wechat.Prepare(in, lists)
	if err != nil {
		return fmt.Errorf("corrected WeChat payload: %w", err)
	}
	base, err := json.Marshal(p.IcpApplets.BaseInfo)
	if err != nil {
		return err
	}
	r.printf("applyIcpFiling 请求已生成 ✓ 主体性质=%d 证件类型=%d 地址=%s 有效期=%s至%s\n  icp_applets.base_info=%s\n",
		p.IcpSubject.BaseInfo.Type, p.IcpSubject.OrganizeInfo.CertificateType, p.IcpSubject.BaseInfo.Address,
		p.IcpSubject.PrincipalInfo.CertificateValidityDateStart, p.IcpSubject.PrincipalInfo.CertificateValidityDateEnd, base)

	ans, err := wechat.DecodeApplyAnswer([]byte(wxApplyAnswer))
	if err != nil {
		return err
	}
	r.printf("平台答复 errcode=%d：\n", ans.Errcode)
	for _, p := range ans.Problems(0) {
		r.printf("  ✗ %s：%s [%s]\n", where(p), p.Zh, p.Code)
	}
	info, err := wechat.DecodeEntranceInfo([]byte(wxEntranceInfo))
	if err != nil {
		return err
	}
	st, _ := info.Status()
	r.printf("备案状态 %d → %s（%s）：\n", info.Info.Status, st, st.Zh())
	for _, p := range info.Problems(0) {
		r.printf("  ✗ %s：%s [%s]\n", where(p), p.Zh, p.Code)
	}
	return nil
}

// where names the field of a problem, or the platform's answer itself for
// a problem that belongs to no field.
func where(p *filing.Problem) string {
	if p.Path == "" {
		return "平台答复"
	}
	return p.Label + "（" + p.Path + "）"
}
