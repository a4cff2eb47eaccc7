package forms

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/domain"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
)

// codesAt returns the codes of the problems of err, as "path=code".
func problemsOf(t *testing.T, err error) []*filing.Problem {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *filing.ValidationError
	require.ErrorAs(t, err, &ve)
	for _, p := range ve.Problems {
		assert.NotEmpty(t, p.Code, "problem without a code: %+v", p)
		assert.NotEmpty(t, p.Zh, "problem without a Chinese message: %+v", p)
		assert.NotEmpty(t, p.En, "problem without an English message: %+v", p)
	}
	return ve.Problems
}

func hasProblem(ps []*filing.Problem, path string, code filing.Code) bool {
	return slices.ContainsFunc(ps, func(p *filing.Problem) bool { return p.Path == path && p.Code == code })
}

func TestValidFixturesPass(t *testing.T) {
	for name, a := range map[string]*Application{
		"retrieval":    individualRetrieval(),
		"cancellation": orgCancellation(),
		"deletion":     orgDeletion(),
		"holder":       holderCancellation(),
	} {
		if err := a.Check(now); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestR55_EveryRequiredFieldMissing(t *testing.T) {
	a := &Application{Kind: KindCancellation, Target: TargetSubject, Approved: true}
	ps := problemsOf(t, a.Check(now))
	for _, path := range []string{"applicant_name", "applicant_mobile", "date", "record_number", "domain",
		"sponsor_name", "contact_name", "contact_landline", "contact_email", "reason"} {
		if !hasProblem(ps, path, CodeRequired) {
			t.Errorf("no form.required at %s", path)
		}
		if Label(path) == "" {
			t.Errorf("no label for %s", path)
		}
	}
	if !hasProblem(ps, "domain_certificate", CodeMissingDomainCert) {
		t.Error("missing domain certificate not reported")
	}
	for _, p := range ps {
		if p.Path != "" && p.Label == "" && !strings.HasPrefix(p.Path, "enclosed") {
			t.Errorf("problem at %s has no label", p.Path)
		}
	}
}

func TestR55_WhitespaceOnlyIsMissing(t *testing.T) {
	a := individualRetrieval()
	a.ApplicantName = " \u3000 "
	a.Reason = "\n\t  \u3000\n"
	a.ContactEmail = "  "
	ps := problemsOf(t, a.Check(now))
	for _, path := range []string{"applicant_name", "reason", "contact_email"} {
		if !hasProblem(ps, path, CodeRequired) {
			t.Errorf("%s: whitespace not reported as missing: %v", path, ps)
		}
	}
}

func TestR55_BadInput(t *testing.T) {
	cases := []struct {
		name string
		edit func(a *Application)
		path string
		code filing.Code // "" = any problem at path
	}{
		{"mobile too short", func(a *Application) { a.ApplicantMobile = "1381234567" }, "applicant_mobile", ""},
		{"mobile unallocated segment", func(a *Application) { a.ApplicantMobile = "12012345678" }, "applicant_mobile", ""},
		{"mobile is a landline", func(a *Application) { a.ApplicantMobile = "0371-65795120" }, "applicant_mobile", ""},
		{"landline garbage", func(a *Application) { a.ContactLandline = "12345" }, "contact_landline", ""},
		{"email without @", func(a *Application) { a.ContactEmail = "zhangsan.example.com" }, "contact_email", contact.CodeEmailAt},
		{"date in the future", func(a *Application) { a.Date = NewDate(2026, time.March, 3) }, "date", CodeDateFuture},
		{"date before 2005", func(a *Application) { a.Date = NewDate(1999, time.March, 3) }, "date", CodeDateTooOld},
		{"domain is a URL", func(a *Application) { a.Domain = "http://zhangsan.com/" }, "domain", domain.CodeDomainURL},
		{"domain is an IP", func(a *Application) { a.Domain = "1.2.3.4" }, "domain", domain.CodeDomainIPLiteral},
		{"record number garbage", func(a *Application) { a.RecordNumber = "备案号不记得了" }, "record_number", CodeRecordNumber},
		{"name is digits", func(a *Application) { a.ApplicantName = "12345" }, "applicant_name", CodeNameInvalid},
		{"name too long", func(a *Application) { a.ContactName = strings.Repeat("张", MaxNameLen+1) }, "contact_name", CodeTooLong},
		{"reason megabytes", func(a *Application) { a.Reason = strings.Repeat("网站停止运营", 1<<18) }, "reason", CodeTooLong},
		{"control characters", func(a *Application) { a.SponsorName = "张\x00三" }, "sponsor_name", CodeControlChars},
		{"bidi override", func(a *Application) { a.SponsorName = "张\u202e三" }, "sponsor_name", CodeControlChars},
		{"invalid utf-8", func(a *Application) { a.ContactName = "张\xff三" }, "contact_name", CodeControlChars},
		{"script in reason", func(a *Application) {
			a.Reason = "<script>alert(1)</script>联系人邮箱已停用，手机号码也已更换"
		}, "reason", CodeMarkup},
		{"img in name", func(a *Application) { a.ApplicantName = `<img src=x onerror=alert(1)>` }, "applicant_name", CodeMarkup},
		{"cert number checksum", func(a *Application) { a.SubjectCertNumber = "110105194912310021" }, "subject_cert_number", ""},
		{"cert type unknown", func(a *Application) { a.SubjectCertType = "驾驶证" }, "subject_cert_type", CodeCertTypeUnknown},
		{"cert number without type", func(a *Application) { a.SubjectCertType = "" }, "subject_cert_type", CodeRequired},
		{"organisation cert for an individual", func(a *Application) {
			a.SubjectCertType, a.SubjectCertNumber = filing.CertBusinessLicence, "91350100M000100Y43"
		}, "subject_cert_type", CodeCertMismatch},
		{"nature unknown", func(a *Application) { a.SponsorNature = "外星人" }, "sponsor_nature", CodeNatureUnknown},
		{"kind unknown", func(a *Application) { a.Kind = "appeal" }, "kind", CodeKindUnknown},
		{"target on a retrieval", func(a *Application) { a.Target = TargetSubject }, "target", CodeTargetNotHere},
		{"unknown material", func(a *Application) { a.Enclosed = append(a.Enclosed, "photo") }, "enclosed[1]", CodeMaterialUnknown},
		{"too many materials", func(a *Application) { a.Enclosed = make([]MaterialID, MaxEnclosed+1) }, "enclosed", CodeTooLong},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := individualRetrieval()
			tc.edit(a)
			ps := problemsOf(t, a.Check(now))
			found := slices.ContainsFunc(ps, func(p *filing.Problem) bool {
				return p.Path == tc.path && (tc.code == "" || p.Code == tc.code)
			})
			assert.True(t, found, "want %q at %s, got %v", tc.code, tc.path, ps)
		})
	}
}

