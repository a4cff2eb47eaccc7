package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/filing/lifecycle"
)

// statusLabel and actionLabel are the SDK's Chinese labels (Status.Zh,
// Action.Zh); actorLabel names who acted.
func statusLabel(s filing.Status) string { return s.Zh() }

func actionLabel(a lifecycle.Action) string { return a.Zh() }

func actorLabel(a lifecycle.Actor) string {
	switch a.Kind {
	case lifecycle.ActorISP:
		return "接入商（" + a.ISP + "）"
	case lifecycle.ActorBureau:
		if p, ok := filing.ProvinceByCode(a.Province); ok {
			return p.Bureau
		}
	}
	return a.Kind.Zh()
}

// cstTime formats an instant in China Standard Time, the time the filing
// system shows.
func cstTime(t time.Time) string { return t.In(calendar.Location()).Format("2006-01-02 15:04") }
func cstDate(t time.Time) string { return t.In(calendar.Location()).Format(time.DateOnly) }

// option is one <option> of a <select>.
type option struct {
	Value, Label string
	Selected     bool
}

// formPage is the data of form.html.
type formPage struct {
	Form filingForm
	// Errors are the Chinese messages next to each field, by field name.
	Errors map[string][]string
	// General are problems that belong to no single field.
	General []string
	// Summary links each message shown at a field to the field, in the
	// order the problems came (the app form sorts it into the page's
	// order): the box above the form says how many problems there are and
	// where, for both forms (template "problems").
	Summary []summaryLink
	// Invalid is true when validation failed (422), as opposed to a
	// conflict with the record set (409).
	Invalid   bool
	Conflicts []conflictView

	Provinces, Natures, CertTypes, PersonCertTypes []option
}

func newFormPage(ff filingForm) *formPage {
	p := &formPage{Form: ff, Errors: map[string][]string{}}
	for _, pr := range filing.Provinces() {
		p.Provinces = append(p.Provinces, option{pr.Code, pr.Name, pr.Code == ff.Province})
	}
	for _, n := range filing.Natures() {
		p.Natures = append(p.Natures, option{string(n.Code), n.Zh, string(n.Code) == ff.Nature})
	}
	for _, c := range certno.CertTypes() {
		p.CertTypes = append(p.CertTypes, option{string(c.Code), c.Zh, string(c.Code) == ff.CertType})
		if c.Personal() {
			p.PersonCertTypes = append(p.PersonCertTypes, option{string(c.Code), c.Zh, string(c.Code) == ff.PrincipalCertType})
		}
	}
	return p
}

// addMessage shows msg next to the field of path, or above the form when
// the path is no field of the form. A message is shown once per place: the
// form's one set of responsible-person fields fills both the subject's and
// the website's principal, so the same problem often comes twice.
func (p *formPage) addMessage(path, label, msg string) {
	if field, ok := fieldOfPath[path]; ok {
		p.addFieldMessage(field, label, msg)
		return
	}
	if label != "" {
		msg = label + "：" + msg
	}
	if !slices.Contains(p.General, msg) {
		p.General = append(p.General, msg)
	}
}

// addFieldMessage shows msg at field once, and links it from the summary,
// labelled (a message is worded for its place next to the field).
func (p *formPage) addFieldMessage(field, label, msg string) {
	if slices.Contains(p.Errors[field], msg) {
		return
	}
	p.Errors[field] = append(p.Errors[field], msg)
	text := msg
	if label != "" {
		text = label + "：" + msg
	}
	p.Summary = append(p.Summary, summaryLink{Target: "field-" + field, Text: text})
}

// ProblemCount is the number of problems the summary box lists.
func (p *formPage) ProblemCount() int { return len(p.Summary) + len(p.General) }

func (p *formPage) addProblems(problems []*filing.Problem) {
	p.Invalid = true
	for _, pr := range problems {
		p.addMessage(pr.Path, pr.Label, pr.Zh)
	}
}

// fieldView is one form field with its messages, for the "input" and
// "select" templates.
type fieldView struct {
	Name, Label, Value string
	Options            []option
	Errors             []string
}

