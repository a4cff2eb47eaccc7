package conflict

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
)

// Real identifiers of well-known apps: WeChat (Android com.tencent.mm, iOS
// com.tencent.xin), Douyin (Android com.ss.android.ugc.aweme, iOS
// com.ss.iphone.ugc.Aweme), and the WeChat filing API's example of a
// mini-program number under Tencent's licence, 粤B2-20090059-1626X (腾讯客服).
// The subjects' certificates and the other suffixes are the fixtures'.
const (
	numTencent = "粤B2-20090059"
	numDouyin  = "京ICP备2021033841号"
)

func appFixture(t testing.TB) *Index {
	t.Helper()
	ix := New()
	recs := []Record{
		{Subject: SubjectRecord{Number: numTencent, Province: "44", Name: "深圳市腾讯计算机系统有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certB},
			Apps: []AppRecord{
				{Number: numTencent + "-1626X", Kind: filing.AppKindMiniProgram, Name: "腾讯客服"},
				{Number: numTencent + "-1627A", Kind: filing.AppKindApp, Name: "微信", Platforms: []AppPlatformRecord{
					{Platform: filing.PlatformAndroid, Identifier: "com.tencent.mm"}, {Platform: filing.PlatformIOS, Identifier: "com.tencent.xin"}}},
			}},
		{Subject: SubjectRecord{Number: numDouyin, Province: "11", Name: "北京微播视界科技有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certA},
			Websites: []WebsiteRecord{{Number: numDouyin + "-1", Name: "抖音", Domains: []string{"douyin.com"}}},
			Apps: []AppRecord{{Number: numDouyin + "-2A", Kind: filing.AppKindApp, Name: "抖音", Platforms: []AppPlatformRecord{
				{Platform: filing.PlatformAndroid, Identifier: "com.ss.android.ugc.aweme"}, {Platform: filing.PlatformIOS, Identifier: "com.ss.iphone.ugc.Aweme"}}}}},
		{Subject: SubjectRecord{Province: "52", Name: "李四", Nature: filing.NatureIndividual, CertType: filing.CertResidentID, CertNumber: certD, Status: filing.StatusBureauReview},
			Apps: []AppRecord{{Kind: filing.AppKindApp, Name: "李四记账", Status: filing.StatusBureauReview, Platforms: []AppPlatformRecord{
				{Platform: filing.PlatformAndroid, Identifier: "cn.lisi.ledger"}}}}},
	}
	for _, r := range recs {
		require.NoError(t, ix.Put(r), r.Subject.Name)
	}
	return ix
}

// appFiling is a stranger's (certE, Guangdong) filing of one app.
func appFiling(name string, platforms ...filing.AppPlatform) *filing.Filing {
	return &filing.Filing{
		Subject: filing.Subject{Province: "44", Name: "新申请单位有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certE},
		Apps:    []filing.App{{Kind: filing.AppKindApp, Service: filing.Service{Name: name}, Platforms: platforms}},
	}
}

func plat(p filing.Platform, id string) filing.AppPlatform {
	return filing.AppPlatform{Platform: p, Identifier: id}
}

func TestR74_IdentifierConflicts(t *testing.T) {
	ix := appFixture(t)
	for _, tc := range []struct {
		name    string
		f       *filing.Filing
		kinds   []Kind
		paths   []string
		numbers []string
	}{
		{"Bundle ID in another case", appFiling("短视频", plat(filing.PlatformIOS, "com.ss.iphone.ugc.aweme")),
			[]Kind{KindAppIdentifierTaken}, []string{"apps[0].platforms[0].identifier"}, []string{numDouyin + "-2A"}},
		{"Android package name", appFiling("聊天工具", plat(filing.PlatformAndroid, " com.tencent.mm ")),
			[]Kind{KindAppIdentifierTaken}, []string{"apps[0].platforms[0].identifier"}, []string{numTencent + "-1627A"}},
		{"HarmonyOS bundle named like an Android package", appFiling("聊天工具", plat(filing.PlatformHarmonyOS, "com.tencent.mm")),
			[]Kind{KindAppIdentifierTaken}, []string{"apps[0].platforms[0].identifier"}, []string{numTencent + "-1627A"}},
		{"clean", appFiling("小明记账", plat(filing.PlatformAndroid, "cn.wangxiaoming.ledger"), plat(filing.PlatformIOS, "cn.wangxiaoming.Ledger")), nil, nil, nil},
		{"name of another subject's app", appFiling("抖 音", plat(filing.PlatformAndroid, "cn.example.dy")),
			[]Kind{KindAppNameTaken}, []string{"apps[0].name"}, []string{numDouyin + "-2A"}},
		{"a website's name is no app name", appFiling("抖音商城", plat(filing.PlatformAndroid, "cn.example.dy")), nil, nil, nil},
		{"identifier and name", appFiling("微信", plat(filing.PlatformIOS, "COM.TENCENT.XIN")),
			[]Kind{KindAppIdentifierTaken, KindAppNameTaken}, []string{"apps[0].platforms[0].identifier", "apps[0].name"}, []string{numTencent + "-1627A", numTencent + "-1627A"}},
		{"mini-program name", &filing.Filing{
			Subject: filing.Subject{Province: "44", Name: "新申请单位有限公司", CertType: filing.CertBusinessLicence, CertNumber: certE},
			Apps:    []filing.App{{Kind: filing.AppKindMiniProgram, Service: filing.Service{Name: "腾讯客服"}, Host: filing.HostWeChat}}},
			[]Kind{KindAppNameTaken}, []string{"apps[0].name"}, []string{numTencent + "-1626X"}},
	} {
		cs, err := ix.Check(tc.f)
		require.NoError(t, err, tc.name)
		var kinds []Kind
		var paths, numbers []string
		for _, c := range cs {
			kinds = append(kinds, c.Kind)
			paths = append(paths, c.Path)
			numbers = append(numbers, c.Blocking.AppNumber)
			assert.Equal(t, "R-74", c.Rule(), tc.name)
			assert.Equal(t, "44", c.Province, tc.name)
			assert.NotEmpty(t, c.Blocking.AppKind, tc.name)
			assert.NotEmpty(t, c.Blocking.AppName, tc.name)
			assert.ErrorIs(t, c, c.Kind)
			b, _ := json.Marshal(c)
			assert.NotContains(t, string(b), certB, "no certificate in a conflict")
			assert.NotContains(t, string(b), certA, "no certificate in a conflict")
		}
		assert.Equal(t, tc.kinds, kinds, tc.name)
		assert.Equal(t, tc.paths, paths, tc.name)
		assert.Equal(t, tc.numbers, numbers, tc.name)
	}
}

func TestR74_IdentifierTakenNamesTheBlockingBureau(t *testing.T) {
	ix := appFixture(t)
	cs, err := ix.Check(appFiling("短视频", plat(filing.PlatformAndroid, "com.ss.android.ugc.aweme")))
	require.NoError(t, err)
	require.Len(t, cs, 1)
	c := cs[0]
	assert.Equal(t, "11", c.Blocking.Province)
	assert.Equal(t, numDouyin, c.Blocking.SubjectNumber)
	assert.Equal(t, "北京市", c.Blocking.ProvinceName())
	assert.Equal(t, "com.ss.android.ugc.aweme", c.Identifier)
	assert.Equal(t, filing.AppKindApp, c.Blocking.AppKind)
	assert.Equal(t, "抖音", c.Blocking.AppName)
	assert.Equal(t, filing.StatusApproved, c.Blocking.Status)
}

// The conflict keeps the identifier as the applicant typed it, and the one on
// file where it is spelt in another letter case, never the folded key (the
// message quotes both: guidance.For).
func TestR74_MessageQuotesIdentifierAsTypedAndOnFile(t *testing.T) {
	ix := appFixture(t)
	cs, err := ix.Check(appFiling("聊天工具", plat(filing.PlatformIOS, "COM.Tencent.XIN")))
	require.NoError(t, err)
	require.NotEmpty(t, cs)
	c := cs[0]
	require.Equal(t, KindAppIdentifierTaken, c.Kind)
	assert.Equal(t, "COM.Tencent.XIN", c.Identifier)
	assert.Equal(t, "com.tencent.xin", c.OnFile)

	// Typed as on file: no second spelling.
	cs, err = ix.Check(appFiling("聊天工具", plat(filing.PlatformAndroid, "ｃｏｍ．ｔｅｎｃｅｎｔ．ｍｍ")))
	require.NoError(t, err, "full-width input folds as NormalizeFiling folds it")
	require.NotEmpty(t, cs)
	assert.Equal(t, "com.tencent.mm", cs[0].Identifier)
	assert.Empty(t, cs[0].OnFile)
}

func TestR74_OwnAppsNeverBlockAChange(t *testing.T) {
	ix := appFixture(t)
	own := &filing.Filing{
		Subject: filing.Subject{Number: numTencent, Province: "44", Name: "深圳市腾讯计算机系统有限公司", CertType: filing.CertBusinessLicence, CertNumber: certB},
		Apps: []filing.App{{
			Kind: filing.AppKindApp,
			Service: filing.Service{
				Name: "微信",
			},
			Platforms: []filing.AppPlatform{
				plat(filing.PlatformAndroid, "com.tencent.mm"), plat(filing.PlatformHarmonyOS, "com.tencent.wechat")},
		}},
	}
	cs, err := ix.Check(own)
	require.NoError(t, err)
	require.Len(t, cs, 1, "a new app with an own identifier: file a change")
	assert.Equal(t, KindAppFiledByYou, cs[0].Kind)
	assert.Equal(t, numTencent+"-1627A", cs[0].Blocking.AppNumber)

	own.Apps[0].Number = numTencent + "-1627A"
	cs, err = ix.Check(own)
	require.NoError(t, err)
	assert.Empty(t, cs, "a change of the own app (adding HarmonyOS)")

	own.Apps[0].Number = numTencent + "-9A"
	_, err = ix.Check(own)
	assert.ErrorIs(t, err, CodeNumberUnknown)
	own.Apps[0].Number = numDouyin + "-2A"
	_, err = ix.Check(own)
	assert.ErrorIs(t, err, CodeNumberUnknown, "another subject's app number")
}

func TestR13_AppFiledAgainWhileUnderReview(t *testing.T) {
	ix := appFixture(t)
	f := &filing.Filing{
		Subject: filing.Subject{Province: "52", Name: "李四", Nature: filing.NatureIndividual, CertType: filing.CertResidentID, CertNumber: certD},
		Apps:    []filing.App{{Kind: filing.AppKindApp, Service: filing.Service{Name: "李四记账"}, Platforms: []filing.AppPlatform{plat(filing.PlatformAndroid, "cn.lisi.ledger")}}},
	}
	cs, err := ix.Check(f)
	require.NoError(t, err)
	kinds := []Kind{}
	for _, c := range cs {
		kinds = append(kinds, c.Kind)
	}
	assert.Contains(t, kinds, KindPending)
	cs, err = ix.Check(f, Resubmission())
	require.NoError(t, err)
	for _, c := range cs {
		assert.NotEqual(t, "apps[0].platforms[0].identifier", c.Path, "a resubmission is not blocked by itself")
	}
	// A stranger meets the pending app too (R-13 blocks under review).
	cs, err = ix.Check(appFiling("记账本", plat(filing.PlatformAndroid, "cn.lisi.ledger")))
	require.NoError(t, err)
	require.Len(t, cs, 1)
	assert.Equal(t, KindAppIdentifierTaken, cs[0].Kind)
	assert.Empty(t, cs[0].Blocking.AppNumber)
}

func TestR74_BadAppInput(t *testing.T) {
	ix := appFixture(t)
	for _, tc := range []struct {
		name string
		f    *filing.Filing
		code filing.Code
		path string
	}{
		{"malformed package", appFiling("x", plat(filing.PlatformAndroid, "com..mm")), filing.CodeAppIdentifierSyntax, "apps[0].platforms[0].identifier"},
		{"overlong bundle name", appFiling("x", plat(filing.PlatformHarmonyOS, "com.example."+strings.Repeat("a", 200))), filing.CodeAppIdentifierLong, "apps[0].platforms[0].identifier"},
		{"unknown platform", appFiling("x", plat("symbian", "com.nokia.x")), filing.CodeAppPlatformUnknown, "apps[0].platforms[0].identifier"},
	} {
		cs, err := ix.Check(tc.f)
		assert.Nil(t, cs, tc.name)
		var ve *filing.ValidationError
		if assert.ErrorAs(t, err, &ve, tc.name) {
			assert.ErrorIs(t, err, tc.code, tc.name)
			assert.Equal(t, tc.path, ve.Problems[0].Path, tc.name)
		}
	}
}

func TestR74_BadAppRecords(t *testing.T) {
	ix := New()
	base := func() Record {
		return Record{Subject: SubjectRecord{Number: numTencent, Province: "44", Name: "深圳市腾讯计算机系统有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certB}}
	}
	for _, tc := range []struct {
		name string
		app  AppRecord
		code filing.Code
	}{
		{"number of another subject", AppRecord{Number: numDouyin + "-2A", Kind: filing.AppKindApp, Name: "x"}, CodeAppNumber},
		{"unknown kind", AppRecord{Number: numTencent + "-2A", Kind: "widget", Name: "x"}, CodeAppRecord},
		{"unknown platform", AppRecord{Number: numTencent + "-2A", Kind: filing.AppKindApp, Name: "x", Platforms: []AppPlatformRecord{{Platform: "symbian", Identifier: "com.a.b"}}}, CodeAppRecord},
		{"malformed identifier", AppRecord{Number: numTencent + "-2A", Kind: filing.AppKindApp, Name: "x", Platforms: []AppPlatformRecord{{Platform: filing.PlatformIOS, Identifier: "com.a_b"}}}, filing.CodeAppIdentifierSyntax},
		{"approved without number", AppRecord{Kind: filing.AppKindApp, Name: "x", Status: filing.StatusApproved}, CodeNumberMissing},
		{"unknown status", AppRecord{Kind: filing.AppKindApp, Name: "x", Status: "lost"}, CodeStatusUnknown},
	} {
		r := base()
		r.Apps = []AppRecord{tc.app}
		err := ix.Put(r)
		assert.ErrorIs(t, err, ErrBadRecord, tc.name)
		assert.ErrorIs(t, err, tc.code, tc.name)
	}
	assert.Equal(t, 0, ix.AppLen())
}

func TestR74_PutReplaceRemoveKeepTheAppTableRight(t *testing.T) {
	ix := appFixture(t)
	assert.Equal(t, 4, ix.AppLen())
	r, err := ix.Lookup(numTencent)
	require.NoError(t, err)
	require.Len(t, r.Apps, 2)
	assert.Equal(t, "腾讯客服", r.Apps[0].Name)
	assert.Equal(t, []AppPlatformRecord{{Platform: filing.PlatformAndroid, Identifier: "com.tencent.mm"}, {Platform: filing.PlatformIOS, Identifier: "com.tencent.xin"}}, r.Apps[1].Platforms)

	// Replace: WeChat's app dropped; its identifiers no longer meet.
	r.Apps = r.Apps[:1]
	require.NoError(t, ix.Put(r))
	assert.Equal(t, 3, ix.AppLen())
	cs, err := ix.Check(appFiling("聊天", plat(filing.PlatformAndroid, "com.tencent.mm")))
	require.NoError(t, err)
	assert.Empty(t, cs)

	// Removing a website keeps the subject's apps.
	require.NoError(t, ix.Remove(numDouyin+"-1"))
	d, err := ix.Lookup(numDouyin)
	require.NoError(t, err)
	assert.Len(t, d.Apps, 1)
	cs, err = ix.Check(appFiling("短视频", plat(filing.PlatformIOS, "com.ss.iphone.ugc.AWEME")))
	require.NoError(t, err)
	assert.Len(t, cs, 1)

	// Removing the subject removes its apps.
	require.NoError(t, ix.RemoveCert(filing.CertBusinessLicence, certA))
	assert.Equal(t, 2, ix.AppLen())
	cs, err = ix.Check(appFiling("短视频", plat(filing.PlatformIOS, "com.ss.iphone.ugc.Aweme")))
	require.NoError(t, err)
	assert.Empty(t, cs)
}

// Replacing records many times leaves garbage in the arena; compaction
// must keep every live app readable.
func TestR74_ArenaCompaction(t *testing.T) {
	ix := appFixture(t)
	rec := func(i int) Record {
		return Record{Subject: SubjectRecord{Number: "黔ICP备2026001073号", Province: "52", Name: "贵州示例科技有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certF},
			Apps: []AppRecord{{Number: fmt.Sprintf("黔ICP备2026001073号-%dA", i%50+1), Kind: filing.AppKindApp, Name: strings.Repeat("长名", 40) + fmt.Sprint(i),
				Platforms: []AppPlatformRecord{{Platform: filing.PlatformAndroid, Identifier: fmt.Sprintf("cn.example.app%d", i)}}}}}
	}
	for i := range 3000 {
		require.NoError(t, ix.Put(rec(i)))
	}
	assert.Less(t, len(ix.apps.arena), 1<<18, "garbage compacted")
	cs, err := ix.Check(appFiling("x", plat(filing.PlatformAndroid, "cn.example.app2999")))
	require.NoError(t, err)
	require.Len(t, cs, 1)
	assert.Equal(t, "黔ICP备2026001073号-50A", cs[0].Blocking.AppNumber)
	cs, err = ix.Check(appFiling("x", plat(filing.PlatformAndroid, "cn.example.app2998")))
	require.NoError(t, err)
	assert.Empty(t, cs)
	cs, err = ix.Check(appFiling("y", plat(filing.PlatformIOS, "com.tencent.xin")))
	require.NoError(t, err)
	assert.Len(t, cs, 1, "the fixture's apps survive compaction")
}

func TestR33_PublicQueryOverApps(t *testing.T) {
	ix := appFixture(t)
	res, err := ix.Query(Query{By: ByAppName, Value: "微 信"})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	r := res.Records[0]
	assert.Equal(t, "APP应用", r.ServiceType)
	assert.Equal(t, numTencent+"-1627A", r.AppNumber)
	assert.Equal(t, "微信", r.AppName)
	assert.Equal(t, "深圳市腾讯计算机系统有限公司", r.SponsorName)

	res, err = ix.Query(Query{By: ByNumber, Value: "粤B2-20090059-1626x"})
	require.NoError(t, err)
	require.Len(t, res.Records, 1)
	assert.Equal(t, "小程序", res.Records[0].ServiceType)
	assert.Equal(t, "腾讯客服", res.Records[0].AppName)

	res, err = ix.Query(Query{By: BySponsorName, Value: "北京微播视界科技有限公司"})
	require.NoError(t, err)
	require.Len(t, res.Records, 2)
	types := []string{res.Records[0].ServiceType, res.Records[1].ServiceType}
	assert.ElementsMatch(t, []string{"网站", "APP应用"}, types)

	res, err = ix.Query(Query{By: ByNumber, Value: numTencent})
	require.NoError(t, err)
	assert.Len(t, res.Records, 2, "both apps of a subject without websites")

	res, err = ix.Query(Query{By: ByAppName, Value: "李四记账"})
	require.NoError(t, err)
	assert.Empty(t, res.Records, "under review: not public")

	b, _ := json.Marshal(res)
	assert.NotContains(t, string(b), certD)
}

func TestR74_JSONLWithApps(t *testing.T) {
	var buf bytes.Buffer
	src := appFixture(t)
	for _, n := range []string{numTencent, numDouyin} {
		r, err := src.Lookup(n)
		require.NoError(t, err)
		b, err := json.Marshal(r)
		require.NoError(t, err)
		buf.Write(b)
		buf.WriteByte('\n')
	}
	ix := New()
	n, err := ix.LoadJSONL(&buf)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	assert.Equal(t, 3, ix.AppLen())
	cs, err := ix.Check(appFiling("x", plat(filing.PlatformIOS, "com.tencent.xin")))
	require.NoError(t, err)
	assert.Len(t, cs, 1)
}

func TestR74_ConcurrentChecksAndPuts(t *testing.T) {
	ix := appFixture(t)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 200 {
				if g == 0 {
					r := Record{Subject: SubjectRecord{Number: "黔ICP备2026001073号", Province: "52", Name: "贵州示例科技有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certF},
						Apps: []AppRecord{{Number: "黔ICP备2026001073号-1A", Kind: filing.AppKindApp, Name: "贵州app", Platforms: []AppPlatformRecord{{Platform: filing.PlatformAndroid, Identifier: fmt.Sprintf("cn.gz.app%d", i)}}}}}
					assert.NoError(t, ix.Put(r))
					continue
				}
				cs, err := ix.Check(appFiling("x", plat(filing.PlatformAndroid, "com.tencent.mm")))
				assert.NoError(t, err)
				assert.Len(t, cs, 1)
				_, err = ix.Query(Query{By: ByAppName, Value: "贵州app"})
				assert.NoError(t, err)
			}
		})
	}
	wg.Wait()
}
