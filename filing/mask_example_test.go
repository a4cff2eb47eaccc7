package filing_test

import (
	"fmt"
	"log/slog"
	"os"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/domain"
)

// A plain slice of persons logged through slog's JSON handler is masked by
// MaskAttr (the SDK's own types mask themselves without it).
func ExampleMaskAttr() {
	people := []filing.Person{{Name: "张三", CertNumber: "11010519491231002X", Mobile: "13800138000", Email: "zhang.san@example.com"}}
	h := slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // a stable output for the example
			}
			return filing.MaskAttr(groups, a)
		},
	})
	slog.New(h).Info("principals", "people", people)
	// Output:
	// {"level":"INFO","msg":"principals","people":{"0":{"name":"张三","cert_type":"","cert_number":"110105********002X","mobile":"138****8000","email":"z***@example.com"}}}
}

// A new type holding personal data masks it with two one-line methods.
func ExampleMaskedLogValue() {
	fmt.Println(filing.MaskedLogValue(filing.Person{Name: "张三", Mobile: "13800138000"}))
	// Output:
	// [name=张三 cert_type= cert_number= mobile=138****8000 email=]
}

// FormatMasked prints a struct as fmt would, each field through its own
// formatting: pointers are followed instead of printed raw under %s.
func ExampleFormatMasked() {
	type holder struct {
		Name   string
		Person *filing.Person
	}
	h := holder{Name: "x", Person: &filing.Person{Name: "张三", CertNumber: "11010519491231002X"}}
	fmt.Printf("%s\n", formatted{h})
	// Output:
	// {x &{张三  110105********002X     }}
}

// formatted implements fmt.Formatter with FormatMasked, as a type holding
// personal data does.
type formatted struct{ v any }

func (f formatted) Format(s fmt.State, verb rune) { filing.FormatMasked(s, verb, f.v) }

func ExampleRegistrableDomain() {
	for _, d := range []string{"www.例子.政务.cn", "m.example.com.cn", "foo.dyndns.org"} {
		r, _ := domain.RegistrableDomain(d)
		fmt.Println(r, "=", domain.DomainUnicode(r))
	}
	_, err := domain.RegistrableDomain("com.cn")
	fmt.Println(err)
	// Output:
	// xn--fsqu00a.xn--zfr164b.cn = 例子.政务.cn
	// example.com.cn = example.com.cn
	// dyndns.org = dyndns.org
	// domain.public_suffix: the name is a public suffix, not a registrable domain
}
