package lifecycle_test

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
	"github.com/beiankit/beian/filing/lifecycle"
)

func smsVerifier(t *testing.T) *lifecycle.Verifier {
	t.Helper()
	v, err := lifecycle.NewVerifier([]byte("0123456789abcdef-secret"))
	require.NoError(t, err)
	return v
}

// TestR83_SendSealsWithTheCertificateTail: the code is checked with the
// last six characters of the person's certificate number, which NewSMS
// keeps from SMSPerson; the certs map may be nil or keyed by the mobile as
// typed. An empty or wrong tail never verifies.
func TestR83_SendSealsWithTheCertificateTail(t *testing.T) {
	v := smsVerifier(t)
	cases := []struct {
		name  string
		certs map[string]filing.IDNumber
	}{
		{"nil map: the tail NewSMS kept", nil},
		{"empty map", map[string]filing.IDNumber{}},
		{"keyed as typed", map[string]filing.IDNumber{"+86 138 1234 5678": "52010219900101123X", "１３９-８７６５-４３２１": "520102199202021234"}},
		{"keyed by digits", map[string]filing.IDNumber{mobileA: "52010219900101123X", mobileB: "520102199202021234"}},
		{"tail only, lower case, full width", map[string]filing.IDNumber{"8613812345678": "０１１２３ｘ", mobileB: "021234"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := lifecycle.NewSMS(smsAt, smsPeople())
			require.NoError(t, err)
			s, codes, err := v.Send(s, smsAt.Add(time.Minute), c.certs)
			require.NoError(t, err)
			require.Len(t, codes, 2)
			assert.Equal(t, filing.IDNumber("01123X"), s.Targets[0].CertLast6)
			for _, tail := range []string{"", "23X", "01123", "01123Y"} {
				var err error
				s, err = v.Enter(s, smsAt.Add(time.Hour), codes[0], mobileA, tail)
				assert.ErrorIs(t, err, lifecycle.CodeSMSWrongInput, "tail %q", tail)
			}
			s, err = v.Enter(s, smsAt.Add(time.Hour), codes[0], mobileA, "01123x")
			require.NoError(t, err)
			s, err = v.Enter(s, smsAt.Add(time.Hour), codes[1], "+86 13987654321", "021234")
			require.NoError(t, err)
			assert.Equal(t, lifecycle.SMSVerified, s.Status)
		})
	}
}

