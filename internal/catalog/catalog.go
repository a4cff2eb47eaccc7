package catalog

import "slices"

// Entry is what the registry knows of one code.
type Entry struct {
	// Rule is the rule ID the code belongs to (such as "R-09"), or "".
	Rule string
	// Zh is the message for end users, in Chinese; it may hold fmt verbs.
	Zh string
	// En is the message for developers, in English; it may hold the same
	// fmt verbs in the same order.
	En string
}

var entries = map[string]Entry{}

// Define registers a code and returns it. It panics when the code is already
// defined: two owners for one code is a programming error, caught by any test
// run. Call it from package-level variable initialisation only.
func Define(code, rule, zh, en string) string {
	if code == "" {
		panic("catalog: empty code")
	}
	if _, dup := entries[code]; dup {
		panic("catalog: duplicate code " + code)
	}
	entries[code] = Entry{Rule: rule, Zh: zh, En: en}
	return code
}

// Lookup returns the entry of a code and whether it is defined.
func Lookup(code string) (Entry, bool) {
	e, ok := entries[code]
	return e, ok
}

// All returns every defined code, sorted.
func All() []string {
	out := make([]string, 0, len(entries))
	for c := range entries {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// Set is the codes one package owns, in the order it defines them. A package
// keeps one package-level Set and defines every code through it, so that its
// Codes function lists exactly what it owns:
//
//	var codes catalog.Set[filing.Code]
//
//	var CodeX = codes.Define("pkg.x", "R-09", "中文", "english")
//
// Define is for package-level variable initialisation only; reading with
// Codes is safe for concurrent use afterwards.
type Set[C ~string] struct{ codes []C }

// Define registers the code in the module's registry (see Define) and in s.
func (s *Set[C]) Define(code, rule, zh, en string) C {
	c := C(Define(code, rule, zh, en))
	s.codes = append(s.codes, c)
	return c
}

// Codes returns the codes of s, sorted; the slice is the caller's.
func (s *Set[C]) Codes() []C {
	out := slices.Clone(s.codes)
	slices.Sort(out)
	return out
}
