package resource

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"
)

// MemoryStore is the in-memory Store: one map under one lock. It is safe
// for concurrent use; its state is lost with the process.
type MemoryStore struct {
	mu      sync.Mutex
	entries map[string]Entry
	byInst  map[string][]string
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{entries: map[string]Entry{}, byInst: map[string][]string{}}
}

// Insert implements Store.
func (m *MemoryStore) Insert(ctx context.Context, e Entry, limit int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, dup := m.entries[e.Code]; dup {
		return Exists(e.Code)
	}
	if limit > 0 {
		n := 0
		for _, c := range m.byInst[e.Instance] {
			if m.entries[c].State.Live() {
				n++
			}
		}
		if n >= limit {
			return CapReached(e.Instance, limit)
		}
	}
	m.entries[e.Code] = e
	m.byInst[e.Instance] = append(m.byInst[e.Instance], e.Code)
	return nil
}

// Swap implements Store.
func (m *MemoryStore) Swap(ctx context.Context, code string, w Where, s Set) (Entry, bool, error) {
	if err := ctx.Err(); err != nil {
		return Entry{}, false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[code]
	if !ok {
		return Entry{}, false, NotFound(code)
	}
	if !w.Matches(e) {
		return e, false, nil
	}
	e = s.Apply(e)
	m.entries[code] = e
	return e, true, nil
}

// Get implements Store.
func (m *MemoryStore) Get(ctx context.Context, code string) (Entry, error) {
	if err := ctx.Err(); err != nil {
		return Entry{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[code]
	if !ok {
		return Entry{}, NotFound(code)
	}
	return e, nil
}

// ByInstance implements Store.
func (m *MemoryStore) ByInstance(ctx context.Context, instance string) ([]Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Entry, 0, len(m.byInst[instance]))
	for _, c := range m.byInst[instance] {
		out = append(out, m.entries[c])
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Code, b.Code) })
	return out, nil
}

// SetExpiry implements Store.
func (m *MemoryStore) SetExpiry(ctx context.Context, instance string, at time.Time) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, c := range m.byInst[instance] {
		e := m.entries[c]
		if !e.ExpiresAt.Equal(at) {
			e.ExpiresAt = at
			m.entries[c] = e
			n++
		}
	}
	return n, nil
}

var _ Store = (*MemoryStore)(nil)
