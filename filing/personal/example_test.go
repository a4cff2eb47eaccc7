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

// A struct holding personal data, logged and printed masked: the two
// one-line methods a type needs (LogValue and Format) call MaskedLogValue
// and FormatMasked.
func ExampleMaskedLogValue() {
	type contact struct {
		Name   string         `json:"name"`
		Mobile personal.Phone `json:"mobile"`
	}
	c := contact{Name: "张三", Mobile: "13800138000"}
	fmt.Println(personal.MaskedLogValue(c))
	fmt.Printf("%+v\n", masked{c})
	// Output:
	// [name=张三 mobile=138****8000]
	// {Name:张三 Mobile:138****8000}
}

// masked implements fmt.Formatter with FormatMasked.
type masked struct{ v any }

func (m masked) Format(f fmt.State, verb rune) { personal.FormatMasked(f, verb, m.v) }
