package sms_test

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sms"
)

var smsAt = time.Date(2026, 3, 5, 9, 30, 0, 0, calendar.Location())

func smsPeople() []sms.Person {
	return []sms.Person{
		{Role: sms.RoleSubjectPrincipal, Person: filing.Person{Name: "张三", CertNumber: "52010219900101123X", Mobile: "13812345678"}},
		{Role: sms.RoleWebsitePrincipal, Person: filing.Person{Name: "李四", CertNumber: "520102199202021234", Mobile: "13987654321"}},
	}
}

func TestR83_OnePersonTwoRolesVerifiesOnce(t *testing.T) {
	p := smsPeople()
	p[1].Person = p[0].Person
	p[1].Person.Mobile = "+86 138-1234-5678"
	s, err := sms.New(smsAt, p)
	require.NoError(t, err)
	require.Len(t, s.Targets, 1)
	assert.Equal(t, []sms.Role{sms.RoleSubjectPrincipal, sms.RoleWebsitePrincipal}, s.Targets[0].Roles)
	s, err = s.Attempt(smsAt.Add(time.Hour), "13812345678", true)
	require.NoError(t, err)
	assert.Equal(t, sms.StatusVerified, s.Status)
}

func TestR83_TwoPeopleBothVerify(t *testing.T) {
	s, err := sms.New(smsAt, smsPeople())
	require.NoError(t, err)
	s, err = s.Attempt(smsAt.Add(time.Hour), "13812345678", true)
	require.NoError(t, err)
	assert.Equal(t, sms.StatusWaiting, s.Status, "请等待其他核验人进行短信核验")
	assert.Equal(t, 1, s.Waiting())
	s, err = s.Attempt(smsAt.Add(2*time.Hour), "13987654321", true)
	require.NoError(t, err)
	assert.Equal(t, sms.StatusVerified, s.Status)
	_, err = s.Attempt(smsAt.Add(3*time.Hour), "13987654321", true)
	assert.ErrorIs(t, err, sms.CodeClosed)
}

func TestR83_SixthAttemptAfterFiveWrongReturns(t *testing.T) {
	s, err := sms.New(smsAt, smsPeople())
	require.NoError(t, err)
	for i := 1; i <= 5; i++ {
		s, err = s.Attempt(smsAt.Add(time.Duration(i)*time.Minute), "13812345678", false)
		assert.ErrorIs(t, err, sms.CodeWrongInput, "attempt %d", i)
		assert.Equal(t, i, s.WrongInputs)
		assert.Equal(t, sms.StatusWaiting, s.Status)
	}
	before := s
	s, err = s.Attempt(smsAt.Add(10*time.Minute), "13812345678", true)
	assert.ErrorIs(t, err, sms.CodeTooManyWrong, "the sixth attempt returns the filing, even a right one")
	assert.Equal(t, sms.StatusReturnedWrongInputs, s.Status)
	assert.True(t, s.Status.ReturnsToISP())
	assert.Equal(t, sms.StatusWaiting, before.Status, "the receiver is unchanged")
}

func TestR83_WrongMobileCounts(t *testing.T) {
	s, _ := sms.New(smsAt, smsPeople())
	s, err := s.Attempt(smsAt.Add(time.Minute), "13000000000", true)
	assert.ErrorIs(t, err, sms.CodeWrongInput)
	assert.Equal(t, 1, s.WrongInputs)
}

func TestR83_ExpiresAfter24ClockHours(t *testing.T) {
	s, _ := sms.New(smsAt, smsPeople())
	_, err := s.Attempt(smsAt.Add(24*time.Hour-time.Second), "13812345678", true)
	assert.NoError(t, err, "23:59:59 after sending")
	e, err := s.Attempt(smsAt.Add(24*time.Hour), "13812345678", true)
	assert.ErrorIs(t, err, sms.CodeExpired)
	assert.Equal(t, sms.StatusReturnedTimeout, e.Status)
	assert.Equal(t, sms.StatusReturnedTimeout, s.Expire(smsAt.Add(25*time.Hour)).Status)
	assert.Equal(t, sms.StatusWaiting, s.Expire(smsAt.Add(23*time.Hour)).Status)
	// Across midnight CST: sent 2026-03-05 09:30, expires 2026-03-06 09:30.
	assert.Equal(t, time.Date(2026, 3, 6, 9, 30, 0, 0, calendar.Location()), s.Expires())
}

func TestR83_AtMostTwoResends(t *testing.T) {
	s, _ := sms.New(smsAt, smsPeople())
	var err error
	for i := 1; i <= 2; i++ {
		s, err = s.Resend(smsAt.Add(time.Duration(i) * time.Hour))
		require.NoError(t, err)
		assert.Equal(t, i, s.Resends)
	}
	s2, err := s.Resend(smsAt.Add(3 * time.Hour))
	assert.ErrorIs(t, err, sms.CodeResendLimit)
	assert.Equal(t, 2, s2.Resends)
	assert.Equal(t, smsAt.Add(24*time.Hour), s2.Expires(), "a resend does not extend the 24 hours")
}

func TestR83_Countdown(t *testing.T) {
	s, _ := sms.New(smsAt, smsPeople())
	s, _ = s.Attempt(smsAt.Add(time.Minute), "13812345678", false)
	c := s.Countdown(smsAt.Add(20 * time.Hour))
	assert.Equal(t, 4*time.Hour, c.Remaining)
	assert.False(t, c.Expired)
	assert.Equal(t, 4, c.WrongInputsLeft)
	assert.Equal(t, 2, c.ResendsLeft)
	assert.Equal(t, 2, c.Waiting)
	c = s.Countdown(smsAt.Add(30 * time.Hour))
	assert.True(t, c.Expired)
	assert.Zero(t, c.Remaining)
	assert.Equal(t, sms.StatusReturnedTimeout, c.Status)
}

