package forms

import (
	"testing"

	"github.com/beiankit/beian/filing/domain"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestR32_CertificateDomainAgreesWithFiling: the domain certificate and the
// form's domain are compared by domain.RegistrableDomain, as validation and
// the conflict keys compare them (the table's .政务.cn, ICANN suffixes only).
func TestR32_CertificateDomainAgreesWithFiling(t *testing.T) {
	for _, c := range []struct {
		cert, form string
		same       bool
	}{
		{"example.com.cn", "www.example.com.cn", true},
		{"例子.政务.cn", "www.例子.政务.cn", true},
		{"例子.政务.cn", "别家.政务.cn", false},
		{"blogspot.com", "zhangsan.blogspot.com", true},
		{"example.com", "example.cn", false},
	} {
		a, err := domain.NormalizeDomain(c.cert)
		require.NoError(t, err)
		b, err := domain.NormalizeDomain(c.form)
		require.NoError(t, err)
		ra, _ := domain.RegistrableDomain(a)
		rb, _ := domain.RegistrableDomain(b)
		assert.Equal(t, c.same, ra == rb, "domain.RegistrableDomain %s / %s", c.cert, c.form)
		assert.Equal(t, c.same, sameRegistrable(a, b), "forms %s / %s", c.cert, c.form)
	}
}
