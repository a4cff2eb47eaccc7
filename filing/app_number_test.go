package filing_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/filingtest"
)

// TestR42_ServiceNumbers: Validate refuses an app number whose letter is not
// its kind's, a website number with a letter, and two services (websites
// and apps together) under one suffix; the numbers the sequence gives pass.
func TestR42_ServiceNumbers(t *testing.T) {
	const subj = "粤ICP备2023103620号"
	cases := []struct {
		name    string
		website string
		apps    [3]string // app, mini-program, quick app
		want    filing.Code
	}{
		{"the sequence's numbers", subj + "-1", [3]string{subj + "-2A", subj + "-3X", subj + "-4K"}, ""},
		{"full-width and lower case", subj + "－１", [3]string{subj + "-2a", subj + "-３X", subj + "-4K"}, ""},
		{"licence-based mini-program", subj + "-1", [3]string{subj + "-2A", "粤B2-20090059-1626X", subj + "-4K"}, ""},
		{"app numbered -2K", subj + "-1", [3]string{subj + "-2K", subj + "-3X", subj + "-4K"}, filing.CodeServiceLetter},
		{"app numbered -7", subj + "-1", [3]string{subj + "-7", subj + "-3X", subj + "-4K"}, filing.CodeServiceLetter},
		{"quick app numbered -3A", subj + "-1", [3]string{subj + "-2A", subj + "-3X", subj + "-5A"}, filing.CodeServiceLetter},
		{"website numbered -1A", subj + "-1A", [3]string{subj + "-2A", subj + "-3X", subj + "-4K"}, filing.CodeServiceLetter},
		{"website -1 beside app -1A", subj + "-1", [3]string{subj + "-1A", subj + "-3X", subj + "-4K"}, filing.CodeSuffixTaken},
		{"mini-program -2X beside app -2A", subj + "-1", [3]string{subj + "-2A", subj + "-2X", subj + "-4K"}, filing.CodeSuffixTaken},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := filingtest.New(5)
			s := g.Organisation("44")
			f := g.FilingWithApps(s, 1)
			require.NoError(t, filing.Validate(f), "fixture")
			f.Websites[0].Number = tc.website
			for i := range f.Apps {
				f.Apps[i].Number = tc.apps[i]
			}
			err := filing.Validate(f)
			if tc.want == "" {
				assert.NoError(t, err)
				return
			}
			assert.True(t, errors.Is(err, tc.want), "%v", err)
		})
	}
	g := filingtest.New(6)
	f := g.FilingWithApps(g.Organisation("44"), 1)
	f.Apps = append(f.Apps, f.Apps[0])
	f.Apps[3].Name += "二"
	for i := range f.Apps[3].Platforms {
		f.Apps[3].Platforms[i].Identifier += "two"
	}
	f.Apps[0].Number, f.Apps[3].Number = subj+"-2A", subj+"-2A"
	assert.True(t, errors.Is(filing.Validate(f), filing.CodeSuffixTaken), "two apps -2A")
}
