package guidance

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/province"
)

// Text is one sentence of guidance in Chinese (for end users) and English
// (for developers).
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// Guidance is what to tell the applicant about one conflict.
type Guidance struct {
	// Zh and En state the conflict: Chinese for end users, English for
	// developers. They name the domain, identifier or record numbers in
	// conflict, never personal data.
	Zh string `json:"zh"`
	En string `json:"en"`
	// Bureau is the name of the bureau to turn to (from the province
	// table), or empty when the applicant's ISP is the way.
	Bureau string `json:"bureau,omitempty"`
	// Form is the application form to file with the bureau, if one is
	// needed (FormCancellation).
	Form string `json:"form,omitempty"`
	// Materials are the materials to send with the form.
	Materials []Text `json:"materials,omitempty"`
	// Steps is the resolution, in order.
	Steps []Text `json:"steps"`
}

// FormCancellation is the bureau's cancellation application
// (河南省通信管理局 备案业务表格 附件2).
const FormCancellation = "注销备案信息申请表"

// For renders the guidance of a conflict returned by conflict.Index.Check
// or conflict.Contacts.Check, with the default province table
// (filing.DefaultProvinceRules): NewRenderer(filing.DefaultProvinceRules()).For.
// The slices of the result are its own. A conflict of an unknown kind gets
// the kind's registered statement and no steps; provinces that are not in
// the province table leave their names empty. For never panics and is safe
// for concurrent use.
func For(c conflict.Conflict) Guidance { return defaultRenderer().For(c) }

// Renderer renders guidance with a caller's province table: the review
// limit a pending conflict states is the blocking record's province's in
// that table, at the time of rendering (filing.RuleReviewLimit: R-20, or
// R-21 where the limit counts from the verification form). Bureaus and
// province names come from the province list (package filing/province). A
// Renderer is immutable and safe for concurrent use.
type Renderer struct {
	rules filing.ProvinceRules
	now   func() time.Time
}

// NewRenderer returns a Renderer over a province table.
func NewRenderer(rules filing.ProvinceRules) *Renderer {
	return &Renderer{rules: rules, now: time.Now}
}

var defaultRenderer = sync.OnceValue(func() *Renderer { return NewRenderer(filing.DefaultProvinceRules()) })

// For renders the guidance of a conflict (see the package function For).
func (r *Renderer) For(c conflict.Conflict) Guidance {
	switch c.Kind {
	case conflict.KindContactTaken:
		return contactGuidance(&c)
	case conflict.KindAppIdentifierTaken, conflict.KindAppFiledByYou, conflict.KindAppNameTaken:
		return appGuidance(&c)
	case conflict.KindResubmission, conflict.KindPending:
		if c.Blocking.AppKind != "" { // an app's own earlier filing
			return appGuidance(&c)
		}
	}
	if _, ok := recordKinds[c.Kind]; ok {
		return r.recordGuidance(&c)
	}
	return Guidance{Zh: c.MessageZh(), En: c.MessageEn()}
}

// recordKinds are the kinds of the conflicts of websites and subjects.
var recordKinds = map[conflict.Kind]struct{}{
	conflict.KindDomainSameProvince: {}, conflict.KindDomainOtherProvince: {}, conflict.KindDomainFiledByYou: {},
	conflict.KindSubjectFiled: {}, conflict.KindSubjectCertificateTaken: {}, conflict.KindSubjectNumberNotProven: {},
	conflict.KindResubmission: {}, conflict.KindPending: {},
}

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
	// stepSameNoNumber is step 2 of KindDomainSameProvince when the
	// blocking filing has no number yet.
	stepSameNoNumber = Text{
		"填写《" + FormCancellation + "》，写明注销原因，注明申请注销的网站备案（备案号：（尚无备案号））。",
		"Fill in the cancellation application (" + FormCancellation + "): state the reason and the website filing to cancel (no number yet).",
	}
)

// cancellationMaterials are the materials sent with FormCancellation.
var cancellationMaterials = [...]Text{matForm, matSeal, matPrincipal, matDomainCert}

