package lifecycle

import (
	"slices"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sms"
)

// What a filing asks for is its sms.FilingType (State.Type), the SDK's one
// filing-type enum. The lifecycle reads three things from it (DESIGN): a
// first filing (sms.NewFiling) is the only one a user may file and edit by
// themselves; an added website (sms.NewWebsite) needs its
// verification form before approval and has 7 working days to send it
// every other type is filed on a record that already has a
// number, which it keeps while the filing runs, and only the ISP edits it
// . onRecord reports the last: every type but a first filing
// and an added website.
func onRecord(t sms.FilingType) bool {
	return t != sms.NewFiling && t != sms.NewWebsite
}

// ActorKind is the kind of party that acts on a filing.
type ActorKind string

// Actor kinds.
const (
	// ActorSelfFiler is a user who files through the MIIT system directly
	// (自行备案用户).
	ActorSelfFiler ActorKind = "self_filer"
	// ActorProxiedUser is a user whose filing the ISP makes on their behalf
	// (接入商代备案用户). Such a user never edits the filing: every change
	// goes through the ISP, and cancellation or deletion through an
	// application to the bureau (package forms). Allowed returns no actions
	// for this kind; Apply refuses every event from it with
	// lifecycle.wrong_actor.
	ActorProxiedUser ActorKind = "proxied_user"
	// ActorISP is an access provider (接入商). Actor.ISP names it and
	// Actor.Province is the province it files in.
	ActorISP ActorKind = "isp"
	// ActorBureau is a provincial communications bureau (省通信管理局).
	// Actor.Province is its GB/T 2260 code; it acts only on filings of
	// subjects of its province.
	ActorBureau ActorKind = "bureau"
	// ActorApplicant is a responsible person of the filing acting for
	// themselves: the recipient of an SMS code who enters it with their
	// mobile and certificate tail. Whatever page relays the input,
	// the act is the person's, not the ISP's.
	ActorApplicant ActorKind = "applicant"
	// ActorSystem is the filing system itself: its timers, such as the 24
	// hours of the SMS step running out. Nobody acted; the time
	// did.
	ActorSystem ActorKind = "system"
)

// Valid reports whether k is one of the declared kinds.
func (k ActorKind) Valid() bool {
	switch k {
	case ActorSelfFiler, ActorProxiedUser, ActorISP, ActorBureau, ActorApplicant, ActorSystem:
		return true
	}
	return false
}

// SystemActor is the actor of the filing system's own events (ActorSystem).
func SystemActor() Actor { return Actor{Kind: ActorSystem} }

// ApplicantActor is the actor of a responsible person's own events
// (ActorApplicant).
func ApplicantActor() Actor { return Actor{Kind: ActorApplicant} }

// Actor is the party behind an event.
type Actor struct {
	Kind ActorKind `json:"kind"`
	// ISP names the access provider when Kind is ActorISP. ISPs are compared
	// by exact string (callers pass a stable ID).
	ISP string `json:"isp,omitempty"`
	// Province is the GB/T 2260 code of the bureau (ActorBureau) or of the
	// province the ISP files in (ActorISP): "中国电信浙江" and "中国电信江西"
	// are different ISPs for R-16 even under the same name.
	Province string `json:"province,omitempty"`
}

// Action is something an actor does to a filing.
type Action string

