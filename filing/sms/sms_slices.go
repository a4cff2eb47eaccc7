package sms

import (
	"fmt"
	"log/slog"

	"github.com/beiankit/beian/filing"
)

// Targets is the targets of an SMS verification (SMS.Targets), a named
// slice that masks the mobiles and certificate tails of its elements under
// fmt and under any slog handler (slog.LogValuer: the JSON handler encodes a
// bare slice raw); encoding/json keeps the raw values.
type Targets []Target

// LogValue logs the targets with their personal data masked.
func (s Targets) LogValue() slog.Value { return filing.MaskedLogValue([]Target(s)) }

// Format prints the targets for fmt with their personal data masked.
func (s Targets) Format(f fmt.State, verb rune) { filing.FormatSlice(f, verb, []Target(s)) }

// Persons is a list of people who verify (change.Plan.Verify, the input
// of New), masked like Targets.
type Persons []Person

// LogValue logs the people with their personal data masked.
func (s Persons) LogValue() slog.Value { return filing.MaskedLogValue([]Person(s)) }

// Format prints the people for fmt with their personal data masked.
func (s Persons) Format(f fmt.State, verb rune) { filing.FormatSlice(f, verb, []Person(s)) }
