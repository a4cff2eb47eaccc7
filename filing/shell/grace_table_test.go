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
	"github.com/beiankit/beian/filing/record"
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
func hubeiTen() (record.Record, time.Time) {
	approved := time.Date(2026, 5, 1, 10, 0, 0, 0, cstZone)
	hb := record.Subject{Number: "鄂ICP备2025001234号", Province: "42", Status: filing.StatusApproved}
	w := record.Website{Number: "鄂ICP备2025001234号-1", Status: filing.StatusApproved, ApprovedAt: approved}
	return record.Record{Subject: hb, Websites: []record.Website{w}}, approved.Add(10 * 24 * time.Hour)
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

	s := filing.Subject{Number: rec.Subject.Number, Province: rec.Subject.Province, Status: rec.Subject.Status}
	ws := []filing.Website{{Service: filing.Service{Number: rec.Websites[0].Number, Status: rec.Websites[0].Status}}}
	r, err = ClassifySubject(s, ws, asOf, WithProvinceRules(week))
	require.NoError(t, err)
	assert.True(t, r.Has(FindingShellWebsite), "ClassifySubject (R-60: never had access)")

	r, err = ClassifyFiling(FilingRecord{Subject: s, Websites: []WebsiteRecord{{Website: ws[0], ApprovedAt: rec.Websites[0].ApprovedAt}}}, asOf, WithProvinceRules(week))
	require.NoError(t, err)
	assert.True(t, r.Has(FindingShellWebsite), "ClassifyFiling")

	// The streams: the same answer under the caller's table, the default's
	// without; the one export (ClassifyStream, ClassifySeq) and the typed
	// lines (ClassifyTypedStream).
	export := `{"subject":{"number":"鄂ICP备2025001234号","province":"42","status":"approved"},"websites":[{"number":"鄂ICP备2025001234号-1","status":"approved","access":[{"isp":"中国电信","since":"2025-01-01T00:00:00+08:00","until":"2026-05-01T10:00:00+08:00"}]}]}
`
	jsonl := `{"type":"subject","number":"鄂ICP备2025001234号","province":"42","status":"approved"}
{"type":"website","subject":"鄂ICP备2025001234号","number":"鄂ICP备2025001234号-1","status":"approved","access":[{"isp":"中国电信","since":"2025-01-01T00:00:00+08:00","until":"2026-05-01T10:00:00+08:00"}]}
`
	for name, classify := range map[string]func(func(SubjectReport) error, ...StreamOption) error{
		"ClassifyStream": func(fn func(SubjectReport) error, opts ...StreamOption) error {
			_, err := ClassifyStream(context.Background(), strings.NewReader(export), asOf, fn, opts...)
			return err
		},
		"ClassifySeq": func(fn func(SubjectReport) error, opts ...StreamOption) error {
			_, err := ClassifySeq(context.Background(), record.Decode(strings.NewReader(export)), asOf, fn, opts...)
			return err
		},
		"ClassifyTypedStream": func(fn func(SubjectReport) error, opts ...StreamOption) error {
			_, err := ClassifyTypedStream(context.Background(), strings.NewReader(jsonl), asOf, fn, opts...)
			return err
		},
	} {
		kinds := func(opts ...StreamOption) []FindingKind {
			var out []FindingKind
			require.NoError(t, classify(func(r SubjectReport) error {
				for _, f := range r.Findings {
					out = append(out, f.Kind)
				}
				return nil
			}, opts...), name)
			return out
		}
		assert.Contains(t, kinds(), FindingWebsiteAtRisk, name)
		assert.NotContains(t, kinds(), FindingShellWebsite, name)
		assert.Contains(t, kinds(WithProvinceRules(week)), FindingShellWebsite, name)
	}

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
