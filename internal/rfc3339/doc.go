// Package rfc3339 reads the RFC 3339 instants of the record set's JSON
// Lines export into China Standard Time, for the two hand-written decoders
// that meet them by the million (filing/record's export and filing/shell's
// deprecated typed lines).
//
// Fast parses the canonical form "2006-01-02T15:04:05[.999999999](Z|±07:00)"
// without allocating and reports false for anything else; Parse falls back
// to time.Parse(time.RFC3339Nano) there, so it accepts exactly what the
// standard library accepts. Both are tested against time.Parse as their
// oracle, by table and by fuzzing.
package rfc3339
