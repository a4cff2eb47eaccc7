package personal_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"os"

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

// An address keeps the first character of its local part and its domain.
func ExampleEmail() {
	e := personal.Email("zhang.san@example.com")
	fmt.Println(e)
	fmt.Printf("%#v\n", e)
	// Output:
	// z***@example.com
	// "z***@example.com"
}

// Masked keeps the first 6 and the last 4 characters of an 18-character
// number; a shorter value shows less, so that at least a third of it is
// always hidden.
func ExampleIDNumber_Masked() {
	fmt.Println(personal.IDNumber("11010519491231002X").Masked())
	fmt.Println(personal.IDNumber("E12345678").Masked())
	fmt.Println(personal.IDNumber("12").Masked())
	// Output:
	// 110105********002X
	// E12***678
	// 1*
}

// MaskAttr masks values that are no slog.LogValuer themselves, such as a
// caller's own struct or a plain slice of one, for the JSON handler too.
func ExampleMaskAttr() {
	type contact struct {
		Name   string         `json:"name"`
		Mobile personal.Phone `json:"mobile"`
		Email  personal.Email `json:"email"`
	}
	h := slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if len(groups) == 0 && a.Key == slog.TimeKey {
				return slog.Attr{} // a fixed output for the example
			}
			return personal.MaskAttr(groups, a)
		},
	})
	slog.New(h).Info("contacts", "list", []contact{{"张三", "13800138000", "zhang.san@example.com"}})
	// Output:
	// {"level":"INFO","msg":"contacts","list":{"0":{"name":"张三","mobile":"138****8000","email":"z***@example.com"}}}
}

// FormatMasked prints a struct as fmt does, every field with the same verb,
// so that its personal data masks itself under %s and %#v as under %v.
func ExampleFormatMasked() {
	type person struct {
		Name   string
		ID     *personal.IDNumber
		Mobile personal.Phone
	}
	id := personal.IDNumber("11010519491231002X")
	p := masked{person{Name: "张三", ID: &id, Mobile: "13800138000"}}
	fmt.Printf("%s\n", p)
	fmt.Printf("%+v\n", p)
	// Output:
	// {张三 110105********002X 138****8000}
	// {Name:张三 ID:110105********002X Mobile:138****8000}
}
