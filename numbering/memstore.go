package numbering

import (
	"context"
	"sync"
)

// memShards is the number of lock stripes of a MemoryStore (a power of two).
const memShards = 64

// MemoryStore is the in-memory Store: counters in maps striped over 64 locks
// by key, so that allocations in different provinces and subjects rarely
// contend. It is safe for concurrent use. Its state is lost with the process
// unless the caller persists Snapshot and rebuilds with NewMemoryStoreFrom.
type MemoryStore struct {
	shards [memShards]memShard
}

type memShard struct {
	mu sync.Mutex
	m  map[Key]*uint64 // a pointer, so that Reserve hashes the key once
	_  [40]byte        // keep shards on separate cache lines
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	s := &MemoryStore{}
	for i := range s.shards {
		s.shards[i].m = map[Key]*uint64{}
	}
	return s
}

// NewMemoryStoreFrom returns a MemoryStore holding the counters of a
// snapshot (the restart path: persist Snapshot, rebuild from it).
func NewMemoryStoreFrom(counters []Counter) *MemoryStore {
	s := NewMemoryStore()
	s.raise(counters)
	return s
}

func (k Key) shard() uint64 {
	var h uint64
	if k.Subject.kind != KindInvalid {
		n := k.Subject
		h = n.serial ^ uint64(n.prov)<<56 ^ uint64(n.kind)<<48 ^ uint64(n.width)<<40 ^ uint64(n.cats)<<32
	} else {
		h = uint64(k.Year)
		if len(k.Province) == 2 {
			h ^= uint64(k.Province[0])<<24 | uint64(k.Province[1])<<16
		}
	}
	h *= 0x9E3779B97F4A7C15
	return h >> 58 // top 6 bits: 64 shards
}

// Reserve implements Store.
func (s *MemoryStore) Reserve(ctx context.Context, key Key, max uint64) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	sh := &s.shards[key.shard()]
	sh.mu.Lock()
	p := sh.m[key]
	if p == nil {
		p = new(uint64)
		sh.m[key] = p
	}
	v := *p
	if v >= max {
		sh.mu.Unlock()
		return 0, ErrSequenceExhausted
	}
	v++
	*p = v
	sh.mu.Unlock()
	return v, nil
}

// Raise implements Store.
func (s *MemoryStore) Raise(ctx context.Context, counters ...Counter) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.raise(counters)
	return nil
}

func (s *MemoryStore) raise(counters []Counter) {
	for _, c := range counters {
		sh := &s.shards[c.Key.shard()]
		sh.mu.Lock()
		if p := sh.m[c.Key]; p == nil {
			v := c.Last
			sh.m[c.Key] = &v
		} else if c.Last > *p {
			*p = c.Last
		}
		sh.mu.Unlock()
	}
}

// Snapshot implements Store. Each stripe is copied under its lock; counters
// reserved while Snapshot runs may or may not be included.
func (s *MemoryStore) Snapshot(ctx context.Context) ([]Counter, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []Counter
	for i := range s.shards {
		sh := &s.shards[i]
		sh.mu.Lock()
		for k, p := range sh.m {
			out = append(out, Counter{Key: k, Last: *p})
		}
		sh.mu.Unlock()
	}
	return out, nil
}
