// Package filing is the vocabulary of the ICP filing system and the place
// where a portal asks "is this filing acceptable?".
//
// It holds the model (Filing, Subject, Website, Access, Person), the tables
// behind it (the 31 provincial bureaus, certificate types, subject natures,
// pre-approval categories, each embedded from data/ with its source), the
// normalisation every input goes through (NormalizeText, NormalizeDomain),
// the field checks and the validation of whole filings, the judgement of
// individual versus organisation, the lifecycle and who may act at
// each stage (R-10..R-17), and the classification of shell records
// (R-60..R-63).
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
// # Personal data
//
// Certificate numbers (IDNumber), phone numbers (Phone) and e-mail addresses
// (Email) print masked through fmt and log/slog; Raw returns the value.
package filing
