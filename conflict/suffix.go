package conflict

import (
	"strconv"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/numbering"
)

// Codes of the shared service sequence of a subject.
var (
	// CodeServiceLetter: a suffixed number whose kind letter is not its
	// service's: a website with a letter, an app without "A", a
	// mini-program without "X", a quick app without "K".
	CodeServiceLetter = define("conflict.service_letter", "R-42",
		"备案号%[1]s的类型字母与服务类型（%[2]s）不符：网站无字母，APP为A，小程序为X，快应用为K",
		"number %[1]s does not carry the letter of its service (%[2]s): none for a website, A for an app, X for a mini-program, K for a quick app")
	// CodeSuffixTaken: two services of one subject under one suffix.
	CodeSuffixTaken = define("conflict.suffix_taken", "R-41",
		"同一主体下的网站、APP、小程序和快应用共用一个序号序列，序号%[1]d已被%[2]s使用",
		"websites, apps, mini-programs and quick apps of a subject share one suffix sequence: suffix %[1]d is already used by %[2]s")
)

// serviceSuffixes checks the one suffix sequence a subject's websites and
// apps share: every number numbering.Parse reads carries the
// letter of its service (none for a website, A, X, K), and no suffix is
// used twice, by any two services, cancelled ones included (a suffix is
// never reused). Numbers numbering does not read are left to the other
// checks. Without this an app numbered "-7" or "-2K", or an app "-1A"
// beside a website "-1", was accepted, and the query by number then
// answered with one of the two only.
func serviceSuffixes(r *Record, probs problemList) problemList {
	var room [8]suffixUse // on the stack: no allocation on a bulk load
	used := room[:0]
	for i := range r.Websites {
		if w := &r.Websites[i]; w.Number != "" {
			probs, used = checkSuffix(probs, used, i, false, w.Number, numbering.ServiceWebsite, "网站")
		}
	}
	for i := range r.Apps {
		a := &r.Apps[i]
		if a.Number == "" {
			continue
		}
		k := filing.AppKind(strings.ToLower(strings.TrimSpace(string(a.Kind))))
		var want numbering.ServiceKind
		switch k {
		case filing.AppKindApp:
			want = numbering.ServiceApp
		case filing.AppKindMiniProgram:
			want = numbering.ServiceMiniProgram
		case filing.AppKindQuickApp:
			want = numbering.ServiceQuickApp
		default:
			continue // an unknown kind: prepareApps reports it
		}
		probs, used = checkSuffix(probs, used, i, true, a.Number, want, k.Zh())
	}
	return probs
}

type suffixUse struct {
	suffix int
	number string
}

// checkSuffix checks one service's number against the suffixes used so far
// and returns the problems and the suffixes with its own.
func checkSuffix(probs problemList, used []suffixUse, i int, app bool, number string, want numbering.ServiceKind, what string) (problemList, []suffixUse) {
	n, err := numbering.Parse(number)
	if err != nil || n.IsSubject() {
		return probs, used
	}
	at := func(p *filing.Problem) *filing.Problem { // built only for a problem
		if app {
			return p.WithPath("apps["+strconv.Itoa(i)+"].number", "应用备案号")
		}
		return p.WithPath("websites["+strconv.Itoa(i)+"].number", "网站备案号")
	}
	if n.Service() != want {
		return append(probs, at(filing.NewProblem(CodeServiceLetter, number, what))), used
	}
	for _, u := range used {
		if u.suffix == n.Suffix() {
			return append(probs, at(filing.NewProblem(CodeSuffixTaken, n.Suffix(), u.number))), used
		}
	}
	return probs, append(used, suffixUse{n.Suffix(), number})
}
