package filing_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beiankit/beian/filing"
)

// TestR72_RealIdentifiersAccepted: identifiers of real apps and
// mini-programs are accepted without warning: single-segment iOS Bundle IDs
// (Apple sets no segment count) and 20-character Douyin AppIDs; their
// near misses are still refused or warned.
func TestR72_RealIdentifiersAccepted(t *testing.T) {
	for _, id := range []string{"youdaoPro", "SuningEMall", "yyvoice", "com.tencent.xin", "a-b"} {
		assert.NoError(t, filing.CheckAppIdentifier(filing.PlatformIOS, id), id)
	}
	for _, id := range []string{"", "you dao", "youdao_pro", ".youdao", "youdao.", "中文"} {
		assert.Error(t, filing.CheckAppIdentifier(filing.PlatformIOS, id), id)
	}
	assert.Error(t, filing.CheckAppIdentifier(filing.PlatformAndroid, "yyvoice"), "Android still needs two segments")
	for _, id := range []string{"tt411d37a0de37d565", "tt8b2c4d6e8fa0b2c401", "tt8b2c4d6e8fa0b2c410"} {
		assert.Nil(t, filing.AppIDWarning(filing.HostDouyin, id), id)
	}
	for _, id := range []string{"tt8b2c4d6e8fa0b2c402", "tt8b2c4d6e8fa0b2c", "tt8b2c4d6e8fa0b2c4010", "tx8b2c4d6e8fa0b2c401", "tt8b2c4d6e8fa0b2cg01"} {
		assert.NotNil(t, filing.AppIDWarning(filing.HostDouyin, id), id)
	}
}
