package conflict

import (
	"strconv"
	"strings"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/filing/lifecycle"
)

// The eager guidance builder of Check as it was before conflicts became
// data: kept verbatim (names prefixed with oracle) as the oracle that
// guidance.For is compared with (oracle_check_test.go, guidance_oracle_test.go):
// the same words, byte for byte, for every kind. A text changed on purpose
// in package conflict/guidance is changed here too.

// oracleText is one sentence in Chinese and English (the former Text).
type oracleText struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// oracleConflict is a Conflict as Check built it with its texts (the
// former Conflict; Blocking has no AppKind or AppName).
type oracleConflict struct {
	Kind     Kind
	Rule     string
	Path     string
	Domain   string
	Blocking Blocking
	// ProvinceName is the name of the blocking province, a field of
	// Blocking then.
	ProvinceName string
	Bureau       string
	Form         string
	Materials    []oracleText
	Steps        []oracleText
	Zh           string
	En           string
}

// Resolution texts. Sources: 江西省通信管理局 用户典型问题指南 (三)1 (domain
// conflict: same province → cancellation application to this bureau with
// seal, licence or ID copy and domain certificate; other province → that
// province's bureau), (三)2 (subject conflict steps (1)-(4)), (二)1
// (returned filings, R-12/R-13), (二)6 (new website under the existing
// subject, R-15), (四)1 (progress); 网站备案日常问题解答 §二 场景3 and
// §二2 (materials); 河南省通信管理局 备案业务表格 附件2 (the form
// 注销备案信息申请表, 5 working days, R-22).

// oracleFormCancellation is the bureau's cancellation application
// (河南省通信管理局 备案业务表格 附件2).
const oracleFormCancellation = "注销备案信息申请表"

var (
	oracleMatForm = oracleText{
		"《注销备案信息申请表》（写明注销原因，注明注销网站备案还是主体备案，附申请人身份证复印件）",
		"the cancellation application form (注销备案信息申请表) stating the reason and whether the website or the subject filing is cancelled, with a copy of the applicant's ID",
	}
	oracleMatSeal = oracleText{
		"单位：在申请表“单位公章”处加盖公章，附营业执照（或组织机构代码证）复印件并加盖公章；个人：将身份证复印件粘贴于“单位公章”处",
		"organisation: the seal on the form and a sealed copy of the business licence (or organisation code certificate); individual: a copy of the ID card pasted in the seal box",
	}
	oracleMatPrincipal = oracleText{
		"单位：当时备案的主体负责人身份证复印件（资质须与备案时一致；营业执照变更过的，另附变更证明）",
		"organisation: a copy of the ID of the subject's responsible person at the time of filing (the documents must match the filing; a changed licence needs proof of the change)",
	}
	oracleMatDomainCert = oracleText{
		"域名注册证书（域名所有者证书）复印件，及证书持有人身份证或持有单位资质复印件",
		"a copy of the domain certificate (from the registrar) and of the holder's ID or organisation certificate",
	}
	oracleStepR32 = oracleText{
		"持有由CNNIC或ICANN认证的注册商颁发、且在有效期内的域名证书的，有权申请注销他人对该域名的网站备案（R-32）。",
		"A holder of a valid, unexpired domain certificate issued under CNNIC or ICANN may have another party's filing of the domain cancelled (R-32).",
	}
	oracleStepWhy = oracleText{
		"一般这种情况是由于该域名之前被他人备过案。请先确认您是该域名的合法持有者（以域名证书为准）。",
		"Usually someone filed the domain before. First make sure you hold the domain (as the domain certificate shows).",
	}
)

// oracleCancellationMaterials are the materials sent with oracleFormCancellation.
var oracleCancellationMaterials = [...]oracleText{oracleMatForm, oracleMatSeal, oracleMatPrincipal, oracleMatDomainCert}

