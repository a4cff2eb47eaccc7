package shell_test

import (
	"fmt"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/shell"
)

// An ISP checks a subject before the bureau's cleanup: one website moved to
// another ISP without a new access (R-17), one never served.
func ExampleClassifySubject() {
	cst := calendar.Location()
	subject := filing.Subject{Number: "黔ICP备2026001073号", Province: "52", Status: filing.StatusApproved}
	websites := []filing.Website{
		{
			Service: filing.Service{
				Number: "黔ICP备2026001073号-1",
				Status: filing.StatusApproved,
				Access: []filing.Access{{
					ISP: "西部数码", ISPProvince: "52",
					Since: time.Date(2025, 1, 10, 0, 0, 0, 0, cst), Until: time.Date(2026, 5, 28, 18, 0, 0, 0, cst),
				}},
			},
		},
		{Service: filing.Service{Number: "黔ICP备2026001073号-2", Status: filing.StatusApproved}},
	}
	r, err := shell.ClassifySubject(subject, websites, time.Date(2026, 6, 1, 9, 0, 0, 0, cst))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range r.Findings {
		fmt.Println(f.Rule, f.Kind, f.WebsiteNumber, f.ShellDate, f.DaysLeft)
		fmt.Println("  ", f.Zh)
	}
	// Output:
	// R-17 access_cancelled_filing_kept 黔ICP备2026001073号-1  0
	//    网站黔ICP备2026001073号-1的接入已于2026-05-28 18:00被接入商“西部数码”取消，但网站备案未注销，也没有新的接入
	// R-61 website_at_risk 黔ICP备2026001073号-1 2026-06-04 4
	//    网站黔ICP备2026001073号-1自2026-05-28 18:00起无接入信息，如不新增接入，将于2026-06-04 18:00后视为空壳网站（剩余4天）
	// R-60 shell_website 黔ICP备2026001073号-2  0
	//    网站黔ICP备2026001073号-2有备案号但无接入信息，视为空壳网站
	// R-62 subject_shell_after_cleanup  2026-06-04 4
	//    主体黔ICP备2026001073号下的2个网站均无接入，清理后该主体将成为空壳主体
}
