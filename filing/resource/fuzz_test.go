package resource_test

import (
	"errors"
	"testing"

	"github.com/beiankit/beian/filing/resource"
)

// FuzzR96_NormalizeCode: no panic; a result is idempotent and within bounds;
// a refusal is an ErrBadCode.
func FuzzR96_NormalizeCode(f *testing.F) {
	for _, s := range []string{"ABCD-EFGH-JKMN-PQRS", " ＡＢＣＤ－１２３４ ", "4f9f0d9c-1b2c", "AB--CD", "\xff\xfe", "ａ ｂ ｃ ｄ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := resource.NormalizeCode(s)
		if err != nil {
			if !errors.Is(err, resource.ErrBadCode) {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		if len(c) < 4 || len(c) > resource.MaxCodeLen {
			t.Fatalf("%q → %q out of bounds", s, c)
		}
		again, err := resource.NormalizeCode(c)
		if err != nil || again != c {
			t.Fatalf("not idempotent: %q → %q → %q, %v", s, c, again, err)
		}
	})
}
