package audit

import (
	"context"
	"fmt"
	"io"
	"net/netip"
	"slices"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/ipclass"
)

// Error is a refused argument of New (an invalid address block).
type Error struct {
	Code filing.Code `json:"code"`
	Zh   string      `json:"zh"`
	En   string      `json:"en"`
}

// Error returns "code: english message".
func (e *Error) Error() string { return string(e.Code) + ": " + e.En }

// Is reports whether target is the error's Code.
func (e *Error) Is(target error) bool { c, ok := target.(filing.Code); return ok && c == e.Code }

// ErrorCode returns the stable code.
func (e *Error) ErrorCode() string { return string(e.Code) }

// MessageZh returns the Chinese message.
func (e *Error) MessageZh() string { return e.Zh }

// MessageEn returns the English message.
func (e *Error) MessageEn() string { return e.En }

// span is an inclusive address range of one family.
type span struct{ from, to netip.Addr }

// Auditor judges websites against the ISP's filed blocks and the caller's
// answers. It is safe for concurrent use when its Resolver is.
type Auditor struct {
	blocks   []span // sorted, merged
	resolver Resolver
}

// New returns an Auditor for an ISP whose filed address blocks are blocks
// (none: the ISP check is skipped), with the caller's DNS answers. An
// invalid prefix is an *Error matching CodeBadBlock. Overlapping and
// adjacent blocks are merged; a lookup is a binary search.
func New(blocks []netip.Prefix, r Resolver) (*Auditor, error) {
	if r == nil {
		r = Answers(nil)
	}
	sp := make([]span, 0, len(blocks))
	for _, p := range blocks {
		if !p.IsValid() {
			return nil, &Error{Code: CodeBadBlock, Zh: fmt.Sprintf("接入商IP地址段%s无效", p), En: fmt.Sprintf("invalid address block %s", p)}
		}
		p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-unmapBits(p)).Masked()
		sp = append(sp, span{p.Addr(), last(p)})
	}
	slices.SortFunc(sp, func(a, b span) int { return a.from.Compare(b.from) })
	merged := sp[:0]
	for _, s := range sp {
		if n := len(merged); n > 0 && merged[n-1].to.Is4() == s.from.Is4() {
			m := &merged[n-1]
			if next := m.to.Next(); s.from.Compare(m.to) <= 0 || (next.IsValid() && next == s.from) {
				if s.to.Compare(m.to) > 0 {
					m.to = s.to
				}
				continue
			}
		}
		merged = append(merged, s)
	}
	return &Auditor{blocks: slices.Clip(merged), resolver: r}, nil
}

// unmapBits is 96 for a prefix over an IPv4-mapped address.
func unmapBits(p netip.Prefix) int {
	if p.Addr().Is4In6() {
		return 96
	}
	return 0
}

// last returns the last address of p.
func last(p netip.Prefix) netip.Addr {
	b := p.Addr().AsSlice()
	for i := p.Bits(); i < len(b)*8; i++ {
		b[i/8] |= 1 << (7 - i%8)
	}
	a, _ := netip.AddrFromSlice(b)
	return a
}

// InBlocks reports whether a lies in the ISP's filed blocks.
func (au *Auditor) InBlocks(a netip.Addr) bool {
	a = a.Unmap()
	i, _ := slices.BinarySearchFunc(au.blocks, a, func(s span, a netip.Addr) int { return s.from.Compare(a) })
	// blocks[i-1] is the last block starting at or before a (or i itself
	// when it starts at a).
	if i < len(au.blocks) && au.blocks[i].from == a {
		return true
	}
	return i > 0 && au.blocks[i-1].to.Compare(a) >= 0 && au.blocks[i-1].from.Is4() == a.Is4()
}

// reviewing reports whether a status means "not approved yet".
func reviewing(st filing.Status) bool {
	switch st {
	case filing.StatusISPVerifying, filing.StatusBureauReview, filing.StatusReturnedToUser, filing.StatusReturnedToISP, filing.StatusDraft:
		return true
	}
	return false
}

