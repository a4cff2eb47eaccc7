package shell

import (
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/catalog"
)

// codes are the codes this package owns, in the module's one registry
// (internal/catalog).
var codes catalog.Set[filing.Code]

// define registers a code of this package with its rule ID and its Chinese
// (end-user) and English (developer) messages, which may hold fmt verbs.
// For package-level variable initialisation only; a code defined twice in
// the module panics.
func define(code, rule, zh, en string) filing.Code { return codes.Define(code, rule, zh, en) }

// Codes returns every code the package defines, sorted.
func Codes() []filing.Code { return codes.Codes() }

// problemList collects the problems of one classification.
type problemList []*filing.Problem

// err returns nil when the list is empty, else a *ValidationError.
func (l problemList) err() error {
	if len(l) == 0 {
		return nil
	}
	return &filing.ValidationError{Problems: l}
}
