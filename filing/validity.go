package filing

import (
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing/certno"
)

// Validity is certno.Validity: the validity period of a certificate
// (证件有效期), the type of Person.CertValidity.
type Validity = certno.Validity

// civilDay is calendar.DayOfClamped; addMonths is calendar.Day.AddMonths
// clamped to 9999-12-31 (R-84 counts remaining validity in calendar months).
func civilDay(t time.Time) calendar.Day { return calendar.DayOfClamped(t) }

func addMonths(day calendar.Day, n int) calendar.Day {
	if r := day.AddMonths(n); r.IsValid() {
		return r
	}
	return calendar.DayOfClamped(time.Unix(1<<40, 0)) // 9999-12-31
}

// CertMinMonths returns the minimum remaining validity, in calendar months,
// that a responsible person's certificate of type t must have on the day of
// filing in a province, from the default table:
// DefaultProvinceRules().CertMinMonths(province, t, time.Now()).
func CertMinMonths(province string, t CertType) int {
	return DefaultProvinceRules().CertMinMonths(province, t, time.Now())
}

// CertMinMonths returns the minimum remaining validity, in calendar months,
// that a responsible person's certificate of type t must have on the day of
// filing in a province: the table's RuleCertMinMonths row in force at
// at (the default table: more than 3 months everywhere, an ISP rejection
// reason "有效期需大于三个月", DESIGN; no regulation sets a figure, and
// Shanghai's 1 month is for residence permits), raised to the type's own
// minimum (6 months for a passport, data/validity_rules.json). A table
// without the row sets no province minimum.
func (r ProvinceRules) CertMinMonths(province string, t CertType, at time.Time) int {
	n := 0
	if row, ok := r.Lookup(province, RuleCertMinMonths, at); ok {
		n = row.Value
	}
	if m, ok := validityData.Certificate.ByType[string(t)]; ok && m > n {
		n = m
	}
	return n
}

// CheckPersonValidity checks a responsible person's certificate validity
// with the minimum of its type in the province (CertMinMonths) for a filing
// made on asOf, under the default table. Use CheckExpired for
// records already approved.
func CheckPersonValidity(p Person, province string, asOf time.Time) error {
	return DefaultProvinceRules().CheckPersonValidity(p, province, asOf)
}

// CheckPersonValidity is the package function CheckPersonValidity under
// table r.
func (r ProvinceRules) CheckPersonValidity(p Person, province string, asOf time.Time) error {
	return certno.CheckValidity(p.CertValidity, r.CertMinMonths(province, p.CertType, asOf), asOf)
}

// CheckExpired reports whether an approved record's responsible person's
// certificate has expired by asOf (R-84: a change filing is due). It
// returns certno.CodeCertExpired or nil; a certificate without known validity is
// not reported.
func CheckExpired(p Person, asOf time.Time) error {
	v := p.CertValidity
	if v.IsZero() || v.End.IsZero() {
		return nil
	}
	if end := civilDay(v.End); end.Before(civilDay(asOf)) {
		return newProblem(certno.CodeCertExpired, end.String())
	}
	return nil
}