func materials() []Text { return append([]Text(nil), cancellationMaterials[:]...) }

// provinceTexts are the sentences that name nothing but a province (its
// bureau or its names), built once per province.
type provinceTexts struct {
	p province.Province
	// KindDomainSameProvince, for the applicant's province: where to send
	// the form (step 4) and how long the bureau takes (step 5).
	sameSend, sameAnswer Text
	// KindDomainOtherProvince, for the blocking record's province: contact
	// that bureau (step 2) and send it what it asks for (step 3).
	otherContact, otherSend Text
	// KindSubjectFiled, for the blocking record's province: the lost
	// password (step 3).
	password Text
	// KindSubjectCertificateTaken, for the applicant's province: contact the
	// bureau (step 4) and, when the conflicting subject is in the same
	// province, apply for the cancellation (step 5).
	takenContact, takenCancel Text
	// The middles of the statements of the domain conflicts, for the
	// blocking record's province (between the domain and the number, or
	// the end): filed in this province / in another one, with a number or
	// not yet approved.
	sameFiled, sameUnder, otherFiled, otherUnder Text
}

// pendingLimit states a province's review limit in the renderer's table
// (lifecycle.ReviewOf): KindPending's step 3.
func (r *Renderer) pendingLimit(code string) Text {
	rv := lifecycle.ReviewOf(r.rules, code, r.now())
	n := strconv.Itoa(rv.Workdays)
	if rv.FromForm {
		return Text{"管局审核时限为自核验单送达之日起" + n + "个工作日；如需修改，请联系接入商。",
			"The bureau reviews within " + n + " working days from the arrival of the verification form (" + rv.Kind.RuleID() + "); for changes, contact the ISP (R-10)."}
	}
	return Text{"管局审核时限为" + n + "个工作日；如需修改，请联系接入商。",
		"The bureau reviews within " + n + " working days (" + rv.Kind.RuleID() + "); for changes, contact the ISP (R-10)."}
}

func newProvinceTexts(p province.Province) *provinceTexts {
	return &provinceTexts{
		p: p,
		sameSend: Text{
			"附域名注册证书复印件，将申请表和材料寄送（或传真）至" + p.Bureau + "，快递封面用黑色粗体标明“申请注销”。",
			"Add a copy of the domain certificate and send the form and materials to " + p.Bureau + " (the bureau of " + p.NameEn + "), marked 申请注销 on the envelope.",
		},
		sameAnswer: Text{
			p.Bureau + "收到材料后在5个工作日内处理（R-22）；原备案注销后，请重新提交本次备案。",
			"The bureau answers within 5 working days of receipt (R-22); once the old filing is cancelled, submit this filing again.",
		},
		otherContact: Text{
			"原备案为" + p.Name + "的备案：请与原备案所在地的" + p.Bureau + "联系，请其为您注销原备案。",
			"The filing is in " + p.NameEn + ": contact " + p.Bureau + " (the bureau where it was filed) and ask it to cancel the filing.",
		},
		otherSend: Text{
			"按" + p.Bureau + "的要求提交《" + FormCancellation + "》、主体资质证明（单位加盖公章）及域名注册证书复印件。",
			"Send what that bureau asks for: the cancellation application (" + FormCancellation + "), proof of the subject (sealed for an organisation) and a copy of the domain certificate.",
		},
		password: Text{
			"如忘记备案密码，可在备案系统“找回密码”，或向" + p.Bureau + "申请找回。",
			"If you lost the filing password, retrieve it in the filing system or through " + p.Bureau + " (R-58).",
		},
		takenContact: Text{
			"如确系未曾申请过备案，信息也填写无误，请联系" + p.Bureau + "进行处理，并按通信管理局要求提供相关证明材料。",
			"If you never filed and the data is right, contact " + p.Bureau + " and provide the proof it asks for.",
		},
		sameFiled: Text{"”已被本省（" + p.Name + "）其他主体备案（备案号：",
			" is filed by another subject in this province, " + p.NameEn + " (record "},
		sameUnder: Text{"”已在本省（" + p.Name + "）其他主体提交的备案申请中（尚未审核通过），本次备案无法提交。",
			" is in another subject's filing in this province, " + p.NameEn + ", not yet approved"},
		otherFiled: Text{"”已被" + p.Name + "的其他主体备案（备案号：",
			" is filed by another subject in " + p.NameEn + " (record "},
		otherUnder: Text{"”已在" + p.Name + "其他主体提交的备案申请中（尚未审核通过），本次备案无法提交。",
			" is in another subject's filing in " + p.NameEn + ", not yet approved"},
		takenCancel: Text{
			"冲突主体为本省主体的，可将《" + FormCancellation + "》加盖单位公章，连同营业执照（或组织机构代码证）复印件（个人提供身份证复印件）及域名注册证书寄送至" + p.Bureau + "申请注销。",
			"As the conflicting subject is in this province, the cancellation application (" + FormCancellation + ") with seal, licence (or ID) copy and domain certificate goes to " + p.Bureau + ".",
		},
	}
}

