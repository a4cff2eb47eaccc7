package lifecycle_test

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
)

var smsAt = time.Date(2026, 3, 5, 9, 30, 0, 0, calendar.Location())

func smsPeople() []lifecycle.SMSPerson {
	return []lifecycle.SMSPerson{
		{Role: lifecycle.RoleSubjectPrincipal, Person: filing.Person{Name: "张三", CertNumber: "52010219900101123X", Mobile: "13812345678"}},
		{Role: lifecycle.RoleWebsitePrincipal, Person: filing.Person{Name: "李四", CertNumber: "520102199202021234", Mobile: "13987654321"}},
	}
}

func TestR83_OnePersonTwoRolesVerifiesOnce(t *testing.T) {
	p := smsPeople()
	p[1].Person = p[0].Person
	p[1].Person.Mobile = "+86 138-1234-5678"
	s, err := lifecycle.NewSMS(smsAt, p)
	require.NoError(t, err)
	require.Len(t, s.Targets, 1)
	assert.Equal(t, []lifecycle.SMSRole{lifecycle.RoleSubjectPrincipal, lifecycle.RoleWebsitePrincipal}, s.Targets[0].Roles)
	s, err = s.Attempt(smsAt.Add(time.Hour), "13812345678", true)
	require.NoError(t, err)
	assert.Equal(t, lifecycle.SMSVerified, s.Status)
}

func TestR83_TwoPeopleBothVerify(t *testing.T) {
	s, err := lifecycle.NewSMS(smsAt, smsPeople())
	require.NoError(t, err)
	s, err = s.Attempt(smsAt.Add(time.Hour), "13812345678", true)
	require.NoError(t, err)
	assert.Equal(t, lifecycle.SMSWaiting, s.Status, "请等待其他核验人进行短信核验")
	assert.Equal(t, 1, s.Waiting())
	s, err = s.Attempt(smsAt.Add(2*time.Hour), "13987654321", true)
	require.NoError(t, err)
	assert.Equal(t, lifecycle.SMSVerified, s.Status)
	_, err = s.Attempt(smsAt.Add(3*time.Hour), "13987654321", true)
	assert.ErrorIs(t, err, lifecycle.CodeSMSClosed)
}

func TestR83_SixthAttemptAfterFiveWrongReturns(t *testing.T) {
	s, err := lifecycle.NewSMS(smsAt, smsPeople())
	require.NoError(t, err)
	for i := 1; i <= 5; i++ {
		s, err = s.Attempt(smsAt.Add(time.Duration(i)*time.Minute), "13812345678", false)
		assert.ErrorIs(t, err, lifecycle.CodeSMSWrongInput, "attempt %d", i)
		assert.Equal(t, i, s.WrongInputs)
		assert.Equal(t, lifecycle.SMSWaiting, s.Status)
	}
	before := s
	s, err = s.Attempt(smsAt.Add(10*time.Minute), "13812345678", true)
	assert.ErrorIs(t, err, lifecycle.CodeSMSTooManyWrong, "the sixth attempt returns the filing, even a right one")
	assert.Equal(t, lifecycle.SMSReturnedWrongInputs, s.Status)
	assert.True(t, s.Status.ReturnsToISP())
	assert.Equal(t, lifecycle.SMSWaiting, before.Status, "the receiver is unchanged")
}

func TestR83_WrongMobileCounts(t *testing.T) {
	s, _ := lifecycle.NewSMS(smsAt, smsPeople())
	s, err := s.Attempt(smsAt.Add(time.Minute), "13000000000", true)
	assert.ErrorIs(t, err, lifecycle.CodeSMSWrongInput)
	assert.Equal(t, 1, s.WrongInputs)
}

