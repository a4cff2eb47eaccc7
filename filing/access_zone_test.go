package filing_test

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beiankit/beian/filing"
)

// TestR86_ZonesAnd6to4: an address with a zone is never an access address,
// IPv4-mapped or not, and the 6to4 relay block 192.88.99.0/24 is judged as
// 2002::/16 is (deprecated by RFC 7526, not public).
func TestR86_ZonesAnd6to4(t *testing.T) {
	for _, tc := range []struct {
		addr string
		ok   bool
	}{
		{"::ffff:8.8.8.8%eth0", false},
		{"2400:3200::1%eth0", false},
		{"fe80::1%eth0", false},
		{"::ffff:8.8.8.8", true},
		{"2400:3200::1", true},
		{"192.88.99.1", false},
		{"::ffff:192.88.99.1", false},
		{"2002:c058:6301::1", false},
		{"192.88.98.255", true},
		{"192.88.100.1", true},
	} {
		ok, why := filing.PublicUnicast(netip.MustParseAddr(tc.addr))
		assert.Equal(t, tc.ok, ok, "%s: %s", tc.addr, why)
		if !tc.ok {
			assert.NotEmpty(t, why, tc.addr)
		}
	}
}