// oracleProvinceTexts are the sentences of the guidance that name nothing but a
// province (its bureau or its names). They are built once per province, at
// init, instead of on every conflict.
type oracleProvinceTexts struct {
	// KindDomainSameProvince, for the applicant's province: where to send
	// the form (step 4) and how long the bureau takes (step 5).
	sameSend, sameAnswer oracleText
	// KindDomainOtherProvince, for the blocking record's province: contact
	// that bureau (step 2) and send it what it asks for (step 3).
	otherContact, otherSend oracleText
	// KindSubjectFiled, for the blocking record's province: the lost
	// password (step 3).
	password oracleText
	// KindSubjectCertificateTaken, for the applicant's province: contact the
	// bureau (step 4) and, when the conflicting subject is in the same
	// province, apply for the cancellation (step 5).
	takenContact, takenCancel oracleText
	// KindPending, for the blocking record's province: its review limit
	// (step 3; in Jiangxi).
	pendingLimit oracleText
	// The middles of the statements of the domain conflicts, for the
	// blocking record's province (between the domain and the number, or
	// the end): filed in this province / in another one, with a number or
	// not yet approved.
	sameFiled, sameUnder, otherFiled, otherUnder oracleText
}

// oraclePendingLimitText states a province's review limit (lifecycle.ReviewLimit).
func oraclePendingLimitText(province string) oracleText {
	k := lifecycle.ReviewLimit(province)
	n := strconv.Itoa(k.Workdays())
	if k == calendar.JiangxiReviewR21 {
		return oracleText{"管局审核时限为自核验单送达之日起" + n + "个工作日；如需修改，请联系接入商。",
			"The bureau reviews within " + n + " working days from the arrival of the verification form (" + k.RuleID() + "); for changes, contact the ISP (R-10)."}
	}
	return oracleText{"管局审核时限为" + n + "个工作日；如需修改，请联系接入商。",
		"The bureau reviews within " + n + " working days (" + k.RuleID() + "); for changes, contact the ISP (R-10)."}
}

// oracleByProvince holds the oracleProvinceTexts of provinceList, by the same index.
var oracleByProvince = func() []oracleProvinceTexts {
	out := make([]oracleProvinceTexts, len(provinceList))
	for i, p := range provinceList {
		out[i] = oracleProvinceTexts{
			sameSend: oracleText{
				"附域名注册证书复印件，将申请表和材料寄送（或传真）至" + p.Bureau + "，快递封面用黑色粗体标明“申请注销”。",
				"Add a copy of the domain certificate and send the form and materials to " + p.Bureau + " (the bureau of " + p.NameEn + "), marked 申请注销 on the envelope.",
			},
			sameAnswer: oracleText{
				p.Bureau + "收到材料后在5个工作日内处理（R-22）；原备案注销后，请重新提交本次备案。",
				"The bureau answers within 5 working days of receipt (R-22); once the old filing is cancelled, submit this filing again.",
			},
			otherContact: oracleText{
				"原备案为" + p.Name + "的备案：请与原备案所在地的" + p.Bureau + "联系，请其为您注销原备案。",
				"The filing is in " + p.NameEn + ": contact " + p.Bureau + " (the bureau where it was filed) and ask it to cancel the filing.",
			},
			otherSend: oracleText{
				"按" + p.Bureau + "的要求提交《" + oracleFormCancellation + "》、主体资质证明（单位加盖公章）及域名注册证书复印件。",
				"Send what that bureau asks for: the cancellation application (" + oracleFormCancellation + "), proof of the subject (sealed for an organisation) and a copy of the domain certificate.",
			},
			password: oracleText{
				"如忘记备案密码，可在备案系统“找回密码”，或向" + p.Bureau + "申请找回。",
				"If you lost the filing password, retrieve it in the filing system or through " + p.Bureau + " (R-58).",
			},
			takenContact: oracleText{
				"如确系未曾申请过备案，信息也填写无误，请联系" + p.Bureau + "进行处理，并按通信管理局要求提供相关证明材料。",
				"If you never filed and the data is right, contact " + p.Bureau + " and provide the proof it asks for.",
			},
			pendingLimit: oraclePendingLimitText(p.Code),
			sameFiled: oracleText{"”已被本省（" + p.Name + "）其他主体备案（备案号：",
				" is filed by another subject in this province, " + p.NameEn + " (record "},
			sameUnder: oracleText{"”已在本省（" + p.Name + "）其他主体提交的备案申请中（尚未审核通过），本次备案无法提交。",
				" is in another subject's filing in this province, " + p.NameEn + ", not yet approved"},
			otherFiled: oracleText{"”已被" + p.Name + "的其他主体备案（备案号：",
				" is filed by another subject in " + p.NameEn + " (record "},
			otherUnder: oracleText{"”已在" + p.Name + "其他主体提交的备案申请中（尚未审核通过），本次备案无法提交。",
				" is in another subject's filing in " + p.NameEn + ", not yet approved"},
			takenCancel: oracleText{
				"冲突主体为本省主体的，可将《" + oracleFormCancellation + "》加盖单位公章，连同营业执照（或组织机构代码证）复印件（个人提供身份证复印件）及域名注册证书寄送至" + p.Bureau + "申请注销。",
				"As the conflicting subject is in this province, the cancellation application (" + oracleFormCancellation + ") with seal, licence (or ID) copy and domain certificate goes to " + p.Bureau + ".",
			},
		}
	}
	return out
}()

