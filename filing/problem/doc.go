// Package problem is the one error vocabulary of the SDK: a stable Code, the
// Problem it describes (field path, Chinese label, rule ID, a Chinese message
// for end users and an English one for developers) and the ValidationError
// that lists every Problem of one input.
//
// Codes live in the module's one registry (internal/catalog): each package
// defines its own codes, and Code's Rule, MessageZh and MessageEn read the
// registry whichever package defined the code. Codes are sentinels:
//
//	errors.Is(err, domain.CodeDomainPublicSuffix)
//
// matches a *Problem with that code, also inside a *ValidationError.
//
// Package filing re-exports these names (filing.Code, filing.Problem,
// filing.ValidationError, filing.NewProblem) for code written against it.
package problem
