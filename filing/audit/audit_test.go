package audit_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/audit"
)

var (
	ispBlocks = []netip.Prefix{netip.MustParsePrefix("119.29.0.0/16"), netip.MustParsePrefix("240e:3a1::/32")}
	ip        = netip.MustParseAddr
)

func addrs(ss ...string) audit.Answer {
	var a audit.Answer
	for _, s := range ss {
		a.Addrs = append(a.Addrs, ip(s))
	}
	return a
}

type got struct {
	Kind   audit.Kind
	Domain string
	Addr   string
}

func TestR97_Site(t *testing.T) {
	answers := audit.Answers{
		"ok.cn":          addrs("119.29.1.1"),
		"www.ok.cn":      addrs("119.29.1.1", "240e:3a1::5"),
		"moved.cn":       addrs("119.29.9.9"),
		"elsewhere.cn":   addrs("8.8.8.8"),
		"lan.cn":         addrs("192.168.1.10", "127.0.0.1"),
		"doc.cn":         addrs("203.0.113.5"),
		"mapped.cn":      addrs("::ffff:119.29.1.1"),
		"broken.cn":      {Failed: true},
		"xn--fiqs8s.cn":  addrs("119.29.1.1"), // 中国.cn as filed in Unicode
		"review.cn":      addrs("119.29.1.1"),
		"cancelled.cn":   addrs("8.8.8.8"),
		"returned.cn":    addrs("119.29.1.1"),
		"draft-quiet.cn": {},
	}
	au, err := audit.New(ispBlocks, answers)
	require.NoError(t, err)
	filed := []filing.AddrRange{{From: ip("119.29.1.1"), To: ip("119.29.1.1")}, {From: ip("240e:3a1::5"), To: ip("240e:3a1::5")}}
	for _, tc := range []struct {
		name string
		site audit.Site
		want []got
	}{
		{"filed and resolving as filed", audit.Site{Number: "粤ICP备1号-1", Domains: []string{"ok.cn", "www.ok.cn"}, Filed: filed}, nil},
		{"resolves to another address of the ISP", audit.Site{Number: "粤ICP备1号-2", Domains: []string{"moved.cn"}, Filed: filed},
			[]got{{audit.KindOutsideFiled, "moved.cn", "119.29.9.9"}}},
		{"resolves to another ISP", audit.Site{Number: "粤ICP备1号-3", Domains: []string{"elsewhere.cn"}, Filed: filed},
			[]got{{audit.KindOutsideFiled, "elsewhere.cn", "8.8.8.8"}, {audit.KindOutsideISP, "elsewhere.cn", "8.8.8.8"}}},
		{"filed addresses unknown: only the ISP check", audit.Site{Number: "粤ICP备1号-4", Domains: []string{"elsewhere.cn", "moved.cn"}},
			[]got{{audit.KindOutsideISP, "elsewhere.cn", "8.8.8.8"}}},
		{"private and loopback", audit.Site{Number: "粤ICP备1号-5", Domains: []string{"lan.cn"}, Filed: filed},
			[]got{{audit.KindSpecialAddress, "lan.cn", "192.168.1.10"}, {audit.KindSpecialAddress, "lan.cn", "127.0.0.1"}}},
		{"documentation range", audit.Site{Number: "粤ICP备1号-6", Domains: []string{"doc.cn"}},
			[]got{{audit.KindSpecialAddress, "doc.cn", "203.0.113.5"}}},
		{"IPv4-mapped answer is its IPv4 address", audit.Site{Number: "粤ICP备1号-7", Domains: []string{"mapped.cn"}, Filed: filed}, nil},
		{"no resolution", audit.Site{Number: "粤ICP备1号-8", Domains: []string{"gone.cn"}},
			[]got{{audit.KindNoResolution, "gone.cn", ""}}},
		{"lookup failed", audit.Site{Number: "粤ICP备1号-9", Domains: []string{"broken.cn"}},
			[]got{{audit.KindLookupFailed, "broken.cn", ""}}},
		{"in review and resolving", audit.Site{Name: "审核中网站", Domains: []string{"review.cn"}, Status: filing.StatusBureauReview},
			[]got{{audit.KindResolvesInReview, "review.cn", "119.29.1.1"}}},
		{"in review and quiet", audit.Site{Name: "审核中网站", Domains: []string{"draft-quiet.cn", "gone.cn"}, Status: filing.StatusISPVerifying}, nil},
		{"no number and no status is not approved", audit.Site{Name: "新网站", Domains: []string{"review.cn"}},
			[]got{{audit.KindResolvesInReview, "review.cn", "119.29.1.1"}}},
		{"returned and resolving", audit.Site{Name: "被退回网站", Domains: []string{"returned.cn"}, Status: filing.StatusReturnedToUser},
			[]got{{audit.KindResolvesInReview, "returned.cn", "119.29.1.1"}}},
		{"access cancelled: not audited", audit.Site{Number: "粤ICP备1号-10", Domains: []string{"cancelled.cn"}, Status: filing.StatusAccessCancelled}, nil},
	} {
		var out []got
		for _, f := range au.Site(nil, tc.site) {
			a := ""
			if f.Addr.IsValid() {
				a = f.Addr.String()
			}
			out = append(out, got{f.Kind, f.Domain, a})
			assert.Equal(t, "R-97", f.Rule, tc.name)
			assert.Contains(t, f.Zh, f.Domain, tc.name)
			assert.Contains(t, f.Zh, a, tc.name)
			assert.Contains(t, f.Zh, "请", tc.name) // the step to take
			assert.True(t, errors.Is(f.Code, f.Code))
			id := tc.site.Number
			if id == "" {
				id = tc.site.Name
			}
			assert.Equal(t, id, f.Website, tc.name)
		}
		assert.Equal(t, tc.want, out, tc.name)
	}
}

