package record

import (
	"net/netip"
	"slices"
	"time"

	"github.com/beiankit/beian/filing"
)

// Of returns the record on file of filing f, so that no caller copies
// fields by hand.
//
// status is the status of the decision that puts f on file: approved for
// an approved filing, isp_verifying or bureau_review for one under review,
// returned_to_user or returned_to_isp for a returned one (R-10..R-13). It
// becomes the status of the subject and of every website and app whose own
// Status is empty; a part with a status of its own (a website whose access
// was cancelled, an app being cancelled) keeps it. An empty status keeps
// the filing's statuses as they are (empty with a number reads as
// approved).
//
// at is the instant of the decision: the ApprovedAt of the subject and of
// every website and app that has a number (zero: unknown, which the shell
// classification reads as R-60's "no access information"). The numbers are
// the filing's own: Of issues none (numbering.Allocator does).
//
// A website's IPs are the addresses of its access records still in force
// (no Until), each once. The subject's Licence is left empty: the filing
// model carries none. Of copies every slice: the record shares no memory
// with f.
func Of(f *filing.Filing, status filing.Status, at time.Time) Record {
	stat := func(own filing.Status) filing.Status {
		if own != "" {
			return own
		}
		return status
	}
	when := func(number string) time.Time {
		if number == "" {
			return time.Time{}
		}
		return at
	}
	s := &f.Subject
	r := Record{Subject: Subject{
		Number: s.Number, Province: s.Province, Name: s.Name, Nature: s.Nature,
		CertType: s.CertType, CertNumber: s.CertNumber, Status: stat(s.Status), ApprovedAt: when(s.Number),
	}}
	if len(f.Websites) > 0 {
		r.Websites = make([]Website, 0, len(f.Websites))
	}
	for i := range f.Websites {
		w := &f.Websites[i]
		r.Websites = append(r.Websites, Website{
			Number: w.Number, Name: w.Name, Domains: slices.Clone(w.Domains), HomeURL: w.HomeURL,
			IPs: ipsInForce(w.Access), Access: accessOf(w.Access),
			Status: stat(w.Status), ApprovedAt: when(w.Number),
		})
	}
	if len(f.Apps) > 0 {
		r.Apps = make([]App, 0, len(f.Apps))
	}
	for i := range f.Apps {
		a := &f.Apps[i]
		ra := App{Number: a.Number, Kind: a.Kind, Name: a.Name, Host: a.Host, Access: accessOf(a.Access),
			Status: stat(a.Status), ApprovedAt: when(a.Number)}
		for _, p := range a.Platforms {
			ra.Platforms = append(ra.Platforms, AppPlatform{Platform: p.Platform, Identifier: p.Identifier})
		}
		r.Apps = append(r.Apps, ra)
	}
	return r
}

// accessOf returns the access periods of a filing's access records.
func accessOf(acc []filing.Access) []Access {
	if len(acc) == 0 {
		return nil
	}
	out := make([]Access, len(acc))
	for i, a := range acc {
		out[i] = Access{ISP: a.ISP, ISPProvince: a.ISPProvince, Since: a.Since, Until: a.Until}
	}
	return out
}

// ipsInForce returns the addresses of the access records without an end,
// each once, in order.
func ipsInForce(acc []filing.Access) []netip.Addr {
	var out []netip.Addr
	for _, a := range acc {
		if !a.Until.IsZero() {
			continue
		}
		for _, ip := range a.IPs {
			if !slices.Contains(out, ip) {
				out = append(out, ip)
			}
		}
	}
	return out
}
