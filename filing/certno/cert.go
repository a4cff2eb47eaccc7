package certno

import (
	"strings"
	"time"

	"github.com/beiankit/beian/filing/personal"
	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/internal/textnorm"
)

// Certificate number checks. Every Check* function takes raw user
// input, normalises it (NormalizeText: NFKC so full-width digits and letters
// become ASCII, white space removed, ASCII letters upper-cased) and checks it
// against its national standard. It returns nil or a *problem.Problem without a Path.
//
// Input longer than certMaxInput bytes is rejected with cert.too_long before
// any normalisation work, so hostile input costs nothing.

// certMaxInput caps raw certificate input, in bytes. An 18-character number
// typed entirely in full-width characters with separators stays well under it
// (18×3 bytes + separators).
const certMaxInput = 128

// Certificate problems common to every type.
var (
	CodeCertEmpty       = codes.Define("cert.empty", "R-09", "证件号码不能为空", "certificate number is empty")
	CodeCertTooLong     = codes.Define("cert.too_long", "R-09", "证件号码过长", "certificate number is too long")
	CodeCertUnknownType = codes.Define("cert.unknown_type", "R-09", "证件类型不正确，请从列表中选择", "unknown certificate type")
	CodeCertFree        = codes.Define("cert.free_format", "R-09", "证件号码含有不允许的字符或过长（最多64个字符）", "certificate number has control characters or is longer than 64 characters")
)

// certCanon returns the canonical form of a certificate number: NFKC, white
// space removed, ASCII letters upper-cased. Input that is already canonical
// (ASCII digits, upper-case letters and hyphens only) is returned as is
// without allocating. A nil *problem.Problem means c may be checked.
func certCanon(s string) (string, *problem.Problem) {
	if len(s) > certMaxInput {
		return "", problem.New(CodeCertTooLong)
	}
	canonical := len(s) > 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || c == '-') {
			canonical = false
			break
		}
	}
	if canonical {
		return s, nil
	}
	t := textnorm.Text(s)
	var b strings.Builder
	b.Grow(len(t))
	for _, r := range t {
		switch {
		case r == ' ':
			continue
		case 'a' <= r && r <= 'z':
			b.WriteByte(byte(r - 'a' + 'A'))
		default:
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "", problem.New(CodeCertEmpty)
	}
	return b.String(), nil
}

// CheckCertNumber checks a certificate number by the number format of its
// type (CertInfo.Format, data/certificates.json), R-09. An unknown type is
// cert.unknown_type. Beyond the format, a residence-permit number (address
// code 810000/820000/830000) is only accepted for the hk_mo_tw_residence
// type and that type only accepts such numbers. For uscc_or_orgcode an
// 18-character number is checked as a credit code, anything else as an
// organisation code. Free-format numbers (no national standard) need 1 to 64
// characters without control characters.
func CheckCertNumber(t CertType, s string) error {
	if _, err := NormalizeCertNumber(t, s); err != nil {
		return err
	}
	return nil
}

// NormalizeCertNumber checks a certificate number like CheckCertNumber and
// returns the canonical form to store: normalised (NFKC, no spaces), letters
// upper-cased, the organisation code in its printed form "XXXXXXXX-C", every
// other standard number without separators.
func NormalizeCertNumber(t CertType, s string) (personal.IDNumber, error) {
	return normalizeCertNumberAt(t, s, nil)
}

// CheckCertNumberAt is CheckCertNumber with resident-ID birth dates checked
// against the instant now instead of the clock (see CheckResidentIDAt).
func CheckCertNumberAt(t CertType, s string, now time.Time) error {
	if _, err := normalizeCertNumberAt(t, s, &now); err != nil {
		return err
	}
	return nil
}

// NormalizeCertNumberAt is NormalizeCertNumber with resident-ID birth dates
// checked against the instant now instead of the clock.
func NormalizeCertNumberAt(t CertType, s string, now time.Time) (personal.IDNumber, error) {
	return normalizeCertNumberAt(t, s, &now)
}

// normalizeCertNumberAt is NormalizeCertNumber as of *now (nil: the clock).
func normalizeCertNumberAt(t CertType, s string, now *time.Time) (personal.IDNumber, error) {
	info := t.info()
	if info == nil {
		return "", problem.New(CodeCertUnknownType)
	}
	if info.Format == FormatFree {
		return normalizeFreeCert(s)
	}
	c, p := certCanon(s)
	if p != nil {
		return "", p
	}
	switch info.Format {
	case FormatResidentID:
		if _, p := checkResidentIDCanon(c, now); p != nil {
			return "", p
		}
		_, permit := certPermitRegion[c[:6]]
		switch {
		case info.Code == CertHKMOTWResidence && !permit:
			return "", problem.New(CodeIDNotPermit)
		case info.Code != CertHKMOTWResidence && permit:
			return "", problem.New(CodeIDPermitNumber)
		}
	case FormatUSCC:
		if _, p := checkUSCCCanon(c); p != nil {
			return "", p
		}
	case FormatOrgCode:
		o, p := checkOrgCodeCanon(c)
		if p != nil {
			return "", p
		}
		c = o
	case FormatUSCCOrOrgCode:
		if len(c) == 18 {
			if _, p := checkUSCCCanon(c); p != nil {
				return "", p
			}
			break
		}
		o, p := checkOrgCodeCanon(c)
		if p != nil {
			return "", p
		}
		c = o
	case FormatHKMOPermit:
		if !hkmoPermitOK(c) {
			return "", problem.New(CodeHKMOPermitFormat)
		}
	case FormatTWPermit:
		if !twPermitOK(c) {
			return "", problem.New(CodeTWPermitFormat)
		}
	case FormatPassport:
		if !passportOK(c) {
			return "", problem.New(CodePassportFormat)
		}
	case FormatForeignPRID:
		if p := checkPRIDCanon(c); p != nil {
			return "", p
		}
	default:
		return "", problem.New(CodeCertUnknownType)
	}
	return personal.IDNumber(c), nil
}

// normalizeFreeCert normalises a number with no national standard (部队代号,
// 办学许可证 ...): NFKC, trimmed, 1 to 64 characters, no control characters.
func normalizeFreeCert(s string) (personal.IDNumber, error) {
	if len(s) > certMaxInput*2 {
		return "", problem.New(CodeCertTooLong)
	}
	t := textnorm.Text(s)
	if t == "" {
		return "", problem.New(CodeCertEmpty)
	}
	n := 0
	for _, r := range t {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\uFFFD' {
			return "", problem.New(CodeCertFree)
		}
		n++
	}
	if n > 64 {
		return "", problem.New(CodeCertFree)
	}
	return personal.IDNumber(t), nil
}
