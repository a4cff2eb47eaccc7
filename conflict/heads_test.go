package conflict

import (
	"encoding/binary"
	"math/rand/v2"
	"strconv"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkHeads compares the table with the map it replaces: every hash of m
// is found with its head, a probe of each absent hash finds none, and no
// slot is lost or doubled. In a table of strings, each head's value is
// still valueOf its hash and head (it moved with its slot), and a free
// slot holds none.
func checkHeads[V any](t testing.TB, tb *heads[V], m map[uint32]uint32, absent []uint32) {
	t.Helper()
	require.Equal(t, len(m), tb.n, "slots in use")
	used := 0
	for _, s := range tb.slots {
		if s.key != 0 {
			used++
		}
	}
	require.Equal(t, len(m), used, "non-empty slots")
	withVals, _ := any(tb).(*heads[string])
	for h, e := range m {
		require.Equal(t, e, tb.get(h), "hash %#x", h)
		if withVals != nil {
			require.Equal(t, valueOf(h, e), withVals.slots[tb.find(h)].val, "value of hash %#x", h)
		}
	}
	if withVals != nil {
		for i, s := range withVals.slots {
			if s.key == 0 {
				require.Empty(t, s.val, "free slot %d", i)
			}
		}
	}
	for _, h := range absent {
		if _, ok := m[h]; !ok {
			require.Equal(t, none, tb.get(h), "absent hash %#x", h)
		}
	}
}

// valueOf is the value applyHeadOps gives the head e of hash h.
func valueOf(h, e uint32) string { return strconv.Itoa(int(h)) + "/" + strconv.Itoa(int(e)) }

// applyHeadOps runs ops (3 bytes each: the op, the hash's index into a
// small set of hashes that collide on purpose, and an entry) on a table
// and on a map, and compares them after every op; then again on a table
// with values (heads[string]), whose values must move with their slots.
func applyHeadOps(t testing.TB, ops []byte) {
	applyHeadOpsTo(t, newHeads[noVal](0), ops, func(h, e uint32) noVal { return noVal{} })
	applyHeadOpsTo(t, newHeads[string](0), ops, valueOf)
}

func applyHeadOpsTo[V any](t testing.TB, tb heads[V], ops []byte, val func(h, e uint32) V) {
	hashes := []uint32{0, 1, 2, 0xFFFFFFFF, 0x80000000, 7, 8, 9, 0x10, 0x12345678, 0xDEADBEEF, 3, 4, 5, 6, 0x7FFFFFFF}
	m := map[uint32]uint32{}
	for len(ops) >= 3 {
		op, h, e := ops[0], hashes[int(ops[1])%len(hashes)], uint32(ops[2])
		ops = ops[3:]
		switch op % 3 {
		case 0:
			tb.put(h, e)
			tb.slots[tb.find(h)].val = val(h, e)
			m[h] = e
		case 1:
			want, ok := m[h]
			if !ok {
				want = none
			}
			old, i := tb.put(h, e)
			require.Equal(t, want, old, "put returns the former head of %#x", h)
			tb.slots[i].val = val(h, e)
			m[h] = e
		case 2:
			tb.del(h)
			delete(m, h)
		}
		checkHeads(t, &tb, m, hashes)
	}
}

func TestHeads_AgreesWithAMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 50 {
		ops := make([]byte, 3*(50+round*20))
		for i := range ops {
			ops[i] = byte(r.Uint32())
		}
		applyHeadOps(t, ops)
	}
}

func TestHeads_LargeWithDeletes(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	tb := newHeads[noVal](1000)
	m := map[uint32]uint32{}
	keys := make([]uint32, 0, 20000)
	for i := range 20000 {
		h := r.Uint32()
		tb.put(h, uint32(i))
		m[h] = uint32(i)
		keys = append(keys, h)
	}
	for i, h := range keys {
		if i%3 == 0 {
			tb.del(h)
			delete(m, h)
		}
	}
	absent := make([]uint32, 1000)
	for i := range absent {
		absent[i] = r.Uint32()
	}
	checkHeads(t, &tb, m, absent)
	assert.LessOrEqual(t, tb.n*4, len(tb.slots)*3, "load factor at most 3/4")
}

