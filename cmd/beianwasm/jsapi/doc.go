// Package jsapi is what the WebAssembly build of the SDK (cmd/beianwasm)
// exposes to JavaScript, as plain Go testable on any platform: validate a
// filing given as JSON (the problems of filing.Validate, each with its path,
// label, code, rule and Chinese and English messages), check one field as
// the user types, parse a record number, and count the working days of a
// statutory time limit. Every entry point takes and returns JSON, so the
// JavaScript side needs no glue beyond JSON.parse: Dispatch routes a method
// name and its JSON arguments to the function and always returns a JSON
// object, never an error or a panic.
//
// The functions call the SDK's own checks (filing, numbering, calendar):
// there is no second implementation of a rule here, and the browser gets the
// same problems the server reports.
package jsapi
