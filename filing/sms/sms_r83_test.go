package sms_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sms"
)

// The two principals' mobiles of smsPeople.
const (
	mobileA = "13812345678" // subject principal
	mobileB = "13987654321" // website principal
)

func smsVerifier(t *testing.T) *sms.Verifier {
	t.Helper()
	v, err := sms.NewVerifier([]byte("0123456789abcdef-secret"))
	require.NoError(t, err)
	return v
}

// TestR83_SendSealsWithTheCertificateTail: the code is checked with the
// last six characters of the person's certificate number, which New
// keeps from Person; the certs map may be nil or keyed by the mobile as
// typed. An empty or wrong tail never verifies.
func TestR83_SendSealsWithTheCertificateTail(t *testing.T) {
	v := smsVerifier(t)
	cases := []struct {
		name  string
		certs map[string]filing.IDNumber
	}{
		{"nil map: the tail New kept", nil},
		{"empty map", map[string]filing.IDNumber{}},
		{"keyed as typed", map[string]filing.IDNumber{"+86 138 1234 5678": "52010219900101123X", "１３９-８７６５-４３２１": "520102199202021234"}},
		{"keyed by digits", map[string]filing.IDNumber{mobileA: "52010219900101123X", mobileB: "520102199202021234"}},
		{"tail only, lower case, full width", map[string]filing.IDNumber{"8613812345678": "０１１２３ｘ", mobileB: "021234"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := sms.New(smsAt, smsPeople())
			require.NoError(t, err)
			s, codes, err := v.Send(s, smsAt.Add(time.Minute), c.certs)
			require.NoError(t, err)
			require.Len(t, codes, 2)
			assert.Equal(t, filing.IDNumber("01123X"), s.Targets[0].CertLast6)
			for _, tail := range []string{"", "23X", "01123", "01123Y"} {
				var err error
				s, err = v.Enter(s, smsAt.Add(time.Hour), codes[0], mobileA, tail)
				assert.ErrorIs(t, err, sms.CodeWrongInput, "tail %q", tail)
			}
			s, err = v.Enter(s, smsAt.Add(time.Hour), codes[0], mobileA, "01123x")
			require.NoError(t, err)
			s, err = v.Enter(s, smsAt.Add(time.Hour), codes[1], "+86 13987654321", "021234")
			require.NoError(t, err)
			assert.Equal(t, sms.StatusVerified, s.Status)
		})
	}
}

// TestR83_SendRefusesATargetWithoutCertificate: a waiting target without a
// certificate tail of six characters, or with two different numbers under
// two forms of its mobile, is CodeCert; nothing is sent or counted.
func TestR83_SendRefusesATargetWithoutCertificate(t *testing.T) {
	v := smsVerifier(t)
	noCert := smsPeople()
	noCert[1].Person.CertNumber = ""
	short := smsPeople()
	short[0].Person.CertNumber = "1 2 3 4 5"
	cases := []struct {
		name   string
		people []sms.Person
		certs  map[string]filing.IDNumber
	}{
		{"no certificate number", noCert, nil},
		{"no certificate, another mobile in the map", noCert, map[string]filing.IDNumber{"13900000000": "520102199202021234"}},
		{"five characters", short, nil},
		{"map gives five characters", smsPeople(), map[string]filing.IDNumber{mobileB: "21234"}},
		{"map gives blank", smsPeople(), map[string]filing.IDNumber{"139 8765 4321": "  "}},
		{"two numbers for one mobile", smsPeople(), map[string]filing.IDNumber{mobileA: "52010219900101123X", "+86 13812345678": "520102199202021234"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := sms.New(smsAt, c.people)
			require.NoError(t, err)
			n, codes, err := v.Send(s, smsAt.Add(time.Minute), c.certs)
			assert.ErrorIs(t, err, sms.CodeCert)
			var p *filing.Problem
			if assert.ErrorAs(t, err, &p) {
				assert.Equal(t, "R-83", p.Rule)
				assert.NotEmpty(t, p.Zh)
				assert.NotContains(t, p.Zh+p.En, "%!")
				assert.NotContains(t, p.Zh+p.En+err.Error(), "87654321", "mobile masked in the message")
				assert.NotContains(t, p.Zh+p.En+err.Error(), "12345678", "mobile masked in the message")
			}
			assert.Nil(t, codes)
			assert.Equal(t, s, n, "nothing sent")
		})
	}

	// A target already verified needs no new code, so no certificate.
	s, err := sms.New(smsAt, smsPeople())
	require.NoError(t, err)
	s, codes, err := v.Send(s, smsAt, nil)
	require.NoError(t, err)
	s, err = v.Enter(s, smsAt.Add(time.Hour), codes[1], mobileB, "021234")
	require.NoError(t, err)
	s.Targets[1].CertLast6 = ""
	s, fresh, err := v.Send(s, smsAt.Add(2*time.Hour), nil)
	require.NoError(t, err, "resend with the kept tail")
	assert.Empty(t, fresh[1])
	_, err = v.Enter(s, smsAt.Add(3*time.Hour), fresh[0], mobileA, "01123X")
	require.NoError(t, err)
}

