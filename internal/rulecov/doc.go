// Package rulecov holds no code: its tests keep the rule IDs of the module
// honest against the rule catalogue, docs/rules.md.
//
// Every rule ID (R-xx) cited in the module's Go sources, docs, data tables
// and templates is a row of the catalogue, and every row names its source
// and its package; every test named for a rule names a rule of the
// catalogue.
//
// The README's rule-coverage table (between the rulecov markers) is
// generated from the catalogue and the tests present: for every rule, the
// tests whose names start with its ID (TestR21_..., FuzzR40_...), or "not
// covered yet" when there are none. Regenerate it with
//
//	go test ./internal/rulecov -run TestReadmeRuleCoverage -update
package rulecov
