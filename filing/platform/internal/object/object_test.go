package object_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/platform/internal/object"
)

type inner struct {
	B     int                        `json:"b,omitempty"`
	Extra map[string]json.RawMessage `json:"-"`
}

func (i *inner) UnmarshalJSON(b []byte) error { return object.Unmarshal(b, i) }
func (i inner) MarshalJSON() ([]byte, error)  { return object.Marshal(i) }

type outer struct {
	A     string                     `json:"a"`
	In    []inner                    `json:"in,omitempty"`
	Extra map[string]json.RawMessage `json:"-"`
}

func (o *outer) UnmarshalJSON(b []byte) error { return object.Unmarshal(b, o) }
func (o outer) MarshalJSON() ([]byte, error)  { return object.Marshal(o) }

// Undeclared keys are kept at every depth and written back after the
// declared ones, sorted.
func ExampleMarshal() {
	var o outer
	_ = json.Unmarshal([]byte(`{"z":true,"a":"x","in":[{"b":1,"new":[1]}],"m":null}`), &o)
	b, _ := json.Marshal(o)
	fmt.Println(string(b))
	fmt.Println(object.UnknownPaths(o))
	// Output:
	// {"a":"x","in":[{"b":1,"new":[1]}],"m":null,"z":true}
	// [in[0].new m z]
}

func TestR95_ObjectMisuseAndEdges(t *testing.T) {
	assert.ErrorIs(t, object.Unmarshal([]byte(`{}`), outer{}), object.ErrNotStruct)
	var n *outer
	assert.ErrorIs(t, object.Unmarshal([]byte(`{}`), n), object.ErrNotStruct)
	_, err := object.Marshal(3)
	assert.ErrorIs(t, err, object.ErrNotStruct)
	b, err := object.Marshal((*outer)(nil))
	require.NoError(t, err)
	assert.Equal(t, "null", string(b))
	var o outer
	require.NoError(t, json.Unmarshal([]byte(`null`), &o))
	assert.Error(t, json.Unmarshal([]byte(`{"a":1}`), &o), "a declared field of the wrong type")
	assert.Error(t, json.Unmarshal([]byte(`[]`), &o))
	// A key given twice keeps its last value, as encoding/json does.
	require.NoError(t, json.Unmarshal([]byte(`{"a":"1","a":"2","A":"3"}`), &o))
	assert.Equal(t, "2", o.A)
	assert.Equal(t, []string{"A"}, object.UnknownPaths(o), "keys match exactly: a differently cased key is kept, not folded")
	o.Extra = map[string]json.RawMessage{"bad": json.RawMessage(`{`)}
	_, err = json.Marshal(o)
	assert.Error(t, err)
	assert.Equal(t, []string{"a", "in[].b"}, object.DeclaredPaths(reflectType()))
}

func reflectType() reflect.Type { return reflect.TypeFor[outer]() }
