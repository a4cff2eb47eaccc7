package footer

import (
	"html"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/numbering"
)

// Codes of the footer snippet generator.
var (
	CodeSnippetNumber = define("footer.snippet_number", "R-98",
		"备案号“%[1]s”格式不正确，无法生成页脚",
		"record number %[1]q does not parse: no footer to generate")
	CodeSnippetKind = define("footer.snippet_kind", "R-98",
		"“%[1]s”不是ICP备案号，页脚应显示ICP备案号",
		"%[1]q is not an ICP filing number: the footer shows the ICP filing number")
	CodeSnippetNoNumber = define("footer.snippet_no_number", "R-98",
		"尚无备案号，无法生成页脚",
		"the record has no record number yet: no footer to generate")
	CodeSnippetMismatch = define("footer.snippet_mismatch", "R-98",
		"网站备案号%[1]s不属于主体备案号%[2]s",
		"website number %[1]s is not under subject number %[2]s")
	CodeSnippetPSNumber = define("footer.snippet_ps_number", "R-98",
		"公安联网备案号“%[1]s”无法用于页脚，应为“省简称公网安备”加14位数字加“号”",
		"public-security number %[1]q cannot go into the footer: want the current form, abbreviation + 公网安备 + 14 digits + 号")
)

// PSQueryURL is the public-security platform's query page for a number; the
// 14 digits follow "code=". The platform moved here from
// www.beian.gov.cn; the public-security number links to this address.
const PSQueryURL = "https://beian.mps.gov.cn/#/query/webSearch?code="

// SnippetOptions shape the generated footer HTML. The zero value gives a
// plain <div> with links opening in a new tab.
type SnippetOptions struct {
	// Prefer overrides the province's preference (PreferenceOf) of which
	// number to show; "" follows the province, as Check does.
	Prefer Preference
	// Class is the class attribute of the wrapping <div>; "" for none. It
	// is escaped, never interpreted.
	Class string
	// SameTab drops target="_blank" from the links.
	SameTab bool
}

// Snippet returns the footer HTML for a record number and, unless ps is "",
// a public-security number: the ICP filing number linked
// to SystemURL and the public-security number linked to PSQueryURL with
// its 14 digits. Both numbers are parsed and printed in canonical form, so
// presentation variants (full-width digits, spaces, 備/號) come out clean,
// and every text and attribute is HTML-escaped.
//
// The number shown follows the preference of the number's province
// (PreferenceOf, or opts.Prefer): for a website number (…号-n) in a
// province that wants the subject number, Snippet shows the subject number
// (the website number without its suffix). A subject number is shown as
// given: the website number cannot be derived from it.
//
// Errors are *filing.Problem with CodeSnippetNumber (the record number does
// not parse), CodeSnippetKind
// (a licence or another kind of number: the footer shows the ICP filing
// number; DESIGN) or CodeSnippetPSNumber (ps is not a current-format
// public-security number, whose 14 digits the link needs).
//
// Scan and Check accept every snippet Snippet returns, for the record of
// that number, with no warning (FuzzR98_SnippetPassesCheck).
func Snippet(record, ps string, opts SnippetOptions) (string, error) {
	n, err := parseRecord(record)
	if err != nil {
		return "", err
	}
	pref := opts.Prefer
	if pref == "" {
		pref = PreferenceOf(n.ProvinceCode())
	}
	if pref == PreferSubject {
		n = n.Subject()
	}
	return render(n, ps, opts)
}

// SnippetFor returns the footer HTML for website w of subject s: the
// number the province of s prefers (PreferenceOf(s.Province), as Check
// judges it, or opts.Prefer) and w's public-security number when it has
// one. When the preferred number is missing from the record the other one
// is shown (Check then warns CodeNumberPreference for a subject-number
// province). A website number that is not under the subject's number is
// refused (CodeSnippetMismatch); a record without either number gives
// CodeSnippetNoNumber. Check accepts what SnippetFor returns for s and w.
func SnippetFor(s filing.Subject, w filing.Website, opts SnippetOptions) (string, error) {
	var subj, site numbering.Number
	var err error
	if given(s.Number) {
		if subj, err = parseRecord(s.Number); err != nil {
			return "", err
		}
	}
	if given(w.Number) {
		if site, err = parseRecord(w.Number); err != nil {
			return "", err
		}
	}
	switch {
	case subj.IsZero() && site.IsZero():
		return "", filing.NewProblem(CodeSnippetNoNumber)
	case !subj.IsZero() && !site.IsZero() && site.Subject() != subj:
		return "", filing.NewProblem(CodeSnippetMismatch, site.String(), subj.String())
	}
	pref := opts.Prefer
	if pref == "" {
		pref = PreferenceOf(s.Province)
	}
	n := site
	if pref == PreferSubject && !subj.IsZero() || site.IsZero() {
		n = subj
	}
	return render(n, w.PublicSecurityNumber, opts)
}

// parseRecord parses an ICP filing number for the footer.
func parseRecord(s string) (numbering.Number, error) {
	n, err := numbering.Parse(s)
	if err != nil {
		return numbering.Number{}, filing.NewProblem(CodeSnippetNumber, truncateRunes(s, 40))
	}
	if n.Kind() != numbering.KindICPFiling {
		return numbering.Number{}, filing.NewProblem(CodeSnippetKind, n.String())
	}
	return n, nil
}

// render writes the snippet of ICP filing number n and public-security
// number ps ("" for none).
func render(n numbering.Number, ps string, opts SnippetOptions) (string, error) {
	var psn numbering.Number
	if given(ps) {
		p, _, err := numbering.ParsePublicSecurity(ps)
		if err != nil || p.Legacy() {
			return "", filing.NewProblem(CodeSnippetPSNumber, truncateRunes(ps, 40))
		}
		psn = p
	}
	var b strings.Builder
	b.WriteString(`<div`)
	if opts.Class != "" {
		b.WriteString(` class="`)
		b.WriteString(html.EscapeString(opts.Class))
		b.WriteString(`"`)
	}
	b.WriteString(`>`)
	link := func(href, text string) {
		b.WriteString(`<a href="`)
		b.WriteString(html.EscapeString(href))
		b.WriteString(`"`)
		if !opts.SameTab {
			b.WriteString(` target="_blank"`)
		}
		b.WriteString(` rel="noopener noreferrer">`)
		b.WriteString(html.EscapeString(text))
		b.WriteString(`</a>`)
	}
	link(SystemURL, n.String())
	if !psn.IsZero() {
		b.WriteString(` `)
		link(PSQueryURL+psn.Serial(), psn.String())
	}
	b.WriteString(`</div>`)
	return b.String(), nil
}

// truncateRunes cuts s to at most n runes for a message.
func truncateRunes(s string, n int) string {
	s = strings.ToValidUTF8(s, "?")
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}
