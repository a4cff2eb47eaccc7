package filingtest_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/filingtest"
)

func ExampleNew() {
	g := filingtest.New(1)
	fmt.Println(g.ResidentID().Raw(), g.USCC().Raw(), g.Domain(), g.DomainIDN())

	// A Jiangxi enterprise with two websites: every principal has a
	// landline as well as a mobile (R-06).
	f := g.Filing(g.Organisation("36"), 2)
	fmt.Println(f.Subject.Name, f.Subject.Principal.Landline.Raw() != "", len(f.Websites))
	fmt.Println(filing.Validate(f))
	// Output:
	// 360102196711043726 91620102203234122N nanfenghuacai.wang 凌云新禾.中国
	// 南昌长风绿洲文化传媒有限公司 true 2
	// <nil>
}

func ExampleBroken() {
	c, _ := filingtest.Broken("tld-io")
	fmt.Println(c.Rule, c.Filing.Websites[0].Domains[0])
	fmt.Println(filing.Validate(c.Base))
	err := filing.Validate(c.Filing)
	fmt.Println(errors.Is(err, c.Want), c.Path)
	// Output:
	// R-09 xingchen.io
	// <nil>
	// true websites[0].domains[0]
}

func ExampleBrokenCases() {
	for _, c := range filingtest.BrokenCases() {
		if c.Rule == "R-03" {
			fmt.Println(c.Name, c.Want)
		}
	}
	// Output:
	// legal-representative-missing subject.legal_representative_required
	// principal-not-legal-representative subject.principal_not_legal_rep
	// authorisation-letter-required subject.authorisation_letter_required
	// authorisation-letter-not-accepted subject.authorisation_letter_not_accepted
	// letter-website-principal-differs website.principal_must_be_subject_principal
}

// Each case says how its filing must come out; Check compares a validation
// result with that. In a test, filingtest.RunConformance(t, validate) runs a
// validator over every case and reports each disagreement as a subtest.
func ExampleConformance() {
	cases, err := filingtest.Conformance()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(cases) >= 40)
	for _, c := range cases {
		switch c.Name {
		case "valid-resident-id-lowercase-x", "home-url-off-domain":
			fmt.Printf("%s: %v\n", c.Name, c.Check(filing.Validate(c.Filing)))
			fmt.Printf("  an accept-all validator: %v\n", c.Check(nil))
		}
	}
	// Output:
	// true
	// valid-resident-id-lowercase-x: <nil>
	//   an accept-all validator: <nil>
	// home-url-off-domain: <nil>
	//   an accept-all validator: got valid; want [websites[0].home_url url.not_under_domain]
}

// Every broken case of R-06 (province rules), each failing with its code.
func ExampleBrokenFor() {
	for _, c := range filingtest.BrokenFor("R-06") {
		var opts []filing.Option
		if !c.Now.IsZero() {
			opts = append(opts, filing.WithNow(func() time.Time { return c.Now }))
		}
		fmt.Println(c.Name, errors.Is(filing.Validate(c.Filing, opts...), c.Want))
	}
	// Output:
	// jiangxi-landline-missing true
	// jiangxi-website-landline-missing true
	// emergency-phone-same-as-mobile true
	// jiangxi-emergency-phone-cross true
	// tianjin-too-young true
	// gansu-cross-province-refused true
	// guangdong-residence-permit-required true
	// new-website-two-domains true
	// shanxi-too-many-domains true
	// shaanxi-too-many-websites true
	// jiangsu-government-suffix true
	// shanghai-institution-suffix true
	// province-unknown true
}
