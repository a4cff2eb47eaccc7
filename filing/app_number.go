package filing

import (
	"strconv"
	"strings"
)

// Codes of the one suffix sequence of a subject's services (R-41, R-42,
//
var (
	CodeServiceLetter = define("app.number_letter", "R-42",
		"备案号%[1]s的类型字母与服务类型（%[2]s）不符：网站无字母，APP为A，小程序为X，快应用为K",
		"number %[1]s does not carry the letter of its service (%[2]s): none for a website, A for an app, X for a mini-program, K for a quick app")
	CodeSuffixTaken = define("app.number_suffix_taken", "R-41",
		"同一主体下的网站、APP、小程序和快应用共用一个序号序列，序号%[1]d已被%[2]s使用",
		"websites, apps, mini-programs and quick apps of a subject share one suffix sequence: suffix %[1]d is already used by %[2]s")
)

// serviceSuffix reads the suffix of a service's record number: the digits
// and the optional kind letter after the last "号-" of an ICP filing number
// (粤ICP备2023103620号-3A) or after the second dash of a licence number
// (粤B2-20090059-1626X), after NormalizeText (full-width digits, dashes and
// letters fold). ok is false for anything else (no suffix, or a form this
// reader does not know): such numbers are left to numbering and the
// conflict index, which parse every form; this package cannot import
// numbering, which imports it.
func serviceSuffix(number string) (suffix int, letter string, ok bool) {
	t := NormalizeText(number)
	i := strings.LastIndexByte(t, '-')
	if i < 0 || !(strings.HasSuffix(t[:i], "号") || strings.IndexByte(t[:i], '-') >= 0) {
		return 0, "", false
	}
	s := t[i+1:]
	if n := len(s); n > 0 && (s[n-1] < '0' || s[n-1] > '9') {
		letter, s = strings.ToUpper(s[n-1:]), s[:n-1]
	}
	v, err := strconv.Atoi(s)
	if err != nil || v <= 0 || len(s) > 6 || s[0] == '+' || s[0] == '-' {
		return 0, "", false
	}
	return v, letter, true
}

// serviceNumberRules checks the one suffix sequence that the websites and
// apps of a filing share: each number carries its
// service's letter (none for a website, A, X or K for an app, a
// mini-program or a quick app: CodeServiceLetter), and no two services
// share a suffix (CodeSuffixTaken). Before, an app "-7" or "-2K", a quick
// app "-3A", an app "-1A" beside a website "-1" and two apps "-2A" were
// all accepted, and the query by number then showed only one of them.
func (c *ruleCtx) serviceNumberRules() {
	f := c.f
	type use struct {
		suffix int
		number string
	}
	var used []use
	check := func(path, number, want, what string) {
		n, letter, ok := serviceSuffix(number)
		if !ok {
			return
		}
		if letter != want {
			c.add(newProblem(CodeServiceLetter, number, what), path)
			return
		}
		for _, u := range used {
			if u.suffix == n {
				c.add(newProblem(CodeSuffixTaken, n, u.number), path)
				return
			}
		}
		used = append(used, use{n, number})
	}
	for i := range f.Websites {
		if n := f.Websites[i].Number; n != "" {
			check("websites["+strconv.Itoa(i)+"].number", n, "", "网站")
		}
	}
	for i := range f.Apps {
		a := &f.Apps[i]
		if a.Number != "" && a.Kind.Valid() {
			check(appPath(i, ".number"), a.Number, a.Kind.Letter(), a.Kind.Zh())
		}
	}
}