// describe turns the hits found under the read lock into conflicts with
// their guidance.
//
// Every conflicting Check pays for these texts, so they are built with few
// allocations: the sentences that name only a province come from
// oracleByProvince; those that name the domain, a record number or the field path
// go through one oracleMsg per conflict (one string); the conflicts and their
// steps and materials share one allocation for a single conflict (the
// common case: oracleOneConflict), two for several.
func (ix *Index) oracleDescribe(in *checkInput, hits []hit) []oracleConflict {
	var (
		out   []oracleConflict
		texts []oracleText
	)
	if len(hits) == 1 {
		b := new(oracleOneConflict)
		out, texts = b.c[:], b.t[:]
	} else {
		n := 0
		for i := range hits {
			steps, mats := oracleTextsOf(in, &hits[i])
			n += steps + mats
		}
		out, texts = make([]oracleConflict, len(hits)), make([]oracleText, n)
	}
	mine, myTexts := &provinceList[in.province], &oracleByProvince[in.province]
	for i := range hits {
		h := &hits[i]
		their, theirTexts := &provinceList[h.province], &oracleByProvince[h.province]
		c := &out[i]
		*c = oracleConflict{
			Kind: h.kind, Rule: h.kind.Rule(), Path: pathSubjectCert, Domain: h.reg,
			Blocking: Blocking{
				SubjectNumber: h.subjNum, WebsiteNumber: h.siteNum,
				Province: their.Code, Status: statusNames[h.status],
			},
			ProvinceName: their.Name,
		}
		var m oracleMsg
		switch {
		case h.site >= 0 && h.site < len(domainPaths) && h.idx < len(domainPaths[0]):
			c.Path = domainPaths[h.site][h.idx]
		case h.site >= 0:
			m.add(&c.Path, "websites[", strconv.Itoa(h.site), "].domains[", strconv.Itoa(h.idx), "]")
		}
		// The website number, in its two parts (hit.siteSuf).
		site, siteSuf := h.siteNum, h.siteSuf
		if siteSuf != "" {
			m.add(&c.Blocking.WebsiteNumber, site, siteSuf)
		}
		u := h.reg
		if strings.Contains(u, "xn--") {
			u = domain.DomainUnicode(u)
		}
		// num is the blocking record's number: the website's, else the
		// subject's (numSuf is the second part of a website number).
		num, numSuf := site, siteSuf
		if num == "" {
			num = h.subjNum
		}
		nSteps, nMats := oracleTextsOf(in, h)
		c.Steps, c.Materials, texts = oracleTakeTexts(texts, nSteps, nMats)
		switch h.kind {
		case KindDomainSameProvince:
			c.Bureau, c.Form = mine.Bureau, oracleFormCancellation
			if num != "" {
				m.add(&c.Zh, "域名“", u, theirTexts.sameFiled.Zh, num, numSuf, "），本次备案无法提交。")
				m.add(&c.En, "domain ", h.reg, theirTexts.sameFiled.En, num, numSuf, ")")
				m.add(&c.Steps[1].Zh, "填写《"+oracleFormCancellation+"》，写明注销原因，注明申请注销的网站备案（备案号：", num, numSuf, "）。")
				m.add(&c.Steps[1].En, "Fill in the cancellation application ("+oracleFormCancellation+"): state the reason and the website filing to cancel (",
					num, numSuf, ").")
			} else {
				m.add(&c.Zh, "域名“", u, theirTexts.sameUnder.Zh)
				m.add(&c.En, "domain ", h.reg, theirTexts.sameUnder.En)
				c.Steps[1] = oracleStepSameNoNumber
			}
			c.Steps[0] = oracleStepWhy
			c.Steps[2] = oracleMatSeal
			c.Steps[3] = myTexts.sameSend
			c.Steps[4] = myTexts.sameAnswer
			c.Steps[5] = oracleStepR32
		case KindDomainOtherProvince:
			c.Bureau, c.Form = their.Bureau, oracleFormCancellation
			if num != "" {
				m.add(&c.Zh, "域名“", u, theirTexts.otherFiled.Zh, num, numSuf, "），本次备案无法提交。")
				m.add(&c.En, "domain ", h.reg, theirTexts.otherFiled.En, num, numSuf, ")")
			} else {
				m.add(&c.Zh, "域名“", u, theirTexts.otherUnder.Zh)
				m.add(&c.En, "domain ", h.reg, theirTexts.otherUnder.En)
			}
			c.Steps[0] = oracleStepWhy
			c.Steps[1] = theirTexts.otherContact
			c.Steps[2] = theirTexts.otherSend
			c.Steps[3] = oracleText{"原备案注销后，请重新提交本次备案。", "Once the old filing is cancelled, submit this filing again."}
			c.Steps[4] = oracleStepR32
		case KindDomainFiledByYou:
			c.Bureau = their.Bureau
			m.add(&c.Zh, "域名“", u, "”已在您的主体下备案（网站备案号：", site, siteSuf, "），不能作为新网站再次备案。")
			m.add(&c.En, "domain ", h.reg, " is already filed under your own website ", site, siteSuf, "; it cannot be filed as a new website")
			m.add(&c.Steps[0].Zh, "如需修改该网站的信息，请联系接入商办理网站备案变更（网站备案号：", site, siteSuf, "），不要新增网站。")
			m.add(&c.Steps[0].En, "To change the website's data, have your ISP file a change of website ", site, siteSuf, " instead of a new website (R-08, R-11).")
			c.Steps[1] = oracleText{"如该网站已不再使用、需要重新备案，请先通过接入商注销原网站备案，再提交新的备案。",
				"To file it afresh, have the ISP cancel the old website filing first, then submit the new filing."}
		case KindSubjectFiled:
			c.Bureau = their.Bureau
			m.add(&c.Zh, "该主办单位（证件类型和证件号码相同）已经备案，主体备案号：", h.subjNum, "，请勿重复提交主体备案。")
			m.add(&c.En, "a subject with this certificate and name is already filed as ", h.subjNum)
			m.add(&c.Steps[0].Zh, "您以前已申请过备案（主体备案号：", h.subjNum, "），请联系接入商在原主体下为您新增网站，不要重复提交。")
			m.add(&c.Steps[0].En, "You filed before (subject ", h.subjNum, "): have your ISP add the website under the existing subject; do not file the subject again (R-15).")
			c.Steps[1] = oracleText{"新增网站的真实性核验单须在7个工作日内寄达管局，逾期不予审核（R-15、R-23）。",
				"The verification form of the added website must reach the bureau within 7 working days, or the website is not reviewed (R-15, R-23)."}
			c.Steps[2] = theirTexts.password
		case KindSubjectCertificateTaken:
			c.Bureau = mine.Bureau
			// A conflicting subject of the applicant's own province can be
			// cancelled with the form: one more step, and the materials
			// (oracleTextsOf).
			if nMats > 0 {
				c.Form = oracleFormCancellation
			}
			m.add(&c.Zh, "主办单位证件号码与已备案的主体重复（主体备案号：", oracleOrNone(h.subjNum, "尚无备案号"), "，", their.Name, "），存在主体信息冲突。")
			m.add(&c.En, "the subject certificate is on file for another subject (", oracleOrNone(h.subjNum, "no number yet"), ", ", their.NameEn, ")")
			c.Steps[0] = oracleText{"请检查填写的主办单位证件类型和证件号码是否正确。", "Check the certificate type and number entered for the subject."}
			c.Steps[1] = oracleText{"如填写错误，请更正后重新提交。", "If they are wrong, correct them and submit again."}
			m.add(&c.Steps[2].Zh, "如填写无误，请确认您以前是否申请过备案；如已有备案（主体备案号：", oracleOrNone(h.subjNum, "—"), "），请联系接入商在原主体下添加网站，不要重复提交。")
			m.add(&c.Steps[2].En, "If they are right, check whether you filed before; if you did (subject ", oracleOrNone(h.subjNum, "—"), "), have your ISP add the website under that subject instead of filing again.")
			c.Steps[3] = myTexts.takenContact
			if nMats > 0 {
				c.Steps[4] = myTexts.takenCancel
			}
		case KindSubjectNumberNotProven:
			c.Bureau = their.Bureau
			c.Path = "subject.number"
			m.add(&c.Zh, "填写的主体备案号“", h.subjNum, "”与填写的主办单位证件类型和证件号码不符：该备案号属于其他证件的主体，不能在其下备案或变更。")
			m.add(&c.En, "subject number ", h.subjNum, " is on file for another certificate than the one the filing gives; the filing cannot be made under it")
			c.Steps[0] = oracleText{"请核对主体备案号与主办单位证件类型、证件号码是否填写正确，三者须属于同一主体。",
				"Check the subject number, certificate type and certificate number: all three must be those of one subject (R-31)."}
			c.Steps[1] = oracleText{"如主体备案号填写错误，请更正或留空（首次备案无主体备案号）后重新提交。",
				"If the number is wrong, correct it, or leave it empty for a first filing, and submit again."}
			c.Steps[2] = oracleText{"如主办单位的证件已变更（如换发证件），请先通过接入商办理主体信息变更，再在该主体下备案。",
				"If the subject's certificate has changed (e.g. reissued), have the ISP file a change of the subject first, then file under it (R-08)."}
			c.Steps[3] = oracleText{"如该备案号确属本单位而信息无误，请联系" + their.Bureau + "，并按通信管理局要求提供相关证明材料。",
				"If the number is yours and the data are right, contact " + their.Bureau + " with the proof it asks for."}
		case KindResubmission:
			c.Bureau = their.Bureau
			if h.reg != "" {
				m.add(&c.Zh, "该网站（域名“", u, "”）此前提交的备案已被管局退回，请勿作为新备案再次提交。")
				m.add(&c.En, "the website with domain ", h.reg, " was returned by the bureau; it must not be filed again as new (R-13)")
			} else {
				c.Zh = "该主体此前提交的备案已被管局退回，请勿再次提交新的备案。"
				c.En = "the subject's earlier filing was returned by the bureau; it must not be filed again as new (R-13)"
			}
			c.Steps[0] = oracleText{"请使用用户名和密码登录备案系统，查看被退回的理由。", "Log in to the filing system and read the reason for the return."}
			c.Steps[1] = oracleText{"如退回给您本人，请自行修改；如退回给接入商，请联系接入商为您修改不符合要求的信息。",
				"If it was returned to you, edit it yourself; if it was returned to the ISP, ask the ISP to edit it (R-12)."}
			c.Steps[2] = oracleText{"修改后的备案信息将直接转到管局再次审核。系统具有冲突检测功能，重复提交的新备案会因信息重复而无法提交。",
				"The edited filing goes straight back to the bureau. A new filing of the same website is blocked by conflict detection (R-13)."}
		case KindPending:
			c.Bureau = their.Bureau
			if h.reg != "" {
				m.add(&c.Zh, "该网站（域名“", u, "”）已有备案申请正在审核中，请勿重复提交。")
				m.add(&c.En, "a filing of the website with domain ", h.reg, " is under review; do not file it again")
			} else {
				c.Zh = "该主体已有备案申请正在审核中，请勿重复提交。"
				c.En = "a filing of this subject is under review; do not file it again"
			}
			c.Steps[0] = oracleText{"请登录备案系统查看备案进度，确认是否已到管局审核阶段。", "Check the filing's progress in the filing system."}
			c.Steps[1] = oracleText{"如信息仍在接入商处、尚未提交管局，请督促接入商尽快核实提交。", "If it is still with the ISP, ask the ISP to verify and submit it (R-14)."}
			c.Steps[2] = theirTexts.pendingLimit
		}
		m.done()
	}
	return out
}

