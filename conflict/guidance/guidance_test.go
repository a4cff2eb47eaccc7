package guidance_test

import (
	"net/netip"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/guidance"
	"github.com/beiankit/beian/filing"
)

// Fixture certificates (GB 32100, GB 11643; all pass their checks).
const (
	certA = "91350100M000100Y43" // GB 32100 附录B example
	certB = "9144030071526726XG"
	certC = "11010519491231002X" // GB 11643 example
	certD = "440524188001010014"
	certE = "9144030010001686XA"
	numA  = "黔ICP备1500041X号"
	numB  = "京ICP备2021033841号"
)

// fixture: A (Guizhou, approved, two websites, an app), B (Beijing,
// approved), C (Guizhou, returned filing), D (Guizhou, under review).
func fixture(t *testing.T) *conflict.Index {
	t.Helper()
	ix := conflict.New()
	for _, r := range []conflict.Record{
		{Subject: conflict.SubjectRecord{Number: numA, Province: "52", Name: "贵州示例科技有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certA},
			Websites: []conflict.WebsiteRecord{
				{Number: numA + "-1", Name: "示例网", Domains: []string{"example.com"}, IPs: []netip.Addr{netip.MustParseAddr("1.2.3.4")}},
				{Number: numA + "-2", Name: "例子", Domains: []string{"例子.中国"}},
			}},
		{Subject: conflict.SubjectRecord{Number: numB, Province: "11", Name: "北京他人网络有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certB},
			Websites: []conflict.WebsiteRecord{{Number: numB + "-1", Name: "他人商城", Domains: []string{"other.cn"}}},
			Apps: []conflict.AppRecord{{Number: numB + "-2A", Kind: filing.AppKindApp, Name: "抖音", Platforms: []conflict.AppPlatformRecord{
				{Platform: filing.PlatformAndroid, Identifier: "com.ss.android.ugc.aweme"}, {Platform: filing.PlatformIOS, Identifier: "com.ss.iphone.ugc.Aweme"}}}}},
		{Subject: conflict.SubjectRecord{Province: "52", Name: "张三", Nature: filing.NatureIndividual, CertType: filing.CertResidentID, CertNumber: certC, Status: filing.StatusReturnedToUser},
			Websites: []conflict.WebsiteRecord{{Name: "张三的博客", Domains: []string{"rejected.cn"}, Status: filing.StatusReturnedToUser}}},
		{Subject: conflict.SubjectRecord{Province: "52", Name: "李四", Nature: filing.NatureIndividual, CertType: filing.CertResidentID, CertNumber: certD, Status: filing.StatusBureauReview},
			Websites: []conflict.WebsiteRecord{{Name: "李四的站", Domains: []string{"pending.cn"}, Status: filing.StatusBureauReview}}},
	} {
		require.NoError(t, ix.Put(r), r.Subject.Name)
	}
	return ix
}

// newFiling is a first filing of a stranger (certE) in a province.
func newFiling(province string, domains ...string) *filing.Filing {
	return &filing.Filing{
		Subject:  filing.Subject{Province: province, Name: "新申请单位有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certE},
		Websites: []filing.Website{{Service: filing.Service{Name: "新网站"}, Domains: domains}},
	}
}

// one checks f and renders its only conflict, of kind k.
func one(t *testing.T, ix *conflict.Index, f *filing.Filing, k conflict.Kind) (conflict.Conflict, guidance.Guidance) {
	t.Helper()
	cs, err := ix.Check(f)
	require.NoError(t, err)
	require.Len(t, cs, 1)
	require.Equal(t, k, cs[0].Kind)
	return cs[0], guidance.For(cs[0])
}

func TestR30_SameProvinceGuidance(t *testing.T) {
	ix := fixture(t)
	for _, tc := range []struct{ domain, num, shown string }{
		{"www.Example.com.", numA + "-1", "example.com"},
		{"xn--fsqu00a.xn--fiqs8s", numA + "-2", "例子.中国"},
	} {
		_, g := one(t, ix, newFiling("52", tc.domain), conflict.KindDomainSameProvince)
		assert.Equal(t, "贵州省通信管理局", g.Bureau, tc.domain)
		assert.Equal(t, guidance.FormCancellation, g.Form, tc.domain)
		assert.Len(t, g.Materials, 4, tc.domain)
		assert.Contains(t, g.Zh, tc.num, tc.domain)
		assert.Contains(t, g.Zh, "本省", tc.domain)
		assert.Contains(t, g.Zh, "“"+tc.shown+"”", tc.domain, "the domain as users write it")
		assert.Contains(t, g.Steps[1].Zh, tc.num, tc.domain)
	}
	// A returned filing has no number: the form names none.
	_, g := one(t, ix, newFiling("52", "rejected.cn"), conflict.KindDomainSameProvince)
	assert.Contains(t, g.Zh, "尚未审核通过")
	assert.Contains(t, g.Steps[1].Zh, "（尚无备案号）")
}

func TestR30_OtherProvinceGuidance(t *testing.T) {
	ix := fixture(t)
	c, g := one(t, ix, newFiling("11", "EXAMPLE.com"), conflict.KindDomainOtherProvince)
	assert.Equal(t, "52", c.Blocking.Province)
	assert.Equal(t, "贵州省通信管理局", g.Bureau, "the blocking record's bureau")
	assert.Contains(t, g.Zh, "贵州省")
	assert.Contains(t, g.Steps[1].Zh, "贵州省通信管理局联系", "the step sends the applicant to the blocking bureau")
	_, g = one(t, ix, newFiling("52", "news.other.cn"), conflict.KindDomainOtherProvince)
	assert.Equal(t, "北京市通信管理局", g.Bureau)
}

func TestR30_DomainFiledByYouGuidance(t *testing.T) {
	ix := fixture(t)
	f := &filing.Filing{Subject: filing.Subject{Number: numA, Province: "52", CertType: filing.CertBusinessLicence, CertNumber: certA},
		Websites: []filing.Website{{Domains: []string{"m.example.com"}}}}
	_, g := one(t, ix, f, conflict.KindDomainFiledByYou)
	assert.Contains(t, g.Zh, numA+"-1")
	assert.Contains(t, g.Steps[0].Zh, "网站备案变更")
	assert.Empty(t, g.Form)
}

func TestR31_SubjectFiledGuidance(t *testing.T) {
	ix := fixture(t)
	f := &filing.Filing{Subject: filing.Subject{Province: "52", Name: "贵州示例科技　有限公司", CertType: filing.CertBusinessLicence, CertNumber: certA},
		Websites: []filing.Website{{Domains: []string{"brand-new.cn"}}}}
	_, g := one(t, ix, f, conflict.KindSubjectFiled)
	assert.Contains(t, g.Steps[0].Zh, "接入商在原主体下为您新增网站")
	assert.Contains(t, g.Zh, numA)
	assert.NotContains(t, g.Zh+g.En, certA, "no certificate number")
}

func TestR31_CertificateTakenGuidance(t *testing.T) {
	ix := fixture(t)
	f := &filing.Filing{Subject: filing.Subject{Province: "52", Name: "完全不同的公司", CertType: filing.CertBusinessLicence, CertNumber: certA},
		Websites: []filing.Website{{Domains: []string{"brand-new.cn"}}}}
	_, g := one(t, ix, f, conflict.KindSubjectCertificateTaken)
	require.Len(t, g.Steps, 5, "a subject of the applicant's province can be cancelled: one more step")
	assert.Equal(t, guidance.FormCancellation, g.Form)
	assert.Equal(t, "贵州省通信管理局", g.Bureau)
	assert.NotEmpty(t, g.Materials)
	for i, want := range []string{"检查", "更正", "以前是否申请过备案", "未曾申请过备案", "申请注销"} {
		assert.Contains(t, g.Steps[i].Zh, want, "step %d", i+1)
	}
	// Beijing's certificate from a Guizhou applicant: no form, the own
	// bureau.
	f.Subject.CertNumber = certB
	_, g = one(t, ix, f, conflict.KindSubjectCertificateTaken)
	assert.Len(t, g.Steps, 4)
	assert.Empty(t, g.Form)
	assert.Empty(t, g.Materials)
	assert.Equal(t, "贵州省通信管理局", g.Bureau)
	assert.Contains(t, g.Zh, "北京市")
}

func TestR31_NumberNotProvenGuidance(t *testing.T) {
	ix := fixture(t)
	f := newFiling("52", "brand-new.cn")
	f.Subject.Number = numA
	_, g := one(t, ix, f, conflict.KindSubjectNumberNotProven)
	assert.Len(t, g.Steps, 4)
	assert.Contains(t, g.Zh, numA)
	assert.Contains(t, g.Steps[3].Zh, "贵州省通信管理局")
}

func TestR32_DomainHolderMayCancel(t *testing.T) {
	ix := fixture(t)
	for _, p := range []string{"52", "11"} {
		cs, err := ix.Check(newFiling(p, "example.com"))
		require.NoError(t, err)
		require.Len(t, cs, 1, p)
		g := guidance.For(cs[0])
		has := false
		for _, s := range g.Steps {
			has = has || strings.Contains(s.Zh, "CNNIC或ICANN") && strings.Contains(s.En, "R-32")
		}
		assert.True(t, has, "%s: no R-32 step in %+v", p, g.Steps)
		require.NotEmpty(t, g.Materials, p)
		assert.Contains(t, g.Materials[len(g.Materials)-1].Zh, "域名注册证书", "%s: the domain certificate is one of the materials", p)
	}
}

func TestR13_ResubmissionGuidance(t *testing.T) {
	ix := fixture(t)
	f := &filing.Filing{Subject: filing.Subject{Province: "52", Name: "张三", CertType: filing.CertResidentID, CertNumber: certC},
		Websites: []filing.Website{{Domains: []string{"www.rejected.cn"}}}}
	cs, err := ix.Check(f)
	require.NoError(t, err)
	require.Len(t, cs, 2)
	subject, site := guidance.For(cs[0]), guidance.For(cs[1])
	assert.Equal(t, "该主体此前提交的备案已被管局退回，请勿再次提交新的备案。", subject.Zh)
	assert.Contains(t, site.Zh, "rejected.cn")
	assert.Contains(t, site.Steps[0].Zh, "退回的理由")
	assert.NotContains(t, site.Zh+site.En, certC)
}

func TestR13_PendingGuidance(t *testing.T) {
	ix := fixture(t)
	f := &filing.Filing{Subject: filing.Subject{Province: "52", Name: "李四", CertType: filing.CertResidentID, CertNumber: certD},
		Websites: []filing.Website{{Domains: []string{"pending.cn"}}}}
	cs, err := ix.Check(f)
	require.NoError(t, err)
	require.Len(t, cs, 2)
	assert.Equal(t, "管局审核时限为20个工作日；如需修改，请联系接入商。", guidance.For(cs[0]).Steps[2].Zh, "Guizhou's review limit (R-20)")
}

// TestR21_PendingInJiangxi: the review-limit step of a pending conflict is
// the blocking record's province's: 15 working days from the verification
// form in Jiangxi, not 20.
func TestR21_PendingInJiangxi(t *testing.T) {
	ix := conflict.New()
	require.NoError(t, ix.Put(conflict.Record{Subject: conflict.SubjectRecord{Province: "36", Name: "李四", Nature: filing.NatureIndividual, CertType: filing.CertResidentID, CertNumber: certD, Status: filing.StatusBureauReview},
		Websites: []conflict.WebsiteRecord{{Name: "李四的站", Domains: []string{"pending.cn"}, Status: filing.StatusBureauReview}}}))
	f := &filing.Filing{Subject: filing.Subject{Province: "36", Name: "李四", CertType: filing.CertResidentID, CertNumber: certD},
		Websites: []filing.Website{{Domains: []string{"pending.cn"}}}}
	cs, err := ix.Check(f)
	require.NoError(t, err)
	require.NotEmpty(t, cs)
	s := guidance.For(cs[0]).Steps[2]
	assert.Contains(t, s.Zh, "自核验单送达之日起15个工作日")
	assert.Contains(t, s.En, "(R-21)")
}

func appFiling(name string, platforms ...filing.AppPlatform) *filing.Filing {
	return &filing.Filing{
		Subject: filing.Subject{Province: "44", Name: "新申请单位有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certE},
		Apps:    []filing.App{{Kind: filing.AppKindApp, Service: filing.Service{Name: name}, Platforms: platforms}},
	}
}

func TestR74_AppGuidance(t *testing.T) {
	ix := fixture(t)
	_, g := one(t, ix, appFiling("短视频", filing.AppPlatform{Platform: filing.PlatformAndroid, Identifier: "com.ss.android.ugc.aweme"}), conflict.KindAppIdentifierTaken)
	assert.Equal(t, "北京市通信管理局", g.Bureau)
	assert.Contains(t, g.Steps[1].Zh, g.Bureau)
	assert.Contains(t, g.Zh, "应用标识“com.ss.android.ugc.aweme”已由北京市的其他主体在APP“抖音”中备案（"+numB+"-2A）")
	// Quoted as typed, and as on file where spelt otherwise.
	_, g = one(t, ix, appFiling("短视频", filing.AppPlatform{Platform: filing.PlatformIOS, Identifier: "COM.SS.iphone.ugc.aweme"}), conflict.KindAppIdentifierTaken)
	assert.Contains(t, g.Zh, "应用标识“COM.SS.iphone.ugc.aweme”（已备案为“com.ss.iphone.ugc.Aweme”）")
	assert.Contains(t, g.En, `COM.SS.iphone.ugc.aweme (on file as com.ss.iphone.ugc.Aweme) is on file for another subject's app "抖音"`)
	// The name of another subject's app.
	_, g = one(t, ix, appFiling("抖 音", filing.AppPlatform{Platform: filing.PlatformAndroid, Identifier: "cn.example.dy"}), conflict.KindAppNameTaken)
	assert.Equal(t, "APP名称“抖音”已被其他主体的APP使用（北京市，"+numB+"-2A）", g.Zh)
	// The applicant's own app filed as new: file a change.
	own := appFiling("抖音极速版", filing.AppPlatform{Platform: filing.PlatformAndroid, Identifier: "com.ss.android.ugc.aweme"})
	own.Subject = filing.Subject{Number: numB, Province: "11", Name: "北京他人网络有限公司", CertType: filing.CertBusinessLicence, CertNumber: certB}
	_, g = one(t, ix, own, conflict.KindAppFiledByYou)
	assert.Contains(t, g.Zh, "变更")
	assert.Empty(t, g.Bureau)
}

func TestR94_ContactGuidance(t *testing.T) {
	keyer, err := conflict.NewContactKeyer([]byte("a secret of at least 16 bytes"))
	require.NoError(t, err)
	reg := conflict.NewContacts(keyer)
	require.NoError(t, reg.Put(&filing.Filing{Subject: filing.Subject{Province: "52", Number: numA, CertType: filing.CertBusinessLicence, CertNumber: certA,
		Principal: filing.Person{Mobile: "13800138000", Email: "boss@example.com"}}}))
	cs := reg.Check(&filing.Filing{Subject: filing.Subject{Province: "52", CertType: filing.CertBusinessLicence, CertNumber: certE,
		Principal: filing.Person{Mobile: "+86 138 0013 8000", Email: "BOSS@example.com"}}})
	require.Len(t, cs, 2)
	mobile, email := guidance.For(cs[0]), guidance.For(cs[1])
	assert.Contains(t, mobile.Zh, "手机号码")
	assert.Contains(t, email.Zh, "电子邮箱")
	for _, g := range []guidance.Guidance{mobile, email} {
		assert.Len(t, g.Steps, 2)
		for _, s := range g.Steps {
			assert.NotContains(t, s.Zh+s.En, "13800138000")
			assert.NotContains(t, strings.ToLower(s.Zh+s.En), "boss")
		}
	}
}

// TestForOddConflicts: a conflict For does not know (a kind of a later
// version, a province not in the table, the zero value) renders without a
// panic, from the kind's registered statement where it has no texts.
func TestForOddConflicts(t *testing.T) {
	g := guidance.For(conflict.Conflict{})
	assert.Empty(t, g.Steps)
	g = guidance.For(conflict.Conflict{Kind: conflict.KindContactTaken})
	assert.Equal(t, conflict.KindContactTaken.Code().MessageZh(), g.Zh)
	assert.Empty(t, g.Steps)
	g = guidance.For(conflict.Conflict{Kind: "conflict.later_kind"})
	assert.Empty(t, g.Zh)
	for _, k := range conflict.Kinds() {
		g = guidance.For(conflict.Conflict{Kind: k, Province: "99", Blocking: conflict.Blocking{Province: "00"}, Contact: conflict.KeyMobile})
		assert.NotEmpty(t, g.Zh, k)
		assert.NotEmpty(t, g.En, k)
		assert.NotEmpty(t, g.Steps, k)
	}
}

// TestForResultsIndependent: each Guidance owns its slices; changing one
// changes no other, nor what For renders next.
func TestForResultsIndependent(t *testing.T) {
	ix := fixture(t)
	c, g := one(t, ix, newFiling("52", "example.com"), conflict.KindDomainSameProvince)
	want := guidance.For(c)
	g.Steps[0].Zh, g.Materials[0].Zh = "changed", "changed"
	g.Steps = append(g.Steps, guidance.Text{Zh: "x"})
	assert.Equal(t, want, guidance.For(c))
}

// TestForConcurrent: For reads only tables built at init (run with -race).
func TestForConcurrent(t *testing.T) {
	ix := fixture(t)
	cs, err := ix.Check(newFiling("11", "example.com", "other.cn", "rejected.cn", "pending.cn"))
	require.NoError(t, err)
	require.Len(t, cs, 4)
	want := make([]guidance.Guidance, len(cs))
	for i, c := range cs {
		want[i] = guidance.For(c)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 200 {
				k := (g + i) % len(cs)
				assert.Equal(t, want[k], guidance.For(cs[k]))
			}
		})
	}
	wg.Wait()
}

// TestR20_ReviewLimitFromTheTable: the review limit a pending conflict
// states is the blocking province's row of the renderer's table: a limit
// counted from the verification form where the table says so, 20
// working days from the submission where it has no row.
func TestR20_ReviewLimitFromTheTable(t *testing.T) {
	rules, err := filing.DefaultProvinceRules().With(filing.ProvinceRule{Province: "11", Kind: filing.RuleReviewLimit,
		Value: 12, Policy: filing.ReviewFromForm, Source: "test"})
	require.NoError(t, err)
	c := conflict.Conflict{Kind: conflict.KindPending, Path: "subject.cert_number", Province: "11",
		Blocking: conflict.Blocking{Province: "11", Status: filing.StatusBureauReview}}
	s := guidance.NewRenderer(rules).For(c).Steps[2]
	assert.Equal(t, "管局审核时限为自核验单送达之日起12个工作日；如需修改，请联系接入商。", s.Zh)
	assert.Contains(t, s.En, "(R-21)")
	assert.Equal(t, "管局审核时限为20个工作日；如需修改，请联系接入商。", guidance.For(c).Steps[2].Zh, "the default table")
	s = guidance.NewRenderer(filing.ProvinceRules{}).For(c).Steps[2]
	assert.Equal(t, "管局审核时限为20个工作日；如需修改，请联系接入商。", s.Zh, "a table without a row: R-20")
	assert.Contains(t, s.En, "(R-20)")
}
