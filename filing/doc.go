// Package filing is the vocabulary of the ICP filing system (ICP备案) and the
// place where a portal asks "is this filing acceptable?" (Validate, R-01..R-09).
//
// It holds the model (Filing, Subject, Website, Access, Person, Status), the
// tables behind it (the 31 provincial bureaus, certificate types, subject
// natures, pre-approval categories, each embedded from data/ with its
// source), the normalisation every input goes through (NormalizeText,
// NormalizeDomain, NormalizeFiling), the field checks (CheckResidentID,
// CheckDomain, ...), the judgement of individual versus organisation
// and the validation of whole filings. Package filing/lifecycle moves a
// filing through its stages (R-10..R-23); package filing/shell finds shell
// records (R-60..R-63). Both import this package, never the reverse.
//
// # Checks around a filing
//
// Validate judges a form on its own; these judge it against the world:
// CheckPersonValidity and CheckExpired a responsible person's certificate
// validity; CheckDomainRegistration and CheckWebsiteRegistrations
// what the domain registry says, under the province's HolderPolicy and
// minimum remaining validity; CheckAccess an access record's method,
// server province and public IPv4/IPv6 addresses and ranges (AddrRange,
// PublicUnicast, R-86); ParsePSNumber a public-security number against the
// embedded GB/T 2260 area codes (AreaCode, R-87). Package filing/change
// judges a change against the record (R-80..R-82), package filing/footer a
// home page's displayed number.
//
// # Errors
//
// Every problem is a *Problem with a stable Code, the rule ID, a Chinese
// message for end users and an English one for developers. Validation
// returns one *ValidationError listing every problem with its JSON field path
// ("websites[0].domains[1]") and Chinese label. Codes are sentinels:
//
//	errors.Is(err, filing.CodeDomainPublicSuffix)
//
// Code is the one code type of the module: the codes of packages lifecycle,
// shell, numbering, conflict and forms are Code values too, and Code's Rule,
// MessageZh and MessageEn read one registry whichever package defined it.
//
// # Personal data
//
// Certificate numbers (IDNumber), phone numbers (Phone) and e-mail addresses
// (Email) print masked through fmt and log/slog; Raw returns the value. A
// DomainRegistration masks its holder and the holder's certificate number.
package filing
