package change

import (
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/domain"
)

// domainKey is a domain as a change compares it: its canonical form
// by domain.NormalizeDomain (NFKC, "。", one trailing dot removed, IDNA
// UTS #46 lookup to lower-case A-labels), so that "例子.中国",
// "xn--fsqu00a.xn--fiqs8s" and "EXAMPLE.cn." meet their stored form,
// while "λόγος.com" and "λόγοσ.com", "ς.com" and "σ.com", "maße.cn" and
// "maẞe.cn" stay different domains (different A-labels: a swap, not an
// edit). Unicode case folding (strings.EqualFold) is not domain equality:
// it folds ς to σ and ẞ to ß. A value that is no valid domain compares by
// filing.NormalizeText with ASCII letters lower-cased, never by Unicode
// folding.
func domainKey(s string) string {
	if d, err := domain.NormalizeDomain(s); err == nil {
		return d
	}
	b := []byte(filing.NormalizeText(s))
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// sameDomain reports whether a and b are the same domain (domainKey).
func sameDomain(a, b string) bool {
	return a == b || domainKey(a) == domainKey(b)
}
