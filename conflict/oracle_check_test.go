package conflict

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/beiankit/beian/filing"
)

// The former Check, with its eager guidance: the oracle of the renderer in
// package conflict/guidance (see oracle_describe_test.go). It finds the
// conflicts as Check does (prepareFiling, check, the apps' and contacts'
// loops, copied) and describes them with the former builders, kept
// verbatim: oracleDescribe, oracleAppConflict, oracleContactConflict.

// oracleCheck is Check as it was, with the texts built in.
func (ix *Index) oracleCheck(f *filing.Filing, opts ...CheckOption) ([]oracleConflict, error) {
	var o checkOptions
	if len(opts) > 0 {
		o = applyCheckOptions(opts)
	}
	// Room on the stack for the websites and domains of a typical filing:
	// prepareFiling uses it instead of allocating.
	var (
		in       checkInput
		siteRoom [4]checkSite
		domRoom  [8]checkDomain
	)
	ws, err := ix.prepareFiling(f, &in, checkWebsites{sites: siteRoom[:0], doms: domRoom[:0]})
	var apps []checkApp
	if f != nil && len(f.Apps) > 0 {
		var appErr error
		apps, appErr = ix.prepareCheckApps(f, nil) // app_check.go
		err = joinProblems(err, appErr)
	}
	if err != nil {
		return nil, err
	}
	// Room for the hits of a typical filing on the stack: check appends to
	// it and describe copies out what the conflicts need.
	var room [4]hit
	var appConflicts []oracleConflict
	ix.mu.RLock()
	found, err := ix.check(&in, &ws, &o, room[:0])
	if err == nil && len(apps) > 0 {
		appConflicts, err = ix.oracleCheckApps(&in, apps, &o)
	}
	ix.mu.RUnlock()
	if err != nil || len(found)+len(appConflicts) == 0 {
		return nil, err
	}
	if len(found) == 0 {
		return appConflicts, nil
	}
	return append(ix.oracleDescribe(&in, found), appConflicts...), nil
}

