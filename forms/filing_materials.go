package forms

import (
	"strings"

	"github.com/beiankit/beian/filing/materials"
)

// FilingMaterials lists, as checklist items, the materials a filing must
// carry beyond its fields (R-93, package materials): what the applicant
// prints and encloses alongside the bureau's forms. Each item is required
// and names its rule.
func FilingMaterials(c materials.Case) []Material {
	var out []Material
	for _, q := range materials.Required(c) {
		out = append(out, Material{ID: MaterialID("filing." + string(q.Material.ID)), Zh: q.Material.Zh, En: q.Material.En, Rule: "R-93", Required: true})
	}
	return out
}

// FilingMaterialsText is the Chinese line a form shows about the filing's
// materials: "备案材料齐全" or "备案材料不完整，缺少：…".
func FilingMaterialsText(c materials.Case, have []materials.ID) string {
	err := materials.Check(c, have)
	if err == nil {
		return "备案材料齐全"
	}
	if me, ok := err.(*materials.MissingError); ok {
		return me.MessageZh()
	}
	return strings.TrimSpace(err.Error())
}
