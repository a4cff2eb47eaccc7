package filing_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/filing/certno"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
)

func cst(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 10, 0, 0, 0, calendar.Location())
}

func problemCodes(err error) []filing.Code {
	var ve *filing.ValidationError
	if errors.As(err, &ve) {
		var out []filing.Code
		for _, p := range ve.Problems {
			out = append(out, p.Code)
		}
		return out
	}
	var p *filing.Problem
	if errors.As(err, &p) {
		return []filing.Code{p.Code}
	}
	return nil
}

func TestR84_ParseValidity(t *testing.T) {
	cases := []struct {
		start, end string
		want       filing.Validity
		code       filing.Code
	}{
		{"2016-03-01", "2036-03-01", filing.Validity{Start: day(2016, 3, 1), End: day(2036, 3, 1)}, ""},
		{"20160301", "长期", filing.Validity{Start: day(2016, 3, 1), LongTerm: true}, ""},
		{"２０１６．０３．０１", "2026/03/01", filing.Validity{Start: day(2016, 3, 1), End: day(2026, 3, 1)}, ""},
		{"", "2024-02-29", filing.Validity{End: day(2024, 2, 29)}, ""},
		{"", "2023-02-29", filing.Validity{}, certno.CodeValidityFormat},
		{"2030-01-01", "2020-01-01", filing.Validity{}, certno.CodeValidityOrder},
		{"", "next year", filing.Validity{}, certno.CodeValidityFormat},
		{"", "2026-03-011111111", filing.Validity{}, certno.CodeValidityFormat},
	}
	for _, tc := range cases {
		v, err := certno.ParseValidity(tc.start, tc.end)
		if tc.code != "" {
			assert.ErrorIs(t, err, tc.code, "%s..%s", tc.start, tc.end)
			continue
		}
		if assert.NoError(t, err, "%s..%s", tc.start, tc.end) {
			assert.True(t, v.Start.Equal(tc.want.Start) && v.End.Equal(tc.want.End) && v.LongTerm == tc.want.LongTerm,
				"%s..%s: %+v", tc.start, tc.end, v)
		}
	}
}

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, calendar.Location())
}

func TestR84_CertificateValidity(t *testing.T) {
	asOf := cst(2026, 3, 5)
	cases := []struct {
		name string
		v    filing.Validity
		min  int
		code filing.Code
	}{
		{"long term", filing.Validity{Start: day(2010, 1, 1), LongTerm: true}, 3, ""},
		{"ten years left", filing.Validity{Start: day(2016, 3, 1), End: day(2036, 3, 1)}, 3, ""},
		{"expired yesterday", filing.Validity{End: day(2026, 3, 4)}, 3, certno.CodeCertExpired},
		{"last valid day today: valid, but not 3 months", filing.Validity{End: day(2026, 3, 5)}, 3, certno.CodeCertValidityShort},
		{"exactly 3 months is not more than 3", filing.Validity{End: day(2026, 6, 5)}, 3, certno.CodeCertValidityShort},
		{"3 months and a day", filing.Validity{End: day(2026, 6, 6)}, 3, ""},
		{"passport needs 6 months", filing.Validity{End: day(2026, 8, 1)}, filing.CertMinMonths("31", filing.CertPassport), certno.CodeCertValidityShort},
		{"not valid yet", filing.Validity{Start: day(2026, 4, 1), End: day(2036, 4, 1)}, 3, certno.CodeCertNotYetValid},
		{"end before start", filing.Validity{Start: day(2026, 4, 1), End: day(2016, 4, 1)}, 3, certno.CodeValidityOrder},
		{"unknown", filing.Validity{}, 3, certno.CodeValidityMissing},
	}
	for _, tc := range cases {
		err := certno.CheckValidity(tc.v, tc.min, asOf)
		if tc.code == "" {
			assert.NoError(t, err, tc.name)
		} else {
			assert.ErrorIs(t, err, tc.code, tc.name)
		}
	}
	assert.Equal(t, 3, filing.CertMinMonths("52", filing.CertResidentID))
	assert.Equal(t, 6, filing.CertMinMonths("31", filing.CertPassport))
}

