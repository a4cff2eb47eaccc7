package shell_test

import (
	"fmt"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/shell"
)

// An app whose last access ended ten days ago is a shell app (空壳APP); the
// subject's WeChat mini-program, served by its platform, keeps the subject
// in force.
func ExampleClassifyFiling() {
	asOf := time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC)
	r := shell.FilingRecord{
		Subject: filing.Subject{Number: "粤ICP备2023103620号", Province: "44"},
		Apps: []shell.AppRecord{
			{App: filing.App{
				Service: filing.Service{
					Number: "粤ICP备2023103620号-3A",
					Access: []filing.Access{{ISP: "华为云", Since: asOf.AddDate(-1, 0, 0), Until: asOf.AddDate(0, 0, -10)}},
				},
				Kind: filing.AppKindApp,
			}},
			{App: filing.App{Service: filing.Service{Number: "粤ICP备2023103620号-5X"}, Kind: filing.AppKindMiniProgram, Host: filing.HostWeChat}},
		},
	}
	rep, err := shell.ClassifyFiling(r, asOf)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("apps in force:", rep.Apps)
	for _, f := range rep.Findings {
		fmt.Println(f.Kind.Zh(), f.AppNumber, f.ISP)
	}
	// Output:
	// apps in force: 2
	// 已取消接入但未注销备案 粤ICP备2023103620号-3A 华为云
	// 空壳APP 粤ICP备2023103620号-3A 华为云
}
