// Package content checks what a website or app declares about its service
// content (服务内容, R-92): second-level types of a two-level taxonomy, at
// most five, none an individual may not offer, and its pre-approvals
// stated explicitly, "以上都不涉及" (none applies) included, with a remark
// of 20-200 characters where the platform asks one. The taxonomy is data:
// Default is an excerpt of WeChat's 小程序备案服务内容选择指引 embedded with
// its source; ParseWeChat loads the platform's live list
// (queryIcpServiceContentTypes), which the platform changes without notice.
//
// The filing model keeps its free-text ServiceContent; callers that file
// through a platform build a Declaration and call Check.
package content
