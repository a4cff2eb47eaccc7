package forms

import (
	"errors"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"
	icpdomain "github.com/beiankit/beian/filing/domain"
)

// SystemStart is the earliest date accepted on a form: the MIIT filing system
// (miitbeian.gov.cn) opened in 2005, so no application predates it.
var SystemStart = NewDate(2005, time.January, 1)

// Check reports every problem of the application as one
// *filing.ValidationError (nil when there is none): required fields present
// and valid, a detailed reason and the cancellation target,
// the record number against the approval state, the domain
// certificate, every required material of the checklist enclosed
// and a consistent bureau section.
//
// now is the current instant (the SDK keeps no clock): the application date
// must not be after now's civil date in China.
func (a *Application) Check(now time.Time) error {
	var ps checker
	ck := a.Checklist()
	a.checkFields(&ps, now, &ck)
	a.checkMaterials(&ps, &ck)
	return ps.err()
}

// CheckFields is Check without the enclosures (Enclosed): for a portal that
// validates the form before the applicant gathers the materials.
func (a *Application) CheckFields(now time.Time) error {
	var ps checker
	ck := a.Checklist()
	a.checkFields(&ps, now, &ck)
	return ps.err()
}

// checker collects problems.
type checker struct{ list []*filing.Problem }

func (c *checker) add(p *filing.Problem) { c.list = append(c.list, p) }

// addErr places an error from a filing check at a field path.
func (c *checker) addErr(err error, path string) {
	var p *filing.Problem
	if errors.As(err, &p) {
		q := *p
		q.Path = path
		q.Label = labelOf(path)
		c.list = append(c.list, &q)
		return
	}
	c.add(problem(CodeJSONField, path, labelOf(path), err.Error()))
}

func (c *checker) code(code filing.Code, path string, args ...any) {
	c.add(problem(code, path, labelOf(path), args...))
}

func (c *checker) err() error {
	if len(c.list) == 0 {
		return nil
	}
	return &filing.ValidationError{Problems: c.list}
}

func labelOf(path string) string {
	if l, ok := labels[path]; ok {
		return l
	}
	if i := strings.IndexByte(path, '['); i >= 0 {
		return labels[path[:i]]
	}
	return ""
}

// text checks a free-text field: length cap (runes, after normalisation),
// control characters and markup. It returns the normalised value and
// whether the field is usable for further checks.
func (c *checker) text(path, raw string, max int, multiline bool) (string, bool) {
	if len(raw) > 4*max+64 { // bytes: never normalise megabytes
		c.code(CodeTooLong, path, max)
		return "", false
	}
	if !utf8.ValidString(raw) || hasControl(raw, multiline) {
		c.code(CodeControlChars, path)
		return "", false
	}
	var s string
	if multiline {
		s = normalizeMultiline(raw)
	} else {
		s = filing.NormalizeText(raw)
	}
	if utf8.RuneCountInString(s) > max {
		c.code(CodeTooLong, path, max)
		return "", false
	}
	if hasMarkup(s) {
		c.code(CodeMarkup, path)
		return "", false
	}
	return s, true
}

// required reports a missing value and returns false when s is empty.
func (c *checker) required(path, s string) bool {
	if s == "" {
		c.code(CodeRequired, path)
		return false
	}
	return true
}

// hasControl reports C0/C1 control characters, format characters used for
// spoofing (bidi overrides) and U+FFFD; tabs and, in multi-line fields, line
// breaks are allowed.
func hasControl(s string, multiline bool) bool {
	for _, r := range s {
		switch {
		case r == '\t':
		case (r == '\n' || r == '\r') && multiline:
		case unicode.IsControl(r), r == utf8.RuneError:
			return true
		case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			return true
		}
	}
	return false
}

