// Package audit is the access audit (接入核查, R-97): it compares the
// addresses a website's domains resolve to with the website's filed access
// addresses and the ISP's filed address blocks (IP地址备案), and finds
// domains that resolve to a special-purpose address, do not resolve, or
// resolve while the filing is still under review. Every Finding names the
// domain, the address and the step to take, in Chinese for end users.
//
// The SDK does no network I/O: the caller resolves the domains (with its
// own resolvers, at its own pace) and hands the answers in through a
// Resolver; the Auditor judges. Site and Filing audit one website or one
// filing; Stream audits a bureau's national export (the JSONL records of
// package conflict) one record at a time, in bounded memory.
package audit
