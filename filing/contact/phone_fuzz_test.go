package contact

import (
	"strings"
	"testing"

	"github.com/beiankit/beian/filing/problem"
)

// FuzzNormalizePhone: no panic; whatever normalises is canonical
// (11 digits, or "0AA-NNNNNNNN[-EXT]") and normalises again to itself.
func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{
		"13800138000", "+86 138 0013 8000", "008613800138000", "１３８００１３８０００", "1440012345678",
		"010-12345678", "(010)12345678", "0755-8765-4321", "010-12345678转123", "+86 10 12345678",
		"400-123-4567", "0433-1234567转8", "0851-1234567-8", "0351-7654321-88", "", "+", "转", strings.Repeat("0", 97),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// Idempotent, and the check of the normal form agrees with the
		// check of the input; an extension is never merged.
		assertNormaliser(t, "NormalizePhone", s, normalizePhoneString, checkPhoneString)
		if n, err := NormalizePhone(s); err == nil && strings.HasPrefix(n.Raw(), "0") {
			assertNormaliser(t, "NormalizePhone/landline", s, normalizePhoneString, CheckLandline)
		}
		p, err := NormalizePhone(s)
		if err != nil {
			if _, ok := err.(*problem.Problem); !ok {
				t.Fatalf("%q: error %T is not a *problem.Problem", s, err)
			}
			if p != "" {
				t.Fatalf("%q: error with result %q", s, p.Raw())
			}
			return
		}
		r := p.Raw()
		if len(r) == 11 && allDigits(r) {
			if err := CheckMobile(r); err != nil {
				t.Fatalf("%q → %q fails CheckMobile: %v", s, r, err)
			}
		} else {
			parts := strings.Split(r, "-")
			if r[0] != '0' || len(parts) < 2 || len(parts) > 3 {
				t.Fatalf("%q → %q is not canonical", s, r)
			}
			for _, x := range parts {
				if !allDigits(x) {
					t.Fatalf("%q → %q is not canonical", s, r)
				}
			}
			if err := CheckLandline(r); err != nil {
				t.Fatalf("%q → %q fails CheckLandline: %v", s, r, err)
			}
		}
		again, err := NormalizePhone(r)
		if err != nil || again != p {
			t.Fatalf("%q → %q → %q, %v", s, r, again.Raw(), err)
		}
	})
}