// oracleStepSameNoNumber is step 2 of KindDomainSameProvince when the blocking
// filing has no number yet.
var oracleStepSameNoNumber = oracleText{
	"填写《" + oracleFormCancellation + "》，写明注销原因，注明申请注销的网站备案（备案号：（尚无备案号））。",
	"Fill in the cancellation application (" + oracleFormCancellation + "): state the reason and the website filing to cancel (no number yet).",
}

// oracleMaxTexts is the most steps and materials of one conflict
// (KindDomainSameProvince: 6 steps and the 4 materials).
const oracleMaxTexts = 6 + len(oracleCancellationMaterials)

// oracleOneConflict is the memory of a Check that finds one conflict: the
// conflict, its steps and its materials, in one allocation.
type oracleOneConflict struct {
	c [1]oracleConflict
	t [oracleMaxTexts]oracleText
}

// oracleTextsOf returns the number of steps of the conflict of h and the number
// of its materials.
func oracleTextsOf(in *checkInput, h *hit) (steps, materials int) {
	switch h.kind {
	case KindDomainSameProvince:
		return 6, len(oracleCancellationMaterials)
	case KindDomainOtherProvince:
		return 5, len(oracleCancellationMaterials)
	case KindDomainFiledByYou:
		return 2, 0
	case KindSubjectNumberNotProven:
		return 4, 0
	case KindSubjectCertificateTaken:
		if h.province == in.province {
			return 5, len(oracleCancellationMaterials)
		}
		return 4, 0
	}
	return 3, 0 // KindSubjectFiled, KindResubmission, KindPending
}

