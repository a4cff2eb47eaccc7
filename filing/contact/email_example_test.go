package contact_test

import (
	"fmt"

	"github.com/beiankit/beian/filing/contact"
)

func ExampleNormalizeEmail() {
	e, err := contact.NormalizeEmail(" Zhang.San@例子。中国 ")
	fmt.Println(e.Raw(), err)
	fmt.Println(e) // personal data prints masked
	_, err = contact.NormalizeEmail("张三 <zhang@example.com>")
	fmt.Println(err)
	// Output:
	// Zhang.San@xn--fsqu00a.xn--fiqs8s <nil>
	// Z***@xn--fsqu00a.xn--fiqs8s
	// email.format: e-mail address must be a bare address like name@example.com (no display name, spaces or quotes)
}

func ExampleCheckEmail() {
	fmt.Println(contact.CheckEmail("a..b@example.com"))
	// Output: email.local: e-mail local part is not an ASCII dot-atom
}
