package personal

import (
	"fmt"
	"log/slog"
	"unicode/utf8"

	"github.com/beiankit/beian/internal/mask"
)

// Personal data (PIPL): certificate numbers, phone numbers and e-mail
// addresses are held in the types below. They print masked through fmt
// (every verb: %v, %s, %q, %+v, %#v...; not %p of a value, which fmt
// prints raw without calling a method) and through log/slog, so that
// logging a Subject or a Person by accident does not leak them. JSON
// encoding keeps the full value, because portals store it; raw access is
// explicit with Raw.

// IDNumber is a certificate number (resident ID, credit code, passport...).
// It masks itself as "110105********123X".
type IDNumber string

// Phone is a mobile or landline number. It masks itself as "138****5678".
type Phone string

// Email is an e-mail address. It masks itself as "z***@example.com".
type Email string

// Raw returns the unmasked value.
func (n IDNumber) Raw() string { return string(n) }

// Raw returns the unmasked value.
func (p Phone) Raw() string { return string(p) }

// Raw returns the unmasked value.
func (e Email) Raw() string { return string(e) }

// Masked returns the value with its middle hidden: the first 6 and last 4
// characters of an 18-character number stay visible.
func (n IDNumber) Masked() string { return maskMiddle(string(n), 6, 4) }

// Masked returns the value with its middle hidden: "138****5678".
func (p Phone) Masked() string { return maskMiddle(string(p), 3, 4) }

// Masked returns the address with its local part hidden but for its first
// character: "z***@example.com".
func (e Email) Masked() string {
	s := string(e)
	at := -1
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '@' {
			at = i
			break
		}
	}
	if at <= 0 {
		return maskMiddle(s, 1, 0)
	}
	_, size := utf8.DecodeRuneInString(s)
	return s[:size] + "***" + s[at:]
}

// String returns the masked value.
func (n IDNumber) String() string { return n.Masked() }

// String returns the masked value.
func (p Phone) String() string { return p.Masked() }

// String returns the masked value.
func (e Email) String() string { return e.Masked() }

// Format prints the masked value for every verb.
func (n IDNumber) Format(f fmt.State, verb rune) { formatMasked(f, verb, n.Masked()) }

// Format prints the masked value for every verb.
func (p Phone) Format(f fmt.State, verb rune) { formatMasked(f, verb, p.Masked()) }

// Format prints the masked value for every verb.
func (e Email) Format(f fmt.State, verb rune) { formatMasked(f, verb, e.Masked()) }

// LogValue logs the masked value.
func (n IDNumber) LogValue() slog.Value { return slog.StringValue(n.Masked()) }

// LogValue logs the masked value.
func (p Phone) LogValue() slog.Value { return slog.StringValue(p.Masked()) }

// LogValue logs the masked value.
func (e Email) LogValue() slog.Value { return slog.StringValue(e.Masked()) }

func formatMasked(f fmt.State, verb rune, masked string) { mask.Format(f, verb, masked) }

func maskMiddle(s string, head, tail int) string { return mask.Middle(s, head, tail) }
