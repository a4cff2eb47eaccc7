package forms

import (
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/numbering"
)

// This file is the only place that calls into filing, numbering and calendar
// for checks, so that the SDK's shared rules are used, never re-implemented.

// judgeKind applies R-05 (filing.JudgeKind): the sponsor name first, then the
// nature. ApplicantUnknown when neither decides.
func judgeKind(name string, nature filing.Nature) ApplicantKind {
	switch filing.JudgeKind(name, nature) {
	case filing.KindIndividual:
		return ApplicantIndividual
	case filing.KindOrganisation:
		return ApplicantOrganisation
	}
	return ApplicantUnknown
}

// parseRecordNumber parses a record number with numbering.Parse. Record
// numbers on these forms are the numbers the filing system issues: ICP
// filing numbers (京ICP备05002571号-1), and for licensed subjects the ICP or
// telecom licence they file under; a public security number (公网安备) is
// not a filing record number (form.record_number_kind).
func parseRecordNumber(s string) (numbering.Number, error) {
	n, err := numbering.Parse(s)
	if err != nil {
		return numbering.Number{}, err
	}
	switch n.Kind() {
	case numbering.KindICPFiling, numbering.KindICPLicence, numbering.KindTelecomLicence:
		return n, nil
	}
	return numbering.Number{}, problem(CodeRecordKind, "record_number", labels["record_number"])
}

// subjectRecordNumber returns the canonical subject number of a record
// number (a website number "…号-3" gives "…号"); ok is false when s does not
// parse.
func subjectRecordNumber(s string) (string, bool) {
	n, err := parseRecordNumber(s)
	if err != nil {
		return "", false
	}
	return n.Subject().String(), true
}

// checkDomain normalises a domain and checks that it may be filed
// (domain.CheckDomain: IDNA, not a public suffix, MIIT-approved TLD).
func checkDomain(s string) (string, error) {
	d, err := domain.NormalizeDomain(s)
	if err != nil {
		return "", err
	}
	if err := domain.CheckDomain(d); err != nil {
		return "", err
	}
	return d, nil
}

// deadlineR22 is the due date of an application received on the given day
// 5 working days, counted from the day after receipt).
func deadlineR22(cal *calendar.Calendar, received time.Time) (time.Time, error) {
	if cal == nil {
		cal = calendar.Default()
	}
	return cal.Deadline(calendar.ApplicationR22, received)
}