// Actions. The table in Transitions says who may take each one at which
// stage.
const (
	ActionCreate       Action = "create"         // start the filing (信息录入)
	ActionEdit         Action = "edit"           // modify the filing's data
	ActionSubmit       Action = "submit"         // submit to the ISP for verification (提交初审)
	ActionISPReturn    Action = "isp_return"     // the ISP sends it back to the user's draft (初审退回)
	ActionVerify       Action = "verify"         // the ISP verifies it and submits it to the bureau
	ActionFormReceived Action = "form_received"  // the verification form reached the bureau
	ActionApprove      Action = "approve"        // the bureau approves; the record has a number
	ActionReturnToUser Action = "return_to_user" // the bureau rejects it back to the user
	ActionReturnToISP  Action = "return_to_isp"  // the bureau rejects it back to the ISP
	ActionResubmit     Action = "resubmit"       // the edited filing goes straight back to the bureau
	ActionStartChange  Action = "start_change"   // the ISP opens a change filing of a numbered record
	ActionCancelAccess Action = "cancel_access"  // the ISP cancels its access (取消接入, R-16, R-17)
	ActionAddAccess    Action = "add_access"     // an ISP adds access to an approved record (新增接入, R-16)
	ActionCancel       Action = "cancel"         // cancellation of the filing (注销, R-50, R-53)
	ActionDelete       Action = "delete"         // deletion of submission-stage data (删除报备阶段信息, R-54)

	// The MIIT SMS verification of a submission, recorded by the
	// subject's bureau or by the filing's ISP (see sms_lifecycle.go).
	ActionSMSSend   Action = "sms_send"   // the code is sent to the responsible persons (Event.SMS)
	ActionSMSInput  Action = "sms_input"  // a person enters code, mobile and certificate tail (Event.Mobile, Event.Correct)
	ActionSMSResend Action = "sms_resend" // 短信重发, at most 2
	ActionSMSExpire Action = "sms_expire" // the 24 hours ran out: the filing goes back to the ISP
)

// lcActionRule is the rule an action belongs to, used for the errors of a
// refused action when no table row gives a more precise one.
var lcActionRule = map[Action]string{
	ActionCreate:       "R-10",
	ActionEdit:         "R-10",
	ActionSubmit:       "R-10",
	ActionISPReturn:    "R-10",
	ActionVerify:       "R-14",
	ActionFormReceived: "R-15",
	ActionApprove:      "R-14",
	ActionReturnToUser: "R-12",
	ActionReturnToISP:  "R-12",
	ActionResubmit:     "R-12",
	ActionStartChange:  "R-11",
	ActionCancelAccess: "R-17",
	ActionAddAccess:    "R-16",
	ActionCancel:       "R-53",
	ActionDelete:       "R-54",
	ActionSMSSend:      "R-83",
	ActionSMSInput:     "R-83",
	ActionSMSResend:    "R-83",
	ActionSMSExpire:    "R-83",
}

// Valid reports whether a is one of the declared actions.
func (a Action) Valid() bool { _, ok := lcActionRule[a]; return ok }

// Actions returns every declared action.
func Actions() []Action {
	out := make([]Action, 0, len(lcActionRule))
	for a := range lcActionRule {
		out = append(out, a)
	}
	slices.Sort(out)
	return out
}

// Role is who may take a transition, relative to the filing.
type Role string

// Roles of the transition table.
const (
	// RoleEditor is the party that edits the filing: the self-filing user
	// for a self-filed first filing, the filing's ISP for everything
	// else.
	RoleEditor Role = "editor"
	// RoleFilingISP is the ISP the filing is with (State.ISP and, when set,
	// State.ISPProvince).
	RoleFilingISP Role = "filing_isp"
	// RoleOtherISP is any ISP other than the filing's: the right ISP of
	// R-16, the new ISP of R-17.
	RoleOtherISP Role = "other_isp"
	// RoleBureau is the bureau of the subject's province (State.Province).
	RoleBureau Role = "bureau"
	// RoleApplicant is a responsible person acting for themselves
	// (ActorApplicant): entering an SMS code.
	RoleApplicant Role = "applicant"
	// RoleSystem is the filing system's own timers (ActorSystem): the SMS
	// step's 24 hours.
	RoleSystem Role = "system"
)

