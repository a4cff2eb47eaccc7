package object_test

import (
	"encoding/json"
	"testing"
)

type plainInner struct {
	B int `json:"b,omitempty"`
}

type plainOuter struct {
	A  string       `json:"a"`
	In []plainInner `json:"in,omitempty"`
}

var benchInput = []byte(`{"a":"贵州星辰科技有限公司","in":[{"b":1},{"b":2},{"b":3,"new":[1,2]}],"z":{"k":"v"}}`)

// BenchmarkR95_DecodeKeeping: decoding through the codec that keeps
// undeclared keys; compare with BenchmarkR95_DecodeStd (encoding/json,
// which drops them) for the price of keeping them.
func BenchmarkR95_DecodeKeeping(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var o outer
		if err := json.Unmarshal(benchInput, &o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkR95_DecodeStd is the baseline of BenchmarkR95_DecodeKeeping.
func BenchmarkR95_DecodeStd(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var o plainOuter
		if err := json.Unmarshal(benchInput, &o); err != nil {
			b.Fatal(err)
		}
	}
}
