package shell

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
)

func TestR64_GracePerProvince(t *testing.T) {
	day := 24 * time.Hour
	cases := []struct {
		province string
		want     time.Duration
	}{
		{"52", 7 * day}, {"64", 7 * day}, {"37", 7 * day}, {"11", Grace}, {"", Grace},
		{"42", 30 * day}, {"54", 68 * day},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, GraceFor(tc.province), tc.province)
	}
}

func TestR64_HubeiShellAfterItsPublicityPeriod(t *testing.T) {
	hb := filing.Subject{Number: "鄂ICP备2025001234号", Province: "42", Status: filing.StatusApproved}
	approved := time.Date(2026, 5, 1, 10, 0, 0, 0, cstZone)
	w := filing.Website{Service: filing.Service{Number: "鄂ICP备2025001234号-1", Status: filing.StatusApproved}}
	rec := FilingRecord{Subject: hb, Websites: []WebsiteRecord{{Website: w, ApprovedAt: approved}}}

	// Ten days without access: a shell in Guizhou, still at risk in Hubei.
	r, err := ClassifyFiling(rec, approved.Add(10*24*time.Hour))
	require.NoError(t, err)
	f := find(t, r, FindingWebsiteAtRisk)
	assert.Equal(t, "R-64", f.Rule)
	assert.Equal(t, 20, f.DaysLeft)
	assert.Equal(t, "2026-05-31", f.ShellDate)

	r, err = ClassifyFiling(rec, approved.Add(30*24*time.Hour+time.Nanosecond))
	require.NoError(t, err)
	f = find(t, r, FindingShellWebsite)
	assert.Contains(t, f.Zh, "30天公示期")

	gz := rec
	gz.Subject.Number, gz.Subject.Province = "黔ICP备2025001234号", "52"
	gz.Websites = []WebsiteRecord{{Website: filing.Website{Service: filing.Service{Number: "黔ICP备2025001234号-1", Status: filing.StatusApproved}}, ApprovedAt: approved}}
	r, err = ClassifyFiling(gz, approved.Add(10*24*time.Hour))
	require.NoError(t, err)
	f = find(t, r, FindingShellWebsite)
	assert.Equal(t, "R-61", f.Rule)
	assert.Contains(t, f.Zh, "已超过1周")
}