func TestR83_ExpiresAfter24ClockHours(t *testing.T) {
	s, _ := lifecycle.NewSMS(smsAt, smsPeople())
	_, err := s.Attempt(smsAt.Add(24*time.Hour-time.Second), "13812345678", true)
	assert.NoError(t, err, "23:59:59 after sending")
	e, err := s.Attempt(smsAt.Add(24*time.Hour), "13812345678", true)
	assert.ErrorIs(t, err, lifecycle.CodeSMSExpired)
	assert.Equal(t, lifecycle.SMSReturnedTimeout, e.Status)
	assert.Equal(t, lifecycle.SMSReturnedTimeout, s.Expire(smsAt.Add(25*time.Hour)).Status)
	assert.Equal(t, lifecycle.SMSWaiting, s.Expire(smsAt.Add(23*time.Hour)).Status)
	// Across midnight CST: sent 2026-03-05 09:30, expires 2026-03-06 09:30.
	assert.Equal(t, time.Date(2026, 3, 6, 9, 30, 0, 0, calendar.Location()), s.Expires())
}

func TestR83_AtMostTwoResends(t *testing.T) {
	s, _ := lifecycle.NewSMS(smsAt, smsPeople())
	var err error
	for i := 1; i <= 2; i++ {
		s, err = s.Resend(smsAt.Add(time.Duration(i) * time.Hour))
		require.NoError(t, err)
		assert.Equal(t, i, s.Resends)
	}
	s2, err := s.Resend(smsAt.Add(3 * time.Hour))
	assert.ErrorIs(t, err, lifecycle.CodeSMSResendLimit)
	assert.Equal(t, 2, s2.Resends)
	assert.Equal(t, smsAt.Add(24*time.Hour), s2.Expires(), "a resend does not extend the 24 hours")
}

func TestR83_Countdown(t *testing.T) {
	s, _ := lifecycle.NewSMS(smsAt, smsPeople())
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
	assert.Equal(t, lifecycle.SMSReturnedTimeout, c.Status)
}

func TestR83_BadInput(t *testing.T) {
	_, err := lifecycle.NewSMS(time.Time{}, smsPeople())
	assert.ErrorIs(t, err, lifecycle.CodeSMSTime)
	_, err = lifecycle.NewSMS(smsAt, nil)
	assert.ErrorIs(t, err, lifecycle.CodeSMSNoRecipient)
	s, _ := lifecycle.NewSMS(smsAt, smsPeople())
	_, err = s.Attempt(smsAt.Add(-time.Hour), "13812345678", true)
	assert.ErrorIs(t, err, lifecycle.CodeSMSTime, "before sending")
	_, err = lifecycle.NewVerifier([]byte("short"))
	assert.ErrorIs(t, err, lifecycle.CodeSMSKey)
}

func TestR83_Recipients(t *testing.T) {
	r, ok := lifecycle.SMSRecipients(lifecycle.SMSNewWebsite)
	assert.True(t, ok)
	assert.Equal(t, []lifecycle.SMSRole{lifecycle.RoleSubjectPrincipal, lifecycle.RoleWebsitePrincipal}, r)
	r, ok = lifecycle.SMSRecipients(lifecycle.SMSCancelAccess)
	assert.True(t, ok)
	assert.Empty(t, r, "every filing type except cancelling access: none for 取消接入")
	r, _ = lifecycle.SMSRecipients(lifecycle.SMSNewAccess)
	assert.Equal(t, []lifecycle.SMSRole{lifecycle.RoleWebsitePrincipal}, r)
	_, ok = lifecycle.SMSRecipients("bogus")
	assert.False(t, ok)
}

