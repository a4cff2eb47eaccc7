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

// String describes the store by its size only: its records hold personal
// data, which never print.
func (s *MemoryStore) String() string {
	n, seq := s.size()
	return fmt.Sprintf("conflict.MemoryStore{subjects: %d, seq: %d}", n, seq)
}

func (s *MemoryStore) size() (subjects int, seq uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.subject), s.seq
}

// Format prints String for every verb, so fmt never walks the store's
// records.
func (s *MemoryStore) Format(f fmt.State, verb rune) { fmt.Fprint(f, s.String()) }

// LogValue logs the store's size only.
func (s *MemoryStore) LogValue() slog.Value {
	n, seq := s.size()
	return slog.GroupValue(slog.Int("subjects", n), slog.Uint64("seq", seq))
}

// String describes the replica by its sequence number and its index's
// size.
func (r *Replica) String() string {
	return fmt.Sprintf("conflict.Replica{seq: %d, index: %s}", r.Seq(), r.ix.String())
}

// Format prints String for every verb, so fmt never walks the replica's
// store or index.
func (r *Replica) Format(f fmt.State, verb rune) { fmt.Fprint(f, r.String()) }

// LogValue logs the replica's sequence number and its index's size.
func (r *Replica) LogValue() slog.Value {
	return slog.GroupValue(slog.Uint64("seq", r.Seq()), slog.Any("index", r.ix))
}