// TestHeads_WrapAround: a probe run that crosses the end of the array, then
// loses its first slot, stays reachable.
func TestHeads_WrapAround(t *testing.T) {
	tb := newHeads[string](0)
	last := len(tb.slots) - 1
	var atLast []uint32 // hashes whose home is the last slot
	for h := uint32(0); len(atLast) < 4; h++ {
		if tb.home(h) == last {
			atLast = append(atLast, h)
		}
	}
	m := map[uint32]uint32{}
	for i, h := range atLast {
		tb.put(h, uint32(i))
		tb.slots[tb.find(h)].val = valueOf(h, uint32(i)) // values move with their slots across the end too
		m[h] = uint32(i)
	}
	checkHeads(t, &tb, m, nil)
	tb.del(atLast[0])
	delete(m, atLast[0])
	checkHeads(t, &tb, m, atLast)
	assert.NotZero(t, tb.slots[last].key, "the run moved back across the end into the freed slot")
}

// TestChains_RemoveKeepsOtherChains: the chains built on the table find
// every entry after entries of other hashes are removed.
func TestChains_RemoveKeepsOtherChains(t *testing.T) {
	for _, doubly := range []bool{false, true} {
		c := newChains(0, doubly)
		hashOf := func(e uint32) uint32 { return e % 37 }
		for e := range uint32(500) {
			c.add(hashOf(e), e)
		}
		for e := uint32(0); e < 500; e += 2 {
			c.remove(hashOf(e), e)
		}
		for h := range uint32(37) {
			var got []uint32
			for e := c.first(h); e != none; e = c.next[e] {
				got = append(got, e)
			}
			var want []uint32
			for e := uint32(499); e < 500; e-- {
				if e%2 == 1 && hashOf(e) == h {
					want = append(want, e)
				}
			}
			assert.Equal(t, want, got, "hash %d, doubly %v", h, doubly)
		}
	}
}

// FuzzHeads runs any sequence of sets and deletes against a map.
func FuzzHeads(f *testing.F) {
	f.Add([]byte{0, 0, 1, 0, 1, 2, 2, 0, 0})
	f.Add(binary.LittleEndian.AppendUint64(nil, 0x0203040506070809))
	f.Fuzz(func(t *testing.T, ops []byte) {
		if len(ops) > 3*400 {
			ops = ops[:3*400]
		}
		applyHeadOps(t, ops)
	})
}

func BenchmarkHeadsGet(b *testing.B) {
	for _, n := range []int{1 << 10, 1 << 22} {
		r := rand.New(rand.NewPCG(5, 6))
		tb := newHeads[noVal](n)
		m := make(map[uint32]uint32, n)
		keys := make([]uint32, n)
		for i := range keys {
			keys[i] = r.Uint32()
			tb.put(keys[i], uint32(i))
			m[keys[i]] = uint32(i)
		}
		b.Run("table/"+strconv.Itoa(n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				_ = tb.get(keys[i&(n-1)])
				i += 7919
			}
		})
		b.Run("map/"+strconv.Itoa(n), func(b *testing.B) {
			i := 0
			for b.Loop() {
				_ = m[keys[i&(n-1)]]
				i += 7919
			}
		})
	}
}

// TestHeads_SlotSize: a slot without a value stays 8 bytes (the value's
// field, of size zero, comes first and adds no padding); a slot holding a
// record is the key and the string header, 24 bytes.
func TestHeads_SlotSize(t *testing.T) {
	assert.Equal(t, uintptr(8), unsafe.Sizeof(slot[noVal]{}))
	assert.Equal(t, uintptr(24), unsafe.Sizeof(slot[string]{}))
}

// del removes hash h (tests: the index removes a head at the slot its
// probe found, delAt).
func (t *heads[V]) del(h uint32) {
	if i := t.find(h); i >= 0 {
		t.delAt(i)
	}
}
