package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// MaxJSONSize caps the JSON document Decode reads (64 KiB: a complete form
// with every field at its cap is under 16 KiB).
const MaxJSONSize = 64 << 10

// Decode reads one application as JSON from r, reading at most MaxJSONSize
// bytes. Unknown fields, values of the wrong type, malformed or trailing
// data and oversized input are *filing.Problem errors (form.json.*). Decode
// does not validate the form: call Check.
func Decode(r io.Reader) (*Application, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxJSONSize+1))
	if err != nil {
		return nil, problem(CodeJSONSyntax, "", "", "read: "+err.Error())
	}
	return DecodeBytes(data)
}

// DecodeBytes is Decode for a byte slice.
func DecodeBytes(data []byte) (*Application, error) {
	if len(data) > MaxJSONSize {
		return nil, problem(CodeJSONTooLarge, "", "", MaxJSONSize)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var a Application
	if err := dec.Decode(&a); err != nil {
		return nil, jsonProblem(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, problem(CodeJSONTrailing, "", "")
	}
	return &a, nil
}

// jsonProblem maps an encoding/json error to a problem.
func jsonProblem(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return problem(CodeJSONSyntax, "", "", clip(err.Error(), 200))
	case errors.As(err, &te):
		path := te.Field
		return problem(CodeJSONField, path, labelOf(path), clip(err.Error(), 200))
	}
	return problem(CodeJSONField, "", "", clip(err.Error(), 200))
}

// Encode writes the application as JSON (full personal data: JSON is for
// storage and for the portal, see Application).
func (a *Application) Encode(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	return enc.Encode(a)
}
