// Copyright 2012 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Package publicsuffix is golang.org/x/net/publicsuffix (v0.62.0, BSD
// licence in LICENSE) without its cookiejar.PublicSuffixList variable,
// whose import of net/http/cookiejar links the whole of net/http and
// crypto/tls into every binary: 2 MB of the WebAssembly build
// (cmd/beianwasm), 0.5 MB once gzip-compressed. The embedded publicsuffix.org snapshot is the
// module's, unchanged, and so are the functions but one step: PublicSuffix
// finds a label among a node's children in a hash table built on first
// use, where x/net searches their sorted labels. TestAgreesWithXNet and FuzzAgreesWithXNet
// check that both give the same answers, so a newer x/net is noticed.
package publicsuffix
