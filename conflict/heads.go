package conflict

import "math/bits"

// heads maps the 32-bit key hashes of a chains set to the first entry of
// their chain. It is an open-addressed table with linear probing and
// backward-shift deletion (no tombstones), in one flat array: a lookup in a
// national-scale index touches one cache line, where a Go map of millions
// of keys walks its directory, then a table, then a group (three dependent
// loads, each a cache miss at that size). The hashes are maphash values
// under the index's random seed, so callers cannot choose them to build
// long probe runs.
//
// A slot's key is h<<32 | e+1; 0 is an empty slot (e is never none). The
// table grows by doubling when three quarters are in use; it never shrinks
// (neither does a Go map). Like the map it replaces, it is written under
// the index's write lock and read under its read lock.
//
// A slot also holds a value of type V that moves with it: heads[noVal]
// (8-byte slots) holds none; the domain chains of Index, heads[string],
// keep there the record of each chain's first entry, so that a reader who
// found the slot has the record at hand, in the slot's own cache line,
// where it would otherwise load the entry first to learn whose record it
// is (a second miss in series at national scale).
type heads[V any] struct {
	slots []slot[V]
	n     int // slots in use
	shift uint8
}

// slot is one slot of heads.
type slot[V any] struct {
	val V      // first: a value of size zero then adds no padding
	key uint64 // h<<32 | e+1; 0: empty
}

// noVal is the value of tables without values.
type noVal = struct{}

// newHeads sizes the table for about n hashes.
func newHeads[V any](n int) heads[V] {
	size := 8
	for size*3 < n*4 {
		size <<= 1
	}
	return heads[V]{slots: make([]slot[V], size), shift: uint8(64 - bits.TrailingZeros(uint(size)))}
}

// home is the first slot probed for h (Fibonacci hashing: the high bits of
// the product, so that any bits of h spread).
func (t *heads[V]) home(h uint32) int {
	return int((uint64(h) * 0x9E3779B97F4A7C15) >> t.shift)
}

// get returns the head of hash h, or none.
func (t *heads[V]) get(h uint32) uint32 {
	if i := t.find(h); i >= 0 {
		return t.entry(i)
	}
	return none
}

// entry returns the head held by slot i, which is in use.
func (t *heads[V]) entry(i int) uint32 { return uint32(t.slots[i].key) - 1 }

// slotKey is the key of a slot holding head e of hash h.
func slotKey(h, e uint32) uint64 { return uint64(h)<<32 | uint64(e+1) }

// find returns the slot of hash h, or -1.
func (t *heads[V]) find(h uint32) int {
	if len(t.slots) == 0 {
		return -1
	}
	mask := len(t.slots) - 1
	for i := t.home(h); ; i = (i + 1) & mask {
		k := t.slots[i].key
		if k == 0 {
			return -1
		}
		if uint32(k>>32) == h {
			return i
		}
	}
}

// peek returns the key of h's home slot: a plain load of the slot get
// reads first (and of its value, beside it), for Index.touch.
func (t *heads[V]) peek(h uint32) uint64 {
	if len(t.slots) == 0 {
		return 0
	}
	return t.slots[t.home(h)].key
}

// put makes e the head of hash h and returns the former head, or none,
// and the slot of h (for its value): one probe where get then set would
// take two (chains.add, on the load path).
func (t *heads[V]) put(h, e uint32) (old uint32, at int) {
	if (t.n+1)*4 > len(t.slots)*3 {
		t.grow()
	}
	mask := len(t.slots) - 1
	v := slotKey(h, e)
	for i := t.home(h); ; i = (i + 1) & mask {
		k := t.slots[i].key
		if k == 0 {
			t.slots[i].key = v
			t.n++
			return none, i
		}
		if uint32(k>>32) == h {
			t.slots[i].key = v
			return uint32(k) - 1, i
		}
	}
}

// delAt removes the hash of slot i, which is in use. The slots after it
// in its probe run move back, so that every hash stays reachable from its
// home slot without a gap.
func (t *heads[V]) delAt(i int) {
	mask := len(t.slots) - 1
	for j := (i + 1) & mask; ; j = (j + 1) & mask {
		k := t.slots[j].key
		if k == 0 {
			break
		}
		// The slot at j may move to i if i lies on its probe path, from its
		// home m to j: the distance m→j is at least the distance i→j.
		m := t.home(uint32(k >> 32))
		if (j-m)&mask >= (j-i)&mask {
			t.slots[i] = t.slots[j]
			i = j
		}
	}
	t.slots[i] = slot[V]{}
	t.n--
}

// grow doubles the table.
func (t *heads[V]) grow() {
	old := t.slots
	size := max(2*len(old), 8)
	t.slots, t.n = make([]slot[V], size), 0
	t.shift = uint8(64 - bits.TrailingZeros(uint(size)))
	for _, s := range old {
		if s.key != 0 {
			_, i := t.put(uint32(s.key>>32), uint32(s.key)-1)
			t.slots[i].val = s.val
		}
	}
}
