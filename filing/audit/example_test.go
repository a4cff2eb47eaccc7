package audit_test

import (
	"context"
	"fmt"
	"net/netip"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/audit"
)

// An approved website whose domain now also resolves to another provider's
// server, checked against its filed address and the ISP's filed block
// (R-97). The answers come from the caller's own resolver.
func ExampleAuditor_Site() {
	au, _ := audit.New([]netip.Prefix{netip.MustParsePrefix("119.29.0.0/16")}, audit.Answers{
		"example.cn": {Addrs: []netip.Addr{netip.MustParseAddr("119.29.1.1"), netip.MustParseAddr("8.8.8.8")}},
	})
	site := audit.Site{Number: "粤ICP备2026000001号-1", Domains: []string{"example.cn"},
		Filed: []filing.AddrRange{{From: netip.MustParseAddr("119.29.1.1"), To: netip.MustParseAddr("119.29.1.1")}}}
	for _, f := range au.Site(nil, site) {
		fmt.Println(f.Code, f.Zh)
	}
	// Output:
	// audit.outside_filed 域名example.cn解析到8.8.8.8，不在备案的网站IP地址中。请将域名解析指向已备案的IP地址，或办理变更接入、增加该IP地址
	// audit.outside_isp 域名example.cn解析到8.8.8.8，不属于本接入商已备案的IP地址段。请将域名解析指向本接入商的服务器，或在实际接入商处办理接入
}

// The audit of a national export, one record at a time: a website still in
// review whose domain already resolves.
func ExampleAuditor_Stream() {
	export := `{"subject":{"province":"44","name":"深圳甲科技有限公司","nature":"企业","cert_type":"工商营业执照","cert_number":"91440300MA5F00000X"},"websites":[{"name":"甲官网","domains":["jia.cn"],"status":"bureau_review"}]}`
	au, _ := audit.New(nil, audit.Answers{"jia.cn": {Addrs: []netip.Addr{netip.MustParseAddr("119.29.1.1")}}})
	sum, _ := au.Stream(context.Background(), strings.NewReader(export), func(r audit.SiteReport) error {
		for _, f := range r.Findings {
			fmt.Println(f.Website, f.Kind, f.Addr)
		}
		return nil
	})
	fmt.Println(sum.Websites, sum.Findings[audit.KindResolvesInReview])
	// Output:
	// 甲官网 resolves_in_review 119.29.1.1
	// 1 1
}
