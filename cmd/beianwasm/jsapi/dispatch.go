package jsapi

import (
	"encoding/json"
	"strings"
	"time"
)

// Methods are the method names Dispatch routes, as the JavaScript wrapper
// calls them.
const (
	MethodValidate    = "validate"    // args: {"filing": {...}, "now": "RFC 3339", "draft": bool}
	MethodCheckField  = "checkField"  // args: {"field": "mobile", "value": "...", "path", "cert_type", "domains", "now"}
	MethodParseNumber = "parseNumber" // args: {"number": "京ICP备05002571号-1"}
	MethodCountdown   = "countdown"   // args: {"rule": "R-20", "from": "RFC 3339", "now": "RFC 3339"}
)

// validateArgs, fieldArgs, numberArgs and countdownArgs are the JSON
// arguments of the methods; unexported, since fieldArgs holds personal
// data (a mobile number being typed) that never leaves the call.
type validateArgs struct {
	Filing json.RawMessage `json:"filing"`
	Now    string          `json:"now"`
	Draft  bool            `json:"draft"`
}

type fieldArgs struct {
	Field    Field    `json:"field"`
	Value    string   `json:"value"`
	Path     string   `json:"path"`
	CertType string   `json:"cert_type"`
	Domains  []string `json:"domains"`
	Now      string   `json:"now"`
}

type numberArgs struct {
	Number string `json:"number"`
}

type countdownArgs struct {
	Rule string `json:"rule"`
	From string `json:"from"`
	Now  string `json:"now"`
}

// Dispatch runs method with its JSON arguments and returns the JSON of the
// result (Result, NumberResult or CountdownResult). A call it cannot run
// (unknown method, arguments that do not decode, a bad time) returns a
// Result with the one problem saying why. It never panics.
func Dispatch(method string, args []byte) []byte {
	if len(args) > MaxArgs {
		return marshal(resultOf(problemOf(CodeTooLarge, MaxArgs)))
	}
	switch method {
	case MethodValidate:
		var a validateArgs
		if r, ok := decode(args, &a); !ok {
			return r
		}
		now, ok := parseTime(a.Now)
		if !ok {
			return marshal(resultOf(problemOf(CodeTime, a.Now)))
		}
		if len(a.Filing) == 0 {
			a.Filing = json.RawMessage("null")
		}
		return marshal(Validate(a.Filing, ValidateOptions{Now: now, Draft: a.Draft}))
	case MethodCheckField:
		var a fieldArgs
		if r, ok := decode(args, &a); !ok {
			return r
		}
		now, ok := parseTime(a.Now)
		if !ok {
			return marshal(resultOf(problemOf(CodeTime, a.Now)))
		}
		return marshal(CheckField(a.Field, a.Value, FieldOptions{Path: a.Path, CertType: a.CertType, Domains: a.Domains, Now: now}))
	case MethodParseNumber:
		var a numberArgs
		if r, ok := decode(args, &a); !ok {
			return r
		}
		return marshal(ParseNumber(a.Number))
	case MethodCountdown:
		var a countdownArgs
		if r, ok := decode(args, &a); !ok {
			return r
		}
		from, ok1 := parseTime(a.From)
		now, ok2 := parseTime(a.Now)
		switch {
		case !ok1 || from.IsZero():
			return marshal(resultOf(problemOf(CodeTime, a.From)))
		case !ok2:
			return marshal(resultOf(problemOf(CodeTime, a.Now)))
		case now.IsZero():
			now = time.Now()
		}
		return marshal(Countdown(a.Rule, from, now))
	}
	return marshal(resultOf(problemOf(CodeMethod, truncate(method, 40))))
}

// decode reads args into v; on failure it returns the JSON of the problem.
func decode(args []byte, v any) ([]byte, bool) {
	if err := json.Unmarshal(args, v); err != nil {
		return marshal(resultOf(problemOf(CodeJSON, jsonError(err)))), false
	}
	return nil, true
}

// parseTime reads an RFC 3339 instant; "" is the zero time.
func parseTime(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}

func marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil { // not reached: the results hold strings, numbers and booleans
		return []byte(`{"valid":false,"problems":[{"code":"js.json","zh":"请求数据格式不正确","en":"result not encodable"}]}`)
	}
	return b
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "")
}