// oracleCheckApps is checkApps as it was.
func (ix *Index) oracleCheckApps(in *checkInput, apps []checkApp, o *checkOptions) ([]oracleConflict, error) {
	t := &ix.apps
	own := in.own
	var probs problemList
	var out []oracleConflict
	for i := range apps {
		ca := &apps[i]
		change := false // the filing changes an own app on file
		if ca.number != "" {
			switch {
			case ix.hasApp(own, ca.number):
				change = true
			case ix.hasApp(in.unproven, ca.number):
				// Another subject's app, claimed with its subject:
				// checked as new.
			default:
				probs = append(probs, problem(CodeNumberUnknown, "R-75", "apps["+strconv.Itoa(i)+"].number", "应用备案号",
					fmt.Sprintf("应用备案号“%s”不存在或不属于本主体，请核对", ca.number),
					fmt.Sprintf("app number %s is not on file under the filing's subject", ca.number)))
				continue
			}
		}
		for _, x := range ca.ids {
			for e := t.ids.first(x.h); e != none; e = t.ids.next[e] {
				a := t.idApp[e]
				v := t.view(a, false)
				match, onFile := false, ""
				t.identifiers(&v, func(_ byte, id uint32, b []byte) bool {
					if id == e {
						if match = asciiFoldEqual(b, x.key); match && string(b) != x.id {
							onFile = string(b)
						}
						return false
					}
					return true
				})
				if !match {
					continue
				}
				var k Kind
				if v.subject == own {
					switch {
					case change:
						continue // a change: own apps never block it
					case o.resubmit && (rejected(v.status) || pending(v.status)):
						continue
					case rejected(v.status):
						k = KindResubmission
					case pending(v.status):
						k = KindPending
					default:
						k = KindAppFiledByYou
					}
				} else {
					k = KindAppIdentifierTaken
				}
				out = ix.oracleAppConflict(out, in, k, appIDPath(i, x.platform), x.id, onFile, a)
			}
		}
		if !ca.named {
			continue
		}
		key := ""
		for a := t.name.first(ca.hName); a != none; a = t.name.next[a] {
			v := t.view(a, false)
			if v.subject == own || rejected(v.status) {
				continue
			}
			if key == "" {
				key = AppNameKey(ca.name)
			}
			if AppNameKey(string(t.nameBytes(a))) != key {
				continue
			}
			out = ix.oracleAppConflict(out, in, KindAppNameTaken, "apps["+strconv.Itoa(i)+"].name", "", "", a)
		}
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// appConflict appends the oracleConflict of app a (blocking) found for a field
// of the filing.
// appConflict appends the conflict of kind k with the app a on file. id is
// the filing's identifier as given (case kept), onFile the one on file when
// it is spelt otherwise (another letter case), or "".
func (ix *Index) oracleAppConflict(out []oracleConflict, in *checkInput, k Kind, path, id, onFile string, a uint32) []oracleConflict {
	t := &ix.apps
	v := t.view(a, true)
	sv := viewSubject(ix.subj[v.subject])
	their := &provinceList[sv.province]
	num := strings.Clone(v.number(sv.number))
	c := oracleConflict{
		Kind: k, Rule: k.Rule(), Path: path,
		Blocking: Blocking{
			SubjectNumber: strings.Clone(sv.number), AppNumber: num,
			Province: their.Code, Status: statusNames[v.status],
		},
		ProvinceName: their.Name,
	}
	for _, x := range out {
		if x.Kind == c.Kind && x.Path == c.Path && x.Blocking == c.Blocking {
			return out
		}
	}
	kind := appKinds[v.kind]
	shown := num
	if shown == "" {
		shown = "审核中，尚无备案号"
	}
	shownEn := num
	if shownEn == "" {
		shownEn = "under review, no number yet"
	}
	zhID, enID := "“"+id+"”", id
	if onFile != "" {
		zhID += "（已备案为“" + onFile + "”）"
		enID += " (on file as " + onFile + ")"
	}
	switch k {
	case KindAppIdentifierTaken:
		c.Bureau = their.Bureau
		c.Zh = fmt.Sprintf("应用标识%s已由%s的其他主体在%s“%s”中备案（%s），同一应用标识不能在两个主体下备案", zhID, their.Name, kind.Zh(), v.name, shown)
		c.En = fmt.Sprintf("the identifier %s is on file for another subject's %s %q in %s (%s)", enID, kind.En(), v.name, their.Name, shownEn)
		c.Steps = []oracleText{
			{"请核对包名/Bundle ID是否填写正确，应与安装包中的一致（iOS Bundle ID不区分大小写）。",
				"Check the package name or Bundle ID: it must be the one in the package (Bundle IDs are case-insensitive)."},
			{"如该应用确属本主体，请联系" + their.Bureau + "，提供安装包、签名证书（公钥和签名值）及应用商店开发者账号等能证明应用归属的材料，由管局核实处理；系统不会自动解除冲突。",
				"If the app is yours, contact " + their.Bureau + " with proof of ownership (the package, the signing certificate's public key and fingerprint, the store developer account); the bureau decides, the system never resolves the conflict itself."},
			{"如应用已转让给本主体，请原主体先注销该应用的备案，再由本主体备案。",
				"If the app was transferred to you, the former subject cancels its filing of the app first."},
		}
	case KindAppFiledByYou:
		c.Zh = fmt.Sprintf("应用标识%s已在本主体的%s“%s”中备案（%s）；新增运行平台或修改应用信息请办理变更备案", zhID, kind.Zh(), v.name, shown)
		c.En = fmt.Sprintf("the identifier %s is already filed under your %s %q (%s): file a change of it", enID, kind.En(), v.name, shownEn)
		c.Steps = []oracleText{
			{"同一应用只备案一次，各运行平台在同一备案中填写。请通过原接入商对已备案的应用办理变更备案。",
				"An app is filed once with all its platforms: file a change of the filed app through its ISP."},
		}
	case KindResubmission, KindPending:
		c.Zh = fmt.Sprintf("应用标识%s已在本主体%s的%s“%s”中提交", zhID, statusNames[v.status].Zh(), kind.Zh(), v.name)
		c.En = fmt.Sprintf("the identifier %s is in your own %s %q, status %s", enID, kind.En(), v.name, statusNames[v.status].En())
		c.Steps = []oracleText{
			{"请修改原备案信息后重新提交，不要作为新应用再次备案。", "Edit and resubmit the earlier filing instead of filing the app again."},
		}
		if k == KindPending {
			c.Steps[0] = oracleText{"原备案正在审核中，请等待审核结果；如需修改，请联系接入商。", "The earlier filing is under review: wait for the result; for changes, contact the ISP."}
		}
	case KindAppNameTaken:
		c.Zh = fmt.Sprintf("%s名称“%s”已被其他主体的%s使用（%s，%s）", kind.Zh(), v.name, kind.Zh(), their.Name, shown)
		c.En = fmt.Sprintf("the name %q is used by another subject's %s (%s, %s)", v.name, kind.En(), their.Name, shownEn)
		c.Steps = []oracleText{
			{"接入商一般要求应用名称不得与其他应用重名；请核对名称，或使用能区分本应用的名称。",
				"ISPs require an app name that is not another app's: check the name or choose one that tells the app apart."},
		}
	}
	return append(out, c)
}

// oracleCheck is Contacts.Check as it was.
func (c *Contacts) oracleCheck(f *filing.Filing) []oracleConflict {
	var buf [8]contact
	cs := contactsOf(buf[:0], nil, f)
	var hs [8]uint64
	hv := hs[:0]
	var ps [8]bool
	pass := ps[:0] // the filter lets the contact through
	flt, maybe := c.filter.Load(), false
	for _, x := range cs {
		h := c.hash(x)
		hv = append(hv, h)
		p := flt.mayHold(h)
		pass = append(pass, p)
		maybe = maybe || p
	}
	if !maybe { // the common case: no lock taken
		return nil
	}
	var out []oracleConflict
	var ownType, ownCert string // the filing's subject, computed on the first hit
	ownDone := false
	var seen []uint64
	c.mu.RLock()
	defer c.mu.RUnlock()
	for i, x := range cs {
		if !pass[i] {
			continue
		}
		es := c.byHash[hv[i]]
		if len(es) == 0 {
			continue
		}
		chk := c.checkHash(x)
		if slices.Contains(seen, chk) {
			continue
		}
		seen = append(seen, chk)
		for _, e := range es {
			if e.check != chk || e.key.Kind != x.kind {
				continue
			}
			if !ownDone {
				ownType, ownCert, ownDone = string(f.Subject.CertType), certKey(f.Subject.CertType, f.Subject.CertNumber.Raw()), true
			}
			if !isSubject(e.h.subject, ownType, ownCert) {
				out = append(out, oracleContactConflict(x.kind, x.path(f), e.h))
			}
		}
	}
	return out
}

// Texts of the contact conflicts, by key kind.
var oracleContactTexts = map[KeyKind]struct {
	zh, en string
	steps  []oracleText
}{
	KeyMobile: {"该负责人手机号码已被其他主体的负责人使用，不能用于本主体备案",
		"the principal's mobile number is on file for another subject's principal", []oracleText{
			{Zh: "请填写负责人本人实名登记、本人使用的手机号码；管局核查时会拨打电话核实", En: "give the principal's own mobile number, registered in their name; the bureau's audit calls the numbers"},
			{Zh: "如确为同一人同时担任两个主体的负责人，请联系接入商人工核实", En: "if the same person is principal of both subjects, ask the ISP to verify by hand"},
		}},
	KeyEmail: {"该负责人电子邮箱已被其他主体的负责人使用，不能用于本主体备案",
		"the principal's e-mail address is on file for another subject's principal", []oracleText{
			{Zh: "请填写负责人本人使用的电子邮箱", En: "give the principal's own e-mail address"},
			{Zh: "如确为同一人同时担任两个主体的负责人，请联系接入商人工核实", En: "if the same person is principal of both subjects, ask the ISP to verify by hand"},
		}},
}

func oracleContactConflict(kind KeyKind, path string, o contactHolder) oracleConflict {
	t := oracleContactTexts[kind]
	c := oracleConflict{Kind: KindContactTaken, Rule: "R-94", Path: path,
		Blocking: Blocking{SubjectNumber: o.number, Province: o.province, Status: filing.StatusApproved},
		Zh:       t.zh, En: t.en, Steps: slices.Clip(t.steps),
	}
	c.ProvinceName = o.provinceName
	if o.number == "" {
		c.Blocking.Status = filing.StatusBureauReview
	}
	return c
}

// agreeWithOracle fails unless Check's answer (cs, err) for f carries the
// data the former Check gave: the same error, or the same conflicts in the
// same order with the same kind, rule, path, domain and blocking record
// (AppKind and AppName are new). The texts are compared in
// guidance_oracle_test.go, where package conflict/guidance can be
// imported.
func agreeWithOracle(t testing.TB, ix *Index, f *filing.Filing, cs []Conflict, err error, opts ...CheckOption) {
	t.Helper()
	want, werr := ix.oracleCheck(f, opts...)
	if (err == nil) != (werr == nil) || err != nil && err.Error() != werr.Error() {
		t.Fatalf("error %v, the former Check: %v", err, werr)
	}
	if len(cs) != len(want) {
		t.Fatalf("%d conflicts, the former Check: %d", len(cs), len(want))
	}
	for i := range cs {
		c, o := cs[i], want[i]
		b := c.Blocking
		b.AppKind, b.AppName = "", ""
		if c.Kind != o.Kind || c.Rule() != o.Rule || c.Blocking.ProvinceName() != o.ProvinceName || c.Path != o.Path || c.Domain != o.Domain || b != o.Blocking {
			t.Fatalf("conflict %d: %+v, the former Check: %+v", i, c, o)
		}
	}
}
