package main

import (
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/beiankit/beian/filing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/dns/dnsmessage"
)

// newISPPortal is newPortal with the ISP's own checks configured: a
// contact key, resource codes (logged at debug level) and a DNS server.
func newISPPortal(t *testing.T, dns string) *portal {
	t.Helper()
	p := &portal{t: t, clock: &clock{t: cst(2026, 3, 2, 10)}, logs: &lockedBuffer{}}
	h, err := newServer(options{
		Now:           p.clock.Now,
		ISP:           "测试云",
		Logger:        slog.New(slog.NewTextHandler(p.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		SendSMS:       func(string, filing.Phone, string) {},
		ContactKey:    []byte("portal-test-contact-secret"),
		ResourceCodes: 2,
		DNS:           dns,
	})
	require.NoError(t, err)
	p.ts = httptest.NewServer(h)
	t.Cleanup(p.ts.Close)
	p.client = p.ts.Client()
	p.client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return p
}

// TestR94_PortalContactTakenByAnotherSubject: a second company whose
// principal gives the first company's principal's mobile is refused with
// guidance; a company whose subject and website principal are one person
// (the sample's form) is no conflict with itself.
func TestR94_PortalContactTakenByAnotherSubject(t *testing.T) {
	p := newISPPortal(t, "")
	first := company(t, 1)
	p.submit(first)
	second := with(company(t, 2), fieldMobile, "+86 "+first.Get(fieldMobile), fieldEmail, "other@example.com")
	resp, body := p.post(second)
	require.Equal(t, http.StatusConflict, resp.StatusCode, body)
	wantContains(t, "contact conflict", pageText(body), "该负责人手机号码已被其他主体的负责人使用", "请填写负责人本人实名登记")
	assert.NotContains(t, p.logs.String(), first.Get(fieldMobile), "the log never holds a mobile")
	p.submit(distinct(t, 3))
}

// TestR94_PortalAppPrincipalContacts: the app form runs the contact
// check too. An app whose principal gives another subject's principal's
// mobile is refused; an app accepted with a mobile of its own adds that
// mobile to its subject's contact keys, so that the store refuses it to
// another company's website filing, which this instance's register alone
// would have let through.
func TestR94_PortalAppPrincipalContacts(t *testing.T) {
	p := newISPPortal(t, "")
	first := distinct(t, 1)
	p.submit(first)

	resp, page := p.postApp(with(sampleApp(), fieldMobile, "139 0000 0001"))
	require.Equal(t, http.StatusConflict, resp.StatusCode, pageText(page))
	wantContains(t, "app contact conflict", pageText(page), "该负责人手机号码已被其他主体的负责人使用", "请填写负责人本人实名登记")
	assert.Contains(t, fieldBlock(t, page, fieldMobile), "与已有备案冲突")

	resp, page = p.postApp(sampleApp())
	require.Equal(t, http.StatusCreated, resp.StatusCode, pageText(page))
	resp, body := p.post(with(company(t, 2), fieldMobile, sampleApp().Get(fieldMobile), fieldEmail, "c2@example.com"))
	require.Equal(t, http.StatusConflict, resp.StatusCode, body)
	wantContains(t, "website after the app", pageText(body), "该负责人手机号码已被其他主体的负责人使用")
	for _, m := range []string{"13900000001", sampleApp().Get(fieldMobile)} {
		assert.NotContains(t, p.logs.String(), m, "the log never holds a mobile")
	}
}

// resourceCodes reads the demo instance's codes from the debug log.
func resourceCodes(t *testing.T, p *portal) []string {
	t.Helper()
	var out []string
	for _, m := range regexp.MustCompile(`demo filing resource issued" code=([0-9A-Z-]+)`).FindAllStringSubmatch(p.logs.String(), -1) {
		out = append(out, m[1])
	}
	require.Len(t, out, 2)
	return out
}

// distinct is company i with a principal contact of its own.
func distinct(t *testing.T, i int) url.Values {
	return with(company(t, i), fieldMobile, fmt.Sprintf("139%08d", i), fieldEmail, fmt.Sprintf("c%d@example.com", i))
}

// TestR96_PortalResourceCode: a code redeems for one filing; a second
// filing cannot use it; a malformed or unknown code is 422; the code of a
// refused filing is freed for the next.
func TestR96_PortalResourceCode(t *testing.T) {
	p := newISPPortal(t, "")
	codes := resourceCodes(t, p)
	p.submit(with(distinct(t, 1), "resource_code", strings.ToLower(codes[0])))
	resp, body := p.post(with(distinct(t, 2), "resource_code", codes[0]))
	require.Equal(t, http.StatusConflict, resp.StatusCode)
	assert.Contains(t, fieldBlock(t, body, "resource_code"), "正被另一个备案订单使用")
	for _, bad := range []string{"!!!", "NONE-SUCH-CODE"} {
		resp, body = p.post(with(distinct(t, 2), "resource_code", bad))
		require.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode, bad)
		assert.Contains(t, fieldBlock(t, body, "resource_code"), "备案资源", bad)
	}
	// A filing refused for a conflict (company 1's domain) frees its code.
	resp, _ = p.post(with(distinct(t, 3), fieldDomain, "shop-1.cn", fieldHomeURL, "https://www.shop-1.cn", "resource_code", codes[1]))
	require.Equal(t, http.StatusConflict, resp.StatusCode)
	p.submit(with(distinct(t, 4), "resource_code", codes[1]))
}

// dnsStub is a loopback DNS server answering A queries from a table;
// other names do not exist, AAAA queries of known names have no records.
func dnsStub(t *testing.T, table map[string]string) string {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { pc.Close() })
	go func() {
		buf := make([]byte, 1500)
		for {
			n, addr, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			var msg dnsmessage.Message
			if msg.Unpack(buf[:n]) != nil || len(msg.Questions) != 1 {
				continue
			}
			q := msg.Questions[0]
			name := strings.TrimSuffix(strings.ToLower(q.Name.String()), ".")
			ans := dnsmessage.Message{Header: dnsmessage.Header{ID: msg.ID, Response: true, Authoritative: true}, Questions: msg.Questions}
			ip, ok := table[name]
			switch {
			case !ok:
				ans.RCode = dnsmessage.RCodeNameError
			case q.Type == dnsmessage.TypeA:
				ans.Answers = []dnsmessage.Resource{{
					Header: dnsmessage.ResourceHeader{Name: q.Name, Type: dnsmessage.TypeA, Class: dnsmessage.ClassINET, TTL: 60},
					Body:   &dnsmessage.AResource{A: netip.MustParseAddr(ip).As4()},
				}}
			}
			out, err := ans.Pack()
			if err == nil {
				_, _ = pc.WriteTo(out, addr)
			}
		}
	}()
	return pc.LocalAddr().String()
}

// TestR97_PortalAuditPage: filings under review whose domains already
// resolve are listed with the step to take; a domain that does not resolve
// is no finding while in review.
func TestR97_PortalAuditPage(t *testing.T) {
	dns := dnsStub(t, map[string]string{"shop-1.cn": "119.29.1.1", "www.shop-1.cn": "10.0.0.7"})
	p := newISPPortal(t, dns)
	p.submit(company(t, 1))
	p.submit(with(company(t, 2), fieldMobile, "13900139002", fieldEmail, "c2@example.com"))
	resp, body := p.get("/audit")
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	text := pageText(body)
	wantContains(t, "audit page", text, "核查 2 个网站", "shop-1.cn", "119.29.1.1", "备案通过前不得开通网站访问", "www.shop-1.cn", "10.0.0.7")
	assert.Equal(t, 2, strings.Count(body, `data-kind="resolves_in_review"`))
	assert.NotContains(t, text, "shop-2.cn")

	off := newISPPortal(t, "")
	resp, _ = off.get("/audit")
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
}
