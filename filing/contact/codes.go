package contact

import (
	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/internal/catalog"
)

// codes are the codes this package owns, in the module's one registry
// (internal/catalog). They were defined in package filing before this
// package was cut out of it; the strings did not change, and filing.Codes
// still lists them.
var codes catalog.Set[problem.Code]

// Codes returns every code the package defines, sorted.
func Codes() []problem.Code { return codes.Codes() }
