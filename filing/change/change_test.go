package change_test

import (
	"encoding/json"
	"errors"
	"net/netip"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/change"
	"github.com/beiankit/beian/filing/filingtest"
	"github.com/beiankit/beian/filing/sms"
)

var since = time.Date(2025, 5, 6, 10, 0, 0, 0, calendar.Location())

// filed returns an approved organisation filing in province with three
// websites (the first with two domains), each with one access record.
func filed(t testing.TB, province string) *filing.Filing {
	t.Helper()
	g := filingtest.New(7)
	s := g.Organisation(province)
	p, ok := filing.ProvinceByCode(province)
	require.True(t, ok)
	s.Number = p.ICPAbbr + "ICP备2025001234号"
	s.Status = filing.StatusApproved
	f := &filing.Filing{Subject: s}
	for i := range 3 {
		w := g.Website(s)
		w.Number = s.Number + "-" + string(rune('1'+i))
		w.Status = filing.StatusApproved
		w.Access = []filing.Access{{ISP: "中国电信", ISPProvince: province, ServerProvince: province, Method: "cloud",
			IPs: []netip.Addr{netip.MustParseAddr("1.2.3." + string(rune('4'+i)))}, Since: since}}
		f.Websites = append(f.Websites, w)
	}
	f.Websites[0].Domains = append(f.Websites[0].Domains, "second-"+f.Websites[0].Domains[0])
	f.Websites[0].Domains[1] = "example-second.cn"
	return f
}

// clone deep-copies what the tests edit.
func clone(f *filing.Filing) *filing.Filing {
	g := *f
	g.Websites = slices.Clone(f.Websites)
	for i := range g.Websites {
		g.Websites[i].Domains = slices.Clone(f.Websites[i].Domains)
		g.Websites[i].Access = slices.Clone(f.Websites[i].Access)
	}
	return &g
}

func codes(err error) []filing.Code {
	var ve *filing.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []filing.Code
	for _, p := range ve.Problems {
		out = append(out, p.Code)
	}
	return out
}

func TestR80_DomainsByChange(t *testing.T) {
	cases := []struct {
		name string
		edit func(f *filing.Filing)
		want []filing.Code
	}{
		{"add a domain to a multi-domain website", func(f *filing.Filing) {
			f.Websites[0].Domains = append(f.Websites[0].Domains, "new-domain.cn")
		}, []filing.Code{change.CodeDomainAdded}},
		{"add a domain to a single-domain website", func(f *filing.Filing) {
			f.Websites[1].Domains = append(f.Websites[1].Domains, "new-domain.cn")
		}, []filing.Code{change.CodeDomainAdded}},
		{"replace the domain of a single-domain website", func(f *filing.Filing) {
			f.Websites[1].Domains = []string{"replacement.cn"}
		}, []filing.Code{change.CodeDomainReplaced}},
		{"replace one domain of a multi-domain website", func(f *filing.Filing) {
			f.Websites[0].Domains[1] = "replacement.cn"
		}, []filing.Code{change.CodeDomainAdded}},
		{"IDN added", func(f *filing.Filing) {
			f.Websites[0].Domains = append(f.Websites[0].Domains, "例子.中国")
		}, []filing.Code{change.CodeDomainAdded}},
		{"remove a domain of a multi-domain website", func(f *filing.Filing) {
			f.Websites[0].Domains = f.Websites[0].Domains[:1]
		}, nil},
		{"same domain in upper case is no change", func(f *filing.Filing) {
			f.Websites[0].Domains[1] = "EXAMPLE-SECOND.CN"
		}, nil},
	}
	for _, tc := range cases {
		old := filed(t, "52")
		nw := clone(old)
		tc.edit(nw)
		_, err := change.Check(old, nw, change.Options{})
		assert.Equal(t, tc.want, codes(err), tc.name)
		for _, c := range tc.want {
			assert.ErrorIs(t, err, c, tc.name)
		}
	}
}

