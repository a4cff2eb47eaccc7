package sitename

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/beiankit/beian/internal/catalog"
)

// Input is what the name rules read: the name and the facts of the filing
// the name depends on. Natures are the codes of filing.Nature
// ("individual", "enterprise", "government", "institution",
// "social_group", ...); approvals are the codes of filing's pre-approval
// categories ("news", "bbs", ...).
type Input struct {
	// Name is the website's or app's name as typed.
	Name string
	// Sponsor is the sponsor's name (主办单位名称): for an individual the
	// person's name.
	Sponsor string
	// Nature is the sponsor's nature code.
	Nature string
	// Province is the two-digit code of the filing province, for the
	// province rows.
	Province string
	// Approvals are the pre-approval categories the service declares or
	// holds; a field word of a held category is allowed.
	Approvals []string
	// Domains are the website's domains, for the words that count against
	// a domain ("bbs"); empty for an app.
	Domains []string
	// Service is "website" (the default when empty) or "app" (apps,
	// mini-programs and quick apps), for the rows that concern one kind.
	Service string
}

// Finding is one problem of a name: which rule, which word and why, in
// Chinese for the applicant and in English for the developer, with a
// suggestion where one exists.
type Finding struct {
	Code     Code     `json:"code"`
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Family is the ID of the data row behind the finding, "" for the
	// form rules (length, digits, symbols ...).
	Family string `json:"family,omitempty"`
	// Word is the offending word or symbol, as it appears after
	// Normalize.
	Word string `json:"word,omitempty"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
	// Suggestion is a suggestion in Chinese, or "".
	Suggestion string `json:"suggestion,omitempty"`
	// Source names the guidance document of the row.
	Source string `json:"source,omitempty"`
}

// Check applies the default rules (Default) to in.
func Check(in Input) []Finding { return Default().Check(in) }

// Check applies the rules to in and returns the findings, errors and
// warnings in the order the rules run: form first (length, digits, Latin,
// domain, symbols), then the person and place of an individual, then the
// word families and the province rows. An empty name gives nothing: a
// missing name is the caller's required-field problem.
func (r *Rules) Check(in Input) []Finding {
	if isBlank(in.Name) {
		return nil
	}
	n := Normalize(in.Name)
	var out []Finding
	form := r.formFindings(in.Name, n)
	out = append(out, form...)
	if slices.ContainsFunc(form, func(f Finding) bool { return f.Code == CodeAllDigits || f.Code == CodeAllLatin || f.Code == CodeDomain }) {
		return out // the name is not a name yet: its words say nothing more
	}
	var sponsor string // normalised lazily
	sponsorHas := func(w string) bool {
		if sponsor == "" {
			sponsor = Normalize(in.Sponsor)
		}
		return sponsor != "" && strings.Contains(sponsor, w)
	}
	if in.Nature == "individual" {
		if p := Normalize(in.Sponsor); utf8Len(p) >= 2 && strings.Contains(n, p) {
			// Named after the person: the name is the person's name, give
			// or take one character ("王磊网"). A name that only carries it
			// ("王磊的读书笔记", ozabc's "XXX的研发日志") is a warning.
			sev := Warning
			if utf8Len(n)-utf8Len(p) <= 1 {
				sev = Error
			}
			out = append(out, finding(CodePerson, sev, "", p, in.Name, p, "", "用体现网站内容的名称，不要使用本人姓名", ""))
		}
		for _, pl := range r.places {
			if strings.HasPrefix(n, pl) {
				out = append(out, finding(CodePlace, Error, "", pl, in.Name, pl, "", "去掉开头的地名“"+pl+"”", r.placesSource()))
				break
			}
		}
	}
	var hitBuf [16]hit
	hits := r.scan(n, hitBuf[:0])
	fams := r.always  // rows that need no hit: conventions and domain words
	var famHit uint64 // bit i: row i has a hit (rows past 63 are always looked at)
	if len(hits) > 0 {
		fams = r.all
		for _, h := range hits {
			if h.fam < 64 {
				famHit |= 1 << h.fam
			}
		}
	}
	for _, i := range fams {
		f := &r.families[i]
		if !f.applies(in) {
			continue
		}
		if f.Kind == "suffix" {
			if suf := f.words[0]; !strings.HasSuffix(n, suf) {
				out = append(out, f.finding(in, suf, fmt.Sprintf(f.SuggestionZh, strings.TrimSuffix(in.Name, "网站"))))
			}
			continue
		}
		if len(hits) > 0 && (i >= 64 || famHit&(1<<i) != 0) {
			for _, w := range f.words { // the row's first word that hits: "有限公司" before "公司"
				if !hitOf(hits, i, w, f.Match == "prefix") || f.exempt(in, w, sponsorHas) {
					continue
				}
				out = append(out, f.finding(in, w, suggest(f.SuggestionZh, w)))
				break // one finding per row: the first word says enough
			}
		}
		if len(f.dwords) > 0 && len(in.Domains) > 0 && (f.Approval == "" || !slices.Contains(in.Approvals, f.Approval)) {
			if d, w, ok := domainHit(in.Domains, f.dwords); ok {
				fd := f.finding(in, w, suggest(f.SuggestionZh, w))
				fd.Zh = "域名“" + d + "”含“" + w + "”，视为论坛：" + f.ReasonZh
				fd.En = fmt.Sprintf("domain %q carries %q and counts as a forum: %s", d, w, f.ReasonEn)
				out = append(out, fd)
			}
		}
	}
	return out
}

// Errors returns the findings of severity Error.
func Errors(fs []Finding) []Finding {
	return slices.DeleteFunc(slices.Clone(fs), func(f Finding) bool { return f.Severity != Error })
}

// Warnings returns the findings of severity Warning.
func Warnings(fs []Finding) []Finding {
	return slices.DeleteFunc(slices.Clone(fs), func(f Finding) bool { return f.Severity != Warning })
}

// formFindings: the R-90 form rules on the normalised name n.
func (r *Rules) formFindings(name, n string) []Finding {
	var han, latin, digit, count int
	var symbol rune
	for _, c := range n {
		switch {
		case c >= 0x4E00 && c <= 0x9FFF || c >= 0x3400 && unicode.Is(unicode.Han, c):
			han++
			count++
		case c < 0x80 && ('a' <= c && c <= 'z'):
			latin++
			count++
		case c < 0x80 && '0' <= c && c <= '9':
			digit++
			count++
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			count++ // letters of other scripts: not a symbol
		case strings.ContainsRune(r.allowed, c):
		case c == '.' && isDomainName(name, n): // rare: only names with a dot get here
		default:
			if symbol == 0 {
				symbol = c
			}
		}
	}
	var out []Finding
	dotted := strings.IndexByte(n, '.') >= 0
	switch {
	case count > 0 && digit == count:
		return append(out, finding(CodeAllDigits, Error, "", "", name, "", "", "用能体现网站内容的中文名称", ""))
	case dotted && isDomainName(name, n):
		return append(out, finding(CodeDomain, Error, "", n, name, n, "", "用能体现网站内容的中文名称，不要直接填写域名", ""))
	case han == 0 && latin > 0:
		return append(out, finding(CodeAllLatin, Error, "", "", name, "", "", "在名称中使用汉字，如“"+name+"技术笔记”", ""))
	}
	if symbol != 0 {
		out = append(out, finding(CodeSymbol, Error, "", string(symbol), name, string(symbol), "", "去掉“"+string(symbol)+"”", ""))
	}
	if count < r.minChars {
		out = append(out, finding(CodeTooShort, Error, "", "", name, strconv.Itoa(r.minChars), "", "名称至少使用"+strconv.Itoa(r.minChars)+"个字符", ""))
	}
	return out
}

// isDomainName reports whether the name as typed reads as a domain name:
// its normalised form n is one (isDomain) and no dot of the name is
// followed by white space, which Normalize removes ("Mr. PM 下午先生" is
// words with a dot, not the domain "mr.pm下午先生").
func isDomainName(name, n string) bool {
	dot := false
	for _, c := range name {
		if dot && unicode.IsSpace(c) {
			return false
		}
		dot = c == '.' || c == '．' || c == '。' || c == '｡'
	}
	return isDomain(n)
}

// isDomain reports whether the normalised name n reads as a domain name:
// labels of letters, digits and hyphens, at least two, separated by dots,
// the last of letters only (an optional scheme or "www." included).
func isDomain(n string) bool {
	n = strings.TrimPrefix(strings.TrimPrefix(n, "https://"), "http://")
	n = strings.TrimSuffix(n, "/")
	labels := strings.Split(n, ".")
	if len(labels) < 2 {
		return false
	}
	for i, l := range labels {
		if l == "" {
			return false
		}
		for _, c := range l {
			ok := c == '-' || unicode.IsLetter(c) || (unicode.IsDigit(c) && i < len(labels)-1)
			if !ok {
				return false
			}
		}
	}
	return true
}

// applies reports whether the row applies to the input's subject.
func (f *Family) applies(in Input) bool {
	if f.Province != "" && f.Province != in.Province {
		return false
	}
	if len(f.Services) > 0 {
		svc := in.Service
		if svc == "" {
			svc = "website"
		}
		if !slices.Contains(f.Services, svc) {
			return false
		}
	}
	if len(f.AppliesNatures) > 0 && !slices.Contains(f.AppliesNatures, in.Nature) {
		return false
	}
	return !slices.Contains(f.ExemptNatures, in.Nature)
}

// exempt reports whether word w of the row is allowed for the input.
func (f *Family) exempt(in Input, w string, sponsorHas func(string) bool) bool {
	if f.Approval != "" && slices.Contains(in.Approvals, f.Approval) {
		return true
	}
	if c, ok := f.wordCat[w]; ok && slices.Contains(in.Approvals, c) {
		return true
	}
	return f.ExemptIfSponsorHasWord && in.Nature != "individual" && sponsorHas(w)
}

// finding builds the finding of row f for word w in the input's name: a
// warning for a nature of WarnNatures, else of the row's severity.
func (f *Family) finding(in Input, w, suggestion string) Finding {
	name, sev := in.Name, f.Severity
	if slices.Contains(f.WarnNatures, in.Nature) {
		sev = Warning
	}
	fd := finding(f.Code, sev, f.ID, w, name, w, f.ReasonZh, suggestion, f.Source)
	fd.Rule = f.Rule
	// the English message carries the English reason
	e, _ := catalog.Lookup(string(f.Code))
	fd.En = fmt.Sprintf(e.En, name, w, f.ReasonEn)
	return fd
}

// finding fills a code's messages: %[1]s the name, %[2]s the word or
// number, %[3]s the reason.
func finding(code Code, sev Severity, family, word, name, arg2, reason, suggestion, source string) Finding {
	e, _ := catalog.Lookup(string(code))
	return Finding{
		Code: code, Rule: e.Rule, Severity: sev, Family: family, Word: word,
		Zh:         fmt.Sprintf(e.Zh, name, arg2, reason),
		En:         fmt.Sprintf(e.En, name, arg2, reason),
		Suggestion: suggestion, Source: source,
	}
}

func suggest(tmpl, w string) string {
	if tmpl == "" {
		return ""
	}
	if strings.Contains(tmpl, "%s") {
		return fmt.Sprintf(tmpl, w)
	}
	return tmpl
}

// domainHit finds the first domain that carries one of the words.
func domainHit(domains []string, words []string) (domain, word string, ok bool) {
	for _, d := range domains {
		nd := Normalize(d)
		for _, w := range words {
			if strings.Contains(nd, w) {
				return d, w, true
			}
		}
	}
	return "", "", false
}

func (r *Rules) placesSource() string { return "GB/T 2260; 新网 服务名称填写要求" }

func utf8Len(s string) int { return len([]rune(s)) }

// hit is one occurrence of a row's word in the normalised name.
type hit struct {
	fam  int
	word string
	pos  int
}

// wordRef is one word of one row in the index of first runes.
type wordRef struct {
	fam  int
	word string
}

// buildIndex indexes the words of every row by their first rune, so that
// Check scans the name once rather than searching every word.
func (r *Rules) buildIndex() {
	r.index = map[rune][]wordRef{}
	r.first = new([1024]uint64)
	r.all, r.always = nil, nil
	for i := range r.families {
		f := &r.families[i]
		r.all = append(r.all, i)
		if f.Kind == "suffix" || len(f.dwords) > 0 {
			r.always = append(r.always, i)
		}
		if f.Kind == "suffix" {
			continue
		}
		for _, w := range f.words {
			c, _ := utf8.DecodeRuneInString(w)
			r.index[c] = append(r.index[c], wordRef{i, w})
			if c < 0x10000 {
				r.first[c>>6] |= 1 << (c & 63)
			}
		}
	}
}

// scan returns the occurrences of the rows' words in n.
func (r *Rules) scan(n string, hits []hit) []hit {
	for pos, c := range n {
		if c < 0x10000 && r.first[c>>6]&(1<<(c&63)) == 0 {
			continue // no word starts with c: most runes of most names
		}
		for _, ref := range r.index[c] {
			if strings.HasPrefix(n[pos:], ref.word) {
				hits = append(hits, hit{ref.fam, ref.word, pos})
			}
		}
	}
	return hits
}

// hitOf reports whether word w of row fam occurs (at the start, if prefix).
func hitOf(hits []hit, fam int, w string, prefix bool) bool {
	for _, h := range hits {
		if h.fam == fam && h.word == w && (!prefix || h.pos == 0) {
			return true
		}
	}
	return false
}

// isBlank reports whether s is empty or white space only; it stops at the
// first other rune.
func isBlank(s string) bool {
	for _, c := range s {
		if !unicode.IsSpace(c) {
			return false
		}
	}
	return true
}
