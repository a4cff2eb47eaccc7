package numbering

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/internal/catalog"
)

// Code is the stable, machine-readable identifier of one kind of problem with
// a record number, such as "number.province_unknown". Codes never change
// meaning once released.
//
// Code is problem.Code: one type for the codes of every package, whose Rule,
// MessageZh and MessageEn read the module's one code registry. A Code is an
// error, so it works as a sentinel with errors.Is:
//
//	if errors.Is(err, numbering.CodeMissingHao) { ... }
//
// matches a *ParseError or *AllocError with that code.
type Code = problem.Code

// codes are the codes this package owns, in the module's one registry
// (internal/catalog).
var codes catalog.Set[Code]

// define registers a code of this package with its rule ID and its Chinese
// (end-user) and English (developer) messages, which may hold fmt verbs.
// For package-level variable initialisation only; a code defined twice in
// the module panics.
func define(code, rule, zh, en string) Code { return codes.Define(code, rule, zh, en) }

// Codes returns every code the package defines, sorted.
func Codes() []Code { return codes.Codes() }

// Parse problems.
var (
	CodeEmpty = define("number.empty", "R-40",
		"备案号为空，请填写备案号，例如“京ICP备05002571号-1”",
		"record number is empty")
	CodeInvalidUTF8 = define("number.invalid_utf8", "R-40",
		"备案号含有无法识别的字符，请重新输入",
		"record number is not valid UTF-8")
	CodeProvinceUnknown = define("number.province_unknown", "R-41",
		"备案号格式不正确：开头应为省份简称（如“京”“粤”“黔”）",
		"record number does not start with a known province abbreviation")
	CodeKindUnknown = define("number.kind_unknown", "R-40",
		"备案号格式不正确：省份简称后应为“ICP备”“ICP证”“公网安备”或许可证类别（如“B2-”）",
		"expected ICP备, ICP证, 公网安备 or a licence category (B2-) after the province")
	CodeSerialMissing = define("number.serial_missing", "R-40",
		"备案号格式不正确：缺少数字编号",
		"the serial digits are missing")
	CodeSerialMasked = define("number.serial_masked", "R-40",
		"备案号的编号中含有字母“X”，这通常是遮挡后的示例号码（如“黔ICP备1500041X号”），请填写完整的数字编号",
		"the serial contains a letter X: a masked example number (such as 黔ICP备1500041X号), not a real one")
	CodeSerialLength = define("number.serial_length", "R-40",
		"备案号格式不正确：编号位数不对",
		"the serial has the wrong number of digits for this kind of number")
	CodeSerialYear = define("number.serial_year", "R-40",
		"备案号格式不正确：编号中的年份不合理",
		"the year inside the serial is out of range")
	CodeMissingHao = define("number.missing_hao", "R-40",
		"备案号格式不正确：缺少“号”字",
		"the closing 号 is missing")
	CodeSuffixMisplaced = define("number.suffix_misplaced", "R-40",
		"备案号格式不正确：网站序号应写在“号”字之后，例如“沪ICP备2021527689号-3”",
		"the service suffix must follow 号 (…号-3), not precede it")
	CodeSuffixInvalid = define("number.suffix_invalid", "R-40",
		"备案号格式不正确：“-”后应为从1开始、不以0开头的序号",
		"the service suffix must be a number from 1 without leading zeros")
	CodeSuffixTooLarge = define("number.suffix_too_large", "R-40",
		"备案号格式不正确：网站序号过大",
		"the service suffix is too large")
	CodeSuffixNotAllowed = define("number.suffix_not_allowed", "R-40",
		"公安备案号没有“-序号”后缀",
		"this kind of number takes no service suffix")
	CodeServiceKindUnknown = define("number.service_kind_unknown", "R-42",
		"备案号格式不正确：序号后的字母只能是A（App）、X（小程序）或K（快应用）",
		"the letter after the suffix must be A (app), X (mini-program) or K (quick app)")
	CodeCategoryUnknown = define("number.category_unknown", "R-40",
		"许可证编号格式不正确：业务类别应为A1、A2、B1、B2",
		"the licence category must be A1, A2, B1 or B2")
	// CodeRegionMismatch was Parse's refusal of a public-security number
	// whose area code lies in another province than its abbreviation.
	//
	// Deprecated: Parse accepts such a number since it is the one
	// public-security parser, and Number.Warnings reports
	// CodePSProvinceMismatch for it. The code stays registered, with its
	// meaning, for callers that still match it.
	CodeRegionMismatch = define("number.region_mismatch", "R-41",
		"公安备案号中的地区代码与省份简称不一致",
		"the region code of the public security number is not in the province of its abbreviation")
	CodeTrailingText = define("number.trailing_text", "R-40",
		"备案号后面有多余的内容，请只填写备案号本身",
		"unexpected text after the record number")
)

