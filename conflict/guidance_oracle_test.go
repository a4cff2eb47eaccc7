package conflict_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/guidance"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
)

// The guidance of a conflict is rendered when read (guidance.For), no
// longer built by Check. These tests hold the renderer to the words of the
// former builder, kept as the oracle (oracle_describe_test.go,
// oracle_check_test.go): the same statement, bureau, form, materials and
// steps, byte for byte, and the same data, for every kind.

// oracleUSCC is a unified social credit code that passes GB 32100.
func oracleUSCC(i int) filing.IDNumber {
	body := fmt.Sprintf("%08d", i)
	oc, _ := certno.OrgCodeCheckChar(body)
	first17 := "91110105" + body + string(oc)
	c, _ := certno.USCCCheckChar(first17)
	return filing.IDNumber(first17 + string(c))
}

// oracleResidentID is a resident ID that passes GB 11643.
func oracleResidentID(i int) filing.IDNumber {
	first17 := "110105" + time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format("20060102") + fmt.Sprintf("%03d", i%1000)
	c, _ := certno.ResidentIDCheckChar(first17)
	return filing.IDNumber(first17 + string(c))
}

// oracleProvinces are the provinces of the scenarios: Jiangxi has its own
// review limit.
var oracleProvinces = []string{"11", "36", "52", "44", "65"}

type oracleSubject struct {
	province, number, name string
	cert                   filing.IDNumber
}

// oracleIndex holds, for each province k of oracleProvinces: an approved
// subject with two websites (an ASCII and an IDN domain) and apps
// (approved, under review, returned; an app and a mini-program), a subject
// under review and a returned subject, each with a website.
func oracleIndex(t *testing.T) (*conflict.Index, []oracleSubject) {
	ix := conflict.New()
	var approved []oracleSubject
	for k, p := range oracleProvinces {
		pr, ok := filing.ProvinceByCode(p)
		require.True(t, ok, p)
		s := oracleSubject{p, fmt.Sprintf("%sICP备2020%06d号", pr.ICPAbbr, 100+k), fmt.Sprintf("甲%d科技有限公司", k), oracleUSCC(100 + k)}
		approved = append(approved, s)
		require.NoError(t, ix.Put(conflict.Record{
			Subject: conflict.SubjectRecord{Number: s.number, Province: p, Name: s.name, Nature: filing.NatureEnterprise,
				CertType: filing.CertBusinessLicence, CertNumber: s.cert},
			Websites: []conflict.WebsiteRecord{
				{Number: s.number + "-1", Name: "甲网", Domains: []string{fmt.Sprintf("a%d.com", k)}},
				{Number: s.number + "-2", Name: "甲例子", Domains: []string{fmt.Sprintf("例子%d.中国", k)}},
			},
			Apps: []conflict.AppRecord{
				{Number: s.number + "-3A", Kind: filing.AppKindApp, Name: fmt.Sprintf("甲%d记账", k), Platforms: []conflict.AppPlatformRecord{
					{Platform: filing.PlatformAndroid, Identifier: fmt.Sprintf("cn.a%d.ledger", k)},
					{Platform: filing.PlatformIOS, Identifier: fmt.Sprintf("cn.a%d.LedgerPro", k)}}},
				{Number: s.number + "-4X", Kind: filing.AppKindMiniProgram, Name: fmt.Sprintf("甲%d客服", k)},
				{Kind: filing.AppKindApp, Name: fmt.Sprintf("甲%d待审", k), Status: filing.StatusBureauReview, Platforms: []conflict.AppPlatformRecord{
					{Platform: filing.PlatformAndroid, Identifier: fmt.Sprintf("cn.a%d.pending", k)}}},
				{Kind: filing.AppKindApp, Name: fmt.Sprintf("甲%d退回", k), Status: filing.StatusReturnedToUser, Platforms: []conflict.AppPlatformRecord{
					{Platform: filing.PlatformAndroid, Identifier: fmt.Sprintf("cn.a%d.returned", k)}}},
			},
		}), p)
		for j, st := range []filing.Status{filing.StatusBureauReview, filing.StatusReturnedToUser} {
			require.NoError(t, ix.Put(conflict.Record{
				Subject: conflict.SubjectRecord{Province: p, Name: fmt.Sprintf("乙%d%d", k, j), Nature: filing.NatureIndividual,
					CertType: filing.CertResidentID, CertNumber: oracleResidentID(10*k + j), Status: st},
				Websites: []conflict.WebsiteRecord{{Name: "乙的站", Domains: []string{fmt.Sprintf("b%d%d.cn", k, j)}, Status: st}},
			}), p)
		}
	}
	return ix, approved
}

