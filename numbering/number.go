package numbering

import (
	"strconv"

	"github.com/beiankit/beian/filing/province"
)

// Kind is the kind of a record number.
type Kind uint8

// The kinds of numbers found in site footers and filing records.
const (
	// KindInvalid is the kind of the zero Number.
	KindInvalid Kind = iota
	// KindICPFiling is a non-commercial ICP filing number (ICP备案号):
	// 京ICP备05002571号, 粤ICP备2021012345号-3.
	KindICPFiling
	// KindICPLicence is a commercial ICP licence in its older form
	// (ICP经营许可证): 京ICP证030173号.
	KindICPLicence
	// KindTelecomLicence is a value-added telecom business licence
	// (增值电信业务经营许可证): 京B2-20090059, A2.B1.B2-20090003. Licensed
	// subjects show it in place of an ICP备 number; their websites and apps
	// get suffixes under it (粤B2-20090059-5).
	KindTelecomLicence
	// KindPublicSecurity is a public security filing number (公安联网备案号):
	// 京公网安备11010502030143号 (6-digit area code + 8 digits), or one of its
	// older forms (Number.Legacy, R-87).
	KindPublicSecurity
)

var kindNames = [...]string{"invalid", "icp_filing", "icp_licence", "telecom_licence", "public_security"}

// String returns a stable lower-case name: "icp_filing", "icp_licence",
// "telecom_licence", "public_security" or "invalid".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// ServiceKind is the kind of service a suffixed number identifies. Since
// 工信部信管〔2023〕105号 websites, apps, mini-programs and quick apps share one
// per-subject sequence; a letter after the suffix marks the kind.
type ServiceKind uint8

// Service kinds.
const (
	// ServiceNone: the number is a subject number, with no suffix.
	ServiceNone ServiceKind = iota
	// ServiceWebsite: "-1" (no letter).
	ServiceWebsite
	// ServiceApp: "-2A".
	ServiceApp
	// ServiceMiniProgram: "-3X" (小程序).
	ServiceMiniProgram
	// ServiceQuickApp: "-4K" (快应用).
	ServiceQuickApp
)

var serviceNames = [...]string{"none", "website", "app", "mini_program", "quick_app"}
var serviceLetters = [...]string{"", "", "A", "X", "K"}

// String returns "none", "website", "app", "mini_program" or "quick_app".
func (k ServiceKind) String() string {
	if int(k) < len(serviceNames) {
		return serviceNames[k]
	}
	return "invalid"
}

// Letter returns the letter that marks the kind after the suffix: "" for a
// website (and for ServiceNone), "A", "X" or "K".
func (k ServiceKind) Letter() string {
	if int(k) < len(serviceLetters) {
		return serviceLetters[k]
	}
	return ""
}

// Limits of the number formats.
const (
	// MaxSequence is the largest per-province-year sequence of a 10-digit
	// ICP filing number (six digits after the year).
	MaxSequence = 999999
	// MaxSuffix is the largest service suffix Parse accepts and the
	// allocator issues (six digits; the largest seen in real numbers has four,
	// 粤B2-20090059-1626X).
	MaxSuffix = 999999
	// MinYear and MaxYear bound the four-digit years inside serials.
	MinYear = 2000
	// MaxYear is the last year a four-digit serial may carry.
	MaxYear = 2099
)

// Telecom licence categories (bit set in Number.cats).
const (
	catA1 uint8 = 1 << iota
	catA2
	catB1
	catB2
	catJoint uint8 = 1 << 7 // 合字 prefix
)

var catNames = [...]string{"A1", "A2", "B1", "B2"}

// Number is a parsed record number in canonical form.
//
// Number is a small comparable struct: use == to compare and use it as a map
// key. Two inputs that denote the same number (川ICP备… and 蜀ICP备…, full-width
// digits, stray spaces) parse to equal Numbers. The zero Number is invalid
// and prints as "".
//
// Layout (decided here, stable within a major version): the serial as an
// integer with its digit count (leading zeros matter: 京ICP证040867号), the
// province as an index into filing's table (0 for a nationwide licence), the
// service suffix and its kind, the telecom licence categories, and whether a
// public-security number is in the older bare 备 form.
type Number struct {
	serial uint64
	suffix uint32
	kind   Kind
	prov   uint8 // index+1 into provs; 0 = none
	width  uint8 // digits in the serial
	svc    ServiceKind
	cats   uint8
	short  bool // public security: the older 备 form (浙备3301000000001号)
}