func TestR84_MonthEndClamp(t *testing.T) {
	// On 2025-11-30, three months on is 2026-02-28 (no 02-30).
	asOf := cst(2025, 11, 30)
	assert.ErrorIs(t, certno.CheckValidity(filing.Validity{End: day(2026, 2, 28)}, 3, asOf), certno.CodeCertValidityShort)
	assert.NoError(t, certno.CheckValidity(filing.Validity{End: day(2026, 3, 1)}, 3, asOf))
	// Leap day: on 2023-11-29 three months on is 2024-02-29.
	assert.ErrorIs(t, certno.CheckValidity(filing.Validity{End: day(2024, 2, 29)}, 3, cst(2023, 11, 29)), certno.CodeCertValidityShort)
	assert.NoError(t, certno.CheckValidity(filing.Validity{End: day(2024, 3, 1)}, 3, cst(2023, 11, 29)))
}

// Dates of a validity period are civil dates in China: leap days follow the
// Gregorian rule (no normalisation), an instant is read in UTC+8, and the
// ends of the date range neither panic nor read as expired.
func TestR84_ValidityCivilDates(t *testing.T) {
	for _, tc := range []struct {
		end string
		ok  bool
	}{
		{"2000-02-29", true}, {"20000229", true}, {"2024-02-29", true}, {"２０２４０２２９", true},
		{"2100-02-29", false}, {"21000229", false}, {"2023-02-29", false}, {"2024-02-30", false},
		{"1899-12-31", false}, {"9999-12-31", true}, {"2024-2-29", false}, {"2024-0229", false},
	} {
		v, err := certno.ParseValidity("", tc.end)
		if !tc.ok {
			assert.ErrorIs(t, err, certno.CodeValidityFormat, tc.end)
			continue
		}
		if assert.NoError(t, err, tc.end) {
			assert.Equal(t, calendar.Location(), v.End.Location(), tc.end)
			assert.Zero(t, v.End.Hour(), tc.end)
		}
	}
	// 2026-03-04T16:30:00Z is already 2026-03-05 in China: a certificate
	// whose last day is 03-04 has expired.
	p := filing.Person{CertType: filing.CertResidentID, CertValidity: filing.Validity{End: day(2026, 3, 4)}}
	assert.ErrorIs(t, filing.CheckExpired(p, time.Date(2026, 3, 4, 16, 30, 0, 0, time.UTC)), certno.CodeCertExpired)
	assert.NoError(t, filing.CheckExpired(p, time.Date(2026, 3, 4, 15, 59, 0, 0, time.UTC)))
	// The last instant of year 9999 in UTC is 10000-01-01 in China.
	far := filing.Validity{End: time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC)}
	assert.NoError(t, certno.CheckValidity(far, 3, cst(2026, 3, 5)))
	assert.ErrorIs(t, certno.CheckValidity(far, 3, time.Date(9999, 12, 1, 0, 0, 0, 0, time.UTC)), certno.CodeCertValidityShort)
	assert.ErrorIs(t, certno.CheckValidity(filing.Validity{Start: day(2026, 4, 1), LongTerm: true}, 3, time.Time{}), certno.CodeCertNotYetValid)
}

func TestR84_ExpiredAfterApproval(t *testing.T) {
	p := filing.Person{Name: "张三", CertType: filing.CertResidentID, CertValidity: filing.Validity{End: day(2026, 1, 31)}}
	assert.ErrorIs(t, filing.CheckExpired(p, cst(2026, 2, 1)), certno.CodeCertExpired)
	assert.NoError(t, filing.CheckExpired(p, cst(2026, 1, 31)))
	p.CertValidity = filing.Validity{LongTerm: true}
	assert.NoError(t, filing.CheckExpired(p, cst(2099, 1, 1)))
	assert.ErrorIs(t, filing.CheckPersonValidity(filing.Person{CertType: filing.CertResidentID,
		CertValidity: filing.Validity{End: day(2026, 4, 1)}}, "52", cst(2026, 3, 5)), certno.CodeCertValidityShort)
}

