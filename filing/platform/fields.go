package platform

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Field is one row of a platform's field table: a field of the platform's
// payload, where it comes from in the SDK, and its Chinese label.
type Field struct {
	// Payload is the field's path in the platform's JSON, slices written
	// "[]": "icp_applets.base_info.nrlx_details[].code".
	Payload string `json:"payload"`
	// SDK is the JSON path of the field in the SDK's input ("subject.name",
	// "apps[#].service_content", "media.certificate_photo"); "#" stands for
	// the app's index. Empty for a field the adapter leaves unmapped.
	SDK string `json:"sdk,omitempty"`
	// Label is the field's Chinese label, as the platform's table names it.
	Label string `json:"label"`
	// Aliases are other Chinese names the platform's rejections use for
	// the field (audit_data key_name).
	Aliases []string `json:"aliases,omitempty"`
	// Unmapped says why the adapter deliberately does not map the field.
	Unmapped string `json:"unmapped,omitempty"`
}

// Fields is a platform's field table, loaded from its embedded JSON (with
// source and compiled date). It is read-only and safe for concurrent use.
type Fields struct {
	Source   string  `json:"source"`
	Compiled string  `json:"compiled"`
	Rows     []Field `json:"fields"`

	byPayload map[string]int
	byLabel   map[string]int
}

// LoadFields reads a field table. It fails on a table whose rows repeat a
// payload path or neither map nor say why not: a defect of the table.
func LoadFields(data []byte) (*Fields, error) {
	var f Fields
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, err
	}
	f.byPayload = map[string]int{}
	f.byLabel = map[string]int{}
	for i, r := range f.Rows {
		if _, dup := f.byPayload[r.Payload]; dup {
			return nil, fmt.Errorf("platform: field %s listed twice", r.Payload)
		}
		if (r.SDK == "") == (r.Unmapped == "") {
			return nil, fmt.Errorf("platform: field %s must have exactly one of sdk and unmapped", r.Payload)
		}
		f.byPayload[r.Payload] = i
		for _, l := range append([]string{r.Label}, r.Aliases...) {
			if _, dup := f.byLabel[l]; !dup && l != "" {
				f.byLabel[l] = i
			}
		}
	}
	return &f, nil
}

var index = regexp.MustCompile(`\[\d*\]`)

// ByPayload returns the row of a payload path as a platform's rejection
// names it ("icp_subject.principal_info.certificate_photo_front",
// "icp_applets.base_info.nrlx_details[1].code"; indexes are ignored).
func (f *Fields) ByPayload(path string) (Field, bool) {
	i, ok := f.byPayload[index.ReplaceAllString(strings.TrimSpace(path), "[]")]
	if !ok {
		return Field{}, false
	}
	return f.Rows[i], true
}

// ByLabel returns the row whose label or alias is the Chinese field name a
// platform's audit answer gives.
func (f *Fields) ByLabel(label string) (Field, bool) {
	i, ok := f.byLabel[strings.TrimSpace(label)]
	if !ok {
		return Field{}, false
	}
	return f.Rows[i], true
}

// SDKPath returns the row's SDK path for the app at index app ("apps[#]"
// becomes "apps[2]"); "" for an unmapped row.
func (r Field) SDKPath(app int) string {
	return strings.ReplaceAll(r.SDK, "#", strconv.Itoa(app))
}