func TestR83_BadInput(t *testing.T) {
	_, err := sms.New(time.Time{}, smsPeople())
	assert.ErrorIs(t, err, sms.CodeTime)
	_, err = sms.New(smsAt, nil)
	assert.ErrorIs(t, err, sms.CodeNoRecipient)
	s, _ := sms.New(smsAt, smsPeople())
	_, err = s.Attempt(smsAt.Add(-time.Hour), "13812345678", true)
	assert.ErrorIs(t, err, sms.CodeTime, "before sending")
	_, err = sms.NewVerifier([]byte("short"))
	assert.ErrorIs(t, err, sms.CodeKey)
}

func TestR83_Recipients(t *testing.T) {
	r, ok := sms.Recipients(sms.NewWebsite)
	assert.True(t, ok)
	assert.Equal(t, []sms.Role{sms.RoleSubjectPrincipal, sms.RoleWebsitePrincipal}, r)
	r, ok = sms.Recipients(sms.CancelAccess)
	assert.True(t, ok)
	assert.Empty(t, r, "every filing type except cancelling access: none for 取消接入")
	r, _ = sms.Recipients(sms.NewAccess)
	assert.Equal(t, []sms.Role{sms.RoleWebsitePrincipal}, r)
	_, ok = sms.Recipients("bogus")
	assert.False(t, ok)
}

func TestR83_VerifierSealsCodes(t *testing.T) {
	v, err := sms.NewVerifier([]byte("0123456789abcdef-secret"))
	require.NoError(t, err)
	s, err := sms.New(smsAt, smsPeople())
	require.NoError(t, err)
	certs := map[string]filing.IDNumber{"13812345678": "52010219900101123X", "13987654321": "520102199202021234"}
	s, codes, err := v.Send(s, smsAt.Add(5*time.Minute), certs)
	require.NoError(t, err)
	require.Len(t, codes, 2)
	for _, c := range codes {
		assert.Regexp(t, `^\d{6}$`, c)
	}
	raw, err := json.Marshal(s)
	require.NoError(t, err)
	assert.NotContains(t, string(raw), `"`+codes[0]+`"`, "no code stored in clear")
	assert.NotContains(t, string(raw), codes[0])

	// Wrong last six, then right with a lower-case x and full-width digits.
	s, err = v.Enter(s, smsAt.Add(time.Hour), codes[0], "13812345678", "01123Y")
	assert.ErrorIs(t, err, sms.CodeWrongInput)
	s, err = v.Enter(s, smsAt.Add(time.Hour), codes[0], "13812345678", "０１123x")
	require.NoError(t, err)
	s, err = v.Enter(s, smsAt.Add(2*time.Hour), codes[0], "13987654321", "021234")
	assert.ErrorIs(t, err, sms.CodeWrongInput, "another person's code")
	s, err = v.Enter(s, smsAt.Add(2*time.Hour), codes[1], "13987654321", "021234")
	require.NoError(t, err)
	assert.Equal(t, sms.StatusVerified, s.Status)

	// A resend replaces the codes: the old one no longer works.
	s2, _ := sms.New(smsAt, smsPeople())
	s2, first, _ := v.Send(s2, smsAt, certs)
	s2, second, err := v.Send(s2, smsAt.Add(time.Hour), certs)
	require.NoError(t, err)
	assert.Equal(t, 1, s2.Resends)
	if first[0] != second[0] {
		_, err = v.Enter(s2, smsAt.Add(2*time.Hour), first[0], "13812345678", "01123X")
		assert.ErrorIs(t, err, sms.CodeWrongInput)
	}
	other, _ := sms.NewVerifier([]byte("another-key-0123456789"))
	assert.False(t, other.Check(s2.Targets[0].Seal, second[0], "13812345678", "01123X"), "another key")
	assert.True(t, v.Check(s2.Targets[0].Seal, second[0], "13812345678", "52010219900101123X"))
}

func TestR83_VerifierConcurrent(t *testing.T) {
	v, _ := sms.NewVerifier([]byte("0123456789abcdef"))
	seal := v.SealCode("123456", "13812345678", "01123X")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				assert.True(t, v.Check(seal, "123456", "13812345678", "01123X"))
			}
		})
	}
	wg.Wait()
}

// TestR83_WithSealsKeepsVerifiedTargetsAndTheReceiver: a resend's seals
// replace those of the targets still waiting, matched by normalised
// mobile; a verified target keeps its seal and the receiver is not
// modified.
func TestR83_WithSealsKeepsVerifiedTargetsAndTheReceiver(t *testing.T) {
	old, fresh := sms.Seal{1}, sms.Seal{2}
	s, err := sms.FromTargets(smsAt, []sms.Target{{Mobile: mobileA, Seal: old}, {Mobile: mobileB, Seal: old}})
	require.NoError(t, err)
	s, err = s.Attempt(smsAt.Add(time.Minute), mobileA, true)
	require.NoError(t, err)
	require.Equal(t, 1, s.Waiting())
	n := s.WithSeals([]sms.Target{{Mobile: "+86 138 1234 5678", Seal: fresh}, {Mobile: "139-8765-4321", Seal: fresh, CertLast6: "021234"}})
	assert.Equal(t, old, n.Targets[0].Seal, "verified: kept")
	assert.Equal(t, fresh, n.Targets[1].Seal)
	assert.Equal(t, filing.IDNumber("021234"), n.Targets[1].CertLast6)
	assert.Equal(t, old, s.Targets[1].Seal, "the receiver is unchanged")
	assert.Empty(t, s.Targets[1].CertLast6)
}
