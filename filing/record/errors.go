package record

import (
	"fmt"
	"strconv"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/catalog"
)

// codes are the codes this package owns, in the module's one registry
// (internal/catalog).
var codes catalog.Set[filing.Code]

// Codes returns every code the package defines, sorted.
func Codes() []filing.Code { return codes.Codes() }

// ErrSyntax is the code of a line of the export that does not decode
// (malformed transport, not a broken rule: it has no rule ID).
var ErrSyntax = codes.Define("record.syntax", "",
	"备案信息导出文件第%[1]d行格式不正确", "line %[1]d of the record export does not decode")

// DecodeError is a line of the export that does not decode: its 1-based
// line number and encoding/json's error. errors.Is(err, ErrSyntax) matches
// it; errors.As reaches the cause. The stream goes on after it.

type DecodeError struct {
	Line int   `json:"line"`
	Err  error `json:"-"`
}

// Error returns "record.syntax: line N: " and the cause.
func (e *DecodeError) Error() string {
	return string(ErrSyntax) + ": line " + strconv.Itoa(e.Line) + cause(e.Err)
}

// cause returns ": " and err's message, or "" for no error.
func cause(err error) string {
	if err == nil {
		return ""
	}
	return ": " + err.Error()
}

// Unwrap returns the cause.
func (e *DecodeError) Unwrap() error { return e.Err }

// Is reports whether target is ErrSyntax.
func (e *DecodeError) Is(target error) bool {
	c, ok := target.(filing.Code)
	return ok && c == ErrSyntax
}

// ErrorCode returns "record.syntax".
func (e *DecodeError) ErrorCode() string { return string(ErrSyntax) }

// MessageZh returns the message for end users (the line, never the line's
// content, which may hold personal data).
func (e *DecodeError) MessageZh() string { return fmt.Sprintf(ErrSyntax.MessageZh(), e.Line) }

// MessageEn returns the message for developers.
func (e *DecodeError) MessageEn() string { return e.Error() }

// ReadError is a failure of the reader under a Decoder (or a line longer
// than MaxLineBytes: bufio.ErrTooLong) at the 1-based line it was reading.
// It ends the stream. errors.As reaches the reader's error.
type ReadError struct {
	Line int   `json:"line"`
	Err  error `json:"-"`
}

// Error returns "record: reading line N: " and the cause.
func (e *ReadError) Error() string {
	return "record: reading line " + strconv.Itoa(e.Line) + cause(e.Err)
}

// Unwrap returns the cause.
func (e *ReadError) Unwrap() error { return e.Err }
