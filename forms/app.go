package forms

// Cancellation of an app, mini-program or quick app: a
// cancellation may target one app as it targets one website (TargetApp,
// 注销应用). Its record number, when approved, is an app number (…号-3A,
// -5X, -4K; 粤B2-20090059-1626X). The form's 域名 row may stay empty for an
// app (mini-programs and quick apps file no domains, R-71).

// TargetApp cancels one app, mini-program or quick app (注销应用).
const TargetApp Target = "app"

// CodeAppTargetNumber: the record number of an app cancellation is not an
// app number.
var CodeAppTargetNumber = define("form.app_target_number", "R-51",
	"注销应用时，备案号应为应用的备案号（带A、X或K，如“粤ICP备2023103620号-3A”）",
	"an app cancellation names the app's number (suffix with A, X or K)")

var appCancellationGuidance = Guidance{"R-63", "注销应用后主体下如已无网站或应用，建议同时注销主体，以免成为空壳主体。",
	"If no website or app remains under the subject, cancel the subject too, or it becomes a shell subject."}

// domainOptional reports whether the form's 域名 row may stay empty.
func (a *Application) domainOptional() bool { return a.Target == TargetApp }

// checkAppTarget checks that an approved app cancellation names an app
// number.
func (a *Application) checkAppTarget(c *checker) {
	if !a.Approved || a.RecordNumber == "" {
		return
	}
	n, err := parseRecordNumber(a.RecordNumber)
	if err != nil {
		return // checkRecordNumber reports it
	}
	if n.Service().Letter() == "" {
		c.code(CodeAppTargetNumber, "record_number")
	}
}
