package conflict

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/beiankit/beian/filing/domain"
)

// guidanceHits returns hits of every kind for an applicant of every
// province against records of every province, with and without record
// numbers, for ASCII and IDN domains and for subject hits.
func guidanceHits() []hit {
	kinds := []Kind{KindDomainSameProvince, KindDomainOtherProvince, KindDomainFiledByYou, KindSubjectFiled,
		KindSubjectCertificateTaken, KindResubmission, KindPending}
	nums := [][2]string{{"黔ICP备1500041X号", "黔ICP备1500041X号-2"}, {"京ICP备2021033841号", ""}, {"", ""}}
	where := []struct {
		site, idx int
		reg       string
	}{{0, 0, "example.com"}, {2, 7, "example.cn"}, {3, 120, "xn--fsqu00a.xn--fiqs8s"}, {4, 0, "example.net"}, {-1, 0, ""}}
	var hits []hit
	for _, k := range kinds {
		for p := range provinceList {
			for _, n := range nums {
				for _, w := range where {
					hits = append(hits, hit{kind: k, site: w.site, idx: w.idx, reg: w.reg, subjNum: n[0], siteNum: n[1],
						province: byte(p), status: byte(p % int(stDeleted+1))})
				}
			}
		}
	}
	return hits
}

// TestDescribeMatchesReference: the guidance texts built from byProvince and
// msg are those that describeReference (the sf-based builder they replace)
// gives, field by field, for every kind and every pair of provinces.
func TestDescribeMatchesReference(t *testing.T) {
	ix := New()
	hits := guidanceHits()
	for mine := range provinceList {
		in := &checkInput{province: byte(mine)}
		got := ix.describe(in, hits)
		want := describeReference(in, hits)
		if len(got) != len(want) {
			t.Fatalf("province %d: %d conflicts, want %d", mine, len(got), len(want))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("province %s, hit %+v:\n got %#v\nwant %#v", provinceList[mine].Code, hits[i], got[i], want[i])
			}
		}
	}
	// One hit at a time and several at once give the same conflicts.
	in := &checkInput{province: 5}
	all := ix.describe(in, hits[:40])
	for i := range 40 {
		if one := ix.describe(in, hits[i:i+1]); !reflect.DeepEqual(one[0], all[i]) {
			t.Fatalf("hit %d alone: %#v, in a batch: %#v", i, one[0], all[i])
		}
	}
}

// TestDescribeSplitWebsiteNumber: a hit that carries the blocking website's
// number in two parts (subject number and suffix, as check reads it from
// the index without concatenating) gives the conflict of the hit with the
// whole number.
func TestDescribeSplitWebsiteNumber(t *testing.T) {
	ix := New()
	split := 0
	for _, h := range guidanceHits() {
		if h.siteNum == "" || !strings.HasPrefix(h.siteNum, h.subjNum) || h.subjNum == "" {
			continue
		}
		s := h
		s.siteNum, s.siteSuf = h.subjNum, h.siteNum[len(h.subjNum):]
		split++
		for _, mine := range []byte{0, h.province} {
			in := &checkInput{province: mine}
			got, want := ix.describe(in, []hit{s}), describeReference(in, []hit{h})
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("hit %+v:\n got %#v\nwant %#v", s, got[0], want[0])
			}
		}
	}
	if split == 0 {
		t.Fatal("no hit with a website number under its subject number")
	}
}

