// Package datacheck holds no code: its test keeps the module's embedded data
// tables (every package's data/*.json) honest. Each table is embedded by its
// package, names its public source (document title and number, or the
// public page or repository it was compiled from) in "source" and its
// compilation date in "compiled", and no source points at a file outside
// the module.
package datacheck
