package sms_test

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/beiankit/beian/filing/sms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestR83_SMSMasksMobiles(t *testing.T) {
	s, err := sms.New(smsAt, smsPeople())
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

// TestR83_VerifierKeyNeverPrints: the verifier's secret key shows through
// no fmt verb and no slog handler.
func TestR83_VerifierKeyNeverPrints(t *testing.T) {
	key := []byte("0123456789abcdef-secret-key")
	v, err := sms.NewVerifier(key)
	require.NoError(t, err)
	var b strings.Builder
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		fmt.Fprintf(&b, verb+"\n", v)
		fmt.Fprintf(&b, verb+"\n", []*sms.Verifier{v})
	}
	slog.New(slog.NewJSONHandler(&b, nil)).Info("m", "v", v)
	slog.New(slog.NewTextHandler(&b, nil)).Info("m", "v", v)
	out := b.String()
	assert.Contains(t, out, "redacted")
	for _, leak := range []string{"secret", fmt.Sprint(key[:4]), fmt.Sprintf("%x", key[:4]), "0123456789"} {
		assert.NotContains(t, out, leak)
	}
}
