package shell

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
)

// TestR64_DefaultTableKeepsTheOldGraces compares the default province
// table's graces with the old data/grace.json (kept in testdata) for every
// province.
func TestR64_DefaultTableKeepsTheOldGraces(t *testing.T) {
	b, err := os.ReadFile("testdata/grace_old.json")
	require.NoError(t, err)
	var old struct {
		DefaultDays int            `json:"default_days"`
		Provinces   map[string]int `json:"provinces"`
	}
	require.NoError(t, json.Unmarshal(b, &old))
	require.Equal(t, Grace, time.Duration(old.DefaultDays)*24*time.Hour)
	provinces := filing.Provinces()
	require.NotEmpty(t, provinces)
	for _, p := range append(provinces, filing.Province{Code: ""}, filing.Province{Code: "99"}) {
		want := old.DefaultDays
		if n, ok := old.Provinces[p.Code]; ok {
			want = n
		}
		assert.Equal(t, time.Duration(want)*24*time.Hour, GraceFor(p.Code), p.Code)
		assert.Equal(t, time.Duration(want)*24*time.Hour, GraceIn(filing.DefaultProvinceRules(), p.Code, time.Now()), p.Code)
	}
}

// hubeiTen is a Hubei subject whose website has been without access for ten
// days at asOf.
func hubeiTen() (SubjectRecord, time.Time) {
	approved := time.Date(2026, 5, 1, 10, 0, 0, 0, cstZone)
	hb := filing.Subject{Number: "鄂ICP备2025001234号", Province: "42", Status: filing.StatusApproved}
	w := filing.Website{Service: filing.Service{Number: "鄂ICP备2025001234号-1", Status: filing.StatusApproved}}
	return SubjectRecord{Subject: hb, Websites: []WebsiteRecord{{Website: w, ApprovedAt: approved}}}, approved.Add(10 * 24 * time.Hour)
}

func TestR64_GraceFromCallersTable(t *testing.T) {
	rec, asOf := hubeiTen()
	r, err := ClassifyRecord(rec, asOf)
	require.NoError(t, err)
	require.True(t, r.Has(FindingWebsiteAtRisk), "Hubei's month by default")

	// A caller's table that gives Hubei a week: a shell after ten days.
	week, err := filing.DefaultProvinceRules().With(filing.ProvinceRule{Province: "42", Kind: filing.RuleShellGraceDays, Value: 7, Source: "a caller's reading of the Hubei notice"})
	require.NoError(t, err)
	assert.Equal(t, 7*24*time.Hour, GraceIn(week, "42", asOf))
	r, err = ClassifyRecord(rec, asOf, WithProvinceRules(week))
	require.NoError(t, err)
	assert.True(t, r.Has(FindingShellWebsite), "ClassifyRecord")

	s := rec.Subject
	ws := []filing.Website{rec.Websites[0].Website}
	r, err = ClassifySubject(s, ws, asOf, WithProvinceRules(week))
	require.NoError(t, err)
	assert.True(t, r.Has(FindingShellWebsite), "ClassifySubject (R-60: never had access)")

	r, err = ClassifyFiling(FilingRecord{Subject: rec.Subject, Websites: rec.Websites}, asOf, WithProvinceRules(week))
	require.NoError(t, err)
	assert.True(t, r.Has(FindingShellWebsite), "ClassifyFiling")

	// The stream: the same answer under the caller's table, the default's without.
	jsonl := `{"type":"subject","number":"鄂ICP备2025001234号","province":"42","status":"approved"}
{"type":"website","subject":"鄂ICP备2025001234号","number":"鄂ICP备2025001234号-1","status":"approved","access":[{"isp":"中国电信","since":"2025-01-01T00:00:00+08:00","until":"2026-05-01T10:00:00+08:00"}]}
`
	kinds := func(opts ...StreamOption) []FindingKind {
		var out []FindingKind
		_, err := ClassifyStream(context.Background(), strings.NewReader(jsonl), asOf, func(r SubjectReport) error {
			for _, f := range r.Findings {
				out = append(out, f.Kind)
			}
			return nil
		}, opts...)
		require.NoError(t, err)
		return out
	}
	assert.Contains(t, kinds(), FindingWebsiteAtRisk)
	assert.NotContains(t, kinds(), FindingShellWebsite)
	assert.Contains(t, kinds(WithProvinceRules(week)), FindingShellWebsite)

	// A table without grace rows answers Grace; a dated row applies from its day.
	none, err := filing.NewProvinceRules()
	require.NoError(t, err)
	assert.Equal(t, Grace, GraceIn(none, "42", asOf))
	dated, err := filing.DefaultProvinceRules().With(filing.ProvinceRule{Province: "42", Kind: filing.RuleShellGraceDays, Value: 3, Since: "2026-05-09", Source: "test"})
	require.NoError(t, err)
	r, err = ClassifyRecord(rec, asOf, WithProvinceRules(dated))
	require.NoError(t, err)
	assert.True(t, r.Has(FindingShellWebsite), "the dated row is in force on 2026-05-11")
	r, err = ClassifyRecord(rec, asOf.Add(-5*24*time.Hour), WithProvinceRules(dated))
	require.NoError(t, err)
	assert.True(t, r.Has(FindingWebsiteAtRisk), "on 2026-05-06 the dated row (3 days) is not in force: the national week applies")
}