// Transition is one row of the lifecycle table: at status From, Action taken
// by one of Roles leads to To (or to ToNumbered when the state already has a
// record number, e.g. a change filing whose data is deleted falls back to the
// approved record).
type Transition struct {
	From   filing.Status `json:"from"` // "" is "not yet created"
	Action Action        `json:"action"`
	Roles  []Role        `json:"roles"`
	To     filing.Status `json:"to"`
	// ToNumbered, when set, replaces To for a state with a record number.
	ToNumbered filing.Status `json:"to_numbered,omitempty"`
	// NeedsReason says that the event must carry a reason.
	NeedsReason bool `json:"needs_reason,omitempty"`
	// Rule is the rule ID the row implements.
	Rule string `json:"rule"`
}

var (
	rolesEditor         = []Role{RoleEditor}
	rolesFilingISP      = []Role{RoleFilingISP}
	rolesBureau         = []Role{RoleBureau}
	rolesEditorOrBureau = []Role{RoleEditor, RoleBureau}
	rolesISPOrBureau    = []Role{RoleFilingISP, RoleBureau}
	rolesAnyISP         = []Role{RoleFilingISP, RoleOtherISP}
	// the SMS input and the timeout.
	rolesApplicantISPOrBureau = []Role{RoleApplicant, RoleFilingISP, RoleBureau}
	rolesSystemISPOrBureau    = []Role{RoleSystem, RoleFilingISP, RoleBureau}
)

