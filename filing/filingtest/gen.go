package filingtest

import (
	"math/bits"
	"math/rand/v2"
	"strconv"
)

// Gen generates filing data that passes package filing's checks. Its output
// is a function of the seed alone: the same seed gives the same values, in
// the same order, on every platform (for a given version of this module,
// whose tables and filing's tables it draws from).
//
// Values a Gen returns are unique among that Gen's outputs where uniqueness
// matters to filing: certificate numbers, phone numbers, e-mail addresses,
// domains, and subject and website names never repeat, so the filings of one
// Gen do not conflict with each other. (Person names may repeat once a few
// thousand have been drawn, as real names do.) Separate Gens are
// independent and may well produce the same values.
//
// A Gen is not safe for concurrent use; give each goroutine its own Gen.
// Separate Gens are safe to use concurrently. The zero Gen is a Gen seeded
// with 0.
type Gen struct {
	src  *rand.PCG
	seen map[string]struct{}
	next int // counter of the tags that make a value unique
}

// pcgStream is the PCG increment of every Gen ("beiankit" in ASCII), so that
// a Gen's stream depends on the seed alone.
const pcgStream = 0x62656961_6e6b6974

// maxDraws is how many random draws a Gen makes for a value before it makes
// the value unique with a numeric tag.
const maxDraws = 32

// New returns a Gen seeded with seed.
func New(seed int64) *Gen {
	return &Gen{src: rand.NewPCG(uint64(seed), pcgStream), seen: make(map[string]struct{})}
}

// intn returns a uniform integer in [0, n) (Lemire's multiply-shift method,
// written out so that the stream does not depend on math/rand's algorithms);
// 0 when n <= 1.
func (g *Gen) intn(n int) int {
	if n <= 1 {
		return 0
	}
	bound := uint64(n)
	if g.src == nil { // the zero Gen
		g.src = rand.NewPCG(0, pcgStream)
	}
	hi, lo := bits.Mul64(g.src.Uint64(), bound)
	if lo < bound {
		thresh := -bound % bound
		for lo < thresh {
			hi, lo = bits.Mul64(g.src.Uint64(), bound)
		}
	}
	return int(hi)
}

// chance reports true with probability 1/n.
func (g *Gen) chance(n int) bool { return g.intn(n) == 0 }

// pick returns a random element of s; the zero value for an empty s (which
// the tables never are; the tests would see the zero values).
func pick[T any](g *Gen, s []T) T {
	var zero T
	if len(s) == 0 {
		return zero
	}
	return s[g.intn(len(s))]
}

// digits returns n random decimal digits.
func (g *Gen) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + g.intn(10))
	}
	return string(b)
}

// claim records v in namespace ns and reports whether it is new.
func (g *Gen) claim(ns, v string) bool {
	if g.seen == nil {
		g.seen = make(map[string]struct{})
	}
	k := ns + "\x00" + v
	if _, dup := g.seen[k]; dup {
		return false
	}
	g.seen[k] = struct{}{}
	return true
}

// fresh returns a value of draw that is new in namespace ns. draw gets ""
// for its first maxDraws attempts and then ever new numeric tags, which it
// must build into the value.
func (g *Gen) fresh(ns string, draw func(tag string) string) string {
	for range maxDraws {
		if v := draw(""); g.claim(ns, v) {
			return v
		}
	}
	for {
		g.next++
		if v := draw(strconv.Itoa(g.next)); g.claim(ns, v) {
			return v
		}
	}
}

// likelyFresh is fresh for values drawn from a space so large that a repeat
// is practically impossible (certificate numbers, phone numbers) or legal
// (person names): after maxDraws repeats it keeps the last draw.
func (g *Gen) likelyFresh(ns string, draw func() string) string {
	var v string
	for range maxDraws {
		if v = draw(); g.claim(ns, v) {
			return v
		}
	}
	return v
}
