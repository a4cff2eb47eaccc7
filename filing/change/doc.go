// Package change judges a change filing (变更备案) against the record it
// changes (R-80..R-82, R-08). Diff compares the filed record with the
// changed one and returns a typed Set of changes by field path; Check
// enforces one domain per website (a change never adds or replaces a
// domain, 工信管函〔2019〕633号), the per-province table of what may change,
// that nothing changes while the bureau reviews and that a change does not
// run together with an addition, and returns a Plan: who must verify by SMS
// again and whether the in-person or face check is needed again.
//
// # Data
//
// What may change per province is the filing.RuleChange* rows of package
// filing's province table, each with its source there; RulesOf returns a
// province's Rules from the default table, RulesIn from a caller's, and
// Options.ProvinceRules hands a caller's table to Check.
// Where sources disagree the stricter reading is the default and the
// decision is named in the doc comment of the field concerned.
//
// # Concurrency
//
// Diff and Check only read their arguments and are safe for concurrent use.
package change