// TestR83_SendRefusesATargetWithoutCertificate: a waiting target without a
// certificate tail of six characters, or with two different numbers under
// two forms of its mobile, is CodeSMSCert; nothing is sent or counted.
func TestR83_SendRefusesATargetWithoutCertificate(t *testing.T) {
	v := smsVerifier(t)
	noCert := smsPeople()
	noCert[1].Person.CertNumber = ""
	short := smsPeople()
	short[0].Person.CertNumber = "1 2 3 4 5"
	cases := []struct {
		name   string
		people []lifecycle.SMSPerson
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
			s, err := lifecycle.NewSMS(smsAt, c.people)
			require.NoError(t, err)
			n, codes, err := v.Send(s, smsAt.Add(time.Minute), c.certs)
			assert.ErrorIs(t, err, lifecycle.CodeSMSCert)
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
	s, err := lifecycle.NewSMS(smsAt, smsPeople())
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
	s, err := lifecycle.NewSMS(smsAt, smsPeople())
	require.NoError(t, err)
	st := lifecycle.State{Kind: lifecycle.KindNewFiling, SMS: &s}
	var b bytes.Buffer
	// No time in the records: a timestamp's digits could hold "021234".
	noTime := &slog.HandlerOptions{ReplaceAttr: func(g []string, a slog.Attr) slog.Attr {
		if len(g) == 0 && a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}
	l := slog.New(slog.NewJSONHandler(&b, noTime))
	l.Info("m", "sms", s, "target", s.Targets[0], "state", st)
	slog.New(slog.NewTextHandler(&b, noTime)).Info("m", "sms", s, "target", &s.Targets[0])
	outs := []string{b.String()}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		outs = append(outs, fmt.Sprintf(verb, s), fmt.Sprintf(verb, s.Targets[0]), fmt.Sprintf(verb, st))
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
	var back lifecycle.SMS
	require.NoError(t, json.Unmarshal(raw, &back))
	assert.Equal(t, s.Targets, back.Targets)
}

// TestR83_ChangeAccessSendsToWebsitePrincipal: every filing type but
// 取消接入 takes the SMS check; 变更接入 goes to the website principal, as
// 新增接入 does. The ISP table's reading stays in the data file.
func TestR83_ChangeAccessSendsToWebsitePrincipal(t *testing.T) {
	types := []lifecycle.SMSFilingType{lifecycle.SMSNewFiling, lifecycle.SMSNewWebsite, lifecycle.SMSNewAccess,
		lifecycle.SMSChangeSubject, lifecycle.SMSChangeWebsite, lifecycle.SMSChangeSubjectWebsite,
		lifecycle.SMSChangeAccess, lifecycle.SMSCancelAccess, lifecycle.SMSCancelSubject, lifecycle.SMSCancelWebsite}
	for _, ft := range types {
		roles, ok := lifecycle.SMSRecipients(ft)
		require.True(t, ok, ft)
		assert.Equal(t, ft != lifecycle.SMSCancelAccess, len(roles) > 0, "%s: %v", ft, roles)
	}
	roles, _ := lifecycle.SMSRecipients(lifecycle.SMSChangeAccess)
	newAccess, _ := lifecycle.SMSRecipients(lifecycle.SMSNewAccess)
	assert.Equal(t, []lifecycle.SMSRole{lifecycle.RoleWebsitePrincipal}, roles)
	assert.Equal(t, newAccess, roles)

	s := underReview(t, lifecycle.SMSChangeAccess)
	_, err := lifecycle.Apply(s, lifecycle.Event{Action: lifecycle.ActionApprove, Actor: smsBureau, At: smsSubmit.Add(time.Hour)})
	assert.ErrorIs(t, err, lifecycle.CodeSMSPending, "the bureau waits for the SMS")

	raw, err := os.ReadFile("data/sms_recipients.json")
	require.NoError(t, err)
	var d struct {
		Alternatives map[string]map[lifecycle.SMSFilingType][]lifecycle.SMSRole `json:"alternatives"`
	}
	require.NoError(t, json.Unmarshal(raw, &d))
	isp, ok := d.Alternatives["isp_2020"][lifecycle.SMSChangeAccess]
	assert.True(t, ok, "the ISP table's reading is kept")
	assert.Empty(t, isp)
}

// TestR83_SendEventNormalisesAndMergesTargets: targets handed to
// ActionSMSSend as typed (+86, spaces, dashes, full width) are normalised
// and merged by mobile as NewSMS does, so that right inputs verify.
func TestR83_SendEventNormalisesAndMergesTargets(t *testing.T) {
	v := smsVerifier(t)
	sealA := v.SealCode("111111", mobileA, "01123X")
	sealB := v.SealCode("222222", mobileB, "021234")
	given := lifecycle.SMS{Targets: []lifecycle.SMSTarget{
		{Roles: []lifecycle.SMSRole{lifecycle.RoleSubjectPrincipal}, Mobile: "+86 138-1234-5678", CertLast6: "52010219900101123x", Seal: sealA},
		{Roles: []lifecycle.SMSRole{lifecycle.RoleWebsitePrincipal, lifecycle.RoleSubjectPrincipal}, Mobile: "13812345678"},
		{Roles: []lifecycle.SMSRole{lifecycle.RoleWebsitePrincipal}, Mobile: "１３９ ８７６５ ４３２１", Seal: sealB},
	}}
	s := apply(t, underReview(t, lifecycle.SMSNewFiling), lifecycle.Event{Action: lifecycle.ActionSMSSend, Actor: smsBureau, At: smsSubmit.Add(time.Minute), SMS: &given})
	require.Len(t, s.SMS.Targets, 2, "one person, two roles: one target")
	assert.Equal(t, filing.Phone(mobileA), s.SMS.Targets[0].Mobile)
	assert.Equal(t, []lifecycle.SMSRole{lifecycle.RoleSubjectPrincipal, lifecycle.RoleWebsitePrincipal}, s.SMS.Targets[0].Roles)
	assert.Equal(t, filing.IDNumber("01123X"), s.SMS.Targets[0].CertLast6)
	assert.Equal(t, filing.Phone(mobileB), s.SMS.Targets[1].Mobile)
	assert.Equal(t, "+86 138-1234-5678", given.Targets[0].Mobile.Raw(), "the event's verification is not modified")
	assert.Len(t, given.Targets[1].Roles, 2, "the event's verification is not modified")

	// Plain inputs and inputs checked by the Verifier.
	e := v.Input(s, smsBureau, smsSubmit.Add(time.Hour), "111111", "+86 138 1234 5678", "01123X")
	assert.True(t, e.Correct)
	s = apply(t, s, e)
	assert.Equal(t, 1, s.SMS.Waiting())
	assert.Zero(t, s.SMS.WrongInputs)
	s = apply(t, s, input(smsSubmit.Add(2*time.Hour), "139-8765-4321", true))
	assert.Equal(t, lifecycle.SMSVerified, s.SMS.Status)
	assert.Zero(t, s.SMS.WrongInputs)

	// A resend whose verification carries typed mobiles gives the new seals.
	s = apply(t, underReview(t, lifecycle.SMSNewFiling), lifecycle.Event{Action: lifecycle.ActionSMSSend, Actor: smsBureau, At: smsSubmit.Add(time.Minute), SMS: &given})
	resent := lifecycle.SMS{Targets: []lifecycle.SMSTarget{{Mobile: "+86 139 8765 4321", Seal: v.SealCode("333333", mobileB, "021234")}}}
	s = apply(t, s, lifecycle.Event{Action: lifecycle.ActionSMSResend, Actor: smsBureau, At: smsSubmit.Add(time.Hour), SMS: &resent})
	assert.False(t, v.Input(s, smsBureau, smsSubmit.Add(2*time.Hour), "222222", mobileB, "021234").Correct, "old code")
	assert.True(t, v.Input(s, smsBureau, smsSubmit.Add(2*time.Hour), "333333", mobileB, "021234").Correct, "new code")
	assert.True(t, v.Input(s, smsBureau, smsSubmit.Add(2*time.Hour), "111111", mobileA, "01123X").Correct, "A's seal kept")
}

// TestR83_SealUnmarshalTextCodes: a seal that is not 64 hexadecimal
// digits is CodeSMSSeal (not the key's code, not a raw encoding/hex
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
			assert.ErrorIs(t, err, lifecycle.CodeSMSSeal)
			assert.NotErrorIs(t, err, lifecycle.CodeSMSKey)
			var p *filing.Problem
			if assert.ErrorAs(t, err, &p) {
				assert.Equal(t, "R-83", p.Rule)
				assert.NotEmpty(t, p.Zh)
				assert.NotEmpty(t, p.En)
			}
			assert.Equal(t, before, s, "unchanged")
			var target lifecycle.SMSTarget
			err = json.Unmarshal([]byte(`{"seal":"`+c.text+`"}`), &target)
			assert.True(t, errors.Is(err, lifecycle.CodeSMSSeal), "through encoding/json: %v", err)
		})
	}
	var s lifecycle.Seal
	require.NoError(t, s.UnmarshalText([]byte(strings.ToUpper(good))))
	txt, err := s.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, good, string(txt))
	require.NoError(t, s.UnmarshalText(nil))
	assert.True(t, s.IsZero())
}

// FuzzSealText: Seal.UnmarshalText never panics; text it accepts is 64
// hexadecimal digits (or empty) and marshals back to the same digits in
// lower case, except 64 zeros, the zero Seal, which marshals empty; text it refuses is CodeSMSSeal and leaves the seal unchanged.
func FuzzSealText(f *testing.F) {
	f.Add(strings.Repeat("0123456789abcdef", 4))
	f.Fuzz(func(t *testing.T, text string) {
		before := lifecycle.Seal{1, 2, 3}
		s := before
		err := s.UnmarshalText([]byte(text))
		if err != nil {
			if !errors.Is(err, lifecycle.CodeSMSSeal) || s != before {
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