// lcTransitions is THE lifecycle table. Every allowed move is one row; a move
// without a row is refused with lifecycle.wrong_stage, a row whose roles do
// not include the actor with wrong_actor / wrong_isp / wrong_province.
var lcTransitions = []Transition{
	// 信息录入. R-10: the self-filing user edits only before submission;
	// otherwise the ISP enters the data.
	{From: "", Action: ActionCreate, Roles: rolesEditor, To: filing.StatusDraft, Rule: "R-10"},
	{From: filing.StatusDraft, Action: ActionEdit, Roles: rolesEditor, To: filing.StatusDraft, Rule: "R-10"},
	{From: filing.StatusDraft, Action: ActionSubmit, Roles: rolesEditor, To: filing.StatusISPVerifying, Rule: "R-10"},
	{From: filing.StatusDraft, Action: ActionDelete, Roles: rolesEditorOrBureau, To: filing.StatusDeleted, ToNumbered: filing.StatusApproved, Rule: "R-54"},

	// 接入商核验. R-10: after submission only the ISP modifies; R-14: the
	// bureau sees the filing only once the ISP verified and submitted it.
	{From: filing.StatusISPVerifying, Action: ActionEdit, Roles: rolesFilingISP, To: filing.StatusISPVerifying, Rule: "R-10"},
	{From: filing.StatusISPVerifying, Action: ActionISPReturn, Roles: rolesFilingISP, To: filing.StatusDraft, NeedsReason: true, Rule: "R-10"},
	{From: filing.StatusISPVerifying, Action: ActionVerify, Roles: rolesFilingISP, To: filing.StatusBureauReview, Rule: "R-14"},
	{From: filing.StatusISPVerifying, Action: ActionDelete, Roles: rolesBureau, To: filing.StatusDeleted, ToNumbered: filing.StatusApproved, Rule: "R-54"},
	{From: filing.StatusISPVerifying, Action: ActionCancel, Roles: rolesBureau, To: filing.StatusCancelled, Rule: "R-53"},

	// 管局审核. R-12: a rejection returns to the user or to the ISP with a
	// reason; R-15: the form of an added website is recorded on arrival.
	{From: filing.StatusBureauReview, Action: ActionFormReceived, Roles: rolesBureau, To: filing.StatusBureauReview, Rule: "R-15"},
	{From: filing.StatusBureauReview, Action: ActionApprove, Roles: rolesBureau, To: filing.StatusApproved, Rule: "R-20"},
	{From: filing.StatusBureauReview, Action: ActionReturnToUser, Roles: rolesBureau, To: filing.StatusReturnedToUser, NeedsReason: true, Rule: "R-12"},
	{From: filing.StatusBureauReview, Action: ActionReturnToISP, Roles: rolesBureau, To: filing.StatusReturnedToISP, NeedsReason: true, Rule: "R-12"},
	{From: filing.StatusBureauReview, Action: ActionDelete, Roles: rolesBureau, To: filing.StatusDeleted, ToNumbered: filing.StatusApproved, Rule: "R-54"},
	{From: filing.StatusBureauReview, Action: ActionCancel, Roles: rolesBureau, To: filing.StatusCancelled, Rule: "R-53"},

	// 短信核验. R-83: the SMS step of the submission. An input is accepted
	// right or wrong (and counted); the sixth attempt after five wrong inputs,
	// and any SMS event at or after the 24 hours, return the filing to the
	// ISP (filing.StatusReturnedToISP) instead of To.
	{From: filing.StatusBureauReview, Action: ActionSMSSend, Roles: rolesISPOrBureau, To: filing.StatusBureauReview, Rule: "R-83"},
	// The person enters the code (ActorApplicant), whatever page relays
	// it; the 24 hours run out by themselves (ActorSystem). The filing's
	// ISP and the bureau may still record both for a system that cannot
	// tell who acted, but the history then says the ISP or the bureau did.
	{From: filing.StatusBureauReview, Action: ActionSMSInput, Roles: rolesApplicantISPOrBureau, To: filing.StatusBureauReview, Rule: "R-83"},
	{From: filing.StatusBureauReview, Action: ActionSMSResend, Roles: rolesISPOrBureau, To: filing.StatusBureauReview, Rule: "R-83"},
	{From: filing.StatusBureauReview, Action: ActionSMSExpire, Roles: rolesSystemISPOrBureau, To: filing.StatusReturnedToISP, Rule: "R-83"},

	// 退回. R-12: returned to the user, the user edits (for filings only the
	// ISP modifies, R-11, the ISP edits for the user); returned to the ISP,
	// the ISP edits; the edit goes straight back to the bureau.
	{From: filing.StatusReturnedToUser, Action: ActionEdit, Roles: rolesEditor, To: filing.StatusReturnedToUser, Rule: "R-12"},
	{From: filing.StatusReturnedToUser, Action: ActionResubmit, Roles: rolesEditor, To: filing.StatusBureauReview, Rule: "R-12"},
	{From: filing.StatusReturnedToUser, Action: ActionDelete, Roles: rolesBureau, To: filing.StatusDeleted, ToNumbered: filing.StatusApproved, Rule: "R-54"},
	{From: filing.StatusReturnedToUser, Action: ActionCancel, Roles: rolesBureau, To: filing.StatusCancelled, Rule: "R-53"},
	{From: filing.StatusReturnedToISP, Action: ActionEdit, Roles: rolesFilingISP, To: filing.StatusReturnedToISP, Rule: "R-12"},
	{From: filing.StatusReturnedToISP, Action: ActionResubmit, Roles: rolesFilingISP, To: filing.StatusBureauReview, Rule: "R-12"},
	{From: filing.StatusReturnedToISP, Action: ActionDelete, Roles: rolesBureau, To: filing.StatusDeleted, ToNumbered: filing.StatusApproved, Rule: "R-54"},
	{From: filing.StatusReturnedToISP, Action: ActionCancel, Roles: rolesBureau, To: filing.StatusCancelled, Rule: "R-53"},

	// 已备案.: changes go through the ISP and keep the number and
	// the access: the ISP cancels its access; R-53: the ISP
	// cancels online, or the bureau on application.
	{From: filing.StatusApproved, Action: ActionStartChange, Roles: rolesFilingISP, To: filing.StatusDraft, Rule: "R-11"},
	{From: filing.StatusApproved, Action: ActionCancelAccess, Roles: rolesFilingISP, To: filing.StatusAccessCancelled, Rule: "R-17"},
	{From: filing.StatusApproved, Action: ActionCancel, Roles: rolesISPOrBureau, To: filing.StatusCancelled, Rule: "R-53"},

	// 已取消接入. R-16: the right ISP adds access; R-17: the old ISP cancels
	// the filing at the end of service.
	{From: filing.StatusAccessCancelled, Action: ActionAddAccess, Roles: rolesAnyISP, To: filing.StatusApproved, Rule: "R-16"},
	{From: filing.StatusAccessCancelled, Action: ActionCancel, Roles: rolesISPOrBureau, To: filing.StatusCancelled, Rule: "R-17"},
}

