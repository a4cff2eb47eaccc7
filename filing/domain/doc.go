// Package domain answers one question: may this domain, or this home URL,
// be filed, and under which one registrable domain?
//
// NormalizeDomain turns what a user typed (full-width characters, "。" as a
// separator, U-labels, a trailing dot) into the lower-case A-labels that are
// stored and compared, through IDNA (UTS #46, lookup profile).
// RegistrableDomain is the module's one definition of a registrable domain:
// the ICANN section of the public suffix list plus the approved-suffix
// table's own second-level suffixes. CheckDomain checks a domain against
// the approved top-level domains (embedded from data/tlds.json with its
// source; TLDApproved, ApprovedTLDs), CheckDomainForNature adds the suffixes
// reserved for some subject natures, CheckHomeURL and NormalizeHomeURL check
// a website's home URL against its filed domains. DomainUnicode gives the
// display form. Memo lets one validation reuse what it normalised.
//
// Every problem is a *problem.Problem with a stable code (domain.*, url.*).
// Package filing keeps only filing.CheckDomainForNature, over its own Nature
// type; the other checks are called here.
package domain
