package douyin

import (
	_ "embed"
	"sync"

	"github.com/beiankit/beian/filing/platform"
)

//go:embed data/fields.json
var fieldsJSON []byte

var fieldTable = sync.OnceValue(func() *platform.Fields {
	f, err := platform.LoadFields(fieldsJSON)
	if err != nil {
		panic("douyin: embedded data/fields.json: " + err.Error()) // build defect, caught by every test run
	}
	return f
})

// Fields returns the field table of submit_record_info: every field of the
// payload with its SDK path and Chinese label, or why it is not mapped.
func Fields() *platform.Fields { return fieldTable() }