func checkboxField(p *formPage, name, label string, checked bool) fieldView {
	fv := fieldView{Name: name, Label: label, Errors: p.Errors[name]}
	if checked {
		fv.Value = "1"
	}
	return fv
}

func textField(p *formPage, name, label, value string) fieldView {
	return fieldView{Name: name, Label: label, Value: value, Errors: p.Errors[name]}
}

func selectField(p *formPage, name, label string, options []option) fieldView {
	return fieldView{Name: name, Label: label, Options: options, Errors: p.Errors[name]}
}

// conflictView is one conflict as the form page shows it.
type conflictView struct {
	Zh        string
	Rule      string
	Blocking  string // the blocking record: number (if any), province, status
	Bureau    string
	Form      string
	Materials []string
	Steps     []string
}

func (p *formPage) addConflicts(cs []shownConflict) {
	for _, sc := range cs {
		c, g := &sc.c, &sc.g
		v := conflictView{Zh: g.Zh, Rule: c.Rule(), Bureau: g.Bureau, Form: g.Form}
		b := c.Blocking
		v.Blocking = b.ProvinceName() + "，" + statusLabel(b.Status)
		if b == (conflict.Blocking{}) {
			v.Blocking = "为保护个人信息，不予显示" // disclose (disclosure.go)
		}
		n := cmp.Or(b.AppNumber, b.WebsiteNumber, b.SubjectNumber)
		if b.AppNumber == "" && b.SubjectNumber != "" && strings.HasPrefix(c.Path, "apps[") {
			// An app under review has no number yet: the status is the
			// app's, not its subject's.
			n = "主体" + b.SubjectNumber + "下的应用"
		}
		if n != "" {
			v.Blocking = n + "（" + v.Blocking + "）"
		}
		for _, m := range g.Materials {
			v.Materials = append(v.Materials, m.Zh)
		}
		for _, s := range g.Steps {
			v.Steps = append(v.Steps, s.Zh)
		}
		p.Conflicts = append(p.Conflicts, v)
		// Point at the field too, so the user sees which input collides.
		if _, ok := fieldOfPath[c.Path]; ok {
			p.addMessage(c.Path, "", "与已有备案冲突，处理办法见页面上方")
		}
	}
}

// statusPage is the data of status.html.
type statusPage struct {
	ID        string
	Status    string // Chinese label
	Number    string
	Reason    string
	Sponsor   string
	Province  string
	Bureau    string
	Nature    string
	CertType  string
	Cert      filing.IDNumber // prints masked
	Principal string
	Mobile    filing.Phone // prints masked
	Email     filing.Email // prints masked
	Website   string
	Domain    string
	HomeURL   string
	History   []historyRow
	Deadline  *deadlineView
	SMS       *smsView // R-83, sms_view.go
	Now       string
	// Footer is the footer snippet offered once approved (R-98,
	// footer_view.go).
	Footer *footerView
}

type historyRow struct{ At, Action, Actor, Reason string }

func newStatusPage(e *entry, cal *calendar.Calendar, now time.Time) *statusPage {
	f, st := e.Filing, e.State
	w := f.Websites[0]
	p := &statusPage{
		ID:        e.ID,
		Status:    st.StatusZh(),
		Number:    st.Number,
		Reason:    st.Reason,
		Sponsor:   f.Subject.Name,
		Cert:      f.Subject.CertNumber,
		Principal: f.Subject.Principal.Name,
		Mobile:    f.Subject.Principal.Mobile,
		Email:     f.Subject.Principal.Email,
		Website:   w.Name,
		HomeURL:   w.HomeURL,
		Now:       cstTime(now),
	}
	if pr, ok := filing.ProvinceByCode(f.Subject.Province); ok {
		p.Province, p.Bureau = pr.Name, pr.Bureau
	}
	if n, ok := f.Subject.Nature.Info(); ok {
		p.Nature = n.Zh
	}
	if c, ok := f.Subject.CertType.Info(); ok {
		p.CertType = c.Zh
	}
	if len(w.Domains) > 0 {
		p.Domain = domain.DomainUnicode(w.Domains[0])
	}
	for _, ev := range st.History {
		reason := ev.Reason
		if ev.Action == lifecycle.ActionSMSInput && reason == "" {
			// The input's mobile prints masked; the code is never kept.
			reason = fmt.Sprintf("%s：输入有误", ev.Mobile)
			if ev.Correct {
				reason = fmt.Sprintf("%s：核验通过", ev.Mobile)
			}
		}
		p.History = append(p.History, historyRow{cstTime(ev.At), actionLabel(ev.Action), actorLabel(ev.Actor), reason})
	}
	p.Deadline = newDeadlineView(st, cal, now)
	p.SMS = newSMSView(st, now)
	p.Footer = newFooterView(f, st)
	return p
}