func TestR55_FullWidthInputAccepted(t *testing.T) {
	a := individualRetrieval()
	a.ApplicantMobile = "１３８ １２３４ ５６７８"
	a.ContactLandline = "（0371）６５７９５１２０"
	a.ContactEmail = "ｚｈａｎｇｓａｎ＠example.com"
	a.Domain = "ＺＨＡＮＧＳＡＮ．ＣＯＭ"
	a.RecordNumber = " 豫ＩＣＰ备２０２１０１２３４５号－１ "
	if err := a.Check(now); err != nil {
		t.Fatal(err)
	}
}

func TestR55_LandlineBoxAcceptsMobile(t *testing.T) {
	a := individualRetrieval()
	a.ContactLandline = "13812345678"
	if err := a.Check(now); err != nil {
		t.Fatal(err)
	}
}

func TestR55_DateTodayInChinaIsNotFuture(t *testing.T) {
	a := individualRetrieval()
	a.Date = NewDate(2026, time.March, 2)
	// 2026-03-01T17:00Z is already 2026-03-02 01:00 in China.
	if err := a.Check(time.Date(2026, 3, 1, 17, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := a.Check(time.Date(2026, 3, 1, 15, 0, 0, 0, time.UTC)); !errors.Is(err, CodeDateFuture) {
		t.Fatalf("want form.date_future, got %v", err)
	}
}

func TestR51_ReasonDetailed(t *testing.T) {
	cases := []struct {
		reason string
		ok     bool
	}{
		{"网站已停止运营，服务器合同到期，不再使用该域名", true},
		{"公司已注销，营业执照已吊销，网站不再运营", true},
		{"The company closed the site in January and let the domain lapse", true},
		{"wangzhan yijing tingzhi yunying le", true},
		{"", false},
		{"   \u3000 ", false},
		{"注销", false},
		{"无", false},
		{"不要了", false},
		{"个人原因，申请注销", false},
		{"注销注销注销注销注销注销注销注销", false},
		{"申请注销申请注销申请注销申请注销", false},
		{"本公司网站不需要了，申请注销备案", false},
		{"啊啊啊啊啊啊啊啊啊啊啊啊", false},
		{"。。。。。。。。。。。。。。。。。。。。。。", false},
		{"1111111111111111111111111", false},
		{"test test test test test test", false},
		{"忘记密码了", false},
		{"忘记密码，联系人已离职无法找回", true},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.ok, ReasonDetailed(tc.reason), "ReasonDetailed(%q)", tc.reason)
		a := orgCancellation()
		a.Reason = tc.reason
		err := a.Check(now)
		if tc.ok {
			assert.NoError(t, err, "reason %q", tc.reason)
		} else {
			assert.True(t, errors.Is(err, CodeReasonVague) || errors.Is(err, CodeRequired), "reason %q: want form.reason_vague, got %v", tc.reason, err)
		}
	}
}

func TestR51_CancellationStatesTarget(t *testing.T) {
	for _, tc := range []struct {
		target Target
		code   filing.Code
	}{
		{"", CodeTargetMissing},
		{"everything", CodeTargetInvalid},
		{TargetSubject, ""},
		{TargetWebsite, ""},
		{TargetAccess, ""},
	} {
		a := orgCancellation()
		a.Target = tc.target
		err := a.Check(now)
		if tc.code == "" {
			assert.NoError(t, err, "target %q", tc.target)
			continue
		}
		assert.True(t, hasProblem(problemsOf(t, err), "target", tc.code), "target %q: want %s, got %v", tc.target, tc.code, err)
	}
}

func TestR05_ApplicantKindByNameThenNature(t *testing.T) {
	cases := []struct {
		name   string
		nature filing.Nature
		want   ApplicantKind
	}{
		{"郑州示例科技有限公司", filing.NatureEnterprise, ApplicantOrganisation},
		{"郑州示例科技有限公司", filing.NatureIndividual, ApplicantOrganisation}, // the name decides first
		{"张三", filing.NatureIndividual, ApplicantIndividual},
		{"河南省通信管理局", filing.NatureGovernment, ApplicantOrganisation},
	}
	for _, tc := range cases {
		a := individualRetrieval()
		a.SponsorName, a.SponsorNature = tc.name, tc.nature
		assert.Equal(t, tc.want, a.ApplicantKind(), "%s/%s", tc.name, tc.nature)
		assert.Equal(t, tc.want, a.Checklist().ApplicantKind, "checklist %s/%s", tc.name, tc.nature)
	}
}

func ids(items []Material) []MaterialID {
	out := make([]MaterialID, len(items))
	for i, m := range items {
		out[i] = m.ID
	}
	return out
}

func requiredIDs(items []Material) []MaterialID {
	var out []MaterialID
	for _, m := range items {
		if m.Required {
			out = append(out, m.ID)
		}
	}
	return out
}

func TestR52_MaterialsIndividual(t *testing.T) {
	a := individualRetrieval()
	a.ApplicantName = "张三丰" // someone else signs: two ID copies
	c := a.Checklist()
	want := []MaterialID{MaterialForm, MaterialSubjectIDCopy, MaterialApplicantIDCopy, MaterialDomainCertificate}
	if got := ids(c.Items); !slices.Equal(got, want) {
		t.Fatalf("items %v, want %v", got, want)
	}
	if c.Has(MaterialSeal) || c.Has(MaterialLicenceCopy) {
		t.Error("an individual needs no seal and no licence")
	}
	a.Enclosed = []MaterialID{MaterialSubjectIDCopy}
	ps := problemsOf(t, a.Check(now))
	if !hasProblem(ps, "enclosed", CodeMissingIDCopy) {
		t.Errorf("missing applicant ID copy not reported: %v", ps)
	}
}

func TestR52_MaterialsOrganisation(t *testing.T) {
	a := orgCancellation()
	c := a.Checklist()
	want := []MaterialID{MaterialForm, MaterialSeal, MaterialPrincipalIDCopy, MaterialLicenceCopy, MaterialApplicantIDCopy, MaterialDomainCertificate}
	if got := ids(c.Items); !slices.Equal(got, want) {
		t.Fatalf("items %v, want %v", got, want)
	}
	a.Enclosed = nil
	a.DomainCertificate = nil
	ps := problemsOf(t, a.Check(now))
	for _, code := range []filing.Code{CodeMissingSeal, CodeMissingIDCopy, CodeMissingLicenceCopy} {
		if !hasProblem(ps, "enclosed", code) {
			t.Errorf("%s not reported", code)
		}
	}
	if !hasProblem(ps, "domain_certificate", CodeMissingDomainCert) {
		t.Error("missing domain certificate not reported")
	}
	n := 0
	for _, p := range ps {
		if p.Code == CodeMissingIDCopy {
			n++
		}
	}
	if n != 2 {
		t.Errorf("want 2 missing ID copies (principal, applicant), got %d", n)
	}
}

func TestR52_RepeatedCopyListedOnce(t *testing.T) {
	// The individual subject signs: one ID copy serves as subject and
	// applicant copy.
	a := individualRetrieval()
	c := a.Checklist()
	if got := ids(c.Items); !slices.Equal(got, []MaterialID{MaterialForm, MaterialSubjectIDCopy, MaterialDomainCertificate}) {
		t.Fatalf("items %v", got)
	}
	if !c.Has(MaterialApplicantIDCopy) || !slices.Contains(c.Items[1].Covers, MaterialApplicantIDCopy) {
		t.Errorf("subject copy does not cover the applicant copy: %+v", c.Items[1])
	}
	// Enclosing under either name satisfies it.
	a.Enclosed = []MaterialID{MaterialApplicantIDCopy}
	if err := a.Check(now); err != nil {
		t.Error(err)
	}
	// The responsible person signs for the organisation (names compared
	// after normalisation).
	o := orgCancellation()
	o.ApplicantName = " 王五 "
	oc := o.Checklist()
	if slices.Contains(ids(oc.Items), MaterialApplicantIDCopy) {
		t.Errorf("applicant copy listed twice: %v", ids(oc.Items))
	}
	o.Enclosed = []MaterialID{MaterialSeal, MaterialPrincipalIDCopy, MaterialLicenceCopy}
	if err := o.Check(now); err != nil {
		t.Error(err)
	}
	// The individual domain holder signs.
	h := holderCancellation()
	if slices.Contains(ids(h.Checklist().Items), MaterialApplicantIDCopy) {
		t.Errorf("holder copy and applicant copy not merged: %v", ids(h.Checklist().Items))
	}
}

func TestR52_ChangedLicenceNeedsProof(t *testing.T) {
	for _, tc := range []struct {
		changed, shows, need bool
	}{
		{false, false, false},
		{true, true, false},
		{true, false, true},
	} {
		a := orgCancellation()
		a.LicenceChanged, a.LicenceShowsChange = tc.changed, tc.shows
		if got := a.Checklist().Has(MaterialChangeProof); got != tc.need {
			t.Errorf("changed=%v shows=%v: change proof listed=%v", tc.changed, tc.shows, got)
		}
		err := a.Check(now)
		if got := errors.Is(err, CodeMissingChangeProof); got != tc.need {
			t.Errorf("changed=%v shows=%v: missing proof reported=%v (%v)", tc.changed, tc.shows, got, err)
		}
		a.Enclosed = append(a.Enclosed, MaterialChangeProof)
		if err := a.Check(now); err != nil {
			t.Error(err)
		}
	}
}

func TestR52_IndividualChangedLicenceIrrelevant(t *testing.T) {
	a := individualRetrieval()
	a.LicenceChanged = true
	if a.Checklist().Has(MaterialChangeProof) {
		t.Error("an individual has no business licence to prove a change of")
	}
}

func TestR32_DomainCertificate(t *testing.T) {
	cases := []struct {
		name string
		edit func(dc *DomainCertificate)
		path string
		code filing.Code
	}{
		{"expired before the application date", func(dc *DomainCertificate) { dc.Expires = NewDate(2026, time.March, 1) }, "domain_certificate.expires", CodeCertExpired},
		{"no expiry", func(dc *DomainCertificate) { dc.Expires = Date{} }, "domain_certificate.expires", CodeRequired},
		{"registered after the application", func(dc *DomainCertificate) { dc.Registered = NewDate(2026, time.March, 3) }, "domain_certificate.registered", CodeCertNotYet},
		{"issuer not CNNIC/ICANN", func(dc *DomainCertificate) { dc.Authority = "某代理商" }, "domain_certificate.authority", CodeCertIssuer},
		{"no issuer", func(dc *DomainCertificate) { dc.Authority = "" }, "domain_certificate.authority", CodeRequired},
		{"other domain", func(dc *DomainCertificate) { dc.Domain = "zhaoliu.com.cn" }, "domain_certificate.domain", CodeDomainMismatch},
		{"no holder", func(dc *DomainCertificate) { dc.Holder = "" }, "domain_certificate.holder", CodeRequired},
		{"holder is the sponsor", func(dc *DomainCertificate) { dc.Holder = "某某网络有限公司" }, "domain_certificate.holder", CodeHolderIsSponsor},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := holderCancellation()
			tc.edit(a.DomainCertificate)
			err := a.Check(now)
			assert.True(t, hasProblem(problemsOf(t, err), tc.path, tc.code), "want %s at %s, got %v", tc.code, tc.path, err)
		})
	}
	// The expiry day itself is still valid.
	a := holderCancellation()
	a.DomainCertificate.Expires = a.Date
	if err := a.Check(now); err != nil {
		t.Error(err)
	}
	// The certificate for the registrable domain covers a subdomain; IDN and
	// case are normalised.
	a = holderCancellation()
	a.Domain = "WWW.ZhaoLiu.CN"
	if err := a.Check(now); err != nil {
		t.Error(err)
	}
	a.Domain, a.DomainCertificate.Domain = "例子.中国", "xn--fsqu00a.xn--fiqs8s"
	if err := a.Check(now); err != nil {
		t.Error(err)
	}
	// Authority spelled in capitals in JSON.
	var au Authority
	if err := au.UnmarshalText([]byte(" ICANN ")); err != nil || au != AuthorityICANN {
		t.Errorf("authority %q %v", au, err)
	}
}

