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
// unless the caller persists Snapshot (after allocation has stopped, or
// together with every number issued) and rebuilds with NewMemoryStoreFrom.
type MemoryStore struct {
	shards [memShards]memShard
}

type memShard struct {
	mu  sync.Mutex
	m   map[memKey]*uint64 // a pointer, so that Reserve hashes the key once
	odd map[Key]*uint64    // keys that do not pack into a memKey (unknown province strings)
	_   [40]byte           // keep shards on separate cache lines
}

// memKey is a Key packed into two words: hashing and comparing it is much
// cheaper than hashing a Key with its string and Number.
type memKey struct{ a, b uint64 }

const (
	memSubject = 1 << 62
	memService = 2 << 62
)

// pack packs k; ok is false for keys that do not fit (a Province that is not
// a known two-digit code, a year outside 0..65535).
func pack(k Key) (memKey, bool) {
	if n := k.Subject; n.kind != KindInvalid {
		if k.Province != "" || k.Year != 0 {
			return memKey{}, false
		}
		return memKey{a: n.serial, b: memService | uint64(n.prov)<<48 | uint64(n.kind)<<40 | uint64(n.width)<<32 |
			uint64(n.cats)<<24 | uint64(n.svc)<<20 | uint64(n.suffix)}, n.suffix < 1<<20 && n.svc < 16
	}
	p := k.Province
	if len(p) != 2 || p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9' || k.Year < 0 || k.Year > 0xFFFF {
		return memKey{}, false
	}
	code := (p[0]-'0')*10 + (p[1] - '0')
	if provByCode[code] == 0 {
		return memKey{}, false
	}
	return memKey{a: uint64(code)<<16 | uint64(k.Year), b: memSubject}, true
}

// unpack is the inverse of pack.
func (m memKey) unpack() Key {
	if m.b&memService != 0 {
		return Key{Subject: Number{
			serial: m.a,
			prov:   uint8(m.b >> 48),
			kind:   Kind(m.b >> 40),
			width:  uint8(m.b >> 32),
			cats:   uint8(m.b >> 24),
			svc:    ServiceKind(m.b>>20) & 0xF,
			suffix: uint32(m.b & (1<<20 - 1)),
		}}
	}
	return Key{Province: provs[provByCode[m.a>>16]-1].p.Code, Year: int(m.a & 0xFFFF)}
}

func (m memKey) shard() uint64 {
	return ((m.a ^ m.b>>17) * 0x9E3779B97F4A7C15) >> 58 // top 6 bits: 64 shards
}

// NewMemoryStore returns an empty MemoryStore.
func NewMemoryStore() *MemoryStore {
	s := &MemoryStore{}
	for i := range s.shards {
		s.shards[i].m = map[memKey]*uint64{}
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

// counter returns the counter of key, creating it at 0, with its shard
// locked; the caller unlocks sh.mu.
func (s *MemoryStore) counter(key Key) (sh *memShard, p *uint64) {
	if mk, ok := pack(key); ok {
		sh = &s.shards[mk.shard()]
		sh.mu.Lock()
		if p = sh.m[mk]; p == nil {
			p = new(uint64)
			sh.m[mk] = p
		}
		return sh, p
	}
	sh = &s.shards[0]
	sh.mu.Lock()
	if sh.odd == nil {
		sh.odd = map[Key]*uint64{}
	}
	if p = sh.odd[key]; p == nil {
		p = new(uint64)
		sh.odd[key] = p
	}
	return sh, p
}

// Reserve implements Store.
func (s *MemoryStore) Reserve(ctx context.Context, key Key, max uint64) (uint64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	sh, p := s.counter(key)
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
		sh, p := s.counter(c.Key)
		if c.Last > *p {
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
			out = append(out, Counter{Key: k.unpack(), Last: *p})
		}
		for k, p := range sh.odd {
			out = append(out, Counter{Key: k, Last: *p})
		}
		sh.mu.Unlock()
	}
	return out, nil
}
