package certno

import (
	"testing"
	"time"
)

var certNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// FuzzNormalizeCertNumber: for every certificate type the normaliser is
// idempotent and the check of its output agrees with the check of its
// input (same verdict, same code; R-09).
func FuzzNormalizeCertNumber(f *testing.F) {
	for _, s := range []string{"11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ", "D2143569-X", "d2143569x", "91350100M000100Y43", "H12345678", "E 1234 5678", "830000199001011237"} {
		f.Add(uint8(0), s)
		f.Add(uint8(7), s)
	}
	types := CertTypes()
	f.Fuzz(func(t *testing.T, ti uint8, s string) {
		ct := types[int(ti)%len(types)].Code
		assertNormaliser(t, "NormalizeCertNumberAt("+string(ct)+")", s, func(s string) (string, error) {
			n, err := NormalizeCertNumberAt(ct, s, certNow)
			return n.Raw(), err
		}, func(s string) error { return CheckCertNumberAt(ct, s, certNow) })
	})
}

// TestR09_CertNormalisersIdempotent runs the agreement check over
// real-world spellings (full-width digits, lower-case check characters,
// spaces and hyphens) of every type, without -fuzz.
func TestR09_CertNormalisersIdempotent(t *testing.T) {
	for _, info := range CertTypes() {
		for _, s := range []string{"11010519491231002x", "１１０１０５１９４９１２３１００２Ｘ", "９１３５０１００Ｍ０００１００Ｙ４３", "d2143569-x", "H 1234 5678", ""} {
			ct := info.Code
			assertNormaliser(t, "NormalizeCertNumberAt("+string(ct)+")", s, func(s string) (string, error) {
				n, err := NormalizeCertNumberAt(ct, s, certNow)
				return n.Raw(), err
			}, func(s string) error { return CheckCertNumberAt(ct, s, certNow) })
		}
	}
}
