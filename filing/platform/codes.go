package platform

import (
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/catalog"
)

// codes are the codes this package owns, in the module's one registry
// (internal/catalog); the adapters use them.
var codes catalog.Set[filing.Code]

func define(code, rule, zh, en string) filing.Code { return codes.Define(code, rule, zh, en) }

// Codes returns every code the package defines, sorted.
func Codes() []filing.Code { return codes.Codes() }

// Codes of the platforms' own rules.
var (
	CodeNotMiniProgram = define("platform.not_mini_program", "R-95",
		"只有%[1]s小程序可以通过%[1]s平台提交备案（第%[2]d个应用不是）",
		"only a %[1]s mini-program is filed through %[1]s (app %[2]d is not one)")
	CodeAppMissing = define("platform.app_missing", "R-95",
		"备案信息中没有第%[1]d个应用",
		"the filing has no app at index %[1]d")
	CodeTypeUnmapped = define("platform.type_unmapped", "R-95",
		"“%[1]s”在平台的%[2]s列表中没有对应项，请先查询平台的列表",
		"%[1]q has no entry in the platform's %[2]s list (query the platform's list first)")
	CodeServiceTypesMissing = define("platform.service_types_missing", "R-95",
		"请至少选择一个服务内容类型",
		"no service content type chosen")
	CodeServiceTypesMax = define("platform.service_types_max", "R-95",
		"服务内容类型最多选择%[1]d个（已选%[2]d个）",
		"at most %[1]d service content types (%[2]d chosen)")
	CodeServiceTypeNotSecond = define("platform.service_type_not_second_level", "R-95",
		"“%[1]s”是一级服务内容类型，只能选择其下的二级类型",
		"%[1]q is a first-level service content type: choose second-level types only")
	CodeServiceTypeUnknown = define("platform.service_type_unknown", "R-95",
		"服务内容类型“%[1]s”不在平台提供的服务内容类型列表中",
		"service content type %[1]q is not in the platform's list")
	CodePreApprovalNoneMissing = define("platform.preapproval_none_missing", "R-95",
		"不涉及前置审批时也须明确选择“以上都不涉及”",
		"no pre-approval: the explicit 以上都不涉及 entry is required")
	CodePreApprovalNoneMixed = define("platform.preapproval_none_mixed", "R-95",
		"“以上都不涉及”不能与其他前置审批类型同时选择",
		"以上都不涉及 cannot be chosen together with other pre-approval types")
	CodePreApprovalDuplicate = define("platform.preapproval_duplicate", "R-95",
		"前置审批类型“%[1]s”重复",
		"pre-approval type %[1]q is listed twice")
	CodePreApprovalNumber = define("platform.preapproval_number_missing", "R-95",
		"涉及前置审批“%[1]s”时须填写前置审批号并上传审批文件",
		"pre-approval %[1]q needs its approval number and document")
	CodeRemarkLength = define("platform.remark_length", "R-95",
		"备注须为%[2]d至%[3]d个字（现为%[1]d个字），请具体描述小程序实际经营内容和主要服务内容",
		"the remark must have %[2]d to %[3]d characters (it has %[1]d)")
	CodeRegionMissing = define("platform.region_missing", "R-95",
		"请填写备案所在的省份、城市和区县",
		"the filing's province, city and district codes are required")
	CodeRegionMismatch = define("platform.region_mismatch", "R-95",
		"地区代码%[1]s不属于%[2]s",
		"region code %[1]s does not lie within %[2]s")
	CodeLegalPersonMissing = define("platform.legal_person_missing", "R-95",
		"主体负责人不是法定代表人时，须填写法定代表人姓名和证件号码",
		"the principal is not the legal representative: the legal representative's name and certificate number are required")
	CodeValidityMissing = define("platform.validity_missing", "R-95",
		"请填写证件有效期（起始日期和截止日期，长期有效填“长期”）",
		"the certificate validity (start and end, or 长期) is required")
	CodeValidityFormat = define("platform.validity_format", "R-95",
		"证件有效期“%[1]s”格式不正确，须为8位日期（如20330815）或“长期”",
		"certificate validity %[1]q is not YYYYmmdd or 长期")
	CodeMaterialMissing = define("platform.material_missing", "R-95",
		"请上传%[1]s",
		"missing upload: %[1]s")
	CodeMaterialTooMany = define("platform.material_too_many", "R-95",
		"%[1]s最多上传%[2]d个（现为%[3]d个）",
		"%[1]s: at most %[2]d uploads (%[3]d given)")
)

// Codes of the platforms' answers mapped back.
var (
	CodeRejectedField = define("platform.rejected_field", "R-95",
		"平台驳回：%[1]s%[2]s",
		"the platform rejected the field: %[1]s%[2]s")
	CodeRejectedUnplaced = define("platform.rejected_unplaced", "R-95",
		"平台驳回（字段“%[1]s”无法对应到备案信息）：%[2]s%[3]s",
		"the platform rejected field %[1]q, which maps to no field of the filing: %[2]s%[3]s")
	CodePlatformError = define("platform.error", "R-95",
		"平台返回错误%[1]d：%[2]s",
		"the platform answered error %[1]d: %[2]s")
	CodeUnknownKey = define("platform.unknown_key", "R-95",
		"平台答复中有未知字段“%[1]s”，已原样保留，请核对",
		"the platform's answer has key %[1]q, which the SDK does not know; it is kept as it came")
	CodeAnswerInvalid = define("platform.answer_invalid", "R-95",
		"平台答复无法解析：%[1]s",
		"the platform's answer does not decode: %[1]s")
	CodeStatusUnknown = define("platform.status_unknown", "R-95",
		"平台返回了未知的备案状态%[1]d",
		"the platform answered an unknown filing status %[1]d")
	CodeNotReady = define("platform.not_ready", "R-95",
		"尚不能提交备案：%[1]s",
		"the filing cannot be submitted yet: %[1]s")
)
