package filing_test

import (
	"net/netip"
	"testing"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
)

func BenchmarkParseAddrRange(b *testing.B) {
	for _, s := range []string{"1.2.3.0/24", "240e:e0::1-240e:e0::ff"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := filing.ParseAddrRange(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCheckAccess(b *testing.B) {
	a := filing.Access{ISP: "中国电信", Method: "cloud", ServerProvince: "52",
		IPs:    []netip.Addr{netip.MustParseAddr("1.2.3.4"), netip.MustParseAddr("2400:3200::1")},
		Ranges: []filing.AddrRange{{From: netip.MustParseAddr("1.2.4.0"), To: netip.MustParseAddr("1.2.4.255")}}}
	b.ReportAllocs()
	for b.Loop() {
		if err := filing.CheckAccess(a); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckDomainRegistration(b *testing.B) {
	s, d, asOf := org(), reg(), cst(2026, 3, 5)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := filing.CheckDomainRegistration(s, d, asOf); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCheckValidity(b *testing.B) {
	v := filing.Validity{Start: day(2016, 3, 1), End: day(2036, 3, 1)}
	asOf := cst(2026, 3, 5)
	b.ReportAllocs()
	for b.Loop() {
		if err := certno.CheckValidity(v, 3, asOf); err != nil {
			b.Fatal(err)
		}
	}
}