// hasMarkup reports HTML/XML markup: "<" followed by a letter, "/", "!" or
// "?". Such text is never a name, number or reason on a paper form; it is
// rejected by Check and escaped by the renderers anyway.
func hasMarkup(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '<' || i+1 >= len(s) {
			continue
		}
		n := s[i+1]
		if n == '/' || n == '!' || n == '?' || ('a' <= n && n <= 'z') || ('A' <= n && n <= 'Z') {
			return true
		}
	}
	return false
}

// normalizeMultiline normalises each line of a multi-line text and drops
// empty lines.
func normalizeMultiline(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if l = filing.NormalizeText(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// validName reports whether a name has at least one letter (any script) and
// no characters outside letters, marks, digits, spaces and the punctuation
// seen in real names ("·", "（", "）", "-", ".", "&", ",", "'").
func validName(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsMark(r), unicode.IsDigit(r), r == ' ':
		case strings.ContainsRune("·•.-()（）&,'’/、", r):
		default:
			return false
		}
	}
	return letters > 0
}

// name checks a name field.
func (c *checker) name(path, raw string, required bool) string {
	s, ok := c.text(path, raw, MaxNameLen, false)
	if !ok {
		return ""
	}
	if s == "" {
		if required {
			c.code(CodeRequired, path)
		}
		return ""
	}
	if !validName(s) {
		c.code(CodeNameInvalid, path)
		return ""
	}
	return s
}

func (a *Application) checkFields(c *checker, now time.Time, ck *Checklist) {
	if !a.Kind.Valid() {
		c.code(CodeKindUnknown, "kind", string(a.Kind))
	}

	// Applicant line.
	c.name("applicant_name", a.ApplicantName, true)
	if m, ok := c.text("applicant_mobile", a.ApplicantMobile.Raw(), MaxNumberLen, false); ok && c.required("applicant_mobile", m) {
		if err := contact.CheckMobile(m); err != nil {
			c.addErr(err, "applicant_mobile")
		}
	}
	c.date("date", a.Date, now, true)

	// Ⅰ. 用户备案信息.
	a.checkRecordNumber(c)
	domain := ""
	if d, ok := c.text("domain", a.Domain, MaxDomainLen, false); ok && (d != "" || !a.domainOptional()) && c.required("domain", d) {
		if n, err := checkDomain(d); err != nil {
			c.addErr(err, "domain")
		} else {
			domain = n
		}
	}
	sponsor := c.name("sponsor_name", a.SponsorName, true)
	if a.SponsorNature != "" {
		if _, ok := a.SponsorNature.Info(); !ok {
			c.code(CodeNatureUnknown, "sponsor_nature", string(a.SponsorNature))
		}
	}
	if sponsor != "" && a.Kind != KindDomainHolderCancellation && ck.ApplicantKind == ApplicantUnknown {
		c.code(CodeKindUndecided, "sponsor_nature")
	}
	a.checkSubjectCert(c, ck.ApplicantKind)
	c.name("principal_name", a.PrincipalName, false)
	c.name("contact_name", a.ContactName, true)
	if l, ok := c.text("contact_landline", a.ContactLandline.Raw(), MaxNumberLen, false); ok && c.required("contact_landline", l) {
		// The box says 固定电话; an applicant without a landline may give a
		// mobile number there (decision, see doc.go): accepted when it is a
		// valid mobile, else the landline problem is reported.
		if err := contact.CheckLandline(l); err != nil && contact.CheckMobile(l) != nil {
			c.addErr(err, "contact_landline")
		}
	}
	if e, ok := c.text("contact_email", a.ContactEmail.Raw(), MaxEmailLen, false); ok && c.required("contact_email", e) {
		if err := contact.CheckEmail(e); err != nil {
			c.addErr(err, "contact_email")
		}
	}
	if r, ok := c.text("reason", a.Reason, MaxReasonLen, true); ok && c.required("reason", r) {
		if !ReasonDetailed(r) {
			c.code(CodeReasonVague, "reason")
		}
	}

	a.checkTarget(c)
	a.checkDomainCertificate(c, ck, domain, sponsor)
	if a.Bureau != nil {
		a.Bureau.check(c, a)
	}
}

