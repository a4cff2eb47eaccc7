package filing

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/domain"
)

// validIndividual returns a valid new personal filing in Guizhou.
func validIndividual(t testing.TB) *Filing {
	t.Helper()
	id := testResidentID(t, "520102", "19950612", "135")
	p := Person{Name: "王小明", CertType: CertResidentID, CertNumber: id, Mobile: "13800138000", Email: "wxm@example.com"}
	return &Filing{
		Subject: Subject{
			Province: "52", Name: "王小明", Nature: NatureIndividual, CertType: CertResidentID, CertNumber: id,
			Address: "贵州省贵阳市南明区某路1号", Principal: p,
		},
		Websites: []Website{{Service: Service{Name: "小明的博客", Principal: p}, Domains: []string{"wangxiaoming.cn"}, HomeURL: "www.wangxiaoming.cn"}},
	}
}

// problemsOf returns the problems of err (nil for nil), failing the test
// when err is not a *ValidationError.
func problemsOf(t *testing.T, err error) []*Problem {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %T %v is not a *ValidationError", err, err)
	}
	for _, p := range ve.Problems {
		if p.Code == "" || p.Zh == "" || p.En == "" || p.Path == "" {
			t.Errorf("incomplete problem %+v", p)
		}
		if p.Label == "" {
			t.Errorf("problem at %s has no label", p.Path)
		}
		if strings.Contains(p.Zh, "%!") || strings.Contains(p.En, "%!") {
			t.Errorf("bad message formatting: %+v", p)
		}
	}
	return ve.Problems
}

// pathCodes renders problems as sorted "path code" lines.
func pathCodes(ps []*Problem) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Path + " " + string(p.Code)
	}
	sort.Strings(out)
	return out
}

func validateAt(f *Filing, opts ...Option) error {
	return Validate(f, append([]Option{WithNow(fixedNow)}, opts...)...)
}

