package filingtest

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/domain"
)

// seeds is how many seeds the generator tests loop over.
const seeds = 2000

func TestTables_CoverFilingsProvinces(t *testing.T) {
	byProvince := map[string]int{}
	for _, p := range places {
		byProvince[p.province]++
		if p.county[:2] != p.province {
			t.Errorf("place %s: county %s is not in the province", p.province, p.county)
		}
		if subscriberLen()[p.area] == 0 {
			t.Errorf("place %s: filing rejects the area code %s", p.province, p.area)
		}
	}
	for _, p := range filing.Provinces() {
		if byProvince[p.Code] != 1 {
			t.Errorf("province %s (%s) has %d places, want 1", p.Code, p.Name, byProvince[p.Code])
		}
	}
	if len(places) != len(filing.Provinces()) {
		t.Errorf("%d places for %d provinces", len(places), len(filing.Provinces()))
	}
}

func TestTables_AcceptedByFiling(t *testing.T) {
	// Every candidate TLD is approved and open to enterprises: if filing's
	// table drops one, the generators quietly stop using it; this says so.
	if got := asciiPool(); !slices.Equal(got, asciiTLDs) {
		t.Errorf("filing accepts the ASCII TLDs %v of %v", got, asciiTLDs)
	}
	if got := idnPool(); !slices.Equal(got, idnTLDs) {
		t.Errorf("filing accepts the Chinese TLDs %v of %v", got, idnTLDs)
	}
	if len(mobilePrefixes()) < 30 || !slices.Contains(mobilePrefixes(), "138") {
		t.Errorf("mobile prefixes %v: want the main segments", mobilePrefixes())
	}
	for _, k := range orgKinds {
		info, ok := k.nature.Info()
		if !ok || !info.Accepts(k.cert) || info.Individual {
			t.Errorf("nature %s does not accept %s", k.nature, k.cert)
		}
	}
	for _, d := range emailDomains {
		if err := contact.CheckEmail("a@" + d); err != nil {
			t.Errorf("e-mail domain %s: %v", d, err)
		}
	}
}

func TestTables_CreditCodeCategories(t *testing.T) {
	want := map[filing.Nature]string{
		filing.NatureEnterprise:  "企业",
		filing.NatureGovernment:  "机关",
		filing.NatureInstitution: "事业单位",
		filing.NatureSocialGroup: "社会团体",
	}
	g := New(1)
	for _, k := range orgKinds {
		u, err := certno.ParseUSCC(string(g.uscc(k, places[0])))
		if err != nil || !u.CategoryKnown || u.CategoryName != want[k.nature] {
			t.Errorf("%s: credit code category %q (%v), want %q", k.nature, u.CategoryName, err, want[k.nature])
		}
	}
}