func TestR97_SiteOfWebsiteAndRecord(t *testing.T) {
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, calendar.Location())
	w := filing.Website{
		Service: filing.Service{
			Number: "京ICP备05002571号-1",
			Name:   "星辰官网",
			Status: filing.StatusApproved,
			Access: []filing.Access{
				{ISP: "isp-a", IPs: []netip.Addr{ip("119.29.1.1")}, Since: at.AddDate(-1, 0, 0)},
				{ISP: "isp-a", IPs: []netip.Addr{ip("119.29.2.2")}, Since: at.AddDate(-2, 0, 0), Until: at.AddDate(-1, 0, 0)}, // past
				{ISP: "isp-b", IPs: []netip.Addr{ip("1.2.4.8")}, Since: at.AddDate(-1, 0, 0),
					Ranges: []filing.AddrRange{{From: ip("1.2.4.0"), To: ip("1.2.4.255")}}},
			},
		},
		Domains: []string{"中国.CN", "Example.com."},
		HomeURL: "https://WWW.example.com/index.html",
	}
	s := audit.SiteOfWebsite(w, "isp-a", at)
	assert.Equal(t, []string{"xn--fiqs8s.cn", "example.com", "www.example.com"}, s.Domains)
	assert.Equal(t, []filing.AddrRange{{From: ip("119.29.1.1"), To: ip("119.29.1.1")}}, s.Filed)
	assert.Len(t, audit.SiteOfWebsite(w, "", at).Filed, 3)

	r := audit.SiteOfRecord(conflict.WebsiteRecord{Number: "京ICP备05002571号-1", Domains: []string{"example.com"},
		HomeURL: "http://example.com", IPs: []netip.Addr{ip("::ffff:1.2.4.8")}})
	assert.Equal(t, []string{"example.com"}, r.Domains)
	assert.Equal(t, ip("1.2.4.8"), r.Filed[0].From)
}

func TestR97_Blocks(t *testing.T) {
	au, err := audit.New([]netip.Prefix{
		netip.MustParsePrefix("10.0.0.0/8"), // overlapping and adjacent blocks merge
		netip.MustParsePrefix("10.1.0.0/16"),
		netip.MustParsePrefix("11.0.0.0/8"),
		netip.MustParsePrefix("119.29.0.5/16"), // not masked: read as its block
		netip.MustParsePrefix("::ffff:1.2.4.0/120"),
		netip.MustParsePrefix("240e::/20"),
	}, nil)
	require.NoError(t, err)
	for s, want := range map[string]bool{
		"10.0.0.0": true, "10.255.255.255": true, "11.200.0.1": true, "12.0.0.0": false, "9.255.255.255": false,
		"119.29.0.0": true, "119.29.255.255": true, "119.30.0.0": false, "1.2.4.8": true, "1.2.5.0": false,
		"::ffff:10.1.1.1": true, "240e:fff::1": true, "240f::1": false, "::a00:1": false, // IPv4-compatible, not IPv4
	} {
		assert.Equal(t, want, au.InBlocks(ip(s)), s)
	}
	_, err = audit.New([]netip.Prefix{{}}, nil)
	assert.ErrorIs(t, err, audit.CodeBadBlock)
	var ae *audit.Error
	require.ErrorAs(t, err, &ae)
	assert.NotEmpty(t, ae.MessageZh())
	none, err := audit.New(nil, nil)
	require.NoError(t, err)
	fs := none.Site(nil, audit.Site{Number: "x", Domains: []string{"a.cn"}})
	require.Len(t, fs, 1)
	assert.Equal(t, audit.KindNoResolution, fs[0].Kind, "no answers: no resolution")
}