func TestValidate_ValidFilings(t *testing.T) {
	for name, f := range map[string]*Filing{"enterprise": validFiling(t), "individual": validIndividual(t)} {
		if err := validateAt(f); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := Validate(validFiling(t)); err != nil {
		t.Errorf("default options: %v", err)
	}
}

// Real-world input: full-width characters, stray spaces, Chinese names for
// codes, upper-case domains with a trailing dot, an IDN home URL.
func TestValidate_NormalisesBeforeChecking(t *testing.T) {
	f := validFiling(t)
	f.Subject.Province = " 贵州省 "
	f.Subject.Name = "  贵州星辰科技有限公司　"
	f.Subject.Nature = "企业"
	f.Subject.CertType = "工商营业执照"
	f.Subject.CertNumber = "９１５２００００２１４４３４１４６ｒ"
	f.Subject.Principal.Mobile = "＋８６ １３８－００１３－８０００"
	f.Subject.Principal.Email = " ZhangWei＠Example.COM "
	f.Websites[0].Domains = []string{"WWW.EXAMPLE.COM."[4:]}
	f.Websites[0].HomeURL = " HTTPS://WWW.EXAMPLE.COM:443/ "
	f.Websites[1].Domains = []string{"例子。中国"}
	f.Websites[1].HomeURL = "ｗｗｗ．例子．中国"
	orig := *f
	if err := validateAt(f); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if f.Subject.Province != " 贵州省 " || orig.Websites[1].Domains[0] != "例子。中国" {
		t.Fatal("Validate modified its input")
	}
	n := NormalizeFiling(f)
	want := []struct{ got, want string }{
		{n.Subject.Province, "52"},
		{n.Subject.Name, "贵州星辰科技有限公司"},
		{string(n.Subject.Nature), "enterprise"},
		{string(n.Subject.CertType), "business_licence"},
		{n.Subject.CertNumber.Raw(), "91520000214434146R"},
		{n.Subject.Principal.Mobile.Raw(), "13800138000"},
		{n.Subject.Principal.Email.Raw(), "ZhangWei@example.com"},
		{n.Websites[0].Domains[0], "example.com"},
		{n.Websites[0].HomeURL, "https://www.example.com"},
		{n.Websites[1].Domains[0], "xn--fsqu00a.xn--fiqs8s"},
		{n.Websites[1].HomeURL, "http://www.xn--fsqu00a.xn--fiqs8s"},
	}
	for _, w := range want {
		if w.got != w.want {
			t.Errorf("normalised %q, want %q", w.got, w.want)
		}
	}
	// The normalised copy is a deep copy and validates as is.
	n.Websites[0].Domains[0] = "changed.cn"
	if f.Websites[0].Domains[0] == "changed.cn" {
		t.Error("NormalizeFiling shares the domains slice")
	}
	if NormalizeFiling(nil) != nil {
		t.Error("NormalizeFiling(nil) != nil")
	}
}

// Every problem is reported, each at its exact JSON path with its label.
func TestValidate_ListsEveryProblemAtItsPath(t *testing.T) {
	f := validFiling(t)
	f.Subject.CertNumber = "91520000214434146A"     // checksum
	f.Subject.Principal.Email = ""                  // required
	f.Subject.Principal.Mobile = "12345678901"      // not a mobile
	f.Websites[0].Domains = []string{"example.org"} // TLD
	f.Websites[0].HomeURL = "http://www.example.org/"
	f.Websites[1].HomeURL = "javascript:alert(1)"
	f.Websites[2].HomeURL = "http://www.other.cn/"
	f.Websites[2].Principal.Landline = "12345"
	f.Websites[2].Name = strings.Repeat("名", 101)
	ps := problemsOf(t, validateAt(f))
	got := pathCodes(ps)
	want := []string{
		"subject.cert_number uscc.checksum",
		"subject.principal.email filing.required",
		"subject.principal.mobile " + string(mustCode(t, contact.CheckMobile("12345678901"))),
		"websites[0].domains[0] domain.tld_not_approved",
		"websites[1].home_url url.scheme",
		"websites[2].home_url url.not_under_domain",
		"websites[2].name filing.too_long",
		"websites[2].principal.landline " + string(mustCode(t, contact.CheckLandline("12345"))),
	}
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	labels := map[string]string{
		"subject.cert_number":            "主办单位证件号码",
		"subject.principal.email":        "主体负责人电子邮箱",
		"subject.principal.mobile":       "主体负责人手机号码",
		"websites[0].domains[0]":         "网站域名",
		"websites[1].home_url":           "网站首页网址",
		"websites[2].principal.landline": "网站负责人固定电话",
		"websites[2].name":               "网站名称",
	}
	for _, p := range ps {
		if l, ok := labels[p.Path]; ok && p.Label != l {
			t.Errorf("%s: label %q, want %q", p.Path, p.Label, l)
		}
	}
	err := validateAt(f)
	for _, c := range []Code{certno.CodeUSCCChecksum, CodeRequired, domain.CodeDomainTLDNotApproved, domain.CodeURLScheme, domain.CodeURLNotUnderDomain} {
		if !errors.Is(err, c) {
			t.Errorf("errors.Is(err, %s) = false", c)
		}
	}
	if errors.Is(err, certno.CodeIDChecksum) {
		t.Error("errors.Is matched a code that is not there")
	}
	var ve *ValidationError
	errors.As(err, &ve)
	if r := ve.At("subject.principal.email"); len(r) != 1 || r[0].Zh != "请填写“主体负责人电子邮箱”" {
		t.Errorf("required message: %+v", r)
	}
	if r := ve.At("websites[2].name"); len(r) != 1 || r[0].Zh != "“网站名称”过长，最多100个字符" {
		t.Errorf("too long message: %+v", r)
	}
}

func mustCode(t *testing.T, err error) Code {
	t.Helper()
	var p *Problem
	if !errors.As(err, &p) {
		t.Fatalf("no problem: %v", err)
	}
	return p.Code
}

func TestValidate_NilAndOptions(t *testing.T) {
	if err := Validate(nil); !errors.Is(err, CodeFilingNil) {
		t.Errorf("Validate(nil) = %v", err)
	}
	if _, err := NewValidator(WithNow(nil)); !errors.Is(err, CodeOptionInvalid) {
		t.Errorf("WithNow(nil) = %v", err)
	}
	if err := Validate(validFiling(t), WithNow(nil)); !errors.Is(err, CodeOptionInvalid) {
		t.Errorf("Validate with WithNow(nil) = %v", err)
	}
}

func TestValidate_Draft(t *testing.T) {
	f := &Filing{Subject: Subject{Name: "贵州星辰科技有限公司", Nature: NatureEnterprise, Province: "52"}}
	if err := validateAt(f, WithDraft()); err != nil {
		t.Errorf("draft with empty fields: %v", err)
	}
	if err := validateAt(f); !errors.Is(err, CodeRequired) || !errors.Is(err, CodeNoWebsite) {
		t.Errorf("complete validation of a draft: %v", err)
	}
	// Values that are filled in are still checked in a draft.
	f.Subject.Principal.Mobile = "123"
	f.Websites = []Website{{Domains: []string{"example.io"}}}
	got := pathCodes(problemsOf(t, validateAt(f, WithDraft())))
	want := []string{"subject.principal.mobile phone.mobile_format", "websites[0].domains[0] domain.tld_not_approved"}
	if !slices.Equal(got, want) {
		t.Errorf("draft problems %q, want %q", got, want)
	}
}

func TestValidateSubject(t *testing.T) {
	s := validFiling(t).Subject
	v, err := NewValidator(WithNow(fixedNow))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.ValidateSubject(&s); err != nil {
		t.Errorf("valid subject: %v", err)
	}
	s.Principal.Mobile = ""
	got := pathCodes(problemsOf(t, v.ValidateSubject(&s)))
	if !slices.Equal(got, []string{"subject.principal.mobile filing.required"}) {
		t.Errorf("got %q", got)
	}
	if err := ValidateSubject(nil); !errors.Is(err, CodeFilingNil) {
		t.Errorf("nil subject: %v", err)
	}
}

func TestValidate_Concurrent(t *testing.T) {
	v, err := NewValidator(WithNow(fixedNow))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				f := validFiling(t)
				if (g+i)%2 == 1 {
					f.Websites[1].Domains[0] = "example.io"
					if err := v.Validate(f); !errors.Is(err, domain.CodeDomainTLDNotApproved) {
						t.Errorf("broken filing: %v", err)
					}
				} else if err := v.Validate(f); err != nil {
					t.Errorf("valid filing: %v", err)
				}
			}
		}()
	}
	wg.Wait()
}

