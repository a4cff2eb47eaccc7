package footer

import (
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/numbering"
)

// Preference is which number a province wants on the home page.
type Preference string

// Preferences. Sources disagree: Tencent Cloud and most ISP notices say the
// website number (…号-n); Guangdong wants the subject number; one ISP says
// the subject number everywhere. DESIGN: either number of the record is
// accepted; a number other than the province's preference is a warning.
const (
	PreferWebsite Preference = "website"
	PreferSubject Preference = "subject"
)

// provinceGuangdong prefers the subject number.
const provinceGuangdong = "44"

// PreferenceOf returns the number a province prefers on the home page.
func PreferenceOf(province string) Preference {
	if province == provinceGuangdong {
		return PreferSubject
	}
	return PreferWebsite
}

// Check judges a scanned home page of website w of subject s:
//
//   - refused (a *filing.ValidationError): no record number shown
//     (CodeNumberMissing); none of the shown numbers is the subject's or
//     the website's (CodeNumberNotOwn); the own number not linked to the
//     filing system and no link to it on the page (CodeLinkMissing), or
//     linked elsewhere (CodeLinkWrong);
//   - warnings: the other of the two own numbers than the province prefers
//     (CodeNumberPreference), a link to an outdated system host
//     (CodeLinkOutdated), a system link elsewhere on the page but not on the
//     number (CodeLinkNotOnNumber), the website's public-security number
//     not shown (CodePSNotDisplayed) or linked to the old platform host
//     (CodePSLinkOutdated).
//
// The record numbers are read from s.Number and w.Number; a record without
// numbers cannot be checked and gives CodeNumberNotOwn for any number shown.
func Check(page *Page, s filing.Subject, w filing.Website) (warnings []*filing.Problem, err error) {
	var refused []*filing.Problem
	subj, _ := numbering.Parse(s.Number)
	site, _ := numbering.Parse(w.Number)
	if page == nil || len(page.Numbers) == 0 {
		refused = append(refused, filing.NewProblem(CodeNumberMissing))
		return warnings, &filing.ValidationError{Problems: refused}
	}
	var best *Displayed
	rank := func(d *Displayed) int { // linked current > outdated > elsewhere > none
		switch d.Kind {
		case LinkCurrent:
			return 3
		case LinkOutdated:
			return 2
		case LinkNone:
			return 1
		}
		return 0
	}
	for i := range page.Numbers {
		d := &page.Numbers[i]
		own := !d.Number.IsZero() && (d.Number == subj && !subj.IsZero() || d.Number == site && !site.IsZero())
		if own && (best == nil || rank(d) > rank(best)) {
			best = d
		}
	}
	if best == nil {
		refused = append(refused, filing.NewProblem(CodeNumberNotOwn, page.Numbers[0].Number.String()))
		return warnings, &filing.ValidationError{Problems: refused}
	}
	pref := PreferenceOf(s.Province)
	provName := s.Province
	if p, ok := filing.ProvinceByCode(s.Province); ok {
		provName = p.Name
	}
	switch {
	case pref == PreferSubject && best.Number != subj:
		warnings = append(warnings, filing.NewProblem(CodeNumberPreference, "主体备案号", provName))
	case pref == PreferWebsite && best.Number != site && !site.IsZero():
		warnings = append(warnings, filing.NewProblem(CodeNumberPreference, "网站备案号", provName))
	}
	switch best.Kind {
	case LinkCurrent:
	case LinkOutdated:
		warnings = append(warnings, filing.NewProblem(CodeLinkOutdated, best.Link))
	case LinkOther:
		refused = append(refused, filing.NewProblem(CodeLinkWrong, best.Link))
	default:
		if page.SystemLinks > 0 {
			warnings = append(warnings, filing.NewProblem(CodeLinkNotOnNumber))
		} else {
			refused = append(refused, filing.NewProblem(CodeLinkMissing))
		}
	}
	if given(w.PublicSecurityNumber) {
		want, _, perr := numbering.ParsePublicSecurity(w.PublicSecurityNumber)
		var shown *DisplayedPS
		for i := range page.PublicSecurity {
			if perr == nil && page.PublicSecurity[i].Number == want {
				shown = &page.PublicSecurity[i]
			}
		}
		switch {
		case shown == nil:
			warnings = append(warnings, filing.NewProblem(CodePSNotDisplayed, w.PublicSecurityNumber))
		case shown.Kind == LinkOutdated:
			warnings = append(warnings, filing.NewProblem(CodePSLinkOutdated, shown.Link))
		}
	}
	if len(refused) > 0 {
		return warnings, &filing.ValidationError{Problems: refused}
	}
	return warnings, nil
}

// given reports whether a record's number field holds a number: one of
// blanks only is no number, for Snippet and Check alike (they must agree
// on what the page has to show, R-98).
func given(number string) bool { return strings.TrimSpace(number) != "" }