// TestDescribeResultsIndependent: conflicts share the per-province texts
// but never a slice: appending a step to one conflict does not touch its
// materials, nor another conflict.
func TestDescribeResultsIndependent(t *testing.T) {
	ix := New()
	in := &checkInput{province: 0}
	h := hit{kind: KindSubjectCertificateTaken, site: -1, subjNum: "京ICP备2021033841号", province: 0}
	a := ix.describe(in, []hit{h, h})
	want := describeReference(in, []hit{h})[0]
	a[0].Steps = append(a[0].Steps, Text{"x", "x"})
	a[0].Materials[0].Zh = "changed"
	if !reflect.DeepEqual(a[1], want) {
		t.Fatalf("second conflict changed: %#v", a[1])
	}
	if a[0].Materials[1] != want.Materials[1] || len(a[0].Materials) != len(want.Materials) {
		t.Fatalf("materials overwritten by the appended step: %#v", a[0].Materials)
	}
	// Appending to the materials of one conflict leaves the next one's
	// steps alone (they may share an allocation).
	a = ix.describe(in, []hit{h, h})
	a[0].Materials = append(a[0].Materials, Text{"y", "y"})
	if !reflect.DeepEqual(a[1], want) {
		t.Fatalf("second conflict changed by an appended material: %#v", a[1])
	}
	if b := ix.describe(in, []hit{h}); !reflect.DeepEqual(b[0], want) {
		t.Fatalf("later conflict changed: %#v", b[0])
	}
}

// TestDescribeConcurrent: describe reads only tables built at init, so
// concurrent calls (run with -race) give the reference texts.
func TestDescribeConcurrent(t *testing.T) {
	ix := New()
	hits := guidanceHits()
	in := &checkInput{province: 21}
	want := describeReference(in, hits)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := g; i < len(hits); i += 4 {
				if got := ix.describe(in, hits[i:i+1]); !reflect.DeepEqual(got[0], want[i]) {
					t.Errorf("hit %d: %#v", i, got[0])
					return
				}
			}
		}()
	}
	wg.Wait()
}

func refMaterials() []Text {
	return []Text{matForm, matSeal, matPrincipal, matDomainCert}
}

