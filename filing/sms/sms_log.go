package sms

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beiankit/beian/filing"
)

// LogValue logs the person masked (filing.Person's LogValue).
func (p Person) LogValue() slog.Value {
	return slog.GroupValue(slog.String("role", string(p.Role)), slog.Any("person", p.Person))
}

// LogValue logs the target with its mobile masked, its certificate tail
// hidden and without its seal.
func (t Target) LogValue() slog.Value {
	roles := make([]string, len(t.Roles))
	for i, r := range t.Roles {
		roles[i] = string(r)
	}
	return slog.GroupValue(slog.Any("roles", roles), slog.String("mobile", t.Mobile.Masked()),
		slog.String("cert_last6", hideTail(t.CertLast6)), slog.Time("verified_at", t.VerifiedAt))
}

// hideTail hides every character of a certificate tail: it is six
// characters only, and IDNumber's mask would show four of them.
func hideTail(n filing.IDNumber) string {
	return strings.Repeat("*", utf8.RuneCountInString(n.Raw()))
}

// LogValue logs the verification with its targets masked.
func (s Verification) LogValue() slog.Value {
	attrs := []slog.Attr{slog.Time("sent_at", s.SentAt), slog.String("status", string(s.Status)),
		slog.Int("wrong_inputs", s.WrongInputs), slog.Int("resends", s.Resends)}
	for i, t := range s.Targets {
		attrs = append(attrs, slog.Any("target"+strconv.Itoa(i), t))
	}
	return slog.GroupValue(attrs...)
}

// Format prints the person for fmt with the personal data masked.
func (p Person) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, p) }

// Format prints the target for fmt with the mobile masked and the
// certificate tail hidden.
func (t Target) Format(f fmt.State, verb rune) {
	t.CertLast6 = filing.IDNumber(hideTail(t.CertLast6))
	filing.FormatMasked(f, verb, t)
}

// Format prints the verification for fmt with the mobiles masked.
func (s Verification) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, s) }

// Format prints "sms.Verifier{key: [redacted]}" for every verb: the
// key seals the codes and never prints.
func (v *Verifier) Format(f fmt.State, verb rune) {
	_, _ = fmt.Fprint(f, "sms.Verifier{key: [redacted]}")
}

// LogValue logs the verifier without its key.
func (v *Verifier) LogValue() slog.Value {
	return slog.StringValue("sms.Verifier{key: [redacted]}")
}
