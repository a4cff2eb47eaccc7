package change_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/change"
)

// TestR80_DomainsCompareAsDomains: a single-domain website cannot swap its
// domain for one that only Unicode case folding calls equal (final sigma,
// capital sharp s: other A-labels, other domains), and the same domain
// written as its A-label, in capitals or with a trailing dot is no change.
func TestR80_DomainsCompareAsDomains(t *testing.T) {
	cases := []struct {
		old, new string
		want     []filing.Code
	}{
		{"λόγος.com", "λόγοσ.com", []filing.Code{change.CodeDomainReplaced}},
		{"ς.com", "σ.com", []filing.Code{change.CodeDomainReplaced}},
		{"maße.cn", "maẞe.cn", []filing.Code{change.CodeDomainReplaced}},
		{"maße.cn", "masse.cn", []filing.Code{change.CodeDomainReplaced}},
		{"例子.中国", "xn--fsqu00a.xn--fiqs8s", nil},
		{"xn--fsqu00a.xn--fiqs8s", "例子。中国", nil},
		{"example.cn", "example.cn.", nil},
		{"example.cn", "EXAMPLE.CN", nil},
		{"example.cn", "ｅｘａｍｐｌｅ.cn", nil},
		{"λόγος.com", "ΛΌΓΟΣ.com", []filing.Code{change.CodeDomainReplaced}}, // capital sigma maps to σ, never to ς: λόγοσ.com
	}
	for _, tc := range cases {
		t.Run(tc.old+"→"+tc.new, func(t *testing.T) {
			old := filed(t, "52")
			old.Websites[1].Domains = []string{tc.old}
			nw := clone(old)
			nw.Websites[1].Domains = []string{tc.new}
			set, err := change.Diff(old, nw)
			require.NoError(t, err)
			_, err = change.Check(old, nw, change.Options{})
			assert.Equal(t, tc.want, codes(err))
			assert.Equal(t, tc.want != nil, set.Has("websites[1].domains[0]"))
		})
	}
}
