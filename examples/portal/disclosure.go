package main

import (
	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/guidance"
	"github.com/beiankit/beian/filing"
)

// What an unauthenticated submitter may learn (R-31, R-13, 个人信息保护法).
//
// Anyone can submit the filing form without logging in, and type any
// certificate number into it. The public query maps a record number
// to the sponsor's name, and an individual's sponsor name is the person's
// name; so an answer that names the record a certificate number is filed
// under maps a resident-ID number to a person. The portal therefore answers:
//
//   - about an organisation's certificate (a unified social credit code and
//     the like, public registration data): the conflict in full, the
//     blocking record's number, province and status included, as the
//     conflict guidance gives it;
//   - about a personal certificate (resident ID, permits, passports:
//     filing.CertInfo.Personal): only that a record or a filing in progress
//     holds the number, with no record number, province, bureau, status or
//     name, and the way to go on: check the number, and if it is one's own,
//     continue through the ISP account that filed it or at the bureau in
//     person, where identity is checked;
//   - about a domain, a website or an app: in full, whatever the
//     certificate (domains and identifiers are public in the public query).
//
// The logs keep the conflict kinds only, never values.

// certificateKinds are the conflicts matched on the subject's certificate.
var certificateKinds = map[conflict.Kind]bool{
	conflict.KindSubjectFiled:            true,
	conflict.KindSubjectCertificateTaken: true,
	conflict.KindPending:                 true,
	conflict.KindResubmission:            true,
	conflict.KindSubjectNumberNotProven:  true,
}

// shownConflict is a conflict with the guidance the page shows for it.
type shownConflict struct {
	c conflict.Conflict
	g guidance.Guidance
}

// disclose renders the conflicts (guidance.For) as an unauthenticated
// submitter of f may see them (see above): a conflict matched on a
// personal certificate keeps its kind, rule and path, and loses everything
// that names the record.
func disclose(f *filing.Filing, cs []conflict.Conflict) []shownConflict {
	out := make([]shownConflict, len(cs))
	info, ok := filing.NormalizeFiling(f).Subject.CertType.Info()
	personal := ok && info.Personal()
	for i, c := range cs {
		if personal && certificateKinds[c.Kind] && !isServicePath(c.Path) {
			c.Blocking = conflict.Blocking{}
			out[i] = shownConflict{c, guidance.Guidance{
				Zh: "该证件号码已有备案记录或正在办理的备案，不能再次作为新主体备案。为保护个人信息，本页面不显示该备案的备案号、省份和状态。",
				Steps: []guidance.Text{
					{Zh: "请核对证件号码是否填写正确；如填写有误，请改正后重新提交。"},
					{Zh: "如确为本人证件：请登录办理该备案的接入商账号继续办理（如新增网站、变更备案），或携带本人身份证件到接入商或所在省通信管理局核实身份后办理。"},
				},
			}}
			continue
		}
		out[i] = shownConflict{c, guidance.For(c)}
	}
	return out
}

// isServicePath reports a conflict at a website's or an app's field (a
// domain, an identifier): those are public and answered in full.
func isServicePath(p string) bool {
	return len(p) > 5 && (p[:5] == "apps[" || len(p) > 9 && p[:9] == "websites[")
}
