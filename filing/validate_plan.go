package filing

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// The field pass's own walk (the fast path of step 2 of Validate).
//
// The field rules are declared once, as validator/v10 tags on the model
// structs (model.go). validator.Struct reads them on every call through
// FieldLevel interfaces and reflect.Value.Interface boxing; this file reads
// the same tags once per struct type, by reflection, into a cached plan,
// and walks a value by its plan, calling the standard checks and this
// package's tag functions (tagChecks, certNumberProblem, homeURLProblem)
// directly.
//
// The plan reproduces validator/v10's semantics (WithRequiredStructEnabled,
// JSON names in paths) for the tags it understands, in validator's order,
// with one field error per field and per dived element:
//
//	omitempty  skip the field when it has no value (hasValue: a nil slice or
//	           map, the zero value otherwise)
//	required   fail when it has no value
//	min=N      string: at least N characters (runes); slice, array, map: at
//	max=N      least/most N entries; integers: the value
//	dive       apply the tags after it to each element of a slice or array
//	our tags   cn_resident_id, icp_domain, ... (RegisterTags), on string kinds
//
// A struct field (other than time.Time and types convertible to it) whose
// tags pass is walked field by field; unexported fields and fields tagged
// "-" are skipped, as validator skips them. An embedded struct without tags
// or a JSON name (Service) is walked in place: its fields take the path of
// the struct that embeds it, as encoding/json promotes them.
//
// Anything else makes the whole type unplannable, and every filing is then
// checked by validator.Struct as before (fieldPassValidator): other tags
// ("len", "oneof", "required_if", "|", aliases, ...), pointer and interface
// fields, other embedded fields, dive over maps, our tags on non-string kinds. A new
// tagged struct type in the model is planned like the others as long as its
// tags are in the list; TestValidatePlanAgreesWithValidator and
// FuzzValidatePlanAgreesWithValidator check that both paths report the same
// problems. Struct-level validations registered on the engine would not be
// seen by the plan: there are none, and the field rules are tags only.

// plan is the cached walk of one struct type.
type plan struct {
	fields []planField
}

// planField is one field of a struct plan.
type planField struct {
	index int    // field index in the struct
	name  string // JSON name (validator's tag name function), for paths
	chain *chain
	embed *plan // set for an embedded struct, walked without a path step
}

// chain is the tags of a field, or of its elements after a dive.
type chain struct {
	kind   reflect.Kind
	ops    []op
	dive   *chain // the tags of the elements, after "dive"
	nested *plan  // set for struct kinds walked field by field
}

type opKind uint8

const (
	opOmitEmpty opKind = iota
	opRequired
	opMin
	opMax
	opCheck      // a tag of tagChecks
	opCertNumber // cn_cert_number, with the CertType field of the struct
	opHomeURL    // icp_home_url, with the Domains field of the struct
)

type op struct {
	kind    opKind
	tag     string
	param   string
	n       int64
	check   func(*memo, string) *Problem
	sibling int // index of CertType or Domains in the struct; -1 if none
}

var (
	plans sync.Map // reflect.Type → *plan, or nil when the type is not plannable
)

// planOf returns the plan of struct type t, or nil when the tags of t (or
// of a type it holds) need validator.Struct.
func planOf(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	c := planCompiler{building: map[reflect.Type]*plan{}}
	p, ok := c.structPlan(t)
	if !ok {
		p = nil
	}
	// Store only the root: nested types are cached when they are roots
	// themselves. A concurrent compile of the same type gives the same plan.
	actual, _ := plans.LoadOrStore(t, p)
	return actual.(*plan)
}

type planCompiler struct {
	building map[reflect.Type]*plan // types being compiled, for recursive types
}

