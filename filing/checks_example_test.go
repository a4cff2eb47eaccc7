package filing_test

import (
	"fmt"
	"net/netip"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

func ExampleCheckDomainRegistration() {
	s := filing.Subject{Province: "44", Name: "广州示例网络有限公司", Nature: filing.NatureEnterprise,
		CertType: filing.CertUSCC, CertNumber: "91440101MA5XXXXX0X", LegalRepresentative: "王五"}
	d := filing.DomainRegistration{Domain: "example.cn", Holder: "王五", Registrar: "阿里云计算有限公司",
		RealNameVerified: true, Expires: time.Date(2026, 5, 1, 0, 0, 0, 0, calendar.Location())}
	warnings, err := filing.CheckDomainRegistration(s, d, time.Date(2026, 3, 5, 10, 0, 0, 0, calendar.Location()))
	fmt.Println(err) // Guangdong accepts the legal representative as holder
	for _, w := range warnings {
		fmt.Println(w.Code, w.Zh)
	}
	fmt.Printf("%v\n", d) // holder masked
	// Output:
	// <nil>
	// registry.expiring_soon 域名example.cn的有效期须大于3个月（到期日2026-05-01），请先续费
	// {example.cn holder=王* cert=: registrar=阿里云计算有限公司 real_name=true expires=2026-05-01}
}

func ExampleParseAddrRange() {
	for _, s := range []string{"203.119.0.0/30", "240e:e0::1-240e:e0::ff", "10.0.0.1-10.0.0.9", "1.2.3.9-1.2.3.1"} {
		r, err := filing.ParseAddrRange(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		if ok, why := filing.PublicUnicast(r.From); !ok {
			fmt.Println(r, "not public:", why)
			continue
		}
		fmt.Println(r, "public")
	}
	// Output:
	// 203.119.0.0-203.119.0.3 public
	// 240e:e0::1-240e:e0::ff public
	// 10.0.0.1-10.0.0.9 not public: 私有地址
	// access.range_order: address range "1.2.3.9-1.2.3.1": end before start, or mixed IPv4/IPv6
}

func ExampleCheckAccess() {
	a := filing.Access{ISP: "中国电信", Method: "cloud", ServerProvince: "52",
		IPs: []netip.Addr{netip.MustParseAddr("100.64.1.2")}}
	fmt.Println(filing.CheckAccess(a))
	// Output: filing: ips[0]: access.addr_not_public: address 100.64.1.2 is not a public unicast address (运营商级NAT共享地址)
}
