package change_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/change"
)

func exampleRecord() *filing.Filing {
	return &filing.Filing{
		Subject: filing.Subject{Number: "黔ICP备2025001234号", Province: "52", Name: "贵州示例科技有限公司",
			Nature: filing.NatureEnterprise, CertType: filing.CertUSCC, CertNumber: "91520100MA6DKXXX1K",
			Address: "贵州省贵阳市观山湖区示例路1号", Status: filing.StatusApproved,
			Principal: filing.Person{Name: "张三", Mobile: "13812345678"}},
		Websites: []filing.Website{{
			Service: filing.Service{
				Number:    "黔ICP备2025001234号-1",
				Name:      "示例官网",
				Status:    filing.StatusApproved,
				Principal: filing.Person{Name: "李四", Mobile: "13987654321"},
			},
			Domains: []string{"example.cn"},
			HomeURL: "https://www.example.cn/",
		}},
	}
}

func ExampleDiff() {
	old := exampleRecord()
	nw := exampleRecord()
	nw.Subject.Principal.Mobile = "13900001111"
	nw.Websites[0].Name = "示例科技官网"
	set, _ := change.Diff(old, nw)
	for _, c := range set.Changes {
		fmt.Println(c.Op, c.Path, c.Label)
	}
	// Output:
	// modified subject.principal.mobile 手机号码
	// modified websites[0].name 网站名称
}

func ExampleCheck() {
	old := exampleRecord()
	nw := exampleRecord()
	nw.Websites[0].Domains = []string{"example.com.cn"} // replace the only domain
	_, err := change.Check(old, nw, change.Options{})
	var ve *filing.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Println(p.Code, p.Rule)
			fmt.Println(p.Zh)
		}
	}

	nw = exampleRecord()
	nw.Subject.Principal.Mobile = "13900001111"
	plan, err := change.Check(old, nw, change.Options{})
	fmt.Println(err, plan.Type, len(plan.Verify), plan.Verify[0].Role, plan.FaceCheck)
	// Output:
	// change.domain_replaced R-80
	// 单域名网站不能变更域名（example.cn → example.com.cn）；请注销该网站后将新域名作为新增网站备案
	// <nil> change_subject 1 subject_principal false
}

func ExampleRulesOf() {
	fmt.Println(change.RulesOf("37").SubjectToOther, change.RulesOf("51").NameChangeLetter, change.RulesOf("52").SubjectToOther)
	// Output: same_legal_rep true never
}

// A caller whose bureau now allows a subject to become another one with the
// same legal representative adds that row to its province table and hands
// the table to Check through Options.
func ExampleRulesIn() {
	rules, err := filing.DefaultProvinceRules().With(filing.ProvinceRule{
		Province: "61", Kind: filing.RuleChangeSubjectToOther, Policy: filing.ChangeSameLegalRep,
		Source: "陕西 bureau notice as read by the caller", Checked: "2026-12-07",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	fmt.Println(change.RulesOf("61").SubjectToOther, change.RulesIn(rules, "61", at).SubjectToOther)
	_ = change.Options{ProvinceRules: &rules} // change.Check(old, new, opts) reads it
	// Output:
	// never same_legal_rep
}
