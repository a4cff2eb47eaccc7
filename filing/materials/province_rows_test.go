package materials_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/filingtest"
	"github.com/beiankit/beian/filing/materials"
)

// required returns the materials the case requires, verified on the phone
// so that the handheld-ID photo stays out of the way.
func required(f *filing.Filing) []materials.ID {
	return ids(materials.Required(materials.Case{Filing: f, Now: at, VerifiedOnPhone: true}))
}

// approve gives the subject and every website a record number.
func approve(f *filing.Filing) *filing.Filing {
	f.Subject.Number = "ICP备2026000001号"
	for i := range f.Websites {
		f.Websites[i].Number = fmt.Sprintf("ICP备2026000001号-%d", i+1)
	}
	return f
}

// sites returns a filing of s with one new website per domain.
func sites(g *filingtest.Gen, s filing.Subject, domains ...string) *filing.Filing {
	f := g.Filing(s, 1)
	w := f.Websites[0]
	f.Websites = nil
	for _, d := range domains {
		w.Domains, w.HomeURL = []string{d}, "https://"+d+"/"
		f.Websites = append(f.Websites, w)
	}
	return f
}

// labels returns n domains: n different prefixes under .com.
func labels(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("xingchen%d.com", i+1)
	}
	return out
}

// planCase is a filing and whether it must carry a construction plan and
// a letter of guarantee.
type planCase struct {
	name      string
	f         *filing.Filing
	plan, let bool
}

// assertPlans checks the construction plan and the letter of guarantee of
// each case.
func assertPlans(t *testing.T, cases []planCase) {
	t.Helper()
	for _, c := range cases {
		got := required(c.f)
		assert.Equal(t, c.plan, contains(got, "construction_plan"), c.name)
		assert.Equal(t, c.let, contains(got, "guarantee_letter"), c.name)
	}
}

// a party-building letter for a new website in Xinjiang and Tibet
// (Tencent Cloud's bureau requirements and provincial FAQ; JD Cloud).
func TestR93_PartyBuildingLetter(t *testing.T) {
	g := filingtest.New(9301)
	for _, p := range []string{"65", "54"} {
		for _, s := range []filing.Subject{g.Organisation(p), g.Individual(p)} {
			f := g.Filing(s, 1)
			require.Empty(t, f.Subject.Number, p)
			assert.Contains(t, required(f), materials.ID("party_building_letter"), "%s: first filing", p)

			added := g.Filing(s, 1)
			added.Subject.Number = "ICP备2026000001号"
			assert.Contains(t, required(added), materials.ID("party_building_letter"), "%s: new website of a filed subject", p)

			assert.NotContains(t, required(approve(g.Filing(s, 1))), materials.ID("party_building_letter"), "%s: nothing new", p)
		}
	}
	for _, p := range []string{"53", "44", "63"} {
		assert.NotContains(t, required(g.Filing(g.Organisation(p), 1)), materials.ID("party_building_letter"), p)
	}
}

// Shanghai's commitment letter for every new filing (JD Cloud's
// Shanghai rules).
func TestR93_ShanghaiCommitmentLetter(t *testing.T) {
	g := filingtest.New(9302)
	for _, s := range []filing.Subject{g.Organisation("31"), g.Individual("31")} {
		assert.Contains(t, required(g.Filing(s, 1)), materials.ID("commitment_letter"), s.Nature)
		assert.NotContains(t, required(approve(g.Filing(s, 1))), materials.ID("commitment_letter"), "nothing new")
	}
	for _, p := range []string{"32", "11", "53"} {
		assert.NotContains(t, required(g.Filing(g.Individual(p), 1)), materials.ID("commitment_letter"), p)
	}
}