func org() filing.Subject {
	return filing.Subject{Province: "52", Name: "贵州示例科技有限公司", Nature: filing.NatureEnterprise,
		CertType: filing.CertUSCC, CertNumber: "91520100MA6DKXXX1K", LegalRepresentative: "张三",
		Principal: filing.Person{Name: "李四"}}
}

func reg() filing.DomainRegistration {
	return filing.DomainRegistration{Domain: "example.cn", Holder: "贵州示例科技有限公司", HolderCertType: filing.CertUSCC,
		HolderCertNumber: "91520100MA6DKXXX1K", Registrar: "阿里云计算有限公司", RealNameVerified: true, Expires: day(2027, 5, 1)}
}

func TestR85_DomainRegistration(t *testing.T) {
	asOf := cst(2026, 3, 5)
	cases := []struct {
		name     string
		province string
		edit     func(*filing.DomainRegistration)
		codes    []filing.Code
		warnings []filing.Code
	}{
		{"exact subject", "52", func(*filing.DomainRegistration) {}, nil, nil},
		{"full-width brackets and spaces in the name", "52", func(d *filing.DomainRegistration) { d.Holder = " 贵州示例科技有限公司 " }, nil, nil},
		{"not real-name verified", "52", func(d *filing.DomainRegistration) { d.RealNameVerified = false }, []filing.Code{filing.CodeRealNameMissing}, nil},
		{"registrar unknown", "52", func(d *filing.DomainRegistration) { d.Registrar = " " }, []filing.Code{filing.CodeRegistrarMissing}, nil},
		{"expired", "52", func(d *filing.DomainRegistration) { d.Expires = day(2026, 3, 4) }, []filing.Code{filing.CodeDomainExpired}, nil},
		{"Guizhou: 2 months left refused", "52", func(d *filing.DomainRegistration) { d.Expires = day(2026, 5, 5) }, []filing.Code{filing.CodeDomainExpiringSoon}, nil},
		{"Guangxi: 2 months left warned", "45", func(d *filing.DomainRegistration) { d.Expires = day(2026, 5, 5) }, nil, []filing.Code{filing.CodeDomainExpiringSoon}},
		{"legal representative holds it: refused by default", "52", func(d *filing.DomainRegistration) { d.Holder, d.HolderCertNumber = "张三", "" }, []filing.Code{filing.CodeHolderMismatch}, nil},
		{"legal representative holds it: Guangdong accepts", "44", func(d *filing.DomainRegistration) { d.Holder, d.HolderCertNumber = "张三", "" }, nil, nil},
		{"legal representative holds it: Ningxia refuses", "64", func(d *filing.DomainRegistration) { d.Holder, d.HolderCertNumber = "张三", "" }, []filing.Code{filing.CodeHolderMismatch}, nil},
		{"principal holds it: not even Fujian", "35", func(d *filing.DomainRegistration) { d.Holder, d.HolderCertNumber = "李四", "" }, []filing.Code{filing.CodeHolderMismatch}, nil},
		{"same name, other certificate", "52", func(d *filing.DomainRegistration) { d.HolderCertNumber = "91520100MA6DKYYY1K" }, []filing.Code{filing.CodeHolderCertMismatch}, nil},
		{"another company", "52", func(d *filing.DomainRegistration) { d.Holder = "另一家公司" }, []filing.Code{filing.CodeHolderMismatch}, nil},
	}
	for _, tc := range cases {
		s := org()
		s.Province = tc.province
		d := reg()
		tc.edit(&d)
		warnings, err := filing.CheckDomainRegistration(s, d, asOf)
		assert.Equal(t, tc.codes, problemCodes(err), tc.name)
		var w []filing.Code
		for _, p := range warnings {
			w = append(w, p.Code)
		}
		assert.Equal(t, tc.warnings, w, tc.name)
	}
	assert.Equal(t, filing.HolderSubjectOrLegalRep, filing.HolderPolicyOf("44"))
	assert.Equal(t, filing.HolderExactSubject, filing.HolderPolicyOf("64"))
	assert.Equal(t, filing.HolderExactSubject, filing.HolderPolicyOf("52"))
}

