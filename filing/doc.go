// Package filing is the vocabulary of the ICP filing system (ICP备案) and the
// place where a portal asks "is this filing acceptable?" (R-01..R-09).
//
// # Entry points
//
//   - Validate(f) checks a whole Filing and returns every problem at once
//     as a *ValidationError; NewValidator builds a Validator once (options
//     WithProvinceRules, WithNow, WithDraft) for many filings, concurrently;
//     ValidateSubject checks a subject alone.
//   - NormalizeFiling returns the filing as it is checked and should be
//     stored (NFKC, trimmed, full-width digits folded, IDNA A-labels);
//     NormalizeText does one text field; the leaf packages do the others
//     (domain.NormalizeDomain, contact.NormalizePhone,
//     contact.NormalizeEmail, certno.NormalizeCertNumber).
//   - Field checks live in the leaf packages (certno.CheckResidentID,
//     certno.CheckCertNumber, contact.CheckMobile, contact.CheckLandline,
//     contact.CheckEmail, domain.CheckDomain, domain.CheckHomeURL), each
//     returning nil or a *Problem; JudgeKind decides individual versus
//     organisation.
//   - The model: Filing, Subject, Website and App over one Service part,
//     Access, Person and Status, with the personal-data types IDNumber,
//     Phone and Email; the tables behind
//     it (the 31 provincial bureaus, certificate types, subject natures,
//     pre-approval categories, approved TLDs), each embedded from data/
//     with its source.
//
// # Where the rest lives
//
// Validation is this package (validate.go: options and entry points;
// validate_normalize.go, validate_fields.go and validate_rules.go: the
// steps). A filing's stages, who may act at each, its time limits and
// audit trail are package filing/lifecycle (Apply, Allowed,
// State.Countdown, R-10..R-23). Shell records, one subject or a bureau's
// whole export as a batch, are package filing/shell (ClassifySubject,
// ClassifyStream, ClassifySeq, R-60..R-63). Conflicts with the record set
// are package conflict, record numbers package numbering, working days
// package calendar, the paper applications package forms, and test
// fixtures package filing/filingtest. Those packages import this one, never
// the reverse.
//
// # Checks around a filing
//
// Validate judges a form on its own; these judge it against the world:
// CheckPersonValidity and CheckExpired a responsible person's certificate
// validity; CheckDomainRegistration and CheckWebsiteRegistrations
// what the domain registry says, under the province's HolderPolicy and
// minimum remaining validity; CheckAccess an access record's method,
// server province and public IPv4/IPv6 addresses and ranges (AddrRange,
// PublicUnicast, R-86). A public-security number is read by
// numbering.ParsePublicSecurity, the one parser of those numbers, against
// the embedded GB/T 2260 area codes (province.AreaCode). Package filing/change
// judges a change against the record (R-80..R-82), package filing/footer a
// home page's displayed number.
//
// # Province rules
//
// Every rule that depends on the province is a row of one table,
// ProvinceRules (embedded: data/province_rules.json, DefaultProvinceRules),
// each row with its source, the day it was checked and, where no source sets
// the figure, a DESIGN flag. Its kinds (RuleKinds) cover the validator's
// requirements, the certificate and domain minimums and
// the domain holder, the bureau's review limit (R-20, R-21,
// package filing/lifecycle), what a change may alter (R-81, package
// filing/change), the shell cleanup's grace (R-61, R-64, package
// filing/shell) and the province materials (R-93, package filing/materials).
// A caller changes rows without a release (ProvinceRules.With,
// LoadProvinceRules; a bad row is CodeProvinceRulesInvalid) and hands the
// table to each package: WithProvinceRules for the validator, the
// ProvinceRules methods for the checks around a filing (CertMinMonths,
// DomainMinMonths, HolderPolicy, CheckPersonValidity,
// CheckDomainRegistration, CheckWebsiteRegistrations),
// lifecycle.ReviewOf and State.DueWith, change.RulesIn and
// change.Options.ProvinceRules, shell.WithProvinceRules, materials.Case.
// The package functions of the same names answer from the default table.
// The doc comment of ProvinceRules lists the kinds,
// the readers and the DESIGN rows. Website names keep their one
// province row in package filing/sitename's own table, which this package
// imports.
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
//	errors.Is(err, domain.CodeDomainPublicSuffix)
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