// a domain certificate for every domain in Jiangsu, Hunan,
// Chongqing and Guizhou, from the first domain (Tencent Cloud).
func TestR93_DomainCertificatesEveryDomain(t *testing.T) {
	g := filingtest.New(9303)
	for _, p := range []string{"32", "43", "50", "52"} {
		for _, s := range []filing.Subject{g.Organisation(p), g.Individual(p)} {
			f := g.Filing(s, 1)
			require.Len(t, f.Websites[0].Domains, 1, p)
			assert.Contains(t, required(f), materials.ID("domain_certificates"), p)
			assert.NotContains(t, required(approve(g.Filing(s, 1))), materials.ID("domain_certificates"), "%s: nothing new", p)
		}
	}
	for _, p := range []string{"53", "44", "31"} {
		f := g.Filing(g.Organisation(p), 1)
		require.Len(t, f.Websites[0].Domains, 1, p)
		assert.NotContains(t, required(f), materials.ID("domain_certificates"), "%s: one domain", p)
	}
}

// Guangdong's construction proposal by different domain prefixes
// (Alibaba Cloud's and Tencent Cloud's Guangdong pages): an individual from
// 6 prefixes or 6 domains, with Alibaba Cloud's letter of guarantee from
// 10; an organisation from 32, with the letter.
func TestR93_GuangdongConstructionPlan(t *testing.T) {
	g := filingtest.New(9304)
	ind, org := g.Individual("44"), g.Organisation("44")
	same := []string{"xingchen.com", "xingchen.cn", "xingchen.net", "xingchen.com.cn", "xingchen.org"}
	assertPlans(t, []planCase{
		{"individual, 5 prefixes", sites(g, ind, labels(5)...), false, false},
		{"individual, 6 prefixes", sites(g, ind, labels(6)...), true, false},
		{"individual, 5 domains of one prefix", sites(g, ind, same...), false, false},
		{"individual, 6 domains of 2 prefixes", sites(g, ind, append(same, "beichen.com")...), true, false},
		{"individual, 9 prefixes", sites(g, ind, labels(9)...), true, false},
		{"individual, 10 prefixes", sites(g, ind, labels(10)...), true, true},
		{"individual, 10 prefixes, nothing new", approve(sites(g, ind, labels(10)...)), false, false},
		{"organisation, 31 prefixes", sites(g, org, labels(31)...), false, false},
		{"organisation, 32 prefixes", sites(g, org, labels(32)...), true, true},
		{"organisation, 32 prefixes, nothing new", approve(sites(g, org, labels(32)...)), false, false},
		{"Zhejiang individual, 10 prefixes", sites(g, g.Individual("33"), labels(10)...), false, false},
		{"Zhejiang organisation, 32 prefixes", sites(g, g.Organisation("33"), labels(32)...), false, false},
	})
}

// Hunan's construction plan past 5 domains on one website or 5
// websites in one application, Chongqing's plan and letter of guarantee
// past 5 websites of the subject (Tencent Cloud).
func TestR93_HunanChongqingConstructionPlan(t *testing.T) {
	g := filingtest.New(9305)
	hn, cq := g.Organisation("43"), g.Organisation("50")
	oneSite := func(s filing.Subject, n int) *filing.Filing {
		f := g.Filing(s, 1)
		f.Websites[0].Domains = labels(n)
		f.Websites[0].HomeURL = "https://" + labels(1)[0] + "/"
		return f
	}
	oneNew := func(f *filing.Filing) *filing.Filing {
		approve(f)
		f.Websites[len(f.Websites)-1].Number = ""
		return f
	}
	// A website on file with 6 domains and a new one with 1: the new
	// website is not one of many domains.
	filedMany := func(s filing.Subject) *filing.Filing {
		f := oneNew(sites(g, s, labels(2)...))
		f.Websites[0].Domains = labels(6)
		return f
	}
	assertPlans(t, []planCase{
		{"Hunan, 6 domains on one website", oneSite(hn, 6), true, false},
		{"Hunan, 6 domains on a website on file, 1 on the new one", filedMany(hn), false, false},
		{"Hunan, 5 domains on one website", oneSite(hn, 5), false, false},
		{"Hunan, 6 new websites", sites(g, hn, labels(6)...), true, false},
		{"Hunan, 5 new websites", sites(g, hn, labels(5)...), false, false},
		{"Hunan, 6 websites, 1 new", oneNew(sites(g, hn, labels(6)...)), false, false},
		{"Hunan, 6 domains on one website, nothing new", approve(oneSite(hn, 6)), false, false},
		{"Chongqing, 6 websites, 1 new", oneNew(sites(g, cq, labels(6)...)), true, true},
		{"Chongqing, 6 new websites", sites(g, cq, labels(6)...), true, true},
		{"Chongqing, 5 websites", sites(g, cq, labels(5)...), false, false},
		{"Chongqing, 6 websites, nothing new", approve(sites(g, cq, labels(6)...)), false, false},
		{"Chongqing, 6 domains on one website", oneSite(cq, 6), false, false},
		{"Guizhou, 6 new websites", sites(g, g.Organisation("52"), labels(6)...), false, false},
	})
}

