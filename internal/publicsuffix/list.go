// Copyright 2012 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package publicsuffix

// TODO: specify case sensitivity and leading/trailing dot behavior for
// func PublicSuffix and func EffectiveTLDPlusOne.

import (
	"fmt"
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

	byPath := suffixNodes()
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
		// The node of label s[1+dot:] among the children [lo, hi) of the
		// node found last is the node whose path is domain[1+dot:] (this
		// lookup, and suffixNodes, are ours, not x/net's).
		f, ok := byPath[domain[1+dot:]]
		if !ok {
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

// suffixNodes maps the path of every node of the tree, its labels from the
// node up to its top-level domain ("cn", "com.cn", "city.kawasaki.jp"),
// to the node. PublicSuffix looks each suffix of a name up in it: one
// hash lookup per label where x/net's binary search over the labels of the
// node's children (1 450 at the top level) compares about eleven strings,
// which was the larger part of a registrable-domain lookup. It is built on
// first use (about 9 000 paths) and shared.
var suffixNodes = sync.OnceValue(func() map[string]uint32 {
	m := make(map[string]uint32, 1<<14)
	var walk func(lo, hi uint32, parent string)
	walk = func(lo, hi uint32, parent string) {
		for i := lo; i < hi; i++ {
			path := nodeLabel(i)
			if parent != "" {
				path += "." + parent
			}
			m[path] = i
			u := uint32(nodes.get(i) >> (nodesBitsTextOffset + nodesBitsTextLength + nodesBitsICANN))
			u = children.get(u & (1<<nodesBitsChildren - 1))
			walk(u&(1<<childrenBitsLo-1), u>>childrenBitsLo&(1<<childrenBitsHi-1), path)
		}
	}
	walk(0, numTLD, "")
	return m
})

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
