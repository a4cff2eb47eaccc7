package filing

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/beiankit/beian/internal/textnorm"
)

// Codes of access information.
var (
	CodeAccessISPMissing = define("access.isp_missing", "R-86",
		"未填写接入服务单位",
		"access: the ISP is missing")
	CodeAccessMethodUnknown = define("access.method_unknown", "R-86",
		"接入方式“%[1]s”不在接入方式代码表中",
		"access method %[1]q is not in the code list")
	CodeAccessServerProvince = define("access.server_province", "R-86",
		"服务器放置地“%[1]s”不是有效的省份代码",
		"server location %[1]q is not a GB/T 2260 province code")
	CodeAccessNoAddress = define("access.no_address", "R-86",
		"未填写IP地址",
		"access: no IP address or range")
	CodeAccessAddrNotPublic = define("access.addr_not_public", "R-86",
		"IP地址%[1]s不是公网地址（%[2]s），不能作为接入地址",
		"address %[1]s is not a public unicast address (%[2]s)")
	CodeAccessRangeMalformed = define("access.range_malformed", "R-86",
		"IP地址段“%[1]s”格式不正确，应为“起始地址-结束地址”或“地址/前缀长度”",
		"address range %[1]q is malformed: want FROM-TO or ADDR/BITS")
	CodeAccessRangeOrder = define("access.range_order", "R-86",
		"IP地址段“%[1]s”的结束地址小于起始地址，或两端不属于同一协议版本",
		"address range %[1]q: end before start, or mixed IPv4/IPv6")
)

// AccessMethod is an access method (接入方式), a code of AccessMethods.
type AccessMethod string

// Valid reports whether m is in the code list.
func (m AccessMethod) Valid() bool {
	for _, a := range accessMethods {
		if a.Code == m {
			return true
		}
	}
	return false
}

// AddrRange is an inclusive range of IP addresses of one family. Its text
// form is "FROM-TO" or, for a CIDR block, "ADDR/BITS" (read as its first to
// last address); a single address is a range of one.
type AddrRange struct {
	From, To netip.Addr
}

// maxRangeText bounds the text of one range.
const maxRangeText = 128

// ParseAddrRange parses "FROM-TO", "ADDR/BITS" or a single address. Spaces
// around the parts and full-width "－" and "～"/"~" separators are accepted;
// IPv4-mapped IPv6 addresses are read as IPv4. It returns a *Problem with
// CodeAccessRangeMalformed or CodeAccessRangeOrder.
func ParseAddrRange(s string) (AddrRange, error) {
	if len(s) > maxRangeText {
		return AddrRange{}, newProblem(CodeAccessRangeMalformed, textnorm.Truncate(s, 32))
	}
	t := strings.TrimSpace(s)
	t = rangeFolder.Replace(t)
	if strings.Contains(t, "/") {
		p, err := netip.ParsePrefix(strings.ReplaceAll(t, " ", ""))
		if err != nil || p.Addr().Zone() != "" {
			return AddrRange{}, newProblem(CodeAccessRangeMalformed, textnorm.Truncate(s, 32))
		}
		p = p.Masked()
		if p.Addr().Is4In6() && p.Bits() >= 96 {
			p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
		}
		return AddrRange{From: p.Addr(), To: lastAddr(p)}, nil
	}
	from, to, found := strings.Cut(t, "-")
	a, err := parseAddr(from)
	if err != nil {
		return AddrRange{}, newProblem(CodeAccessRangeMalformed, textnorm.Truncate(s, 32))
	}
	b := a
	if found {
		if b, err = parseAddr(to); err != nil {
			return AddrRange{}, newProblem(CodeAccessRangeMalformed, textnorm.Truncate(s, 32))
		}
	}
	if (a.Is4() || a.Is4In6()) && (b.Is4() || b.Is4In6()) {
		a, b = a.Unmap(), b.Unmap()
	}
	if a.Is4() != b.Is4() || b.Less(a) {
		return AddrRange{}, newProblem(CodeAccessRangeOrder, textnorm.Truncate(s, 32))
	}
	return AddrRange{From: a, To: b}, nil
}

var rangeFolder = strings.NewReplacer("－", "-", "～", "-", "~", "-", "／", "/", "　", "")

