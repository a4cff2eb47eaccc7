package main

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/record"
	"github.com/beiankit/beian/filing/sms"
)

// appPage is the data of app_form.html.
type appPage struct {
	Page *formPage // messages by field, general messages, conflicts, options
	Form appForm
	Rows []appRowView
	// Warnings are the SDK's warnings (unusual AppIDs); they never block.
	Warnings     []string
	Kinds, Hosts []option
	Done         string // the success message
}

// summaryLink is one entry of the summary of problems above a form: the
// field's block and the message.
type summaryLink struct {
	Target string // the id of the field's block
	Text   string
}

type appRowView struct {
	Index    int
	Platform string // Chinese name
	Other    bool
	Row      appRow
	// Open shows the row's fields: a row with data (or, on a fresh form,
	// the first row) is open, the others are one line each until clicked,
	// so the form is not four platforms of empty fields tall. A row with
	// errors is always open (rejectApp opens it).
	Open bool
}

func newAppPage(af appForm) *appPage {
	p := &appPage{Page: newFormPage(filingForm{
		Province: af.Province, Nature: af.Nature, CertType: af.CertType, PrincipalCertType: af.PrincipalCertType,
	}), Form: af}
	for _, k := range []filing.AppKind{filing.AppKindApp, filing.AppKindMiniProgram, filing.AppKindQuickApp} {
		p.Kinds = append(p.Kinds, option{string(k), k.Zh(), string(k) == af.Kind})
	}
	for _, h := range []filing.HostPlatform{filing.HostWeChat, filing.HostAlipay, filing.HostDouyin, filing.HostBaidu, filing.HostQQ,
		filing.HostKuaishou, filing.HostHuaweiQuick, filing.HostQuickAlly, filing.HostOther} {
		p.Hosts = append(p.Hosts, option{string(h), h.Zh(), string(h) == af.Host})
	}
	filled := false
	for i, r := range af.Rows {
		p.Rows = append(p.Rows, appRowView{Index: i, Platform: r.Platform.Zh(), Other: r.Platform == filing.PlatformOther, Row: r, Open: !r.blank()})
		filled = filled || !r.blank()
	}
	if !filled && len(p.Rows) > 0 {
		p.Rows[0].Open = true
	}
	return p
}

// algorithmOptions lists the fingerprint algorithms of a row.
func (p *appPage) algorithms(selected string) []option {
	var out []option
	for _, h := range []filing.HashAlgorithm{filing.HashMD5, filing.HashSHA1, filing.HashSHA256} {
		out = append(out, option{string(h), h.String(), string(h) == selected})
	}
	return out
}

// rowSelect is the algorithm <select> of a platform row.
func rowSelect(p *appPage, i int, label string) fieldView {
	name := rowField(i, "algorithm")
	return fieldView{Name: name, Label: label, Options: p.algorithms(p.Form.Rows[i].Algorithm), Errors: p.Page.Errors[name]}
}

// rowText is a text field of a platform row.
func rowText(p *appPage, i int, field, label, value string) fieldView {
	name := rowField(i, field)
	return fieldView{Name: name, Label: label, Value: value, Errors: p.Page.Errors[name]}
}

// appText is a text field of the app form.
func appText(p *appPage, name, label, value string) fieldView {
	return fieldView{Name: name, Label: label, Value: value, Errors: p.Page.Errors[name]}
}

// appSelect is a <select> of the app form.
func appSelect(p *appPage, name, label string, options []option) fieldView {
	return fieldView{Name: name, Label: label, Options: options, Errors: p.Page.Errors[name]}
}

// addAppMessage shows msg next to the field of path (appFieldOf), or above
// the form.
func (p *appPage) addAppMessage(path, label, msg string, rows []int) {
	if field := appFieldOf(path, rows); field != "" {
		if i, ok := rowOf(field); ok {
			label = appPlatformRows[i].Zh() // which row
		}
		p.Page.addFieldMessage(field, label, msg)
		return
	}
	p.Page.addMessage(path, label, msg)
}

// handleAppForm serves the app filing form, prefilled with a sample.
func (s *server) handleAppForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "app_form.html", newAppPage(sampleAppForm()))
}

