package conflict

import (
	"strings"

	"github.com/beiankit/beian/filing"
)

// Resolution texts. Sources: seeds/001 (三)1 (domain conflict: same province
// → cancellation application to this bureau with seal, licence or ID copy and
// domain certificate; other province → that province's bureau), (三)2
// (subject conflict steps (1)-(4)), (二)1 (returned filings, R-12/R-13),
// (二)6 (new website under the existing subject, R-15), (四)1 (progress);
// seeds/002 §二 场景3 and §二2 (materials); seeds/000 附件2 (the form
// 注销备案信息申请表, 5 working days, R-22).

// FormCancellation is the bureau's cancellation application (seeds/000 附件2).
const FormCancellation = "注销备案信息申请表"

var (
	matForm = Text{
		"《注销备案信息申请表》（写明注销原因，注明注销网站备案还是主体备案，附申请人身份证复印件）",
		"the cancellation application form (注销备案信息申请表) stating the reason and whether the website or the subject filing is cancelled, with a copy of the applicant's ID",
	}
	matSeal = Text{
		"单位：在申请表“单位公章”处加盖公章，附营业执照（或组织机构代码证）复印件并加盖公章；个人：将身份证复印件粘贴于“单位公章”处",
		"organisation: the seal on the form and a sealed copy of the business licence (or organisation code certificate); individual: a copy of the ID card pasted in the seal box",
	}
	matPrincipal = Text{
		"单位：当时备案的主体负责人身份证复印件（资质须与备案时一致；营业执照变更过的，另附变更证明）",
		"organisation: a copy of the ID of the subject's responsible person at the time of filing (the documents must match the filing; a changed licence needs proof of the change)",
	}
	matDomainCert = Text{
		"域名注册证书（域名所有者证书）复印件，及证书持有人身份证或持有单位资质复印件",
		"a copy of the domain certificate (from the registrar) and of the holder's ID or organisation certificate",
	}
	stepR32 = Text{
		"持有由CNNIC或ICANN认证的注册商颁发、且在有效期内的域名证书的，有权申请注销他人对该域名的网站备案（R-32）。",
		"A holder of a valid, unexpired domain certificate issued under CNNIC or ICANN may have another party's filing of the domain cancelled (R-32).",
	}
	stepWhy = Text{
		"一般这种情况是由于该域名之前被他人备过案。请先确认您是该域名的合法持有者（以域名证书为准）。",
		"Usually someone filed the domain before. First make sure you hold the domain (as the domain certificate shows).",
	}
)

func cancellationMaterials() []Text {
	return []Text{matForm, matSeal, matPrincipal, matDomainCert}
}

