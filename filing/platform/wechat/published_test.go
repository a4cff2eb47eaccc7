package wechat_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform"
	"github.com/beiankit/beian/filing/platform/wechat"
)

// TestR95_WeChatTableExamples: a request made of the example values of
// applyIcpFiling's table (示例值: type 5, province "110000", city "110100",
// district "110105", address "高碑店路181号1栋12345室", certificate type 2,
// validity "20230815" / "20330815" or "长期", pre-approval code "粤-12345号")
// decodes with no key left over, re-encodes as it came, and maps to the
// model.
func TestR95_WeChatTableExamples(t *testing.T) {
	data := read(t, "table_examples.json")
	p, err := wechat.DecodeApply(data)
	require.NoError(t, err)
	assert.Empty(t, platform.UnknownKeys(p), "every key of the table is declared")
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, string(data), string(b))
	in, err := wechat.ToModel(p, lists(t))
	require.NoError(t, err)
	s := in.Filing.Subject
	assert.Equal(t, filing.NatureIndividual, s.Nature)
	assert.Equal(t, "11", s.Province)
	assert.Equal(t, filing.CertResidentID, s.CertType)
	assert.Empty(t, s.LegalRepresentative, "an individual has none")
	assert.Equal(t, "2023-08-15至2033-08-15", s.Principal.CertValidity.String())
	app := in.Filing.Apps[0]
	assert.Equal(t, []filing.PreApprovalCategory{"publishing"}, app.Involves)
	assert.Equal(t, []filing.PreApproval{{Category: "publishing", Number: "粤-12345号"}}, app.PreApprovals)
	assert.Equal(t, "2023-08-15至长期", app.Principal.CertValidity.String())
	assert.Equal(t, []string{"生活缴费"}, app.Categories)
}
