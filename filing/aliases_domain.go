package filing

import (
	"github.com/beiankit/beian/filing/domain"
)

// Names of package filing/domain (IDNA, the registrable domain, the approved
// suffixes, home URLs), kept here for code written against filing.

// CheckDomainForNature is CheckDomain plus the suffixes reserved for some
// subject natures (domain.CheckDomainForNature).
func CheckDomainForNature(s string, nature Nature) error {
	return domain.CheckDomainForNature(s, string(nature))
}

// ApprovedTLDs is domain.ApprovedTLDs.
func ApprovedTLDs() []string { return domain.ApprovedTLDs() }

// CheckDomain is domain.CheckDomain.
func CheckDomain(s string) error { return domain.CheckDomain(s) }

// CheckHomeURL is domain.CheckHomeURL.
func CheckHomeURL(raw string, domains []string) error { return domain.CheckHomeURL(raw, domains) }

// DomainUnicode is domain.DomainUnicode.
func DomainUnicode(ascii string) string { return domain.DomainUnicode(ascii) }

// NormalizeDomain is domain.NormalizeDomain.
func NormalizeDomain(s string) (string, error) { return domain.NormalizeDomain(s) }

// NormalizeHomeURL is domain.NormalizeHomeURL.
func NormalizeHomeURL(raw string) (string, error) { return domain.NormalizeHomeURL(raw) }

// RegistrableDomain is domain.RegistrableDomain.
func RegistrableDomain(s string) (string, error) { return domain.RegistrableDomain(s) }

// TLDApproved is domain.TLDApproved.
func TLDApproved(tld string) bool { return domain.TLDApproved(tld) }

const HomeURLMaxLen = domain.HomeURLMaxLen // domain.HomeURLMaxLen

var CodeDomainEmpty = domain.CodeDomainEmpty // domain.CodeDomainEmpty

var CodeDomainGovernmentOnly = domain.CodeDomainGovernmentOnly // domain.CodeDomainGovernmentOnly

var CodeDomainIPLiteral = domain.CodeDomainIPLiteral // domain.CodeDomainIPLiteral

var CodeDomainInvalid = domain.CodeDomainInvalid // domain.CodeDomainInvalid

var CodeDomainNonprofitOnly = domain.CodeDomainNonprofitOnly // domain.CodeDomainNonprofitOnly

var CodeDomainPort = domain.CodeDomainPort // domain.CodeDomainPort

var CodeDomainPublicSuffix = domain.CodeDomainPublicSuffix // domain.CodeDomainPublicSuffix

var CodeDomainSingleLabel = domain.CodeDomainSingleLabel // domain.CodeDomainSingleLabel

var CodeDomainSubdomain = domain.CodeDomainSubdomain // domain.CodeDomainSubdomain

var CodeDomainTLDNotApproved = domain.CodeDomainTLDNotApproved // domain.CodeDomainTLDNotApproved

var CodeDomainTooLong = domain.CodeDomainTooLong // domain.CodeDomainTooLong

var CodeDomainURL = domain.CodeDomainURL // domain.CodeDomainURL

var CodeDomainWildcard = domain.CodeDomainWildcard // domain.CodeDomainWildcard

var CodeURLEmpty = domain.CodeURLEmpty // domain.CodeURLEmpty

var CodeURLHost = domain.CodeURLHost // domain.CodeURLHost

var CodeURLIPHost = domain.CodeURLIPHost // domain.CodeURLIPHost

var CodeURLInvalid = domain.CodeURLInvalid // domain.CodeURLInvalid

var CodeURLNotUnderDomain = domain.CodeURLNotUnderDomain // domain.CodeURLNotUnderDomain

var CodeURLPort = domain.CodeURLPort // domain.CodeURLPort

var CodeURLScheme = domain.CodeURLScheme // domain.CodeURLScheme

var CodeURLTooLong = domain.CodeURLTooLong // domain.CodeURLTooLong

var CodeURLUserInfo = domain.CodeURLUserInfo // domain.CodeURLUserInfo
