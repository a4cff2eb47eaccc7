package lifecycle_test

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/lifecycle"
)

func TestR83_SMSMasksMobiles(t *testing.T) {
	s, err := lifecycle.NewSMS(smsAt, smsPeople())
	require.NoError(t, err)
	var b strings.Builder
	log := slog.New(slog.NewJSONHandler(&b, nil))
	log.Info("sms", "sms", s, "target", s.Targets[0], "person", smsPeople()[0])
	for _, verb := range []string{"%v", "%+v", "%s"} {
		b.WriteString(fmt.Sprintf(verb, s))
	}
	assert.NotContains(t, b.String(), "13812345678")
	assert.NotContains(t, b.String(), "13987654321")
	assert.NotContains(t, b.String(), "52010219900101123X")
	assert.Contains(t, b.String(), "138****5678")
}
