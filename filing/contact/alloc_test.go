package contact

import "testing"

// TestR09_CanonicalInputZeroAlloc: the fast paths for canonical ASCII input
// allocate nothing (the benchmarks measure the time).
func TestR09_CanonicalInputZeroAlloc(t *testing.T) {
	for name, f := range map[string]func(){
		"CheckMobile":    func() { _ = CheckMobile("13800138000") },
		"NormalizePhone": func() { _, _ = NormalizePhone("13800138000") },
		"CheckEmail":     func() { _ = CheckEmail("zhang.san@example.com") },
		"NormalizeEmail": func() { _, _ = NormalizeEmail("zhang.san@example.com") },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s: %.1f allocs per run, want 0", name, n)
		}
	}
}
