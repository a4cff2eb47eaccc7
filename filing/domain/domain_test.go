package domain

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/beiankit/beian/filing/problem"
	"golang.org/x/net/idna"
)

func TestR09_CheckDomain(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Code // "" = accepted
	}{
		{"plain com", "example.com", ""},
		{"upper case with trailing dot", "WWW.EXAMPLE.COM.", ""},
		{"stray spaces", "  example.cn  ", ""},
		{"full-width letters and dot", "ｅｘａｍｐｌｅ．ｃｏｍ", ""},
		{"com.cn registrable", "example.com.cn", ""},
		{"gov.cn registrable", "beijing.gov.cn", ""},
		{"IDN U-label", "例子.中国", ""},
		{"IDN ideographic full stop", "例子。中国", ""},
		{"IDN A-label", "xn--fsqu00a.xn--fiqs8s", ""},
		{"traditional 中國", "例子.中國", ""},
		{"IDN TLD on ASCII label", "example.公司", ""},
		{"政务.cn second level", "beijing.政务.cn", ""},
		{"com.cn is a public suffix", "com.cn", CodeDomainPublicSuffix},
		{"gov.cn is a public suffix", "gov.cn", CodeDomainPublicSuffix},
		{"政务.cn is a public suffix", "政务.cn", CodeDomainPublicSuffix},
		{"bare TLD", "cn", CodeDomainSingleLabel},
		{".io", "example.io", CodeDomainTLDNotApproved},
		{".org", "example.org", CodeDomainTLDNotApproved},
		{".ORG upper", "EXAMPLE.ORG", CodeDomainTLDNotApproved},
		{".ai", "example.ai", CodeDomainTLDNotApproved},
		{".me", "example.me", CodeDomainTLDNotApproved},
		{".dev", "example.dev", CodeDomainTLDNotApproved},
		{"unknown TLD", "example.zzzz", CodeDomainTLDNotApproved},
		{"org.cn is fine", "example.org.cn", ""},
		{"IPv4 literal", "192.168.1.1", CodeDomainIPLiteral},
		{"IPv6 literal", "[::1]", CodeDomainIPLiteral},
		{"full-width IPv4 literal", "１９２．１６８．１．１", CodeDomainIPLiteral},
		{"IPv4 literal with trailing dot", "10.0.0.1.", CodeDomainIPLiteral},
		{"bare IPv6", "2001:db8::1", CodeDomainIPLiteral},
		{"port", "example.com:8080", CodeDomainPort},
		{"wildcard", "*.example.com", CodeDomainWildcard},
		{"URL", "http://example.com", CodeDomainURL},
		{"path", "example.com/index.html", CodeDomainURL},
		{"empty", "   ", CodeDomainEmpty},
		{"underscore", "ex_ample.com", CodeDomainInvalid},
		{"label too long", strings.Repeat("a", 64) + ".com", CodeDomainTooLong},
		{"leading hyphen", "-example.com", CodeDomainInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckDomain(tt.in)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("CheckDomain(%q) = %v, want nil", tt.in, err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("CheckDomain(%q) = %v, want %s", tt.in, err, tt.want)
			}
			var p *problem.Problem
			if !errors.As(err, &p) || p.Rule != "R-09" || p.Zh == "" || p.En == "" {
				t.Fatalf("CheckDomain(%q) = %#v, want a *problem.Problem with rule and messages", tt.in, err)
			}
		})
	}
}

