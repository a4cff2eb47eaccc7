package sitename_test

import (
	"fmt"

	"github.com/beiankit/beian/filing/sitename"
)

// An individual's site may not carry a company word, and a forum word needs
// the bulletin-board approval (R-90, R-91).
func ExampleCheck() {
	for _, f := range sitename.Check(sitename.Input{Name: "星辰科技有限公司论坛", Nature: "individual", Sponsor: "王小明"}) {
		fmt.Println(f.Rule, f.Severity, f.Code, f.Word)
		fmt.Println(f.Zh)
		fmt.Println("建议：" + f.Suggestion)
	}
	// Output:
	// R-90 error name.organisation_word 有限公司
	// 名称“星辰科技有限公司论坛”含“有限公司”：个人网站的名称不得含有公司、企业或组织类字样
	// 建议：去掉“有限公司”，用体现个人网站内容的名称，如“某某学习笔记”
	// R-91 error name.forum_word 论坛
	// 名称“星辰科技有限公司论坛”含“论坛”：未取得电子公告服务专项审批，网站名称不得使用论坛、社区类字样
	// 建议：先办理电子公告服务专项审批，或去掉“论坛”
}

// A caller adds a province's own words as a row of data.
func ExampleRules_With() {
	rules, err := sitename.Default().With(sitename.Family{
		ID: "33-repair", Province: "33", Code: sitename.CodeProvinceWord, Rule: "R-91",
		Source: "the caller's reading of the province's notice", Match: "contains",
		AppliesNatures: []string{"individual"}, Severity: sitename.Error, Words: []string{"维修"},
		ReasonZh: "本省不接受个人网站名称使用该词", ReasonEn: "the province refuses the word",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fs := rules.Check(sitename.Input{Name: "家电维修笔记", Nature: "individual", Sponsor: "王小明", Province: "33"})
	fmt.Println(fs[0].Code, fs[0].Zh)
	// Output:
	// name.province_word 名称“家电维修笔记”含“维修”：本省不接受个人网站名称使用该词
}

func ExampleNormalize() {
	fmt.Println(sitename.Normalize("ＢＢＳ　交流"), sitename.Normalize("Ьbѕ"))
	// Output: bbs交流 bbs
}
