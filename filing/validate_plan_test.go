package filing

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// planApp is a tagged struct type the model does not have, standing for a
// type added later (an app, a mini-program): every tag and kind the plans
// take, nested and dived structs of the model, arrays, maps, a recursive
// field, a field without a JSON name, an embedded struct (as Service in
// Website and App), skipped and unexported fields.
type planApp struct {
	PlanPart
	Name       string            `json:"name" validate:"required,max=30"`
	Nature     Nature            `json:"nature,omitempty" validate:"omitempty,cn_nature"`
	Domains    []string          `json:"domains" validate:"required,min=1,max=3,dive,icp_domain"`
	HomeURL    string            `json:"home_url" validate:"omitempty,icp_home_url"`
	CertType   CertType          `json:"cert_type" validate:"required,cn_cert_type"`
	CertNumber IDNumber          `json:"cert_number" validate:"required,cn_cert_number"`
	Owner      Person            `json:"owner"`
	Contacts   []Person          `json:"contacts,omitempty" validate:"omitempty,max=2,dive"`
	Optional   Person            `json:"optional" validate:"omitempty"`
	Approval   PreApproval       `validate:"required"`
	Tags       [2]string         `json:"tags" validate:"dive,max=3"`
	Grid       [][]string        `json:"grid" validate:"omitempty,dive,max=2,dive,cn_mobile"`
	Count      int               `json:"count" validate:"min=1,max=5"`
	Meta       map[string]string `json:"meta" validate:"omitempty,max=2"`
	Since      time.Time         `json:"since" validate:"required"`
	Flag       bool              `json:"flag" validate:"required"`
	Status     Status            `json:"status,omitempty" validate:"omitempty,icp_status"`
	Ignored    string            `json:"ignored" validate:"-"`
	NoJSON     string            `json:"-" validate:"max=2"`
	hidden     string            `validate:"required"`
	Children   []planApp         `json:"children,omitempty" validate:"omitempty,max=2,dive"`
}

// PlanPart is the embedded part of planApp.
type PlanPart struct {
	Label  string   `json:"label" validate:"required,max=3"`
	Holder Person   `json:"holder"`
	Codes  []string `json:"codes,omitempty" validate:"omitempty,max=2,dive,cn_province"`
}

// randomApp fills a planApp with values that pass or fail its tags.
func randomApp(r *rand.Rand, depth int) planApp {
	pickS := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	person := func() Person {
		if r.IntN(4) == 0 {
			return Person{}
		}
		return Person{
			Name:       pickS("张伟", "", strings.Repeat("名", 51)),
			CertType:   CertType(pickS(string(CertResidentID), "", "bogus")),
			CertNumber: IDNumber(pickS("52010219800101123X", "520102198001011234", "", "91520000214434146R")),
			Mobile:     Phone(pickS("13800138000", "", "123")),
			Landline:   Phone(pickS("", "0851-85551234", "x")),
			Email:      Email(pickS("a@example.com", "", "not-mail")),
		}
	}
	var a planApp
	a.Name = pickS("应用", "", strings.Repeat("长", 31), strings.Repeat("长", 30), strings.Repeat("a", 30), strings.Repeat("a", 31))
	a.Nature = Nature(pickS("", string(NatureEnterprise), "bogus"))
	switch r.IntN(4) {
	case 0:
	case 1:
		a.Domains = []string{}
	default:
		for range r.IntN(5) {
			a.Domains = append(a.Domains, pickS("example.com", "例子.中国", "-bad-.com", "example.invalid", "com.cn"))
		}
	}
	a.HomeURL = pickS("", "https://www.example.com/", "javascript:alert(1)", "http://other.cn/")
	a.CertType = CertType(pickS(string(CertBusinessLicence), string(CertResidentID), "", "bogus"))
	a.CertNumber = IDNumber(pickS("91520000214434146R", "91520000214434146A", "", "52010219800101123X"))
	a.Owner = person()
	for range r.IntN(4) {
		a.Contacts = append(a.Contacts, person())
	}
	a.Optional = person()
	a.Label = pickS("", "ab", "abcd", "长长长")
	a.Holder = person()
	for range r.IntN(4) {
		a.Codes = append(a.Codes, pickS("52", "99", ""))
	}
	if r.IntN(2) == 0 {
		a.Approval = PreApproval{Category: PreApprovalCategory(pickS("", "news", "bogus")), Number: pickS("", "A-1")}
	}
	a.Tags = [2]string{pickS("", "abc", "abcd"), pickS("x", "长长长", "长长长长")}
	for range r.IntN(3) {
		var row []string
		for range r.IntN(4) {
			row = append(row, pickS("13800138000", "1", ""))
		}
		a.Grid = append(a.Grid, row)
	}
	a.Count = r.IntN(8) - 1
	if r.IntN(3) > 0 {
		a.Meta = map[string]string{}
		for i := range r.IntN(4) {
			a.Meta[string(rune('a'+i))] = "v"
		}
	}
	if r.IntN(3) > 0 {
		a.Since = testNow
	}
	a.Flag = r.IntN(2) == 0
	a.Status = Status(pickS("", string(StatusDraft), "bogus"))
	a.Ignored = strings.Repeat("x", r.IntN(200))
	a.NoJSON = pickS("", "ab", "abc", "长长")
	a.hidden = pickS("", "h")
	if depth < 2 {
		for range r.IntN(4) {
			a.Children = append(a.Children, randomApp(r, depth+1))
		}
	}
	return a
}

