package conflict

import (
	"testing"

	"github.com/beiankit/beian/filing/domain"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
)

// TestR30_RegistrableDomainAgreesWithFiling: conflict keys and the public
// query meet domains by domain.RegistrableDomain — the approved-suffix
// table's own suffixes (.政务.cn) and only the ICANN section of the public
// suffix list — so what validation calls one registered domain is one key
// here, and two registrants under .政务.cn are two keys.
func TestR30_RegistrableDomainAgreesWithFiling(t *testing.T) {
	ix := New()
	require.NoError(t, ix.Put(Record{
		Subject: SubjectRecord{Number: numA, Province: "52", Name: "贵州示例科技有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certA},
		Websites: []WebsiteRecord{
			{Number: numA + "-1", Name: "示例网", Domains: []string{"example.com.cn"}},
			{Number: numA + "-2", Name: "政务网", Domains: []string{"例子.政务.cn"}},
			{Number: numA + "-3", Name: "托管站", Domains: []string{"blogspot.com"}},
		},
	}))
	onFile := map[string]string{
		"example.com.cn":             numA + "-1",
		"xn--fsqu00a.xn--zfr164b.cn": numA + "-2",
		"blogspot.com":               numA + "-3",
	}
	for _, d := range []string{
		"example.com.cn", "m.example.com.cn", "ＷＷＷ．ｅｘａｍｐｌｅ．ｃｏｍ．ｃｎ",
		"例子.政务.cn", "www.例子.政务.cn", "别家.政务.cn", "www.别家.政务.cn",
		"blogspot.com", "zhangsan.blogspot.com", "a.b.blogspot.com",
		"example.cn", "other.com.cn",
	} {
		t.Run(d, func(t *testing.T) {
			reg, err := domain.RegistrableDomain(d)
			require.NoError(t, err)
			want, filed := onFile[reg]

			res, err := ix.Query(Query{By: ByDomain, Value: d})
			require.NoError(t, err)
			var got []string
			for _, r := range res.Records {
				got = append(got, r.WebsiteNumber)
			}
			if filed {
				assert.Equal(t, []string{want}, got, "public query")
			} else {
				assert.Empty(t, got, "public query")
			}

			cs := mustCheck(t, ix, newFiling("52", d))
			if !filed {
				assert.Empty(t, cs, "conflicts")
				return
			}
			require.Len(t, cs, 1, "conflicts %v", kinds(cs))
			assert.Equal(t, reg, cs[0].Domain, "conflict key is the registrable domain")
			assert.Equal(t, want, cs[0].Blocking.WebsiteNumber)
		})
	}
}
