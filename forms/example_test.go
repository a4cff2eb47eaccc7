package forms_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/forms"
)

var today = time.Date(2026, 3, 2, 10, 0, 0, 0, calendar.Location())

func printProblems(err error) {
	var ve *filing.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("%s [%s] %s\n", p.Label, p.Code, p.Zh)
		}
	}
}

// A password retrieval form (附件1) from an individual, checked and listed.
func ExampleApplication_Check_retrieval() {
	a := &forms.Application{
		Kind:            forms.KindRetrieval,
		Approved:        true,
		ApplicantName:   "张三",
		ApplicantMobile: "138 1234 5678",
		Date:            forms.NewDate(2026, time.March, 1),
		RecordNumber:    "豫ICP备2021012345号-1",
		Domain:          "zhangsan.com",
		SponsorName:     "张三",
		ContactName:     "张三",
		ContactLandline: "0371-65795120",
		ContactEmail:    "zhangsan@example.com",
		Reason:          "忘记密码",
	}
	printProblems(a.Check(today))
	for _, m := range a.Checklist().Items {
		fmt.Println("-", m.Zh)
	}
	// Output:
	// 原因 [form.reason_vague] 请详细填写原因（至少10个汉字或20个字符，不能只写“注销”“无”等）
	// 域名证书 [form.materials.missing_domain_certificate] 缺少域名证书（域名注册商提供的域名所有者证书）
	// 备案时所填证件复印件（粘贴于“单位公章”处） [form.materials.missing_id_copy] 缺少身份证件复印件：备案时所填证件复印件（粘贴于“单位公章”处）
	// - 申请表（A4纸打印，填写完整、清晰）
	// - 备案时所填证件复印件（粘贴于“单位公章”处）
	// - 域名证书复印件（域名注册商提供的域名所有者证书）
}

// A cancellation (附件2) by an organisation: the checklist follows from the
// applicant kind (R-05, R-52) and the channel from the approval (R-53).
func ExampleApplication_Checklist_cancellation() {
	a := &forms.Application{
		Kind:          forms.KindCancellation,
		Target:        forms.TargetSubject,
		Approved:      true,
		ApplicantName: "李四",
		SponsorName:   "郑州示例科技有限公司",
		PrincipalName: "王五",
	}
	c := a.Checklist()
	fmt.Println(c.ApplicantKind.Zh())
	for _, m := range c.Items {
		fmt.Println("-", m.ID)
	}
	for _, g := range c.Guidance {
		if g.Rule == "R-53" {
			fmt.Println(g.Zh)
		}
	}
	// Output:
	// 单位
	// - application_form
	// - seal
	// - principal_id_copy
	// - licence_copy
	// - applicant_id_copy
	// - domain_certificate
	// 已通过备案：可由接入服务商在线提交注销申请，也可将本申请及材料寄送通信管理局办理。
}

// Deletion of submission-stage data (附件3): only for filings never approved
// (R-54).
func ExampleApplication_Check_deletion() {
	a := &forms.Application{
		Kind:            forms.KindDeletion,
		Approved:        true,
		RecordNumber:    "豫ICP备2021012345号-2",
		ApplicantName:   "李四",
		ApplicantMobile: "13912345678",
		Date:            forms.NewDate(2026, time.February, 27),
		Domain:          "example.com.cn",
		SponsorName:     "郑州示例科技有限公司",
		ContactName:     "李四",
		ContactLandline: "0371-65795120",
		ContactEmail:    "lisi@example.com.cn",
		Reason:          "提交的网站备案信息中网站名称填写错误，需删除后由接入商重新提交",
		Enclosed:        []forms.MaterialID{forms.MaterialSeal, forms.MaterialLicenceCopy},
	}
	err := a.Check(today)
	fmt.Println(errors.Is(err, forms.CodeDeletionStage))
	// Output:
	// true
}

// A domain holder asks for another party's filing of her domain to be
// cancelled (R-32): the certificate must be CNNIC/ICANN and unexpired.
func ExampleApplication_Check_domainHolder() {
	a := &forms.Application{
		Kind:            forms.KindDomainHolderCancellation,
		Approved:        true,
		ApplicantName:   "赵六",
		ApplicantMobile: "15012345678",
		Date:            forms.NewDate(2026, time.March, 2),
		RecordNumber:    "豫ICP备2019000123号-3",
		Domain:          "zhaoliu.cn",
		SponsorName:     "某某网络有限公司",
		ContactName:     "赵六",
		ContactLandline: "13512345678",
		ContactEmail:    "zhaoliu@example.com",
		Reason:          "该域名于2025年由本人合法注册并持有，原持有单位的网站备案未注销，导致本人无法备案",
		DomainCertificate: &forms.DomainCertificate{
			Domain: "zhaoliu.cn", Holder: "赵六", Authority: forms.AuthorityCNNIC,
			Expires: forms.NewDate(2026, time.February, 1),
		},
		Enclosed: []forms.MaterialID{forms.MaterialHolderIDCopy},
	}
	printProblems(a.Check(today))
	// Output:
	// 到期日期 [form.domain_certificate_expired] 域名证书在申请日期已过期
}