// sameFails compares the field errors of the plan and of validator.
func sameFails(t *testing.T, what string, plan, ref []fieldFail) {
	t.Helper()
	render := func(fs []fieldFail) []string {
		out := make([]string, len(fs))
		for i, f := range fs {
			out[i] = f.path + " " + f.tag + "=" + f.param + " " + f.kind.String() + " " + f.value
			if f.parent.IsValid() {
				b, err := json.Marshal(f.parent.Interface())
				require.NoError(t, err)
				out[i] += " parent " + string(b)
			}
		}
		return out
	}
	assert.Equal(t, render(ref), render(plan), what)
}

// TestValidatePlan_NewTaggedTypeLikeValidator checks that a newly tagged
// struct type is planned and that the plan reports the field errors
// validator/v10 reports, in its order, on random values.
func TestValidatePlan_NewTaggedTypeLikeValidator(t *testing.T) {
	require.NotNil(t, planOf(reflect.TypeFor[planApp]()), "planApp uses only tags the plans take")
	r := rand.New(rand.NewPCG(17, 3))
	failing := 0
	for i := range 2000 {
		a := randomApp(r, 0)
		plan, ok := walkPlan(reflect.ValueOf(&a).Elem(), &memo{now: testNow})
		require.True(t, ok)
		ref, err := validatorFails(&a, &memo{now: testNow})
		require.NoError(t, err)
		sameFails(t, fmt.Sprint("value ", i), plan, ref)
		if len(ref) > 0 {
			failing++
		}
		if t.Failed() {
			b, _ := json.Marshal(a)
			t.Fatalf("value %d: %s", i, b)
		}
	}
	assert.Greater(t, failing, 1000, "most random values break a tag")
}

// TestValidatePlan_ModelIsPlanned keeps the fast path in use: every struct
// type of the model is planned.
func TestValidatePlan_ModelIsPlanned(t *testing.T) {
	for _, typ := range []reflect.Type{
		reflect.TypeFor[Filing](), reflect.TypeFor[Subject](), reflect.TypeFor[Website](),
		reflect.TypeFor[Person](), reflect.TypeFor[PreApproval](), reflect.TypeFor[Access](),
		reflect.TypeFor[App](), reflect.TypeFor[AppPlatform](), reflect.TypeFor[AppSDK](),
		reflect.TypeFor[DomainRegistration](), reflect.TypeFor[Validity](),
	} {
		assert.NotNil(t, planOf(typ), "%s (or a type it holds) has a tag the plans leave to validator.Struct: add a string tag to tagChecks, or teach validate_plan.go the tag", typ)
	}
}

