package conflict

import (
	"encoding/json"
	"errors"
	"net/netip"
	"reflect"
	"testing"

	"github.com/beiankit/beian/filing/domain"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
)

// Fixture certificates (GB 11643, GB 32100, GB 11714; all pass their checks).
const (
	certA = "91350100M000100Y43" // GB 32100 附录B example
	certB = "9144030071526726XG" // 腾讯科技（深圳）
	certC = "11010519491231002X" // GB 11643 example
	certD = "440524188001010014" // GB 11643 example
	certE = "9144030010001686XA" // 招商银行
	certF = "914403001922038216" // 华为
)

const (
	numA = "黔ICP备1500041X号"
	numB = "京ICP备2021033841号"
)

// fixture: A (Guizhou, approved, two websites), B (Beijing, approved),
// C (Guizhou, returned filing), D (Guizhou, under review).
func fixture(t testing.TB) *Index {
	t.Helper()
	ix := New()
	recs := []Record{
		{Subject: SubjectRecord{Number: numA, Province: "52", Name: "贵州示例科技有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certA},
			Websites: []WebsiteRecord{
				{Number: numA + "-1", Name: "示例网", Domains: []string{"example.com"}, HomeURL: "http://www.example.com", IPs: []netip.Addr{netip.MustParseAddr("1.2.3.4")}},
				{Number: numA + "-2", Name: "例子", Domains: []string{"例子.中国"}, HomeURL: "https://例子.中国/", IPs: []netip.Addr{netip.MustParseAddr("1.2.3.4"), netip.MustParseAddr("2001:db8::1")}},
			}},
		{Subject: SubjectRecord{Number: numB, Province: "11", Name: "北京他人网络有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: certB, Licence: "京ICP证000001号"},
			Websites: []WebsiteRecord{{Number: numB + "-1", Name: "他人商城", Domains: []string{"other.cn"}, HomeURL: "https://shop.other.cn/index.html"}}},
		{Subject: SubjectRecord{Province: "52", Name: "张三", Nature: filing.NatureIndividual, CertType: filing.CertResidentID, CertNumber: certC, Status: filing.StatusReturnedToUser},
			Websites: []WebsiteRecord{{Name: "张三的博客", Domains: []string{"rejected.cn"}, Status: filing.StatusReturnedToUser}}},
		{Subject: SubjectRecord{Province: "52", Name: "李四", Nature: filing.NatureIndividual, CertType: filing.CertResidentID, CertNumber: certD, Status: filing.StatusBureauReview},
			Websites: []WebsiteRecord{{Name: "李四的站", Domains: []string{"pending.cn"}, Status: filing.StatusBureauReview}}},
	}
	for _, r := range recs {
		if err := ix.Put(r); err != nil {
			t.Fatalf("Put %s: %v", r.Subject.Name, err)
		}
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

func mustCheck(t *testing.T, ix *Index, f *filing.Filing, opts ...CheckOption) []Conflict {
	t.Helper()
	cs, err := ix.Check(f, opts...)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	agreeWithOracle(t, ix, f, cs, err, opts...)
	return cs
}

func kinds(cs []Conflict) []Kind {
	var out []Kind
	for _, c := range cs {
		out = append(out, c.Kind)
	}
	return out
}

func TestR30_DomainConflictSameProvince(t *testing.T) {
	ix := fixture(t)
	cases := []struct {
		domain, wantReg, wantNum string
	}{
		{"example.com", "example.com", numA + "-1"},
		{"www.Example.com.", "example.com", numA + "-1"},
		{"m.example.com", "example.com", numA + "-1"},
		{"  ＥＸＡＭＰＬＥ．ｃｏｍ ", "example.com", numA + "-1"},
		{"例子.中国", "xn--fsqu00a.xn--fiqs8s", numA + "-2"},
		{"xn--fsqu00a.xn--fiqs8s", "xn--fsqu00a.xn--fiqs8s", numA + "-2"},
		{"www.例子。中国", "xn--fsqu00a.xn--fiqs8s", numA + "-2"},
	}
	for _, c := range cases {
		t.Run(c.domain, func(t *testing.T) {
			cs := mustCheck(t, ix, newFiling("52", c.domain))
			require.Len(t, cs, 1, "conflicts %v", kinds(cs))
			got := cs[0]
			assert.Equal(t, KindDomainSameProvince, got.Kind)
			assert.Equal(t, "R-30", got.Rule())
			assert.Equal(t, c.wantReg, got.Domain)
			assert.Equal(t, "websites[0].domains[0]", got.Path)
			assert.Equal(t, c.wantNum, got.Blocking.WebsiteNumber, "blocking website")
			assert.Equal(t, numA, got.Blocking.SubjectNumber, "blocking subject")
			assert.Equal(t, "52", got.Blocking.Province)
			assert.Equal(t, "贵州省", got.Blocking.ProvinceName())
			assert.Equal(t, "52", got.Province, "the applicant's province (its bureau takes the cancellation)")
			assert.ErrorIs(t, got, KindDomainSameProvince)
		})
	}
}

func TestR30_OtherProvince(t *testing.T) {
	ix := fixture(t)
	// A Beijing applicant meets Guizhou's example.com; a Guizhou applicant
	// meets Beijing's other.cn.
	cs := mustCheck(t, ix, newFiling("11", "EXAMPLE.com"))
	if len(cs) != 1 || cs[0].Kind != KindDomainOtherProvince {
		t.Fatalf("got %v", kinds(cs))
	}
	if cs[0].Province != "11" || cs[0].Blocking.Province != "52" || cs[0].Blocking.ProvinceName() != "贵州省" {
		t.Errorf("conflict %+v", cs[0])
	}
	cs = mustCheck(t, ix, newFiling("52", "news.other.cn"))
	if len(cs) != 1 || cs[0].Kind != KindDomainOtherProvince || cs[0].Blocking.WebsiteNumber != numB+"-1" || cs[0].Blocking.Province != "11" {
		t.Fatalf("got %+v", cs)
	}
}

func TestR30_NoConflictForOtherDomains(t *testing.T) {
	ix := fixture(t)
	for _, d := range []string{"example.com.cn", "example.net", "examples.com", "例子.公司", "other.com.cn"} {
		if cs := mustCheck(t, ix, newFiling("52", d)); len(cs) != 0 {
			t.Errorf("%s: unexpected %v", d, kinds(cs))
		}
	}
}

func TestR30_OwnRecordsNeverConflict(t *testing.T) {
	ix := fixture(t)
	own := func() *filing.Filing {
		return &filing.Filing{Subject: filing.Subject{Number: numA, Province: "52", Name: "贵州示例科技有限公司", CertType: filing.CertBusinessLicence, CertNumber: certA}}
	}
	// A change filing of both websites, with their numbers.
	f := own()
	f.Websites = []filing.Website{
		{Service: filing.Service{Number: numA + "-1"}, Domains: []string{"www.example.com"}},
		{Service: filing.Service{Number: numA + "-2"}, Domains: []string{"例子.中国"}},
	}
	if cs := mustCheck(t, ix, f); len(cs) != 0 {
		t.Errorf("change filing: %v", kinds(cs))
	}
	// Moving a domain between own websites in a change.
	f.Websites[0].Domains, f.Websites[1].Domains = []string{"例子.中国"}, []string{"example.com"}
	if cs := mustCheck(t, ix, f); len(cs) != 0 {
		t.Errorf("swap: %v", kinds(cs))
	}
	// Adding a website with a new domain under the own subject.
	f = own()
	f.Websites = []filing.Website{{Domains: []string{"new-site.cn"}}}
	if cs := mustCheck(t, ix, f); len(cs) != 0 {
		t.Errorf("add website: %v", kinds(cs))
	}
	// Number typed with full-width digits and a lower-case x.
	f.Subject.Number = "黔ICP备１５０００４１x号"
	if cs := mustCheck(t, ix, f); len(cs) != 0 {
		t.Errorf("full-width number: %v", kinds(cs))
	}
}

func TestR30_DomainFiledByYouAsNewWebsite(t *testing.T) {
	ix := fixture(t)
	f := &filing.Filing{Subject: filing.Subject{Number: numA, Province: "52", CertType: filing.CertBusinessLicence, CertNumber: certA},
		Websites: []filing.Website{{Domains: []string{"m.example.com"}}}}
	cs := mustCheck(t, ix, f)
	if len(cs) != 1 || cs[0].Kind != KindDomainFiledByYou || cs[0].Blocking.WebsiteNumber != numA+"-1" {
		t.Fatalf("got %+v", cs)
	}
}

func TestR31_SubjectAlreadyFiledSameName(t *testing.T) {
	ix := fixture(t)
	f := &filing.Filing{
		// Same certificate typed with spaces and lower case, same name with a
		// full-width space: the applicant itself, filing its subject again.
		Subject:  filing.Subject{Province: "52", Name: "贵州示例科技　有限公司", CertType: filing.CertBusinessLicence, CertNumber: " 91350100m000100y43 "},
		Websites: []filing.Website{{Domains: []string{"brand-new.cn"}}},
	}
	cs := mustCheck(t, ix, f)
	if len(cs) != 1 || cs[0].Kind != KindSubjectFiled || cs[0].Rule() != "R-31" {
		t.Fatalf("got %+v", kinds(cs))
	}
	c := cs[0]
	if c.Path != "subject.cert_number" || c.Blocking.SubjectNumber != numA || c.Blocking.Province != "52" {
		t.Errorf("conflict %+v", c)
	}
	// The existing subject's websites are the applicant's own: filing one of
	// its domains as a new website is KindDomainFiledByYou, not a conflict
	// with a stranger.
	f.Websites[0].Domains = []string{"example.com"}
	if got := kinds(mustCheck(t, ix, f)); !reflect.DeepEqual(got, []Kind{KindSubjectFiled, KindDomainFiledByYou}) {
		t.Errorf("got %v", got)
	}
}

func TestR31_SomeoneElseFiledWithYourCertificate(t *testing.T) {
	ix := fixture(t)
	f := &filing.Filing{
		Subject:  filing.Subject{Province: "52", Name: "完全不同的公司", CertType: filing.CertBusinessLicence, CertNumber: certA},
		Websites: []filing.Website{{Domains: []string{"brand-new.cn"}}},
	}
	cs := mustCheck(t, ix, f)
	if len(cs) != 1 || cs[0].Kind != KindSubjectCertificateTaken {
		t.Fatalf("got %v", kinds(cs))
	}
	c := cs[0]
	if c.Province != "52" || c.Blocking.Province != "52" || c.Blocking.SubjectNumber != numA {
		t.Errorf("same-province certificate conflict: %+v", c)
	}
	// Beijing's certificate from a Guizhou applicant: no cancellation form,
	// contact the own bureau.
	f.Subject.CertNumber = certB
	cs = mustCheck(t, ix, f)
	if len(cs) != 1 || cs[0].Kind != KindSubjectCertificateTaken || cs[0].Province != "52" || cs[0].Blocking.Province != "11" {
		t.Errorf("got %+v", cs)
	}
	// The filing names subject A but carries B's certificate.
	f.Subject.Number, f.Subject.CertNumber = numA, certB
	cs = mustCheck(t, ix, f)
	if len(cs) != 1 || cs[0].Kind != KindSubjectCertificateTaken || cs[0].Blocking.SubjectNumber != numB {
		t.Errorf("got %+v", cs)
	}
	// Same number, other certificate type: not the same subject.
	f.Subject.Number, f.Subject.CertType, f.Subject.CertNumber = "", filing.CertUSCC, certA
	if cs := mustCheck(t, ix, f); len(cs) != 0 {
		t.Errorf("other certificate type: %v", kinds(cs))
	}
}

func TestR13_ResubmissionAfterRejection(t *testing.T) {
	ix := fixture(t)
	f := &filing.Filing{
		Subject:  filing.Subject{Province: "52", Name: "张三", Nature: filing.NatureIndividual, CertType: filing.CertResidentID, CertNumber: certC},
		Websites: []filing.Website{{Domains: []string{"www.rejected.cn"}}},
	}
	cs := mustCheck(t, ix, f)
	if got := kinds(cs); !reflect.DeepEqual(got, []Kind{KindResubmission, KindResubmission}) {
		t.Fatalf("got %v", got)
	}
	if cs[1].Path != "websites[0].domains[0]" || cs[1].Rule() != "R-13" || cs[1].Domain != "rejected.cn" || cs[1].Blocking.Status != filing.StatusReturnedToUser {
		t.Errorf("conflict %+v", cs[1])
	}
	// The edited returned filing, sent back, is not a conflict.
	if cs := mustCheck(t, ix, f, Resubmission()); len(cs) != 0 {
		t.Errorf("with Resubmission: %v", kinds(cs))
	}
	// A stranger filing the rejected domain meets the returned filing.
	cs = mustCheck(t, ix, newFiling("52", "rejected.cn"))
	if len(cs) != 1 || cs[0].Kind != KindDomainSameProvince || cs[0].Blocking.WebsiteNumber != "" || cs[0].Blocking.Status != filing.StatusReturnedToUser {
		t.Errorf("stranger: %+v", cs)
	}
}

func TestR13_PendingFiledAgain(t *testing.T) {
	ix := fixture(t)
	f := &filing.Filing{
		Subject:  filing.Subject{Province: "52", Name: "李四", CertType: filing.CertResidentID, CertNumber: certD},
		Websites: []filing.Website{{Domains: []string{"pending.cn"}}},
	}
	cs := mustCheck(t, ix, f)
	if got := kinds(cs); !reflect.DeepEqual(got, []Kind{KindPending, KindPending}) {
		t.Fatalf("got %v", got)
	}
	if cs[0].Path != "subject.cert_number" || cs[1].Domain != "pending.cn" || cs[1].Blocking.Status != filing.StatusBureauReview {
		t.Errorf("conflicts %+v", cs)
	}
}

func TestCheck_BadInput(t *testing.T) {
	ix := fixture(t)
	cases := []struct {
		name string
		f    *filing.Filing
		code filing.Code
		path string
	}{
		{"nil", nil, CodeCertMissing, "subject"},
		{"malformed domain", newFiling("52", "exa mple..com"), domain.CodeDomainInvalid, "websites[0].domains[0]"},
		{"url", newFiling("52", "http://example.com/"), domain.CodeDomainURL, "websites[0].domains[0]"},
		{"public suffix", newFiling("52", "com.cn"), domain.CodeDomainPublicSuffix, "websites[0].domains[0]"},
		{"duplicate", newFiling("52", "a.cn", "A.CN."), CodeDomainDuplicate, "websites[0].domains[1]"},
		{"unknown province", newFiling("99", "a.cn"), CodeProvinceUnknown, "subject.province"},
		{"no certificate", &filing.Filing{Subject: filing.Subject{Province: "52"}}, CodeCertMissing, "subject.cert_number"},
		{"unknown subject number", &filing.Filing{Subject: filing.Subject{Number: "黔ICP备9999999号", Province: "52", CertType: filing.CertBusinessLicence, CertNumber: certE}}, CodeNumberUnknown, "subject.number"},
		{"website of another subject", &filing.Filing{Subject: filing.Subject{Number: numA, Province: "52", CertType: filing.CertBusinessLicence, CertNumber: certA},
			Websites: []filing.Website{{Service: filing.Service{Number: numB + "-1"}, Domains: []string{"other.cn"}}}}, CodeWebsiteNotOwn, "websites[0].number"},
		{"removed website number", &filing.Filing{Subject: filing.Subject{Number: numA, Province: "52", CertType: filing.CertBusinessLicence, CertNumber: certA},
			Websites: []filing.Website{{Service: filing.Service{Number: numA + "-9"}, Domains: []string{"x.cn"}}}}, CodeNumberUnknown, "websites[0].number"},
	}
	two := newFiling("52", "www.a.cn")
	two.Websites = append(two.Websites, filing.Website{Domains: []string{"m.a.cn"}})
	cases = append(cases, struct {
		name string
		f    *filing.Filing
		code filing.Code
		path string
	}{"registrable domain in two websites", two, CodeDomainDuplicate, "websites[1].domains[0]"})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cs, err := ix.Check(c.f)
			assert.Nil(t, cs, "conflicts %v with an error", kinds(cs))
			require.ErrorIs(t, err, c.code)
			var ve *filing.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.NotEmpty(t, ve.At(c.path), "no problem at %s in %v", c.path, err)
			for _, p := range ve.Problems {
				assert.NotEmpty(t, p.Zh, "problem without a Chinese message: %+v", p)
				assert.NotEmpty(t, p.En, "problem without an English message: %+v", p)
			}
		})
	}
	// a.cn and www.a.cn in one website: allowed (older records list both).
	if _, err := ix.Check(newFiling("52", "a.cn", "www.a.cn")); err != nil {
		t.Errorf("a.cn + www.a.cn in one website: %v", err)
	}
}

func TestPut_BadRecord(t *testing.T) {
	ix := New()
	good := func() Record {
		return Record{Subject: SubjectRecord{Number: numA, Province: "52", Name: "x", CertType: filing.CertBusinessLicence, CertNumber: certA},
			Websites: []WebsiteRecord{{Number: numA + "-1", Domains: []string{"a.cn"}}}}
	}
	cases := []struct {
		name   string
		change func(*Record)
		code   filing.Code
		path   string
	}{
		{"unknown province", func(r *Record) { r.Subject.Province = "黔" }, CodeProvinceUnknown, "subject.province"},
		{"public suffix", func(r *Record) { r.Websites[0].Domains = []string{"com.cn"} }, domain.CodeDomainPublicSuffix, "websites[0].domains[0]"},
		{"duplicate domain", func(r *Record) { r.Websites[0].Domains = []string{"a.cn", "A.cn"} }, CodeDomainDuplicate, "websites[0].domains[1]"},
		{"website number of another subject", func(r *Record) { r.Websites[0].Number = numB + "-1" }, CodeWebsiteNumber, "websites[0].number"},
		{"approved without number", func(r *Record) { r.Subject.Number = "" }, CodeNumberMissing, "subject.number"},
		{"subject number with suffix", func(r *Record) { r.Subject.Number = numA + "-1" }, CodeWebsiteNumber, "subject.number"},
		{"unknown status", func(r *Record) { r.Websites[0].Status = "approved?" }, CodeStatusUnknown, "websites[0].status"},
		{"no certificate", func(r *Record) { r.Subject.CertNumber = " " }, CodeCertMissing, "subject.cert_number"},
		{"invalid IP", func(r *Record) { r.Websites[0].IPs = []netip.Addr{{}} }, CodeIPInvalid, "websites[0].ips[0]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := good()
			c.change(&r)
			err := ix.Put(r)
			require.ErrorIs(t, err, ErrBadRecord)
			assert.ErrorIs(t, err, c.code)
			var ve *filing.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.NotEmpty(t, ve.At(c.path), "no problem at %s: %v", c.path, err)
			s, w := ix.Len()
			assert.Equal(t, [2]int{0, 0}, [2]int{s, w}, "index changed (subjects, websites)")
		})
	}
}