func TestR83_VerifierSealsCodes(t *testing.T) {
	v, err := lifecycle.NewVerifier([]byte("0123456789abcdef-secret"))
	require.NoError(t, err)
	s, err := lifecycle.NewSMS(smsAt, smsPeople())
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
	assert.ErrorIs(t, err, lifecycle.CodeSMSWrongInput)
	s, err = v.Enter(s, smsAt.Add(time.Hour), codes[0], "13812345678", "０１123x")
	require.NoError(t, err)
	s, err = v.Enter(s, smsAt.Add(2*time.Hour), codes[0], "13987654321", "021234")
	assert.ErrorIs(t, err, lifecycle.CodeSMSWrongInput, "another person's code")
	s, err = v.Enter(s, smsAt.Add(2*time.Hour), codes[1], "13987654321", "021234")
	require.NoError(t, err)
	assert.Equal(t, lifecycle.SMSVerified, s.Status)

	// A resend replaces the codes: the old one no longer works.
	s2, _ := lifecycle.NewSMS(smsAt, smsPeople())
	s2, first, _ := v.Send(s2, smsAt, certs)
	s2, second, err := v.Send(s2, smsAt.Add(time.Hour), certs)
	require.NoError(t, err)
	assert.Equal(t, 1, s2.Resends)
	if first[0] != second[0] {
		_, err = v.Enter(s2, smsAt.Add(2*time.Hour), first[0], "13812345678", "01123X")
		assert.ErrorIs(t, err, lifecycle.CodeSMSWrongInput)
	}
	other, _ := lifecycle.NewVerifier([]byte("another-key-0123456789"))
	assert.False(t, other.Check(s2.Targets[0].Seal, second[0], "13812345678", "01123X"), "another key")
	assert.True(t, v.Check(s2.Targets[0].Seal, second[0], "13812345678", "52010219900101123X"))
}

func TestR83_VerifierConcurrent(t *testing.T) {
	v, _ := lifecycle.NewVerifier([]byte("0123456789abcdef"))
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

func TestR87_PublicSecurityCountdown(t *testing.T) {
	connected := time.Date(2026, 1, 31, 23, 30, 0, 0, calendar.Location())
	due, ok := lifecycle.PublicSecurityDue(connected)
	require.True(t, ok)
	assert.Equal(t, time.Date(2026, 3, 2, 0, 0, 0, 0, calendar.Location()), due, "30 days after the connection day")
	// A connection at 23:30 UTC is the next civil day in China.
	dueUTC, _ := lifecycle.PublicSecurityDue(time.Date(2026, 1, 31, 23, 30, 0, 0, time.UTC))
	assert.Equal(t, time.Date(2026, 3, 3, 0, 0, 0, 0, calendar.Location()), dueUTC)
	// Leap year.
	dueLeap, _ := lifecycle.PublicSecurityDue(time.Date(2024, 2, 1, 9, 0, 0, 0, calendar.Location()))
	assert.Equal(t, time.Date(2024, 3, 2, 0, 0, 0, 0, calendar.Location()), dueLeap)

	c, _ := lifecycle.PublicSecurityCountdown(connected, time.Date(2026, 2, 20, 8, 0, 0, 0, calendar.Location()))
	assert.Equal(t, 10, c.Remaining)
	c, _ = lifecycle.PublicSecurityCountdown(connected, time.Date(2026, 3, 2, 23, 0, 0, 0, calendar.Location()))
	assert.True(t, c.DueToday)
	c, _ = lifecycle.PublicSecurityCountdown(connected, time.Date(2026, 3, 5, 1, 0, 0, 0, calendar.Location()))
	assert.True(t, c.Overdue)
	assert.Equal(t, 3, c.OverdueBy)
	_, ok = lifecycle.PublicSecurityCountdown(time.Time{}, connected)
	assert.False(t, ok)

	w := filing.Website{Service: filing.Service{Access: []filing.Access{{ISP: "x", Since: connected}}}}
	assert.ErrorIs(t, lifecycle.CheckPublicSecurity(w, time.Date(2026, 3, 3, 9, 0, 0, 0, calendar.Location())), lifecycle.CodePSOverdue)
	assert.NoError(t, lifecycle.CheckPublicSecurity(w, time.Date(2026, 3, 2, 9, 0, 0, 0, calendar.Location())))
	w.PublicSecurityNumber = "京公网安备11010802035340号"
	assert.NoError(t, lifecycle.CheckPublicSecurity(w, time.Date(2027, 1, 1, 9, 0, 0, 0, calendar.Location())))
}
