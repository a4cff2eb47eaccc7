package forms

import (
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/catalog"
)

// Errors of this package follow the SDK's error model (package filing, "Errors"):
// every problem is a *filing.Problem (field path, Chinese label, stable code,
// rule ID, Chinese and English messages), and Check returns one
// *filing.ValidationError listing all of them. The codes below are defined by
// this package (prefix "form."); they are filing.Code values, so each one is
// a sentinel usable with errors.Is:
//
//	if errors.Is(err, forms.CodeReasonVague) { ... }
//
// Problems found by filing's own checks (phones, e-mail, certificates,
// domains) keep filing's codes, so errors.Is(err, filing.CodeX) works on a
// form's error too.

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

// RuleOf returns the rule ID of a code, or "".
//
// Deprecated: use c.Rule(), which reads the same registry.
func RuleOf(c filing.Code) string { return c.Rule() }

// problem builds the *filing.Problem of a code of this package at a field
// path. args fill the fmt verbs of both messages.
func problem(code filing.Code, path, label string, args ...any) *filing.Problem {
	p := filing.NewProblem(code, args...)
	p.Path, p.Label = path, label
	return p
}

// Field-level and form-level problems found by Check.
var (
	CodeKindUnknown     = define("form.kind_unknown", "", "申请表类型不正确，应为找回用户名密码、注销、删除或域名持有者注销之一", "unknown form kind %q")
	CodeRequired        = define("form.required", "R-55", "此项为必填项，请填写完整", "required field is missing")
	CodeTooLong         = define("form.too_long", "R-55", "内容过长（最多%d个字）", "value is too long (at most %d characters)")
	CodeMarkup          = define("form.markup", "R-55", "请不要填写网页代码（如“<script>”）", "value contains markup")
	CodeControlChars    = define("form.control_chars", "R-55", "内容含有无法打印的字符，请重新填写", "value contains control or invalid characters")
	CodeNameInvalid     = define("form.name_invalid", "R-55", "姓名或名称格式不正确", "name must contain letters or Han characters")
	CodeDateFuture      = define("form.date_future", "R-55", "日期不能晚于今天", "date is in the future")
	CodeDateTooOld      = define("form.date_too_old", "R-55", "日期早于备案系统启用时间（2005年），请检查", "date is before the filing system existed (2005)")
	CodeReasonVague     = define("form.reason_vague", "R-51", "请详细填写原因（至少10个汉字或20个字符，不能只写“注销”“无”等）", "reason is not detailed: need at least 10 Han characters or 20 letters/digits, not boilerplate")
	CodeTargetMissing   = define("form.target_missing", "R-51", "请注明注销的是主体、网站还是接入", "cancellation must say whether it cancels the subject, a website or an access")
	CodeTargetInvalid   = define("form.target_invalid", "R-51", "注销对象不正确：%s", "invalid cancellation target: %s")
	CodeTargetNotHere   = define("form.target_not_applicable", "R-51", "此类申请不填写注销对象", "this form kind has no cancellation target")
	CodeRecordKind      = define("form.record_number_kind", "R-55", "请填写ICP备案号（如“京ICP备05002571号-1”），而不是公安联网备案号", "record number must be an ICP filing or licence number, not a public security number")
	CodeKindUndecided   = define("form.applicant_kind_unknown", "R-05", "无法根据主办单位名称判定个人或单位，请填写主办单位性质", "the sponsor name does not tell individual from organisation: give the nature")
	CodeRecordNumber    = define("form.record_number_invalid", "R-55", "备案号格式不正确", "record number does not parse")
	CodeRecordForbidden = define("form.record_number_unexpected", "R-53", "尚未通过备案的信息没有备案号，请核对“是否已备案”", "a record number is given but the filing is marked as not approved")
	CodeDeletionStage   = define("form.deletion_approved", "R-54", "已备案的信息不能删除，请改为申请注销", "only submission-stage (not approved) data can be deleted; apply for cancellation instead")
	CodeNatureUnknown   = define("form.nature_unknown", "R-05", "主办单位性质不正确", "unknown subject nature %q")
	CodeCertTypeUnknown = define("form.cert_type_unknown", "R-52", "证件类型不正确", "unknown certificate type %q")
	CodeCertMismatch    = define("form.cert_kind_mismatch", "R-05", "证件类型与申请人类别（%s）不符", "certificate type does not fit the applicant kind (%s)")
	CodeDomainMismatch  = define("form.domain_certificate_mismatch", "R-32", "域名证书上的域名与申请表中的域名不一致", "the domain certificate is for another domain than the form's")
	CodeCertIssuer      = define("form.domain_certificate_issuer", "R-32", "域名证书须由CNNIC或ICANN认可的注册机构颁发", "domain certificate must be issued under CNNIC or ICANN")
	CodeCertExpired     = define("form.domain_certificate_expired", "R-32", "域名证书在申请日期已过期", "domain certificate has expired on the application date")
	CodeCertNotYet      = define("form.domain_certificate_not_yet_valid", "R-32", "域名证书的注册日期晚于申请日期", "domain certificate is issued after the application date")
	CodeHolderTarget    = define("form.holder_target", "R-32", "域名持有者只能申请注销该域名的网站备案或接入，不能注销他人的主体", "a domain holder may cancel the website (or access) of the domain, not the other party's subject")
	CodeHolderIsSponsor = define("form.holder_is_sponsor", "R-32", "域名持有者即为主办单位时，请使用“注销备案信息申请表”", "the domain holder is the sponsor: use the ordinary cancellation form")
)

