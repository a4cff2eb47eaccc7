package materials_test

import (
	"testing"

	"github.com/beiankit/beian/filing/filingtest"
	"github.com/beiankit/beian/filing/materials"
)

// FuzzR93_Parse: Parse never panics, and a matrix it accepts answers
// Required without panicking.
func FuzzR93_Parse(f *testing.F) {
	f.Add([]byte(`{"materials":[{"id":"a","zh":"甲"}],"rows":[{"id":"r","material":"a","when":"always","source":"s"}]}`))
	g := filingtest.New(5)
	fl := g.Filing(g.Individual("44"), 4)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := materials.Parse(data)
		if err != nil {
			return
		}
		_ = r.Required(materials.Case{Filing: fl, Now: at})
	})
}
