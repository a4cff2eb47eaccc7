package filing

import (
	"slices"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/province"

	"golang.org/x/text/unicode/norm"

	"github.com/beiankit/beian/internal/textnorm"
)

// Step 1 of Validate: the normalised copy that both passes check, and the
// form callers store.

// NormalizeFiling returns a normalised deep copy of f, the form to store and
// compare (see NormalizeText); f itself is not changed. Values that
// do not normalise are kept as NormalizeText gives them, so that validation
// reports them.
//
//   - Text (names, addresses, remarks, record numbers): NormalizeText (NFKC,
//     trimmed, inner white space folded).
//   - Province: the two-digit code; a name or abbreviation ("贵州省", "贵州",
//     "黔") becomes its code.
//   - Nature, certificate type, pre-approval category: the code; a Chinese
//     name ("企业", "居民身份证", "新闻") becomes the code.
//   - Certificate numbers: certno.NormalizeCertNumber (upper case, no spaces,
//     organisation code as "XXXXXXXX-C").
//   - Phones: contact.NormalizePhone (mobile as 11 digits, landline as
//     "0AA-NNNNNNNN[-EXT]"); e-mail: contact.NormalizeEmail.
//   - Domains, of websites and of their registry data (Registrations):
//     domain.NormalizeDomain (lower-case A-labels); home URL: domain.NormalizeHomeURL.
//
// NormalizeFiling(nil) is nil.
func NormalizeFiling(f *Filing) *Filing { return normalizeFiling(f, nil) }

// normalizeFiling is NormalizeFiling remembering its outputs in m.
func normalizeFiling(f *Filing, m *memo) *Filing {
	if f == nil {
		return nil
	}
	out := &Filing{Subject: normalizeSubject(f.Subject)}
	if f.Websites != nil {
		out.Websites = make([]Website, len(f.Websites))
		for i := range f.Websites {
			out.Websites[i] = normalizeWebsite(&f.Websites[i], m)
		}
	}
	if f.Apps != nil {
		out.Apps = make([]App, len(f.Apps))
		for i := range f.Apps {
			out.Apps[i] = normalizeApp(&f.Apps[i], m)
		}
	}
	return out
}

func normalizeSubject(s Subject) Subject {
	s.Number = normText(s.Number)
	s.Province = normalizeProvince(s.Province)
	s.Name = normText(s.Name)
	s.Nature = normalizeNature(s.Nature)
	s.CertType = normalizeCertType(s.CertType)
	s.CertNumber = normalizeCertNumber(s.CertType, s.CertNumber)
	s.CertAddress = normText(s.CertAddress)
	s.Address = normText(s.Address)
	s.Principal = normalizePerson(s.Principal)
	s.LegalRepresentative = normText(s.LegalRepresentative)
	s.Status = Status(normText(string(s.Status)))
	s.Remarks = normText(s.Remarks)
	return s
}

// normalizeService returns the shared part of a website or an app
// normalised, its slices copied.
func normalizeService(s *Service) Service {
	n := Service{
		Number:         normText(s.Number),
		Name:           normText(s.Name),
		ServiceContent: normText(s.ServiceContent),
		Principal:      normalizePerson(s.Principal),
		Status:         Status(normText(string(s.Status))),
	}
	if s.Involves != nil {
		n.Involves = make([]PreApprovalCategory, len(s.Involves))
		for i, c := range s.Involves {
			n.Involves[i] = normalizeCategory(c)
		}
	}
	if s.PreApprovals != nil {
		n.PreApprovals = make([]PreApproval, len(s.PreApprovals))
		for i, p := range s.PreApprovals {
			p.Category = normalizeCategory(p.Category)
			p.Number = normText(p.Number)
			p.Authority = normText(p.Authority)
			n.PreApprovals[i] = p
		}
	}
	if s.Access != nil {
		n.Access = make([]Access, len(s.Access))
		for i, a := range s.Access {
			a.ISP = normText(a.ISP)
			a.ISPProvince = normalizeProvince(a.ISPProvince)
			a.IPs = slices.Clone(a.IPs)
			n.Access[i] = a
		}
	}
	return n
}

func normalizeWebsite(w *Website, m *memo) Website {
	n := *w
	n.Service = normalizeService(&w.Service)
	if w.Domains != nil {
		n.Domains = make([]string, len(w.Domains))
		for i, d := range w.Domains {
			n.Domains[i] = normalizeDomain(m, d)
		}
	}
	if u, p := m.dm().CheckHomeURL(w.HomeURL, nil); p == nil {
		n.HomeURL = u
	} else {
		n.HomeURL = normText(w.HomeURL)
	}
	if w.Registrations != nil {
		n.Registrations = make([]DomainRegistration, len(w.Registrations))
		for i, r := range w.Registrations {
			n.Registrations[i] = normalizeRegistration(r, m)
		}
	}
	return n
}

