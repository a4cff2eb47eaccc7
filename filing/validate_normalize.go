package filing

import (
	"slices"
)

// NormalizeFiling returns a normalised deep copy of f, the form to store and
// compare (DESIGN.md "Normalisation"); f itself is not changed. Values that
// do not normalise are kept as NormalizeText gives them, so that validation
// reports them.
//
//   - Text (names, addresses, remarks, record numbers): NormalizeText (NFKC,
//     trimmed, inner white space folded).
//   - Province: the two-digit code; a name or abbreviation ("贵州省", "贵州",
//     "黔") becomes its code.
//   - Nature, certificate type, pre-approval category: the code; a Chinese
//     name ("企业", "居民身份证", "新闻") becomes the code.
//   - Certificate numbers: NormalizeCertNumber (upper case, no spaces,
//     organisation code as "XXXXXXXX-C").
//   - Phones: NormalizePhone (mobile as 11 digits, landline as
//     "0AA-NNNNNNNN[-EXT]"); e-mail: NormalizeEmail.
//   - Domains: NormalizeDomain (lower-case A-labels); home URL:
//     NormalizeHomeURL.
//
// NormalizeFiling(nil) is nil.
func NormalizeFiling(f *Filing) *Filing {
	if f == nil {
		return nil
	}
	out := &Filing{Subject: normalizeSubject(f.Subject)}
	if f.Websites != nil {
		out.Websites = make([]Website, len(f.Websites))
		for i := range f.Websites {
			out.Websites[i] = normalizeWebsite(&f.Websites[i])
		}
	}
	return out
}

func normalizeSubject(s Subject) Subject {
	s.Number = NormalizeText(s.Number)
	s.Province = normalizeProvince(s.Province)
	s.Name = NormalizeText(s.Name)
	s.Nature = normalizeNature(s.Nature)
	s.CertType = normalizeCertType(s.CertType)
	s.CertNumber = normalizeCertNumber(s.CertType, s.CertNumber)
	s.CertAddress = NormalizeText(s.CertAddress)
	s.Address = NormalizeText(s.Address)
	s.Principal = normalizePerson(s.Principal)
	s.LegalRepresentative = NormalizeText(s.LegalRepresentative)
	s.Status = Status(NormalizeText(string(s.Status)))
	s.Remarks = NormalizeText(s.Remarks)
	return s
}

func normalizeWebsite(w *Website) Website {
	n := *w
	n.Number = NormalizeText(w.Number)
	n.Name = NormalizeText(w.Name)
	if w.Domains != nil {
		n.Domains = make([]string, len(w.Domains))
		for i, d := range w.Domains {
			if a, err := NormalizeDomain(d); err == nil {
				n.Domains[i] = a
			} else {
				n.Domains[i] = NormalizeText(d)
			}
		}
	}
	if u, err := NormalizeHomeURL(w.HomeURL); err == nil {
		n.HomeURL = u
	} else {
		n.HomeURL = NormalizeText(w.HomeURL)
	}
	n.ServiceContent = NormalizeText(w.ServiceContent)
	if w.Involves != nil {
		n.Involves = make([]PreApprovalCategory, len(w.Involves))
		for i, c := range w.Involves {
			n.Involves[i] = normalizeCategory(c)
		}
	}
	if w.PreApprovals != nil {
		n.PreApprovals = make([]PreApproval, len(w.PreApprovals))
		for i, p := range w.PreApprovals {
			p.Category = normalizeCategory(p.Category)
			p.Number = NormalizeText(p.Number)
			p.Authority = NormalizeText(p.Authority)
			n.PreApprovals[i] = p
		}
	}
	n.Principal = normalizePerson(w.Principal)
	if w.Access != nil {
		n.Access = make([]Access, len(w.Access))
		for i, a := range w.Access {
			a.ISP = NormalizeText(a.ISP)
			a.ISPProvince = normalizeProvince(a.ISPProvince)
			a.IPs = slices.Clone(a.IPs)
			n.Access[i] = a
		}
	}
	n.Status = Status(NormalizeText(string(w.Status)))
	return n
}

func normalizePerson(p Person) Person {
	p.Name = NormalizeText(p.Name)
	p.CertType = normalizeCertType(p.CertType)
	p.CertNumber = normalizeCertNumber(p.CertType, p.CertNumber)
	p.Mobile = normalizePhoneValue(p.Mobile)
	p.Landline = normalizePhoneValue(p.Landline)
	p.EmergencyPhone = normalizePhoneValue(p.EmergencyPhone)
	if e, err := NormalizeEmail(string(p.Email)); err == nil {
		p.Email = e
	} else {
		p.Email = Email(NormalizeText(string(p.Email)))
	}
	return p
}

func normalizePhoneValue(p Phone) Phone {
	if p == "" {
		return ""
	}
	if n, err := NormalizePhone(string(p)); err == nil {
		return n
	}
	return Phone(NormalizeText(string(p)))
}

func normalizeCertNumber(t CertType, n IDNumber) IDNumber {
	if n == "" {
		return ""
	}
	if c, err := NormalizeCertNumber(t, string(n)); err == nil {
		return c
	}
	return IDNumber(NormalizeText(string(n)))
}

// normalizeProvince returns the code of a province given by code, name or
// abbreviation; anything else is returned normalised, for validation to
// report.
func normalizeProvince(s string) string {
	s = NormalizeText(s)
	if s == "" {
		return ""
	}
	if _, ok := ProvinceByCode(s); ok {
		return s
	}
	if p, ok := ProvinceByName(s); ok {
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
	return Nature(NormalizeText(string(n)))
}

func normalizeCertType(t CertType) CertType {
	if info, ok := CertType(normalizeKey(string(t))).Info(); ok {
		return info.Code
	}
	return CertType(NormalizeText(string(t)))
}

func normalizeCategory(c PreApprovalCategory) PreApprovalCategory {
	if info, ok := PreApprovalCategory(normalizeKey(string(c))).Info(); ok {
		return info.Code
	}
	return PreApprovalCategory(NormalizeText(string(c)))
}
