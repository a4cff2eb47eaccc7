package contact_test

import (
	"fmt"

	"github.com/beiankit/beian/filing/contact"
)

func ExampleNormalizePhone() {
	for _, s := range []string{"+86 138-0013-8000", "１３８００１３８０００", "(010)12345678", "0755-8765-4321 转 88"} {
		p, err := contact.NormalizePhone(s)
		fmt.Println(p.Raw(), err)
	}
	// Output:
	// 13800138000 <nil>
	// 13800138000 <nil>
	// 010-12345678 <nil>
	// 0755-87654321-88 <nil>
}

func ExampleCheckMobile() {
	fmt.Println(contact.CheckMobile("19212345678"))   // 中国广电
	fmt.Println(contact.CheckMobile("14012345678"))   // no such segment
	fmt.Println(contact.CheckMobile("1440012345678")) // 13-digit IoT
	// Output:
	// <nil>
	// phone.mobile_segment: mobile number prefix is not an allocated mobile segment
	// phone.mobile_iot: 13-digit IoT numbers cannot receive verification SMS
}

func ExampleCheckLandline() {
	fmt.Println(contact.CheckLandline("010-12345678-123"))
	fmt.Println(contact.CheckLandline("0351-12345678"))
	fmt.Println(contact.CheckLandline("400-123-4567"))
	// Output:
	// <nil>
	// phone.landline_number: landline subscriber number must have 7 digits and not start with 0
	// phone.service_number: 400/800 service numbers are not accepted as a contact number
}