func TestR09_TLDNotApprovedMessage(t *testing.T) {
	err := CheckDomain("example.org")
	var p *problem.Problem
	if !errors.As(err, &p) {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(p.Zh, "未经工信部批复，无法备案") || !strings.Contains(p.Zh, ".org") {
		t.Errorf("zh = %q", p.Zh)
	}
	if !strings.Contains(p.En, ".org") {
		t.Errorf("en = %q", p.En)
	}
	// The U-label is shown for an IDN TLD that is not approved.
	if _, p := (*Memo)(nil).Check("example.xn--p1ai"); p == nil || !strings.Contains(p.Zh, ".рф") {
		t.Errorf("IDN TLD message = %v", p)
	}
}

func TestR09_TLDApproved(t *testing.T) {
	for _, tld := range []string{"cn", ".COM", "中国", "xn--fiqs8s", "公益", "ｃｎ"} {
		if !TLDApproved(tld) {
			t.Errorf("TLDApproved(%q) = false", tld)
		}
	}
	for _, tld := range []string{"org", "io", "ai", "me", "dev", "", ".", "com.cn", "zzzz"} {
		if TLDApproved(tld) {
			t.Errorf("TLDApproved(%q) = true", tld)
		}
	}
}

// The table stores A-labels; every IDN entry's U-label must convert to it,
// and no TLD may be both approved and listed as not approved.
func TestR09_TLDTableConsistent(t *testing.T) {
	tab := loadTLDs(tldsJSON)
	for a := range tab.approved {
		if a != strings.ToLower(a) || strings.Contains(a, ".") {
			t.Errorf("approved TLD %q is not a lower-case single label", a)
		}
		if _, err := idna.Lookup.ToASCII(a); err != nil {
			t.Errorf("approved TLD %q: %v", a, err)
		}
	}
	for a := range tab.notApproved {
		if tab.approved[a] {
			t.Errorf("TLD %q is both approved and not approved", a)
		}
	}
	// That every nature of tab.reserved is a known filing.Nature is checked
	// in package filing (TestR09_TLDReservedNaturesKnown).
	if got := ApprovedTLDs(); len(got) < 80 || got[0] > got[len(got)-1] {
		t.Errorf("ApprovedTLDs() = %d entries", len(got))
	}
	defer func() {
		if recover() == nil {
			t.Error("a U-label that does not match its A-label must be rejected at load")
		}
	}()
	loadTLDs([]byte(`{"groups":[{"tlds":[{"tld":"xn--fiqz9s","unicode":"中国"}]}]}`))
}

func TestR09_RegistrableSecondLevel(t *testing.T) {
	tests := map[string]string{
		"www.beijing.xn--zfr164b.cn": "beijing.xn--zfr164b.cn",
		"a.b.example.com.cn":         "example.com.cn",
		"www.example.com":            "example.com",
		"example.xn--fiqs8s":         "example.xn--fiqs8s",
	}
	for in, want := range tests {
		got, p := registrableASCII(in)
		if p != nil || got != want {
			t.Errorf("registrableASCII(%q) = %q, %v; want %q", in, got, p, want)
		}
	}
}

func ExampleCheckDomain() {
	for _, d := range []string{"例子.中国", "WWW.EXAMPLE.COM.", "example.org", "com.cn", "192.168.0.1"} {
		if err := CheckDomain(d); err != nil {
			var p *problem.Problem
			errors.As(err, &p)
			fmt.Printf("%s: %s %s\n", d, p.Code, p.Zh)
			continue
		}
		a, _ := NormalizeDomain(d)
		fmt.Printf("%s: ok (%s)\n", d, a)
	}
	// Output:
	// 例子.中国: ok (xn--fsqu00a.xn--fiqs8s)
	// WWW.EXAMPLE.COM.: ok (www.example.com)
	// example.org: domain.tld_not_approved 该域名后缀“.org”未经工信部批复，无法备案（工信部信管〔2017〕264号）。请更换为已批复后缀（如 .cn、.com、.中国）的域名
	// com.cn: domain.public_suffix 该名称是公共后缀（如 com.cn），不是可备案的域名
	// 192.168.0.1: domain.ip_literal 请填写域名，不能填写IP地址
}

// TestR09_FastIDNTLDMatchesIDNA: for every approved Chinese TLD, in both forms,
// under heads the fast path must take and heads it must not, NormalizeDomain
// and DomainUnicode give exactly what IDNA gives.
func TestR09_FastIDNTLDMatchesIDNA(t *testing.T) {
	if len(tlds.idnALabel) < 10 {
		t.Fatalf("only %d Chinese TLDs in the table", len(tlds.idnALabel))
	}
	heads := []struct {
		head string
		fast bool
	}{
		{"example", true}, {"www.example", true}, {"a-b.c1", true}, {"123", true},
		{"Example", false}, {"例子", false}, {"xn--fsqu00a", false}, {"a--b", false}, {"-a", false},
		{"a.", false}, {"", false}, {strings.Repeat("a", 64), false},
	}
	for u, a := range tlds.idnALabel {
		for _, tld := range []string{u, a} {
			for _, h := range heads {
				s := h.head + "." + tld
				d, ok := fastIDNTLDDomain(s)
				if ok != h.fast {
					t.Errorf("fastIDNTLDDomain(%q) taken = %v, want %v", s, ok, h.fast)
				}
				got, gerr := NormalizeDomain(s)
				want, werr := normalizeDomainIDNA(s)
				if got != want || (gerr == nil) != (werr == nil) {
					t.Errorf("NormalizeDomain(%q) = %q, %v; IDNA path %q, %v", s, got, gerr, want, werr)
				}
				if ok && d != want {
					t.Errorf("fastIDNTLDDomain(%q) = %q, want %q", s, d, want)
				}
				if gerr == nil {
					wantU, _ := idna.Display.ToUnicode(got)
					if gotU := DomainUnicode(got); gotU != wantU {
						t.Errorf("DomainUnicode(%q) = %q, want %q", got, gotU, wantU)
					}
				}
			}
		}
	}
}