func TestPutReplaceAndRemove(t *testing.T) {
	ix := fixture(t)
	// A changes website -1's domain: example.com is free, example.org is taken.
	r, err := ix.Lookup(numA)
	if err != nil {
		t.Fatal(err)
	}
	if r.Subject.CertNumber.Raw() != certA || len(r.Websites) != 2 {
		t.Fatalf("lookup %+v", r)
	}
	r.Websites[0].Domains = []string{"example.org"}
	if err := ix.Put(r); err != nil {
		t.Fatal(err)
	}
	if s, w := ix.Len(); s != 4 || w != 5 {
		t.Errorf("Len = %d, %d after replace", s, w)
	}
	if cs := mustCheck(t, ix, newFiling("52", "example.com")); len(cs) != 0 {
		t.Errorf("old domain still blocks: %v", kinds(cs))
	}
	if cs := mustCheck(t, ix, newFiling("52", "example.org")); len(cs) != 1 {
		t.Errorf("new domain does not block: %v", kinds(cs))
	}
	// Remove one website, then the subject.
	if err := ix.Remove(numA + "-2"); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Lookup(numA + "-2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("removed website: %v", err)
	}
	if cs := mustCheck(t, ix, newFiling("52", "例子.中国")); len(cs) != 0 {
		t.Errorf("removed website still blocks: %v", kinds(cs))
	}
	if _, err := ix.Lookup(numA + "-1"); err != nil {
		t.Errorf("sibling website gone: %v", err)
	}
	if err := ix.Remove(numA); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{numA, numA + "-1", "黔ICP备0000000号-1", "not a number"} {
		if err := ix.Remove(n); !errors.Is(err, ErrNotFound) {
			t.Errorf("Remove(%s) = %v", n, err)
		}
		if _, err := ix.Lookup(n); !errors.Is(err, ErrNotFound) {
			t.Errorf("Lookup(%s) = %v", n, err)
		}
	}
	// The index asked about the removed subject through a filing.
	f := &filing.Filing{Subject: filing.Subject{Number: numA, Province: "52", CertType: filing.CertBusinessLicence, CertNumber: certA}}
	if _, err := ix.Check(f); !errors.Is(err, CodeNumberUnknown) {
		t.Errorf("Check of removed subject number: %v", err)
	}
	// Unnumbered filings go by certificate.
	if err := ix.RemoveCert(filing.CertResidentID, certC); err != nil {
		t.Fatal(err)
	}
	if err := ix.RemoveCert(filing.CertResidentID, certC); !errors.Is(err, ErrNotFound) {
		t.Errorf("second RemoveCert: %v", err)
	}
	if _, err := ix.LookupCert(filing.CertResidentID, certD); err != nil {
		t.Errorf("LookupCert: %v", err)
	}
	// A cancelled subject put again is removed.
	rb, _ := ix.Lookup(numB)
	rb.Subject.Status = filing.StatusCancelled
	if err := ix.Put(rb); err != nil {
		t.Fatal(err)
	}
	if s, w := ix.Len(); s != 1 || w != 1 {
		t.Errorf("Len = %d, %d at the end", s, w)
	}
}

