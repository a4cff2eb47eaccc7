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
// # Apps, mini-programs and quick apps
//
// A Filing carries Apps beside Websites (R-70..R-73): App with its kind
// (AppKindApp, AppKindMiniProgram, AppKindQuickApp), one row per running
// platform (AppPlatform: Android package name, iOS Bundle ID, HarmonyOS
// bundle name, public key, fingerprint, domains, SDKs) or, for mini-programs
// and quick apps, its hosting platform. CheckAppIdentifier,
// NormalizeFingerprint, NormalizePublicKey and AppIdentifierKey check and
// normalise the platform data; Validate checks whole apps; Warnings lists
// what never fails a filing (AppIDs of unusual format, AppIDWarning).
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
// (Email) print masked through fmt and log/slog; Raw returns the value.
package filing