// IsZero reports whether n is the zero (invalid) Number.
func (n Number) IsZero() bool { return n.kind == KindInvalid }

// Kind returns the kind of number.
func (n Number) Kind() Kind { return n.kind }

// Province returns the province of the number's prefix. It reports false for
// nationwide telecom licences (A2.B1.B2-20090003, 合字B1.B2-20130004) and the
// zero Number.
func (n Number) Province() (province.Province, bool) {
	if n.prov == 0 || int(n.prov) > len(provs) {
		return province.Province{}, false
	}
	return provs[n.prov-1].p, true
}

// ProvinceCode returns the two-digit GB/T 2260 code of the province, or "".
func (n Number) ProvinceCode() string {
	if n.prov == 0 || int(n.prov) > len(provs) {
		return ""
	}
	return provs[n.prov-1].p.Code
}

// Year returns the year inside the serial: 2005 for 京ICP备05002571号, 2026 for
// 黔ICP备2026001073号, 2003 for 京ICP证030173号, 2009 for 京B2-20090059. Public
// security numbers carry no year: 0.
func (n Number) Year() int {
	switch n.kind {
	case KindICPFiling:
		if n.width == 8 {
			return 2000 + int(n.serial/1e6)
		}
		return int(n.serial / 1e6)
	case KindICPLicence:
		return 2000 + int(n.serial/1e4)
	case KindTelecomLicence:
		return int(n.serial / 1e4)
	}
	return 0
}

// Sequence returns the running number inside the serial after the year (the
// last six digits of an ICP filing serial, the last four of a licence) or,
// for a public security number, the digits after the first six (the area
// code; see Region).
func (n Number) Sequence() int {
	switch n.kind {
	case KindICPFiling:
		return int(n.serial % 1e6)
	case KindICPLicence, KindTelecomLicence:
		return int(n.serial % 1e4)
	case KindPublicSecurity:
		return int(n.serial % pow10[n.width-6])
	}
	return 0
}

// Serial returns the serial digits as printed (with leading zeros).
func (n Number) Serial() string {
	if n.kind == KindInvalid {
		return ""
	}
	var b [20]byte
	return string(appendPadded(b[:0], n.serial, int(n.width)))
}

// Region returns the six-digit administrative region code of a public
// security number ("110105" in 京公网安备11010502030143号), else "". For a
// Legacy number it is the first six digits, which are not checked (R-87:
// older forms are accepted unvalidated).
func (n Number) Region() string {
	if n.kind != KindPublicSecurity {
		return ""
	}
	var b [6]byte
	return string(appendPadded(b[:0], n.serial/pow10[n.width-6], 6))
}

// Categories returns the business categories of a telecom licence in
// canonical order joined by dots ("B2", "A2.B1.B2"), else "".
func (n Number) Categories() string {
	if n.kind != KindTelecomLicence {
		return ""
	}
	return string(appendCats(nil, n.cats))
}

// Joint reports whether a telecom licence carries the 合字 prefix (licences of
// Sino-foreign joint enterprises issued by the Ministry: 合字B1.B2-20130004).
func (n Number) Joint() bool { return n.kind == KindTelecomLicence && n.cats&catJoint != 0 }

// Suffix returns the service suffix (3 in 粤ICP备2021012345号-3), or 0 for a
// subject number.
func (n Number) Suffix() int { return int(n.suffix) }

// Service returns the kind of service the suffix identifies, or
// ServiceNone for a subject number.
func (n Number) Service() ServiceKind { return n.svc }

// IsSubject reports whether n is a valid number without a service suffix.
func (n Number) IsSubject() bool { return n.kind != KindInvalid && n.suffix == 0 }

// Subject returns the subject number: n without its service suffix.
func (n Number) Subject() Number {
	n.suffix = 0
	n.svc = ServiceNone
	return n
}

// WithService returns the number of the suffix-th service of kind k under the
// subject n: NewFilingNumber(...).WithService(ServiceApp, 2) is …号-2A. n
// must be a subject number of a kind that takes suffixes (ICP filing, ICP
// licence, telecom licence); suffix must be 1..MaxSuffix.
func (n Number) WithService(k ServiceKind, suffix int) (Number, error) {
	switch {
	case !n.IsSubject() || n.kind == KindPublicSecurity:
		return Number{}, &AllocError{Code: CodeNotSubject, Detail: n.String(), Err: CodeNotSubject}
	case k < ServiceWebsite || k > ServiceQuickApp:
		return Number{}, &AllocError{Code: CodeServiceKind, Detail: k.String(), Err: CodeServiceKind}
	case suffix < 1 || suffix > MaxSuffix:
		return Number{}, &AllocError{Code: CodeOutOfRange, Detail: "suffix " + strconv.Itoa(suffix), Err: CodeOutOfRange}
	}
	n.suffix = uint32(suffix)
	n.svc = k
	return n, nil
}

