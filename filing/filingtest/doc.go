// Package filingtest provides test fixtures for code that uses package
// filing, in the spirit of net/http/httptest: generators of valid filing
// data, named broken cases per rule, and a language-neutral conformance
// corpus.
//
// # Generators
//
// A Gen, made by New from a seed, produces values that pass filing's checks:
// resident ID numbers, unified social credit codes, organisation codes,
// mobile and landline numbers, e-mail addresses, ASCII and Chinese domains,
// people, subjects (individuals and organisations that respect the province
// rules of the province they file in), websites and
// whole filings. The same seed gives the same output on every platform, and
// one Gen never repeats a domain, certificate number, phone, e-mail or
// subject or website name, so its filings do not conflict with each other.
// App and FilingWithApps add apps of every kind and platform, with
// fingerprints computed from generated keys and identifiers that never
// repeat:
//
//	g := filingtest.New(1)
//	f := g.Filing(g.Organisation("36"), 2) // Jiangxi: landlines as well as mobiles
//	err := filing.Validate(f)              // nil
//
// The generators take their tables from filing (provinces, natures,
// certificate types, approved TLDs, mobile segments, landline lengths,
// pre-approval categories, province rules) wherever filing exports them;
// the few facts filing does not export (one real district and the area code
// of each provincial capital, name syllables) are in tables.go with their
// sources.
//
// # Broken cases
//
// BrokenCases returns, for every rule filing.Validate enforces, filings with
// exactly one thing broken (a wrong check character, a .io domain, a home
// URL on another domain, Jiangxi without a landline, news content without
// its pre-approval, ...) together with the valid filing each starts from and
// the one problem filing.Validate reports: its Code and JSON path. Broken
// looks one up by name.
//
// # Conformance corpus
//
// The corpus is a set of JSON files in the conformance directory of this
// package (filing/filingtest/conformance), one per rule, described by the
// README.md there: each case is a filing in filing's JSON shape, the instant
// to check it at when that matters, and the expected outcome, valid or an
// exact list of problem codes and paths. It holds the broken cases and the
// inputs real users type: full-width digits, stray spaces, a lower-case x
// check character, Chinese domains and their A-labels, upper-case domains
// with a trailing dot, 29 February birth dates, 15-digit legacy IDs, ages on
// the day of a birthday in China's time zone, and more. The files are
// embedded: Conformance returns the cases, Case.Check compares a validation
// result with a case, and RunConformance runs a validator over the whole
// corpus in a test. Implementations in other languages read the files
// directly.
package filingtest
