// Package resource keeps an ISP's ledger of filing resources (备案资源, R-96):
// the authorisation codes (备案授权码) and filing service numbers (备案服务号)
// that tie a filing to a prepaid mainland instance of the ISP. Eligible
// judges the instance facts the caller supplies (prepaid, months left,
// mainland, public address, trial, running) against a Policy; a Ledger
// issues codes within the policy's cap per instance, redeems a code for one
// filing at a time, marks it used once the filing succeeds (single use),
// frees it again when the filing is abandoned, lets it die with its
// instance, and grants it to another account where the policy allows.
//
// # Policies
//
// The numbers are each ISP's policy, not regulation, so they are data:
// Policies returns presets modelled on Tencent Cloud's authorisation codes,
// Alibaba Cloud's filing service numbers and Huawei Cloud's filing
// resources, each with the public document it follows (embedded
// data/policies.json); an ISP builds its own Policy value.
//
// # States
//
//	issued ──Redeem──▶ in_review ──Complete──▶ filed (single use)
//	  ▲                    │
//	  └──────Abandon───────┘
//	issued ──Revoke──▶ revoked
//
// A code whose instance has expired reads as expired (StateAt) and cannot be
// redeemed; a filed code stays filed. Grant (issued codes only) names a
// second account that may redeem a code.
//
// # Stores
//
// A Store keeps the ledger: NewMemoryStore in memory, package pgstore on
// PostgreSQL, and package resourcetest is the conformance suite every Store
// passes. Each step is one compare-and-set of the Store, so that two filings
// redeeming one code concurrently, in one process or many, give exactly one
// winner; the loser gets an *Error matching ErrInUse.
package resource
