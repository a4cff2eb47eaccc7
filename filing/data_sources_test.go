package filing_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/beiankit/beian/filing"
)

// TestR05_SurnameTableFollowsTheBaijiaxing: 《百家姓》 reads 宰郦雍郤, so 郤
// is a surname of the table (卻, a misreading, is not).
func TestR05_SurnameTableFollowsTheBaijiaxing(t *testing.T) {
	assert.Equal(t, filing.KindIndividual, filing.JudgeKind("郤正", ""))
	assert.Equal(t, filing.KindIndividual, filing.JudgeKind("郤克明", ""))
	assert.Equal(t, filing.KindUnknown, filing.JudgeKind("卻正", ""))
}