// handleAppCreate takes an app filing of a subject on file: normalise,
// validate (422, messages at their fields), check conflicts (409), then add
// the app to the subject's record as under review and answer 201.
func (s *server) handleAppCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r, s.maxBody) {
		return
	}
	form := parseAppForm(r.PostForm)
	raw, rows := form.filing()
	f := filing.NormalizeFiling(raw)
	page := newAppPage(form)
	for _, wn := range filing.Warnings(f) {
		page.Warnings = append(page.Warnings, wn.Label+"："+wn.Zh)
	}
	if err := s.validator.Validate(f); err != nil {
		ve, ok := errors.AsType[*filing.ValidationError](err)
		if !ok {
			s.internalError(w, "validate app", err)
			return
		}
		s.rejectApp(w, page, ve, rows)
		return
	}
	st, err := s.appLifecycle(f)
	if err != nil {
		s.internalError(w, "app lifecycle", err)
		return
	}
	conflicts, err := s.recordApp(r.Context(), f, st)
	if err != nil {
		if ve, ok := errors.AsType[*filing.ValidationError](err); ok {
			s.rejectApp(w, page, ve, rows)
			return
		}
		s.internalError(w, "record app", err)
		return
	}
	if len(conflicts) > 0 {
		kinds := make([]string, len(conflicts))
		for i, c := range conflicts {
			kinds[i] = string(c.Kind)
		}
		s.log.Info("app filing refused: conflict", "conflicts", kinds)
		page.Page.addConflicts(disclose(f, conflicts)) // disclosure.go
		for _, c := range conflicts {
			page.addAppMessage(c.Path, "", "与已有备案冲突，处理办法见页面上方", rows)
		}
		s.render(w, http.StatusConflict, "app_form.html", page)
		return
	}
	a := f.Apps[0]
	s.log.Info("app filing accepted", "kind", a.Kind, "platforms", len(a.Platforms), "principal_mobile", a.Principal.Mobile, "status", st.Status)
	page.Done = a.Kind.Zh() + "“" + a.Name + "”已提交，" + statusLabel(st.Status) + "。审核通过后，备案号（" + a.Kind.Letter() +
		"结尾）须在" + a.Kind.Zh() + "的“设置”或“关于”页显著位置展示，并链接至工信部备案系统。"
	s.render(w, http.StatusCreated, "app_form.html", page)
}

func (s *server) rejectApp(w http.ResponseWriter, page *appPage, ve *filing.ValidationError, rows []int) {
	codes := make([]string, len(ve.Problems))
	for i, p := range ve.Problems {
		codes[i] = p.Path + " " + string(p.Code) // paths and codes only, never values
		page.addAppMessage(p.Path, p.Label, p.Zh, rows)
	}
	page.Page.Invalid = true
	for i := range page.Rows {
		for field := range page.Page.Errors {
			if j, ok := rowOf(field); ok && j == page.Rows[i].Index {
				page.Rows[i].Open = true
			}
		}
	}
	slices.SortStableFunc(page.Page.Summary, func(a, b summaryLink) int {
		return cmp.Compare(appFieldRank(strings.TrimPrefix(a.Target, "field-")), appFieldRank(strings.TrimPrefix(b.Target, "field-")))
	})
	s.log.Info("app filing refused: invalid", "problems", codes)
	s.render(w, http.StatusUnprocessableEntity, "app_form.html", page)
}

// appLifecycle: added internet information goes through the ISP (新增互联网信息,
// sms.NewWebsite: ), which creates, submits and verifies it.
func (s *server) appLifecycle(f *filing.Filing) (lifecycle.State, error) {
	now := s.now()
	isp := lifecycle.Actor{Kind: lifecycle.ActorISP, ISP: s.isp}
	st := lifecycle.State{Type: sms.NewWebsite, ISP: s.isp, Province: f.Subject.Province}
	for _, a := range []lifecycle.Action{lifecycle.ActionCreate, lifecycle.ActionSubmit, lifecycle.ActionVerify} {
		var err error
		if st, err = lifecycle.Apply(st, lifecycle.Event{Action: a, Actor: isp, At: now}); err != nil {
			return lifecycle.State{}, err
		}
	}
	return st, nil
}

// recordApp checks the app filing and, when nothing conflicts, claims its
// keys and adds the app to its subject's record as under review, through
// the replica like a website filing (server.record): the store decides
// races, so two instances on one database cannot both accept one package
// name for two subjects, and filing it again is refused here or on
// another instance. The subject's record is the store's
// (Replica.ClaimChange), with every field the index does not keep, and is
// read again when another instance changes it before the write.
//
// The principals' contacts are checked as for a website filing:
// first in this instance's register, then by the store, which holds the
// subject's contact keys with the app principal's added (StampAdd keeps
// those of the subject's websites). The register does not learn the app
// principal's contacts: Contacts.Put replaces a subject's contacts with
// the filing's, and an app filing does not carry the subject's websites;
// the store refuses them to another subject on every instance.
func (s *server) recordApp(ctx context.Context, f *filing.Filing, st lifecycle.State) ([]conflict.Conflict, error) {
	if cs := s.checks.contactConflicts(f); len(cs) > 0 {
		return cs, nil
	}
	app := record.Of(f, st.Status, time.Time{}).Apps // the app as the record set keeps it while it is reviewed
	conflicts, err := s.replica.ClaimChange(ctx, f, func(rec *conflict.Record) error {
		rec.Apps = append(rec.Apps, app...)
		s.checks.stampContactsAdd(rec, f)
		return nil
	})
	if cs := s.checks.takenContacts(f, err); len(cs) > 0 {
		return cs, nil
	}
	return conflicts, err
}
