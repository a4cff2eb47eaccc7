package guidance_test

import (
	"fmt"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/guidance"
	"github.com/beiankit/beian/filing"
)

// Check answers with data; For renders what to tell the applicant about
// the conflict it is asked about, when the page shows it.
func ExampleFor() {
	ix := conflict.New()
	_ = ix.Put(conflict.Record{
		Subject: conflict.SubjectRecord{Number: "黔ICP备1500041X号", Province: "52", Name: "贵州示例科技有限公司",
			Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: "91350100M000100Y43"},
		Websites: []conflict.WebsiteRecord{{Number: "黔ICP备1500041X号-1", Name: "示例网", Domains: []string{"example.com"}}},
	})
	f := &filing.Filing{
		Subject: filing.Subject{Province: "52", Name: "贵州新申请有限公司", Nature: filing.NatureEnterprise,
			CertType: filing.CertBusinessLicence, CertNumber: "9144030010001686XA"},
		Websites: []filing.Website{{Service: filing.Service{Name: "新网站"}, Domains: []string{"m.example.com"}}},
	}
	conflicts, _ := ix.Check(f)
	for _, c := range conflicts {
		g := guidance.For(c)
		fmt.Println(c.Kind, c.Path)
		fmt.Println(g.Zh)
		fmt.Println("bureau:", g.Bureau, "form:", g.Form, "materials:", len(g.Materials))
		for i, s := range g.Steps[:2] {
			fmt.Printf("%d. %s\n", i+1, s.Zh)
		}
	}
	// Output:
	// conflict.domain_same_province websites[0].domains[0]
	// 域名“example.com”已被本省（贵州省）其他主体备案（备案号：黔ICP备1500041X号-1），本次备案无法提交。
	// bureau: 贵州省通信管理局 form: 注销备案信息申请表 materials: 4
	// 1. 一般这种情况是由于该域名之前被他人备过案。请先确认您是该域名的合法持有者（以域名证书为准）。
	// 2. 填写《注销备案信息申请表》，写明注销原因，注明申请注销的网站备案（备案号：黔ICP备1500041X号-1）。
}

// A bureau backend with its own province table renders the review limit it
// sets (R-20): here Guizhou's bureau reviews within 10 working days.
func ExampleNewRenderer() {
	rules, err := filing.DefaultProvinceRules().With(filing.ProvinceRule{Province: "52", Kind: filing.RuleReviewLimit,
		Value: 10, Policy: filing.ReviewFromSubmission, Source: "the bureau's notice"})
	if err != nil {
		fmt.Println(err)
		return
	}
	ix := conflict.New()
	_ = ix.Put(conflict.Record{
		Subject: conflict.SubjectRecord{Province: "52", Name: "李四", Nature: filing.NatureIndividual,
			CertType: filing.CertResidentID, CertNumber: "440524188001010014", Status: filing.StatusBureauReview},
		Websites: []conflict.WebsiteRecord{{Name: "李四的站", Domains: []string{"pending.cn"}, Status: filing.StatusBureauReview}},
	})
	f := &filing.Filing{
		Subject:  filing.Subject{Province: "52", Name: "李四", CertType: filing.CertResidentID, CertNumber: "440524188001010014"},
		Websites: []filing.Website{{Domains: []string{"pending.cn"}}},
	}
	conflicts, _ := ix.Check(f)
	r := guidance.NewRenderer(rules)
	fmt.Println(conflicts[1].Kind, conflicts[1].Path)
	fmt.Println(r.For(conflicts[1]).Steps[2].Zh)
	fmt.Println(guidance.For(conflicts[1]).Steps[2].Zh)
	// Output:
	// conflict.pending websites[0].domains[0]
	// 管局审核时限为10个工作日；如需修改，请联系接入商。
	// 管局审核时限为20个工作日；如需修改，请联系接入商。
}