// Transitions returns a copy of the lifecycle table, for documentation and
// for user interfaces that draw the state machine.
func Transitions() []Transition {
	out := make([]Transition, len(lcTransitions))
	for i, t := range lcTransitions {
		t.Roles = slices.Clone(t.Roles)
		out[i] = t
	}
	return out
}

// row finds the table row of an action at a status.
func lcRow(from filing.Status, a Action) (Transition, bool) {
	for _, t := range lcTransitions {
		if t.From == from && t.Action == a {
			return t, true
		}
	}
	return Transition{}, false
}

// State is one filing's place in the lifecycle. It is a value: Apply returns
// a new State and never changes the one it is given.
//
// Build the initial State with Status "" (not created yet) and the facts
// that decide who acts: Type, SelfFiled, ISP (may be left empty when the ISP
// creates the filing: it becomes the filing's ISP) and Province; then Apply
// an ActionCreate event.
type State struct {
	Status filing.Status `json:"status"`
	// Type is what the filing asks for: who edits it, which limit runs
	// and, with SMSRequired, who verifies by SMS (see sms.FilingType).
	Type sms.FilingType `json:"type"`
	// SelfFiled is true for a filing the user makes through the MIIT system
	// (自行备案), false for one the ISP makes for the user (代备案, R-11).
	SelfFiled bool `json:"self_filed,omitempty"`
	// ISP is the access provider the filing is with, ISPProvince the
	// province it files in (optional; when set it must match too).
	ISP         string `json:"isp,omitempty"`
	ISPProvince string `json:"isp_province,omitempty"`
	// Province is the GB/T 2260 code of the subject's province: its bureau
	// reviews the filing.
	Province string `json:"province"`
	// Number is the record number once approved (from Event.Number).
	Number string `json:"number,omitempty"`
	// Reason is the reason of the last return, cleared when the
	// filing goes back to the bureau.
	Reason string `json:"reason,omitempty"`
	// ReviewFrom is when the filing last reached the bureau (verify or
	// resubmit); zero outside bureau review.
	ReviewFrom time.Time `json:"review_from,omitzero"`
	// FormAt is when the verification form reached the bureau;
	// zero until ActionFormReceived, kept across returns and resubmissions,
	// cleared by approval.
	FormAt time.Time `json:"form_at,omitzero"`
	// SMSRequired makes the SMS step mandatory for a Type whose
	// submissions send codes (sms.Recipients: every type but
	// sms.CancelAccess): the bureau cannot approve or return a submission
	// until its SMS is verified. False: the step is optional and
	// begins only when ActionSMSSend is applied.
	SMSRequired bool `json:"sms_required,omitempty"`
	// SMS is the SMS verification of the current submission, nil
	// until ActionSMSSend; a new submission (verify, resubmit) or a new
	// change filing drops it, and a verification still waiting is dropped
	// when the filing leaves bureau review.
	SMS *sms.Verification `json:"sms,omitempty"`
	// History is the audit trail: every applied event, oldest first.
	History []Event `json:"history,omitempty"`
}

