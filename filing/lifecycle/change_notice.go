package lifecycle

import (
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

// ChangeNoticeDays is how many days in advance a change of filed data must
// be filed with the original bureau: 非经营性互联网信息服务备案管理办法
// (信息产业部令第33号) art. 14, "应当提前三十日" (some ISP articles say
// "变更后30日内"; the order says in advance).
//
// They are calendar days, not working days: the order says 日, where the
// limits counted in working days (R-20..R-23) say 工作日.
const ChangeNoticeDays = 30

// Codes of the R-18 check.
var (
	CodeChangeNoticeLate = define("change.notice_late", "R-18",
		"备案信息变更应在变更生效前%[1]d日向原备案机关办理（最迟%[2]s），本次提前%[3]d日，不足%[1]d日",
		"a change of filed data must be filed %[1]d days before it takes effect (by %[2]s); this one is %[3]d days ahead")
	CodeChangeNoticeTime = define("change.notice_time", "R-18",
		"请填写变更的办理时间和生效日期",
		"the filing instant and the effective date of the change are both required")
)

// ChangeFileBy returns the last day (midnight China Standard Time) on which a
// change of filed data that takes effect on the civil date of effective may
// be filed: ChangeNoticeDays days before it. A zero effective gives
// the zero time.
func ChangeFileBy(effective time.Time) time.Time {
	if effective.IsZero() {
		return time.Time{}
	}
	return calendar.DateOf(effective).AddDate(0, 0, -ChangeNoticeDays)
}

// CheckChangeNotice checks R-18 for a change filed at the instant filed that
// takes effect on the civil date of effective (both mapped to their dates in
// China Standard Time): nil when it is filed at least ChangeNoticeDays days
// ahead, else a *Problem with CodeChangeNoticeLate saying by when it should
// have been filed and how many days ahead it is (negative once the change is
// in effect). Either instant zero: CodeChangeNoticeTime.
func CheckChangeNotice(filed, effective time.Time) error {
	if filed.IsZero() || effective.IsZero() {
		return filing.NewProblem(CodeChangeNoticeTime)
	}
	ahead := calendar.DayOf(effective).Sub(calendar.DayOf(filed))
	if ahead >= ChangeNoticeDays {
		return nil
	}
	return filing.NewProblem(CodeChangeNoticeLate, ChangeNoticeDays, ChangeFileBy(effective).Format(time.DateOnly), ahead)
}
