package forms

import (
	"embed"
	htmltemplate "html/template"
	"io"
	"strings"
	texttemplate "text/template"
	"unicode"
	"unicode/utf8"
)

// Rendering. Both renderers print the paper form in Chinese: the title, the
// applicant line, section Ⅰ (the filing's data), Ⅱ (the seal box, with what
// goes in it for the applicant's kind), Ⅲ (the bureau's section, blank until
// the bureau fills it), the materials checklist and the instructions (填表须知).
//
// The rendered form shows full personal data (mobile, landline, e-mail,
// certificate number, password): it is the applicant's own application,
// printed for the bureau. Only fmt/slog output is masked.
//
// Every value is escaped by html/template (contextual auto-escaping); in
// addition, control characters are removed from every value before it
// reaches either template, and overlong values are cut at their field cap,
// so a form that failed Check still renders safely.

//go:embed templates/form.html templates/form.txt
var templateFS embed.FS

var (
	htmlTmpl = htmltemplate.Must(htmltemplate.New("form.html").ParseFS(templateFS, "templates/form.html"))
	textTmpl = texttemplate.Must(texttemplate.New("form.txt").Funcs(texttemplate.FuncMap{
		"indent": indent,
		"inc":    func(i int) int { return i + 1 },
	}).ParseFS(templateFS, "templates/form.txt"))
)

// indent prefixes every line of s with four spaces (an empty value prints as
// one blank indented line, the box left to fill in by hand).
func indent(s string) string {
	if s == "" {
		return ""
	}
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// RenderHTML writes the form as one printable A4 HTML page (print CSS:
// @page A4, fixed table layout, black on white).
func (a *Application) RenderHTML(w io.Writer) error { return htmlTmpl.Execute(w, a.view()) }

// RenderText writes the form as plain text (UTF-8, LF line ends).
func (a *Application) RenderText(w io.Writer) error { return textTmpl.Execute(w, a.view()) }

type row struct {
	Label, Note, Value string
	Tall               bool
}

type bureauView struct {
	Credentials                    bool
	Username, Password             string
	Received, Due                  string
	Processed, Notified, Result    string
	Delivered, NotDelivered, Three bool
	Attempts                       []string
	Remarks                        string
	State                          string
}

type view struct {
	Title         string
	Kind          string
	ApplicantKind string
	Target        string
	Name, Mobile  string
	Date          string
	Rows          []row
	SealNote      string
	Bureau        bureauView
	Materials     []materialLine
	Instructions  []string
}

// clean prepares a value for printing: valid UTF-8, no control or bidi
// characters (line breaks kept when multiline), cut at max runes.
func clean(s string, max int, multiline bool) string {
	if len(s) > 4*max+64 {
		s = s[:4*max+64]
	}
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n >= max {
			b.WriteString("…")
			break
		}
		switch {
		case r == '\n' && multiline:
		case r == '\r':
			continue
		case r == '\t':
			r = ' '
		case unicode.IsControl(r), r == utf8.RuneError, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			continue
		}
		b.WriteRune(r)
		n++
	}
	if multiline {
		var out []string
		for l := range strings.SplitSeq(b.String(), "\n") {
			if l = foldSpaces(l); l != "" {
				out = append(out, l)
			}
		}
		return strings.Join(out, "\n")
	}
	return foldSpaces(b.String())
}

// foldSpaces trims s and folds inner runs of white space to one space. The
// text is otherwise printed as typed: no NFKC, so that Chinese punctuation
// (“，”, “（”) stays full-width on the printed form.
func foldSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }

func line(s string, max int) string { return clean(s, max, false) }