// date checks a form date: present (if required), not after today, not
// before the filing system existed.
func (c *checker) date(path string, d Date, now time.Time, required bool) {
	switch {
	case d.IsZero():
		if required {
			c.code(CodeRequired, path)
		}
	case !now.IsZero() && d.After(DateOf(now)):
		c.code(CodeDateFuture, path)
	case d.Before(SystemStart):
		c.code(CodeDateTooOld, path)
	}
}

func (a *Application) checkRecordNumber(c *checker) {
	rn, ok := c.text("record_number", a.RecordNumber, MaxNumberLen, false)
	if !ok {
		return
	}
	switch {
	case a.Kind == KindDeletion && a.Approved:
		// deletion is for submission-stage data only.
		c.code(CodeDeletionStage, "approved")
	case a.Approved:
		c.required("record_number", rn)
	case rn != "":
		// an unapproved filing has no number.
		c.code(CodeRecordForbidden, "record_number")
		return
	}
	if rn != "" {
		if _, err := parseRecordNumber(rn); err != nil {
			var p *filing.Problem
			if errors.As(err, &p) {
				c.add(p)
			} else {
				c.addRecordErr(err)
			}
		}
	}
}

// addRecordErr reports a numbering parse error at record_number.
func (c *checker) addRecordErr(err error) {
	type coded interface {
		ErrorCode() string
		MessageZh() string
		MessageEn() string
	}
	p := problem(CodeRecordNumber, "record_number", labelOf("record_number"))
	var ce coded
	if errors.As(err, &ce) {
		p.Zh = ce.MessageZh()
		p.En = ce.MessageEn() + " (" + ce.ErrorCode() + ")"
	}
	c.add(p)
}

func (a *Application) checkSubjectCert(c *checker, ak ApplicantKind) {
	num, ok := c.text("subject_cert_number", a.SubjectCertNumber.Raw(), MaxNumberLen, false)
	if !ok {
		return
	}
	if a.SubjectCertType == "" {
		if num != "" {
			c.code(CodeRequired, "subject_cert_type")
		}
		return
	}
	info, known := a.SubjectCertType.Info()
	if !known {
		c.code(CodeCertTypeUnknown, "subject_cert_type", string(a.SubjectCertType))
		return
	}
	if a.Kind != KindDomainHolderCancellation {
		if ak != ApplicantUnknown && info.Personal() != (ak == ApplicantIndividual) {
			c.code(CodeCertMismatch, "subject_cert_type", ak.Zh())
		}
	}
	if !c.required("subject_cert_number", num) {
		return
	}
	if err := certno.CheckCertNumber(a.SubjectCertType, num); err != nil {
		c.addErr(err, "subject_cert_number")
	}
}

func (a *Application) checkTarget(c *checker) {
	switch a.Kind {
	case KindCancellation:
		switch {
		case a.Target == "":
			c.code(CodeTargetMissing, "target")
		case a.Target.Zh() == "":
			c.code(CodeTargetInvalid, "target", clip(string(a.Target), 20))
		case a.Target == TargetApp:
			a.checkAppTarget(c) // app.go
		}
	case KindDomainHolderCancellation:
		switch {
		case a.Target == "" || a.Target == TargetWebsite || a.Target == TargetAccess:
		case a.Target == TargetSubject:
			c.code(CodeHolderTarget, "target")
		default:
			c.code(CodeTargetInvalid, "target", clip(string(a.Target), 20))
		}
	default:
		if a.Target != "" {
			c.code(CodeTargetNotHere, "target")
		}
	}
}

// clip shortens s to at most n runes for a message.
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

