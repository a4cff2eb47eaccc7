package douyin_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
	"github.com/beiankit/beian/filing/platform/douyin"
)

// TestR95_DouyinPublishedExample: the request example Douyin publishes for
// submit_record_info (testdata/published_request_example.json, as the SKIT
// sample keeps it) decodes with no key left over and re-encodes as it
// came; mapped to the model, the one thing wrong with it is reported: its
// city code 120100 (Tianjin) does not lie within its province 320000
// (Jiangsu).
func TestR95_DouyinPublishedExample(t *testing.T) {
	data := read(t, "published_request_example.json")
	p, err := douyin.DecodeRecordInfo(data)
	require.NoError(t, err)
	assert.Empty(t, platform.UnknownKeys(p), "every key of the published example is declared")
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(b))

	l := lists(t)
	l.RegionList = nil // checked by the codes' prefixes
	in, err := douyin.ToModel(p, l)
	assert.Equal(t, []string{"region.city platform.region_mismatch"}, codes(err))
	s := in.Filing.Subject
	assert.Equal(t, filing.NatureEnterprise, s.Nature)
	assert.Equal(t, filing.CertBusinessLicence, s.CertType)
	assert.Equal(t, "32", s.Province)
	assert.Equal(t, "2024-01-01至2024-12-05", s.Principal.CertValidity.String(), "1704038400 and 1733328000, midnight in China")
	app := in.Filing.Apps[0]
	assert.Equal(t, []filing.PreApprovalCategory{"education"}, app.Involves)
	assert.Equal(t, []string{"生活缴费"}, app.Categories)
	assert.Equal(t, []int{1}, in.Languages)
	assert.True(t, s.AuthorisationLetter, "the example sends corp_authority_letter")
}
