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

// WeChat's validity dates: YYYYmmdd, and 长期 for no expiry.
func ExampleValidityDates() {
	v, _ := platform.ParseValidityDates("20230815", "长期", "subject.principal.cert_validity")
	s, e, ok := platform.ValidityDates(v)
	fmt.Println(s, e, ok)
	_, p := platform.ParseValidityDates("2023-08-15", "长期", "subject.principal.cert_validity")
	fmt.Println(p.Path, p.Zh)
	// Output:
	// 20230815 长期 true
	// subject.principal.cert_validity 证件有效期“2023-08-15”格式不正确，须为8位日期（如20330815）或“长期”
}

// An address loses its leading province, city and district.
func ExampleStripRegion() {
	fmt.Println(platform.StripRegion("北京市朝阳区高碑店路181号1栋12345室", [3]string{"北京市", "市辖区", "朝阳区"}))
	// Output:
	// 高碑店路181号1栋12345室
}
