package shell

import (
	"slices"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/catalog"
)

// codes lists the codes this package defines; written only during package
// initialisation.
var codes []filing.Code

// define registers a code of this package in the module's code registry.
func define(code, rule, zh, en string) filing.Code {
	c := filing.Code(catalog.Define(code, rule, zh, en))
	codes = append(codes, c)
	return c
}

// Codes returns every code the package defines, sorted.
func Codes() []filing.Code {
	out := slices.Clone(codes)
	slices.Sort(out)
	return out
}

// problemList collects the problems of one classification.
type problemList []*filing.Problem

// err returns nil when the list is empty, else a *ValidationError.
func (l problemList) err() error {
	if len(l) == 0 {
		return nil
	}
	return &filing.ValidationError{Problems: l}
}
