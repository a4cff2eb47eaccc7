package forms_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/beiankit/beian/filing/filingtest"
	"github.com/beiankit/beian/filing/materials"
	"github.com/beiankit/beian/forms"
)

// forms shows the filing's materials and what is missing.
func TestR93_FormsShowMaterials(t *testing.T) {
	g := filingtest.New(11)
	c := materials.Case{Filing: g.Filing(g.Organisation("53"), 1), Now: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)}
	items := forms.FilingMaterials(c)
	var zh []string
	for _, m := range items {
		zh = append(zh, m.Zh)
		assert.Equal(t, "R-93", m.Rule)
		assert.True(t, m.Required)
	}
	assert.Equal(t, []string{"网站备案信息真实性核验单", "手持证件照"}, zh)
	assert.Equal(t, "备案材料不完整，缺少：手持证件照", forms.FilingMaterialsText(c, []materials.ID{"authenticity_form"}))
	assert.Equal(t, "备案材料齐全", forms.FilingMaterialsText(c, []materials.ID{"authenticity_form", "handheld_id_photo"}))
}