// Construction and allocation problems.
var (
	CodeSequenceExhausted = define("number.sequence_exhausted", "R-41",
		"本年度该省的备案号序号已用尽，无法再分配新号",
		"the sequence is exhausted: no number can be issued without exceeding its range")
	CodeNotSubject = define("number.not_subject", "R-42",
		"只能在主体备案号下分配网站、App、小程序或快应用序号",
		"service suffixes are allocated under a subject number (no suffix, ICP备, ICP证 or licence kind)")
	CodeServiceKind = define("number.service_kind", "R-42",
		"服务类型不正确：应为网站、App、小程序或快应用",
		"the service kind must be website, app, mini-program or quick app")
	CodeProvince = define("number.province", "R-41",
		"无法识别的省份",
		"unknown province (give a two-digit code, an abbreviation or a name)")
	CodeOutOfRange = define("number.out_of_range", "R-40",
		"备案号的年份或序号超出范围",
		"year or sequence out of range")
)

// ErrSequenceExhausted is returned (wrapped in an *AllocError) when a
// province-year has issued its 999999th subject number or a subject its
// MaxSuffix-th service: the allocator never wraps round or widens a number.
var ErrSequenceExhausted = CodeSequenceExhausted

// ParseError reports why a string is not a record number and where.
//
// It matches its Code with errors.Is. Offset is a byte offset into Input,
// RuneOffset the same position counted in characters (for pointing at the
// place in a form field).
type ParseError struct {
	// Code is the stable code of the problem.
	Code Code
	// Input is the string given to Parse.
	Input string
	// Offset is the byte offset of the offending character in Input
	// (len(Input) when something is missing at the end).
	Offset int
	// RuneOffset is Offset counted in Unicode characters.
	RuneOffset int
}

func newParseError(code Code, input string, off int) *ParseError {
	if off > len(input) {
		off = len(input)
	}
	return &ParseError{Code: code, Input: input, Offset: off, RuneOffset: utf8.RuneCountInString(input[:off])}
}

// Error returns "code: english message (at byte N)".
func (e *ParseError) Error() string {
	return string(e.Code) + ": " + e.Code.MessageEn() + " (at byte " + strconv.Itoa(e.Offset) + ")"
}

// Is reports whether target is the error's Code.
func (e *ParseError) Is(target error) bool {
	c, ok := target.(Code)
	return ok && c == e.Code
}

// ErrorCode returns the stable code.
func (e *ParseError) ErrorCode() string { return string(e.Code) }

// MessageZh returns the Chinese message for end users, with the position
// (counted in characters from 1).
func (e *ParseError) MessageZh() string {
	return fmt.Sprintf("%s（第%d个字符处）", e.Code.MessageZh(), e.RuneOffset+1)
}

// MessageEn returns the English message for developers, with the byte offset.
func (e *ParseError) MessageEn() string {
	return e.Code.MessageEn() + " (at byte " + strconv.Itoa(e.Offset) + ")"
}

// AllocError reports why a number could not be constructed or allocated.
// It matches its Code with errors.Is, and wraps the store's error when the
// store failed.
type AllocError struct {
	// Code is the stable code of the problem; empty when Err is a store or
	// context error.
	Code Code
	// Detail names the thing concerned (a province, a subject number, a key).
	Detail string
	// Err is the underlying error, if any.
	Err error
}

// Error returns "code: english message: detail".
func (e *AllocError) Error() string {
	s := "numbering: "
	if e.Code != "" {
		s += string(e.Code) + ": " + e.Code.MessageEn()
	} else {
		s += "store failed"
	}
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if e.Err != nil && e.Err != error(e.Code) {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (e *AllocError) Unwrap() error { return e.Err }

// Is reports whether target is the error's Code.
func (e *AllocError) Is(target error) bool {
	c, ok := target.(Code)
	return ok && c != "" && c == e.Code
}

// ErrorCode returns the stable code.
func (e *AllocError) ErrorCode() string { return string(e.Code) }

// MessageZh returns the Chinese message for end users.
func (e *AllocError) MessageZh() string {
	if e.Code == "" {
		return "备案号分配失败，请稍后重试"
	}
	return e.Code.MessageZh()
}

// MessageEn returns the English message for developers.
func (e *AllocError) MessageEn() string {
	if e.Code == "" {
		return "allocation failed: " + e.Err.Error()
	}
	return e.Code.MessageEn()
}