// TestGenerators_PassFilingChecks checks every generator against filing's
// own check for its kind of value, over many seeds.
func TestGenerators_PassFilingChecks(t *testing.T) {
	for seed := range int64(seeds) {
		g := New(seed)
		check := func(what, v string, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("seed %d: %s %q: %v", seed, what, v, err)
			}
		}
		id := string(g.ResidentID())
		check("ResidentID", id, certno.CheckResidentID(id))
		if r, err := certno.ParseResidentID(id); err != nil || r.Legacy || r.Birth.Year() < 1960 || r.Birth.Year() > 2004 {
			t.Fatalf("seed %d: ResidentID %s: %+v %v", seed, id, r, err)
		}
		uscc := string(g.USCC())
		check("USCC", uscc, certno.CheckUSCC(uscc))
		if u, _ := certno.ParseUSCC(uscc); u.Department != '9' || u.Category != '1' {
			t.Fatalf("seed %d: USCC %s is not an enterprise's: %+v", seed, uscc, u)
		}
		oc := string(g.OrgCode())
		check("OrgCode", oc, certno.CheckOrgCode(oc))
		if n, _ := certno.NormalizeCertNumber(filing.CertOrgCode, oc); string(n) != oc {
			t.Fatalf("seed %d: OrgCode %s is not in its printed form %s", seed, oc, n)
		}
		m := string(g.Mobile())
		check("Mobile", m, contact.CheckMobile(m))
		l := string(g.Landline())
		check("Landline", l, contact.CheckLandline(l))
		if n, _ := contact.NormalizePhone(l); string(n) != l {
			t.Fatalf("seed %d: Landline %s is not in its canonical form %s", seed, l, n)
		}
		em := string(g.Email())
		check("Email", em, contact.CheckEmail(em))
		d := g.Domain()
		check("Domain", d, filing.CheckDomainForNature(d, filing.NatureEnterprise))
		if reg, err := domain.RegistrableDomain(d); err != nil || reg != d {
			t.Fatalf("seed %d: Domain %s is not registrable (%s, %v)", seed, d, reg, err)
		}
		idn := g.DomainIDN()
		check("DomainIDN", idn, filing.CheckDomainForNature(idn, filing.NatureEnterprise))
		if a, _ := domain.NormalizeDomain(idn); utf8.RuneCountInString(idn) == len(idn) || domain.DomainUnicode(a) != idn {
			t.Fatalf("seed %d: DomainIDN %s is not a Unicode domain (A-label %s)", seed, idn, a)
		}
		p := g.Person()
		check("Person.CertNumber", string(p.CertNumber), certno.CheckCertNumber(p.CertType, string(p.CertNumber)))
		check("Person.Mobile", string(p.Mobile), contact.CheckMobile(string(p.Mobile)))
		check("Person.EmergencyPhone", string(p.EmergencyPhone), contact.CheckMobile(string(p.EmergencyPhone)))
		check("Person.Email", string(p.Email), contact.CheckEmail(string(p.Email)))
		if p.Landline != "" {
			check("Person.Landline", string(p.Landline), contact.CheckLandline(string(p.Landline)))
		}
		if k := filing.JudgeKind(p.Name, ""); k != filing.KindIndividual || p.EmergencyPhone == p.Mobile {
			t.Fatalf("seed %d: Person %+v (judged %s)", seed, p, k)
		}

		f := g.Filing(g.Subject(), 1+int(seed%3))
		if err := filing.Validate(f); err != nil {
			t.Fatalf("seed %d: Filing: %v\n%s", seed, err, jsonOf(f))
		}
	}
}

func TestGenerators_EveryProvince(t *testing.T) {
	for _, p := range filing.Provinces() {
		for seed := range int64(20) {
			g := New(seed)
			for _, s := range []filing.Subject{g.Individual(p.Code), g.Organisation(p.Code)} {
				if s.Province != p.Code {
					t.Fatalf("%s seed %d: subject in %s", p.Code, seed, s.Province)
				}
				f := g.Filing(s, 3)
				if err := filing.Validate(f); err != nil {
					t.Fatalf("%s seed %d: %v\n%s", p.Code, seed, err, jsonOf(f))
				}
				// R-05 by name: the name alone judges the nature's kind.
				want := filing.KindOrganisation
				if s.Nature == filing.NatureIndividual {
					want = filing.KindIndividual
				}
				if j := filing.Judge(s.Name, ""); j.Kind != want || j.Basis != "name" {
					t.Fatalf("%s seed %d: %s judges %s by %q, want %s by name", p.Code, seed, s.Name, j.Kind, j.Basis, want)
				}
			}
		}
	}
}

