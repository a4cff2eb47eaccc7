package filing

import (
	"fmt"
	"log/slog"
)

// Websites is the websites of a filing (Filing.Websites). As a named slice
// it masks the personal data of its elements wherever it is logged or
// printed whole: slog's JSON handler encodes a bare []Website with
// encoding/json (raw values) and never asks its elements, so a slice the
// SDK hands out is this type, which implements slog.LogValuer for any
// handler; encoding/json keeps the raw values for storage.
type Websites []Website

// LogValue logs the websites with their personal data masked.
func (s Websites) LogValue() slog.Value { return MaskedLogValue([]Website(s)) }

// Format prints the websites for fmt with their personal data masked.
func (s Websites) Format(f fmt.State, verb rune) { FormatSlice(f, verb, []Website(s)) }

// Apps is the apps of a filing (Filing.Apps), masked like Websites.
type Apps []App

// LogValue logs the apps with their personal data masked.
func (s Apps) LogValue() slog.Value { return MaskedLogValue([]App(s)) }

// Format prints the apps for fmt with their personal data masked.
func (s Apps) Format(f fmt.State, verb rune) { FormatSlice(f, verb, []App(s)) }

// FormatSlice prints a slice for fmt as fmt prints it ("[a b]"), each
// element formatted through fmt with the same verb and flags, so that
// elements holding personal data mask themselves. The named slice types of
// the SDK implement fmt.Formatter with it.
func FormatSlice[T any](f fmt.State, verb rune, s []T) {
	spec := fmt.FormatString(f, verb)
	if verb == 'v' && f.Flag('#') {
		fmt.Fprintf(f, "%T{", s)
		for i := range s {
			if i > 0 {
				fmt.Fprint(f, ", ")
			}
			fmt.Fprintf(f, spec, s[i])
		}
		fmt.Fprint(f, "}")
		return
	}
	fmt.Fprint(f, "[")
	for i := range s {
		if i > 0 {
			fmt.Fprint(f, " ")
		}
		fmt.Fprintf(f, spec, s[i])
	}
	fmt.Fprint(f, "]")
}
