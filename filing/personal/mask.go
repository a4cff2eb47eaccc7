package personal

import (
	"cmp"
	"encoding"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Masking is compositional. The leaf types IDNumber, Phone and Email mask
// themselves through fmt (every verb) and slog. fmt reaches them through the
// exported fields, slices, maps and pointers of any type that holds them, so
// a container needs no Format method of its own (and has none, so that a
// type embedding it keeps its own fields in fmt output). log/slog does not:
// its JSON handler encodes a value that is not a slog.LogValuer with
// encoding/json, which keeps personal data raw. So every exported type that
// holds personal data, directly or nested, implements slog.LogValuer, most
// simply as
//
//	func (a App) LogValue() slog.Value { return personal.MaskedLogValue(a) }
//
// and a plain slice or map handed to slog is masked by MaskedLogValue or by
// MaskAttr installed as slog.HandlerOptions.ReplaceAttr.

var logValuerType = reflect.TypeFor[slog.LogValuer]()

// maxMaskDepth bounds the walk of MaskedLogValue (cyclic pointers).
const maxMaskDepth = 32

// MaskedLogValue returns v as a slog.Value whose personal data is masked,
// for the text and the JSON handler alike: a struct becomes a group of its
// exported fields keyed by their JSON names (an embedded struct without a
// JSON name is inlined), a slice or array a group keyed "0", "1", ..., a map a
// group keyed by its keys in sorted order; nested values that implement
// slog.LogValuer (IDNumber, Phone, Email, Person, ...) give their own value;
// pointers and interfaces are followed; time.Time is a time; structs without
// exported fields (netip.Addr, ...) and scalars are kept as they are.
//
// v itself is walked even when it implements slog.LogValuer, so that a
// LogValue method can return MaskedLogValue of its receiver.
func MaskedLogValue(v any) slog.Value {
	return maskValue(reflect.ValueOf(v), true, 0)
}

// MaskAttr is a slog.HandlerOptions.ReplaceAttr function that masks the
// personal data of attribute values that are not slog.LogValuers, such as a
// plain []filing.Person or map[string]filing.Website:
//
//	slog.NewJSONHandler(w, &slog.HandlerOptions{ReplaceAttr: personal.MaskAttr})
//
// Values of the SDK's own types mask themselves without it.
func MaskAttr(groups []string, a slog.Attr) slog.Attr {
	if a.Value.Kind() != slog.KindAny {
		return a
	}
	x := a.Value.Any()
	if _, ok := x.(error); ok {
		return a
	}
	switch reflect.ValueOf(x).Kind() {
	case reflect.Struct, reflect.Slice, reflect.Array, reflect.Map, reflect.Pointer, reflect.Interface:
		a.Value = maskValue(reflect.ValueOf(x), false, 0)
	}
	return a
}

func maskValue(v reflect.Value, self bool, depth int) slog.Value {
	if !v.IsValid() {
		return slog.AnyValue(nil)
	}
	if depth > maxMaskDepth {
		return slog.StringValue("…")
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return slog.AnyValue(nil)
		}
		if !self && v.Kind() == reflect.Pointer && v.Type().Implements(logValuerType) && v.CanInterface() {
			return v.Interface().(slog.LogValuer).LogValue()
		}
		return maskValue(v.Elem(), self, depth+1)
	}
	if !self && v.Type().Implements(logValuerType) && v.CanInterface() {
		return v.Interface().(slog.LogValuer).LogValue()
	}
	if !self && reflect.PointerTo(v.Type()).Implements(logValuerType) && v.CanAddr() && v.Addr().CanInterface() {
		return v.Addr().Interface().(slog.LogValuer).LogValue()
	}
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() && v.CanInterface() {
			return slog.TimeValue(v.Interface().(time.Time))
		}
		return maskStruct(v, depth)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return slog.AnyValue(nil)
		}
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return slog.StringValue(fmt.Sprintf("[%d bytes]", v.Len()))
		}
		attrs := make([]slog.Attr, v.Len())
		for i := range attrs {
			attrs[i] = slog.Attr{Key: strconv.Itoa(i), Value: maskValue(v.Index(i), false, depth+1)}
		}
		return slog.GroupValue(attrs...)
	case reflect.Map:
		if v.IsNil() {
			return slog.AnyValue(nil)
		}
		attrs := make([]slog.Attr, 0, v.Len())
		it := v.MapRange()
		for it.Next() {
			attrs = append(attrs, slog.Attr{Key: maskKey(it.Key()), Value: maskValue(it.Value(), false, depth+1)})
		}
		slices.SortFunc(attrs, func(a, b slog.Attr) int { return cmp.Compare(a.Key, b.Key) })
		return slog.GroupValue(attrs...)
	case reflect.String:
		return slog.StringValue(v.String())
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return slog.StringValue(v.Type().String())
	}
	if v.CanInterface() {
		return slog.AnyValue(v.Interface())
	}
	return slog.StringValue(v.Type().String())
}