// setNotice shows the answer to an SMS input or resend in the SMS step.
func (p *statusPage) setNotice(msg string, late bool) {
	if p.SMS != nil {
		p.SMS.Notice, p.SMS.NoticeLate = msg, late
	}
}

// deadlineView is the time limit running on a filing (R-20; R-21 in
// Jiangxi; R-23 for added websites) as of now.
type deadlineView struct {
	Name     string // e.g. 备案审核期限
	Rule     string // e.g. R-20
	Workdays int    // length of the limit
	From     string // date the limit counts from (the day after it is day 1)
	Due      string // last day allowed; empty when it cannot be computed

	Remaining int
	DueToday  bool
	Overdue   bool
	OverdueBy int
	// Fallback: the count used a Monday–Friday guess for an unpublished
	// year (never with calendar.Default, which refuses to guess).
	Fallback bool
	// DueNote and CountNote are calendar.ProvisionalNoteZh when the due
	// date, resp. the working days counted up to today, used a year whose
	// holiday notice is not published yet (R-24: counted from the statutory
	// holidays), else empty.
	DueNote, CountNote string
	// Note explains why the countdown cannot be shown, e.g. the holiday
	// schedule of the due year is not published yet.
	Note string
}

// newDeadlineView computes the countdown of st as of now, or nil when no
// limit runs (e.g. the filing is not under bureau review).
//
// The due date of a filing verified late in the year falls in a year whose
// holiday schedule the State Council has not published yet. The SDK then
// returns an error wrapping calendar.ErrNotPublished instead of guessing,
// and the page says so in Chinese.
func newDeadlineView(st lifecycle.State, cal *calendar.Calendar, now time.Time) *deadlineView {
	cd, ok, err := st.Countdown(cal, now)
	if !ok {
		return nil
	}
	// Even when the count fails, the countdown names the limit and its start.
	v := &deadlineView{Name: cd.Kind.NameZh(), Rule: cd.Rule, Workdays: cd.Kind.Workdays(), From: cstDate(cd.From)}
	if !cd.Due.IsZero() {
		v.Due = cstDate(cd.Due)
	}
	if err != nil {
		// When the due date is known but today is in an unpublished year,
		// the countdown still says whether the limit has passed.
		v.Overdue = cd.Overdue
		v.Note = unknownDeadlineNote(err, v)
		return v
	}
	v.Remaining, v.DueToday, v.Overdue, v.OverdueBy, v.Fallback = cd.Remaining, cd.DueToday, cd.Overdue, cd.OverdueBy, cd.Fallback
	v.CountNote = cd.NoteZh()
	if cal == nil {
		cal = calendar.Default() // as st.Countdown
	}
	if cal.ProvisionalBetween(cd.From, cd.Due) {
		v.DueNote = calendar.ProvisionalNoteZh
	}
	return v
}

func unknownDeadlineNote(err error, v *deadlineView) string {
	if np, ok := errors.AsType[*calendar.NotPublishedError](err); ok {
		return fmt.Sprintf("%d年节假日安排尚未公布，暂时无法计算准确的截止日期。管局应在%s之后的%d个工作日内完成审核；节假日安排公布后，本页将显示准确的截止日期。",
			np.Year, v.From, v.Workdays)
	}
	return "暂时无法计算审核截止日期，请稍后再试。"
}