// The bureau tracks an application to its R-22 due date; the third failed
// notification abandons it (R-56).
func ExampleApplication_Notify() {
	a := &forms.Application{Kind: forms.KindCancellation, Date: forms.NewDate(2026, time.September, 28)}
	a, err := a.Receive(forms.NewDate(2026, time.September, 30), calendar.Default())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("due", a.Bureau.Due) // National Day holiday in between
	a, _ = a.Process(forms.NewDate(2026, time.October, 8), forms.Decision{Result: forms.ResultDone})
	for _, o := range []forms.Outcome{forms.OutcomePhoneOff, forms.OutcomeNoAnswer, forms.OutcomeNoAnswer} {
		a, _ = a.Notify(forms.NewDate(2026, time.October, 9), o, "")
		fmt.Println(a.Bureau.State.Zh())
	}
	_, err = a.Notify(forms.NewDate(2026, time.October, 10), forms.OutcomeDelivered, "")
	fmt.Println(errors.Is(err, forms.CodeAbandoned))
	// Output:
	// due 2026-10-13
	// 已处理，待通知
	// 已处理，待通知
	// 三次未能送达，按放弃处理
	// true
}

// Online retrieval (R-58): record number, certificate type and number,
// matched in constant time without saying which part differs.
func ExampleFingerprint_Matches() {
	s := &filing.Subject{Number: "豫ICP备2021012345号", CertType: filing.CertBusinessLicence, CertNumber: "91350100M000100Y43"}
	fp := forms.SubjectFingerprint(s)
	fmt.Println(fp.Matches(forms.RetrievalRequest{RecordNumber: "豫ICP备2021012345号-1", CertType: "工商营业执照", CertNumber: "91350100m000100y43"}))
	fmt.Println(fp.Matches(forms.RetrievalRequest{RecordNumber: "豫ICP备2021012345号", CertType: filing.CertUSCC, CertNumber: "91350100M000100Y43"}))
	// Output:
	// true
	// false
}

// Printing: a portal renders the form as an A4 HTML page or as text.
func ExampleApplication_RenderText() {
	a := &forms.Application{Kind: forms.KindDeletion, ApplicantName: "李四", SponsorName: "郑州示例科技有限公司"}
	var b strings.Builder
	_ = a.RenderText(&b)
	fmt.Println(strings.SplitN(b.String(), "\n", 2)[0])
	var page strings.Builder
	_ = a.RenderHTML(&page) // the printable A4 page
	fmt.Println(strings.Contains(page.String(), "@page { size: A4"))
	// Output:
	// 删除备案信息申请表
	// true
}

// Printing on paper: RenderHTML writes the form as one A4 page with its own
// @page rule. Print it with forms/formpdf (a PDF with no browser header or
// footer), or open it in a browser and print with "headers and footers"
// off.
func ExampleApplication_RenderHTML() {
	a := &forms.Application{Kind: forms.KindDeletion, ApplicantName: "李四", SponsorName: "郑州示例科技有限公司"}
	var page strings.Builder
	if err := a.RenderHTML(&page); err != nil {
		fmt.Println(err)
		return
	}
	html := page.String()
	fmt.Println(strings.Contains(html, "<title>删除备案信息申请表</title>"))
	fmt.Println(strings.Contains(html, "@page { size: A4 portrait; margin: 12mm 18mm; }"))
	// Output:
	// true
	// true
}

// A portal asks why the user wants to cancel and starts the right form
// (R-50).
func ExampleOccasion_Form() {
	for _, o := range forms.Occasions() {
		kind, target, _ := o.Form()
		fmt.Printf("%s → %s %s\n", o.Zh(), kind.Title(), target.Zh())
	}
	// Output:
	// 网站服务结束 → 注销备案信息申请表 注销网站
	// 更换接入商 → 注销备案信息申请表 注销主体
	// 原备案人员离职，接入商及密码均无从得知 → 注销备案信息申请表 注销主体
	// 域名已被他人备案 → 域名持有者注销备案信息申请表 注销网站
}
