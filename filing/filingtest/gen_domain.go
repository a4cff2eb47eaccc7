package filingtest

import (
	"sync"

	"github.com/beiankit/beian/filing"
)

// Domains of a Gen.

// domainPool returns the TLDs of a candidate list under which filing
// accepts a domain for an enterprise (approved, not reserved).
func domainPool(candidates []string, label string) []string {
	var out []string
	for _, t := range candidates {
		if filing.CheckDomainForNature(label+"."+t, filing.NatureEnterprise) == nil {
			out = append(out, t)
		}
	}
	return out
}

var (
	asciiPool = sync.OnceValue(func() []string { return domainPool(asciiTLDs, "a0") })
	idnPool   = sync.OnceValue(func() []string { return domainPool(idnTLDs, "例子") })
)

// asciiLabel returns a domain label from one or two brand words.
func (g *Gen) asciiLabel(b syllable) string {
	if g.chance(2) {
		return b.latin
	}
	return b.latin + pick(g, brands).latin
}

// hanLabel returns a Chinese domain label from one or two brand words.
func (g *Gen) hanLabel(b syllable) string {
	if g.chance(2) {
		return b.han
	}
	return b.han + pick(g, brands).han
}

// Domain returns a registrable ASCII domain under a TLD approved for filing
// (domain.CheckDomain), such as "xingchen.com" or "yunhaiboya.com.cn".
func (g *Gen) Domain() string {
	b := pick(g, brands)
	return g.fresh("domain", func(tag string) string {
		return g.asciiLabel(b) + tag + "." + pick(g, asciiPool())
	})
}

// DomainIDN returns a registrable Chinese domain in its Unicode form under
// an approved Chinese TLD, such as "星辰.中国" or "云海博雅.公司". Its A-label
// is domain.NormalizeDomain's result.
func (g *Gen) DomainIDN() string {
	b := pick(g, brands)
	return g.fresh("domain", func(tag string) string {
		return g.hanLabel(b) + tag + "." + pick(g, idnPool())
	})
}
