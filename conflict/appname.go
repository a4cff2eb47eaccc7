package conflict

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

//go:embed data/confusables.json
var confusablesJSON []byte

// confusables maps a Cyrillic or Greek letter to the Latin letter it is
// mistaken for (UTS #39 confusables.txt; see the data file).
var confusables = sync.OnceValue(func() map[rune]rune {
	var d struct {
		Letters map[string]string `json:"letters"`
	}
	if err := json.Unmarshal(confusablesJSON, &d); err != nil || len(d.Letters) == 0 {
		panic("conflict: embedded data/confusables.json: bad table") // build defect
	}
	m := make(map[rune]rune, len(d.Letters))
	for k, v := range d.Letters {
		kr, vr := []rune(k), []rune(v)
		if len(kr) != 1 || len(vr) != 1 {
			panic("conflict: embedded data/confusables.json: bad row " + k) // build defect
		}
		m[kr[0]] = vr[0]
	}
	return m
})

// AppNameKey returns the form in which app names meet for the name conflict
// of R-74 and the public query by app name: NameKey of the name's skeleton,
// where each Cyrillic or Greek letter that reads as a Latin letter is that
// letter (UTS #39 confusables, embedded table) and invisible format
// characters (zero-width joiner and non-joiner, word joiner, soft hyphen,
// direction marks: Unicode category Cf) are removed. "WеChat Pay" with a
// Cyrillic е, "WeChat\u200dPay" and "WΕChat Pay" with a Greek Ε all meet
// "WeChat Pay"; Chinese names are unaffected. Platform identifiers are
// ASCII and keyed by filing.AppIdentifierKey, not by this. AppNameKey is
// idempotent.
func AppNameKey(s string) string {
	if k, ok := fastNameKey(s); ok {
		return k // lower-case ASCII and CJK: nothing to fold
	}
	m := confusables()
	// NFC again: a Latin letter put in place of a Cyrillic one may now
	// compose with the mark after it (е + U+0301 becomes é).
	return norm.NFC.String(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		if l, ok := m[r]; ok {
			return l
		}
		return r
	}, NameKey(s)))
}
