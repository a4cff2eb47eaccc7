// Package platform holds what the distribution platforms' filing adapters
// share: mini-programs are filed through their hosting platform
// (WeChat's applyIcpFiling, Douyin's submit_record_info), not through an
// ISP's portal, and each platform adds rules of its own and rejects field by
// field. The adapters live in the subpackages [github.com/beiankit/beian/filing/platform/wechat]
// and [github.com/beiankit/beian/filing/platform/douyin]; this package gives
// them one set of problem codes, the field tables that tie each platform
// field to the SDK's JSON path, the second-level service-type and region
// checks, and Extra, which keeps the keys of a platform's answer that the
// SDK does not know.
//
// Nothing here does network I/O or depends on a platform SDK: the caller
// sends the payloads and passes the answers back.
//
// # Problems
//
// Every rule a platform adds, and every field a platform rejects, becomes a
// *filing.Problem with the SDK's JSON path ("subject.principal.cert_validity",
// "apps[0].service_content") and a Chinese message, so a portal shows it
// next to the field the user typed. A rejected field the table does not
// know, and a key of an answer the SDK does not declare, are kept and
// reported (CodeRejectedUnplaced, CodeUnknownKey), never dropped.
//
// # Limits
//
// The adapters' decoders refuse input larger than MaxBytes or nested deeper
// than MaxDepth (CheckSize) before decoding it.
//
// # Concurrency
//
// Field tables are read-only after loading and safe for concurrent use.
package platform