// TestR83_CheckRefusesShortTails: fewer than six certificate characters
// never match, even against a seal made with the same short tail.
func TestR83_CheckRefusesShortTails(t *testing.T) {
	v := smsVerifier(t)
	for _, tail := range []string{"", " ", "1", "12345", "１２３４５", "1 2 3 4 5"} {
		seal := v.SealCode("123456", mobileA, tail)
		assert.False(t, v.Check(seal, "123456", mobileA, tail), "tail %q", tail)
	}
	seal := v.SealCode("123456", mobileA, "52010219900101123X")
	assert.True(t, v.Check(seal, "123456", "+86 138 1234 5678", "01123x"))
	assert.True(t, v.Check(seal, "123456", mobileA, "０１１２３Ｘ"))
}

// TestR83_CertificateTailHiddenInLogs: the kept tail is personal data:
// fmt and slog hide all of it, encoding/json keeps it.
func TestR83_CertificateTailHiddenInLogs(t *testing.T) {
	s, err := sms.New(smsAt, smsPeople())
	require.NoError(t, err)
	var b bytes.Buffer
	// No time in the records: a timestamp's digits could hold "021234".
	noTime := &slog.HandlerOptions{ReplaceAttr: func(g []string, a slog.Attr) slog.Attr {
		if len(g) == 0 && a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}
	l := slog.New(slog.NewJSONHandler(&b, noTime))
	l.Info("m", "sms", s, "target", s.Targets[0], "targets", s.Targets)
	slog.New(slog.NewTextHandler(&b, noTime)).Info("m", "sms", s, "target", &s.Targets[0])
	outs := []string{b.String()}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		outs = append(outs, fmt.Sprintf(verb, s), fmt.Sprintf(verb, s.Targets[0]), fmt.Sprintf(verb, s.Targets))
	}
	for _, out := range outs {
		for _, leak := range []string{"01123X", "01**3X", "021234", "02**34", "123X"} {
			assert.NotContains(t, out, leak)
		}
	}
	assert.Contains(t, fmt.Sprintf("%+v", s.Targets[0]), "CertLast6:******")
	raw, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"cert_last6":"01123X"`)
	var back sms.Verification
	require.NoError(t, json.Unmarshal(raw, &back))
	assert.Equal(t, s.Targets, back.Targets)
}

// TestR83_ChangeAccessSendsToWebsitePrincipal: every filing type but
// 取消接入 takes the SMS check; 变更接入 goes to the website principal, as
// 新增接入 does. The ISP table's reading stays in the data file.
func TestR83_ChangeAccessSendsToWebsitePrincipal(t *testing.T) {
	types := []sms.FilingType{sms.NewFiling, sms.NewWebsite, sms.NewAccess,
		sms.ChangeSubject, sms.ChangeWebsite, sms.ChangeSubjectWebsite,
		sms.ChangeAccess, sms.CancelAccess, sms.CancelSubject, sms.CancelWebsite}
	for _, ft := range types {
		roles, ok := sms.Recipients(ft)
		require.True(t, ok, ft)
		assert.Equal(t, ft != sms.CancelAccess, len(roles) > 0, "%s: %v", ft, roles)
	}
	roles, _ := sms.Recipients(sms.ChangeAccess)
	newAccess, _ := sms.Recipients(sms.NewAccess)
	assert.Equal(t, []sms.Role{sms.RoleWebsitePrincipal}, roles)
	assert.Equal(t, newAccess, roles)

	raw, err := os.ReadFile("data/sms_recipients.json")
	require.NoError(t, err)
	var d struct {
		Alternatives map[string]map[sms.FilingType][]sms.Role `json:"alternatives"`
	}
	require.NoError(t, json.Unmarshal(raw, &d))
	isp, ok := d.Alternatives["isp_2020"][sms.ChangeAccess]
	assert.True(t, ok, "the ISP table's reading is kept")
	assert.Empty(t, isp)
}

// TestR83_SealUnmarshalTextCodes: a seal that is not 64 hexadecimal
// digits is CodeSeal (not the key's code, not a raw encoding/hex
// error), and the seal is left as it was.
func TestR83_SealUnmarshalTextCodes(t *testing.T) {
	good := strings.Repeat("0123456789abcdef", 4)
	cases := []struct {
		name, text string
	}{
		{"too short", good[:62]},
		{"odd length", good[:63]},
		{"too long", good + "00"},
		{"non-hex", "zz" + good[2:]},
		{"full-width digit", "０" + good[3:]},
		{"spaces", " " + good[1:]},
	}
	v := smsVerifier(t)
	before := v.SealCode("123456", mobileA, "01123X")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := before
			err := s.UnmarshalText([]byte(c.text))
			assert.ErrorIs(t, err, sms.CodeSeal)
			assert.NotErrorIs(t, err, sms.CodeKey)
			var p *filing.Problem
			if assert.ErrorAs(t, err, &p) {
				assert.Equal(t, "R-83", p.Rule)
				assert.NotEmpty(t, p.Zh)
				assert.NotEmpty(t, p.En)
			}
			assert.Equal(t, before, s, "unchanged")
			var target sms.Target
			err = json.Unmarshal([]byte(`{"seal":"`+c.text+`"}`), &target)
			assert.True(t, errors.Is(err, sms.CodeSeal), "through encoding/json: %v", err)
		})
	}
	var s sms.Seal
	require.NoError(t, s.UnmarshalText([]byte(strings.ToUpper(good))))
	txt, err := s.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, good, string(txt))
	require.NoError(t, s.UnmarshalText(nil))
	assert.True(t, s.IsZero())
}

// FuzzSealText: Seal.UnmarshalText never panics; text it accepts is 64
// hexadecimal digits (or empty) and marshals back to the same digits in
// lower case, except 64 zeros, the zero Seal, which marshals empty; text it refuses is CodeSeal and leaves the seal unchanged.
func FuzzSealText(f *testing.F) {
	f.Add(strings.Repeat("0123456789abcdef", 4))
	f.Fuzz(func(t *testing.T, text string) {
		before := sms.Seal{1, 2, 3}
		s := before
		err := s.UnmarshalText([]byte(text))
		if err != nil {
			if !errors.Is(err, sms.CodeSeal) || s != before {
				t.Fatalf("%q: %v, seal %x", text, err, s)
			}
			return
		}
		out, err := s.MarshalText()
		want := strings.ToLower(text)
		if s.IsZero() {
			want = "" // 64 zero digits are the zero Seal, "no seal", which marshals empty
		}
		if err != nil || string(out) != want {
			t.Fatalf("%q: round trip %q, %v", text, out, err)
		}
	})
}
