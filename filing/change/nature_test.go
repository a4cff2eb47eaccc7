package change_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/change"
)

// TestR81_NatureSpelling: an organisation never becomes an individual,
// however the individual's nature is spelt (each spelling Validate
// accepts), and the same nature spelt otherwise is no change.
func TestR81_NatureSpelling(t *testing.T) {
	cases := []struct {
		old, new filing.Nature
		want     []filing.Code
		changed  bool
	}{
		{"enterprise", "individual", []filing.Code{change.CodeToIndividual}, true},
		{"enterprise", "个人", []filing.Code{change.CodeToIndividual}, true},
		{"企业", " 个人 ", []filing.Code{change.CodeToIndividual}, true},
		{"enterprise", "ｉｎｄｉｖｉｄｕａｌ", []filing.Code{change.CodeToIndividual}, true},
		{"enterprise", "individual\u3000", []filing.Code{change.CodeToIndividual}, true},
		{"个人", "企业", []filing.Code{change.CodeToOrganisation}, true},
		{"enterprise", "企业", nil, false},
		{"individual", "个人", nil, false},
		{"enterprise", " enterprise", nil, false},
	}
	for _, tc := range cases {
		t.Run(string(tc.old)+"→"+string(tc.new), func(t *testing.T) {
			old := filed(t, "52")
			old.Subject.Nature = tc.old
			nw := clone(old)
			nw.Subject.Nature = tc.new
			set, err := change.Diff(old, nw)
			require.NoError(t, err)
			assert.Equal(t, tc.changed, set.Has("subject.nature"))
			_, err = change.Check(old, nw, change.Options{})
			assert.Equal(t, tc.want, codes(err))
		})
	}
}