func TestR81_WhatMayChange(t *testing.T) {
	cases := []struct {
		name     string
		province string
		edit     func(f *filing.Filing)
		opts     change.Options
		want     []filing.Code
	}{
		{"province never", "52", func(f *filing.Filing) { f.Subject.Province = "44" }, change.Options{}, []filing.Code{change.CodeProvinceChanged}},
		{"subject A to B refused by default", "61", func(f *filing.Filing) {
			f.Subject.Name, f.Subject.CertNumber = "另一家科技有限公司", "91610000MA6TGXXX0X"
		}, change.Options{}, []filing.Code{change.CodeSubjectReplaced}},
		{"subject A to B in Shandong with the same legal representative", "37", func(f *filing.Filing) {
			f.Subject.Name, f.Subject.CertNumber = "另一家科技有限公司", "91370000MA3XXXXX0X"
		}, change.Options{}, nil},
		{"subject A to B in Shandong with another legal representative", "37", func(f *filing.Filing) {
			f.Subject.Name, f.Subject.CertNumber, f.Subject.LegalRepresentative = "另一家科技有限公司", "91370000MA3XXXXX0X", "王五"
		}, change.Options{}, []filing.Code{change.CodeSubjectReplacedLegalRep}},
		{"certificate number alone", "52", func(f *filing.Filing) { f.Subject.CertNumber = "91520000MA6XXXXX0X" },
			change.Options{}, []filing.Code{change.CodeCertNumberChanged}},
		{"organisation to individual never", "52", func(f *filing.Filing) { f.Subject.Nature = filing.NatureIndividual },
			change.Options{}, []filing.Code{change.CodeToIndividual}},
		{"enterprise to institution is a change", "52", func(f *filing.Filing) { f.Subject.Nature = filing.NatureInstitution },
			change.Options{}, nil},
		{"name change in Sichuan without the letter", "51", func(f *filing.Filing) { f.Subject.Name = "新名称科技有限公司" },
			change.Options{}, []filing.Code{change.CodeNameChangeLetter}},
		{"name change in Sichuan with the letter", "51", func(f *filing.Filing) { f.Subject.Name = "新名称科技有限公司" },
			change.Options{NameChangeLetter: true}, nil},
		{"name change in Guizhou", "52", func(f *filing.Filing) { f.Subject.Name = "新名称科技有限公司" }, change.Options{}, nil},
		{"cross-province server move", "52", func(f *filing.Filing) { f.Websites[2].Access[0].ServerProvince = "11" },
			change.Options{}, []filing.Code{change.CodeServerMoved}},
		{"IP change within the province", "52", func(f *filing.Filing) {
			f.Websites[2].Access[0].IPs = []netip.Addr{netip.MustParseAddr("2400:3200::1")}
		}, change.Options{}, nil},
	}
	for _, tc := range cases {
		old := filed(t, tc.province)
		nw := clone(old)
		tc.edit(nw)
		_, err := change.Check(old, nw, tc.opts)
		assert.Equal(t, tc.want, codes(err), tc.name)
	}
}

// filedIndividual is the approved filing of an individual in Guizhou with
// one website.
func filedIndividual() *filing.Filing {
	g := filingtest.New(3)
	s := g.Individual("52")
	s.Number, s.Status = "黔ICP备2025000001号", filing.StatusApproved
	w := g.Website(s)
	w.Number, w.Status = s.Number+"-1", filing.StatusApproved
	return &filing.Filing{Subject: s, Websites: []filing.Website{w}}
}

func TestR81_IndividualToOrganisation(t *testing.T) {
	old := filedIndividual()
	nw := clone(old)
	nw.Subject.Nature = filing.NatureEnterprise
	_, err := change.Check(old, nw, change.Options{})
	assert.ErrorIs(t, err, change.CodeToOrganisation)
}

func TestR82_Sequencing(t *testing.T) {
	old := filed(t, "52")
	nw := clone(old)
	nw.Subject.Address = "贵州省贵阳市观山湖区新地址1号"
	old.Websites[1].Status = filing.StatusBureauReview
	_, err := change.Check(old, nw, change.Options{})
	assert.Equal(t, []filing.Code{change.CodeUnderReview}, codes(err), "a website under review")

	old = filed(t, "52")
	nw = clone(old)
	nw.Subject.Address = "贵州省贵阳市观山湖区新地址1号"
	added := nw.Websites[2]
	added.Number, added.Domains = "", []string{"added-site.cn"}
	nw.Websites = append(nw.Websites, added)
	_, err = change.Check(old, nw, change.Options{})
	assert.Equal(t, []filing.Code{change.CodeWithAddition}, codes(err), "change plus new website")

	nw = clone(old)
	nw.Websites = nw.Websites[:2]
	_, err = change.Check(old, nw, change.Options{})
	assert.Equal(t, []filing.Code{change.CodeWebsiteRemoved}, codes(err), "website dropped")

	nw = clone(old)
	nw.Websites[0].Number = "黔ICP备2025009999号-1"
	_, err = change.Check(old, nw, change.Options{})
	assert.Contains(t, codes(err), change.CodeWebsiteUnknown, "a number the record does not have")
}

