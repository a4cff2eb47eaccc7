package materials_test

import (
	"fmt"

	"github.com/beiankit/beian/filing/filingtest"
	"github.com/beiankit/beian/filing/materials"
)

// The completeness check names what is missing (R-93).
func ExampleCheck() {
	g := filingtest.New(7)
	f := g.Filing(g.Organisation("53"), 1)
	err := materials.Check(materials.Case{Filing: f, Now: at}, nil)
	if me, ok := err.(*materials.MissingError); ok {
		fmt.Println(me.MessageZh())
	}
	// Output: 备案材料不完整，缺少：网站备案信息真实性核验单、手持证件照
}