// describe turns the hits found under the read lock into conflicts with
// their guidance.
func (ix *Index) describe(in *checkInput, hits []hit) []Conflict {
	out := make([]Conflict, 0, len(hits))
	mine := provinceList[in.province]
	for _, h := range hits {
		their := provinceList[h.province]
		c := Conflict{
			Kind: h.kind, Rule: h.kind.Rule(), Path: h.path, Domain: h.reg,
			Blocking: Blocking{
				SubjectNumber: h.subjNum, WebsiteNumber: h.siteNum,
				Province: their.Code, ProvinceName: their.Name, Status: statusNames[h.status],
			},
		}
		u := h.reg
		if strings.Contains(u, "xn--") {
			u = filing.DomainUnicode(u)
		}
		num := h.siteNum
		if num == "" {
			num = h.subjNum
		}
		switch h.kind {
		case KindDomainSameProvince:
			c.Bureau, c.Form, c.Materials = mine.Bureau, FormCancellation, cancellationMaterials()
			if num != "" {
				c.Zh = sf("域名“%s”已被本省（%s）其他主体备案（备案号：%s），本次备案无法提交。", u, their.Name, num)
				c.En = sf("domain %s is filed by another subject in this province, %s (record %s)", h.reg, their.NameEn, num)
			} else {
				num = "（尚无备案号）"
				c.Zh = sf("域名“%s”已在本省（%s）其他主体提交的备案申请中（尚未审核通过），本次备案无法提交。", u, their.Name)
				c.En = sf("domain %s is in another subject's filing in this province, %s, not yet approved", h.reg, their.NameEn)
			}
			c.Steps = []Text{
				stepWhy,
				{sf("填写《%s》，写明注销原因，注明申请注销的网站备案（备案号：%s）。", FormCancellation, num),
					sf("Fill in the cancellation application (%s): state the reason and the website filing to cancel (%s).", FormCancellation, orNone(orNone(h.siteNum, h.subjNum), "no number yet"))},
				matSeal,
				{sf("附域名注册证书复印件，将申请表和材料寄送（或传真）至%s，快递封面用黑色粗体标明“申请注销”。", mine.Bureau),
					sf("Add a copy of the domain certificate and send the form and materials to %s (the bureau of %s), marked 申请注销 on the envelope.", mine.Bureau, mine.NameEn)},
				{sf("%s收到材料后在5个工作日内处理（R-22）；原备案注销后，请重新提交本次备案。", mine.Bureau),
					"The bureau answers within 5 working days of receipt (R-22); once the old filing is cancelled, submit this filing again."},
				stepR32,
			}
		case KindDomainOtherProvince:
			c.Bureau, c.Form, c.Materials = their.Bureau, FormCancellation, cancellationMaterials()
			if num != "" {
				c.Zh = sf("域名“%s”已被%s的其他主体备案（备案号：%s），本次备案无法提交。", u, their.Name, num)
				c.En = sf("domain %s is filed by another subject in %s (record %s)", h.reg, their.NameEn, num)
			} else {
				c.Zh = sf("域名“%s”已在%s其他主体提交的备案申请中（尚未审核通过），本次备案无法提交。", u, their.Name)
				c.En = sf("domain %s is in another subject's filing in %s, not yet approved", h.reg, their.NameEn)
			}
			c.Steps = []Text{
				stepWhy,
				{sf("原备案为%s的备案：请与原备案所在地的%s联系，请其为您注销原备案。", their.Name, their.Bureau),
					sf("The filing is in %s: contact %s (the bureau where it was filed) and ask it to cancel the filing.", their.NameEn, their.Bureau)},
				{sf("按%s的要求提交《%s》、主体资质证明（单位加盖公章）及域名注册证书复印件。", their.Bureau, FormCancellation),
					sf("Send what that bureau asks for: the cancellation application (%s), proof of the subject (sealed for an organisation) and a copy of the domain certificate.", FormCancellation)},
				{"原备案注销后，请重新提交本次备案。", "Once the old filing is cancelled, submit this filing again."},
				stepR32,
			}
		case KindDomainFiledByYou:
			c.Bureau = their.Bureau
			c.Zh = sf("域名“%s”已在您的主体下备案（网站备案号：%s），不能作为新网站再次备案。", u, h.siteNum)
			c.En = sf("domain %s is already filed under your own website %s; it cannot be filed as a new website", h.reg, h.siteNum)
			c.Steps = []Text{
				{sf("如需修改该网站的信息，请联系接入商办理网站备案变更（网站备案号：%s），不要新增网站。", h.siteNum),
					sf("To change the website's data, have your ISP file a change of website %s instead of a new website (R-08, R-11).", h.siteNum)},
				{"如该网站已不再使用、需要重新备案，请先通过接入商注销原网站备案，再提交新的备案。",
					"To file it afresh, have the ISP cancel the old website filing first, then submit the new filing."},
			}
		case KindSubjectFiled:
			c.Bureau = their.Bureau
			c.Zh = sf("该主办单位（证件类型和证件号码相同）已经备案，主体备案号：%s，请勿重复提交主体备案。", h.subjNum)
			c.En = sf("a subject with this certificate and name is already filed as %s", h.subjNum)
			c.Steps = []Text{
				{sf("您以前已申请过备案（主体备案号：%s），请联系接入商在原主体下为您新增网站，不要重复提交。", h.subjNum),
					sf("You filed before (subject %s): have your ISP add the website under the existing subject; do not file the subject again (R-15).", h.subjNum)},
				{"新增网站的真实性核验单须在7个工作日内寄达管局，逾期不予审核（R-15、R-23）。",
					"The verification form of the added website must reach the bureau within 7 working days, or the website is not reviewed (R-15, R-23)."},
				{sf("如忘记备案密码，可在备案系统“找回密码”，或向%s申请找回。", their.Bureau),
					sf("If you lost the filing password, retrieve it in the filing system or through %s (R-58).", their.Bureau)},
			}
		case KindSubjectCertificateTaken:
			c.Bureau = mine.Bureau
			c.Zh = sf("主办单位证件号码与已备案的主体重复（主体备案号：%s，%s），存在主体信息冲突。", orNone(h.subjNum, "尚无备案号"), their.Name)
			c.En = sf("the subject certificate is on file for another subject (%s, %s)", orNone(h.subjNum, "no number yet"), their.NameEn)
			c.Steps = []Text{
				{"请检查填写的主办单位证件类型和证件号码是否正确。", "Check the certificate type and number entered for the subject."},
				{"如填写错误，请更正后重新提交。", "If they are wrong, correct them and submit again."},
				{sf("如填写无误，请确认您以前是否申请过备案；如已有备案（主体备案号：%s），请联系接入商在原主体下添加网站，不要重复提交。", orNone(h.subjNum, "—")),
					sf("If they are right, check whether you filed before; if you did (subject %s), have your ISP add the website under that subject instead of filing again.", orNone(h.subjNum, "—"))},
				{sf("如确系未曾申请过备案，信息也填写无误，请联系%s进行处理，并按通信管理局要求提供相关证明材料。", mine.Bureau),
					sf("If you never filed and the data is right, contact %s and provide the proof it asks for.", mine.Bureau)},
			}
			if h.province == in.province {
				c.Form, c.Materials = FormCancellation, cancellationMaterials()
				c.Steps = append(c.Steps, Text{
					sf("冲突主体为本省主体的，可将《%s》加盖单位公章，连同营业执照（或组织机构代码证）复印件（个人提供身份证复印件）及域名注册证书寄送至%s申请注销。", FormCancellation, mine.Bureau),
					sf("As the conflicting subject is in this province, the cancellation application (%s) with seal, licence (or ID) copy and domain certificate goes to %s.", FormCancellation, mine.Bureau),
				})
			}
		case KindResubmission:
			c.Bureau = their.Bureau
			if h.reg != "" {
				c.Zh = sf("该网站（域名“%s”）此前提交的备案已被管局退回，请勿作为新备案再次提交。", u)
				c.En = sf("the website with domain %s was returned by the bureau; it must not be filed again as new (R-13)", h.reg)
			} else {
				c.Zh = "该主体此前提交的备案已被管局退回，请勿再次提交新的备案。"
				c.En = "the subject's earlier filing was returned by the bureau; it must not be filed again as new (R-13)"
			}
			c.Steps = []Text{
				{"请使用用户名和密码登录备案系统，查看被退回的理由。", "Log in to the filing system and read the reason for the return."},
				{"如退回给您本人，请自行修改；如退回给接入商，请联系接入商为您修改不符合要求的信息。",
					"If it was returned to you, edit it yourself; if it was returned to the ISP, ask the ISP to edit it (R-12)."},
				{"修改后的备案信息将直接转到管局再次审核。系统具有冲突检测功能，重复提交的新备案会因信息重复而无法提交。",
					"The edited filing goes straight back to the bureau. A new filing of the same website is blocked by conflict detection (R-13)."},
			}
		case KindPending:
			c.Bureau = their.Bureau
			if h.reg != "" {
				c.Zh = sf("该网站（域名“%s”）已有备案申请正在审核中，请勿重复提交。", u)
				c.En = sf("a filing of the website with domain %s is under review; do not file it again", h.reg)
			} else {
				c.Zh = "该主体已有备案申请正在审核中，请勿重复提交。"
				c.En = "a filing of this subject is under review; do not file it again"
			}
			c.Steps = []Text{
				{"请登录备案系统查看备案进度，确认是否已到管局审核阶段。", "Check the filing's progress in the filing system."},
				{"如信息仍在接入商处、尚未提交管局，请督促接入商尽快核实提交。", "If it is still with the ISP, ask the ISP to verify and submit it (R-14)."},
				{"管局审核时限为20个工作日；如需修改，请联系接入商。", "The bureau reviews within 20 working days (R-20); for changes, contact the ISP (R-10)."},
			}
		}
		out = append(out, c)
	}
	return out
}

func orNone(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// sf fills each "%s" of format with the next argument: fmt.Sprintf for
// strings only, without reflection (the messages are built on every
// conflict).
func sf(format string, args ...string) string {
	n := len(format)
	for _, a := range args {
		n += len(a)
	}
	var b strings.Builder
	b.Grow(n)
	for _, a := range args {
		i := strings.Index(format, "%s")
		if i < 0 {
			break
		}
		b.WriteString(format[:i])
		b.WriteString(a)
		format = format[i+2:]
	}
	b.WriteString(format)
	return b.String()
}
