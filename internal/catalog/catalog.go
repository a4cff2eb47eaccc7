package catalog

import (
	"fmt"
	"slices"
)

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

// Fill formats a message of the registry with the arguments its code's
// messages share. The two messages of a code need not use all of them: the
// Chinese message often leaves out the input the English one names, and
// fmt would append an unused argument to the text for end users as
// "%!(EXTRA string=...)". So a message with no verb is kept as it is, and
// one with k verbs (none of them indexed, as %[2]s) is given the first k
// arguments; a message with indexed verbs picks its own (fmt reports no
// unused argument then).
func Fill(msg string, args ...any) string {
	if len(args) == 0 {
		return msg
	}
	k, indexed := verbs(msg)
	switch {
	case indexed:
		return fmt.Sprintf(msg, args...)
	case k == 0:
		return msg
	case k < len(args):
		args = args[:k]
	}
	return fmt.Sprintf(msg, args...)
}

// verbs counts the fmt verbs of msg (%% is none) and reports whether any is
// indexed or takes its width or precision from an argument (*).
func verbs(msg string) (n int, indexed bool) {
	for i := 0; i < len(msg); i++ {
		if msg[i] != '%' {
			continue
		}
		i++
		// flags, width, precision, index: up to the verb letter
		for ; i < len(msg) && !(msg[i] >= 'a' && msg[i] <= 'z' || msg[i] >= 'A' && msg[i] <= 'Z' || msg[i] == '%'); i++ {
			if msg[i] == '[' || msg[i] == '*' {
				indexed = true
			}
		}
		if i < len(msg) && msg[i] != '%' {
			n++
		}
	}
	return n, indexed
}

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