// Site audits one website and appends its findings to dst:
//   - under review (or returned, or a draft): every domain that resolves is
//     KindResolvesInReview (with its first address);
//   - approved: a domain without addresses is KindNoResolution; each
//     address that is special-purpose is KindSpecialAddress (and judged no
//     further); otherwise one outside the filed addresses (when known) is
//     KindOutsideFiled and one outside the ISP's blocks (when given) is
//     KindOutsideISP;
//   - access cancelled, cancelled or deleted: not audited (the ISP no
//     longer serves it);
//   - a failed lookup is KindLookupFailed, whatever the status.
func (au *Auditor) Site(dst []Finding, s Site) []Finding {
	switch {
	case s.Status == filing.StatusAccessCancelled, s.Status == filing.StatusCancelled, s.Status == filing.StatusDeleted:
		return dst
	}
	id := s.Number
	if id == "" {
		id = s.Name
	}
	review := reviewing(s.Status) || (s.Status == "" && s.Number == "")
	for _, d := range s.Domains {
		ans := au.resolver.Resolve(d)
		if ans.Failed {
			dst = append(dst, finding(KindLookupFailed, id, d, netip.Addr{}))
			continue
		}
		if review {
			if len(ans.Addrs) > 0 {
				dst = append(dst, finding(KindResolvesInReview, id, d, ans.Addrs[0].Unmap()))
			}
			continue
		}
		if len(ans.Addrs) == 0 {
			dst = append(dst, finding(KindNoResolution, id, d, netip.Addr{}))
			continue
		}
		for _, a := range ans.Addrs {
			a = a.Unmap()
			if !ipclass.IsPublic(a) {
				dst = append(dst, finding(KindSpecialAddress, id, d, a))
				continue
			}
			if len(s.Filed) > 0 && !filed(s.Filed, a) {
				dst = append(dst, finding(KindOutsideFiled, id, d, a))
			}
			if len(au.blocks) > 0 && !au.InBlocks(a) {
				dst = append(dst, finding(KindOutsideISP, id, d, a))
			}
		}
	}
	return dst
}

func filed(rs []filing.AddrRange, a netip.Addr) bool {
	for _, r := range rs {
		if r.Contains(a) {
			return true
		}
	}
	return false
}

// Filing audits every website of a filing with the access records of isp
// active at t (isp "": every ISP).
func (au *Auditor) Filing(f *filing.Filing, isp string, t time.Time) []Finding {
	var out []Finding
	for _, w := range f.Websites {
		out = au.Site(out, SiteOfWebsite(w, isp, t))
	}
	return out
}

// Record audits every website of an export record.
func (au *Auditor) Record(r conflict.Record) []Finding {
	var out []Finding
	for _, w := range r.Websites {
		out = au.Site(out, SiteOfRecord(w))
	}
	return out
}

// Summary counts what Stream audited and found.
type Summary struct {
	Records  int          `json:"records"`
	Websites int          `json:"websites"`
	Domains  int          `json:"domains"`
	Findings map[Kind]int `json:"findings"`
}

// SiteReport is the findings of one website of the export.
type SiteReport struct {
	// Subject is the subject's record number (empty before approval).
	Subject  string    `json:"subject,omitempty"`
	Site     Site      `json:"site"`
	Findings []Finding `json:"findings"`
}

// Stream audits a national export (package conflict's JSONL records, one
// subject per line) and calls fn with the report of every website that has
// findings, in input order. It holds one record at a time: memory does not
// grow with the export. A line that does not decode ends the audit with
// conflict's *Error (its Line set); an error of fn ends it with that error;
// so does ctx.
func (au *Auditor) Stream(ctx context.Context, r io.Reader, fn func(SiteReport) error) (Summary, error) {
	sum := Summary{Findings: map[Kind]int{}}
	var buf []Finding
	for rec, err := range conflict.JSONL(r) {
		if err != nil {
			return sum, err
		}
		if sum.Records++; sum.Records%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return sum, err
			}
		}
		for _, w := range rec.Websites {
			s := SiteOfRecord(w)
			sum.Websites++
			sum.Domains += len(s.Domains)
			buf = au.Site(buf[:0], s)
			if len(buf) == 0 {
				continue
			}
			for _, f := range buf {
				sum.Findings[f.Kind]++
			}
			if err := fn(SiteReport{Subject: rec.Subject.Number, Site: s, Findings: slices.Clone(buf)}); err != nil {
				return sum, err
			}
		}
	}
	return sum, ctx.Err()
}
