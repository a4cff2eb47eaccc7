package conflict

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"io"
	"slices"
	"sync"

	"github.com/beiankit/beian/filing"
)

// MemoryStore is the in-memory Store, the default of a portal that runs as
// one process: records, the keys each subject holds, and the change
// sequence, under one mutex. It is safe for concurrent use; its state is
// lost with the process.
type MemoryStore struct {
	mu      sync.Mutex
	seq     uint64
	subject map[Key]*memRecord
	holder  map[Key]Key // key → subject holding it
}

type memRecord struct {
	seq     uint64
	body    []byte // JSON of the Record
	keys    []Key
	removed bool
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{subject: map[Key]*memRecord{}, holder: map[Key]Key{}}
}

// Get implements Store.
func (s *MemoryStore) Get(ctx context.Context, t filing.CertType, n filing.IDNumber) (Record, uint64, error) {
	if err := ctx.Err(); err != nil {
		return Record{}, 0, err
	}
	subj := SubjectKey(t, n)
	s.mu.Lock()
	m := s.subject[subj]
	var body []byte
	var seq uint64
	if m != nil && !m.removed {
		body, seq = m.body, m.seq // never changed in place: Put replaces it
	}
	s.mu.Unlock()
	if body == nil {
		return Record{}, 0, NotOnFile()
	}
	var r Record
	if err := json.Unmarshal(body, &r); err != nil {
		return Record{}, 0, err
	}
	return r, seq, nil
}

// Put implements Store.
func (s *MemoryStore) Put(ctx context.Context, r Record, since uint64) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	subj, keys, gone, err := RecordKeys(r)
	if err != nil {
		return 0, err
	}
	body, err := json.Marshal(r)
	if err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if m := s.subject[subj]; m != nil && m.seq > since {
		return 0, &ClaimError{Stale: true}
	}
	if gone {
		return s.remove(subj), nil
	}
	var taken []Taken
	for _, k := range keys {
		if h, ok := s.holder[k]; ok && h != subj {
			taken = append(taken, Taken{Key: k, Holder: h})
		}
	}
	if len(taken) > 0 {
		return 0, &ClaimError{Taken: taken}
	}
	m := s.subject[subj]
	if m == nil {
		m = &memRecord{}
		s.subject[subj] = m
	}
	for _, k := range m.keys {
		delete(s.holder, k)
	}
	for _, k := range keys {
		s.holder[k] = subj
	}
	s.seq++
	*m = memRecord{seq: s.seq, body: body, keys: keys}
	return s.seq, nil
}

// Remove implements Store.
func (s *MemoryStore) Remove(ctx context.Context, t filing.CertType, n filing.IDNumber) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	subj := SubjectKey(t, n)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.remove(subj), nil
}

func (s *MemoryStore) remove(subj Key) uint64 {
	m := s.subject[subj]
	if m == nil || m.removed {
		return 0
	}
	for _, k := range m.keys {
		delete(s.holder, k)
	}
	s.seq++
	m.seq, m.keys, m.removed = s.seq, nil, true
	return s.seq
}

// Export implements Store. It copies the records under the lock and writes
// them after releasing it.
func (s *MemoryStore) Export(ctx context.Context, w io.Writer) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.Lock()
	seq := s.seq
	bodies := make([][]byte, 0, len(s.subject))
	for _, m := range s.subject {
		if !m.removed {
			bodies = append(bodies, m.body) // never modified: Put replaces the slice
		}
	}
	s.mu.Unlock()
	bw := bufio.NewWriter(w)
	for _, b := range bodies {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		bw.Write(b)
		bw.WriteByte('\n')
	}
	return seq, bw.Flush()
}

// Changes implements Store.
func (s *MemoryStore) Changes(ctx context.Context, after uint64, limit int) (Changes, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	type ch struct {
		seq     uint64
		body    []byte
		removed bool
	}
	var found []ch
	s.mu.Lock()
	for _, m := range s.subject {
		if m.seq > after {
			found = append(found, ch{m.seq, m.body, m.removed})
		}
	}
	s.mu.Unlock()
	slices.SortFunc(found, func(a, b ch) int { return cmp.Compare(a.seq, b.seq) })
	if limit > 0 && len(found) > limit {
		found = found[:limit]
	}
	out := make([]Change, len(found))
	for i, c := range found {
		out[i] = Change{Seq: c.seq, Removed: c.removed}
		if err := json.Unmarshal(c.body, &out[i].Record); err != nil {
			return nil, err
		}
	}
	return out, nil
}

var _ Store = (*MemoryStore)(nil)
