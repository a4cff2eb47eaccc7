package forms_test

import (
	"fmt"
	"time"

	"github.com/beiankit/beian/filing/filingtest"
	"github.com/beiankit/beian/filing/materials"
	"github.com/beiankit/beian/forms"
)

// The materials a filing carries beyond its fields, as a form lists them
// (R-93).
func ExampleFilingMaterialsText() {
	g := filingtest.New(11)
	c := materials.Case{Filing: g.Filing(g.Organisation("53"), 1), Now: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)}
	fmt.Println(forms.FilingMaterialsText(c, []materials.ID{"authenticity_form"}))
	// Output: 备案材料不完整，缺少：手持证件照
}