// normalizeDomain returns the A-label form of a domain, or the domain as
// text when it does not normalise (for the checks to report).
func normalizeDomain(m *memo, d string) string {
	if a, err := m.dm().Normalize(d); err == nil {
		return a
	}
	return normText(d)
}

// normalizeRegistration normalises registry data as the website's own
// fields: the domain with domain.NormalizeDomain (so that it matches the website's
// domains), names as text, the holder's certificate as a person's.
func normalizeRegistration(r DomainRegistration, m *memo) DomainRegistration {
	r.Domain = normalizeDomain(m, r.Domain)
	r.Holder = normText(r.Holder)
	r.HolderCertType = normalizeCertType(r.HolderCertType)
	r.HolderCertNumber = normalizeCertNumber(r.HolderCertType, r.HolderCertNumber)
	r.Registrar = normText(r.Registrar)
	return r
}

func normalizePerson(p Person) Person {
	p.Name = normText(p.Name)
	p.CertType = normalizeCertType(p.CertType)
	p.CertNumber = normalizeCertNumber(p.CertType, p.CertNumber)
	p.Mobile = normalizePhoneValue(p.Mobile)
	p.Landline = normalizePhoneValue(p.Landline)
	p.EmergencyPhone = normalizePhoneValue(p.EmergencyPhone)
	if e, err := contact.NormalizeEmail(string(p.Email)); err == nil {
		p.Email = e
	} else {
		p.Email = Email(normText(string(p.Email)))
	}
	return p
}

func normalizePhoneValue(p Phone) Phone {
	if p == "" {
		return ""
	}
	if n, err := contact.NormalizePhone(string(p)); err == nil {
		return n
	}
	return Phone(normText(string(p)))
}

// endOfTime is later than any birth date.
var endOfTime = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

func normalizeCertNumber(t CertType, n IDNumber) IDNumber {
	if n == "" {
		return ""
	}
	// The canonical form does not depend on the clock: a birth date after
	// today is the validation's to judge, as of its own clock (WithNow).
	if c, err := normalizeCertNumberAt(t, string(n), &endOfTime); err == nil {
		return c
	}
	return IDNumber(normText(string(n)))
}

// normalizeProvince returns the code of a province given by code, name or
// abbreviation; anything else is returned normalised, for validation to
// report.
func normalizeProvince(s string) string {
	s = normText(s)
	if s == "" {
		return ""
	}
	if _, ok := ProvinceByCode(s); ok {
		return s
	}
	if p, ok := province.ByName(s); ok {
		return p.Code
	}
	if p, ok := ProvinceByAbbr(s); ok {
		return p.Code
	}
	return s
}

func normalizeNature(n Nature) Nature {
	if info, ok := Nature(normalizeKey(string(n))).Info(); ok {
		return info.Code
	}
	return Nature(normText(string(n)))
}

func normalizeCertType(t CertType) CertType {
	if info, ok := CertType(normalizeKey(string(t))).Info(); ok {
		return info.Code
	}
	return CertType(normText(string(t)))
}

func normalizeCategory(c PreApprovalCategory) PreApprovalCategory {
	if info, ok := PreApprovalCategory(normalizeKey(string(c))).Info(); ok {
		return info.Code
	}
	return PreApprovalCategory(normText(string(c)))
}

// normText is NormalizeText without its rebuild of strings that are already
// normal: a string with no white space that NFKC leaves unchanged is
// returned as is, without allocating. Everything else goes to NormalizeText,
// so the result is always NormalizeText(s).
// isPlainHan reports whether s holds only printable ASCII other than the
// space and CJK Unified Ideographs (U+4E00..U+9FFF), in well-formed UTF-8:
// the usual Chinese name or address. Such a string is already normal: the
// ideographs have no compatibility mapping and compose with nothing, and
// there is no space to trim or fold. It decodes the three-byte sequences
// inline, the hot path of validating a filing typed without full-width
// characters.
func isPlainHan(s string) bool { return textnorm.PlainHan(s) }

func normText(s string) string {
	if isPlainASCII(s) || isPlainHan(s) {
		return s
	}
	if !utf8.ValidString(s) {
		return NormalizeText(s)
	}
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return NormalizeText(s)
		}
	}
	if norm.NFKC.IsNormalString(s) {
		return s
	}
	return NormalizeText(s)
}
