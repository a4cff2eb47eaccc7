package filing_test

import (
	"errors"
	"net/netip"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
)

// FuzzParseAddrRange: no panic; a parsed range is ordered, of one family,
// and its text form parses back to the same range (idempotent).
func FuzzParseAddrRange(f *testing.F) {
	for _, s := range []string{"1.2.3.4", "1.2.3.4-1.2.3.10", "1.2.3.0/24", "2400:3200::/32", "::ffff:1.2.3.4", "1.2.3.10-1.2.3.4", "fe80::1%eth0-fe80::2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := filing.ParseAddrRange(s)
		if err != nil {
			var p *filing.Problem
			if !errors.As(err, &p) || (p.Code != filing.CodeAccessRangeMalformed && p.Code != filing.CodeAccessRangeOrder) {
				t.Fatalf("%q: untyped error %v", s, err)
			}
			return
		}
		if !r.From.IsValid() || r.From.Is4() != r.To.Is4() || r.To.Less(r.From) {
			t.Fatalf("%q: bad range %v", s, r)
		}
		back, err := filing.ParseAddrRange(r.String())
		if err != nil || back != r {
			t.Fatalf("%q: %v does not round-trip: %v %v", s, r, back, err)
		}
		_ = filing.CheckAccess(filing.Access{ISP: "x", Ranges: []filing.AddrRange{r}, IPs: []netip.Addr{r.From}})
	})
}

// FuzzParseValidity: no panic; an accepted period is ordered and checks
// without panicking.
func FuzzParseValidity(f *testing.F) {
	f.Add("2016-03-01", "2036-03-01")
	f.Add("20160301", "长期")
	f.Add("２０１６．０３．０１", "2024-02-29")
	f.Fuzz(func(t *testing.T, a, b string) {
		v, err := certno.ParseValidity(a, b)
		if err != nil {
			return
		}
		if !v.Start.IsZero() && !v.End.IsZero() && v.End.Before(v.Start) {
			t.Fatalf("%q..%q: unordered %+v", a, b, v)
		}
		_ = certno.CheckValidity(v, 3, time.Date(2026, 3, 5, 0, 0, 0, 0, calendar.Location()))
	})
}
