package sms_test

import (
	"testing"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sms"
)

// BenchmarkVerifierEnter checks one input (seal compare and the state
// move) as the verification page does.
func BenchmarkVerifierEnter(b *testing.B) {
	v, _ := sms.NewVerifier([]byte("0123456789abcdef"))
	s, _ := sms.New(smsAt, smsPeople())
	s, codes, err := v.Send(s, smsAt, map[string]filing.IDNumber{"13812345678": "52010219900101123X"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.Enter(s, smsAt.Add(time.Hour), codes[0], "13812345678", "01123X"); err != nil {
			b.Fatal(err)
		}
	}
}
