package lifecycle_test

import (
	"fmt"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
)

// A company's new legal representative takes office on 2026-07-01: the
// change must be filed 30 days ahead (R-18).
func ExampleCheckChangeNotice() {
	effective := calendar.Date(2026, time.July, 1)
	fmt.Println("file by", lifecycle.ChangeFileBy(effective).Format(time.DateOnly))
	fmt.Println(lifecycle.CheckChangeNotice(calendar.Date(2026, time.May, 20), effective))
	err := lifecycle.CheckChangeNotice(calendar.Date(2026, time.June, 15), effective)
	if p, ok := err.(*filing.Problem); ok {
		fmt.Println(p.Code, p.Rule)
		fmt.Println(p.Zh)
	}
	// Output:
	// file by 2026-06-01
	// <nil>
	// change.notice_late R-18
	// 备案信息变更应在变更生效前30日向原备案机关办理（最迟2026-06-01），本次提前16日，不足30日
}
