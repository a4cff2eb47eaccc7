package personal_test

import (
	"encoding/json"
	"fmt"

	"github.com/beiankit/beian/filing/personal"
)

// Personal data prints masked through fmt (every verb), and encoding/json
// keeps the full value for storage.
func ExamplePhone() {
	p := personal.Phone("13812345678")
	fmt.Println(p)
	fmt.Printf("%v %q\n", p, p)
	b, _ := json.Marshal(p)
	fmt.Println(string(b))
	// Output:
	// 138****5678
	// 138****5678 "138****5678"
	// "13812345678"
}

// Raw is the one explicit way to the clear value, e.g. to send an SMS.
func ExampleIDNumber_Raw() {
	id := personal.IDNumber("11010519491231002X")
	fmt.Println(id)
	fmt.Println(id.Raw() == "11010519491231002X")
	// Output:
	// 110105********002X
	// true
}
