package sitename

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
)

//go:embed data/rules.json
var rulesJSON []byte

// Severity says whether a finding refuses the name (Error) or only asks for
// a second look (Warning).
type Severity string

// Severities of a finding.
const (
	// Error: the name breaks a rule the guidance documents state as a
	// requirement; filing.Validate reports it.
	Error Severity = "error"
	// Warning: the rule is one provider's practice (a word list,
	// Guangdong's "…官网"), or a case the sources leave open (an
	// individual's name that carries the person's name inside a longer
	// name); filing.Warnings reports it, Validate does not.
	Warning Severity = "warning"
)

// Family is one row of the rules: a family of words (or a province's
// convention) with whom it applies to, what exempts a name from it, its
// severity and its source. Rows are data (data/rules.json); a caller
// replaces or adds rows with Rules.With.
type Family struct {
	// ID names the row; With replaces the row of the same ID.
	ID string `json:"id"`
	// Province, when set, limits the row to subjects filing with that
	// province (two-digit GB/T 2260 code).
	Province string `json:"province,omitempty"`
	// Code is the problem code the row reports (one of Codes).
	Code Code `json:"code"`
	// Rule is the rule ID, "R-90" or "R-91".
	Rule string `json:"rule"`
	// Grade is the source's grade: A rule text or a government page, B a
	// major provider's documentation, C a third-party page.
	Grade string `json:"grade,omitempty"`
	// Source names the guidance document the row comes from.
	Source string `json:"source"`
	// Match is "contains" (the word anywhere), "prefix" (the name starts
	// with the word) or, for Kind "suffix", ignored.
	Match string `json:"match,omitempty"`
	// Kind is "" for a word family, or "suffix" for a convention that the
	// name ends with Words[0] (Guangdong's "…官网").
	Kind string `json:"kind,omitempty"`
	// Services limits the row to "website" or "app" names; empty means
	// both.
	Services []string `json:"services,omitempty"`
	// AppliesNatures limits the row to these subject natures; empty means
	// every nature.
	AppliesNatures []string `json:"applies_natures,omitempty"`
	// ExemptNatures exempts these natures.
	ExemptNatures []string `json:"exempt_natures,omitempty"`
	// WarnNatures makes the row a warning for these natures: the word may
	// be allowed, but the rules cannot tell (a government sponsor may be
	// a state-level unit, which the state words are reserved for).
	WarnNatures []string `json:"warn_natures,omitempty"`
	// ExemptIfSponsorHasWord exempts a word that the sponsor's registered
	// name also carries (中国银行股份有限公司 → 中国银行官网).
	ExemptIfSponsorHasWord bool `json:"exempt_if_sponsor_has_word,omitempty"`
	// Approval exempts the row when the input holds this pre-approval
	// category (R-07 codes such as "bbs").
	Approval string `json:"approval,omitempty"`
	// ApprovalWords maps a pre-approval category to its field's words; a
	// word is exempt when its category is held.
	ApprovalWords map[string][]string `json:"approval_words,omitempty"`
	// Severity is "error" or "warning".
	Severity Severity `json:"severity"`
	// Words are the words of the row, as the guidance documents write
	// them; they are compared after Normalize.
	Words []string `json:"words,omitempty"`
	// DomainWords are words that count against a domain as well (a domain
	// containing "bbs" counts as a forum).
	DomainWords []string `json:"domain_words,omitempty"`
	// ReasonZh and ReasonEn say why, for the applicant and the developer.
	ReasonZh string `json:"reason_zh"`
	ReasonEn string `json:"reason_en"`
	// SuggestionZh is a suggestion; "%s" is replaced by the word (or, for
	// a suffix convention, by the name).
	SuggestionZh string `json:"suggestion_zh,omitempty"`

	// compiled forms, filled by prepare.
	words   []string          // normalised Words
	dwords  []string          // normalised DomainWords
	wordCat map[string]string // normalised approval word → category
}

// table is the JSON form of data/rules.json.
type table struct {
	Source         string   `json:"source"`
	Compiled       string   `json:"compiled"`
	MinChars       int      `json:"min_chars"`
	AllowedSymbols string   `json:"allowed_symbols"`
	Families       []Family `json:"families"`
	Places         struct {
		Source string   `json:"source"`
		Words  []string `json:"words"`
	} `json:"places"`
	Provinces []Family `json:"provinces"`
}

// Rules is a set of name rules: the national requirements, the
// reserved-word families and the province rows. A *Rules is immutable and
// safe for concurrent use.
type Rules struct {
	minChars int
	allowed  string
	families []Family // national rows, then province rows
	places   []string // normalised place names
	index    map[rune][]wordRef
	first    *[1024]uint64 // bit c set: some word starts with rune c (c < 0x10000)
	all      []int         // indexes of every row
	always   []int         // rows checked even without a word hit
	source   string
	compiled string
}

