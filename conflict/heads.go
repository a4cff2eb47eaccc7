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
// A slot holds h<<32 | e+1; 0 is an empty slot (e is never none). The
// table grows by doubling when three quarters are in use; it never shrinks
// (neither does a Go map). Like the map it replaces, it is written under
// the index's write lock and read under its read lock.
//
// A table made by newHeadsVals also holds a string per slot (vals[i] is
// the value of the head in slots[i]) that moves with its slot: the domain
// chains of Index keep there the record of each chain's first entry, so
// that a reader who found the slot loads the record's bytes next, where
// it would otherwise load the entry first to learn whose record it is.
// The value sits in an array of its own at the slot's index, so a reader
// loads slot and value at once (two misses that overlap, not one after
// the other), and the slots stay 8 bytes.
type heads struct {
	slots []uint64
	vals  []string // nil, or one value per slot
	n     int      // slots in use
	shift uint8
}

// newHeads sizes the table for about n hashes.
func newHeads(n int) heads {
	size := 8
	for size*3 < n*4 {
		size <<= 1
	}
	return heads{slots: make([]uint64, size), shift: uint8(64 - bits.TrailingZeros(uint(size)))}
}

// newHeadsVals is newHeads with a value per slot.
func newHeadsVals(n int) heads {
	t := newHeads(n)
	t.vals = make([]string, len(t.slots))
	return t
}

// home is the first slot probed for h (Fibonacci hashing: the high bits of
// the product, so that any bits of h spread).
func (t *heads) home(h uint32) int {
	return int((uint64(h) * 0x9E3779B97F4A7C15) >> t.shift)
}

// get returns the head of hash h, or none.
func (t *heads) get(h uint32) uint32 {
	if i := t.find(h); i >= 0 {
		return uint32(t.slots[i]) - 1
	}
	return none
}

// find returns the slot of hash h, or -1.
func (t *heads) find(h uint32) int {
	if len(t.slots) == 0 {
		return -1
	}
	mask := len(t.slots) - 1
	for i := t.home(h); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if uint32(s>>32) == h {
			return i
		}
	}
}

// setVal sets the value of hash h's slot; h must be in the table.
func (t *heads) setVal(h uint32, v string) {
	if i := t.find(h); i >= 0 {
		t.vals[i] = v
	}
}

// peek returns the home slot of h: a plain load of the slot get reads
// first, for Index.touch; with values, the length of the home slot's value
// is added, so that its string header is loaded too.
func (t *heads) peek(h uint32) uint64 {
	if len(t.slots) == 0 {
		return 0
	}
	i := t.home(h)
	if t.vals != nil {
		return t.slots[i] + uint64(len(t.vals[i]))
	}
	return t.slots[i]
}

// set makes e the head of hash h.
func (t *heads) set(h, e uint32) { t.swap(h, e) }

// swap makes e the head of hash h and returns the former head, or none: one
// probe where get then set would take two (chains.add, on the load path).
func (t *heads) swap(h, e uint32) uint32 {
	old, _ := t.put(h, e)
	return old
}

// put is swap that also returns the slot of h (for its value).
func (t *heads) put(h, e uint32) (old uint32, slot int) {
	if (t.n+1)*4 > len(t.slots)*3 {
		t.grow()
	}
	mask := len(t.slots) - 1
	v := uint64(h)<<32 | uint64(e+1)
	for i := t.home(h); ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			t.slots[i] = v
			t.n++
			return none, i
		}
		if uint32(s>>32) == h {
			t.slots[i] = v
			return uint32(s) - 1, i
		}
	}
}

// del removes hash h. The slots after it in its probe run move back, so
// that every hash stays reachable from its home slot without a gap.
func (t *heads) del(h uint32) {
	if len(t.slots) == 0 {
		return
	}
	mask := len(t.slots) - 1
	i := t.home(h)
	for ; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return
		}
		if uint32(s>>32) == h {
			break
		}
	}
	for j := (i + 1) & mask; ; j = (j + 1) & mask {
		s := t.slots[j]
		if s == 0 {
			break
		}
		// The slot at j may move to i if i lies on its probe path, from its
		// home k to j: the distance k→j is at least the distance i→j.
		k := t.home(uint32(s >> 32))
		if (j-k)&mask >= (j-i)&mask {
			t.slots[i] = s
			if t.vals != nil {
				t.vals[i] = t.vals[j]
			}
			i = j
		}
	}
	t.slots[i] = 0
	if t.vals != nil {
		t.vals[i] = ""
	}
	t.n--
}

// grow doubles the table.
func (t *heads) grow() {
	old, oldVals := t.slots, t.vals
	size := max(2*len(old), 8)
	t.slots, t.n = make([]uint64, size), 0
	if oldVals != nil {
		t.vals = make([]string, size)
	}
	t.shift = uint8(64 - bits.TrailingZeros(uint(size)))
	for k, s := range old {
		if s != 0 {
			_, i := t.put(uint32(s>>32), uint32(s)-1)
			if oldVals != nil {
				t.vals[i] = oldVals[k]
			}
		}
	}
}
