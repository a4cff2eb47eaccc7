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
