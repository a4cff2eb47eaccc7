// Package object encodes and decodes the platforms' JSON objects so that
// keys the Go structs do not declare are kept, in a field named Extra of
// type map[string]json.RawMessage (or a named type of it), and written back
// on encoding. It also lists the paths of the kept keys.
package object

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
)

var rawMapType = reflect.TypeFor[map[string]json.RawMessage]()

// field is one declared JSON field of a struct.
type field struct {
	index     int
	name      string
	omitEmpty bool
}

type layout struct {
	fields []field
	extra  int
}

// layouts caches fields per struct type; safe for concurrent use.
var layouts sync.Map // reflect.Type → layout

// fields returns the declared JSON fields of struct type t and the index of
// its Extra field (-1 when it has none).
func fields(t reflect.Type) ([]field, int) {
	if l, ok := layouts.Load(t); ok {
		return l.(layout).fields, l.(layout).extra
	}
	fs, extra := scan(t)
	layouts.Store(t, layout{fs, extra})
	return fs, extra
}

func scan(t reflect.Type) ([]field, int) {
	var out []field
	extra := -1
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		if sf.Name == "Extra" && sf.Type.ConvertibleTo(rawMapType) {
			extra = i
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		out = append(out, field{index: i, name: name, omitEmpty: slices.Contains(strings.Split(opts, ","), "omitempty")})
	}
	return out, extra
}

// ErrNotStruct reports a misuse: Unmarshal and Marshal take structs only.
var ErrNotStruct = errors.New("object: not a pointer to a struct")

// Unmarshal decodes the JSON object data into the struct v points to: each
// declared field from its key, every other key into v's Extra field. null
// leaves v unchanged. A key given twice keeps its last value, as
// encoding/json does.
func Unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return ErrNotStruct
	}
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	s := rv.Elem()
	fs, extra := fields(s.Type())
	for _, f := range fs {
		raw, ok := m[f.name]
		if !ok {
			continue
		}
		delete(m, f.name)
		if err := json.Unmarshal(raw, s.Field(f.index).Addr().Interface()); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
	}
	if extra >= 0 {
		if len(m) == 0 {
			s.Field(extra).SetZero()
		} else {
			s.Field(extra).Set(reflect.ValueOf(m).Convert(s.Field(extra).Type()))
		}
	}
	return nil
}

// Marshal encodes the struct v as a JSON object: its declared fields in
// their order (omitempty as encoding/json applies it), then the keys of its
// Extra field in sorted order, except those a declared field already wrote.
func Marshal(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return []byte("null"), nil
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return nil, ErrNotStruct
	}
	fs, extra := fields(rv.Type())
	var b bytes.Buffer
	b.WriteByte('{')
	written := map[string]bool{}
	put := func(name string, raw []byte) {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(name)
		b.Write(k)
		b.WriteByte(':')
		b.Write(raw)
		written[name] = true
	}
	for _, f := range fs {
		fv := rv.Field(f.index)
		if f.omitEmpty && empty(fv) {
			continue
		}
		raw, err := json.Marshal(fv.Interface())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		put(f.name, raw)
	}
	if extra >= 0 {
		m := rv.Field(extra).Convert(rawMapType).Interface().(map[string]json.RawMessage)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if written[k] {
				continue
			}
			raw := m[k]
			if !json.Valid(raw) {
				return nil, fmt.Errorf("%s: kept value is not JSON", k)
			}
			put(k, raw)
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// empty is encoding/json's omitempty test.
func empty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool:
		return !v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0
	case reflect.Interface, reflect.Pointer:
		return v.IsNil()
	}
	return false
}

// UnknownPaths returns the JSON paths of every kept key in v and the
// structs it holds (through fields, pointers and slices), such as
// "icp_subject.base_info.new_key" or "hints[2].new_key", sorted.
func UnknownPaths(v any) []string {
	var out []string
	walk(reflect.ValueOf(v), "", &out, 0)
	slices.Sort(out)
	return out
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

func walk(v reflect.Value, prefix string, out *[]string, depth int) {
	if depth > 32 {
		return
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walk(v.Elem(), prefix, out, depth+1)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walk(v.Index(i), prefix+"["+strconv.Itoa(i)+"]", out, depth+1)
		}
	case reflect.Struct:
		fs, extra := fields(v.Type())
		if extra >= 0 {
			for k := range v.Field(extra).Convert(rawMapType).Interface().(map[string]json.RawMessage) {
				*out = append(*out, join(prefix, k))
			}
		}
		for _, f := range fs {
			walk(v.Field(f.index), join(prefix, f.name), out, depth+1)
		}
	}
}

// DeclaredPaths returns the JSON paths of every declared field of struct
// type t and the structs it holds, slices written "[]" ("icp_applets.base_info.nrlx_details[].type"),
// in declaration order. It is the list a field table must cover.
func DeclaredPaths(t reflect.Type) []string {
	var out []string
	declared(t, "", &out, 0)
	return out
}

func declared(t reflect.Type, prefix string, out *[]string, depth int) {
	if depth > 16 {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return
	}
	fs, _ := fields(t)
	for _, f := range fs {
		ft := t.Field(f.index).Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		p := join(prefix, f.name)
		switch {
		case ft.Kind() == reflect.Struct:
			declared(ft, p, out, depth+1)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			declared(ft.Elem(), p+"[]", out, depth+1)
		default:
			*out = append(*out, p)
		}
	}
}

// Depth returns the deepest nesting of JSON objects and arrays in data,
// strings skipped, in one pass. The decoders refuse deep input before
// decoding: each nested object is decoded by its own UnmarshalJSON, which
// rescans its bytes, so depth multiplies the work.
func Depth(data []byte) int {
	depth, max := 0, 0
	inString, escaped := false, false
	for _, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > max {
				max = depth
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return max
}