func TestGenerators_OrganisationVariety(t *testing.T) {
	natures := map[filing.Nature]int{}
	letters, preApprovals, idn := 0, 0, 0
	g := New(9)
	for range 400 {
		s := g.Organisation("52") // Guizhou accepts authorisation letters
		natures[s.Nature]++
		if s.AuthorisationLetter {
			letters++
			if s.LegalRepresentative == s.Principal.Name {
				t.Fatalf("a letter although the principal is the legal representative: %+v", s)
			}
		}
		w := g.Website(s)
		if len(w.Involves) > 0 {
			preApprovals++
			if len(w.PreApprovals) != 1 || w.PreApprovals[0].Category != w.Involves[0] {
				t.Fatalf("pre-approval content without its document: %+v", w)
			}
		}
		if a, _ := domain.NormalizeDomain(w.Domains[0]); a != w.Domains[0] {
			idn++
		}
	}
	for _, k := range orgKinds {
		if natures[k.nature] == 0 {
			t.Errorf("no %s among 400 organisations: %v", k.nature, natures)
		}
	}
	if letters == 0 || preApprovals == 0 || idn == 0 {
		t.Errorf("letters %d, pre-approvals %d, Chinese domains %d among 400: want some of each", letters, preApprovals, idn)
	}
	// Beijing takes no letters.
	for range 100 {
		if s := g.Organisation("11"); s.AuthorisationLetter || s.LegalRepresentative != s.Principal.Name {
			t.Fatalf("Beijing subject with a letter or another principal: %+v", s)
		}
	}
}

func TestGenerators_ProvinceRules(t *testing.T) {
	g := New(3)
	// Jiangxi: every principal has a landline and a mobile.
	for range 50 {
		f := g.Filing(g.Organisation("36"), 2)
		for _, p := range []filing.Person{f.Subject.Principal, f.Websites[0].Principal, f.Websites[1].Principal} {
			if p.Landline == "" || p.Mobile == "" {
				t.Fatalf("Jiangxi principal without landline or mobile: %+v", p)
			}
		}
		if s := g.Individual("赣"); s.Province != "36" || s.Principal.Landline == "" {
			t.Fatalf("Individual(赣): %+v", s)
		}
	}
	// Jiangsu: with a letter, the website principal is the subject's.
	found := false
	for range 200 {
		s := g.Organisation("江苏")
		if !s.AuthorisationLetter {
			continue
		}
		found = true
		if w := g.Website(s); w.Principal != s.Principal {
			t.Fatalf("Jiangsu website principal %+v, want the subject principal %+v", w.Principal, s.Principal)
		}
	}
	if !found {
		t.Error("no Jiangsu subject with an authorisation letter in 200")
	}
	// Public-sector domains.
	for range 200 {
		s := g.Organisation("32")
		d := g.Website(s).Domains[0]
		switch s.Nature {
		case filing.NatureGovernment:
			if !strings.HasSuffix(d, ".gov.cn") {
				t.Fatalf("government domain %s", d)
			}
		case filing.NatureInstitution:
			if !strings.HasSuffix(d, ".cn") {
				t.Fatalf("institution domain %s", d)
			}
		}
	}
}

func TestFiling_WebsiteCount(t *testing.T) {
	g := New(5)
	for _, c := range []struct {
		province   string
		n, want    int
		validation bool
	}{
		{"52", 0, 1, true}, {"52", -3, 1, true}, {"52", 4, 4, true},
		{"42", 5, 1, true}, {"43", 2, 1, true}, {"14", 10, 3, true}, {"41", 10, 5, true},
		{"61", 100, 30, true}, {"11", 1000, 200, true},
	} {
		f := g.Filing(g.Organisation(c.province), c.n)
		if len(f.Websites) != c.want {
			t.Errorf("Filing(%s, %d): %d websites, want %d", c.province, c.n, len(f.Websites), c.want)
		}
		if err := filing.Validate(f); err != nil {
			t.Errorf("Filing(%s, %d): %v", c.province, c.n, err)
		}
	}
}

func TestProvinceArgument(t *testing.T) {
	g := New(2)
	for _, in := range []string{"36", "江西", "江西省", "赣", " 36 "} {
		if s := g.Individual(in); s.Province != "36" {
			t.Errorf("Individual(%q) in %s", in, s.Province)
		}
	}
	// Anything else picks a province: still a valid filing.
	for _, in := range []string{"", "99", "Atlantis", "\xff"} {
		f := g.Filing(g.Organisation(in), 1)
		if _, ok := filing.ProvinceByCode(f.Subject.Province); !ok {
			t.Errorf("Organisation(%q) in %q", in, f.Subject.Province)
		}
		if err := filing.Validate(f); err != nil {
			t.Errorf("Organisation(%q): %v", in, err)
		}
	}
}