func TestR97_Filing(t *testing.T) {
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, calendar.Location())
	f := &filing.Filing{Websites: []filing.Website{
		{
			Service: filing.Service{
				Number: "京ICP备05002571号-1",
				Status: filing.StatusApproved,
				Access: []filing.Access{{ISP: "isp-a", IPs: []netip.Addr{ip("119.29.1.1")}, Since: at.AddDate(-1, 0, 0)}},
			},
			Domains: []string{"example.com"},
		},
		{Service: filing.Service{Name: "新网站", Status: filing.StatusBureauReview}, Domains: []string{"new.cn"}},
	}}
	au, err := audit.New(ispBlocks, audit.ResolverFunc(func(d string) audit.Answer { return addrs("119.29.7.7") }))
	require.NoError(t, err)
	fs := au.Filing(f, "isp-a", at)
	require.Len(t, fs, 2)
	assert.Equal(t, audit.KindOutsideFiled, fs[0].Kind)
	assert.Equal(t, audit.KindResolvesInReview, fs[1].Kind)
	assert.Equal(t, "新网站", fs[1].Website)
}

func TestR97_Stream(t *testing.T) {
	lines := []string{
		`{"subject":{"number":"粤ICP备1号","province":"44","name":"甲公司","nature":"企业","cert_type":"工商营业执照","cert_number":"91440300MA5F00000X"},"websites":[{"number":"粤ICP备1号-1","name":"甲","domains":["ok.cn"],"ips":["119.29.1.1"]},{"number":"粤ICP备1号-2","name":"乙","domains":["gone.cn"]}]}`,
		``,
		`{"subject":{"province":"44","name":"乙公司","nature":"企业","cert_type":"工商营业执照","cert_number":"91440300MA5F00001X"},"websites":[{"name":"丙","domains":["review.cn"],"status":"bureau_review"}]}`,
	}
	au, err := audit.New(ispBlocks, audit.Answers{"ok.cn": addrs("119.29.1.1"), "review.cn": addrs("119.29.1.1")})
	require.NoError(t, err)
	var reps []audit.SiteReport
	sum, err := au.Stream(context.Background(), strings.NewReader(strings.Join(lines, "\n")), func(r audit.SiteReport) error {
		reps = append(reps, r)
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, 2, sum.Records)
	assert.Equal(t, 3, sum.Websites)
	assert.Equal(t, 3, sum.Domains)
	assert.Equal(t, map[audit.Kind]int{audit.KindNoResolution: 1, audit.KindResolvesInReview: 1}, sum.Findings)
	require.Len(t, reps, 2)
	assert.Equal(t, "粤ICP备1号", reps[0].Subject)
	assert.Equal(t, audit.KindNoResolution, reps[0].Findings[0].Kind)
	assert.Equal(t, "丙", reps[1].Findings[0].Website)
	b, err := json.Marshal(reps[1])
	require.NoError(t, err)
	assert.Contains(t, string(b), `"kind":"resolves_in_review"`)

	// fn's error ends the stream; so does a bad line (with its line number) and a cancelled context.
	stop := errors.New("stop")
	_, err = au.Stream(context.Background(), strings.NewReader(lines[0]), func(audit.SiteReport) error { return stop })
	assert.ErrorIs(t, err, stop)
	_, err = au.Stream(context.Background(), strings.NewReader(lines[0]+"\n{bad"), func(audit.SiteReport) error { return nil })
	var ce *conflict.Error
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, 2, ce.Line)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = au.Stream(ctx, bytes.NewReader(nil), func(audit.SiteReport) error { return nil })
	assert.ErrorIs(t, err, context.Canceled)
}