// Sichuan asks an organisation whose new website is not named after
// it for a commitment letter and a construction plan (Tencent Cloud).
func TestR93_SichuanWebsiteNotNamedAfterSubject(t *testing.T) {
	g := filingtest.New(9306)
	org := g.Filing(g.Organisation("51"), 1)
	require.NotEqual(t, org.Subject.Name, org.Websites[0].Name)
	got := required(org)
	assert.Contains(t, got, materials.ID("commitment_letter"))
	assert.Contains(t, got, materials.ID("construction_plan"))

	named := g.Filing(g.Organisation("51"), 1)
	named.Websites[0].Name = named.Subject.Name
	got = required(named)
	assert.NotContains(t, got, materials.ID("commitment_letter"), "named after the subject")
	assert.NotContains(t, got, materials.ID("construction_plan"), "named after the subject")

	filed := approve(g.Filing(g.Organisation("51"), 1))
	assert.NotContains(t, required(filed), materials.ID("commitment_letter"), "nothing new")

	ind := g.Filing(g.Individual("51"), 1)
	require.NotEqual(t, ind.Subject.Name, ind.Websites[0].Name)
	assert.NotContains(t, required(ind), materials.ID("commitment_letter"), "individual")

	for _, p := range []string{"50", "53", "32"} {
		f := g.Filing(g.Organisation(p), 1)
		require.NotEqual(t, f.Subject.Name, f.Websites[0].Name)
		assert.NotContains(t, required(f), materials.ID("construction_plan"), p)
	}
}

// the name-change letter of a renamed organisation in the provinces
// whose bureau asks it (Tencent Cloud).
func TestR93_NameChangeLetter(t *testing.T) {
	g := filingtest.New(9307)
	renamed := func(f *filing.Filing, old string) []materials.ID {
		return ids(materials.Required(materials.Case{Filing: f, Now: at, VerifiedOnPhone: true, RecordedName: old}))
	}
	for _, p := range []string{"11", "12", "15", "31", "33", "36", "37", "41", "42", "46", "51", "52"} {
		f := approve(g.Filing(g.Organisation(p), 1))
		require.NotEqual(t, "星辰旧名称有限公司", f.Subject.Name)
		assert.Contains(t, renamed(f, "星辰旧名称有限公司"), materials.ID("name_change_letter"), p)
		assert.NotContains(t, renamed(f, ""), materials.ID("name_change_letter"), "%s: not renamed", p)
		assert.NotContains(t, renamed(f, " "+f.Subject.Name+" "), materials.ID("name_change_letter"), "%s: same name", p)
		ind := approve(g.Filing(g.Individual(p), 1))
		assert.NotContains(t, renamed(ind, "王某"), materials.ID("name_change_letter"), "%s: individual", p)
	}
	for _, p := range []string{"32", "44", "50", "53"} {
		f := approve(g.Filing(g.Organisation(p), 1))
		assert.NotContains(t, renamed(f, "星辰旧名称有限公司"), materials.ID("name_change_letter"), p)
	}
}
