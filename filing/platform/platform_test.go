package platform_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
)

func TestR95_SameName(t *testing.T) {
	for _, tc := range []struct {
		p, s string
		want bool
	}{
		{"企业", "企业", true},
		{" 企业 ", "企业", true},
		{"营业执照（个人或企业）", "工商营业执照", true},
		{"营业执照(个人或企业)", "工商营业执照", true},
		{"居民身份证", "居民身份证", true},
		{"身份证", "居民身份证", true},
		{"证", "居民身份证", false}, // one character is no name
		{"", "", false},
		{"个人", "企业", false},
		{"企业", "民办非企业单位", false},
	} {
		assert.Equal(t, tc.want, platform.SameName(tc.p, tc.s), "%q vs %q", tc.p, tc.s)
	}
	n, ok := platform.NatureByName("企业")
	assert.True(t, ok)
	assert.Equal(t, filing.NatureEnterprise, n)
	c, ok := platform.CertTypeByName("营业执照（个人或企业）")
	assert.True(t, ok)
	assert.Equal(t, filing.CertBusinessLicence, c)
	_, ok = platform.CertTypeByName("区块链证书")
	assert.False(t, ok)
	pa, ok := platform.PreApprovalByName("出版")
	assert.True(t, ok)
	assert.Equal(t, filing.PreApprovalCategory("publishing"), pa)
}

func TestR95_ValidityDates(t *testing.T) {
	loc := calendar.Location()
	for _, tc := range []struct {
		v          filing.Validity
		start, end string
		ok         bool
	}{
		{filing.Validity{Start: time.Date(2023, 8, 15, 0, 0, 0, 0, loc), End: time.Date(2033, 8, 15, 0, 0, 0, 0, loc)}, "20230815", "20330815", true},
		{filing.Validity{Start: time.Date(2023, 8, 15, 0, 0, 0, 0, loc), LongTerm: true}, "20230815", "长期", true},
		// 2023-08-14 20:00 UTC is 2023-08-15 in China.
		{filing.Validity{Start: time.Date(2023, 8, 14, 20, 0, 0, 0, time.UTC), LongTerm: true}, "20230815", "长期", true},
		{filing.Validity{Start: time.Date(2023, 8, 15, 0, 0, 0, 0, loc)}, "", "", false},
		{filing.Validity{LongTerm: true}, "", "", false},
		{filing.Validity{}, "", "", false},
	} {
		s, e, ok := platform.ValidityDates(tc.v)
		assert.Equal(t, []any{tc.start, tc.end, tc.ok}, []any{s, e, ok}, tc.v.String())
		if ok {
			back, pr := platform.ParseValidityDates(s, e, "p")
			require.Nil(t, pr)
			s2, e2, _ := platform.ValidityDates(back)
			assert.Equal(t, []string{s, e}, []string{s2, e2})
		}
	}
	for _, bad := range [][2]string{{"2023-08-15", "长期"}, {"20230815", "长期有效"}, {"2023081", "长期"}, {"20231315", "长期"},
		{"２０２３０８１５", "长期"}, {"20230815", ""}, {"", "20330815"}, {"20230230", "长期"}} {
		_, pr := platform.ParseValidityDates(bad[0], bad[1], "subject.principal.cert_validity")
		require.NotNil(t, pr, bad)
		assert.Equal(t, platform.CodeValidityFormat, pr.Code)
		assert.Equal(t, "subject.principal.cert_validity", pr.Path)
	}
	assert.Equal(t, int64(1704038400), platform.UnixDay(time.Date(2024, 1, 1, 15, 0, 0, 0, loc)))
	assert.Equal(t, time.Date(2024, 1, 1, 0, 0, 0, 0, loc), platform.DayOfUnix(1704038400+3600))
}

