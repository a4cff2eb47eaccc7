package platform_test

import (
	"fmt"

	"github.com/beiankit/beian/filing/platform"
)

// Service categories become the platform's second-level type IDs; a
// first-level name is refused with a Chinese message at the SDK's path.
func ExampleSelectServiceTypes() {
	list := []platform.ServiceType{{ID: 600, Name: "工具"}, {ID: 5, Parent: 600, Name: "记账"}}
	ids, probs := platform.SelectServiceTypes([]string{"记账", "工具"}, list, "apps[0].categories")
	fmt.Println(ids)
	for _, p := range probs {
		fmt.Println(p.Path, p.Rule, p.Zh)
	}
	// Output:
	// [5]
	// apps[0].categories R-95 “工具”是一级服务内容类型，只能选择其下的二级类型
}

// Without the platform's region list the codes are checked by their GB/T
// 2260 prefixes.
func ExampleCheckRegion() {
	_, probs := platform.CheckRegion(platform.Region{Province: "520000", City: "520100", District: "110105"}, "52", nil, "region")
	for _, p := range probs {
		fmt.Println(p.Path, p.Zh)
	}
	// Output:
	// region.district 地区代码110105不属于520100
}