// Parse reads rules in the JSON shape of the embedded data/rules.json
// ("min_chars", "allowed_symbols", "families", "places", "provinces").
// It fails on malformed JSON, a row without ID, code or a known severity,
// or a code this package does not define.
func Parse(data []byte) (*Rules, error) {
	var t table
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("sitename: rules: %w", err)
	}
	r := &Rules{minChars: t.MinChars, allowed: t.AllowedSymbols, source: t.Source, compiled: t.Compiled}
	if r.minChars <= 0 {
		r.minChars = 3
	}
	for _, w := range t.Places.Words {
		r.places = append(r.places, Normalize(w))
	}
	for _, f := range slices.Concat(t.Families, t.Provinces) {
		if err := f.prepare(); err != nil {
			return nil, err
		}
		r.families = append(r.families, f)
	}
	r.buildIndex()
	return r, nil
}

// prepare checks a row and compiles its words.
func (f *Family) prepare() error {
	if f.ID == "" {
		return fmt.Errorf("sitename: rules: a row without id")
	}
	if !slices.Contains(codes.Codes(), f.Code) {
		return fmt.Errorf("sitename: rules: row %s: unknown code %q", f.ID, f.Code)
	}
	if f.Severity != Error && f.Severity != Warning {
		return fmt.Errorf("sitename: rules: row %s: severity %q is neither error nor warning", f.ID, f.Severity)
	}
	if f.Kind == "suffix" && len(f.Words) == 0 {
		return fmt.Errorf("sitename: rules: row %s: a suffix convention without its suffix", f.ID)
	}
	f.words, f.dwords, f.wordCat = nil, nil, nil
	for _, w := range f.Words {
		if n := Normalize(w); n != "" {
			f.words = append(f.words, n)
		}
	}
	for _, w := range f.DomainWords {
		if n := Normalize(w); n != "" {
			f.dwords = append(f.dwords, n)
		}
	}
	if len(f.ApprovalWords) > 0 {
		f.wordCat = map[string]string{}
		cats := make([]string, 0, len(f.ApprovalWords))
		for c := range f.ApprovalWords {
			cats = append(cats, c)
		}
		slices.Sort(cats) // a stable word order, whatever the map's
		for _, c := range cats {
			for _, w := range f.ApprovalWords[c] {
				if n := Normalize(w); n != "" {
					f.words = append(f.words, n)
					f.wordCat[n] = c
				}
			}
		}
	}
	return nil
}

var defaultRules = sync.OnceValue(func() *Rules {
	r, err := Parse(rulesJSON)
	if err != nil {
		panic("sitename: embedded data/rules.json: " + err.Error()) // build defect, caught by every test run
	}
	return r
})

// Default returns the rules of the embedded table (data/rules.json).
func Default() *Rules { return defaultRules() }

// Families returns the rows of the rules, national rows first; the slice
// and its rows are copies.
func (r *Rules) Families() []Family {
	out := make([]Family, len(r.families))
	for i, f := range r.families {
		f.Words, f.AppliesNatures, f.ExemptNatures = slices.Clone(f.Words), slices.Clone(f.AppliesNatures), slices.Clone(f.ExemptNatures)
		f.WarnNatures, f.DomainWords, f.Services = slices.Clone(f.WarnNatures), slices.Clone(f.DomainWords), slices.Clone(f.Services)
		if f.ApprovalWords != nil {
			aw := make(map[string][]string, len(f.ApprovalWords))
			for k, v := range f.ApprovalWords {
				aw[k] = slices.Clone(v)
			}
			f.ApprovalWords = aw
		}
		f.words, f.dwords, f.wordCat = nil, nil, nil
		out[i] = f
	}
	return out
}

// Source and Compiled describe the table the rules were read from.
func (r *Rules) Source() string { return r.source }

// Compiled is the date the table was compiled.
func (r *Rules) Compiled() string { return r.compiled }

// With returns rules with rows added: a row whose ID is already present
// replaces it (a caller's own reading of a province), others are appended.
// A row with no words and no suffix removes the row of that ID. r is not
// changed.
func (r *Rules) With(rows ...Family) (*Rules, error) {
	out := *r
	out.families = slices.Clone(r.families)
	for _, f := range rows {
		remove := len(f.Words) == 0 && len(f.ApprovalWords) == 0 && f.Kind == ""
		i := slices.IndexFunc(out.families, func(g Family) bool { return g.ID == f.ID })
		if remove {
			if i >= 0 {
				out.families = slices.Delete(out.families, i, i+1)
			}
			continue
		}
		if err := f.prepare(); err != nil {
			return nil, err
		}
		if i >= 0 {
			out.families[i] = f
		} else {
			out.families = append(out.families, f)
		}
	}
	out.buildIndex()
	return &out, nil
}
