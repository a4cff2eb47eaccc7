// Package jsonscan holds the low-level steps of the hand-written JSON
// decoders of the SDK (the JSON Lines record sets, whose shapes are known):
// reading strings, checking and skipping values, without reflection and
// without allocating. It checks the syntax of RFC 8259 as encoding/json
// does (the same strings, escapes, numbers and literals are accepted) and
// decodes strings as encoding/json does (invalid UTF-8 and unpaired
// surrogates become U+FFFD), so that a decoder built on it can be tested
// against encoding/json as its oracle.
//
// Nesting is bounded by MaxDepth, below encoding/json's limit: a decoder
// that sees SkipValue fail hands the input to encoding/json, which decides
// (conflict's JSONL load). A decoder that gives its own errors (the shell
// classification's JSONL stream) words them from the Fault and the position
// that a failed SkipValue, Member or More leaves.
package jsonscan