func (c *planCompiler) structPlan(t reflect.Type) (*plan, bool) {
	if p, ok := c.building[t]; ok {
		return p, true
	}
	p := &plan{}
	c.building[t] = p
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("validate")
		if f.Anonymous {
			// An embedded struct without tags (Service) is walked in
			// place, its fields in the path of the struct that embeds it.
			if !f.IsExported() || f.Type.Kind() != reflect.Struct || tag != "" || f.Tag.Get("json") != "" {
				return nil, false
			}
			ep, ok := c.structPlan(f.Type)
			if !ok {
				return nil, false
			}
			p.fields = append(p.fields, planField{index: i, embed: ep})
			continue
		}
		if !f.IsExported() || tag == "-" {
			continue
		}
		ch, ok := c.chainOf(t, f.Type, tag)
		if !ok {
			return nil, false
		}
		if ch == nil {
			continue // nothing to check, nothing to walk
		}
		name := jsonName(f)
		if name == "" {
			name = f.Name
		}
		p.fields = append(p.fields, planField{index: i, name: name, chain: ch})
	}
	return p, true
}

// chainOf compiles the tags of a field (or element) of type ft in struct
// type parent. It returns nil, true when there is nothing to do.
func (c *planCompiler) chainOf(parent, ft reflect.Type, tag string) (*chain, bool) {
	kind := ft.Kind()
	switch kind {
	case reflect.Pointer, reflect.Interface, reflect.Invalid, reflect.UnsafePointer:
		return nil, false
	}
	ch := &chain{kind: kind}
	var parts []string
	if tag != "" {
		parts = strings.Split(tag, ",")
	}
	for i, name := range parts {
		tagName, param, hasParam := strings.Cut(name, "=")
		o := op{tag: tagName, param: param, sibling: -1}
		switch {
		case tagName == "omitempty" && !hasParam:
			o.kind = opOmitEmpty
		case tagName == "required" && !hasParam:
			o.kind = opRequired
		case (tagName == "min" || tagName == "max") && hasParam:
			n, ok := sizeParam(ft, param)
			if !ok {
				return nil, false
			}
			o.kind, o.n = opMin, n
			if tagName == "max" {
				o.kind = opMax
			}
		case tagName == "dive" && !hasParam:
			if kind != reflect.Slice && kind != reflect.Array {
				return nil, false
			}
			el, ok := c.chainOf(parent, ft.Elem(), strings.Join(parts[i+1:], ","))
			if !ok {
				return nil, false
			}
			ch.dive = el
			if len(ch.ops) == 0 && el == nil {
				return nil, true
			}
			return ch, true
		case hasParam || kind != reflect.String:
			return nil, false
		case tagName == TagCertNumber:
			o.kind, o.sibling = opCertNumber, siblingIndex(parent, "CertType", reflect.String)
		case tagName == TagHomeURL:
			o.kind, o.sibling = opHomeURL, siblingIndex(parent, "Domains", reflect.Slice)
		default:
			check, ok := tagChecks[tagName]
			if !ok {
				return nil, false
			}
			o.kind, o.check = opCheck, check
		}
		ch.ops = append(ch.ops, o)
	}
	if kind == reflect.Struct && !ft.ConvertibleTo(reflect.TypeFor[time.Time]()) {
		p, ok := c.structPlan(ft)
		if !ok {
			return nil, false
		}
		ch.nested = p
	}
	if len(ch.ops) == 0 && ch.nested == nil {
		return nil, true
	}
	return ch, true
}

// sizeParam parses the parameter of min or max for a field of type t as
// validator does (strconv.ParseInt with base 0); false for kinds the plan
// leaves to validator.
func sizeParam(t reflect.Type, param string) (int64, bool) {
	switch t.Kind() {
	case reflect.String, reflect.Slice, reflect.Array, reflect.Map,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if t.PkgPath() == "time" { // time.Duration takes duration parameters
			return 0, false
		}
		n, err := strconv.ParseInt(param, 0, 64)
		return n, err == nil
	}
	return 0, false
}

// siblingIndex returns the index of the field name of kind k in struct type
// t, or -1, as validator's tag functions find it (FieldByName).
func siblingIndex(t reflect.Type, name string, k reflect.Kind) int {
	f, ok := t.FieldByName(name)
	if !ok || len(f.Index) != 1 || f.Type.Kind() != k {
		return -1
	}
	return f.Index[0]
}

// fieldFail is one field error, from the plan's walk or from a
// validator.FieldError.
type fieldFail struct {
	tag, param string
	kind       reflect.Kind
	path       string        // JSON path: "websites[0].domains[1]"
	parent     reflect.Value // the struct holding the field, for cn_cert_number and icp_home_url
	value      string        // the value, when of a string kind
}