func TestR85_IndividualHolder(t *testing.T) {
	s := filing.Subject{Province: "44", Name: "王小明", Nature: filing.NatureIndividual, CertType: filing.CertResidentID, CertNumber: "440305199001011234"}
	d := filing.DomainRegistration{Domain: "wang.cn", Holder: "王小明", HolderCertType: filing.CertResidentID, HolderCertNumber: "440305199001011234",
		Registrar: "腾讯云计算（北京）有限责任公司", RealNameVerified: true, Expires: day(2030, 1, 1)}
	_, err := filing.CheckDomainRegistration(s, d, cst(2026, 3, 5))
	assert.NoError(t, err)
	d.Holder = "王大明"
	_, err = filing.CheckDomainRegistration(s, d, cst(2026, 3, 5))
	assert.ErrorIs(t, err, filing.CodeHolderMismatch)
}

func TestR85_WebsiteRegistrations(t *testing.T) {
	w := filing.Website{Domains: []string{"example.cn", "example.com.cn"}, Registrations: []filing.DomainRegistration{reg(), func() filing.DomainRegistration {
		d := reg()
		d.Domain = "other.cn"
		return d
	}()}}
	_, err := filing.CheckWebsiteRegistrations(org(), w, cst(2026, 3, 5))
	var ve *filing.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []filing.Code{filing.CodeRegistrationMissing, filing.CodeRegistrationDomain}, problemCodes(err))
	assert.Equal(t, "domains[1]", ve.Problems[0].Path)
	assert.Equal(t, "registrations[1]", ve.Problems[1].Path)
}

func TestR85_RegistrationMasked(t *testing.T) {
	d := filing.DomainRegistration{Domain: "wang.cn", Holder: "王小明", HolderCertType: filing.CertResidentID,
		HolderCertNumber: "440305199001011234", Registrar: "x", RealNameVerified: true}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		out := fmt.Sprintf(verb, d)
		assert.NotContains(t, out, "440305199001011234", verb)
		assert.NotContains(t, out, "王小明", verb)
		assert.NotContains(t, out, "1990", verb)
	}
	var b strings.Builder
	slog.New(slog.NewJSONHandler(&b, nil)).Info("reg", "d", d)
	assert.NotContains(t, b.String(), "440305199001011234")
	assert.NotContains(t, b.String(), "王小明")
	raw, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Contains(t, string(raw), "440305199001011234")
	assert.Contains(t, string(raw), "王小明")
}

func TestR86_ParseAddrRange(t *testing.T) {
	cases := []struct {
		in       string
		from, to string
		code     filing.Code
	}{
		{"1.2.3.4", "1.2.3.4", "1.2.3.4", ""},
		{"1.2.3.4-1.2.3.10", "1.2.3.4", "1.2.3.10", ""},
		{" 1.2.3.4 － 1.2.3.10 ", "1.2.3.4", "1.2.3.10", ""},
		{"1.2.3.0/24", "1.2.3.0", "1.2.3.255", ""},
		{"1.2.3.77/24", "1.2.3.0", "1.2.3.255", ""},
		{"2400:3200::/32", "2400:3200::", "2400:3200:ffff:ffff:ffff:ffff:ffff:ffff", ""},
		{"::ffff:1.2.3.4", "1.2.3.4", "1.2.3.4", ""},
		{"1.2.3.10-1.2.3.4", "", "", filing.CodeAccessRangeOrder},
		{"1.2.3.4-2400::1", "", "", filing.CodeAccessRangeOrder},
		{"1.2.3", "", "", filing.CodeAccessRangeMalformed},
		{"1.2.3.4/33", "", "", filing.CodeAccessRangeMalformed},
		{"fe80::1%eth0", "", "", filing.CodeAccessRangeMalformed},
		{"", "", "", filing.CodeAccessRangeMalformed},
		{strings.Repeat("1", 500), "", "", filing.CodeAccessRangeMalformed},
	}
	for _, tc := range cases {
		r, err := filing.ParseAddrRange(tc.in)
		if tc.code != "" {
			assert.ErrorIs(t, err, tc.code, tc.in)
			continue
		}
		if assert.NoError(t, err, tc.in) {
			assert.Equal(t, tc.from, r.From.String(), tc.in)
			assert.Equal(t, tc.to, r.To.String(), tc.in)
			back, err := filing.ParseAddrRange(r.String())
			assert.NoError(t, err)
			assert.Equal(t, r, back, "round trip %s", tc.in)
		}
	}
}

