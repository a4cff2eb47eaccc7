package conflict

import (
	"reflect"
	"strings"
	"testing"

	"github.com/beiankit/beian/filing/domain"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
)

func TestR33_PublicQueryByEachField(t *testing.T) {
	ix := fixture(t)
	cases := []struct {
		by    Field
		value string
		want  []string // website numbers (or subject numbers for subject-only rows)
	}{
		{ByWebsiteName, "示例网", []string{numA + "-1"}},
		{ByWebsiteName, " 示例网 ", []string{numA + "-1"}},
		{ByWebsiteName, "示例", nil},    // whole names only
		{ByWebsiteName, "张三的博客", nil}, // returned filing: not public
		{ByDomain, "example.com", []string{numA + "-1"}},
		{ByDomain, "WWW.EXAMPLE.COM.", []string{numA + "-1"}},
		{ByDomain, "例子.中国", []string{numA + "-2"}},
		{ByDomain, "xn--fsqu00a.xn--fiqs8s", []string{numA + "-2"}},
		{ByDomain, "pending.cn", nil},
		{ByDomain, "nobody.cn", nil},
		{ByHomeURL, "www.example.com", []string{numA + "-1"}},
		{ByHomeURL, "HTTPS://WWW.Example.com/", []string{numA + "-1"}},
		{ByHomeURL, "http://example.com", nil}, // another host
		{ByHomeURL, "https://shop.other.cn/index.html", []string{numB + "-1"}},
		{ByHomeURL, "https://xn--fsqu00a.xn--fiqs8s", []string{numA + "-2"}},
		{ByNumber, numA, []string{numA + "-1", numA + "-2"}},
		{ByNumber, "黔ICP备１５０００４１x号－２", []string{numA + "-2"}},
		{ByNumber, "京ICP证000001号", []string{numB + "-1"}},
		{ByNumber, numA + "-7", nil},
		{ByIP, "1.2.3.4", []string{numA + "-1", numA + "-2"}},
		{ByIP, "::ffff:1.2.3.4", []string{numA + "-1", numA + "-2"}},
		{ByIP, "2001:DB8::1", []string{numA + "-2"}},
		{ByIP, "1.2.3.5", nil},
		{BySponsorName, "北京他人网络有限公司", []string{numB + "-1"}},
		{BySponsorName, "北京他人网络 有限公司", []string{numB + "-1"}},
		{BySponsorName, "张三", nil},
	}
	for _, c := range cases {
		t.Run(string(c.by)+"="+c.value, func(t *testing.T) {
			res, err := ix.Query(Query{By: c.by, Value: c.value})
			require.NoError(t, err)
			var got []string
			for _, r := range res.Records {
				got = append(got, r.WebsiteNumber)
			}
			assert.Equal(t, c.want, got, "records")
			assert.Equal(t, len(c.want), res.Total, "total")
		})
	}
}

func TestR33_PublicQueryShowsNoPersonalData(t *testing.T) {
	// The result type has no field that could carry personal data.
	rt := reflect.TypeFor[PublicRecord]()
	for i := range rt.NumField() {
		f := rt.Field(i)
		name := strings.ToLower(f.Name)
		for _, bad := range []string{"cert", "phone", "mobile", "email", "mail", "principal", "ip"} {
			if strings.Contains(name, bad) {
				t.Errorf("PublicRecord.%s looks like personal data", f.Name)
			}
		}
		switch f.Type {
		case reflect.TypeFor[filing.IDNumber](), reflect.TypeFor[filing.Phone](), reflect.TypeFor[filing.Email]():
			t.Errorf("PublicRecord.%s has a personal-data type", f.Name)
		}
	}
	ix := fixture(t)
	res, err := ix.Query(Query{By: ByNumber, Value: numA})
	if err != nil || len(res.Records) != 2 {
		t.Fatal(res, err)
	}
	r := res.Records[0]
	if r.SponsorName != "贵州示例科技有限公司" || r.Nature != filing.NatureEnterprise || r.ProvinceName != "贵州省" || r.WebsiteName != "示例网" ||
		!reflect.DeepEqual(r.Domains, []string{"example.com"}) || r.HomeURL != "http://www.example.com" {
		t.Errorf("row %+v", r)
	}
}