// TestValidatePlan_UnplannedTypesFallBack lists tags and kinds the plans
// leave to validator.Struct: their types have no plan.
func TestValidatePlan_UnplannedTypesFallBack(t *testing.T) {
	type inner struct {
		S string `validate:"len=2"`
	}
	type embedded struct {
		Person `validate:"required"`
	}
	for name, typ := range map[string]reflect.Type{
		"len": reflect.TypeFor[struct {
			S string `validate:"len=2"`
		}](),
		"oneof": reflect.TypeFor[struct {
			S string `validate:"oneof=a b"`
		}](),
		"or": reflect.TypeFor[struct {
			S string `validate:"cn_mobile|cn_landline"`
		}](),
		"required_if": reflect.TypeFor[struct {
			S, T string `validate:"required_if=T x"`
		}](),
		"unknown tag": reflect.TypeFor[struct {
			S string `validate:"email"`
		}](),
		"empty tag": reflect.TypeFor[struct {
			S string `validate:"required,,max=2"`
		}](),
		"bad param": reflect.TypeFor[struct {
			S string `validate:"max=two"`
		}](),
		"pointer":         reflect.TypeFor[struct{ P *Person }](),
		"interface":       reflect.TypeFor[struct{ I any }](),
		"tagged embedded": reflect.TypeFor[embedded](),
		"nested": reflect.TypeFor[struct {
			In []inner `validate:"dive"`
		}](),
		"dive map": reflect.TypeFor[struct {
			M map[string]string `validate:"dive,max=2"`
		}](),
		"our tag on int": reflect.TypeFor[struct {
			N int `validate:"cn_mobile"`
		}](),
		"max on float": reflect.TypeFor[struct {
			F float64 `validate:"max=2"`
		}](),
		"max on duration": reflect.TypeFor[struct {
			D time.Duration `validate:"max=2"`
		}](),
		"dive on string": reflect.TypeFor[struct {
			S string `validate:"dive"`
		}](),
	} {
		assert.Nil(t, planOf(typ), name)
	}
}

// validateBoth validates f by the plans and by validator.Struct.
func validateBoth(t *testing.T, f *Filing, opts ...Option) (plan, ref error) {
	t.Helper()
	fast, err := NewValidator(append([]Option{WithNow(fixedNow)}, opts...)...)
	require.NoError(t, err)
	slow, err := NewValidator(append([]Option{WithNow(fixedNow), withValidatorWalk()}, opts...)...)
	require.NoError(t, err)
	return fast.Validate(f), slow.Validate(f)
}

// TestValidatePlan_FilingsLikeValidator compares Validate by the plans with
// Validate by validator.Struct on the fixtures and on broken variants.
func TestValidatePlan_FilingsLikeValidator(t *testing.T) {
	long := strings.Repeat("长", 201)
	for name, brk := range map[string]func(f *Filing){
		"valid":             func(*Filing) {},
		"empty":             func(f *Filing) { *f = Filing{} },
		"cert checksum":     func(f *Filing) { f.Subject.CertNumber = "91520000214434146A" },
		"no e-mail":         func(f *Filing) { f.Subject.Principal.Email = "" },
		"domain not filed":  func(f *Filing) { f.Websites[0].Domains = []string{"example.org"} },
		"javascript URL":    func(f *Filing) { f.Websites[1].HomeURL = "javascript:alert(1)" },
		"URL elsewhere":     func(f *Filing) { f.Websites[2].HomeURL = "http://www.other.cn/" },
		"long address":      func(f *Filing) { f.Subject.Address = long },
		"address at limit":  func(f *Filing) { f.Subject.Address = long[len("长"):] },
		"no domains":        func(f *Filing) { f.Websites[0].Domains = nil },
		"empty domains":     func(f *Filing) { f.Websites[0].Domains = []string{} },
		"21 domains":        func(f *Filing) { f.Websites[0].Domains = make([]string, 21) },
		"bad involves":      func(f *Filing) { f.Websites[0].Involves = []PreApprovalCategory{"bogus", ""} },
		"bad pre-approval":  func(f *Filing) { f.Websites[0].PreApprovals = []PreApproval{{}, {Category: "news", Number: long}} },
		"bad access":        func(f *Filing) { f.Websites[1].Access = []Access{{ISPProvince: "99", IPs: make([]netip.Addr, 65)}} },
		"bad statuses":      func(f *Filing) { f.Subject.Status, f.Websites[2].Status = "x", "y" },
		"bad phones":        func(f *Filing) { f.Websites[0].Principal.Landline, f.Websites[0].Principal.EmergencyPhone = "x", "y" },
		"bad person types":  func(f *Filing) { f.Websites[0].Principal.CertType = "bogus" },
		"bad province":      func(f *Filing) { f.Subject.Province = "99" },
		"no websites":       func(f *Filing) { f.Websites = nil },
		"201 websites":      func(f *Filing) { f.Websites = make([]Website, 201) },
		"zero website":      func(f *Filing) { f.Websites[1] = Website{} },
		"full-width name":   func(f *Filing) { f.Subject.Name = "ｅｘａｍｐｌｅ　公司" },
		"province by name":  func(f *Filing) { f.Subject.Province = "贵州" },
		"long remark":       func(f *Filing) { f.Subject.Remarks = strings.Repeat("备", 501) },
		"wrong mobile":      func(f *Filing) { f.Subject.Principal.Mobile = "123" },
		"wrong nature":      func(f *Filing) { f.Subject.Nature = "bogus" },
		"wrong cert number": func(f *Filing) { f.Websites[0].Principal.CertNumber = "123" },
	} {
		for _, base := range []*Filing{validFiling(t), validIndividual(t)} {
			if name != "valid" && name != "empty" && name != "no websites" && len(base.Websites) < 3 {
				continue
			}
			brk(base)
			plan, ref := validateBoth(t, base)
			assert.Equal(t, ref, plan, name)
			plan, ref = validateBoth(t, base, WithDraft())
			assert.Equal(t, ref, plan, name+" (draft)")
		}
	}
}