// describeReference is describe as it was before the guidance texts came
// from per-province tables and one string per conflict (kept verbatim, with
// its fmt-like sf): the oracle that TestDescribeMatchesReference compares
// describe with. A guidance text changed on purpose is changed here too.
func describeReference(in *checkInput, hits []hit) []Conflict {
	out := make([]Conflict, 0, len(hits))
	mine := provinceList[in.province]
	for _, h := range hits {
		their := provinceList[h.province]
		c := Conflict{
			Kind: h.kind, Rule: h.kind.Rule(), Path: h.refPath(), Domain: h.reg,
			Blocking: Blocking{
				SubjectNumber: h.subjNum, WebsiteNumber: h.siteNum,
				Province: their.Code, ProvinceName: their.Name, Status: statusNames[h.status],
			},
		}
		u := h.reg
		if strings.Contains(u, "xn--") {
			u = domain.DomainUnicode(u)
		}
		num := h.siteNum
		if num == "" {
			num = h.subjNum
		}
		switch h.kind {
		case KindDomainSameProvince:
			c.Bureau, c.Form, c.Materials = mine.Bureau, FormCancellation, refMaterials()
			if num != "" {
				c.Zh = refSf("域名“%s”已被本省（%s）其他主体备案（备案号：%s），本次备案无法提交。", u, their.Name, num)
				c.En = refSf("domain %s is filed by another subject in this province, %s (record %s)", h.reg, their.NameEn, num)
			} else {
				num = "（尚无备案号）"
				c.Zh = refSf("域名“%s”已在本省（%s）其他主体提交的备案申请中（尚未审核通过），本次备案无法提交。", u, their.Name)
				c.En = refSf("domain %s is in another subject's filing in this province, %s, not yet approved", h.reg, their.NameEn)
			}
			c.Steps = []Text{
				stepWhy,
				{refSf("填写《%s》，写明注销原因，注明申请注销的网站备案（备案号：%s）。", FormCancellation, num),
					refSf("Fill in the cancellation application (%s): state the reason and the website filing to cancel (%s).", FormCancellation, refOrNone(refOrNone(h.siteNum, h.subjNum), "no number yet"))},
				matSeal,
				{refSf("附域名注册证书复印件，将申请表和材料寄送（或传真）至%s，快递封面用黑色粗体标明“申请注销”。", mine.Bureau),
					refSf("Add a copy of the domain certificate and send the form and materials to %s (the bureau of %s), marked 申请注销 on the envelope.", mine.Bureau, mine.NameEn)},
				{refSf("%s收到材料后在5个工作日内处理（R-22）；原备案注销后，请重新提交本次备案。", mine.Bureau),
					"The bureau answers within 5 working days of receipt (R-22); once the old filing is cancelled, submit this filing again."},
				stepR32,
			}
		case KindDomainOtherProvince:
			c.Bureau, c.Form, c.Materials = their.Bureau, FormCancellation, refMaterials()
			if num != "" {
				c.Zh = refSf("域名“%s”已被%s的其他主体备案（备案号：%s），本次备案无法提交。", u, their.Name, num)
				c.En = refSf("domain %s is filed by another subject in %s (record %s)", h.reg, their.NameEn, num)
			} else {
				c.Zh = refSf("域名“%s”已在%s其他主体提交的备案申请中（尚未审核通过），本次备案无法提交。", u, their.Name)
				c.En = refSf("domain %s is in another subject's filing in %s, not yet approved", h.reg, their.NameEn)
			}
			c.Steps = []Text{
				stepWhy,
				{refSf("原备案为%s的备案：请与原备案所在地的%s联系，请其为您注销原备案。", their.Name, their.Bureau),
					refSf("The filing is in %s: contact %s (the bureau where it was filed) and ask it to cancel the filing.", their.NameEn, their.Bureau)},
				{refSf("按%s的要求提交《%s》、主体资质证明（单位加盖公章）及域名注册证书复印件。", their.Bureau, FormCancellation),
					refSf("Send what that bureau asks for: the cancellation application (%s), proof of the subject (sealed for an organisation) and a copy of the domain certificate.", FormCancellation)},
				{"原备案注销后，请重新提交本次备案。", "Once the old filing is cancelled, submit this filing again."},
				stepR32,
			}
		case KindDomainFiledByYou:
			c.Bureau = their.Bureau
			c.Zh = refSf("域名“%s”已在您的主体下备案（网站备案号：%s），不能作为新网站再次备案。", u, h.siteNum)
			c.En = refSf("domain %s is already filed under your own website %s; it cannot be filed as a new website", h.reg, h.siteNum)
			c.Steps = []Text{
				{refSf("如需修改该网站的信息，请联系接入商办理网站备案变更（网站备案号：%s），不要新增网站。", h.siteNum),
					refSf("To change the website's data, have your ISP file a change of website %s instead of a new website (R-08, R-11).", h.siteNum)},
				{"如该网站已不再使用、需要重新备案，请先通过接入商注销原网站备案，再提交新的备案。",
					"To file it afresh, have the ISP cancel the old website filing first, then submit the new filing."},
			}
		case KindSubjectFiled:
			c.Bureau = their.Bureau
			c.Zh = refSf("该主办单位（证件类型和证件号码相同）已经备案，主体备案号：%s，请勿重复提交主体备案。", h.subjNum)
			c.En = refSf("a subject with this certificate and name is already filed as %s", h.subjNum)
			c.Steps = []Text{
				{refSf("您以前已申请过备案（主体备案号：%s），请联系接入商在原主体下为您新增网站，不要重复提交。", h.subjNum),
					refSf("You filed before (subject %s): have your ISP add the website under the existing subject; do not file the subject again (R-15).", h.subjNum)},
				{"新增网站的真实性核验单须在7个工作日内寄达管局，逾期不予审核（R-15、R-23）。",
					"The verification form of the added website must reach the bureau within 7 working days, or the website is not reviewed (R-15, R-23)."},
				{refSf("如忘记备案密码，可在备案系统“找回密码”，或向%s申请找回。", their.Bureau),
					refSf("If you lost the filing password, retrieve it in the filing system or through %s (R-58).", their.Bureau)},
			}
		case KindSubjectCertificateTaken:
			c.Bureau = mine.Bureau
			c.Zh = refSf("主办单位证件号码与已备案的主体重复（主体备案号：%s，%s），存在主体信息冲突。", refOrNone(h.subjNum, "尚无备案号"), their.Name)
			c.En = refSf("the subject certificate is on file for another subject (%s, %s)", refOrNone(h.subjNum, "no number yet"), their.NameEn)
			c.Steps = []Text{
				{"请检查填写的主办单位证件类型和证件号码是否正确。", "Check the certificate type and number entered for the subject."},
				{"如填写错误，请更正后重新提交。", "If they are wrong, correct them and submit again."},
				{refSf("如填写无误，请确认您以前是否申请过备案；如已有备案（主体备案号：%s），请联系接入商在原主体下添加网站，不要重复提交。", refOrNone(h.subjNum, "—")),
					refSf("If they are right, check whether you filed before; if you did (subject %s), have your ISP add the website under that subject instead of filing again.", refOrNone(h.subjNum, "—"))},
				{refSf("如确系未曾申请过备案，信息也填写无误，请联系%s进行处理，并按通信管理局要求提供相关证明材料。", mine.Bureau),
					refSf("If you never filed and the data is right, contact %s and provide the proof it asks for.", mine.Bureau)},
			}
			if h.province == in.province {
				c.Form, c.Materials = FormCancellation, refMaterials()
				c.Steps = append(c.Steps, Text{
					refSf("冲突主体为本省主体的，可将《%s》加盖单位公章，连同营业执照（或组织机构代码证）复印件（个人提供身份证复印件）及域名注册证书寄送至%s申请注销。", FormCancellation, mine.Bureau),
					refSf("As the conflicting subject is in this province, the cancellation application (%s) with seal, licence (or ID) copy and domain certificate goes to %s.", FormCancellation, mine.Bureau),
				})
			}
		case KindResubmission:
			c.Bureau = their.Bureau
			if h.reg != "" {
				c.Zh = refSf("该网站（域名“%s”）此前提交的备案已被管局退回，请勿作为新备案再次提交。", u)
				c.En = refSf("the website with domain %s was returned by the bureau; it must not be filed again as new (R-13)", h.reg)
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
				c.Zh = refSf("该网站（域名“%s”）已有备案申请正在审核中，请勿重复提交。", u)
				c.En = refSf("a filing of the website with domain %s is under review; do not file it again", h.reg)
			} else {
				c.Zh = "该主体已有备案申请正在审核中，请勿重复提交。"
				c.En = "a filing of this subject is under review; do not file it again"
			}
			c.Steps = []Text{
				{"请登录备案系统查看备案进度，确认是否已到管局审核阶段。", "Check the filing's progress in the filing system."},
				{"如信息仍在接入商处、尚未提交管局，请督促接入商尽快核实提交。", "If it is still with the ISP, ask the ISP to verify and submit it (R-14)."},
				refPendingLimit(their.Code),
			}
		}
		out = append(out, c)
	}
	return out
}

// refPendingLimit is the review limit of the blocking record's province:
// R-21 in Jiangxi (36), R-20 elsewhere.
func refPendingLimit(province string) Text {
	if province == "36" {
		return Text{"管局审核时限为自核验单送达之日起15个工作日；如需修改，请联系接入商。",
			"The bureau reviews within 15 working days from the arrival of the verification form (R-21); for changes, contact the ISP (R-10)."}
	}
	return Text{"管局审核时限为20个工作日；如需修改，请联系接入商。", "The bureau reviews within 20 working days (R-20); for changes, contact the ISP (R-10)."}
}

func refOrNone(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// sf fills each "%s" of format with the next argument: fmt.Sprintf for
// strings only, without reflection (the messages are built on every
// conflict).
func refSf(format string, args ...string) string {
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

// refPath is the Path of a hit as the hit used to carry it.
func (h *hit) refPath() string {
	if h.site < 0 {
		return "subject.cert_number"
	}
	return domainPath(h.site, h.idx)
}