// oracleFilings are filings from applicants of every province of the
// scenarios that meet the records of oracleIndex in every way Check knows.
func oracleFilings(approved []oracleSubject) map[string]*filing.Filing {
	out := map[string]*filing.Filing{}
	stranger := func(q string) filing.Subject {
		return filing.Subject{Province: q, Name: "丙新申请有限公司", Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: oracleUSCC(900)}
	}
	for _, q := range oracleProvinces {
		// Every domain on file, in one website (paths past the first
		// eight domains) and one a website (the first path).
		var doms []string
		for k := range oracleProvinces {
			doms = append(doms, fmt.Sprintf("www.a%d.com", k), fmt.Sprintf("例子%d.中国", k), fmt.Sprintf("b%d0.cn", k), fmt.Sprintf("m.b%d1.cn", k))
		}
		out["domains from "+q] = &filing.Filing{Subject: stranger(q), Websites: []filing.Website{
			{Domains: []string{"fresh.cn"}}, {Domains: doms}, {Domains: []string{"xn--fsqu00a.xn--fiqs8s"}}}}
		for k, s := range approved {
			// The certificate of an approved subject under another name.
			f := &filing.Filing{Subject: stranger(q), Websites: []filing.Website{{Domains: []string{"fresh.cn"}}}}
			f.Subject.CertNumber = s.cert
			out[fmt.Sprintf("certificate of %d from %s", k, q)] = f
			// A subject number claimed without proof.
			f = &filing.Filing{Subject: stranger(q), Websites: []filing.Website{{Domains: []string{fmt.Sprintf("a%d.com", k)}}}}
			f.Subject.Number = s.number
			out[fmt.Sprintf("number of %d from %s", k, q)] = f
			// Another subject's apps: identifiers (as on file, in another
			// case, under review) and names.
			out[fmt.Sprintf("apps of %d from %s", k, q)] = &filing.Filing{Subject: stranger(q), Apps: []filing.App{
				{Kind: filing.AppKindApp, Service: filing.Service{Name: fmt.Sprintf("甲%d记账", k)}, Platforms: []filing.AppPlatform{
					{Platform: filing.PlatformAndroid, Identifier: fmt.Sprintf("cn.a%d.ledger", k)},
					{Platform: filing.PlatformIOS, Identifier: fmt.Sprintf("CN.A%d.ledgerpro", k)}}},
				{Kind: filing.AppKindApp, Service: filing.Service{Name: "新应用"}, Platforms: []filing.AppPlatform{
					{Platform: filing.PlatformAndroid, Identifier: fmt.Sprintf("cn.a%d.pending", k)}}},
				{Kind: filing.AppKindMiniProgram, Service: filing.Service{Name: fmt.Sprintf("甲%d客服", k)}, Host: filing.HostWeChat},
			}}
		}
	}
	for k, s := range approved {
		own := filing.Subject{Province: s.province, Number: s.number, Name: s.name, Nature: filing.NatureEnterprise, CertType: filing.CertBusinessLicence, CertNumber: s.cert}
		// Its own domains and identifiers filed as new.
		out[fmt.Sprintf("own %d", k)] = &filing.Filing{Subject: own,
			Websites: []filing.Website{{Domains: []string{fmt.Sprintf("a%d.com", k)}}, {Domains: []string{fmt.Sprintf("www.例子%d.中国", k)}}},
			Apps: []filing.App{{Kind: filing.AppKindApp, Service: filing.Service{Name: "新应用"}, Platforms: []filing.AppPlatform{
				{Platform: filing.PlatformAndroid, Identifier: fmt.Sprintf("cn.a%d.ledger", k)},
				{Platform: filing.PlatformHarmonyOS, Identifier: fmt.Sprintf("cn.a%d.pending", k)},
				{Platform: filing.PlatformIOS, Identifier: fmt.Sprintf("cn.a%d.Returned", k)}}}}}
		// The subject filed again, without its number.
		again := own
		again.Number = ""
		out[fmt.Sprintf("subject %d again", k)] = &filing.Filing{Subject: again, Websites: []filing.Website{{Domains: []string{fmt.Sprintf("a%d.com", k)}}}}
		// The subjects under review and returned, filed again.
		for j := range 2 {
			out[fmt.Sprintf("filing %d%d again", k, j)] = &filing.Filing{
				Subject:  filing.Subject{Province: s.province, Name: fmt.Sprintf("乙%d%d", k, j), CertType: filing.CertResidentID, CertNumber: oracleResidentID(10*k + j)},
				Websites: []filing.Website{{Domains: []string{fmt.Sprintf("b%d%d.cn", k, j)}}}}
		}
	}
	return out
}