// byProvince holds the provinceTexts of every province of the table, by
// GB/T 2260 code; unknownProvince those of a code not in it.
var (
	byProvince = func() map[string]*provinceTexts {
		out := map[string]*provinceTexts{}
		for _, p := range province.All() {
			out[p.Code] = newProvinceTexts(p)
		}
		return out
	}()
	unknownProvince = newProvinceTexts(province.Province{})
)

func textsOf(code string) *provinceTexts {
	if t, ok := byProvince[code]; ok {
		return t
	}
	return unknownProvince
}

func orNone(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// recordGuidance renders the conflicts of websites and subjects (R-30,
//
func (r *Renderer) recordGuidance(c *conflict.Conflict) Guidance {
	mine, theirs := textsOf(c.Province), textsOf(c.Blocking.Province)
	their := &theirs.p
	var g Guidance
	u := c.Domain
	if strings.Contains(u, "xn--") {
		u = domain.DomainUnicode(u)
	}
	// num is the blocking record's number: the website's, else the
	// subject's.
	site, subj := c.Blocking.WebsiteNumber, c.Blocking.SubjectNumber
	num := orNone(site, subj)
	switch c.Kind {
	case conflict.KindDomainSameProvince:
		g.Bureau, g.Form, g.Materials = mine.p.Bureau, FormCancellation, materials()
		g.Steps = []Text{stepWhy, stepSameNoNumber, matSeal, mine.sameSend, mine.sameAnswer, stepR32}
		if num != "" {
			g.Zh = "域名“" + u + theirs.sameFiled.Zh + num + "），本次备案无法提交。"
			g.En = "domain " + c.Domain + theirs.sameFiled.En + num + ")"
			g.Steps[1] = Text{"填写《" + FormCancellation + "》，写明注销原因，注明申请注销的网站备案（备案号：" + num + "）。",
				"Fill in the cancellation application (" + FormCancellation + "): state the reason and the website filing to cancel (" + num + ")."}
		} else {
			g.Zh = "域名“" + u + theirs.sameUnder.Zh
			g.En = "domain " + c.Domain + theirs.sameUnder.En
		}
	case conflict.KindDomainOtherProvince:
		g.Bureau, g.Form, g.Materials = their.Bureau, FormCancellation, materials()
		if num != "" {
			g.Zh = "域名“" + u + theirs.otherFiled.Zh + num + "），本次备案无法提交。"
			g.En = "domain " + c.Domain + theirs.otherFiled.En + num + ")"
		} else {
			g.Zh = "域名“" + u + theirs.otherUnder.Zh
			g.En = "domain " + c.Domain + theirs.otherUnder.En
		}
		g.Steps = []Text{stepWhy, theirs.otherContact, theirs.otherSend,
			{"原备案注销后，请重新提交本次备案。", "Once the old filing is cancelled, submit this filing again."}, stepR32}
	case conflict.KindDomainFiledByYou:
		g.Bureau = their.Bureau
		g.Zh = "域名“" + u + "”已在您的主体下备案（网站备案号：" + site + "），不能作为新网站再次备案。"
		g.En = "domain " + c.Domain + " is already filed under your own website " + site + "; it cannot be filed as a new website"
		g.Steps = []Text{
			{"如需修改该网站的信息，请联系接入商办理网站备案变更（网站备案号：" + site + "），不要新增网站。",
				"To change the website's data, have your ISP file a change of website " + site + " instead of a new website (R-08, R-11)."},
			{"如该网站已不再使用、需要重新备案，请先通过接入商注销原网站备案，再提交新的备案。",
				"To file it afresh, have the ISP cancel the old website filing first, then submit the new filing."},
		}
	case conflict.KindSubjectFiled:
		g.Bureau = their.Bureau
		g.Zh = "该主办单位（证件类型和证件号码相同）已经备案，主体备案号：" + subj + "，请勿重复提交主体备案。"
		g.En = "a subject with this certificate and name is already filed as " + subj
		g.Steps = []Text{
			{"您以前已申请过备案（主体备案号：" + subj + "），请联系接入商在原主体下为您新增网站，不要重复提交。",
				"You filed before (subject " + subj + "): have your ISP add the website under the existing subject; do not file the subject again (R-15)."},
			{"新增网站的真实性核验单须在7个工作日内寄达管局，逾期不予审核（R-15、R-23）。",
				"The verification form of the added website must reach the bureau within 7 working days, or the website is not reviewed (R-15, R-23)."},
			theirs.password,
		}
	case conflict.KindSubjectCertificateTaken:
		g.Bureau = mine.p.Bureau
		g.Zh = "主办单位证件号码与已备案的主体重复（主体备案号：" + orNone(subj, "尚无备案号") + "，" + their.Name + "），存在主体信息冲突。"
		g.En = "the subject certificate is on file for another subject (" + orNone(subj, "no number yet") + ", " + their.NameEn + ")"
		g.Steps = []Text{
			{"请检查填写的主办单位证件类型和证件号码是否正确。", "Check the certificate type and number entered for the subject."},
			{"如填写错误，请更正后重新提交。", "If they are wrong, correct them and submit again."},
			{"如填写无误，请确认您以前是否申请过备案；如已有备案（主体备案号：" + orNone(subj, "—") + "），请联系接入商在原主体下添加网站，不要重复提交。",
				"If they are right, check whether you filed before; if you did (subject " + orNone(subj, "—") + "), have your ISP add the website under that subject instead of filing again."},
			mine.takenContact,
		}
		// A conflicting subject of the applicant's own province can be
		// cancelled with the form: one more step, and the materials.
		if c.Blocking.Province == c.Province {
			g.Form, g.Materials = FormCancellation, materials()
			g.Steps = append(g.Steps, mine.takenCancel)
		}
	case conflict.KindSubjectNumberNotProven:
		g.Bureau = their.Bureau
		g.Zh = "填写的主体备案号“" + subj + "”与填写的主办单位证件类型和证件号码不符：该备案号属于其他证件的主体，不能在其下备案或变更。"
		g.En = "subject number " + subj + " is on file for another certificate than the one the filing gives; the filing cannot be made under it"
		g.Steps = []Text{
			{"请核对主体备案号与主办单位证件类型、证件号码是否填写正确，三者须属于同一主体。",
				"Check the subject number, certificate type and certificate number: all three must be those of one subject (R-31)."},
			{"如主体备案号填写错误，请更正或留空（首次备案无主体备案号）后重新提交。",
				"If the number is wrong, correct it, or leave it empty for a first filing, and submit again."},
			{"如主办单位的证件已变更（如换发证件），请先通过接入商办理主体信息变更，再在该主体下备案。",
				"If the subject's certificate has changed (e.g. reissued), have the ISP file a change of the subject first, then file under it (R-08)."},
			{"如该备案号确属本单位而信息无误，请联系" + their.Bureau + "，并按通信管理局要求提供相关证明材料。",
				"If the number is yours and the data are right, contact " + their.Bureau + " with the proof it asks for."},
		}
	case conflict.KindResubmission:
		g.Bureau = their.Bureau
		if c.Domain != "" {
			g.Zh = "该网站（域名“" + u + "”）此前提交的备案已被管局退回，请勿作为新备案再次提交。"
			g.En = "the website with domain " + c.Domain + " was returned by the bureau; it must not be filed again as new (R-13)"
		} else {
			g.Zh = "该主体此前提交的备案已被管局退回，请勿再次提交新的备案。"
			g.En = "the subject's earlier filing was returned by the bureau; it must not be filed again as new (R-13)"
		}
		g.Steps = []Text{
			{"请使用用户名和密码登录备案系统，查看被退回的理由。", "Log in to the filing system and read the reason for the return."},
			{"如退回给您本人，请自行修改；如退回给接入商，请联系接入商为您修改不符合要求的信息。",
				"If it was returned to you, edit it yourself; if it was returned to the ISP, ask the ISP to edit it (R-12)."},
			{"修改后的备案信息将直接转到管局再次审核。系统具有冲突检测功能，重复提交的新备案会因信息重复而无法提交。",
				"The edited filing goes straight back to the bureau. A new filing of the same website is blocked by conflict detection (R-13)."},
		}
	case conflict.KindPending:
		g.Bureau = their.Bureau
		if c.Domain != "" {
			g.Zh = "该网站（域名“" + u + "”）已有备案申请正在审核中，请勿重复提交。"
			g.En = "a filing of the website with domain " + c.Domain + " is under review; do not file it again"
		} else {
			g.Zh = "该主体已有备案申请正在审核中，请勿重复提交。"
			g.En = "a filing of this subject is under review; do not file it again"
		}
		g.Steps = []Text{
			{"请登录备案系统查看备案进度，确认是否已到管局审核阶段。", "Check the filing's progress in the filing system."},
			{"如信息仍在接入商处、尚未提交管局，请督促接入商尽快核实提交。", "If it is still with the ISP, ask the ISP to verify and submit it (R-14)."},
			r.pendingLimit(c.Blocking.Province),
		}
	}
	return g
}

// appGuidance renders the conflicts of apps: the blocking app's kind
// and name, its number (or that it has none yet) and the filing's
// identifier.
func appGuidance(c *conflict.Conflict) Guidance {
	their := &textsOf(c.Blocking.Province).p
	b := &c.Blocking
	kind := b.AppKind
	shown := orNone(b.AppNumber, "审核中，尚无备案号")
	shownEn := orNone(b.AppNumber, "under review, no number yet")
	zhID, enID := "“"+c.Identifier+"”", c.Identifier
	if c.OnFile != "" {
		zhID += "（已备案为“" + c.OnFile + "”）"
		enID += " (on file as " + c.OnFile + ")"
	}
	var g Guidance
	switch c.Kind {
	case conflict.KindAppIdentifierTaken:
		g.Bureau = their.Bureau
		g.Zh = fmt.Sprintf("应用标识%s已由%s的其他主体在%s“%s”中备案（%s），同一应用标识不能在两个主体下备案", zhID, their.Name, kind.Zh(), b.AppName, shown)
		g.En = fmt.Sprintf("the identifier %s is on file for another subject's %s %q in %s (%s)", enID, kind.En(), b.AppName, their.Name, shownEn)
		g.Steps = []Text{
			{"请核对包名/Bundle ID是否填写正确，应与安装包中的一致（iOS Bundle ID不区分大小写）。",
				"Check the package name or Bundle ID: it must be the one in the package (Bundle IDs are case-insensitive)."},
			{"如该应用确属本主体，请联系" + their.Bureau + "，提供安装包、签名证书（公钥和签名值）及应用商店开发者账号等能证明应用归属的材料，由管局核实处理；系统不会自动解除冲突。",
				"If the app is yours, contact " + their.Bureau + " with proof of ownership (the package, the signing certificate's public key and fingerprint, the store developer account); the bureau decides, the system never resolves the conflict itself."},
			{"如应用已转让给本主体，请原主体先注销该应用的备案，再由本主体备案。",
				"If the app was transferred to you, the former subject cancels its filing of the app first."},
		}
	case conflict.KindAppFiledByYou:
		g.Zh = fmt.Sprintf("应用标识%s已在本主体的%s“%s”中备案（%s）；新增运行平台或修改应用信息请办理变更备案", zhID, kind.Zh(), b.AppName, shown)
		g.En = fmt.Sprintf("the identifier %s is already filed under your %s %q (%s): file a change of it", enID, kind.En(), b.AppName, shownEn)
		g.Steps = []Text{
			{"同一应用只备案一次，各运行平台在同一备案中填写。请通过原接入商对已备案的应用办理变更备案。",
				"An app is filed once with all its platforms: file a change of the filed app through its ISP."},
		}
	case conflict.KindResubmission, conflict.KindPending:
		g.Zh = fmt.Sprintf("应用标识%s已在本主体%s的%s“%s”中提交", zhID, b.Status.Zh(), kind.Zh(), b.AppName)
		g.En = fmt.Sprintf("the identifier %s is in your own %s %q, status %s", enID, kind.En(), b.AppName, b.Status.En())
		g.Steps = []Text{
			{"请修改原备案信息后重新提交，不要作为新应用再次备案。", "Edit and resubmit the earlier filing instead of filing the app again."},
		}
		if c.Kind == conflict.KindPending {
			g.Steps[0] = Text{"原备案正在审核中，请等待审核结果；如需修改，请联系接入商。", "The earlier filing is under review: wait for the result; for changes, contact the ISP."}
		}
	case conflict.KindAppNameTaken:
		g.Zh = fmt.Sprintf("%s名称“%s”已被其他主体的%s使用（%s，%s）", kind.Zh(), b.AppName, kind.Zh(), their.Name, shown)
		g.En = fmt.Sprintf("the name %q is used by another subject's %s (%s, %s)", b.AppName, kind.En(), their.Name, shownEn)
		g.Steps = []Text{
			{"接入商一般要求应用名称不得与其他应用重名；请核对名称，或使用能区分本应用的名称。",
				"ISPs require an app name that is not another app's: check the name or choose one that tells the app apart."},
		}
	}
	return g
}

// contactGuidance renders KindContactTaken by the kind of contact.
func contactGuidance(c *conflict.Conflict) Guidance {
	switch c.Contact {
	case conflict.KeyMobile:
		return Guidance{
			Zh: "该负责人手机号码已被其他主体的负责人使用，不能用于本主体备案",
			En: "the principal's mobile number is on file for another subject's principal",
			Steps: []Text{
				{Zh: "请填写负责人本人实名登记、本人使用的手机号码；管局核查时会拨打电话核实", En: "give the principal's own mobile number, registered in their name; the bureau's audit calls the numbers"},
				{Zh: "如确为同一人同时担任两个主体的负责人，请联系接入商人工核实", En: "if the same person is principal of both subjects, ask the ISP to verify by hand"},
			},
		}
	case conflict.KeyEmail:
		return Guidance{
			Zh: "该负责人电子邮箱已被其他主体的负责人使用，不能用于本主体备案",
			En: "the principal's e-mail address is on file for another subject's principal",
			Steps: []Text{
				{Zh: "请填写负责人本人使用的电子邮箱", En: "give the principal's own e-mail address"},
				{Zh: "如确为同一人同时担任两个主体的负责人，请联系接入商人工核实", En: "if the same person is principal of both subjects, ask the ISP to verify by hand"},
			},
		}
	}
	return Guidance{Zh: c.MessageZh(), En: c.MessageEn()}
}