func TestValidate_ProblemsMarshalJSON(t *testing.T) {
	f := validFiling(t)
	f.Websites[0].Domains[0] = "example.io"
	b, err := json.Marshal(validateAt(f))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"path":"websites[0].domains[0]"`) || !strings.Contains(string(b), `"label":"网站域名"`) {
		t.Errorf("JSON %s", b)
	}
}

func TestLabel(t *testing.T) {
	tests := map[string]string{
		"subject.name":                             "主办单位名称",
		"subject.principal.mobile":                 "主体负责人手机号码",
		"websites[12].principal.mobile":            "网站负责人手机号码",
		"websites[0].domains[1]":                   "网站域名",
		"websites[3].pre_approvals[2].valid_until": "审批文件有效期至",
		"nope": "",
	}
	for path, want := range tests {
		if got := Label(path); got != want {
			t.Errorf("Label(%q) = %q, want %q", path, got, want)
		}
	}
}

// Every json path of the model has a label.
func TestLabel_CoversModel(t *testing.T) {
	f := validFiling(t)
	f.Subject.Number = "黔ICP备2026001073号"
	f.Websites[0].Involves = []PreApprovalCategory{"news"}
	f.Websites[0].PreApprovals = []PreApproval{{Category: "news", Number: "x", ValidUntil: testNow.AddDate(1, 0, 0)}}
	f.Websites[0].Access = []Access{{ISP: "x", Since: testNow}}
	b, _ := json.Marshal(f)
	var m any
	_ = json.Unmarshal(b, &m)
	var walk func(path string, v any)
	walk = func(path string, v any) {
		if path != "" && Label(path) == "" {
			t.Errorf("no label for %s", path)
		}
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				p := k
				if path != "" {
					p = path + "." + k
				}
				walk(p, e)
			}
		case []any:
			for i, e := range x {
				walk(fmt.Sprintf("%s[%d]", path, i), e)
			}
		}
	}
	walk("", m)
}

var _ = time.Now