func TestR86_PublicUnicast(t *testing.T) {
	cases := []struct {
		addr string
		ok   bool
	}{
		{"1.2.3.4", true}, {"47.92.1.1", true}, {"2400:3200::1", true},
		{"10.0.0.1", false}, {"172.16.5.4", false}, {"172.32.0.1", true}, {"192.168.1.1", false},
		{"100.64.0.1", false}, {"100.128.0.1", true}, {"127.0.0.1", false}, {"169.254.1.1", false},
		{"224.0.0.1", false}, {"240.0.0.1", false}, {"255.255.255.255", false}, {"0.0.0.0", false},
		{"192.0.2.1", false}, {"203.0.113.9", false}, {"::1", false}, {"::", false},
		{"fc00::1", false}, {"fd12::1", false}, {"fe80::1", false}, {"ff02::1", false},
		{"2001:db8::1", false}, {"::ffff:10.0.0.1", false}, {"::ffff:1.2.3.4", true}, {"3fff::1", false}, {"3ffe::1", true}, {"4000::1", false},
	}
	for _, tc := range cases {
		ok, why := filing.PublicUnicast(netip.MustParseAddr(tc.addr))
		assert.Equal(t, tc.ok, ok, tc.addr)
		assert.Equal(t, tc.ok, why == "", tc.addr)
	}
}

func TestR86_CheckAccess(t *testing.T) {
	good := filing.Access{ISP: "中国电信", Method: "cloud", ServerProvince: "52",
		IPs:    []netip.Addr{netip.MustParseAddr("1.2.3.4"), netip.MustParseAddr("2400:3200::1")},
		Ranges: []filing.AddrRange{{From: netip.MustParseAddr("1.2.4.0"), To: netip.MustParseAddr("1.2.4.255")}}}
	assert.NoError(t, filing.CheckAccess(good))
	cases := []struct {
		name string
		edit func(*filing.Access)
		want []filing.Code
	}{
		{"unknown method", func(a *filing.Access) { a.Method = "satellite" }, []filing.Code{filing.CodeAccessMethodUnknown}},
		{"server province unknown", func(a *filing.Access) { a.ServerProvince = "99" }, []filing.Code{filing.CodeAccessServerProvince}},
		{"private address", func(a *filing.Access) { a.IPs[0] = netip.MustParseAddr("192.168.0.10") }, []filing.Code{filing.CodeAccessAddrNotPublic}},
		{"range spanning a private block", func(a *filing.Access) {
			a.Ranges[0] = filing.AddrRange{From: netip.MustParseAddr("9.255.255.0"), To: netip.MustParseAddr("11.0.0.0")}
		}, []filing.Code{filing.CodeAccessAddrNotPublic}},
		{"reversed range", func(a *filing.Access) { a.Ranges[0].From, a.Ranges[0].To = a.Ranges[0].To, a.Ranges[0].From }, []filing.Code{filing.CodeAccessRangeOrder}},
		{"mixed family range", func(a *filing.Access) { a.Ranges[0].To = netip.MustParseAddr("2400::1") }, []filing.Code{filing.CodeAccessRangeOrder}},
		{"no address", func(a *filing.Access) { a.IPs, a.Ranges = nil, nil }, []filing.Code{filing.CodeAccessNoAddress}},
		{"no ISP", func(a *filing.Access) { a.ISP = "" }, []filing.Code{filing.CodeAccessISPMissing}},
		{"cancelled before it began", func(a *filing.Access) { a.Since, a.Until = cst(2026, 3, 5), cst(2026, 3, 1) }, []filing.Code{filing.CodeAccessPeriod}},
	}
	for _, tc := range cases {
		a := good
		a.IPs = append([]netip.Addr(nil), good.IPs...)
		a.Ranges = append([]filing.AddrRange(nil), good.Ranges...)
		tc.edit(&a)
		assert.Equal(t, tc.want, problemCodes(filing.CheckAccess(a)), tc.name)
	}
	assert.NotEmpty(t, filing.AccessMethods())
	for _, m := range filing.AccessMethods() {
		assert.True(t, m.Code.Valid())
	}
}