// compareWithOracle fails unless each conflict, rendered, is the one the
// former builder gave, and notes the kinds seen (app kinds of
// KindResubmission and KindPending apart).
func compareWithOracle(t *testing.T, name string, got []conflict.Conflict, want []conflict.OracleConflict, seen map[string]bool) {
	t.Helper()
	require.Len(t, got, len(want), name)
	for i := range got {
		c, o := got[i], want[i]
		g := guidance.For(c)
		b := c.Blocking
		b.AppKind, b.AppName = "", ""
		assert.Equal(t, o.Kind, c.Kind, name)
		assert.Equal(t, o.Rule, c.Rule(), name)
		assert.Equal(t, o.Path, c.Path, name)
		assert.Equal(t, o.Domain, c.Domain, name)
		assert.Equal(t, o.Blocking, b, name)
		if !assert.Equal(t, o.Zh, g.Zh, name) || !assert.Equal(t, o.En, g.En, name) ||
			!assert.Equal(t, o.Bureau, g.Bureau, name) || !assert.Equal(t, o.Form, g.Form, name) ||
			!assert.Equal(t, oracleTexts(o.Steps), g.Steps, name) || !assert.Equal(t, oracleTexts(o.Materials), g.Materials, name) {
			t.FailNow()
		}
		key := string(c.Kind)
		if c.Blocking.AppKind != "" {
			key += " app"
		}
		if c.Blocking.AppNumber == "" && c.Blocking.AppKind != "" {
			key += " unnumbered"
		}
		if c.OnFile != "" {
			key += " on file"
		}
		if c.Blocking.WebsiteNumber == "" && c.Blocking.SubjectNumber == "" {
			key += " unnumbered"
		}
		seen[key] = true
	}
}

func oracleTexts(ts []conflict.OracleText) []guidance.Text {
	if ts == nil {
		return nil
	}
	out := make([]guidance.Text, len(ts))
	for i, x := range ts {
		out[i] = guidance.Text{Zh: x.Zh, En: x.En}
	}
	return out
}

// TestGuidanceMatchesOracle: for every kind of conflict, found by Check and
// by Contacts.Check for applicants of five provinces against records of
// five, For renders what the former builder gave; the test fails when a
// kind (or a variant: app, unnumbered, another spelling on file) is seen in
// none of the scenarios, so a new kind needs a scenario here.
func TestGuidanceMatchesOracle(t *testing.T) {
	ix, approved := oracleIndex(t)
	seen := map[string]bool{}
	for name, f := range oracleFilings(approved) {
		for _, opts := range [][]conflict.CheckOption{nil, {conflict.Resubmission()}} {
			got, err := ix.Check(f, opts...)
			want, werr := ix.OracleCheck(f, opts...)
			require.Equal(t, werr, err, name)
			compareWithOracle(t, name, got, want, seen)
		}
	}
	// Contacts: a mobile and an e-mail address taken, by a subject
	// with a number and one without.
	keyer, err := conflict.NewContactKeyer([]byte("a secret of at least 16 bytes"))
	require.NoError(t, err)
	reg := conflict.NewContacts(keyer)
	for k, s := range approved {
		f := &filing.Filing{Subject: filing.Subject{Province: s.province, Number: s.number, CertType: filing.CertBusinessLicence, CertNumber: s.cert,
			Principal: filing.Person{Mobile: filing.Phone(fmt.Sprintf("1380013800%d", k)), Email: filing.Email(fmt.Sprintf("p%d@example.com", k))}}}
		if k%2 == 1 {
			f.Subject.Number = ""
		}
		require.NoError(t, reg.Put(f))
	}
	for k := range approved {
		f := &filing.Filing{Subject: filing.Subject{Province: "52", CertType: filing.CertBusinessLicence, CertNumber: oracleUSCC(900),
			Principal: filing.Person{Mobile: filing.Phone(fmt.Sprintf("1380013800%d", k))}},
			Websites: []filing.Website{{Service: filing.Service{Principal: filing.Person{Email: filing.Email(fmt.Sprintf("P%d@Example.com", k))}}}}}
		got := reg.Check(f)
		require.Len(t, got, 2)
		compareWithOracle(t, fmt.Sprint("contacts ", k), got, reg.OracleCheck(f), seen)
	}
	for _, k := range conflict.Kinds() {
		found := false
		for v := range seen {
			found = found || v == string(k) || strings.HasPrefix(v, string(k)+" ")
		}
		assert.True(t, found, "kind %s: in no scenario (add one)", k)
	}
	for _, v := range []string{
		"conflict.domain_same_province unnumbered", "conflict.domain_other_province unnumbered",
		"conflict.app_identifier_taken app on file", "conflict.app_identifier_taken app unnumbered",
		"conflict.pending app unnumbered", "conflict.resubmission app unnumbered on file",
		"conflict.pending unnumbered", "conflict.resubmission unnumbered", "conflict.contact_taken unnumbered",
	} {
		assert.True(t, seen[v], "variant %q: in no scenario", v)
	}
	t.Logf("%d variants: %v", len(seen), seen)
}

// TestGuidanceMatchesOracleEveryProvince: the conflicts of websites and
// subjects of every kind, for an applicant of each of the 31 provinces
// against records of each, with and without numbers, website numbers
// whole and in two parts, ASCII and IDN domains, and paths past the
// precomputed ones, render as the former builder gave them.
func TestGuidanceMatchesOracleEveryProvince(t *testing.T) {
	seen := map[string]bool{}
	for mine := range filing.Provinces() {
		got, want := conflict.OracleHits(mine)
		require.NotEmpty(t, got)
		compareWithOracle(t, fmt.Sprint("province ", mine), got, want, seen)
	}
	assert.Len(t, seen, 16, "8 kinds, each with and without numbers: %v", seen)
}