func TestR33_PublicQueryNameNormalisation(t *testing.T) {
	ix := New()
	err := ix.Put(Record{Subject: SubjectRecord{Number: numA, Province: "52", Name: "ＡＢＣ Tech 有限公司", CertType: filing.CertBusinessLicence, CertNumber: certA},
		Websites: []WebsiteRecord{{Number: numA + "-1", Name: "My Blog ２０２６", Domains: []string{"a.cn"}}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []Query{
		{By: BySponsorName, Value: "abctech有限公司"},
		{By: BySponsorName, Value: "ABC TECH 有限公司"},
		{By: ByWebsiteName, Value: "myblog2026"},
		{By: ByWebsiteName, Value: "ＭＹ ＢＬＯＧ 2026"},
	} {
		res, err := ix.Query(q)
		if err != nil || res.Total != 1 {
			t.Errorf("%+v: %+v %v", q, res, err)
		}
	}
	if res, _ := ix.Query(Query{By: ByWebsiteName, Value: "My Blog"}); res.Total != 0 {
		t.Errorf("prefix matched: %+v", res)
	}
}

func TestR33_PublicQueryLimitAndShellSubject(t *testing.T) {
	ix := New()
	r := Record{Subject: SubjectRecord{Number: numA, Province: "52", Name: "多站单位", CertType: filing.CertBusinessLicence, CertNumber: certA}}
	for i := 1; i <= 5; i++ {
		n := numA + "-" + string(rune('0'+i))
		r.Websites = append(r.Websites, WebsiteRecord{Number: n, Name: "同名网站", Domains: []string{"s" + string(rune('0'+i)) + ".cn"}})
	}
	if err := ix.Put(r); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Query(Query{By: ByWebsiteName, Value: "同名网站", Limit: 2})
	if err != nil || res.Total != 5 || len(res.Records) != 2 || res.Records[0].WebsiteNumber != numA+"-1" || res.Records[1].WebsiteNumber != numA+"-2" {
		t.Errorf("%+v %v", res, err)
	}
	// A filed subject without websites (shell subject, R-62) shows one row.
	if err := ix.Put(Record{Subject: SubjectRecord{Number: numB, Province: "11", Name: "空壳单位", CertType: filing.CertBusinessLicence, CertNumber: certB}}); err != nil {
		t.Fatal(err)
	}
	res, err = ix.Query(Query{By: BySponsorName, Value: "空壳单位"})
	if err != nil || res.Total != 1 || res.Records[0].SubjectNumber != numB || res.Records[0].WebsiteNumber != "" {
		t.Errorf("%+v %v", res, err)
	}
}

func TestR33_PublicQueryBadInput(t *testing.T) {
	ix := fixture(t)
	cases := []struct {
		q    Query
		want error
	}{
		{Query{By: ByDomain, Value: " "}, ErrBadQuery},
		{Query{By: "phone", Value: "13800000000"}, ErrBadQuery},
		{Query{By: ByDomain, Value: "com.cn"}, domain.CodeDomainPublicSuffix},
		{Query{By: ByDomain, Value: "not a domain"}, domain.CodeDomainInvalid},
		{Query{By: ByIP, Value: "1.2.3"}, CodeIPInvalid},
		{Query{By: ByHomeURL, Value: "http://"}, domain.CodeDomainInvalid},
	}
	for _, c := range cases {
		_, err := ix.Query(c.q)
		assert.ErrorIs(t, err, c.want, "%+v", c.q)
	}
}

func TestR33_PublicQueryNumberSpellings(t *testing.T) {
	ix := New()
	recs := []Record{
		{Subject: SubjectRecord{Number: "蜀ICP备2021012345号", Province: "51", Name: "四川单位", CertType: filing.CertBusinessLicence, CertNumber: certA},
			Websites: []WebsiteRecord{{Number: "蜀ICP备2021012345号-3", Name: "川站", Domains: []string{"sichuan-site.cn"}}}},
		{Subject: SubjectRecord{Number: "粤B2-20090059", Province: "44", Name: "广东持证单位", CertType: filing.CertBusinessLicence, CertNumber: certB},
			Websites: []WebsiteRecord{{Number: "粤B2-20090059-5", Name: "粤站", Domains: []string{"guangdong-site.cn"}}}},
	}
	for _, r := range recs {
		if err := ix.Put(r); err != nil {
			t.Fatal(err)
		}
	}
	for value, want := range map[string]string{
		"川ICP备2021012345号-3":     "蜀ICP备2021012345号-3", // alternate abbreviation
		"蜀ICP备 2021012345 号 － 3": "蜀ICP备2021012345号-3", // spaces, full-width dash
		"粤B2-20090059-5":         "粤B2-20090059-5",     // telecom licence website
		"粤B2-20090059":           "粤B2-20090059-5",     // its subject
	} {
		res, err := ix.Query(Query{By: ByNumber, Value: value})
		if assert.NoError(t, err, value) && assert.Equal(t, 1, res.Total, value) {
			assert.Equal(t, want, res.Records[0].WebsiteNumber, value)
		}
	}
	if _, err := ix.Lookup("川ICP备2021012345号"); err != nil {
		t.Errorf("Lookup with the alternate abbreviation: %v", err)
	}
}
