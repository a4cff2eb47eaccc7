package personal_test

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/personal"
)

var (
	benchString string
	benchValue  slog.Value
	benchBytes  []byte
)

const (
	benchID    = personal.IDNumber("11010519491231002X")
	benchPhone = personal.Phone("13812345678")
	benchEmail = personal.Email("zhang.san@example.com")
)

// BenchmarkMasked: the mask of each type, the work behind every way out.
func BenchmarkMasked(b *testing.B) {
	for _, bc := range []struct {
		name string
		v    personalValue
		want string
	}{
		{"IDNumber", benchID, "110105********002X"},
		{"Phone", benchPhone, "138****5678"},
		{"Email", benchEmail, "z***@example.com"},
		{"IDNumberFullWidth", personal.IDNumber("１１０１０５１９４９１２３１００２Ｘ"), "１１０１０５********００２Ｘ"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			require.Equal(b, bc.want, bc.v.Masked())
			b.ReportAllocs()
			for b.Loop() {
				benchString = bc.v.Masked()
			}
		})
	}
}

// BenchmarkFormat: fmt with %v and %q (Format masks, then prints).
func BenchmarkFormat(b *testing.B) {
	for _, verb := range []string{"%v", "%q"} {
		b.Run(verb, func(b *testing.B) {
			require.NotContains(b, fmt.Sprintf(verb, benchPhone), benchPhone.Raw())
			b.ReportAllocs()
			for b.Loop() {
				benchString = fmt.Sprintf(verb, benchPhone)
			}
		})
	}
}

// benchPerson holds personal data as package filing's types do.
type benchPerson struct {
	Name   string            `json:"name"`
	ID     personal.IDNumber `json:"cert_number"`
	Mobile personal.Phone    `json:"mobile"`
	Email  personal.Email    `json:"email"`
	Phones []personal.Phone  `json:"phones,omitempty"`
}

func (p benchPerson) LogValue() slog.Value          { return personal.MaskedLogValue(p) }
func (p benchPerson) Format(f fmt.State, verb rune) { personal.FormatMasked(f, verb, p) }

var benchP = benchPerson{Name: "张三", ID: benchID, Mobile: benchPhone, Email: benchEmail,
	Phones: []personal.Phone{"0851-86832000"}}

// BenchmarkMaskedLogValue: the walk behind a struct's LogValue.
func BenchmarkMaskedLogValue(b *testing.B) {
	require.Equal(b, slog.KindGroup, personal.MaskedLogValue(benchP).Kind())
	b.ReportAllocs()
	for b.Loop() {
		benchValue = personal.MaskedLogValue(benchP)
	}
}

// BenchmarkFormatMasked: a struct's Format, %v and %+v.
func BenchmarkFormatMasked(b *testing.B) {
	for _, verb := range []string{"%v", "%+v"} {
		b.Run(verb, func(b *testing.B) {
			require.NotContains(b, fmt.Sprintf(verb, benchP), benchID.Raw())
			b.ReportAllocs()
			for b.Loop() {
				benchString = fmt.Sprintf(verb, benchP)
			}
		})
	}
}

// BenchmarkSlog: one record holding a struct with personal data, through
// the JSON handler, and a plain struct masked by MaskAttr.
func BenchmarkSlog(b *testing.B) {
	b.Run("JSONLogValuer", func(b *testing.B) {
		l := slog.New(slog.NewJSONHandler(io.Discard, nil))
		b.ReportAllocs()
		for b.Loop() {
			l.Info("filing", "person", benchP)
		}
	})
	b.Run("JSONMaskAttr", func(b *testing.B) {
		type contact struct {
			Mobile personal.Phone `json:"mobile"`
			Email  personal.Email `json:"email"`
		}
		l := slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{ReplaceAttr: personal.MaskAttr}))
		c := []contact{{benchPhone, benchEmail}}
		b.ReportAllocs()
		for b.Loop() {
			l.Info("filing", "contacts", c)
		}
	})
}

// BenchmarkMarshalJSON: encoding/json keeps the value.
func BenchmarkMarshalJSON(b *testing.B) {
	out, err := json.Marshal(benchP)
	require.NoError(b, err)
	require.Contains(b, string(out), benchID.Raw())
	b.ReportAllocs()
	for b.Loop() {
		benchBytes, _ = json.Marshal(benchP)
	}
}
