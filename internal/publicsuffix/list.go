// Copyright 2012 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package publicsuffix

// TODO: specify case sensitivity and leading/trailing dot behavior for
// func PublicSuffix and func EffectiveTLDPlusOne.

import (
	"fmt"
	"math/bits"
	"net/netip"
	"strings"
	"sync"
)

// PublicSuffix returns the public suffix of the domain using a copy of the
// publicsuffix.org database compiled into the library.
//
// icann is whether the public suffix is managed by the Internet Corporation
// for Assigned Names and Numbers. If not, the public suffix is either a
// privately managed domain (and in practice, not a top level domain) or an
// unmanaged top level domain (and not explicitly mentioned in the
// publicsuffix.org list). For example, "foo.org" and "foo.co.uk" are ICANN
// domains, "foo.dyndns.org" is a private domain and
// "cromulent" is an unmanaged top level domain.
//
// Use cases for distinguishing ICANN domains like "foo.com" from private
// domains like "foo.appspot.com" can be found at
// https://wiki.mozilla.org/Public_Suffix_List/Use_Cases
func PublicSuffix(domain string) (publicSuffix string, icann bool) {
	if mayBeAddr(domain) {
		if _, err := netip.ParseAddr(domain); err == nil {
			return domain, false
		}
	}

	index := labels()
	lo, hi := uint32(0), uint32(numTLD)
	s, suffix, icannNode, wildcard := domain, len(domain), false, false
loop:
	for {
		dot := strings.LastIndexByte(s, '.')
		if wildcard {
			icann = icannNode
			suffix = 1 + dot
		}
		if lo == hi {
			break
		}
		f := index.find(s[1+dot:], lo, hi)
		if f == notFound {
			break
		}

		u := uint32(nodes.get(f) >> (nodesBitsTextOffset + nodesBitsTextLength))
		icannNode = u&(1<<nodesBitsICANN-1) != 0
		u >>= nodesBitsICANN
		u = children.get(u & (1<<nodesBitsChildren - 1))
		lo = u & (1<<childrenBitsLo - 1)
		u >>= childrenBitsLo
		hi = u & (1<<childrenBitsHi - 1)
		u >>= childrenBitsHi
		switch u & (1<<childrenBitsNodeType - 1) {
		case nodeTypeNormal:
			suffix = 1 + dot
		case nodeTypeException:
			suffix = 1 + len(s)
			break loop
		}
		u >>= childrenBitsNodeType
		wildcard = u&(1<<childrenBitsWildcard-1) != 0
		if !wildcard {
			icann = icannNode
		}

		if dot == -1 {
			break
		}
		s = s[:dot]
	}
	if suffix == len(domain) {
		// If no rules match, the prevailing rule is "*".
		return domain[1+strings.LastIndexByte(domain, '.'):], icann
	}
	return domain[suffix:], icann
}

// labelIndex finds a node among the children of another by its label: one
// hash probe where x/net's binary search over the sorted labels of the
// children (1 450 at the top level) compares about eleven strings, which
// was the larger part of a registrable-domain lookup. A child is keyed by
// its label and the start of its parent's range of children (lo), which
// tells parents apart. The table is built on first use (10 533 nodes in
// 32 768 slots, 128 KiB) and only read after. This index is ours, not
// x/net's.
type labelIndex struct {
	// slots hold tag<<nodeBits | node+1 (0: empty), where tag is the
	// upper bits of the key's hash, so that a probe rarely decodes the
	// label of another key's node.
	slots    []uint32
	shift    uint8
	nodeBits uint8
}

var labels = sync.OnceValue(func() *labelIndex {
	n := uint32(len(nodes)) / (nodesBits / 8)
	size := 1
	for size < 3*int(n) {
		size <<= 1
	}
	x := &labelIndex{slots: make([]uint32, size), shift: uint8(64 - bits.TrailingZeros(uint(size))), nodeBits: uint8(bits.Len32(n))}
	var walk func(lo, hi uint32)
	walk = func(lo, hi uint32) {
		for f := lo; f < hi; f++ {
			i, tag := x.home(lo, nodeLabel(f))
			for x.slots[i] != 0 {
				i = (i + 1) & (len(x.slots) - 1)
			}
			x.slots[i] = tag<<x.nodeBits | (f + 1)
			clo, chi := childRange(f)
			walk(clo, chi)
		}
	}
	walk(0, numTLD)
	return x
})

