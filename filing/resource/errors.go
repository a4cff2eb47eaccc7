package resource

import (
	"errors"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/catalog"
)

// codes are the codes this package owns, in the module's one registry
// (internal/catalog).
var codes catalog.Set[filing.Code]

func define(code, rule, zh, en string) filing.Code { return codes.Define(code, rule, zh, en) }

// Codes returns every code the package defines, sorted.
func Codes() []filing.Code { return codes.Codes() }

// Codes of the instance checks (Eligible, R-96).
var (
	ErrNotPrepaid = define("resource.not_prepaid", "R-96",
		"实例%[1]s不是包年包月（预付费）实例，不能用于备案。请购买或转为包年包月实例后再申请",
		"instance %[1]s is not prepaid (pay-as-you-go instances cannot back a filing)")
	ErrMonthsLeft = define("resource.months_left", "R-96",
		"实例%[1]s剩余有效期不足%[2]d个月，不能用于备案。请续费至剩余%[2]d个月以上后再申请",
		"instance %[1]s has less than %[2]d months of service left")
	ErrNotMainland = define("resource.not_mainland", "R-96",
		"实例%[1]s不在中国内地（大陆）地域，不能用于备案。请使用中国内地地域的实例",
		"instance %[1]s is not in a mainland China region")
	ErrNoPublicIP = define("resource.no_public_ip", "R-96",
		"实例%[1]s没有公网IP地址，不能用于备案。请为实例分配公网IP后再申请",
		"instance %[1]s has no public IP address")
	ErrLoadBalancerIP = define("resource.load_balancer_ip", "R-96",
		"实例%[1]s的公网IP是负载均衡地址，不能生成备案资源。请使用云服务器自身的公网IP",
		"instance %[1]s: a load balancer's address cannot back a filing resource")
	ErrTrial = define("resource.trial", "R-96",
		"实例%[1]s是试用产品，不能用于备案。请购买正式的包年包月实例",
		"instance %[1]s is a trial product")
	ErrNotRunning = define("resource.not_running", "R-96",
		"实例%[1]s未处于正常运行状态，不能用于备案。请待实例正常运行后再申请",
		"instance %[1]s is not running")
	ErrCapReached = define("resource.cap_reached", "R-96",
		"实例%[1]s的备案资源已达上限（%[2]d个），不能再生成。请使用其他实例，或删除未使用的备案资源",
		"instance %[1]s already has its cap of %[2]d live filing resources")
)

// Codes of the ledger's steps (Ledger, R-96).
var (
	ErrBadCode = define("resource.bad_code", "R-96",
		"备案资源编号格式不正确，请核对后重新填写",
		"not a filing resource code: %[1]s")
	ErrNotFound = define("resource.not_found", "R-96",
		"备案资源%[1]s不存在，请核对后重新填写",
		"filing resource %[1]s does not exist")
	ErrExists = define("resource.exists", "R-96",
		"备案资源%[1]s已存在",
		"filing resource %[1]s already exists")
	ErrInUse = define("resource.in_use", "R-96",
		"备案资源%[1]s正被另一个备案订单使用，不能同时用于两个备案。请等待该订单完成或放弃后再使用",
		"filing resource %[1]s is in use by another filing")
	ErrUsed = define("resource.used", "R-96",
		"备案资源%[1]s已成功用于备案，不能重复使用。请使用新的备案资源",
		"filing resource %[1]s was used by a successful filing (single use)")
	ErrRevoked = define("resource.revoked", "R-96",
		"备案资源%[1]s已失效，请使用新的备案资源",
		"filing resource %[1]s was revoked")
	ErrExpired = define("resource.expired", "R-96",
		"备案资源%[1]s所属实例已到期，备案资源随之失效。请续费实例或使用其他实例的备案资源",
		"filing resource %[1]s died with its instance (expired)")
	ErrNotYours = define("resource.not_yours", "R-96",
		"备案资源%[1]s不属于当前账号，也未授权给当前账号。请由资源所属账号授权后再使用",
		"filing resource %[1]s is neither owned by nor granted to this account")
	ErrWrongFiling = define("resource.wrong_filing", "R-96",
		"备案资源%[1]s未被该备案订单使用",
		"filing resource %[1]s is not held by this filing")
	ErrNotGrantable = define("resource.not_grantable", "R-96",
		"备案资源%[1]s不能授权给其他账号：只有资源所属账号可以授权未使用的备案资源",
		"filing resource %[1]s cannot be granted (policy, owner or state)")
	ErrBadInput = define("resource.bad_input", "",
		"备案资源信息不完整",
		"bad argument: %[1]s")
)

// Error is a refused step of the ledger or a failed instance check. It
// carries the Code of one of the package sentinels (errors.Is(err,
// ErrInUse) matches it), a Chinese message for end users that says what to
// do, and an English one for developers. It holds no personal data: codes,
// instance IDs and filing IDs are the ISP's identifiers.
type Error struct {
	Code filing.Code `json:"code"`
	Rule string      `json:"rule,omitempty"`
	Zh   string      `json:"zh"`
	En   string      `json:"en"`
	// Resource is the code or instance ID the error is about.
	Resource string `json:"resource,omitempty"`
}

func newError(code filing.Code, resource string, args ...any) *Error {
	e, _ := catalog.Filled(string(code), args...)
	return &Error{Code: code, Rule: e.Rule, Zh: e.Zh, En: e.En, Resource: resource}
}

// Error returns "code: english message".
func (e *Error) Error() string { return string(e.Code) + ": " + e.En }

// Is reports whether target is the error's Code.
func (e *Error) Is(target error) bool {
	c, ok := target.(filing.Code)
	return ok && c == e.Code
}

// ErrorCode returns the stable code.
func (e *Error) ErrorCode() string { return string(e.Code) }

// MessageZh returns the Chinese message for end users.
func (e *Error) MessageZh() string { return e.Zh }

// MessageEn returns the English message for developers.
func (e *Error) MessageEn() string { return e.En }

// IneligibleError is Eligible's answer for an instance that cannot back a
// filing resource: every reason at once. errors.Is matches the code of any
// reason.
type IneligibleError struct {
	Instance string   `json:"instance"`
	Reasons  []*Error `json:"reasons"`
}

// Error lists the reasons' English messages.
func (e *IneligibleError) Error() string {
	parts := make([]string, len(e.Reasons))
	for i, r := range e.Reasons {
		parts[i] = r.Error()
	}
	return "resource: instance not eligible: " + strings.Join(parts, "; ")
}

// Is reports whether any reason matches target.
func (e *IneligibleError) Is(target error) bool {
	for _, r := range e.Reasons {
		if errors.Is(r, target) {
			return true
		}
	}
	return false
}

// Unwrap returns the reasons.
func (e *IneligibleError) Unwrap() []error {
	out := make([]error, len(e.Reasons))
	for i, r := range e.Reasons {
		out[i] = r
	}
	return out
}

// ErrorCode returns the first reason's code.
func (e *IneligibleError) ErrorCode() string {
	if len(e.Reasons) == 0 {
		return ""
	}
	return string(e.Reasons[0].Code)
}

// MessageZh joins the reasons' Chinese messages.
func (e *IneligibleError) MessageZh() string {
	parts := make([]string, len(e.Reasons))
	for i, r := range e.Reasons {
		parts[i] = r.Zh
	}
	return strings.Join(parts, "；")
}

// MessageEn joins the reasons' English messages.
func (e *IneligibleError) MessageEn() string {
	parts := make([]string, len(e.Reasons))
	for i, r := range e.Reasons {
		parts[i] = r.En
	}
	return strings.Join(parts, "; ")
}
