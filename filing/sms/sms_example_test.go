package sms_test

import (
	"fmt"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/sms"
)

func ExampleNew() {
	sent := time.Date(2026, 3, 5, 9, 30, 0, 0, calendar.Location())
	p := filing.Person{Name: "张三", CertNumber: "52010219900101123X", Mobile: "13812345678"}
	// One person is subject and website principal on one mobile: one SMS.
	s, _ := sms.New(sent, []sms.Person{
		{Role: sms.RoleSubjectPrincipal, Person: p}, {Role: sms.RoleWebsitePrincipal, Person: p}})
	fmt.Println(len(s.Targets), s.Targets[0].Mobile)
	for i := range 6 {
		var err error
		s, err = s.Attempt(sent.Add(time.Duration(i+1)*time.Minute), "13812345678", false)
		fmt.Println(err)
	}
	fmt.Println(s.Status, s.Status.ReturnsToISP())
	// Output:
	// 1 138****5678
	// sms.wrong_input: wrong code, mobile or last six certificate characters (1 wrong inputs; after 5 the next attempt returns the filing to the ISP)
	// sms.wrong_input: wrong code, mobile or last six certificate characters (2 wrong inputs; after 5 the next attempt returns the filing to the ISP)
	// sms.wrong_input: wrong code, mobile or last six certificate characters (3 wrong inputs; after 5 the next attempt returns the filing to the ISP)
	// sms.wrong_input: wrong code, mobile or last six certificate characters (4 wrong inputs; after 5 the next attempt returns the filing to the ISP)
	// sms.wrong_input: wrong code, mobile or last six certificate characters (5 wrong inputs; after 5 the next attempt returns the filing to the ISP)
	// sms.too_many_wrong: five wrong inputs: this sixth attempt returned the filing to the ISP
	// returned_wrong_inputs true
}

func ExampleVerification_Countdown() {
	sent := time.Date(2026, 3, 5, 9, 30, 0, 0, calendar.Location())
	s, _ := sms.New(sent, []sms.Person{{Role: sms.RoleSubjectPrincipal,
		Person: filing.Person{Mobile: "13812345678"}}})
	c := s.Countdown(sent.Add(20*time.Hour + 15*time.Minute))
	fmt.Println(c.Expires.Format("2006-01-02 15:04"), c.Remaining, c.ResendsLeft, c.WrongInputsLeft)
	c = s.Countdown(sent.Add(24 * time.Hour))
	fmt.Println(c.Expired, c.Status)
	// Output:
	// 2026-03-06 09:30 3h45m0s 2 5
	// true returned_timeout
}

func ExampleVerifier() {
	v, _ := sms.NewVerifier([]byte("a secret key of 16+ bytes"))
	sent := time.Date(2026, 3, 5, 9, 30, 0, 0, calendar.Location())
	p := filing.Person{Name: "张三", CertNumber: "52010219900101123X", Mobile: "13812345678"}
	s, _ := sms.New(sent, []sms.Person{{Role: sms.RoleSubjectPrincipal, Person: p}})
	s, codes, _ := v.Send(s, sent, map[string]filing.IDNumber{"13812345678": p.CertNumber})
	// codes[0] goes out by SMS; only its seal is kept in s.
	s, err := v.Enter(s, sent.Add(time.Hour), codes[0], "13812345678", "01123x")
	fmt.Println(err, s.Status)
	// Output: <nil> verified
}

func ExampleRecipients() {
	for _, t := range []sms.FilingType{sms.NewWebsite, sms.ChangeWebsite, sms.CancelAccess} {
		r, _ := sms.Recipients(t)
		fmt.Println(t, r)
	}
	// Output:
	// new_website [subject_principal website_principal]
	// change_website [website_principal]
	// cancel_access []
}

func ExampleNormalizeMobile() {
	fmt.Println(sms.NormalizeMobile("+86 138-1234-5678"), sms.NormalizeMobile("１３８ １２３４ ５６７８"))
	// Output: 13812345678 13812345678
}

func ExampleFilingType_Valid() {
	fmt.Println(sms.ChangeAccess.Valid(), sms.FilingType("change").Valid())
	// Output: true false
}

// A caller that sends the codes itself hands the targets, with their
// seals, to FromTargets: the mobiles are normalised and one person in two
// roles is one target. A resend's new seals replace the old ones of the
// people still waiting (WithSeals).
func ExampleFromTargets() {
	v, _ := sms.NewVerifier([]byte("a secret key of 16+ bytes"))
	sent := time.Date(2026, 3, 5, 9, 30, 0, 0, calendar.Location())
	s, _ := sms.FromTargets(sent, []sms.Target{
		{Roles: []sms.Role{sms.RoleSubjectPrincipal}, Mobile: "+86 138 1234 5678", Seal: v.SealCode("111111", "13812345678", "01123X")},
		{Roles: []sms.Role{sms.RoleWebsitePrincipal}, Mobile: "13812345678"},
	})
	fmt.Println(len(s.Targets), s.Targets[0].Roles, v.Match(s, "111111", "13812345678", "01123X"))
	s = s.WithSeals([]sms.Target{{Mobile: "138 1234 5678", Seal: v.SealCode("222222", "13812345678", "01123X")}})
	fmt.Println(v.Match(s, "111111", "13812345678", "01123X"), v.Match(s, "222222", "13812345678", "01123X"))
	_, err := sms.FromTargets(sent, []sms.Target{{Mobile: " "}})
	fmt.Println(err)
	// Output:
	// 1 [subject_principal website_principal] true
	// false true
	// sms.no_recipient: no SMS recipient: the filing type needs none, or no person with a mobile was given
}