// pathSeg is one step of the path being walked: a field name, or an index
// (name "").
type pathSeg struct {
	name string
	idx  int
}

// walker walks one value by its plan.
type walker struct {
	m     *memo
	path  []pathSeg
	fails []fieldFail
	buf   [8]pathSeg
}

func (w *walker) pathString() string {
	var b strings.Builder
	for i, s := range w.path {
		if s.name == "" {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.idx))
			b.WriteByte(']')
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.name)
	}
	return b.String()
}

func (w *walker) structFields(p *plan, v reflect.Value) {
	for i := range p.fields {
		f := &p.fields[i]
		if f.embed != nil {
			w.structFields(f.embed, v.Field(f.index))
			continue
		}
		w.path = append(w.path, pathSeg{name: f.name})
		w.field(f.chain, v.Field(f.index), v)
		w.path = w.path[:len(w.path)-1]
	}
}

// field checks one field (or element) against its chain; parent is the
// struct that holds it.
func (w *walker) field(c *chain, v, parent reflect.Value) {
	for i := range c.ops {
		o := &c.ops[i]
		switch o.kind {
		case opOmitEmpty:
			if !hasValue(c.kind, v) {
				return
			}
			continue
		case opRequired:
			if hasValue(c.kind, v) {
				continue
			}
		case opMin, opMax:
			if sizeOK(c.kind, v, o) {
				continue
			}
		case opCheck:
			if o.check(w.m, v.String()) == nil {
				continue
			}
		case opCertNumber:
			t := ""
			if o.sibling >= 0 {
				t = parent.Field(o.sibling).String()
			}
			if certNumberCheck(w.m, CertType(t), v.String()) == nil {
				continue
			}
		case opHomeURL:
			var domains reflect.Value
			if o.sibling >= 0 {
				domains = parent.Field(o.sibling)
			}
			if homeURLCheck(w.m, domains, v.String()) == nil {
				continue
			}
		}
		w.fail(o, c.kind, v, parent)
		return
	}
	if c.dive != nil {
		for i, n := 0, v.Len(); i < n; i++ {
			w.path = append(w.path, pathSeg{idx: i})
			w.field(c.dive, v.Index(i), parent)
			w.path = w.path[:len(w.path)-1]
		}
		return
	}
	if c.nested != nil {
		w.structFields(c.nested, v)
	}
}

func (w *walker) fail(o *op, kind reflect.Kind, v, parent reflect.Value) {
	ff := fieldFail{tag: o.tag, param: o.param, kind: kind, path: w.pathString()}
	if o.kind == opCertNumber || o.kind == opHomeURL {
		ff.parent = parent
	}
	if kind == reflect.String {
		ff.value = v.String()
	}
	w.fails = append(w.fails, ff)
}

// hasValue is validator's hasValue for a field that is not a pointer.
func hasValue(k reflect.Kind, v reflect.Value) bool {
	switch k {
	case reflect.String:
		return v.Len() != 0
	case reflect.Slice, reflect.Map:
		return !v.IsNil()
	case reflect.Bool:
		return v.Bool()
	}
	return !v.IsZero()
}

// sizeOK is validator's min (isGte) and max (isLte) for the kinds the plan
// takes.
func sizeOK(k reflect.Kind, v reflect.Value, o *op) bool {
	var n int64
	switch k {
	case reflect.String:
		s := v.String()
		if o.kind == opMax && int64(len(s)) <= o.n {
			return true // at most as many runes as bytes
		}
		n = int64(utf8.RuneCountInString(s))
	case reflect.Slice, reflect.Array, reflect.Map:
		n = int64(v.Len())
	default:
		n = v.Int()
	}
	if o.kind == opMin {
		return n >= o.n
	}
	return n <= o.n
}

// walkPlan runs the plan of root's type (a struct) over root and returns
// its field errors in validator's order, and false when the type has no
// plan.
func walkPlan(root reflect.Value, m *memo) ([]fieldFail, bool) {
	p := planOf(root.Type())
	if p == nil {
		return nil, false
	}
	w := walker{m: m}
	w.path = w.buf[:0]
	w.structFields(p, root)
	return w.fails, true
}