// Materials problems found by Check: one code per kind of missing item, so
// that portals can point at the exact enclosure.
var (
	CodeMissingSeal          = define("form.materials.missing_seal", "R-52", "缺少单位公章：请在“单位公章”处加盖公章", "organisation seal missing in the seal box")
	CodeMissingIDCopy        = define("form.materials.missing_id_copy", "R-52", "缺少身份证件复印件：%s", "identity document copy missing: %s")
	CodeMissingLicenceCopy   = define("form.materials.missing_licence_copy", "R-52", "缺少单位资质证件（营业执照或组织机构代码证等）复印件，并加盖公章", "organisation certificate copy (licence or organisation code) missing")
	CodeMissingChangeProof   = define("form.materials.missing_change_proof", "R-52", "营业执照发生过变更但无“变更”字样，请另附原营业执照或变更证明复印件并加盖公章", "licence changed without a visible change mark: proof of change missing")
	CodeMissingDomainCert    = define("form.materials.missing_domain_certificate", "R-52", "缺少域名证书（域名注册商提供的域名所有者证书）", "domain certificate missing")
	CodeMissingHolderQualify = define("form.materials.missing_holder_qualification", "R-32", "缺少域名证书持有者的身份证件或单位资质复印件", "copy of the domain holder's identity or organisation certificate missing")
	CodeMaterialUnknown      = define("form.materials.unknown", "R-52", "未知的材料项：%q", "unknown material %q")
)

// Processing problems (the bureau's section, R-22, R-56, R-57). Transitions
// return a *filing.Problem with one of these codes at path "bureau".
var (
	CodeNotReceived      = define("form.bureau.not_received", "R-57", "申请尚未登记收到", "the application has not been received")
	CodeAlreadyReceived  = define("form.bureau.already_received", "R-57", "申请已登记收到", "the application was already received")
	CodeNotProcessed     = define("form.bureau.not_processed", "R-57", "尚未处理，不能通知申请人", "notification before processing")
	CodeAlreadyProcessed = define("form.bureau.already_processed", "R-57", "申请已处理", "the application was already processed")
	CodeAbandoned        = define("form.bureau.abandoned", "R-56", "三次无法通知申请人，申请已按放弃处理", "the application is abandoned (three failed notifications)")
	CodeClosed           = define("form.bureau.closed", "R-57", "申请已办结", "the application is closed")
	CodeDateBackwards    = define("form.bureau.date_backwards", "R-57", "日期不能早于%s", "date goes backwards: before %s")
	CodeDateMissing      = define("form.bureau.date_missing", "R-57", "请填写日期", "date is missing")
	CodeResultInvalid    = define("form.bureau.result_invalid", "R-57", "处理结果不正确", "invalid processing result %q")
	CodeOutcomeInvalid   = define("form.bureau.outcome_invalid", "R-56", "通知结果不正确", "invalid notification outcome %q")
	CodeCredentialsOnly  = define("form.bureau.credentials_retrieval_only", "R-57", "只有找回用户名、密码申请才填写用户名和密码", "username and password belong to retrieval forms only")
	CodeDeadline         = define("form.bureau.deadline", "R-22", "无法计算答复期限：%s", "cannot compute the R-22 due date: %s")
	CodeBureauInvalid    = define("form.bureau.inconsistent", "R-57", "处理记录不一致：%s", "inconsistent bureau record: %s")
	// CodeRemarksClaimDone: the remarks of a done decision not yet
	// delivered say the work is done (one of DoneClaims, the argument).
	CodeRemarksClaimDone = define("form.bureau.remarks_claim_done", "R-56", "备注不能写“%s”：答复送达前，申请仍可能因三次无法通知而按放弃处理，是否办理以处理结果为准，备注请写核实情况", "the remarks of a done decision not yet delivered say %q: an application whose answer cannot be delivered three times is abandoned, so only the result box says whether the work is done")
)

// Decoding problems (JSON from portals).
var (
	CodeJSONTooLarge = define("form.json.too_large", "", "提交的内容过大（最多%d字节）", "JSON input exceeds %d bytes")
	CodeJSONSyntax   = define("form.json.syntax", "", "提交的内容格式不正确", "malformed JSON: %s")
	CodeJSONField    = define("form.json.field", "", "提交的内容含有无法识别或类型错误的字段", "unknown field or wrong type: %s")
	CodeJSONTrailing = define("form.json.trailing", "", "提交的内容格式不正确（多余的数据）", "trailing data after the JSON object")
)
