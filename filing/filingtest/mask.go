package filingtest

import (
	"fmt"
	"log/slog"

	"github.com/beiankit/beian/filing"
)

// Format prints the case as fmt prints a struct, following its filings,
// personal data masked for every verb.
func (c BrokenCase) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, c) }

// LogValue logs the case with its filings' personal data masked.
func (c BrokenCase) LogValue() slog.Value { return filing.MaskedLogValue(c) }

// Format prints the case as fmt prints a struct, following its filing,
// personal data masked for every verb.
func (c Case) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, c) }

// LogValue logs the case with its filing's personal data masked.
func (c Case) LogValue() slog.Value { return filing.MaskedLogValue(c) }
