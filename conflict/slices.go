package conflict

import (
	"fmt"
	"log/slog"

	"github.com/beiankit/beian/filing"
)

// Records is a list of records, named so that it masks the personal data of
// its elements under fmt and under any slog handler (slog.LogValuer: the
// JSON handler encodes a bare slice raw); encoding/json keeps the raw
// values.
type Records []Record

// LogValue logs the records with their personal data masked.
func (s Records) LogValue() slog.Value { return filing.MaskedLogValue([]Record(s)) }

// Format prints the records for fmt with their personal data masked.
func (s Records) Format(f fmt.State, verb rune) { filing.FormatSlice(f, verb, []Record(s)) }

// Changes is what Store.Changes returns, masked like Records.
type Changes []Change

// LogValue logs the changes with their personal data masked.
func (s Changes) LogValue() slog.Value { return filing.MaskedLogValue([]Change(s)) }

// Format prints the changes for fmt with their personal data masked.
func (s Changes) Format(f fmt.State, verb rune) { filing.FormatSlice(f, verb, []Change(s)) }
