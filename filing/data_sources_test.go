package filing_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beiankit/beian/filing"
)

// TestR87_DivisionTableIsGBT2260: the division table holds the GB/T 2260
// rows the statistics bureau's table lacks, so a public-security number of
// 三沙市西沙区 names a known area.
func TestR87_DivisionTableIsGBT2260(t *testing.T) {
	for code, want := range map[string]string{
		"460302": "西沙区", "460303": "南沙区", "710000": "台湾省", "810000": "香港特别行政区", "820000": "澳门特别行政区",
		"460300": "三沙市", "440305": "南山区",
	} {
		name, ok := filing.AreaCode(code)
		assert.True(t, ok, code)
		assert.Equal(t, want, name, code)
	}
	n, warnings, err := filing.ParsePSNumber("琼公网安备46030202000001号")
	assert.NoError(t, err)
	assert.Empty(t, warnings, "460302 is a known area code")
	assert.Equal(t, "460302", n.AreaCode())
}

// TestR05_SurnameTableFollowsTheBaijiaxing: 《百家姓》 reads 宰郦雍郤, so 郤
// is a surname of the table (卻, a misreading, is not).
func TestR05_SurnameTableFollowsTheBaijiaxing(t *testing.T) {
	assert.Equal(t, filing.KindIndividual, filing.JudgeKind("郤正", ""))
	assert.Equal(t, filing.KindIndividual, filing.JudgeKind("郤克明", ""))
	assert.Equal(t, filing.KindUnknown, filing.JudgeKind("卻正", ""))
}