func TestPut_NumberOfAnotherCertificate(t *testing.T) {
	ix := fixture(t)
	// B's certificate with A's number: two different records claim it.
	r, _ := ix.Lookup(numB)
	r.Subject.Number = numA
	for i := range r.Websites {
		r.Websites[i].Number = numA + "-9"
	}
	if err := ix.Put(r); !errors.Is(err, ErrNumberTaken) {
		t.Errorf("err = %v", err)
	}
	// A changes its certificate type (organisation code → credit code): the
	// record under its number is replaced.
	a, _ := ix.Lookup(numA)
	a.Subject.CertType = filing.CertUSCC
	if err := ix.Put(a); err != nil {
		t.Fatal(err)
	}
	if s, _ := ix.Len(); s != 4 {
		t.Errorf("subjects = %d", s)
	}
}

// TestR09_DuplicateDomainsAcrossWebsites: Check names every domain of a
// filing given twice with the path of its first spelling, across
// websites and through a website's other spellings of a registrable domain
// (a.cn and www.a.cn in one website are one domain), more websites than
// Check keeps on its stack included.
func TestR09_DuplicateDomainsAcrossWebsites(t *testing.T) {
	ix := fixture(t)
	f := newFiling("52", "a.cn", "www.a.cn")
	f.Websites = append(f.Websites,
		filing.Website{Domains: []string{"b.cn", "a.cn"}},
		filing.Website{Domains: []string{"www.a.cn", "m.b.cn"}},
		filing.Website{Domains: []string{"c.cn"}},
		filing.Website{Domains: []string{"d.cn", "c.cn", "x1.cn", "x2.cn", "x3.cn", "x4.cn", "x5.cn"}},
	)
	_, err := ix.Check(f)
	var ve *filing.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v", err)
	}
	want := []struct{ path, en string }{
		{"websites[1].domains[1]", "domain a.cn is given twice (also at websites[0].domains[0])"},
		{"websites[2].domains[0]", "domain www.a.cn is given twice (also at websites[0].domains[0])"},
		{"websites[2].domains[1]", "registrable domain b.cn is also given for another website (websites[1].domains[0])"},
		{"websites[4].domains[1]", "domain c.cn is given twice (also at websites[3].domains[0])"},
	}
	if len(ve.Problems) != len(want) {
		t.Fatalf("%d problems, want %d: %v", len(ve.Problems), len(want), err)
	}
	for i, w := range want {
		p := ve.Problems[i]
		if p.Path != w.path || p.En != w.en || p.Code != CodeDomainDuplicate || p.Rule != "R-09" {
			t.Errorf("problem %d: %s %s %q, want %s %q", i, p.Path, p.Code, p.En, w.path, w.en)
		}
	}
	// The same websites without the duplicates are clean: 11 domains in 5
	// websites.
	f.Websites[1].Domains = f.Websites[1].Domains[:1]
	f.Websites[2].Domains = []string{"e.cn"}
	f.Websites[4].Domains = append(f.Websites[4].Domains[:1], f.Websites[4].Domains[2:]...)
	if cs, err := ix.Check(f); err != nil || len(cs) != 0 {
		t.Errorf("clean filing: %v %v", kinds(cs), err)
	}
}

