// Package rulecov holds no code: its test keeps the rule-coverage table of
// README.md honest. Every rule ID cited in the SDK's sources must have a row,
// every row must name tests that exist, and every rule must have at least
// one test whose name starts with its ID (TestR21_..., FuzzR40_...).
package rulecov
