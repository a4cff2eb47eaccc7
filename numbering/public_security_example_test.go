package numbering_test

import (
	"fmt"

	"github.com/beiankit/beian/filing/province"
	"github.com/beiankit/beian/numbering"
)

func ExampleParsePublicSecurity() {
	n, warnings, _ := numbering.ParsePublicSecurity("粤公网安备 44030502008569号")
	name, _ := province.AreaCode(n.Region())
	fmt.Println(n, n.Region(), name, len(warnings))

	n, warnings, _ = numbering.ParsePublicSecurity("浙备3301000000001号")
	fmt.Println(n, n.Legacy(), warnings[0].Code)

	_, warnings, _ = numbering.ParsePublicSecurity("沪公网安备11010802035340号")
	fmt.Println(warnings[0].Code)

	_, _, err := numbering.ParsePublicSecurity("京ICP备05002571号")
	fmt.Println(err)
	// Output:
	// 粤公网安备44030502008569号 440305 南山区 0
	// 浙备3301000000001号 true pubsec.legacy
	// pubsec.province_mismatch
	// pubsec.format: public-security number "京ICP备05002571号": want province abbreviation + 公网安备 + 14 digits + 号
}

func ExampleNumber_Warnings() {
	for _, n := range numbering.Find("京ICP备05002571号-1 京公网安备110105000655号 京公网安备99999902000001号") {
		fmt.Println(n, n.Legacy(), len(n.Warnings()))
	}
	// Output:
	// 京ICP备05002571号-1 false 0
	// 京公网安备110105000655号 true 1
	// 京公网安备99999902000001号 false 1
}
