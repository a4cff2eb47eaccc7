package province_test

import (
	"fmt"

	"github.com/beiankit/beian/filing/province"
)

// Record numbers use the bureau's own abbreviation: Guizhou is 黔, not 贵
// (R-41).
func ExampleByCode() {
	p, ok := province.ByCode("52")
	fmt.Println(ok, p.Name, p.Abbr, p.ICPAbbr, p.Bureau)
	// Output: true 贵州省 贵 黔 贵州省通信管理局
}

// An abbreviation seen in real record numbers (川 for Sichuan) finds the
// province as its own (蜀) does.
func ExampleByAbbr() {
	p, _ := province.ByAbbr("川")
	q, _ := province.ByAbbr("蜀")
	fmt.Println(p.Name, p.Code == q.Code)
	// Output: 四川省 true
}

// AreaCode names a GB/T 2260 county-level division.
func ExampleAreaCode() {
	name, ok := province.AreaCode("440305")
	fmt.Println(name, ok)
	_, ok = province.AreaCode("449999")
	fmt.Println(ok)
	// Output:
	// 南山区 true
	// false
}

// ByName takes the full name or the name without its 省/市 suffix; the
// lookup is exact, so a traditional-character name is not found.
func ExampleByName() {
	p, ok := province.ByName("贵州")
	fmt.Println(p.Code, p.Name, ok)
	p, ok = province.ByName("内蒙古自治区")
	fmt.Println(p.Code, p.ICPAbbr, ok)
	_, ok = province.ByName("貴州省")
	fmt.Println(ok)
	// Output:
	// 52 贵州省 true
	// 15 蒙 true
	// false
}

// All lists the 31 bureaus in code order, with the abbreviation each
// prints in record numbers.
func ExampleAll() {
	all := province.All()
	fmt.Println(len(all), all[0].Code, all[0].Name, all[len(all)-1].Code, all[len(all)-1].Name)
	for _, p := range all {
		if p.ICPAbbr != p.Abbr {
			fmt.Println(p.Name, p.Abbr, "→", p.ICPAbbr)
		}
	}
	// Output:
	// 31 11 北京市 65 新疆维吾尔自治区
	// 四川省 川 → 蜀
	// 贵州省 贵 → 黔
	// 云南省 云 → 滇
	// 甘肃省 甘 → 陇
}

// AreaCodesAsOf dates the embedded GB/T 2260 edition that AreaCode reads.
func ExampleAreaCodesAsOf() {
	fmt.Println(province.AreaCodesAsOf())
	// Output: 2023-06-30
}
