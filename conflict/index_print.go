package conflict

import (
	"fmt"
	"log/slog"
)

// String describes the index by its size only: its records hold personal
// data (certificate numbers of individuals), which never print.
func (ix *Index) String() string {
	s, w := ix.Len()
	return fmt.Sprintf("conflict.Index{subjects: %d, websites: %d}", s, w)
}

// Format prints String for every verb, so fmt never walks the index's
// internals.
func (ix *Index) Format(f fmt.State, verb rune) { fmt.Fprint(f, ix.String()) }

// LogValue logs the index's size only.
func (ix *Index) LogValue() slog.Value {
	s, w := ix.Len()
	return slog.GroupValue(slog.Int("subjects", s), slog.Int("websites", w))
}
