package publicsuffix_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	xps "golang.org/x/net/publicsuffix"

	"github.com/beiankit/beian/internal/publicsuffix"
)

var names = []string{
	"example.com", "www.example.com.cn", "example.gov.cn", "a.b.example.net.cn", "例子.中国", "xn--fiqs8s",
	"example.co.uk", "foo.blogspot.com", "github.io", "user.github.io", "com", "cn", "", ".", "a..b",
	"EXAMPLE.COM", "example.com.", "192.168.0.1", "[::1]", "xn--55qx5d.cn", "foo.bar.kawasaki.jp",
	"city.kawasaki.jp", "example.invalidtld", "0.0.0.0.in-addr.arpa", "ｅｘａｍｐｌｅ.com",
	// Addresses, which PublicSuffix returns whole (it parses only what
	// ends in a digit or holds a colon), and names that look like them.
	"::1", "2001:db8::1", "fe80::1%eth0", "::ffff:1.2.3.4", "1.2.3.4.", "1.2.3.4.com", "1.2.3", "01.2.3.4", "1.2.3.a",
}

// TestAgreesWithXNet: the copy answers as golang.org/x/net/publicsuffix
// does, from the same snapshot.
func TestAgreesWithXNet(t *testing.T) {
	assert.Equal(t, xps.List.String(), publicsuffix.Version())
	for _, n := range names {
		s1, i1 := publicsuffix.PublicSuffix(n)
		s2, i2 := xps.PublicSuffix(n)
		assert.Equal(t, s2, s1, n)
		assert.Equal(t, i2, i1, n)
		e1, err1 := publicsuffix.EffectiveTLDPlusOne(n)
		e2, err2 := xps.EffectiveTLDPlusOne(n)
		assert.Equal(t, e2, e1, n)
		assert.Equal(t, err2 == nil, err1 == nil, n)
	}
}

// TestPublicSuffixDoesNotAllocate: PublicSuffix of a name allocates nothing
// (netip.ParseAddr's error was one allocation per Check).
func TestPublicSuffixDoesNotAllocate(t *testing.T) {
	for _, n := range []string{"www.example.com.cn", "例子.中国", "xn--55qx5d.cn", "1.2.3.4"} {
		assert.Zero(t, testing.AllocsPerRun(100, func() { publicsuffix.PublicSuffix(n) }), n)
	}
}

// FuzzAgreesWithXNet: the same answers on any name.
func FuzzAgreesWithXNet(f *testing.F) {
	for _, n := range names {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n string) {
		s1, i1 := publicsuffix.PublicSuffix(n)
		s2, i2 := xps.PublicSuffix(n)
		if s1 != s2 || i1 != i2 {
			t.Fatalf("%q: %q %v; x/net %q %v", n, s1, i1, s2, i2)
		}
	})
}

// benchNames are names as filings give them, once normalised.
var benchNames = []string{"www.site12345-3af1c.com.cn", "example.cn", "m.example.gov.cn", "shop.example.com", "example.co.uk", "xn--fiq228c.xn--fiqs8s"}

// BenchmarkPublicSuffix: PublicSuffix of names under .cn, .com and other
// suffixes, beside x/net's (which also parses each name as an address).
func BenchmarkPublicSuffix(b *testing.B) {
	for _, c := range []struct {
		name string
		fn   func(string) (string, bool)
	}{{"beian", publicsuffix.PublicSuffix}, {"xnet", xps.PublicSuffix}} {
		b.Run(c.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				c.fn(benchNames[i%len(benchNames)])
				i++
			}
		})
	}
}
