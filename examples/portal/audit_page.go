package main

// The access audit page: the domains of the filings this portal
// holds, resolved through the DNS server named by options.DNS, judged by
// package audit against the ISP's filed blocks. The SDK does no network
// I/O; this example does, with a short timeout per lookup.

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"time"

	"github.com/beiankit/beian/filing/audit"
)

// lookupTimeout bounds one DNS lookup of the audit page.
const lookupTimeout = 2 * time.Second

// auditRow is one finding on the audit page.
type auditRow struct {
	Website, Domain, Addr, Kind, Zh string
}

// auditPage is the data of audit.html.
type auditPage struct {
	Title    string
	DNS      string
	Sites    int
	Findings []auditRow
}

// resolver returns the audit's Resolver over the DNS server at addr
// (host:port), or nil when none is configured.
func (s *server) resolver(ctx context.Context) audit.Resolver {
	if s.dns == "" {
		return nil
	}
	r := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, s.dns)
	}}
	return audit.ResolverFunc(func(domain string) audit.Answer {
		ctx, cancel := context.WithTimeout(ctx, lookupTimeout)
		defer cancel()
		ips, err := r.LookupNetIP(ctx, "ip", domain)
		var de *net.DNSError
		switch {
		case err == nil:
			return audit.Answer{Addrs: ips}
		case errors.As(err, &de) && de.IsNotFound:
			return audit.Answer{}
		}
		return audit.Answer{Failed: true}
	})
}

// handleAudit audits every filing held, in ID order.
func (s *server) handleAudit(w http.ResponseWriter, r *http.Request) {
	page := auditPage{Title: "接入核查", DNS: s.dns}
	res := s.resolver(r.Context())
	if res == nil {
		s.renderMessage(w, http.StatusServiceUnavailable, "接入核查未配置", "未配置用于核查的DNS服务器（-dns）。")
		return
	}
	au, err := audit.New(s.blocks, res)
	if err != nil {
		s.internalError(w, "audit", err)
		return
	}
	s.mu.RLock()
	entries := make([]*entry, 0, len(s.filings))
	for _, e := range s.filings {
		entries = append(entries, e)
	}
	s.mu.RUnlock()
	slices.SortFunc(entries, func(a, b *entry) int { return compareStrings(a.ID, b.ID) })
	now := s.now()
	for _, e := range entries {
		for _, w := range e.Filing.Websites {
			site := audit.SiteOfWebsite(w, s.isp, now)
			site.Status = e.State.Status
			page.Sites++
			for _, f := range au.Site(nil, site) {
				row := auditRow{Website: f.Website, Domain: f.Domain, Kind: string(f.Kind), Zh: f.Zh}
				if f.Addr.IsValid() {
					row.Addr = f.Addr.String()
				}
				page.Findings = append(page.Findings, row)
			}
		}
	}
	s.render(w, http.StatusOK, "audit.html", page)
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// defaultBlocks are the demo ISP's filed address blocks (documentation
// addresses would be special-purpose; the demo uses one real-looking block).
var defaultBlocks = []netip.Prefix{netip.MustParsePrefix("119.29.0.0/16")}