func TestR86_AddrRangeJSON(t *testing.T) {
	var a filing.Access
	require.NoError(t, json.Unmarshal([]byte(`{"isp":"x","since":"2026-01-01T00:00:00+08:00","ranges":["1.2.3.0/30","2400::1-2400::9"]}`), &a))
	require.Len(t, a.Ranges, 2)
	assert.Equal(t, "1.2.3.0-1.2.3.3", a.Ranges[0].String())
	assert.True(t, a.Ranges[1].Contains(netip.MustParseAddr("2400::5")))
	assert.False(t, a.Ranges[1].Contains(netip.MustParseAddr("1.2.3.1")))
	assert.Error(t, json.Unmarshal([]byte(`{"ranges":["1.2.3.9-1.2.3.1"]}`), &a))
}

func TestR84_MissingEndIsMissingNotExpired(t *testing.T) {
	asOf := cst(2026, 3, 5)
	cases := []struct {
		name string
		v    filing.Validity
		code filing.Code
	}{
		{"start only", filing.Validity{Start: day(2020, 1, 2)}, certno.CodeValidityMissing},
		{"start only, in the future", filing.Validity{Start: day(2027, 1, 2)}, certno.CodeCertNotYetValid},
		{"start and 长期", filing.Validity{Start: day(2020, 1, 2), LongTerm: true}, ""},
		{"长期 only", filing.Validity{LongTerm: true}, ""},
		{"nothing", filing.Validity{}, certno.CodeValidityMissing},
	}
	for _, tc := range cases {
		err := certno.CheckValidity(tc.v, 3, asOf)
		if tc.code == "" {
			assert.NoError(t, err, tc.name)
			continue
		}
		assert.ErrorIs(t, err, tc.code, tc.name)
		assert.NotErrorIs(t, err, certno.CodeCertExpired, tc.name)
		if err != nil {
			assert.NotContains(t, err.Error(), "0001-01-01", tc.name)
		}
	}
	// JSON with a start but neither end nor long_term, as an ISP API sends it.
	var p filing.Person
	require.NoError(t, json.Unmarshal([]byte(`{"cert_validity":{"start":"2020-01-02T00:00:00+08:00","long_term":false}}`), &p))
	p.CertType = filing.CertResidentID
	err := filing.CheckPersonValidity(p, "52", asOf)
	assert.ErrorIs(t, err, certno.CodeValidityMissing)
	assert.NoError(t, filing.CheckExpired(p, asOf), "an unknown end is not reported as expired")
}

func TestR85_MissingExpiryIsNotExpired(t *testing.T) {
	d := reg()
	d.Expires = time.Time{}
	warnings, err := filing.CheckDomainRegistration(org(), d, cst(2026, 3, 5))
	assert.Empty(t, warnings)
	assert.Equal(t, []filing.Code{filing.CodeDomainExpiryMissing}, problemCodes(err))
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "0001-01-01")
	assert.Equal(t, "R-85", filing.CodeDomainExpiryMissing.Rule())
	assert.NotEmpty(t, filing.CodeDomainExpiryMissing.MessageZh())
}