func TestR32_HolderCannotCancelSubject(t *testing.T) {
	a := holderCancellation()
	a.Target = TargetSubject
	if !hasProblem(problemsOf(t, a.Check(now)), "target", CodeHolderTarget) {
		t.Error("holder cancelling a subject accepted")
	}
	a.Target = ""
	if err := a.Check(now); err != nil {
		t.Errorf("empty target (website by default): %v", err)
	}
}

func TestR32_MaterialsHolderOrganisation(t *testing.T) {
	a := holderCancellation()
	a.DomainCertificate.Holder, a.DomainCertificate.HolderNature = "洛阳某某文化传媒有限公司", filing.NatureEnterprise
	c := a.Checklist()
	want := []MaterialID{MaterialForm, MaterialSeal, MaterialHolderQualification, MaterialApplicantIDCopy, MaterialDomainCertificate}
	if got := ids(c.Items); !slices.Equal(got, want) {
		t.Fatalf("items %v, want %v", got, want)
	}
	ps := problemsOf(t, a.Check(now))
	for _, code := range []filing.Code{CodeMissingSeal, CodeMissingHolderQualify, CodeMissingIDCopy} {
		if !hasProblem(ps, "enclosed", code) {
			t.Errorf("%s not reported: %v", code, ps)
		}
	}
	// No document of the sponsor (another party) is asked for.
	for _, id := range []MaterialID{MaterialLicenceCopy, MaterialPrincipalIDCopy, MaterialSubjectIDCopy} {
		if c.Has(id) {
			t.Errorf("%s asked of a domain holder", id)
		}
	}
}