// Event is one action by one actor at one instant.
type Event struct {
	Action Action    `json:"action"`
	Actor  Actor     `json:"actor"`
	At     time.Time `json:"at"`
	// Reason is required for returns and kept in the history for
	// every event that carries one.
	Reason string `json:"reason,omitempty"`
	// Number is the record number issued with ActionApprove (see package
	// numbering). It may be empty; it must equal State.Number when the state
	// already has one.
	Number string `json:"number,omitempty"`
	// SMS is the verification ActionSMSSend starts (its Targets: roles,
	// mobiles and, when an sms.Verifier sent the codes, seals; the send
	// instant is At) and, optionally, the new seals of ActionSMSResend.
	SMS *sms.Verification `json:"sms,omitempty"`
	// Type is the filing type of the change ActionStartChange begins
	// (change.Plan.Type): a type filed on a record with a number, not
	// sms.NewFiling or sms.NewWebsite (CodeInvalidEvent). Empty: DESIGN,
	// sms.ChangeSubjectWebsite, the widest change, whose SMS goes to both
	// principals.
	Type sms.FilingType `json:"type,omitempty"`
	// Mobile is the mobile number entered with ActionSMSInput (personal
	// data: masked in fmt and slog) and Correct whether code, mobile and
	// certificate tail matched (SMSInput computes it).
	Mobile  filing.Phone `json:"mobile,omitempty"`
	Correct bool         `json:"correct,omitempty"`
}

// Serving reports whether the record is in force: it has a number and is
// neither cancelled nor deleted. A change filing in progress keeps the
// record serving and its access uninterrupted.
func (s State) Serving() bool {
	return s.Number != "" && s.Status != filing.StatusCancelled && s.Status != filing.StatusDeleted
}

// Terminal reports whether no action can follow (cancelled or deleted).
func (s State) Terminal() bool {
	return s.Status == filing.StatusCancelled || s.Status == filing.StatusDeleted
}

// Editor returns the actor kind that edits the filing (RoleEditor): the
// self-filing user for a self-filed first filing, the ISP otherwise
//
func (s State) Editor() ActorKind {
	if s.SelfFiled && s.Type == sms.NewFiling {
		return ActorSelfFiler
	}
	return ActorISP
}

// last returns the instant of the last event, or the zero time.
func (s State) last() time.Time {
	if len(s.History) == 0 {
		return time.Time{}
	}
	return s.History[len(s.History)-1].At
}

// isFilingISP reports whether an ISP actor is the filing's ISP.
func (s State) isFilingISP(a Actor) bool {
	return a.Kind == ActorISP && a.ISP != "" && a.ISP == s.ISP &&
		(s.ISPProvince == "" || a.Province == s.ISPProvince)
}

// plays reports whether actor a plays role r for state s.
func (s State) plays(a Actor, r Role) bool {
	switch r {
	case RoleEditor:
		if s.Editor() == ActorSelfFiler {
			return a.Kind == ActorSelfFiler
		}
		// An ISP creating a filing that names no ISP yet becomes its ISP.
		if s.Status == "" && s.ISP == "" {
			return a.Kind == ActorISP && a.ISP != ""
		}
		return s.isFilingISP(a)
	case RoleFilingISP:
		return s.isFilingISP(a)
	case RoleOtherISP:
		return a.Kind == ActorISP && a.ISP != "" && !s.isFilingISP(a)
	case RoleBureau:
		return a.Kind == ActorBureau && a.Province != "" && a.Province == s.Province
	case RoleApplicant:
		return a.Kind == ActorApplicant
	case RoleSystem:
		return a.Kind == ActorSystem
	}
	return false
}

