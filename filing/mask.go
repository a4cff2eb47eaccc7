package filing

import (
	"fmt"
	"log/slog"

	"github.com/beiankit/beian/filing/personal"
)

// MaskedLogValue returns v as a slog.Value whose personal data is masked
// (personal.MaskedLogValue): what a LogValue method of a type holding
// personal data returns.
func MaskedLogValue(v any) slog.Value { return personal.MaskedLogValue(v) }

// MaskAttr is a slog.HandlerOptions.ReplaceAttr function that masks the
// personal data of attribute values that are not slog.LogValuers
// (personal.MaskAttr).
func MaskAttr(groups []string, a slog.Attr) slog.Attr { return personal.MaskAttr(groups, a) }

// FormatMasked prints the struct v for fmt as fmt prints a struct, its
// personal data masked for every verb (personal.FormatMasked): what a
// Format method of a type holding personal data calls.
func FormatMasked(f fmt.State, verb rune, v any) { personal.FormatMasked(f, verb, v) }