func (a *Application) view() view {
	ck := a.Checklist()
	v := view{
		Title:         a.Kind.Title(),
		Kind:          string(a.Kind),
		ApplicantKind: ck.ApplicantKind.Zh(),
		Name:          line(a.ApplicantName, MaxNameLen),
		Mobile:        line(a.ApplicantMobile.Raw(), MaxNumberLen),
		Date:          a.Date.Chinese(),
		Materials:     materialLines(ck.Items),
	}
	if v.Title == "" {
		v.Title = "备案信息申请表"
	}
	if a.Kind == KindCancellation || a.Kind == KindDomainHolderCancellation {
		t := a.Target
		if t == "" && a.Kind == KindDomainHolderCancellation {
			t = TargetWebsite
		}
		v.Target = t.Zh()
		if v.Target == "" {
			v.Target = line(string(t), 20)
		}
	}
	v.Rows = []row{
		{Label: "备案号", Value: line(a.RecordNumber, MaxNumberLen)},
		{Label: "域名", Value: line(a.Domain, MaxDomainLen)},
		{Label: "主办单位名称", Value: line(a.SponsorName, MaxNameLen)},
		{Label: "联系人姓名", Value: line(a.ContactName, MaxNameLen)},
		{Label: "联系人固定电话", Value: line(a.ContactLandline.Raw(), MaxNumberLen)},
		{Label: "联系人邮箱", Value: line(a.ContactEmail.Raw(), MaxEmailLen)},
	}
	if a.Kind == KindCancellation || a.Kind == KindDomainHolderCancellation {
		v.Rows = append(v.Rows, row{Label: "注销对象", Note: "（主体／网站／接入）", Value: v.Target})
	}
	if dc := a.DomainCertificate; dc != nil && a.Kind == KindDomainHolderCancellation {
		v.Rows = append(v.Rows,
			row{Label: "域名持有者", Value: line(dc.Holder, MaxNameLen)},
			row{Label: "域名证书", Value: certLine(dc)},
		)
	}
	reason := row{Label: a.Kind.ReasonLabel(), Value: clean(a.Reason, MaxReasonLen, true), Tall: true}
	if a.Kind != KindRetrieval {
		reason.Note = "（必须填写详细原因）"
	}
	v.Rows = append(v.Rows, reason)

	switch {
	case a.Kind == KindDomainHolderCancellation && ck.ApplicantKind == ApplicantIndividual:
		v.SealNote = "个人域名持有者：请将本人身份证复印件粘贴于此处"
	case a.Kind == KindDomainHolderCancellation:
		v.SealNote = "域名持有单位：请在此处加盖单位公章"
	case ck.ApplicantKind == ApplicantIndividual:
		v.SealNote = "个人用户：请将备案时填写的证件复印件粘贴于此处"
	default:
		v.SealNote = "单位用户：请在此处加盖单位公章"
	}
	v.Bureau = a.bureauView()
	v.Instructions = instructions(ck)
	return v
}

type materialLine struct {
	Zh       string
	Required bool
}

// materialLines names each item, with the items a repeated copy stands for
//
func materialLines(items []Material) []materialLine {
	out := make([]materialLine, len(items))
	for i, m := range items {
		out[i] = materialLine{Zh: m.Zh, Required: m.Required}
		if len(m.Covers) > 0 {
			var names []string
			for _, c := range m.Covers {
				names = append(names, materialInfos[c].zh)
			}
			out[i].Zh += "；同时作为" + strings.Join(names, "、") + "，重复的复印件提供一份即可"
		}
	}
	return out
}

func certLine(dc *DomainCertificate) string {
	var parts []string
	if d := line(dc.Domain, MaxDomainLen); d != "" {
		parts = append(parts, d)
	}
	switch dc.Authority {
	case AuthorityCNNIC:
		parts = append(parts, "CNNIC")
	case AuthorityICANN:
		parts = append(parts, "ICANN")
	}
	if r := line(dc.Registrar, MaxNameLen); r != "" {
		parts = append(parts, r)
	}
	if !dc.Expires.IsZero() {
		parts = append(parts, "有效期至"+dc.Expires.Chinese())
	}
	return strings.Join(parts, "，")
}

func (a *Application) bureauView() bureauView {
	b := bureauView{Credentials: a.Kind == KindRetrieval}
	p := a.Bureau
	if p == nil {
		return b
	}
	b.State = p.State.Zh()
	b.Username = line(p.Username, MaxNameLen)
	b.Password = line(p.Password.Raw(), MaxNameLen)
	b.Received, b.Due = p.Received.Chinese(), p.Due.Chinese()
	b.Processed, b.Notified = p.Processed.Chinese(), p.Notified.Chinese()
	b.Result = p.Result.Zh()
	if p.Result == ResultAbandoned && p.Undelivered.Zh() != "" {
		b.Result += "（原处理意见：" + p.Undelivered.Zh() + "，未能送达）"
	}
	b.Remarks = clean(p.Remarks, MaxRemarksLen, true)
	failed := 0
	for i, at := range p.Attempts {
		if i >= MaxAttempts {
			break
		}
		s := at.On.Chinese() + " " + at.Outcome.Zh()
		if n := line(at.Note, MaxNameLen); n != "" {
			s += "（" + n + "）"
		}
		b.Attempts = append(b.Attempts, strings.TrimSpace(s))
		if at.Outcome.Failed() {
			failed++
		}
	}
	b.Delivered = p.State == StateNotified
	b.NotDelivered = !b.Delivered && failed > 0
	b.Three = p.State == StateAbandoned
	return b
}

// instructions are the form's 填表须知 (河南省通信管理局 备案业务表格), adapted to the kind and
// the applicant, plus the channel guidance.
func instructions(ck Checklist) []string {
	out := make([]string, 0, len(ck.Guidance))
	for _, g := range ck.Guidance {
		out = append(out, g.Zh)
	}
	return out
}
