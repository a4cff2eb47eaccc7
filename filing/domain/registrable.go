package domain

import (
	"strings"

	"github.com/beiankit/beian/filing/problem"
	// golang.org/x/net/publicsuffix without its net/http import (R-98
	// WebAssembly size budget); same tables, same answers.
	"github.com/beiankit/beian/internal/publicsuffix"
)

// RegistrableDomain returns the registrable domain of a domain — the label
// a registrant registers plus the public suffix it is under:
// "m.example.com.cn" gives "example.com.cn", "www.例子.政务.cn" gives
// "xn--fiq228c.xn--zfr164b.cn" (例子.政务.cn). The input is normalised first
// (NormalizeDomain). A name that is itself a public suffix ("com.cn") is a
// domain.public_suffix problem.
//
// It is the one definition of a registrable domain in the module: the
// filing checks (R-09, "file the registered domain, not a subdomain"), the
// conflict keys and the public query (package conflict) and the forms
// (package forms) all use it. The public suffixes are
//
//   - the second-level suffixes of the approved-suffix table
//     (data/tlds.json "second_level": .政务.cn, .公益.cn), which the public
//     suffix list lacks, and
//   - the ICANN section of the Public Suffix List
//     (golang.org/x/net/publicsuffix). Its private section (dynamic-DNS and
//     hosting providers such as dyndns.org, github.io, blogspot.com) is not
//     a registry: "foo.dyndns.org" is a host under the registered domain
//     "dyndns.org", and only the holder of dyndns.org could file it.
func RegistrableDomain(domain string) (string, error) {
	ascii, err := NormalizeDomain(domain)
	if err != nil {
		return "", err
	}
	return RegistrableASCII(ascii)
}

// RegistrableASCII is RegistrableDomain of a domain already normalised by
// NormalizeDomain (lower-case A-labels), without normalising it again: the
// fast path of the conflict keys. Its error is a *problem.Problem.
func RegistrableASCII(a string) (string, error) {
	reg, p := registrableASCII(a)
	if p != nil {
		return "", p
	}
	return reg, nil
}

// registrableASCII is RegistrableASCII with a typed result.
func registrableASCII(a string) (string, *problem.Problem) {
	a = strings.TrimSuffix(a, ".")
	for _, sfx := range tlds.secondLevel {
		if a == sfx {
			return "", problem.New(CodeDomainPublicSuffix)
		}
		if len(a) > len(sfx)+1 && strings.HasSuffix(a, sfx) && a[len(a)-len(sfx)-1] == '.' {
			return labelAbove(a, len(sfx)), nil
		}
	}
	sfx := icannSuffix(a)
	if len(a) <= len(sfx) {
		return "", problem.New(CodeDomainPublicSuffix)
	}
	return labelAbove(a, len(sfx)), nil
}

// labelAbove returns the end of a from the label above its suffix of n
// bytes: a substring of a, no allocation on the hot paths of package
// conflict.
func labelAbove(a string, n int) string {
	head := a[:len(a)-n-1]
	return a[strings.LastIndexByte(head, '.')+1:]
}

// icannSuffix returns the public suffix of a under the ICANN section of the
// Public Suffix List. Where the list answers with a private-section entry,
// the entry's parent is looked up in turn, until an ICANN entry (or a
// single label: the list's default rule for an unlisted TLD) is reached.
func icannSuffix(a string) string {
	sfx, icann := publicsuffix.PublicSuffix(a)
	for !icann {
		i := strings.IndexByte(sfx, '.')
		if i < 0 {
			break
		}
		sfx, icann = publicsuffix.PublicSuffix(sfx[i+1:])
	}
	return sfx
}