func (a *Application) checkDomainCertificate(c *checker, ck *Checklist, domain, sponsor string) {
	dc := a.DomainCertificate
	needed := ck.requires(MaterialDomainCertificate)
	if dc == nil {
		if needed {
			c.code(CodeMissingDomainCert, "domain_certificate")
		}
		return
	}
	const p = "domain_certificate."
	if d, ok := c.text(p+"domain", dc.Domain, MaxDomainLen, false); ok && c.required(p+"domain", d) {
		if n, err := icpdomain.NormalizeDomain(d); err != nil {
			c.addErr(err, p+"domain")
		} else if domain != "" && !sameRegistrable(n, domain) {
			c.code(CodeDomainMismatch, p+"domain")
		}
	}
	holder := c.name(p+"holder", dc.Holder, true)
	if dc.HolderNature != "" {
		if _, ok := dc.HolderNature.Info(); !ok {
			c.code(CodeNatureUnknown, p+"holder_nature", string(dc.HolderNature))
		}
	}
	if a.Kind == KindDomainHolderCancellation && holder != "" && ck.ApplicantKind == ApplicantUnknown {
		c.code(CodeKindUndecided, p+"holder_nature")
	}
	if a.Kind == KindDomainHolderCancellation && holder != "" && sponsor != "" && holder == sponsor {
		c.code(CodeHolderIsSponsor, p+"holder")
	}
	switch dc.Authority {
	case AuthorityCNNIC, AuthorityICANN:
	case "":
		c.code(CodeRequired, p+"authority")
	default:
		c.code(CodeCertIssuer, p+"authority")
	}
	c.text(p+"registrar", dc.Registrar, MaxNameLen, false)
	switch {
	case dc.Expires.IsZero():
		c.code(CodeRequired, p+"expires")
	case !a.Date.IsZero() && dc.Expires.Before(a.Date):
		// unexpired on the application date (the expiry day itself
		// still counts as valid).
		c.code(CodeCertExpired, p+"expires")
	}
	if !dc.Registered.IsZero() {
		switch {
		case !a.Date.IsZero() && dc.Registered.After(a.Date):
			c.code(CodeCertNotYet, p+"registered")
		case !dc.Expires.IsZero() && dc.Registered.After(dc.Expires):
			c.code(CodeDateBackwards, p+"expires", dc.Registered.String())
		}
	}
}

// sameRegistrable reports whether two normalised domains have the same
// registrable domain (the certificate is for example.com, the form may name
// www.example.com).
func sameRegistrable(a, b string) bool {
	ra, err1 := icpdomain.RegistrableDomain(a)
	rb, err2 := icpdomain.RegistrableDomain(b)
	if err1 != nil || err2 != nil {
		return a == b
	}
	return ra == rb
}

// requires reports whether the checklist has id as a required item.
func (c Checklist) requires(id MaterialID) bool {
	for _, m := range c.Items {
		if (m.ID == id || slices.Contains(m.Covers, id)) && m.Required {
			return true
		}
	}
	return false
}

// checkMaterials reports every required item of the checklist that is not
// in Enclosed (one code per kind of item, R-52, R-54, R-32). The form itself
// is always there; the domain certificate is enclosed when its details are
// given (checked by checkDomainCertificate).
func (a *Application) checkMaterials(c *checker, ck *Checklist) {
	if len(a.Enclosed) > MaxEnclosed {
		c.code(CodeTooLong, "enclosed", MaxEnclosed)
		return
	}
	for i, id := range a.Enclosed {
		if !id.Valid() {
			c.add(problem(CodeMaterialUnknown, "enclosed["+itoa(i)+"]", labels["enclosed"], clip(string(id), 40)))
		}
	}
	for _, m := range ck.Items {
		if !m.Required || m.ID == MaterialForm || m.ID == MaterialDomainCertificate {
			continue
		}
		if slices.Contains(a.Enclosed, m.ID) || slices.ContainsFunc(m.Covers, func(id MaterialID) bool { return slices.Contains(a.Enclosed, id) }) {
			continue
		}
		info := materialInfos[m.ID]
		var args []any
		if info.code == CodeMissingIDCopy {
			args = []any{m.Zh}
		}
		p := problem(info.code, "enclosed", m.Zh, args...)
		p.Rule = m.Rule
		c.add(p)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
