package lifecycle

import (
	"fmt"
	"log/slog"

	"github.com/beiankit/beian/filing"
)

// SMSTargets is the targets of an SMS verification (SMS.Targets), a named
// slice that masks the mobiles and certificate tails of its elements under
// fmt and under any slog handler (slog.LogValuer: the JSON handler encodes a
// bare slice raw); encoding/json keeps the raw values.
type SMSTargets []SMSTarget

// LogValue logs the targets with their personal data masked.
func (s SMSTargets) LogValue() slog.Value { return filing.MaskedLogValue([]SMSTarget(s)) }

// Format prints the targets for fmt with their personal data masked.
func (s SMSTargets) Format(f fmt.State, verb rune) { filing.FormatSlice(f, verb, []SMSTarget(s)) }

// SMSPersons is a list of people who verify (change.Plan.Verify, the input
// of NewSMS), masked like SMSTargets.
type SMSPersons []SMSPerson

// LogValue logs the people with their personal data masked.
func (s SMSPersons) LogValue() slog.Value { return filing.MaskedLogValue([]SMSPerson(s)) }

// Format prints the people for fmt with their personal data masked.
func (s SMSPersons) Format(f fmt.State, verb rune) { filing.FormatSlice(f, verb, []SMSPerson(s)) }