// StatusZh is the status in Chinese as a user should read it: who put the
// filing where it is. A filing back with its ISP reads 管局退回接入商 only
// when the bureau returned it; after the SMS step's 24 hours it reads
// 短信核验超时，系统退回接入商, and after too many wrong codes
// 短信核验未通过，系统退回接入商, since the bureau did nothing. Every
// other status reads as filing.Status.Zh.
func (s State) StatusZh() string {
	if s.Status != filing.StatusReturnedToISP {
		return s.Status.Zh()
	}
	for i := len(s.History) - 1; i >= 0; i-- {
		e := s.History[i]
		switch {
		case e.Action == ActionReturnToISP:
			return s.Status.Zh()
		case e.Action == ActionSMSExpire:
			return "短信核验超时，系统退回接入商"
		case e.Reason == sms.CodeExpired.MessageZh():
			return "短信核验超时，系统退回接入商"
		case e.Reason == sms.CodeTooManyWrong.MessageZh():
			return "短信核验未通过，系统退回接入商"
		}
	}
	return s.Status.Zh()
}

// refusal classifies why actor a may not take row t: the ISP actor of a row
// that wants the filing's ISP is the wrong ISP, a bureau of another
// province is the wrong province, anyone else is the wrong actor.
func (s State) refusal(a Actor, t Transition) filing.Code {
	for _, r := range t.Roles {
		switch {
		case a.Kind == ActorISP && (r == RoleFilingISP || (r == RoleEditor && s.Editor() == ActorISP)):
			return CodeWrongISP
		case a.Kind == ActorBureau && r == RoleBureau:
			return CodeWrongProvince
		}
	}
	return CodeWrongActor
}

// Apply returns the state after event e, or the unchanged state and a
// *TransitionError saying why the move is illegal: wrong actor, wrong
// stage, wrong ISP, wrong province, time going backwards, missing reason,
// missing verification form, re-creating a returned filing. It is
// pure: s (including its History) is never modified; the returned state has
// its own copy of the history with e appended.
//
// SMS events are accepted right or wrong; the one that ends the step
// by returning the filing to the ISP is recorded with Reason set to the
// cause (too many wrong inputs, or the 24 hours), as is State.Reason.
func Apply(s State, e Event) (State, error) {
	t, step, err := lcCheck(s, e)
	if err != nil {
		return s, err
	}
	n := s
	if e.SMS != nil {
		c := e.SMS.Clone()
		e.SMS = &c
	}
	if step.cause != "" {
		e.Reason = step.cause.MessageZh()
	}
	n.History = make([]Event, len(s.History), len(s.History)+1)
	copy(n.History, s.History)
	n.History = append(n.History, e)
	n.Status = t.To
	if t.ToNumbered != "" && s.Number != "" {
		n.Status = t.ToNumbered
	}
	if t.NeedsReason {
		n.Reason = e.Reason
	}
	if step.sms != nil {
		n.SMS = step.sms
		if step.cause != "" {
			n.Status, n.Reason = filing.StatusReturnedToISP, e.Reason
		}
	}
	switch e.Action {
	case ActionCreate:
		if n.ISP == "" {
			n.ISP, n.ISPProvince = e.Actor.ISP, e.Actor.Province
		}
	case ActionVerify, ActionResubmit:
		n.ReviewFrom = e.At
		n.Reason = ""
		n.SMS = nil
	case ActionFormReceived:
		n.FormAt = e.At
	case ActionApprove:
		if e.Number != "" {
			n.Number = e.Number
		}
		n.Reason = ""
	case ActionStartChange:
		n.Type = e.Type
		if n.Type == "" {
			n.Type = sms.ChangeSubjectWebsite
		}
		n.Reason = ""
		n.SMS = nil
	case ActionAddAccess:
		n.ISP, n.ISPProvince = e.Actor.ISP, e.Actor.Province
	}
	// The review clock runs only under bureau review; a verification form
	// once received stays received across returns and resubmissions.
	if n.Status != filing.StatusBureauReview {
		n.ReviewFrom = time.Time{}
	}
	if n.Status == filing.StatusApproved || n.Terminal() {
		n.FormAt = time.Time{}
	}
	if n.Status != filing.StatusBureauReview && n.SMS != nil && n.SMS.Status == sms.StatusWaiting {
		n.SMS = nil
	}
	return n, nil
}

