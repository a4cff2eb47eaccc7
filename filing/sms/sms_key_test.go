package sms_test

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"testing"

	"github.com/beiankit/beian/filing/sms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestR83_VerifierKeyNotConstant: an all-zero, constant or short-pattern key
// is refused; random keys, raw or as hex text, and passphrases are taken.
func TestR83_VerifierKeyNotConstant(t *testing.T) {
	random := make([]byte, 32)
	_, err := rand.Read(random)
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		key  []byte
		ok   bool
	}{
		{"all zero", make([]byte, 32), false},
		{"constant", bytes.Repeat([]byte{'k'}, 64), false},
		{"short pattern", bytes.Repeat([]byte("abcd"), 8), false},
		{"too short", []byte("0123456789abcde"), false},
		{"random bytes", random, true},
		{"random hex", []byte(hex.EncodeToString(random[:16])), true},
		{"passphrase", []byte("0123456789abcdef-secret"), true},
	} {
		_, err := sms.NewVerifier(tc.key)
		if tc.ok {
			assert.NoError(t, err, tc.name)
		} else {
			assert.True(t, errors.Is(err, sms.CodeKey), "%s: %v", tc.name, err)
		}
	}
}

// TestR83_CodeDigitsFolded: the SDK folds a full-width code and spaces, as
// the portal did on its own: "１２３ ４５６" checks like "123456".
func TestR83_CodeDigitsFolded(t *testing.T) {
	v := smsVerifier(t)
	seal := v.SealCode("123456", "13800138000", "11010519491231002X")
	for _, code := range []string{"123456", "１２３４５６", "１２３ ４５６", " 123\u3000456 "} {
		assert.True(t, v.Check(seal, code, "13800138000", "31002X"), code)
	}
	for _, code := range []string{"123457", "１２３４５７", "12345", "1234567"} {
		assert.False(t, v.Check(seal, code, "13800138000", "31002X"), code)
	}
}
