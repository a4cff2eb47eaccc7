// Package domainkey hands package conflict the registrable-domain function
// of package filing for domains it has already normalised, so that a
// conflict key costs one normalisation, not two, and is still computed by
// filing.RegistrableDomain's own code (one definition in the module).
package domainkey

// OfNormalised is filing.RegistrableDomain for a domain that is already
// filing.NormalizeDomain's output: same result, same errors, without the
// second normalisation. Package filing sets it when it initialises, before
// any package that imports filing runs.
var OfNormalised func(ascii string) (string, error)