func TestR53_ChannelByApproval(t *testing.T) {
	a := orgCancellation()
	if g := guidanceText(a.Checklist(), "R-53"); !strings.Contains(g, "接入服务商在线") || !strings.Contains(g, "通信管理局") {
		t.Errorf("approved: %q", g)
	}
	a.Approved, a.RecordNumber = false, ""
	if g := guidanceText(a.Checklist(), "R-53"); !strings.Contains(g, "只能向通信管理局") {
		t.Errorf("not approved: %q", g)
	}
	if err := a.Check(now); err != nil {
		t.Errorf("unapproved cancellation without a number: %v", err)
	}
	a.RecordNumber = "豫ICP备2021012345号-2"
	if !hasProblem(problemsOf(t, a.Check(now)), "record_number", CodeRecordForbidden) {
		t.Error("a number on an unapproved filing accepted")
	}
}

func guidanceText(c Checklist, rule string) string {
	var b strings.Builder
	for _, g := range c.Guidance {
		if g.Rule == rule {
			b.WriteString(g.Zh)
		}
	}
	return b.String()
}

func TestR54_DeletionOfSubmissionStageOnly(t *testing.T) {
	a := orgDeletion()
	c := a.Checklist()
	if got := requiredIDs(c.Items); !slices.Equal(got, []MaterialID{MaterialForm, MaterialSeal, MaterialLicenceCopy}) {
		t.Errorf("required %v", got)
	}
	if !c.Has(MaterialDomainCertificate) || c.requires(MaterialDomainCertificate) {
		t.Error("domain certificate should be listed as recommended")
	}
	a.Approved, a.RecordNumber = true, "豫ICP备2021012345号-2"
	if !hasProblem(problemsOf(t, a.Check(now)), "approved", CodeDeletionStage) {
		t.Error("deletion of approved data accepted")
	}
	// Individual: the ID copy pasted in the seal box.
	i := orgDeletion()
	i.SponsorName, i.SponsorNature, i.SubjectCertType, i.SubjectCertNumber = "张三", filing.NatureIndividual, filing.CertResidentID, "11010519491231002X"
	if got := requiredIDs(i.Checklist().Items); !slices.Equal(got, []MaterialID{MaterialForm, MaterialSubjectIDCopy}) {
		t.Errorf("individual deletion: %v", got)
	}
}

func TestCodesAreDocumented(t *testing.T) {
	seen := map[filing.Code]bool{}
	for _, c := range Codes() {
		if !strings.HasPrefix(string(c), "form.") {
			t.Errorf("code %s lacks the form. prefix", c)
		}
		if seen[c] {
			t.Errorf("duplicate %s", c)
		}
		seen[c] = true
		if c.MessageZh() == "" || c.MessageEn() == "" {
			t.Errorf("%s lacks messages", c)
		}
	}
	for id, info := range materialInfos {
		if id != MaterialForm && info.code == "" {
			t.Errorf("material %s has no missing code", id)
		}
	}
}