// TestKindsAreCodes: every kind is a registered code (one code per kind,
// the kind's own string) with the kind's rule and a general statement in
// both languages, which a Conflict's Error, MessageZh and MessageEn give.
func TestKindsAreCodes(t *testing.T) {
	codes := Codes()
	require.Len(t, Kinds(), 12)
	for _, k := range Kinds() {
		assert.Contains(t, codes, k.Code(), k)
		assert.Equal(t, string(k), string(k.Code()))
		assert.Regexp(t, `^R-\d\d$`, k.Rule(), k)
		assert.Equal(t, k.Rule(), k.Code().Rule(), k)
		c := Conflict{Kind: k, Path: "websites[0].domains[0]"}
		assert.Equal(t, k.Code().MessageZh(), c.MessageZh(), k)
		assert.NotEmpty(t, c.MessageZh(), k)
		assert.Equal(t, string(k)+": websites[0].domains[0]: "+k.Code().MessageEn(), c.Error(), k)
		assert.ErrorIs(t, c, k)
	}
}

// TestR30_ConflictJSON: the rule and the blocking province's name are
// derived, not stored, and the JSON form still carries them, with the keys
// and in the order of the fields they were; decoding it gives the conflict
// back.
func TestR30_ConflictJSON(t *testing.T) {
	c := Conflict{Kind: KindDomainOtherProvince, Path: "websites[0].domains[0]", Domain: "example.cn", Province: "11",
		Blocking: Blocking{SubjectNumber: "黔ICP备2026001073号", WebsiteNumber: "黔ICP备2026001073号-1", Province: "52",
			Status: filing.StatusApproved}}
	assert.Equal(t, "R-30", c.Rule())
	assert.Equal(t, "贵州省", c.Blocking.ProvinceName())
	assert.Empty(t, Blocking{Province: "99"}.ProvinceName())
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"conflict.domain_other_province","rule":"R-30","path":"websites[0].domains[0]",`+
		`"domain":"example.cn","province":"11","blocking":{"subject_number":"黔ICP备2026001073号",`+
		`"website_number":"黔ICP备2026001073号-1","province":"52","province_name":"贵州省","status":"`+
		string(filing.StatusApproved)+`"}}`, string(b))
	assert.Regexp(t, `^\{"kind":"[^"]*","rule":"R-30","path":.*"blocking":\{"subject_number":"[^"]*","website_number":"[^"]*","province":"52","province_name":"贵州省","status":`, string(b), "key order")
	var back Conflict
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, c, back)
	app := Conflict{Kind: KindAppNameTaken, Path: "apps[0].name", Blocking: Blocking{AppNumber: "京ICP备05002571号-2A",
		Province: "11", Status: filing.StatusApproved, AppKind: filing.AppKindApp, AppName: "示例"}}
	b, err = json.Marshal([]Conflict{app})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"rule":"R-74"`)
	assert.Contains(t, string(b), `"app_number":"京ICP备05002571号-2A","province":"11","province_name":"北京市","status":`)
	assert.Contains(t, string(b), `"app_kind":"app","app_name":"示例"`)
}

// TestR30_AppendCheck: AppendCheck keeps what dst holds and appends what
// Check returns, into a reused buffer whose former conflicts do not show
// through; an error leaves dst as it was.
func TestR30_AppendCheck(t *testing.T) {
	ix := New()
	_, err := ix.Load(genRecords(300))
	require.NoError(t, err)
	fs := checkFilings(300, 64)
	keep := Conflict{Kind: KindPending, Path: "kept", Identifier: "x", Contact: KeyEmail,
		Blocking: Blocking{AppName: "former", AppNumber: "former", WebsiteNumber: "former"}}
	buf := make([]Conflict, 0, 8)
	found := 0
	for i, f := range fs {
		want, err := ix.Check(f)
		require.NoError(t, err, i)
		found += len(want)
		// Former conflicts past len in the buffer's room.
		room := buf[:cap(buf)]
		for k := range room {
			room[k] = keep
		}
		got, err := ix.AppendCheck(append(buf[:0], keep), f)
		require.NoError(t, err, i)
		require.NotEmpty(t, got, i)
		assert.Equal(t, keep, got[0], i)
		assert.Len(t, got, len(want)+1, i)
		if len(want) > 0 {
			assert.Equal(t, want, got[1:], i)
		}
		got, err = ix.AppendCheck(nil, f)
		require.NoError(t, err, i)
		assert.Equal(t, want, got, i)
	}
	require.Positive(t, found, "the filings meet records")
	bad := &filing.Filing{Subject: filing.Subject{Province: "99"}}
	got, err := ix.AppendCheck(buf[:1], bad)
	assert.ErrorIs(t, err, CodeProvinceUnknown)
	assert.Len(t, got, 1)
}