// home returns the first slot and the tag of the child label of the parent
// whose children start at lo.
func (x *labelIndex) home(lo uint32, label string) (int, uint32) {
	h := uint32(2166136261) ^ lo // FNV-1a, seeded with the parent
	for i := 0; i < len(label); i++ {
		h = (h ^ uint32(label[i])) * 16777619
	}
	m := uint64(h) * 0x9E3779B97F4A7C15
	return int(m >> x.shift), uint32(m) >> x.nodeBits
}

// find returns the node in [lo, hi) whose label is label, or notFound.
func (x *labelIndex) find(label string, lo, hi uint32) uint32 {
	i, tag := x.home(lo, label)
	mask := uint32(1)<<x.nodeBits - 1
	for {
		v := x.slots[i]
		if v == 0 {
			return notFound
		}
		if v>>x.nodeBits == tag {
			if f := v&mask - 1; lo <= f && f < hi && nodeLabel(f) == label {
				return f
			}
		}
		i = (i + 1) & (len(x.slots) - 1)
	}
}

const notFound uint32 = 1<<32 - 1

// childRange returns the range of the children of node f.
func childRange(f uint32) (lo, hi uint32) {
	u := uint32(nodes.get(f) >> (nodesBitsTextOffset + nodesBitsTextLength + nodesBitsICANN))
	u = children.get(u & (1<<nodesBitsChildren - 1))
	return u & (1<<childrenBitsLo - 1), u >> childrenBitsLo & (1<<childrenBitsHi - 1)
}

// nodeLabel returns the label for the i'th node.
func nodeLabel(i uint32) string {
	x := nodes.get(i)
	length := x & (1<<nodesBitsTextLength - 1)
	x >>= nodesBitsTextLength
	offset := x & (1<<nodesBitsTextOffset - 1)
	return text[offset : offset+length]
}

// EffectiveTLDPlusOne returns the effective top level domain plus one more
// label. For example, the eTLD+1 for "foo.bar.golang.org" is "golang.org".
func EffectiveTLDPlusOne(domain string) (string, error) {
	if strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") {
		return "", fmt.Errorf("publicsuffix: empty label in domain %q", domain)
	}

	suffix, _ := PublicSuffix(domain)
	if len(domain) <= len(suffix) {
		return "", fmt.Errorf("publicsuffix: cannot derive eTLD+1 for domain %q", domain)
	}
	i := len(domain) - len(suffix) - 1
	if domain[i] != '.' {
		return "", fmt.Errorf("publicsuffix: invalid public suffix %q for domain %q", suffix, domain)
	}
	return domain[1+strings.LastIndexByte(domain[:i], '.'):], nil
}

type uint32String string

func (u uint32String) get(i uint32) uint32 {
	off := i * 4
	u = u[off:] // help the compiler reduce bounds checks
	return uint32(u[3]) |
		uint32(u[2])<<8 |
		uint32(u[1])<<16 |
		uint32(u[0])<<24
}

type uint40String string

func (u uint40String) get(i uint32) uint64 {
	off := uint64(i * (nodesBits / 8))
	u = u[off:] // help the compiler reduce bounds checks
	return uint64(u[4]) |
		uint64(u[3])<<8 |
		uint64(u[2])<<16 |
		uint64(u[1])<<24 |
		uint64(u[0])<<32
}

// Version names the publicsuffix.org snapshot the tables hold.
func Version() string { return version }

// mayBeAddr reports whether s can be an IP address for netip.ParseAddr:
// an IPv4 address ends in a digit and an IPv6 address holds a colon. The
// test spares PublicSuffix the error ParseAddr allocates for every name
// (one allocation per call before; this change is ours, not x/net's).
func mayBeAddr(s string) bool {
	return s != "" && (s[len(s)-1] >= '0' && s[len(s)-1] <= '9' || strings.IndexByte(s, ':') >= 0)
}