func TestR95_Region(t *testing.T) {
	tree := []platform.Area{{Code: "520000", Name: "贵州省", Sub: []platform.Area{{Code: "520100", Name: "贵阳市",
		Sub: []platform.Area{{Code: "520115", Name: "观山湖区"}}}}}}
	names, probs := platform.CheckRegion(platform.Region{Province: "520000", City: "520100", District: "520115"}, "52", tree, "region")
	assert.Empty(t, probs)
	assert.Equal(t, [3]string{"贵州省", "贵阳市", "观山湖区"}, names)
	assert.Equal(t, "长岭北路1号", platform.StripRegion(" 贵州省贵阳市观山湖区长岭北路1号", names))
	assert.Equal(t, "贵阳市长岭北路1号", platform.StripRegion("贵阳市长岭北路1号", [3]string{"贵州省", "", ""}))
	assert.Equal(t, "东城区1号", platform.StripRegion("北京市东城区1号", [3]string{"北京市", "市辖区", ""}))
	_, probs = platform.CheckRegion(platform.Region{Province: "520000", City: "520100", District: "520116"}, "52", tree, "region")
	require.Len(t, probs, 1)
	assert.Equal(t, "region.district", probs[0].Path)
	_, probs = platform.CheckRegion(platform.Region{Province: "52000", City: "520100", District: "520115"}, "52", nil, "region")
	require.Len(t, probs, 1)
	assert.Equal(t, platform.CodeRegionMissing, probs[0].Code)
}

func TestR95_LoadFieldsRefusesDefects(t *testing.T) {
	for _, bad := range []string{
		`{`,
		`{"fields":[{"payload":"a","sdk":"x","label":"A"},{"payload":"a","sdk":"y","label":"B"}]}`,
		`{"fields":[{"payload":"a","label":"A"}]}`,
		`{"fields":[{"payload":"a","sdk":"x","unmapped":"why","label":"A"}]}`,
	} {
		_, err := platform.LoadFields([]byte(bad))
		assert.Error(t, err, bad)
	}
	f, err := platform.LoadFields([]byte(`{"source":"s","compiled":"2026-12-07","fields":[{"payload":"a.b[].c","sdk":"apps[#].x","label":"甲","aliases":["乙"]}]}`))
	require.NoError(t, err)
	r, ok := f.ByPayload(" a.b[12].c ")
	require.True(t, ok)
	assert.Equal(t, "apps[3].x", r.SDKPath(3))
	_, ok = f.ByLabel("乙")
	assert.True(t, ok)
	_, ok = f.ByPayload("a.b.c")
	assert.False(t, ok)
}

// TestR95_ExtraShowsKeysOnly: kept values may hold personal data; fmt and
// slog show the keys alone.
func TestR95_ExtraShowsKeysOnly(t *testing.T) {
	e := platform.Extra{"legal_phone": []byte(`"13800138000"`), "a": []byte(`1`)}
	assert.Equal(t, "extra{a,legal_phone}", fmt.Sprintf("%v %s %+v %#v", e, e, e, e)[:20])
	for _, verb := range []string{"%v", "%s", "%+v", "%#v", "%q", "%x"} {
		assert.NotContains(t, fmt.Sprintf(verb, e), "13800138000", verb)
	}
	var b bytes.Buffer
	slog.New(slog.NewJSONHandler(&b, nil)).Info("m", "e", e)
	assert.NotContains(t, b.String(), "13800138000")
	assert.Contains(t, b.String(), "legal_phone")
}

func TestR95_SelectServiceTypes(t *testing.T) {
	list := []platform.ServiceType{{ID: 600, Name: "工具"}, {ID: 5, Parent: 600, Name: "记账"}, {ID: 9, Name: "记账"}}
	ids, probs := platform.SelectServiceTypes([]string{" 记账 "}, list, "apps[0].categories")
	assert.Empty(t, probs)
	assert.Equal(t, []int{5}, ids, "the second-level entry wins over a first-level one of the same name")
	names, unknown := platform.ServiceTypeNames([]int{5, 7}, list)
	assert.Equal(t, []string{"记账"}, names)
	assert.Equal(t, []int{7}, unknown)
}
