package conflict

import (
	"fmt"

	"github.com/beiankit/beian/filing"
)

// Error is a failure of an Index operation that is not about one input field:
// a record that is not in the index, a record number that belongs to another
// certificate, a JSONL line that does not decode. It has a stable Code, a
// Chinese message for end users and an English one for developers, and it
// matches the package sentinels with errors.Is (by Code).
type Error struct {
	// Code is the stable code, e.g. "conflict.not_found".
	Code string `json:"code"`
	// Zh is the message for end users, in Chinese.
	Zh string `json:"zh"`
	// En is the message for developers, in English.
	En string `json:"en"`
	// Line is the 1-based input position (JSONL line or record ordinal in
	// Load) the error belongs to, or 0.
	Line int `json:"line,omitempty"`
	// Err is the underlying error, if any (a *filing.ValidationError for a
	// record that fails its checks, a JSON syntax error, ...).
	Err error `json:"-"`
}

// Error returns "code: english message" (with the position and the cause
// when known).
func (e *Error) Error() string {
	s := e.Code + ": " + e.En
	if e.Line > 0 {
		s = fmt.Sprintf("%s (record %d)", s, e.Line)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// ErrorCode returns the stable code.
func (e *Error) ErrorCode() string { return e.Code }

// MessageZh returns the Chinese message for end users.
func (e *Error) MessageZh() string { return e.Zh }

// MessageEn returns the English message for developers.
func (e *Error) MessageEn() string { return e.En }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is matches another *Error with the same Code, so the sentinels below work
// with errors.Is.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

// Sentinel errors. Compare with errors.Is; the errors returned carry the
// record number or position in their messages.
var (
	// ErrNotFound: the record number or certificate asked about is not in the
	// index (never filed, cancelled, or removed).
	ErrNotFound = &Error{Code: "conflict.not_found", Zh: "未找到该备案信息（可能从未备案或已注销）", En: "no such record in the index"}
	// ErrNumberTaken: Put of a record whose subject number belongs to a record
	// with another certificate while the record's own certificate is on a
	// third record. Which one is right is for a person to decide.
	ErrNumberTaken = &Error{Code: "conflict.number_taken", Zh: "该主体备案号已属于证件不同的另一条备案信息", En: "the subject number belongs to another record with a different certificate"}
	// ErrBadRecord: a record fails its checks; Err is the
	// *filing.ValidationError listing every problem.
	ErrBadRecord = &Error{Code: "conflict.bad_record", Zh: "备案记录数据有误", En: "record fails its checks"}
	// ErrBadInput: a JSONL line does not decode.
	ErrBadInput = &Error{Code: "conflict.bad_input", Zh: "备案数据格式不正确", En: "input does not decode"}
	// ErrBadQuery: a public query with an unknown field or an empty value.
	ErrBadQuery = &Error{Code: "conflict.bad_query", Zh: "查询条件不正确", En: "bad query"}
)

// errorf returns a copy of a sentinel with messages extended by details.
func errorf(base *Error, zh, en string, cause error) *Error {
	e := *base
	if zh != "" {
		e.Zh = base.Zh + "：" + zh
	}
	if en != "" {
		e.En = base.En + ": " + en
	}
	e.Err = cause
	return &e
}

// Field problem codes of this package. They are filing.Code values (so a
// *filing.Problem can carry them at a field path inside a
// *filing.ValidationError, next to the domain problems of package filing)
// but they are defined here, by the package that owns them.
const (
	// CodeDomainDuplicate: the same domain twice in one filing or record, or
	// one registrable domain in two websites of one filing.
	CodeDomainDuplicate filing.Code = "conflict.domain_duplicate"
	// CodeProvinceUnknown: the province is not a GB/T 2260 province code of
	// the 31 bureaus.
	CodeProvinceUnknown filing.Code = "conflict.province_unknown"
	// CodeCertMissing: the subject certificate type or number is empty; the
	// subject cannot be identified.
	CodeCertMissing filing.Code = "conflict.cert_missing"
	// CodeStatusUnknown: a status that is not a filing.Status.
	CodeStatusUnknown filing.Code = "conflict.status_unknown"
	// CodeNumberMissing: an approved record without its record number.
	CodeNumberMissing filing.Code = "conflict.number_missing"
	// CodeWebsiteNumber: a website number that is not under the subject's
	// number, or a website number on a subject without one.
	CodeWebsiteNumber filing.Code = "conflict.website_number"
	// CodeNumberUnknown: a filing names a subject or website number that is
	// not in the index.
	CodeNumberUnknown filing.Code = "conflict.number_unknown"
	// CodeWebsiteNotOwn: a filing names a website number of another subject.
	CodeWebsiteNotOwn filing.Code = "conflict.website_not_own"
	// CodeIPInvalid: an IP address that is not valid.
	CodeIPInvalid filing.Code = "conflict.ip_invalid"
	// CodeTooLarge: more websites, domains or IPs than a record may hold.
	CodeTooLarge filing.Code = "conflict.too_large"
)

// problem builds a *filing.Problem of one of this package's codes.
func problem(code filing.Code, rule, path, label, zh, en string) *filing.Problem {
	return &filing.Problem{Path: path, Label: label, Code: code, Rule: rule, Zh: zh, En: en}
}

// at returns a copy of a filing problem placed at a field path.
func at(err error, path, label string) *filing.Problem {
	if p, ok := err.(*filing.Problem); ok {
		q := *p
		q.Path, q.Label = path, label
		return &q
	}
	return problem(filing.Code("conflict.invalid"), "", path, label, "数据不正确", err.Error())
}

// problemList collects field problems.
type problemList []*filing.Problem

func (l problemList) err() error {
	if len(l) == 0 {
		return nil
	}
	return &filing.ValidationError{Problems: l}
}
