package certno

import (
	"bytes"
	"github.com/beiankit/beian/internal/textnorm"
	"strings"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing/problem"
)

// Codes of certificate validity.
var (
	CodeValidityOrder = codes.Define("validity.order", "R-84",
		"证件有效期的截止日期早于起始日期，请核对",
		"certificate validity: the end date is before the start date")
	CodeValidityFormat = codes.Define("validity.format", "R-84",
		"证件有效期格式不正确，请填写日期（如2030-01-31）或“长期”",
		"certificate validity: %[1]q is not a date (YYYY-MM-DD, YYYYMMDD) or 长期")
	CodeValidityMissing = codes.Define("validity.missing", "R-84",
		"未填写证件有效期，无法核对证件是否在有效期内",
		"certificate validity missing: expiry cannot be checked")
	CodeCertNotYetValid = codes.Define("validity.not_yet", "R-84",
		"证件尚未生效（有效期自%[1]s起）",
		"the certificate is not valid yet (valid from %[1]s)")
	CodeCertExpired = codes.Define("validity.expired", "R-84",
		"证件已过期（有效期至%[1]s），请更换有效证件；已备案的须办理变更备案",
		"the certificate expired on %[1]s; an approved record needs a change filing")
	CodeCertValidityShort = codes.Define("validity.short", "R-84",
		"证件有效期须大于%[2]d个月（有效期至%[1]s）",
		"the certificate must be valid for more than %[2]d months (valid until %[1]s)")
)

// Validity is the validity period of a certificate (证件有效期): the civil
// dates in China of its first and last valid day, or 长期 (no expiry).
// The zero Validity is unknown.
type Validity struct {
	// Start is the first valid day (有效期起始日期); zero when not given.
	Start time.Time `json:"start,omitzero"`
	// End is the last valid day (有效期截止日期), inclusive; zero for 长期.
	End time.Time `json:"end,omitzero"`
	// LongTerm is 长期: the certificate does not expire.
	LongTerm bool `json:"long_term,omitempty"`
}

// IsZero reports whether v says nothing.
func (v Validity) IsZero() bool { return v.Start.IsZero() && v.End.IsZero() && !v.LongTerm }

// String returns the period as the filing system shows it, "2020-01-02至2040-01-02"
// or "2020-01-02至长期" (a missing start is left empty); "" for the zero Validity.
func (v Validity) String() string {
	if v.IsZero() {
		return ""
	}
	var b strings.Builder
	if !v.Start.IsZero() {
		b.WriteString(v.Start.Format(time.DateOnly))
	}
	b.WriteString("至")
	if v.LongTerm {
		b.WriteString("长期")
	} else if !v.End.IsZero() {
		b.WriteString(v.End.Format(time.DateOnly))
	}
	return b.String()
}

// ParseValidity reads a validity period as ISP APIs and forms give it: each
// date as "YYYY-MM-DD", "YYYY.MM.DD", "YYYY/MM/DD" or "YYYYMMDD" (full-width
// digits accepted), and the end as "长期" for no expiry. start may be empty.
// It returns a *Problem with CodeValidityFormat or CodeValidityOrder.
func ParseValidity(start, end string) (Validity, error) {
	var v Validity
	var err error
	if s := strings.TrimSpace(start); s != "" {
		if v.Start, err = parseCivilDate(s); err != nil {
			return Validity{}, err
		}
	}
	e := strings.TrimSpace(end)
	switch e {
	case "长期", "长期有效", "long_term":
		v.LongTerm = true
	default:
		if v.End, err = parseCivilDate(e); err != nil {
			return Validity{}, err
		}
	}
	if !v.Start.IsZero() && !v.End.IsZero() && v.End.Before(v.Start) {
		return Validity{}, problem.New(CodeValidityOrder)
	}
	return v, nil
}

// parseCivilDate reads a civil date in China: after folding full-width
// digits and separators, "YYYY-MM-DD" (any of - . / between the parts) or
// "YYYYMMDD", a real date (calendar.NewDay rules: 2023-02-29 is refused)
// from 1900. It returns midnight China Standard Time of the date.
func parseCivilDate(s string) (time.Time, error) {
	b := make([]byte, 0, 10)
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			r -= '０' - '0'
		case r == '－' || r == '／' || r == '．':
			r = '-'
		}
		switch {
		case r >= '0' && r <= '9':
			b = append(b, byte(r))
		case r == '-' || r == '.' || r == '/':
			b = append(b, '-')
		default:
			return time.Time{}, problem.New(CodeValidityFormat, textnorm.Truncate(s, 32))
		}
		if len(b) > 10 {
			return time.Time{}, problem.New(CodeValidityFormat, textnorm.Truncate(s, 32))
		}
	}
	if len(b) == 8 && !bytes.ContainsRune(b, '-') { // YYYYMMDD
		b = []byte{b[0], b[1], b[2], b[3], '-', b[4], b[5], '-', b[6], b[7]}
	}
	d, err := calendar.ParseDay(string(b))
	if err != nil || d.Year() < 1900 {
		return time.Time{}, problem.New(CodeValidityFormat, textnorm.Truncate(s, 32))
	}
	return d.Time(), nil
}

// civilDay is calendar.DayOfClamped; addMonths is calendar.Day.AddMonths
// clamped to 9999-12-31 (R-84 counts remaining validity in calendar months).
func civilDay(t time.Time) calendar.Day { return calendar.DayOfClamped(t) }

func addMonths(day calendar.Day, n int) calendar.Day {
	if r := day.AddMonths(n); r.IsValid() {
		return r
	}
	return calendar.DayOfClamped(time.Unix(1<<40, 0)) // 9999-12-31
}

// CheckValidity checks a certificate's validity on the civil date of asOf
// a period whose end is before its start, a certificate not yet
// valid or expired, or one with no more than minMonths calendar months
// left is refused; 长期 never expires. A zero Validity, or one with neither
// an end date nor 长期 (a start alone), is CodeValidityMissing: a missing
// end is unknown, never read as expired.
//
// "More than 3 months" is read on civil dates: on 2026-03-05 the end must be
// after 2026-06-05 (DESIGN).
func CheckValidity(v Validity, minMonths int, asOf time.Time) error {
	if v.IsZero() {
		return problem.New(CodeValidityMissing)
	}
	if !v.Start.IsZero() && !v.End.IsZero() && v.End.Before(v.Start) {
		return problem.New(CodeValidityOrder)
	}
	day := civilDay(asOf)
	if start := civilDay(v.Start); !v.Start.IsZero() && start.After(day) {
		return problem.New(CodeCertNotYetValid, start.String())
	}
	if v.End.IsZero() {
		if v.LongTerm {
			return nil
		}
		return problem.New(CodeValidityMissing)
	}
	end := civilDay(v.End)
	if end.Before(day) {
		return problem.New(CodeCertExpired, end.String())
	}
	if minMonths > 0 && !end.After(addMonths(day, minMonths)) {
		return problem.New(CodeCertValidityShort, end.String(), minMonths)
	}
	return nil
}
