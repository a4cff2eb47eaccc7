// Package guidance renders what to tell the applicant about a conflict of
// package conflict: the statement in Chinese (for end users) and English
// (for developers), the bureau to turn to, the application form, the
// materials to send with it and the steps, in order (R-30, R-31, R-32,
//
//
// conflict.Index.Check and conflict.Contacts.Check return conflicts as
// data (kind, field path, key, the filing's province, the blocking
// record): a check pays for no text. For renders a conflict's guidance
// when it is read, so a caller that only decides (accept or refuse, log
// the kinds) builds none, and one that shows a page builds the texts of
// the conflicts it shows:
//
//	cs, err := ix.Check(f)
//	for _, c := range cs {
//		g := guidance.For(c)
//		fmt.Println(g.Zh, g.Bureau)
//	}
//
// The texts come from the bureaus' guidance documents (江西省通信管理局
// 用户典型问题指南 (二)1, (二)6, (三)1-2, (四)1; 网站备案日常问题解答 §二;
// 河南省通信管理局 备案业务表格 附件2) and name bureaus and provinces from
// the province list of package filing/province; the review limit of a
// pending filing is that of the blocking record's province in the province
// table (filing.RuleReviewLimit read through lifecycle.ReviewOf
// in Jiangxi). For uses the default table, filing.DefaultProvinceRules; a
// Renderer from NewRenderer uses the caller's. The sentences that name
// nothing but a province are built once per province; For builds the rest,
// a few strings per conflict.
//
// The words are those Check gave before conflicts became data, byte for
// byte: a test compares For with the former builder for every kind and
// every pair of provinces.
package guidance
