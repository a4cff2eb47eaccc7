package lifecycle

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sms"
)

// TestR20_R21_DefaultTableKeepsTheOldReviewLimits: the default table gives
// every province the answer the code gave before the limit moved into the
// table (Jiangxi, "36": R-21's 15 working days from the form; elsewhere
// R-20's 20 from the submission).
func TestR20_R21_DefaultTableKeepsTheOldReviewLimits(t *testing.T) {
	provinces := filing.Provinces()
	require.NotEmpty(t, provinces)
	now := time.Date(2026, 3, 2, 15, 0, 0, 0, cstZone)
	for _, p := range append(provinces, filing.Province{Code: ""}) {
		want := Review{Kind: calendar.ReviewR20, Workdays: 20}
		if p.Code == "36" {
			want = Review{Kind: calendar.JiangxiReviewR21, Workdays: 15, FromForm: true}
		}
		assert.Equal(t, want, ReviewOf(filing.DefaultProvinceRules(), p.Code, now), p.Code)
		assert.Equal(t, want.Kind, ReviewLimit(p.Code), p.Code)
		assert.Equal(t, want.Kind.Workdays(), want.Workdays, "calendar's named kind agrees with the table")
	}
}

func TestR21_ReviewLimitFromCallersTable(t *testing.T) {
	cal := calendar.Default()
	submitted := time.Date(2026, 3, 2, 15, 0, 0, 0, cstZone) // Monday
	formAt := time.Date(2026, 3, 4, 10, 0, 0, 0, cstZone)    // Wednesday
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, cstZone) }
	gd := State{Type: sms.NewFiling, Province: "44", Status: filing.StatusBureauReview, ReviewFrom: submitted, FormAt: formAt}
	jx := gd
	jx.Province = "36"

	due, kind, ok, err := gd.Due(cal)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, calendar.ReviewR20, kind)
	require.Equal(t, day(3, 30), due, "Guangdong: 20 working days from the submission")

	// A caller's table: Guangdong reviews within 15 working days of the form,
	// Jiangxi within 10.
	rules, err := filing.DefaultProvinceRules().With(
		filing.ProvinceRule{Province: "44", Kind: filing.RuleReviewLimit, Value: 15, Policy: filing.ReviewFromForm, Source: "a caller's reading"},
		filing.ProvinceRule{Province: "36", Kind: filing.RuleReviewLimit, Value: 10, Policy: filing.ReviewFromForm, Source: "a caller's reading"},
	)
	require.NoError(t, err)
	due, kind, ok, err = gd.DueWith(cal, rules)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, calendar.JiangxiReviewR21, kind, "a limit from the form is R-21's kind")
	assert.Equal(t, day(3, 25), due, "15 working days from Wednesday 2026-03-04")

	due, _, _, err = jx.Due(cal)
	require.NoError(t, err)
	require.Equal(t, day(3, 25), due, "Jiangxi by default: 15 working days from the form")
	due, _, _, err = jx.DueWith(cal, rules)
	require.NoError(t, err)
	assert.Equal(t, day(3, 18), due, "Jiangxi under the caller's table: 10")

	cd, ok, err := jx.CountdownWith(cal, rules, formAt)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, 10, cd.Workdays)
	assert.Equal(t, 10, cd.Remaining)
	assert.Equal(t, "R-21", cd.Rule)
	assert.Equal(t, formAt, cd.From)
	cd, _, err = jx.Countdown(cal, formAt)
	require.NoError(t, err)
	assert.Equal(t, 15, cd.Workdays)

	// A table without review rows: R-20's 20 from the submission.
	none, err := filing.NewProvinceRules()
	require.NoError(t, err)
	due, kind, _, err = jx.DueWith(cal, none)
	require.NoError(t, err)
	assert.Equal(t, calendar.ReviewR20, kind)
	assert.Equal(t, day(3, 30), due)
}