// oracleTakeTexts cuts the steps (n of them) and the materials of one conflict
// (the cancellation materials when mats > 0) from the front of texts and
// returns the rest. Both are capped at their length, so a caller that
// appends to one gets a new array instead of overwriting the other or
// another conflict's.
func oracleTakeTexts(texts []oracleText, n, mats int) (steps, materials, rest []oracleText) {
	steps = texts[:n:n]
	if mats > 0 {
		materials = texts[n : n+mats : n+mats]
		copy(materials, oracleCancellationMaterials[:])
	}
	return steps, materials, texts[n+mats:]
}

// oracleMsg builds the sentences of one conflict that name its domain, a record
// number or the field path. add only records the parts; done writes all
// the sentences into one string of the exact size and stores each one, a
// substring of it: one allocation per conflict instead of one per
// sentence. (The parts are kept in fixed arrays, not appended to a byte
// slice, so that oracleMsg stays on the stack.)
type oracleMsg struct {
	parts  [oracleMsgMaxParts]string
	nParts int
	size   int // bytes in parts
	dst    [oracleMsgMaxSentences]*string
	end    [oracleMsgMaxSentences]int // byte offset of the end of sentence i
	n      int
}

// The most parts and sentences of one conflict: the path (5 parts), the
// website number (2), Zh and En (6 each), and one step in both languages
// (4 each).
const (
	oracleMsgMaxParts     = 32
	oracleMsgMaxSentences = 8
)

// add records the sentence made of parts, for done to store in *dst.
func (m *oracleMsg) add(dst *string, parts ...string) {
	for _, p := range parts {
		m.parts[m.nParts] = p
		m.nParts++
		m.size += len(p)
	}
	m.dst[m.n], m.end[m.n] = dst, m.size
	m.n++
}

// done builds the sentences and stores them.
func (m *oracleMsg) done() {
	if m.n == 0 {
		return
	}
	var b strings.Builder
	b.Grow(m.size)
	for _, p := range m.parts[:m.nParts] {
		b.WriteString(p)
	}
	s, start := b.String(), 0
	for i := range m.n {
		*m.dst[i] = s[start:m.end[i]]
		start = m.end[i]
	}
}

func oracleOrNone(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