// NewFilingNumber returns the ICP filing subject number of a province (a
// two-digit code, an abbreviation such as "黔" or "贵", or a name) in the
// current 10-digit form: year*1e6+seq (黔ICP备2026001073号 for "52", 2026,
// 1073). year must be MinYear..MaxYear and seq 1..MaxSequence.
func NewFilingNumber(province string, year, seq int) (Number, error) {
	p, ok := lookupProvince(province)
	if !ok {
		return Number{}, &AllocError{Code: CodeProvince, Detail: province, Err: CodeProvince}
	}
	if year < MinYear || year > MaxYear || seq < 1 || seq > MaxSequence {
		return Number{}, &AllocError{Code: CodeOutOfRange, Detail: strconv.Itoa(year) + "/" + strconv.Itoa(seq), Err: CodeOutOfRange}
	}
	return filingNumber(p, year, seq), nil
}

func filingNumber(prov uint8, year, seq int) Number {
	return Number{kind: KindICPFiling, prov: prov, width: 10, serial: uint64(year)*1e6 + uint64(seq)}
}

var pow10 = [...]uint64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// appendPadded appends v in decimal, left-padded with zeros to width digits.
func appendPadded(b []byte, v uint64, width int) []byte {
	var tmp [20]byte
	i := len(tmp)
	for v > 0 || len(tmp)-i < width {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	return append(b, tmp[i:]...)
}

func appendCats(b []byte, cats uint8) []byte {
	first := true
	for i, name := range catNames {
		if cats&(1<<i) == 0 {
			continue
		}
		if !first {
			b = append(b, '.')
		}
		first = false
		b = append(b, name...)
	}
	return b
}

// String returns the canonical form: 京ICP备05002571号-1, 粤ICP备2021012345号-2A,
// 京ICP证030173号, 京B2-20090059, 京公网安备11010502030143号 (an older bare 备
// form keeps its form: 浙备3301000000001号). The prefix is the
// province's canonical abbreviation for that kind of number (ICPAbbr for ICP
// numbers: 蜀ICP备…; the abbreviation seen on real numbers of the kind
// otherwise: 川公网安备…, 川B2-…; see data/abbreviations.json). The zero Number
// prints as "".
func (n Number) String() string {
	if n.kind == KindInvalid {
		return ""
	}
	var buf [64]byte
	return string(n.appendTo(buf[:0]))
}

// AppendText appends the canonical form to b (encoding.TextAppender).
func (n Number) AppendText(b []byte) ([]byte, error) {
	return n.appendTo(b), nil
}

// MarshalText returns the canonical form (encoding.TextMarshaler), so that a
// Number is a JSON string.
func (n Number) MarshalText() ([]byte, error) { return n.appendTo(nil), nil }

// UnmarshalText parses text with Parse; an empty text gives the zero Number.
func (n *Number) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*n = Number{}
		return nil
	}
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*n = v
	return nil
}

func (n Number) appendTo(b []byte) []byte {
	if n.kind == KindInvalid {
		return b
	}
	if n.prov != 0 && int(n.prov) <= len(provs) {
		b = append(b, provs[n.prov-1].out[n.kind]...)
	}
	switch n.kind {
	case KindICPFiling:
		b = append(b, "ICP备"...)
		b = appendPadded(b, n.serial, int(n.width))
		b = append(b, "号"...)
	case KindICPLicence:
		b = append(b, "ICP证"...)
		b = appendPadded(b, n.serial, int(n.width))
		b = append(b, "号"...)
	case KindTelecomLicence:
		if n.cats&catJoint != 0 {
			b = append(b, "合字"...)
		}
		b = appendCats(b, n.cats)
		b = append(b, '-')
		b = appendPadded(b, n.serial, int(n.width))
	case KindPublicSecurity:
		if n.short {
			b = append(b, "备"...)
		} else {
			b = append(b, "公网安备"...)
		}
		b = appendPadded(b, n.serial, int(n.width))
		b = append(b, "号"...)
	}
	if n.suffix != 0 {
		b = append(b, '-')
		b = strconv.AppendUint(b, uint64(n.suffix), 10)
		b = append(b, n.svc.Letter()...)
	}
	return b
}
