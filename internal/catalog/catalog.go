package catalog

import (
	"fmt"
	"slices"
	"strings"
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

// Filled returns the entry of a code with both messages filled with args
// (fill), and whether the code is defined.
func Filled(code string, args ...any) (Entry, bool) {
	e, ok := entries[code]
	if len(args) > 0 {
		e.Zh, e.En = fill(e.Zh, args...), fill(e.En, args...)
	}
	return e, ok
}

// fill formats a message of the registry with the arguments its code's
// messages share. The two messages of a code need not use all of them: the
// Chinese message often leaves out the input the English one names, and
// fmt would append an unused argument to the text for end users as
// "%!(EXTRA string=...)". So a message is given the first k arguments,
// where k is the number it consumes (a verb one, a * width or precision
// one more), and one with no verb is kept as it is; a message with
// indexed verbs (%[2]s) picks its own, and fmt reports no unused argument
// then. Giving a message fewer arguments than it consumes is a
// programming error, which fmt shows as %!s(MISSING).
func fill(msg string, args ...any) string {
	if len(args) == 0 {
		return msg
	}
	k, indexed := consumes(msg)
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

// consumes counts the arguments the directives of msg consume, read as
// fmt reads them: flags, an argument index, a width (* or digits), a
// precision ('.' then * or digits, a '.' ending msg being a verb), an
// index, then the verb, which consumes one unless it is %. It reports
// whether any directive has an argument index.
func consumes(msg string) (n int, indexed bool) {
	index := func(i int) int { // skips an argument index at i
		if i < len(msg) && msg[i] == '[' {
			indexed = true
			for i < len(msg) && msg[i] != ']' {
				i++
			}
			i++
		}
		return i
	}
	number := func(i int) int { // a width or precision at i: * or digits
		if i < len(msg) && msg[i] == '*' {
			n++
			return i + 1
		}
		for i < len(msg) && msg[i] >= '0' && msg[i] <= '9' {
			i++
		}
		return i
	}
	for i := 0; i < len(msg); i++ {
		if msg[i] != '%' {
			continue
		}
		i++
		for i < len(msg) && strings.IndexByte("+-# 0", msg[i]) >= 0 {
			i++
		}
		i = number(index(i))
		if i+1 < len(msg) && msg[i] == '.' {
			i = number(index(i + 1))
		}
		i = index(i)
		if i < len(msg) && msg[i] != '%' {
			n++
			for i+1 < len(msg) && msg[i+1]&0xc0 == 0x80 { // the verb's other bytes
				i++
			}
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
