package conflict

import (
	"fmt"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/catalog"
)

// Error is a failure of an Index operation that is not about one input field:
// a record that is not in the index, a record number that belongs to another
// certificate, a JSONL line that does not decode. It carries the Code of one
// of the package sentinels (errors.Is(err, ErrNotFound) matches it), a
// Chinese message for end users and an English one for developers.
type Error struct {
	// Code is the stable code, e.g. "conflict.not_found".
	Code filing.Code `json:"code"`
	// Rule is the rule ID the code belongs to, or "".
	Rule string `json:"rule,omitempty"`
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
	s := string(e.Code) + ": " + e.En
	if e.Line > 0 {
		s = fmt.Sprintf("%s (record %d)", s, e.Line)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// ErrorCode returns the stable code.
func (e *Error) ErrorCode() string { return string(e.Code) }

// MessageZh returns the Chinese message for end users.
func (e *Error) MessageZh() string { return e.Zh }

// MessageEn returns the English message for developers.
func (e *Error) MessageEn() string { return e.En }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether target is the error's Code, so the sentinels below work
// with errors.Is.
func (e *Error) Is(target error) bool {
	c, ok := target.(filing.Code)
	return ok && c == e.Code
}

// codes are the codes this package owns, in the module's one registry
// (internal/catalog).
var codes catalog.Set[filing.Code]

// define registers a code of this package with its rule ID and its Chinese
// (end-user) and English (developer) messages, which may hold fmt verbs.
// For package-level variable initialisation only; a code defined twice in
// the module panics.
func define(code, rule, zh, en string) filing.Code { return codes.Define(code, rule, zh, en) }

// Codes returns every code the package defines, sorted.
func Codes() []filing.Code { return codes.Codes() }

// Sentinel errors: Codes, compared with errors.Is. The errors returned are
// *Error values that carry the record number or position in their messages.
var (
	// ErrNotFound: the record number or certificate asked about is not in the
	// index (never filed, cancelled, or removed).
	ErrNotFound = define("conflict.not_found", "R-33",
		"未找到该备案信息（可能从未备案或已注销）", "no such record in the index")
	// ErrNumberTaken: Put of a record whose subject number belongs to a record
	// with another certificate while the record's own certificate is on a
	// third record. Which one is right is for a person to decide.
	ErrNumberTaken = define("conflict.number_taken", "R-31",
		"该主体备案号已属于证件不同的另一条备案信息", "the subject number belongs to another record with a different certificate")
	// ErrBadRecord: a record fails its checks; Err is the
	// *filing.ValidationError listing every problem.
	ErrBadRecord = define("conflict.bad_record", "",
		"备案记录数据有误", "record fails its checks")
	// ErrBadInput: a JSONL line does not decode.
	ErrBadInput = define("conflict.bad_input", "",
		"备案数据格式不正确", "input does not decode")
	// ErrBadQuery: a public query with an unknown field or an empty value.
	ErrBadQuery = define("conflict.bad_query", "R-33",
		"查询条件不正确", "bad query")
)

// newError returns the *Error of a sentinel at a position, with its cause.
func newError(code filing.Code, line int, cause error) *Error {
	return &Error{Code: code, Rule: code.Rule(), Zh: code.MessageZh(), En: code.MessageEn(), Line: line, Err: cause}
}

// errorf returns the *Error of a sentinel with messages extended by details.
func errorf(code filing.Code, zh, en string, cause error) *Error {
	e := newError(code, 0, cause)
	if zh != "" {
		e.Zh += "：" + zh
	}
	if en != "" {
		e.En += ": " + en
	}
	return e
}

// Field problem codes of this package. They are filing.Code values (so a
// *filing.Problem can carry them at a field path inside a
// *filing.ValidationError, next to the domain problems of package filing)
// but they are defined here, by the package that owns them. A problem's
// messages name the field; the messages registered here are the generic ones.
var (
	// CodeDomainDuplicate: the same domain twice in one filing or record, or
	// one registrable domain in two websites of one filing.
	CodeDomainDuplicate = define("conflict.domain_duplicate", "R-09",
		"同一域名重复填写", "the same domain is given twice")
	// CodeProvinceUnknown: the province is not a GB/T 2260 province code of
	// the 31 bureaus.
	CodeProvinceUnknown = define("conflict.province_unknown", "R-30",
		"省份不正确", "not a province code of the 31 bureaus")
	// CodeCertMissing: the subject certificate type or number is empty; the
	// subject cannot be identified.
	CodeCertMissing = define("conflict.cert_missing", "R-31",
		"缺少主办单位证件类型或号码", "subject certificate type or number is missing")
	// CodeStatusUnknown: a status that is not a filing.Status.
	CodeStatusUnknown = define("conflict.status_unknown", "R-13",
		"备案状态不正确", "not a filing status")
	// CodeNumberMissing: an approved record without its record number.
	CodeNumberMissing = define("conflict.number_missing", "R-40",
		"已通过备案的信息缺少备案号", "an approved record has no record number")
	// CodeWebsiteNumber: a website number that is not under the subject's
	// number, or a website number on a subject without one.
	CodeWebsiteNumber = define("conflict.website_number", "R-40",
		"网站备案号与主体备案号不对应", "the website number is not under the subject number")
	// CodeNumberUnknown: a filing names a subject or website number that is
	// not in the index.
	CodeNumberUnknown = define("conflict.number_unknown", "R-31",
		"未找到该备案号", "the record number is not in the index")
	// CodeWebsiteNotOwn: a filing names a website number of another subject.
	CodeWebsiteNotOwn = define("conflict.website_not_own", "R-13",
		"该网站备案号属于其他主体", "the website number belongs to another subject")
	// CodeIPInvalid: an IP address that is not valid.
	CodeIPInvalid = define("conflict.ip_invalid", "R-33",
		"IP地址格式不正确", "not an IP address")
	// CodeTooLarge: more websites, domains or IPs than a record may hold.
	CodeTooLarge = define("conflict.too_large", "",
		"网站、域名或IP数量过多", "too many websites, domains or IPs in one record")
	// CodeContactKey: a record's contact key that is not the keyed hash
	// ContactKeyer.Stamp writes; a contact itself is refused, so
	// that none reaches a store.
	CodeContactKey = define("conflict.contact_key_format", "R-94",
		"联系方式校验值格式不正确，应由系统生成，不能填写手机号码或电子邮箱本身",
		"a contact key is \"mobile:\" or \"email:\" and 32 lower-case hexadecimal digits (ContactKeyer.Stamp), never the contact itself")
	// CodeInvalid: a field that fails a check of package filing that returns
	// no *filing.Problem of its own.
	CodeInvalid = define("conflict.invalid", "",
		"数据不正确", "invalid value")
)

// problem builds a *filing.Problem of one of this package's codes. An empty
// rule stands for the code's registered rule.
func problem(code filing.Code, rule, path, label, zh, en string) *filing.Problem {
	if rule == "" {
		rule = code.Rule()
	}
	return &filing.Problem{Path: path, Label: label, Code: code, Rule: rule, Zh: zh, En: en}
}

// at returns a copy of a filing problem placed at a field path.
func at(err error, path, label string) *filing.Problem {
	if p, ok := err.(*filing.Problem); ok {
		q := *p
		q.Path, q.Label = path, label
		return &q
	}
	return problem(CodeInvalid, "", path, label, CodeInvalid.MessageZh(), err.Error())
}

// problemList collects field problems.
type problemList []*filing.Problem

func (l problemList) err() error {
	if len(l) == 0 {
		return nil
	}
	return &filing.ValidationError{Problems: l}
}
