package contact

import (
	"strings"

	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/filing/personal"
	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/internal/textnorm"
)

// E-mail address checks: a practical subset of RFC 5321/5322.
//
//   - exactly one "@", no display name ("张三 <a@b.cn>"), no spaces, no
//     quoted local part, no comments;
//   - local part: an ASCII dot-atom (RFC 5322 atext: letters, digits and
//     !#$%&'*+-/=?^_`{|}~, separated by single dots, no leading or trailing
//     dot), at most 64 octets (RFC 5321 §4.5.3.1.1). Internationalised local
//     parts (RFC 6531) are rejected: the filing system's mail relays are not
//     known to support SMTPUTF8;
//   - domain: any name NormalizeDomain accepts (IDN allowed, "。" as a dot,
//     full-width input), stored as lower-case A-labels; IP literals are
//     rejected;
//   - the whole normalised address at most 254 octets (RFC 5321 path limit
//     minus the angle brackets).
//
// The local part keeps its case (RFC 5321 makes it case-sensitive); the
// domain is lower-cased.

// emailMaxInput caps raw e-mail input, in bytes, before any normalisation.
const emailMaxInput = 512

// E-mail problems.
var (
	CodeEmailEmpty     = codes.Define("email.empty", "R-09", "电子邮箱不能为空", "e-mail address is empty")
	CodeEmailTooLong   = codes.Define("email.too_long", "R-09", "电子邮箱地址过长（最多254个字符）", "e-mail address is longer than 254 octets")
	CodeEmailFormat    = codes.Define("email.format", "R-09", "电子邮箱格式不正确，只填写邮箱地址，如“name@example.com”", "e-mail address must be a bare address like name@example.com (no display name, spaces or quotes)")
	CodeEmailAt        = codes.Define("email.at", "R-09", "电子邮箱地址应包含且仅包含一个“@”", "e-mail address must contain exactly one @")
	CodeEmailLocal     = codes.Define("email.local", "R-09", "电子邮箱“@”前的用户名格式不正确", "e-mail local part is not an ASCII dot-atom")
	CodeEmailLocalLong = codes.Define("email.local_too_long", "R-09", "电子邮箱“@”前的用户名过长（最多64个字符）", "e-mail local part is longer than 64 octets")
	CodeEmailDomain    = codes.Define("email.domain", "R-09", "电子邮箱“@”后的域名不正确", "e-mail domain is not a valid domain name")
)

// CheckEmail checks an e-mail address; see NormalizeEmail.
func CheckEmail(s string) error {
	if _, p := normalizeEmail(s); p != nil {
		return p
	}
	return nil
}

// NormalizeEmail checks an e-mail address and returns the form to store:
// trimmed (NFKC, so full-width "＠" and letters are folded), local part as
// typed, domain through NormalizeDomain (lower-case, IDNA A-labels):
// "Zhang.San@例子.中国" gives "Zhang.San@xn--fsqu00a.xn--fiqs8s".
func NormalizeEmail(s string) (personal.Email, error) {
	e, p := normalizeEmail(s)
	if p != nil {
		return "", p
	}
	return personal.Email(e), nil
}

func normalizeEmail(s string) (string, *problem.Problem) {
	if len(s) > emailMaxInput {
		return "", problem.New(CodeEmailTooLong)
	}
	t := textnorm.Text(s)
	if t == "" {
		return "", problem.New(CodeEmailEmpty)
	}
	if strings.ContainsAny(t, " <>\"()[]\\;:,") {
		return "", problem.New(CodeEmailFormat)
	}
	at := strings.IndexByte(t, '@')
	if at < 0 || strings.IndexByte(t[at+1:], '@') >= 0 {
		return "", problem.New(CodeEmailAt)
	}
	local, host := t[:at], t[at+1:]
	if len(local) > 64 {
		return "", problem.New(CodeEmailLocalLong)
	}
	if !emailDotAtom(local) {
		return "", problem.New(CodeEmailLocal)
	}
	if host == "" {
		return "", problem.New(CodeEmailDomain)
	}
	d, err := domain.NormalizeDomain(host)
	if err != nil {
		return "", problem.New(CodeEmailDomain)
	}
	if len(local)+1+len(d) > 254 {
		return "", problem.New(CodeEmailTooLong)
	}
	if d == host { // already canonical: no allocation
		return t, nil
	}
	return local + "@" + d, nil
}

// emailAtext reports whether c is RFC 5322 atext (ASCII only).
func emailAtext(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0
}

// emailDotAtom reports whether s is a non-empty ASCII dot-atom.
func emailDotAtom(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '.' {
			if s[i-1] == '.' {
				return false
			}
			continue
		}
		if !emailAtext(c) {
			return false
		}
	}
	return true
}