// check validates e against s and returns the table row it takes.
func lcCheck(s State, e Event) (Transition, smsStep, error) {
	fail := func(c filing.Code, rule string) (Transition, smsStep, error) {
		return Transition{}, smsStep{}, newTransitionError(c, rule, s, e)
	}
	if !e.Action.Valid() {
		return fail(CodeInvalidEvent, "")
	}
	rule := lcActionRule[e.Action]
	if !e.Actor.Kind.Valid() || e.At.IsZero() {
		return fail(CodeInvalidEvent, rule)
	}
	if s.Status != "" && !s.Status.Valid() {
		return fail(CodeInvalidState, rule)
	}
	if !s.Type.Valid() {
		return fail(CodeInvalidState, rule)
	}
	if e.Action == ActionStartChange && e.Type != "" && (!e.Type.Valid() || !onRecord(e.Type)) {
		return fail(CodeInvalidEvent, rule)
	}
	if _, ok := filing.ProvinceByCode(s.Province); !ok {
		return fail(CodeInvalidState, rule)
	}
	if e.At.Before(s.last()) {
		return fail(CodeTimeBackwards, rule)
	}
	t, ok := lcRow(s.Status, e.Action)
	if !ok {
		if e.Action == ActionCreate && (s.Status == filing.StatusReturnedToUser || s.Status == filing.StatusReturnedToISP) {
			return fail(CodeRecreate, "R-13")
		}
		return fail(CodeWrongStage, rule)
	}
	if !slices.ContainsFunc(t.Roles, func(r Role) bool { return s.plays(e.Actor, r) }) {
		return fail(s.refusal(e.Actor, t), t.Rule)
	}
	if t.NeedsReason && filing.NormalizeText(e.Reason) == "" {
		return fail(CodeReasonRequired, "R-12")
	}
	switch e.Action {
	case ActionCreate:
		if s.Editor() == ActorSelfFiler && s.ISP == "" {
			return fail(CodeNoISP, "R-10")
		}
		if onRecord(s.Type) && s.Number == "" {
			return fail(CodeInvalidState, "R-11")
		}
	case ActionApprove:
		if s.Type == sms.NewWebsite && s.FormAt.IsZero() {
			return fail(CodeFormMissing, "R-15")
		}
		if s.Number != "" && e.Number != "" && e.Number != s.Number {
			return fail(CodeNumberChanged, "R-41")
		}
	}
	step, c := smsMove(s, e)
	if c != "" {
		return fail(c, "R-83")
	}
	return t, step, nil
}

// Allowed returns the actions actor may take on s now, in table order, for
// user interfaces. An action is listed when Apply would accept it from this
// actor with a reason (where one is needed) at the instant of the last
// event; the verification form of an added website must have arrived for
// ActionApprove. It is AllowedAt at the last event's instant.
func Allowed(s State, actor Actor) []Action {
	return AllowedAt(s, actor, s.last())
}

// AllowedAt is Allowed at instant at (the instant of the last event when at
// is earlier or zero), for the moves that depend on the time: the SMS step
// expires 24 hours after it was sent. ActionSMSSend is listed when a
// verification with a recipient would be accepted, ActionSMSInput when an
// input would be (a wrong one counts).
func AllowedAt(s State, actor Actor, at time.Time) []Action {
	if at.Before(s.last()) || at.IsZero() {
		at = s.last()
	}
	var out []Action
	for _, t := range lcTransitions {
		if t.From != s.Status {
			continue
		}
		e := Event{Action: t.Action, Actor: actor, At: at, Reason: "x"}
		if e.At.IsZero() {
			e.At = time.Unix(0, 0)
		}
		if t.Action == ActionSMSSend {
			e.SMS = &sms.Verification{Targets: sms.Targets{{Mobile: "13800000000"}}}
		}
		if _, _, err := lcCheck(s, e); err == nil {
			out = append(out, t.Action)
		}
	}
	return out
}
