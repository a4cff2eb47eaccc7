package platform

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/platform/internal/object"
)

// Extra keeps the keys of a platform object that the SDK's struct does not
// declare, with their raw JSON values, so that nothing a platform answers is
// dropped and a payload re-encodes as it came. Its values may hold personal
// data: fmt and log/slog show only its keys; encoding/json writes it
// whole (through the owning struct's MarshalJSON).
type Extra map[string]json.RawMessage

// Keys returns the kept keys, sorted.
func (e Extra) Keys() []string {
	out := make([]string, 0, len(e))
	for k := range e {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// String lists the keys, not the values: "extra{a,b}".
func (e Extra) String() string { return "extra{" + strings.Join(e.Keys(), ",") + "}" }

// Format prints the keys only, for every verb.
func (e Extra) Format(f fmt.State, _ rune) { _, _ = fmt.Fprint(f, e.String()) }

// LogValue logs the keys only.
func (e Extra) LogValue() slog.Value { return slog.StringValue(e.String()) }

// Limits of the answers and payloads the adapters decode: real ones are a
// few kilobytes deep six levels at most.
const (
	MaxBytes = 1 << 20 // 1 MiB
	MaxDepth = 32
)

// CheckSize reports input past MaxBytes or MaxDepth as a CodeAnswerInvalid
// problem, before any decoding.
func CheckSize(data []byte) *filing.Problem {
	if len(data) > MaxBytes {
		return filing.NewProblem(CodeAnswerInvalid, fmt.Sprintf("larger than %d bytes", MaxBytes))
	}
	if object.Depth(data) > MaxDepth {
		return filing.NewProblem(CodeAnswerInvalid, fmt.Sprintf("nested deeper than %d levels", MaxDepth))
	}
	return nil
}

// Unmarshal decodes the JSON object data into the struct v points to,
// keeping undeclared keys in v's Extra field. The adapters' types call it
// from their UnmarshalJSON methods.
func Unmarshal(data []byte, v any) error { return object.Unmarshal(data, v) }

// Marshal encodes the struct v (its declared fields, then its Extra keys in
// sorted order). The adapters' types call it from their MarshalJSON methods.
func Marshal(v any) ([]byte, error) { return object.Marshal(v) }

// UnknownKeys returns a CodeUnknownKey problem for every kept key in v and
// the values it holds, each with the key's path in the platform's answer
// (Problem.Path is empty: the key belongs to no field of the filing; the
// path is in the messages).
func UnknownKeys(v any) []*filing.Problem {
	var out []*filing.Problem
	for _, p := range object.UnknownPaths(v) {
		out = append(out, filing.NewProblem(CodeUnknownKey, p))
	}
	return out
}
