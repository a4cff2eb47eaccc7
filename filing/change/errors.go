package change

import (
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/catalog"
)

// codes are the codes this package owns, in the module's one registry
// (internal/catalog).
var codes catalog.Set[filing.Code]

// define registers a code of this package with its rule ID and its Chinese
// (end-user) and English (developer) messages, which may hold fmt verbs.
// For package-level variable initialisation only; a code defined twice in
// the module panics.
func define(code, rule, zh, en string) filing.Code { return codes.Define(code, rule, zh, en) }

// Codes returns every code the package defines, sorted.
func Codes() []filing.Code { return codes.Codes() }

// Codes of refused changes. Messages take indexed arguments.
var (
	CodeNil = define("change.nil", "R-80",
		"缺少原备案信息或变更后的备案信息",
		"old or new filing is nil")
	CodeDomainAdded = define("change.domain_added", "R-80",
		"变更备案不能新增域名（%[1]s）；新域名请作为新增网站备案",
		"a change may not add a domain (%[1]s): file it as a new website")
	CodeDomainReplaced = define("change.domain_replaced", "R-80",
		"单域名网站不能变更域名（%[1]s → %[2]s）；请注销该网站后将新域名作为新增网站备案",
		"a single-domain website cannot change its domain (%[1]s -> %[2]s): cancel it and file the new domain as a new website")
	CodeProvinceChanged = define("change.province", "R-81",
		"备案省份不能变更；请在原省份注销后到新省份重新备案",
		"the filing province cannot change: cancel and file again in the new province")
	CodeSubjectReplaced = define("change.subject_replaced", "R-81",
		"不能通过变更备案将备案主体变更为另一主体（名称和证件号码均不同）；请注销后由新主体重新备案",
		"a change cannot turn the subject into another one (name and certificate both differ): cancel and file anew")
	CodeSubjectReplacedLegalRep = define("change.subject_replaced_legal_rep", "R-81",
		"本省仅允许法定代表人相同的主体之间变更，变更前后的法定代表人不一致",
		"this province allows a change to another subject only with the same legal representative")
	CodeCertNumberChanged = define("change.cert_number", "R-81",
		"主办单位证件号码不能变更；请注销后重新备案",
		"the subject's certificate number cannot change: cancel and file anew")
	CodeToIndividual = define("change.to_individual", "R-81",
		"单位备案不能变更为个人备案",
		"an organisation's filing cannot become an individual's")
	CodeToOrganisation = define("change.to_organisation", "R-81",
		"个人备案不能变更为单位备案；请注销后由单位重新备案",
		"an individual's filing cannot become an organisation's in this province")
	CodeNameChangeLetter = define("change.name_change_letter", "R-81",
		"主办单位名称变更须提供工商部门出具的更名函",
		"a subject name change needs the name-change letter (工商更名函) in this province")
	CodeServerMoved = define("change.server_moved", "R-81",
		"服务器跨省迁移（%[1]s → %[2]s）不能作为变更办理，请办理新增接入",
		"a cross-province server move (%[1]s -> %[2]s) is not a change: file a new access")
	CodeUnderReview = define("change.under_review", "R-82",
		"备案正在管局审核中，审核结束前不能修改",
		"the filing is under bureau review: nothing can change until it is approved or returned")
	CodeWithAddition = define("change.with_addition", "R-82",
		"变更备案与新增网站或新增接入不能同时办理，请先办理变更",
		"a change and an addition (new website or new access) cannot run at once: change first")
	CodeWebsiteRemoved = define("change.website_removed", "R-82",
		"删除网站须办理注销网站，不能在变更备案中办理",
		"a website is removed by cancelling it, not by a change")
	CodeWebsiteUnknown = define("change.website_unknown", "R-82",
		"网站备案号%[1]s不在原备案中",
		"website number %[1]s is not in the filed record")
)

// Codes of refused changes of apps, mini-programs and quick apps (see Check).
var (
	CodeAppRemoved = define("change.app_removed", "R-82",
		"删除APP、小程序或快应用须办理注销，不能在变更备案中办理",
		"an app, mini-program or quick app is removed by cancelling it, not by a change")
	CodeAppUnknown = define("change.app_unknown", "R-82",
		"APP备案号%[1]s不在原备案中",
		"app number %[1]s is not in the filed record")
	CodeAppKindChanged = define("change.app_kind", "R-81",
		"应用类型不能变更（%[1]s → %[2]s）；请注销后重新备案",
		"an app's kind cannot change (%[1]s -> %[2]s): cancel and file anew")
	CodeAppIdentifierReplaced = define("change.app_identifier_replaced", "R-74",
		"APP的应用标识不能通过变更备案更换（%[1]s → %[2]s）；请注销该APP后作为新增APP备案",
		"an app's platform identifier cannot be replaced by a change (%[1]s -> %[2]s): cancel the app and file the new one")
)
