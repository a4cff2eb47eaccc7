// Package lifecycle moves one ICP filing through its stages (备案流程): who
// may create, submit, verify, approve, return, change or cancel it at each
// status (R-10..R-17, R-53, R-54), the time limits that run while the bureau
// reviews it (R-20..R-23), and the 30-day notice of a change of filed data
// . Apply moves a State by an Event and returns the new State; Allowed
// lists what an actor may do; State.Countdown and State.Due say which limit
// runs and when it is due; ChangeFileBy and CheckChangeNotice answer R-18.
//
// The statuses themselves (filing.Status) belong to package filing, whose
// model and validation tags use them.
//
// # The transition table
//
// Every legal move is one row of Transitions: from a status, an action, the
// roles that may take it (the editor, the filing's ISP, the subject's
// bureau), the status it leads to and the rule that allows it. Apply finds
// the row, checks the actor's role, the order of instants, the reason of a
// return and the verification form of an added website, and
// appends the event to State.History, the audit trail. Apply is a pure
// function: it never changes the State it is given.
//
// # Errors
//
// A refused move is a *TransitionError carrying one of the Code values of
// this package (lifecycle.wrong_actor, lifecycle.reason_required, ...), its
// rule ID and messages in Chinese for end users and in English for
// developers; errors.Is(err, lifecycle.CodeWrongActor) matches it. A late
// change notice is a *filing.Problem with CodeChangeNoticeLate.
//
// # Deadlines
//
// Limits are counted in working days by package calendar, in China Standard
// Time: 20 working days of bureau review, 15 in Jiangxi from the
// arrival of the verification form (R-21, 江西省通信管理局 用户典型问题指南),
// 7 working days for the verification form of an added website.
// The review limit per province is a row of package filing's province table
// (filing.RuleReviewLimit: its working days and whether it counts from the
// form); ReviewOf reads it, and State.DueWith and State.CountdownWith take a
// caller's table where Due and Countdown use the default one.
// The public-security filing is due 30 calendar days after the connection
// day (PublicSecurityDue, PublicSecurityCountdown, R-87).
//
// # Filing types
//
// State.Type is the filing's sms.FilingType, the SDK's one filing-type
// enum: a first filing (sms.NewFiling) is the only one a user files and
// edits by themselves, an added website (sms.NewWebsite) needs its
// verification form, and every other type is filed on a record
// with a number that only the ISP edits. ActionStartChange
// takes the change's type from Event.Type.
//
// # SMS verification
//
// The MIIT SMS check of a submission is package sms; in the
// lifecycle it is a step of the submission under bureau review:
// ActionSMSSend puts an sms.Verification in State.SMS (its targets
// normalised and merged by mobile as sms.New does them), ActionSMSInput,
// ActionSMSResend and ActionSMSExpire move it, and while it waits the
// bureau cannot approve or return the filing (lifecycle.sms_pending). The
// sixth attempt after five wrong inputs and the end of the 24 hours return
// the filing to the ISP with the cause as reason; a verified SMS lets the
// review go on; the review limit keeps counting from the submission.
// State.SMSRequired makes the step mandatory for the filing's type; without
// it the step begins only when ActionSMSSend is applied. State.SMSCountdown
// shows the 24 hours; SMSInput builds the input event from the code with an
// sms.Verifier.
//
// # Concurrency
//
// Every function is pure and safe for concurrent use; a State is a value.
package lifecycle