// FuzzValidatePlanJSON decodes a filing from JSON and checks
// that Validate by the plans and by validator.Struct report the same
// problems, and that the field errors of the raw (not normalised) filing
// are the same.
func FuzzValidatePlanJSON(f *testing.F) {
	for _, fil := range []*Filing{validFiling(f), validIndividual(f), {}} {
		b, _ := json.Marshal(fil)
		f.Add(b)
	}
	f.Add([]byte(`{"subject":{"province":"江西","name":"张三","nature":"个人","cert_type":"居民身份证"},"websites":[{"domains":["例子.中国","xn--fsqu00a.xn--fiqs8s"],"home_url":"javascript:x"}]}`))
	f.Add([]byte(`{"websites":[{"domains":[],"involves":["x"],"pre_approvals":[{}],"access":[{"isp_province":"99"}]},{}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var fil Filing
		if json.Unmarshal(data, &fil) != nil {
			return
		}
		plan, ref := validateBoth(t, &fil)
		if !reflect.DeepEqual(plan, ref) {
			t.Fatalf("plans and validator differ:\nplan: %v\nref:  %v", plan, ref)
		}
		fails, ok := walkPlan(reflect.ValueOf(&fil).Elem(), &memo{now: testNow})
		require.True(t, ok)
		refFails, err := validatorFails(&fil, &memo{now: testNow})
		require.NoError(t, err)
		sameFails(t, "raw filing", fails, refFails)
	})
}

// TestValidatePlan_ConcurrentFirstUse plans a type from several goroutines
// at once (run with -race): every goroutine gets the same field errors as
// validator.Struct.
func TestValidatePlan_ConcurrentFirstUse(t *testing.T) {
	type fresh struct {
		Name  string   `json:"name" validate:"required,max=3"`
		Owner Person   `json:"owner"`
		Tags  []string `json:"tags" validate:"dive,cn_mobile"`
	}
	x := fresh{Name: "长长长长", Tags: []string{"13800138000", "1"}}
	ref, err := validatorFails(&x, &memo{now: testNow})
	require.NoError(t, err)
	require.NotEmpty(t, ref)
	var wg sync.WaitGroup
	got := make([][]fieldFail, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _ = walkPlan(reflect.ValueOf(&x).Elem(), newMemo(testNow))
		}()
	}
	wg.Wait()
	for i := range got {
		sameFails(t, fmt.Sprint("goroutine ", i), got[i], ref)
	}
}
