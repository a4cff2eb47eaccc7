package domain

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestR09_RegistrableDomain: the approved-suffix table's own second-level
// suffixes count as public suffixes; of the public suffix list only the
// ICANN section does, so a host under a dynamic-DNS or hosting provider's
// private entry is a subdomain of the provider's registered domain.
func TestR09_RegistrableDomain(t *testing.T) {
	cases := []struct {
		in, want string
		code     Code // "" for success
	}{
		{"m.example.com.cn", "example.com.cn", ""},
		{"WWW.Example.COM.", "example.com", ""},
		{"ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ", "example.com", ""},
		{"www.example.co.uk", "example.co.uk", ""},
		{"例子.中国", "xn--fsqu00a.xn--fiqs8s", ""},
		// The table's additions (.政务.cn, .公益.cn are not in the list).
		{"www.例子.政务.cn", "xn--fsqu00a.xn--zfr164b.cn", ""},
		{"例子.政务.cn", "xn--fsqu00a.xn--zfr164b.cn", ""},
		{"a.b.例子.公益.cn", "xn--fsqu00a.xn--55qw42g.cn", ""},
		{"政务.cn", "", CodeDomainPublicSuffix},
		{"公益.cn", "", CodeDomainPublicSuffix},
		// Private section: providers' hosts are subdomains.
		{"foo.dyndns.org", "dyndns.org", ""},
		{"zhangsan.github.io", "github.io", ""},
		{"a.b.blogspot.com", "blogspot.com", ""},
		{"myapp.herokuapp.com", "herokuapp.com", ""},
		{"shop.myshopify.com", "myshopify.com", ""},
		{"x.cn-north-1.eb.amazonaws.com.cn", "amazonaws.com.cn", ""},
		// ICANN suffixes themselves.
		{"com.cn", "", CodeDomainPublicSuffix},
		{"gov.cn", "", CodeDomainPublicSuffix},
		{"co.uk", "", CodeDomainPublicSuffix},
		{"localhost", "", CodeDomainSingleLabel},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, err := RegistrableDomain(c.in)
			// The fast path package conflict uses on normalised domains agrees.
			if a, nerr := NormalizeDomain(c.in); nerr == nil {
				fast, ferr := RegistrableASCII(a)
				assert.Equal(t, got, fast, "RegistrableASCII")
				assert.Equal(t, codeOf(err), codeOf(ferr), "RegistrableASCII error")
			}
			if c.code != "" {
				assert.ErrorIs(t, err, c.code)
				assert.Empty(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
			again, err := RegistrableDomain(got)
			require.NoError(t, err)
			assert.Equal(t, got, again, "idempotent")
		})
	}
}
