package ipclass

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestR97_IsPublic(t *testing.T) {
	for s, want := range map[string]bool{
		"1.2.4.8": true, "119.29.29.29": true, "240e::1": true, "::ffff:119.29.29.29": true,
		"10.0.0.1": false, "172.16.5.4": false, "192.168.1.1": false, "100.64.1.1": false,
		"127.0.0.1": false, "169.254.1.1": false, "0.0.0.0": false, "0.1.2.3": false,
		"192.0.2.10": false, "198.51.100.1": false, "203.0.113.9": false, "198.18.0.1": false,
		"224.0.0.1": false, "255.255.255.255": false, "250.1.1.1": false,
		"::1": false, "::": false, "fe80::1": false, "fd00::1": false, "2001:db8::1": false,
		"ff02::1": false, "::ffff:10.0.0.1": false, "fe80::1%eth0": false,
	} {
		assert.Equal(t, want, IsPublic(netip.MustParseAddr(s)), s)
	}
	assert.False(t, IsPublic(netip.Addr{}))
}
