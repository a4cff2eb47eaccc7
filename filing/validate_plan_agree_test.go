package filing_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/filingtest"
)

// agreeNow is the clock of the agreement tests (a fixed instant, so that
// both paths judge ages and dates alike).
var agreeNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// validateBothWays validates f by the cached tag plans and by
// validator.Struct and returns both results.
func validateBothWays(f *filing.Filing, now time.Time, draft bool) (plan, ref error) {
	opts := []filing.Option{filing.WithNow(func() time.Time { return now })}
	if draft {
		opts = append(opts, filing.WithDraft())
	}
	return filing.Validate(f, opts...), filing.Validate(f, append(opts, filing.WithValidatorWalk())...)
}

// mutations break a generated filing in the ways the field tags judge
// (and a few the cross rules judge), each picked by a byte of fuzz input.
var mutations = []func(f *filing.Filing, arg int){
	func(f *filing.Filing, _ int) { f.Subject.Name = "" },
	func(f *filing.Filing, _ int) { f.Subject.Name = strings.Repeat("名", 101) },
	func(f *filing.Filing, _ int) { f.Subject.Name = strings.Repeat("名", 100) },
	func(f *filing.Filing, _ int) { f.Subject.Nature = "bogus" },
	func(f *filing.Filing, _ int) { f.Subject.CertNumber += "1" },
	func(f *filing.Filing, _ int) { f.Subject.CertType = "" },
	func(f *filing.Filing, _ int) { f.Subject.Province = "99" },
	func(f *filing.Filing, _ int) { f.Subject.Province = "贵州" },
	func(f *filing.Filing, _ int) { f.Subject.Principal.Email = "" },
	func(f *filing.Filing, _ int) { f.Subject.Principal.Mobile = "123" },
	func(f *filing.Filing, _ int) { f.Subject.Principal.Landline = "x" },
	func(f *filing.Filing, _ int) { f.Subject.Principal = filing.Person{} },
	func(f *filing.Filing, _ int) { f.Subject.Status = "bogus" },
	func(f *filing.Filing, _ int) { f.Subject.Remarks = strings.Repeat("备", 501) },
	func(f *filing.Filing, _ int) { f.Subject.Address = "ｆｕｌｌ　ｗｉｄｔｈ　１号" },
	func(f *filing.Filing, _ int) { f.Websites = nil },
	func(f *filing.Filing, _ int) { f.Websites = make([]filing.Website, 201) },
	func(f *filing.Filing, i int) { website(f, i).Domains = nil },
	func(f *filing.Filing, i int) { website(f, i).Domains = []string{} },
	func(f *filing.Filing, i int) { website(f, i).Domains = make([]string, 21) },
	func(f *filing.Filing, i int) {
		w := website(f, i)
		w.Domains = append(w.Domains, "-bad-.com", "example.invalid")
	},
	func(f *filing.Filing, i int) { website(f, i).Domains = []string{"例子.中国"} },
	func(f *filing.Filing, i int) { website(f, i).HomeURL = "javascript:alert(1)" },
	func(f *filing.Filing, i int) { website(f, i).HomeURL = "http://www.other.cn/" },
	func(f *filing.Filing, i int) { website(f, i).HomeURL = "" },
	func(f *filing.Filing, i int) { website(f, i).Name = "" },
	func(f *filing.Filing, i int) { website(f, i).Involves = []filing.PreApprovalCategory{"bogus", ""} },
	func(f *filing.Filing, i int) {
		website(f, i).PreApprovals = []filing.PreApproval{{}, {Category: "news", Number: strings.Repeat("号", 101)}}
	},
	func(f *filing.Filing, i int) {
		website(f, i).Access = []filing.Access{{ISPProvince: "99"}, {ISP: "x", Since: agreeNow}}
	},
	func(f *filing.Filing, i int) { website(f, i).Principal.CertType = "bogus" },
	func(f *filing.Filing, i int) { website(f, i).Principal.CertNumber = "123" },
	func(f *filing.Filing, i int) { website(f, i).Principal.EmergencyPhone = "y" },
	func(f *filing.Filing, i int) { website(f, i).Status = "bogus" },
	func(f *filing.Filing, i int) { *website(f, i) = filing.Website{} },
	func(f *filing.Filing, _ int) { *f = filing.Filing{} },
}

// website returns the i-th website of f modulo its count, adding one when f
// has none.
func website(f *filing.Filing, i int) *filing.Website {
	if len(f.Websites) == 0 {
		f.Websites = []filing.Website{{}}
	}
	return &f.Websites[i%len(f.Websites)]
}

// generated returns the filing of a Gen seeded with seed, with 1 to 4
// websites.
func generated(seed int64) *filing.Filing {
	g := filingtest.New(seed)
	return g.Filing(g.Subject(), 1+int(uint64(seed)%4))
}

// TestValidatePlanAgreesWithValidator checks that Validate by the cached tag
// plans reports exactly what Validate by validator.Struct reports (same
// problems, same order), final and draft, on generated filings, on each
// generated filing broken by each mutation, on the broken cases and on the
// conformance corpus.
func TestValidatePlanAgreesWithValidator(t *testing.T) {
	check := func(name string, f *filing.Filing, now time.Time) {
		t.Helper()
		for _, draft := range []bool{false, true} {
			plan, ref := validateBothWays(f, now, draft)
			assert.Equal(t, ref, plan, "%s (draft %v)", name, draft)
		}
	}
	for seed := range int64(40) {
		check(fmt.Sprint("generated ", seed), generated(seed), agreeNow)
		for k, mut := range mutations {
			f := generated(seed)
			mut(f, int(seed))
			check(fmt.Sprintf("generated %d, mutation %d", seed, k), f, agreeNow)
		}
	}
	for _, c := range filingtest.BrokenCases() {
		now := c.Now
		if now.IsZero() {
			now = agreeNow
		}
		check(c.Name+" base", c.Base, now)
		check(c.Name, c.Filing, now)
	}
	cases, err := filingtest.Conformance()
	require.NoError(t, err)
	for _, c := range cases {
		now := c.Now
		if now.IsZero() {
			now = agreeNow
		}
		if c.Filing != nil {
			check(c.Name, c.Filing, now)
		}
	}
}

// FuzzValidatePlanAgreesWithValidator breaks a generated filing with
// mutations chosen by the input and checks that both paths agree.
func FuzzValidatePlanAgreesWithValidator(f *testing.F) {
	f.Add(int64(1), []byte{})
	f.Add(int64(2), []byte{0, 9, 17})
	f.Add(int64(3), []byte{20, 21, 22, 30})
	f.Add(int64(4), []byte{26, 27, 28, 33})
	f.Fuzz(func(t *testing.T, seed int64, muts []byte) {
		fil := generated(seed)
		for i, b := range muts {
			mutations[int(b)%len(mutations)](fil, i+int(b))
		}
		for _, draft := range []bool{false, true} {
			plan, ref := validateBothWays(fil, agreeNow, draft)
			if !reflect.DeepEqual(plan, ref) {
				t.Fatalf("plans and validator differ (draft %v):\nplan: %v\nref:  %v", draft, plan, ref)
			}
		}
	})
}