func TestR83_ChangeVerifiesAgain(t *testing.T) {
	cases := []struct {
		name     string
		province string
		edit     func(f *filing.Filing)
		typ      sms.FilingType
		roles    []sms.Role
		face     bool
	}{
		{"subject principal's mobile", "52", func(f *filing.Filing) { f.Subject.Principal.Mobile = "13912345678" },
			sms.ChangeSubject, []sms.Role{sms.RoleSubjectPrincipal}, false},
		{"subject principal replaced", "52", func(f *filing.Filing) { f.Subject.Principal.Name = "赵六" },
			sms.ChangeSubject, []sms.Role{sms.RoleSubjectPrincipal}, true},
		{"website name", "52", func(f *filing.Filing) { f.Websites[1].Name = "新网站名称" },
			sms.ChangeWebsite, []sms.Role{sms.RoleWebsitePrincipal}, false},
		{"subject address and a website name", "52", func(f *filing.Filing) {
			f.Subject.Address = "贵州省贵阳市新地址2号"
			f.Websites[2].Name = "新网站名称"
		}, sms.ChangeSubjectWebsite, []sms.Role{sms.RoleSubjectPrincipal, sms.RoleWebsitePrincipal}, false},
		{"access IPs only", "52", func(f *filing.Filing) {
			f.Websites[0].Access[0].IPs = []netip.Addr{netip.MustParseAddr("1.2.4.8")}
		}, sms.ChangeAccess, nil, false},
		{"Qinghai repeats the photos on every change", "63", func(f *filing.Filing) { f.Websites[1].Name = "新网站名称" },
			sms.ChangeWebsite, []sms.Role{sms.RoleWebsitePrincipal}, true},
		{"a new website alone", "52", func(f *filing.Filing) {
			w := f.Websites[1]
			w.Number, w.Domains = "", []string{"added-site.cn"}
			f.Websites = append(f.Websites, w)
		}, sms.NewWebsite, []sms.Role{sms.RoleSubjectPrincipal, sms.RoleWebsitePrincipal}, false},
	}
	for _, tc := range cases {
		old := filed(t, tc.province)
		nw := clone(old)
		tc.edit(nw)
		plan, err := change.Check(old, nw, change.Options{})
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.typ, plan.Type, tc.name)
		var roles []sms.Role
		for _, p := range plan.Verify {
			roles = append(roles, p.Role)
		}
		assert.Equal(t, tc.roles, roles, tc.name)
		assert.Equal(t, tc.face, plan.FaceCheck, tc.name)
	}
}

func TestR08_DiffNamesChangedSubjectFacts(t *testing.T) {
	old := filed(t, "52")
	nw := clone(old)
	nw.Subject.LegalRepresentative = "钱七"
	nw.Subject.Principal.Email = "new@example.cn"
	nw.Websites[1].HomeURL = "https://" + nw.Websites[1].Domains[0] + "/new"
	set, err := change.Diff(old, nw)
	require.NoError(t, err)
	var paths []string
	for _, c := range set.Changes {
		paths = append(paths, c.Path)
	}
	assert.Equal(t, []string{"subject.legal_representative", "subject.principal.email", "websites[1].home_url"}, paths)
	assert.True(t, set.Touches(change.AreaSubject))
	assert.False(t, set.Touches(change.AreaAccess))

	set, err = change.Diff(old, clone(old))
	require.NoError(t, err)
	assert.True(t, set.Empty(), "an identical copy changes nothing")

	_, err = change.Diff(nil, old)
	assert.ErrorIs(t, err, change.CodeNil)
	_, err = change.Check(old, nil, change.Options{})
	assert.ErrorIs(t, err, change.CodeNil)
}

func TestR80_ChangeSetHoldsNoPersonalData(t *testing.T) {
	old := filed(t, "52")
	nw := clone(old)
	nw.Subject.Principal.Mobile = "13912345678"
	set, err := change.Diff(old, nw)
	require.NoError(t, err)
	b, err := json.Marshal(set)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "13912345678")
}
