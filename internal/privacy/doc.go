// Package privacy holds no code: its tests check, over every exported type
// of every package of the module, that personal data (certificate numbers,
// phone numbers, e-mail addresses) never reaches fmt output, log/slog
// output (text and JSON handlers, top level and nested in groups) or error
// messages in clear, while encoding/json keeps it raw.
//
// The registry of types lives in privacy_test.go; a test parses the
// module's sources and fails when an exported type is missing from it, so a
// new type cannot escape the check.
package privacy
