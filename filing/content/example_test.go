package content_test

import (
	"fmt"

	"github.com/beiankit/beian/filing/content"
)

// An individual may not declare recruiting, and the pre-approvals must be
// stated, "none applies" included (R-92).
func ExampleCheck() {
	for _, p := range content.Check(content.Declaration{Types: []string{"工具", "招聘"}, Nature: "individual"}) {
		fmt.Println(p.Field, p.Code, p.Zh)
	}
	// Output:
	// types[1] content.nature 个人备案不能选择服务内容“招聘”（经营类、论坛类或企业类内容须以单位名义备案）
	// pre_approvals content.preapproval_unstated 请填写涉及的前置审批，或明确选择“以上都不涉及”
}