func TestR85_RegistrationsMatchedByNormalizedDomain(t *testing.T) {
	asOf := cst(2026, 3, 5)
	cases := []struct {
		name          string
		site, regData string
		codes         []filing.Code
	}{
		{"same A-label", "xn--fiqs8s.com", "xn--fiqs8s.com", nil},
		{"U-label registry data", "xn--fiqs8s.com", "中国.com", nil},
		{"upper case with a trailing dot", "xn--fiqs8s.com", "XN--FIQS8S.COM.", nil},
		{"U-label website, A-label data", "中国.com", "xn--fiqs8s.com", nil},
		{"full-width and ideographic full stop", "ｅｘａｍｐｌｅ。cn", "example.cn", nil},
		{"another domain", "xn--fiqs8s.com", "xn--fiqs8s.cn", []filing.Code{filing.CodeRegistrationMissing, filing.CodeRegistrationDomain}},
	}
	for _, tc := range cases {
		d := reg()
		d.Domain = tc.regData
		w := filing.Website{Domains: []string{tc.site}, Registrations: []filing.DomainRegistration{d}}
		_, err := filing.CheckWebsiteRegistrations(org(), w, asOf)
		assert.Equal(t, tc.codes, problemCodes(err), tc.name)
	}
}

func TestR85_NormalizeFilingRegistrations(t *testing.T) {
	d := reg()
	d.Domain = " XN--FIQS8S.COM. "
	d.Holder = "贵州示例科技有限公司　"
	f := &filing.Filing{Websites: []filing.Website{{Domains: []string{"中国.com"}, Registrations: []filing.DomainRegistration{d}}}}
	n := filing.NormalizeFiling(f)
	require.Len(t, n.Websites[0].Registrations, 1)
	assert.Equal(t, "xn--fiqs8s.com", n.Websites[0].Registrations[0].Domain)
	assert.Equal(t, "贵州示例科技有限公司", n.Websites[0].Registrations[0].Holder)
	assert.Equal(t, " XN--FIQS8S.COM. ", f.Websites[0].Registrations[0].Domain, "the input is not changed")
	assert.Equal(t, n, filing.NormalizeFiling(n), "idempotent")
	_, err := filing.CheckWebsiteRegistrations(org(), n.Websites[0], cst(2026, 3, 5))
	assert.NoError(t, err)
}

func TestR86_SpecialIPv6Blocks(t *testing.T) {
	cases := []struct {
		addr string
		ok   bool
	}{
		{"3fff::1", false},             // documentation, RFC 9637
		{"3fff:fff:ffff::1", false},    // last /20 address range
		{"3fff:1000::1", true},         // just past 3fff::/20
		{"2001::1", false},             // Teredo, RFC 4380
		{"2001:0:4136:e378::1", false}, // Teredo
		{"2001:20::1", false},          // ORCHIDv2, RFC 7343
		{"2001:1ff:ffff::1", false},    // end of 2001::/23
		{"2001:200::1", true},          // APNIC allocation (WIDE), outside 2001::/23
		{"2001:4860:4860::8888", true}, // a real global address
		{"2001:da8::1", true},          // CERNET
		{"2002::1", false},             // 6to4, RFC 3056
		{"2002:c000:204::1", false},    // 6to4 of 192.0.2.4
		{"2003::1", true},              // RIPE NCC allocation
		{"2001:db8::1", false},         // documentation, RFC 3849
		{"2400:3200::1", true},         // Alibaba
	}
	for _, tc := range cases {
		ok, why := filing.PublicUnicast(netip.MustParseAddr(tc.addr))
		assert.Equal(t, tc.ok, ok, tc.addr)
		assert.Equal(t, tc.ok, why == "", tc.addr)
	}
	for _, r := range []struct {
		from, to string
		ok       bool
	}{
		{"2001:1f0::", "2001:210::", false}, // straddles the end of 2001::/23
		{"2001:200::", "2001:3ff::", true},
		{"2001:ffff::", "2003::", false}, // spans 6to4
		{"3ffe::", "3fff:1::", false},    // reaches into 3fff::/20
	} {
		a := filing.Access{ISP: "中国电信", Ranges: []filing.AddrRange{{From: netip.MustParseAddr(r.from), To: netip.MustParseAddr(r.to)}}}
		err := filing.CheckAccess(a)
		if r.ok {
			assert.NoError(t, err, "%s-%s", r.from, r.to)
		} else {
			assert.ErrorIs(t, err, filing.CodeAccessAddrNotPublic, "%s-%s", r.from, r.to)
		}
	}
}