func parseAddr(s string) (netip.Addr, error) {
	a, err := netip.ParseAddr(strings.TrimSpace(s))
	if err != nil {
		return netip.Addr{}, err
	}
	if a.Zone() != "" {
		return netip.Addr{}, fmt.Errorf("zone")
	}
	return a, nil
}

// lastAddr returns the last address of a masked prefix.
func lastAddr(p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	bits := p.Bits()
	for i := range b {
		keep := bits - 8*i
		switch {
		case keep >= 8:
		case keep <= 0:
			b[i] = 0xff
		default:
			b[i] |= 0xff >> keep
		}
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}

// String returns "FROM-TO", or the single address.
func (r AddrRange) String() string {
	if r.From == r.To {
		return r.From.String()
	}
	return r.From.String() + "-" + r.To.String()
}

// MarshalText implements encoding.TextMarshaler.
func (r AddrRange) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with ParseAddrRange.
func (r *AddrRange) UnmarshalText(b []byte) error {
	v, err := ParseAddrRange(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Contains reports whether a is in the range.
func (r AddrRange) Contains(a netip.Addr) bool {
	a = a.Unmap()
	return r.From.IsValid() && a.Is4() == r.From.Is4() && !a.Less(r.From) && !r.To.Less(a)
}

// nonPublic lists the blocks that are not access addresses. DESIGN:
// no source lists them; they follow from "the ISP's public addresses" and
// the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890):
// unspecified, "this network", private (RFC 1918), shared (CGNAT, RFC 6598),
// loopback, link-local, documentation (RFC 5737, RFC 3849, RFC 9637),
// benchmarking, multicast, reserved, unique local, NAT64 well-known and
// discard-only blocks, the IETF protocol assignments 2001::/23 (RFC 2928:
// Teredo 2001::/32 of RFC 4380, ORCHIDv2 2001:20::/28 of RFC 7343 and the
// other anycast and experimental assignments; DESIGN: refused whole, since
// none of it is address space an ISP is allocated for its servers) and
// 6to4 2002::/16 (RFC 3056, deprecated by RFC 7526: a tunnel address,
// not the ISP's own) with its IPv4 relay anycast block 192.88.99.0/24
// (RFC 3068, deprecated by the same RFC 7526: judged as 2002::/16 is). 2001::/23 ends at 2001:1ff:ffff:…: 2001:200::/23 and
// the rest of 2001::/16 (e.g. 2001:4860::/32) are regional-registry
// allocations and stay public.
var nonPublic = []struct {
	p  netip.Prefix
	zh string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "本网络地址"},
	{netip.MustParsePrefix("10.0.0.0/8"), "私有地址"},
	{netip.MustParsePrefix("100.64.0.0/10"), "运营商级NAT共享地址"},
	{netip.MustParsePrefix("127.0.0.0/8"), "环回地址"},
	{netip.MustParsePrefix("169.254.0.0/16"), "链路本地地址"},
	{netip.MustParsePrefix("172.16.0.0/12"), "私有地址"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF协议分配地址"},
	{netip.MustParsePrefix("192.0.2.0/24"), "文档示例地址"},
	{netip.MustParsePrefix("192.88.99.0/24"), "6to4中继地址"}, // RFC 3068, deprecated by RFC 7526, as 2002::/16
	{netip.MustParsePrefix("192.168.0.0/16"), "私有地址"},
	{netip.MustParsePrefix("198.18.0.0/15"), "基准测试地址"},
	{netip.MustParsePrefix("198.51.100.0/24"), "文档示例地址"},
	{netip.MustParsePrefix("203.0.113.0/24"), "文档示例地址"},
	{netip.MustParsePrefix("224.0.0.0/4"), "组播地址"},
	{netip.MustParsePrefix("240.0.0.0/4"), "保留地址"},
	{netip.MustParsePrefix("::/127"), "未指定或环回地址"},
	{netip.MustParsePrefix("64:ff9b::/96"), "NAT64地址"},
	{netip.MustParsePrefix("100::/64"), "丢弃地址"},
	{netip.MustParsePrefix("2001::/23"), "IETF协议分配地址"}, // RFC 2928, incl. Teredo (RFC 4380), ORCHIDv2 (RFC 7343)
	{netip.MustParsePrefix("2001:db8::/32"), "文档示例地址"}, // RFC 3849
	{netip.MustParsePrefix("2002::/16"), "6to4隧道地址"},   // RFC 3056, RFC 7526
	{netip.MustParsePrefix("3fff::/20"), "文档示例地址"},     // RFC 9637
	{netip.MustParsePrefix("fc00::/7"), "唯一本地地址"},
	{netip.MustParsePrefix("fe80::/10"), "链路本地地址"},
	{netip.MustParsePrefix("ff00::/8"), "组播地址"},
}

// PublicUnicast reports whether a is a public unicast address, one that can
// be an access address, and if not, why (in Chinese). IPv4-mapped
// IPv6 addresses are judged as IPv4; an IPv6 address outside 2000::/3
// (global unicast) is reserved.
func PublicUnicast(a netip.Addr) (ok bool, whyZh string) {
	if !a.IsValid() {
		return false, "无效地址"
	}
	if a.Zone() != "" { // before Unmap, which drops the zone of ::ffff:8.8.8.8%eth0
		return false, "带区域标识的地址"
	}
	a = a.Unmap()
	for _, n := range nonPublic {
		if n.p.Contains(a) {
			return false, n.zh
		}
	}
	if a.Is6() && !netip.MustParsePrefix("2000::/3").Contains(a) {
		return false, "保留地址"
	}
	return true, ""
}

// rangePublic reports whether every address of r is public unicast.
func rangePublic(r AddrRange) (bool, netip.Addr, string) {
	if ok, why := PublicUnicast(r.From); !ok {
		return false, r.From, why
	}
	if ok, why := PublicUnicast(r.To); !ok {
		return false, r.To, why
	}
	for _, n := range nonPublic {
		first := n.p.Masked().Addr()
		if first.Is4() == r.From.Is4() && !first.Less(r.From) && !r.To.Less(first) {
			return false, first, n.zh
		}
	}
	if r.From.Is6() {
		g := netip.MustParsePrefix("2000::/3")
		if !g.Contains(r.From) || !g.Contains(r.To) {
			return false, r.From, "保留地址"
		}
	}
	return true, netip.Addr{}, ""
}

// CheckAccess checks one access record: an ISP named, an end not
// before its start (CodeAccessPeriod), a known access method (when given), a valid server province (when given), at least one
// address or range, and only public unicast addresses, IPv4 or IPv6.
// Problems carry paths relative to the access record ("ips[1]").
func CheckAccess(a Access) error {
	var ps problems
	if strings.TrimSpace(a.ISP) == "" {
		ps.addAt(newProblem(CodeAccessISPMissing), "isp", "接入服务单位")
	}
	if !a.Until.IsZero() && a.Until.Before(a.Since) {
		ps.addAt(newProblem(CodeAccessPeriod), "until", "取消接入时间")
	}
	if a.Method != "" && !a.Method.Valid() {
		ps.addAt(newProblem(CodeAccessMethodUnknown, textnorm.Truncate(string(a.Method), 32)), "method", "接入方式")
	}
	if a.ServerProvince != "" {
		if _, ok := ProvinceByCode(a.ServerProvince); !ok {
			ps.addAt(newProblem(CodeAccessServerProvince, textnorm.Truncate(a.ServerProvince, 32)), "server_province", "服务器放置地")
		}
	}
	if len(a.IPs) == 0 && len(a.Ranges) == 0 {
		ps.addAt(newProblem(CodeAccessNoAddress), "ips", "IP地址")
	}
	for i, ip := range a.IPs {
		if ok, why := PublicUnicast(ip); !ok {
			ps.addAt(newProblem(CodeAccessAddrNotPublic, ip.String(), why), fmt.Sprintf("ips[%d]", i), "IP地址")
		}
	}
	for i, r := range a.Ranges {
		if !r.From.IsValid() || !r.To.IsValid() || r.From.Is4() != r.To.Is4() || r.To.Less(r.From) {
			ps.addAt(newProblem(CodeAccessRangeOrder, r.String()), fmt.Sprintf("ranges[%d]", i), "IP地址段")
			continue
		}
		if ok, at, why := rangePublic(r); !ok {
			ps.addAt(newProblem(CodeAccessAddrNotPublic, at.String(), why), fmt.Sprintf("ranges[%d]", i), "IP地址段")
		}
	}
	return ps.err()
}