func TestGen_Deterministic(t *testing.T) {
	out := func(seed int64) string {
		g := New(seed)
		var b strings.Builder
		for range 5 {
			b.WriteString(string(g.ResidentID()) + string(g.USCC()) + string(g.OrgCode()) + string(g.Mobile()) +
				string(g.Landline()) + string(g.Email()) + g.Domain() + g.DomainIDN())
			b.WriteString(jsonOf(g.Person()))
			b.WriteString(jsonOf(g.Filing(g.Subject(), 2)))
		}
		return b.String()
	}
	for seed := range int64(20) {
		if a, b := out(seed), out(seed); a != b {
			t.Fatalf("seed %d: two Gens differ", seed)
		}
		if out(seed) == out(seed+1) {
			t.Fatalf("seeds %d and %d give the same output", seed, seed+1)
		}
	}
	// The zero Gen is New(0).
	var zero Gen
	if a, b := jsonOf(zero.Filing(zero.Subject(), 2)), func() string { g := New(0); return jsonOf(g.Filing(g.Subject(), 2)) }(); a != b {
		t.Errorf("the zero Gen differs from New(0):\n%s\n%s", a, b)
	}
	// Gens on separate goroutines are independent (and, under -race, do not
	// share mutable state).
	want := make([]string, 8)
	for i := range want {
		want[i] = out(int64(i))
	}
	var wg sync.WaitGroup
	got := make([]string, len(want))
	for i := range got {
		wg.Go(func() { got[i] = out(int64(i)) })
	}
	wg.Wait()
	if !slices.Equal(got, want) {
		t.Error("concurrent Gens differ from sequential ones")
	}
}

// TestGen_Unique checks that the filings of one Gen do not conflict: no
// domain, certificate number, phone, e-mail, subject name or website name is
// given twice.
func TestGen_Unique(t *testing.T) {
	g := New(11)
	seen := map[string]string{}
	claim := func(kind, v string) {
		t.Helper()
		if prev, dup := seen[kind+v]; dup {
			t.Fatalf("%s %q given twice (%s)", kind, v, prev)
		}
		seen[kind+v] = kind
	}
	person := func(p filing.Person) {
		claim("id", string(p.CertNumber))
		claim("phone", string(p.Mobile))
		claim("phone", string(p.EmergencyPhone))
		claim("email", string(p.Email))
		if p.Landline != "" {
			claim("phone", string(p.Landline))
		}
	}
	for i := range 600 {
		f := g.Filing(g.Subject(), 3)
		s := f.Subject
		claim("subject", s.Name)
		if s.Nature != filing.NatureIndividual {
			claim("id", string(s.CertNumber))
		}
		person(s.Principal)
		for _, w := range f.Websites {
			claim("website", w.Name)
			a, err := domain.NormalizeDomain(w.Domains[0])
			if err != nil {
				t.Fatal(err)
			}
			claim("domain", a)
			if w.Principal != s.Principal {
				person(w.Principal)
			}
		}
		if i%3 == 0 {
			a, _ := domain.NormalizeDomain(g.DomainIDN())
			claim("domain", a)
			claim("domain", g.Domain())
			claim("id", string(g.USCC()))
			claim("id", string(g.OrgCode()))
		}
	}
}

// TestGen_FreshTags checks the fallback that keeps values unique once the
// random draws keep repeating.
func TestGen_FreshTags(t *testing.T) {
	g := New(1)
	seen := map[string]bool{}
	for range 100 {
		v := g.fresh("x", func(tag string) string { return "same" + tag })
		if seen[v] {
			t.Fatalf("%q given twice", v)
		}
		seen[v] = true
	}
	// Far more Chinese domains than the brand words give without tags.
	for range 5000 {
		d := g.DomainIDN()
		if err := domain.CheckDomain(d); err != nil {
			t.Fatalf("%s: %v", d, err)
		}
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