// maskKey is the key of a map entry: the key printed with fmt, which masks a
// key that is itself personal data (an IDNumber, a Phone).
func maskKey(k reflect.Value) string {
	if k.CanInterface() {
		return fmt.Sprint(k.Interface())
	}
	return k.Type().String()
}

// omitted reports whether encoding/json leaves the field out under its tag's
// options (omitzero, omitempty), so that a masked log shows what JSON shows.
func omitted(f reflect.Value, opts string) bool {
	for opt := range strings.SplitSeq(opts, ",") {
		switch opt {
		case "omitzero":
			if f.IsZero() {
				return true
			}
			if z, ok := f.Interface().(interface{ IsZero() bool }); ok && f.CanInterface() && z.IsZero() {
				return true
			}
		case "omitempty":
			switch f.Kind() {
			case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
				if f.Len() == 0 {
					return true
				}
			case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
				reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
				reflect.Float32, reflect.Float64, reflect.Pointer, reflect.Interface:
				if f.IsZero() {
					return true
				}
			}
		}
	}
	return false
}

func maskStruct(v reflect.Value, depth int) slog.Value {
	t := v.Type()
	attrs := make([]slog.Attr, 0, t.NumField())
	exported := 0
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		exported++
		name, opts, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "-" || omitted(v.Field(i), opts) {
			continue
		}
		if name == "" && !sf.Anonymous {
			name = sf.Name
		}
		attrs = append(attrs, slog.Attr{Key: name, Value: maskValue(v.Field(i), false, depth+1)})
	}
	if exported == 0 {
		// netip.Addr, forms.Date...: no exported fields to walk; a value
		// that prints itself does, anything else is named by its type
		// (its unexported fields are not walked, nor printed raw).
		if v.CanInterface() {
			switch x := v.Interface().(type) {
			case encoding.TextMarshaler, json.Marshaler, fmt.Stringer:
				return slog.AnyValue(x)
			}
		}
		return slog.StringValue(t.String())
	}
	return slog.GroupValue(attrs...)
}

// FormatMasked prints the struct v (or the struct v points to) for fmt as
// fmt itself prints a struct — "{a b}" for %v, "{A:a B:b}" for %+v,
// "pkg.T{A:a, B:b}" for %#v — but with every exported field formatted
// through fmt with the same verb and flags, so that fields that are
// personal data mask themselves. Unexported fields are left out.
//
// A type that holds personal data implements fmt.Formatter with it,
//
//	func (a App) Format(f fmt.State, verb rune) { personal.FormatMasked(f, verb, a) }
//
// because fmt prints the fields of a value it cannot format with a verb
// (a pointer field under %s, %q, %x, %d) raw, without their methods.
// FormatMasked never reaches that path: a nested pointer is followed and
// formatted as a value. (fmt's own %p of a non-pointer value is the one
// path no method can intercept: %p is for pointers.)
func FormatMasked(f fmt.State, verb rune, v any) {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		fmt.Fprintf(f, fmt.FormatString(f, verb), v)
		return
	}
	formatStruct(f, verb, rv, 0)
}

func formatStruct(f fmt.State, verb rune, rv reflect.Value, depth int) {
	t := rv.Type()
	sharp := verb == 'v' && f.Flag('#')
	plus := verb == 'v' && f.Flag('+')
	spec := fmt.FormatString(f, verb)
	var b strings.Builder
	if sharp {
		b.WriteString(t.String())
	}
	b.WriteByte('{')
	first := true
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		if !first {
			if sharp {
				b.WriteString(", ")
			} else {
				b.WriteByte(' ')
			}
		}
		first = false
		if sharp || plus {
			b.WriteString(sf.Name)
			b.WriteByte(':')
		}
		fv := rv.Field(i)
		b.WriteString(formatField(spec, verb, f, fv, depth))
	}
	b.WriteByte('}')
	f.Write([]byte(b.String()))
}

// formatField formats one field: a pointer to a struct is followed (fmt
// would print it raw under a verb that is not for pointers), a nil pointer
// is "<nil>", anything else goes through fmt with the verb.
func formatField(spec string, verb rune, f fmt.State, fv reflect.Value, depth int) string {
	if fv.Kind() == reflect.Pointer && !fv.IsNil() && fv.Elem().Kind() == reflect.Struct {
		e := fv.Elem()
		if e.Type().Implements(formatterType) || depth >= maxMaskDepth {
			return "&" + fmt.Sprintf(spec, e.Interface())
		}
		var sb strings.Builder
		sb.WriteByte('&')
		formatStruct(&stateBuf{State: f, b: &sb}, verb, e, depth+1)
		return sb.String()
	}
	return fmt.Sprintf(spec, fv.Interface())
}

var formatterType = reflect.TypeFor[fmt.Formatter]()

// stateBuf is a fmt.State writing to a builder, with the flags of the
// outer state.
type stateBuf struct {
	fmt.State
	b *strings.Builder
}

func (s *stateBuf) Write(p []byte) (int, error) { return s.b.Write(p) }
