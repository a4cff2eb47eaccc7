// Package forms implements the paper applications users send to their
// communications bureau when the online filing system cannot help:
// username/password retrieval (找回用户名、密码申请表), cancellation
// of a subject, website or access (注销备案信息申请表), deletion of
// submission-stage data (删除备案信息申请表), and the cancellation of another
// party's filing by the domain's holder.
//
// A portal fills an Application (or decodes one from JSON with Decode),
// calls Check for every problem at once (a *filing.ValidationError of
// *filing.Problem values with field paths, Chinese labels, stable codes and
// rule IDs), shows Checklist (what to send, which seal, which copies, and
// the channel, R-52..R-54), and prints the form with RenderHTML (A4) or
// RenderText. A bureau records receipt, processing and notification attempts
// with Receive, Process and Notify, pure transitions that compute the R-22
// due date from package calendar and abandon an application after three
// failed notifications. Fingerprint matches online retrieval requests
// in constant time.
//
// # Rules
//
//   - the occasions of a cancellation (Occasion) and the form each
//     starts (Occasion.Form).
//   - a cancellation states its target (subject, website or
//     access) and a detailed reason (ReasonDetailed).
//   - the applicant is an individual or an organisation by the sponsor
//     name first, then the nature (filing.JudgeKind); for a domain-holder
//     cancellation, by the holder's name and nature.
//   - the materials (Checklist); a copy that repeats is
//     listed once.
//   - not approved → only by application to the bureau; approved → the
//     ISP online, or the bureau.
//   - A4, complete, legible: every field required, caps per field.
//   - the bureau's section.
//   - constant-time retrieval matching.
//
// # Decisions
//
// Where the guidance documents are silent or disagree, the package decides:
//
//   - Reason: detailed means ≥ 10 Han characters or ≥ 20 letters/digits,
//     ≥ 5 distinct characters, and something left once boilerplate phrases
//     ("注销", "无", "不要了", "个人原因", ...) are removed (ReasonDetailed).
//   - Abandonment: the third failed notification abandons the application
//     (MaxFailedNotifications). The Henan bureau's guidance says "超过三次"
//     (more than three times); its form's tick box says "三次".
//   - Notification comes after processing; 通知日期 is the day of the
//     delivering attempt, or of the third failed one.
//   - Remarks: a done decision's 备注 say what the bureau found, not that
//     the work is done ("已办理", "已注销", ...: DoneClaims), until the
//     answer is delivered; abandoned, the work never was
//     (form.bureau.remarks_claim_done).
//   - Record number: required when the filing is approved; an unapproved
//     filing has none (giving one is form.record_number_unexpected);
//     deletion is for unapproved data only (form.deletion_approved).
//   - Domain certificate: required for retrieval, cancellation and the
//     domain-holder cancellation (河南省通信管理局 备案业务表格 须知2, 江西省通信管理局 用户典型问题指南); only
//     recommended for deletion, which 江西省通信管理局 用户典型问题指南 (二)4 and R-54 list without
//     it (河南省通信管理局 备案业务表格 附件3 asks for it). It must be issued under CNNIC or
//     ICANN, be for the form's registrable domain and be unexpired on the
//     application date (the expiry day itself counts as valid). Its details
//     in Application.DomainCertificate stand for the enclosed copy.
//   - Applicant ID copy: for retrieval and cancellation the signer's ID copy
//     is asked in addition to the subject's documents (网站备案日常问题解答 "另附申请表
//     上申请人身份证"); when the signer is the individual subject, the
//     responsible person or the domain holder, one copy serves both.
//   - Landline: the box is required, as the form says every field is; a
//     valid mobile number there is accepted for applicants without a
//     landline.
//   - Markup: "<" followed by a letter, "/", "!" or "?" in any field is
//     form.markup; the renderers escape everything anyway (html/template,
//     plus control characters removed), so even an unchecked form renders
//     safely.
//   - Dates: civil dates in China (Date, a calendar.Day); not after today, not
//     before 2005 (SystemStart); the bureau's dates never go backwards.
//   - The deletion form's reason box is labelled "备案删除原因": 河南省通信管理局 备案业务表格
//     附件3 repeats 附件2's "备案注销原因", a copy slip.
//   - The domain-holder form may cancel a website or its access, never the
//     other party's subject (form.holder_target).
//
// # Personal data
//
// Phones, e-mail, certificate numbers use filing.Phone, filing.Email and
// filing.IDNumber, and the new password is a Secret: all print masked
// through fmt and slog. JSON and the rendered form carry the full values: it
// is the applicant's own application, printed for the bureau.
package forms
