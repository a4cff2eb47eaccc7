package lifecycle

import (
	"fmt"
	"strings"
	"time"

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

// Codes of refused lifecycle moves. Their messages take indexed arguments:
// %[1]s the action, %[2]s the actor, %[3]s the current status, %[4]s the
// subject's province (in Chinese in Zh, in English in En).
var (
	CodeWrongActor = define("lifecycle.wrong_actor", "R-10",
		"%[2]s不能办理“%[1]s”（备案当前状态：%[3]s）",
		"%[2]s may not %[1]s a filing in status %[3]s")
	CodeWrongStage = define("lifecycle.wrong_stage", "R-10",
		"备案当前状态为“%[3]s”，不能办理“%[1]s”",
		"cannot %[1]s a filing in status %[3]s")
	CodeWrongISP = define("lifecycle.wrong_isp", "R-16",
		"该备案不在%[2]s接入，只有备案所在的接入商可以办理“%[1]s”",
		"%[2]s is not the ISP of this filing and may not %[1]s it")
	CodeWrongProvince = define("lifecycle.wrong_province", "R-14",
		"该备案由%[4]s通信管理局审核，%[2]s不能办理“%[1]s”",
		"the filing belongs to the bureau of %[4]s; %[2]s may not %[1]s it")
	CodeTimeBackwards = define("lifecycle.time_backwards", "R-10",
		"办理时间早于该备案上一次办理的时间，请核对时间",
		"the event is earlier than the filing's last event")
	CodeReasonRequired = define("lifecycle.reason_required", "R-12",
		"退回备案时须写明退回原因",
		"a return (%[1]s) must carry a reason")
	CodeFormMissing = define("lifecycle.form_missing", "R-15",
		"新增网站的真实性核验单尚未送达管局，无核验单不予审核",
		"the verification form of the added website has not reached the bureau; without it the website is not reviewed")
	CodeRecreate = define("lifecycle.recreate", "R-13",
		"该备案已被退回，请修改后重新提交，不要作为新备案再次提交",
		"a returned filing is not created again as new: edit it and resubmit")
	CodeNoISP = define("lifecycle.no_isp", "R-10",
		"请先选择网站的接入商",
		"a self-filed filing names its ISP before it is created")
	CodeNumberChanged = define("lifecycle.number_changed", "R-41",
		"备案号一经分配不能更改",
		"the approval carries a record number different from the filing's")
	CodeInvalidEvent = define("lifecycle.invalid_event", "R-10",
		"办理信息不完整：办理事项、办理人或办理时间无效",
		"invalid event: unknown action or actor kind, or zero instant")
	CodeInvalidState = define("lifecycle.invalid_state", "R-10",
		"备案状态信息无效",
		"invalid state: unknown status, kind or SMS filing type, unknown subject province, or a change filing without a record number")
)

// TransitionError is a move Apply refuses. errors.Is(err, CodeLifecycleX)
// matches its Code.
type TransitionError struct {
	Code   filing.Code   `json:"code"`
	Rule   string        `json:"rule,omitempty"`
	From   filing.Status `json:"from"`
	Action Action        `json:"action"`
	Actor  Actor         `json:"actor"`
	At     time.Time     `json:"at"`
	Zh     string        `json:"zh"`
	En     string        `json:"en"`
}

func newTransitionError(c filing.Code, rule string, s State, e Event) *TransitionError {
	if rule == "" {
		rule = c.Rule()
	}
	provZh, provEn := s.Province, s.Province
	if p, ok := filing.ProvinceByCode(s.Province); ok {
		provZh, provEn = p.Name, p.NameEn
	}
	return &TransitionError{
		Code: c, Rule: rule, From: s.Status, Action: e.Action, Actor: e.Actor, At: e.At,
		Zh: lcSprintf(c.MessageZh(), lcActionName(e.Action, true), lcActorName(e.Actor, true), s.Status.Zh(), provZh),
		En: lcSprintf(c.MessageEn(), lcActionName(e.Action, false), lcActorName(e.Actor, false), s.Status.En(), provEn),
	}
}

// sprintfIndexed formats a message that uses indexed verbs only (so unused
// arguments are not reported); a message without verbs is returned as is.
func lcSprintf(msg string, args ...any) string {
	if !strings.Contains(msg, "%") {
		return msg
	}
	return fmt.Sprintf(msg, args...)
}

// Error returns "code: english message".
func (e *TransitionError) Error() string { return string(e.Code) + ": " + e.En }

// Is reports whether target is the error's Code.
func (e *TransitionError) Is(target error) bool {
	c, ok := target.(filing.Code)
	return ok && c == e.Code
}

// ErrorCode returns the stable code.
func (e *TransitionError) ErrorCode() string { return string(e.Code) }

// MessageZh returns the Chinese message for end users.
func (e *TransitionError) MessageZh() string { return e.Zh }

// MessageEn returns the English message for developers.
func (e *TransitionError) MessageEn() string { return e.En }

var lcActionNames = map[Action][2]string{
	ActionCreate:       {"新建备案", "create"},
	ActionEdit:         {"修改备案信息", "edit"},
	ActionSubmit:       {"提交备案", "submit"},
	ActionISPReturn:    {"接入商退回", "return (ISP)"},
	ActionVerify:       {"核验并提交管局", "verify and submit to the bureau"},
	ActionFormReceived: {"登记核验单送达", "record the verification form"},
	ActionApprove:      {"审核通过", "approve"},
	ActionReturnToUser: {"退回用户", "return to the user"},
	ActionReturnToISP:  {"退回接入商", "return to the ISP"},
	ActionResubmit:     {"重新提交管局", "resubmit to the bureau"},
	ActionStartChange:  {"变更备案", "start a change filing of"},
	ActionCancelAccess: {"取消接入", "cancel the access of"},
	ActionAddAccess:    {"新增接入", "add access to"},
	ActionCancel:       {"注销备案", "cancel"},
	ActionDelete:       {"删除报备阶段信息", "delete"},
	ActionSMSSend:      {"发送核验短信", "send the SMS code of"},
	ActionSMSInput:     {"短信核验", "enter the SMS code of"},
	ActionSMSResend:    {"短信重发", "resend the SMS code of"},
	ActionSMSExpire:    {"短信核验超时", "time out the SMS verification of"},
}

func lcActionName(a Action, zh bool) string {
	n, ok := lcActionNames[a]
	if !ok {
		return string(a)
	}
	if zh {
		return n[0]
	}
	return n[1]
}

func lcActorName(a Actor, zh bool) string {
	switch a.Kind {
	case ActorSelfFiler:
		if zh {
			return a.Kind.Zh()
		}
		return "the self-filing user"
	case ActorProxiedUser:
		if zh {
			return a.Kind.Zh()
		}
		return "the ISP-proxied user"
	case ActorISP:
		if zh {
			return "接入商“" + a.ISP + "”"
		}
		return "ISP " + fmt.Sprintf("%q", a.ISP)
	case ActorBureau:
		if p, ok := filing.ProvinceByCode(a.Province); ok {
			if zh {
				return p.Name + "通信管理局"
			}
			return "the bureau of " + p.NameEn
		}
		if zh {
			return "通信管理局（" + a.Province + "）"
		}
		return "the bureau of province " + fmt.Sprintf("%q", a.Province)
	}
	if zh {
		return "未知办理人"
	}
	return "an unknown actor"
}

// Zh returns the action in Chinese ("核验并提交管局"), or the code itself
// for an unknown action.
func (a Action) Zh() string { return lcActionName(a, true) }

// En returns the action in English, as a verb ("verify and submit to the
// bureau"), or the code itself for an unknown action.
func (a Action) En() string { return lcActionName(a, false) }

// Zh returns the kind of actor in Chinese ("自行备案用户", "接入商",
// "通信管理局"), or the code itself for an unknown kind.
func (k ActorKind) Zh() string {
	switch k {
	case ActorSelfFiler:
		return "自行备案用户"
	case ActorProxiedUser:
		return "接入商代备案用户"
	case ActorISP:
		return "接入商"
	case ActorBureau:
		return "通信管理局"
	case ActorApplicant:
		return "负责人本人"
	case ActorSystem:
		return "备案系统"
	}
	return string(k)
}
