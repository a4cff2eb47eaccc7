package domain

import (
	"net/netip"
	"net/url"
	"strings"

	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/internal/textnorm"
)

// Home URL (网站首页网址) checks, R-09.
//
// Decisions (the rule only says "http(s), under one of the website's filed
// domains"):
//   - Scheme: http or https. Input without a scheme ("www.example.com", as
//     most ISP forms and the public query show it) is read as http; any
//     other scheme ("javascript:", "ftp://", "data:") is url.scheme.
//   - Host: a domain, never an IP address (url.ip_host); it must be one of
//     the website's domains or a subdomain of one, compared after
//     NormalizeDomain ("WWW.例子.中国" is under "xn--fsqu00a.xn--fiqs8s").
//   - Port: only the scheme's default port (":80" for http, ":443" for
//     https) is accepted, and dropped from the normalised form; any other
//     port is url.port. The filing records the site as reached on the
//     standard ports; a site on another port is still the same filed
//     domain, so the home URL names the standard entry point.
//   - No user info ("http://user:pass@host", a classic phishing form):
//     url.userinfo. No white space inside the URL.
//   - At most HomeURLMaxLen (2048) bytes, before and after normalisation.
//   - Path, query and fragment are kept as typed; a lone "/" path is dropped
//     so "http://example.com/" and "http://example.com" are the same URL.

// HomeURLMaxLen is the longest home URL accepted, in bytes.
const HomeURLMaxLen = 2048

// Home URL problems.
var (
	CodeURLEmpty          = codes.Define("url.empty", "R-09", "网站首页网址不能为空", "home URL is empty")
	CodeURLTooLong        = codes.Define("url.too_long", "R-09", "网站首页网址过长（最多2048个字符）", "home URL is longer than 2048 bytes")
	CodeURLInvalid        = codes.Define("url.invalid", "R-09", "网站首页网址格式不正确，请填写如“www.example.com”或“https://www.example.com/”的网址（不能包含空格）", "home URL does not parse as an http(s) URL")
	CodeURLScheme         = codes.Define("url.scheme", "R-09", "网站首页网址只能以“http://”或“https://”开头", "home URL scheme must be http or https")
	CodeURLUserInfo       = codes.Define("url.userinfo", "R-09", "网站首页网址中不能包含用户名或密码（“@”前的部分）", "home URL must not carry user info")
	CodeURLPort           = codes.Define("url.port", "R-09", "网站首页网址不能使用非标准端口，请去掉“:%s”（仅允许http的80端口和https的443端口）", "home URL uses non-default port %s; only :80 for http and :443 for https are accepted")
	CodeURLHost           = codes.Define("url.host", "R-09", "网站首页网址中的域名格式不正确", "home URL host is not a valid domain name")
	CodeURLIPHost         = codes.Define("url.ip_host", "R-09", "网站首页网址须使用本网站的域名，不能使用IP地址", "home URL host must be a domain, not an IP address")
	CodeURLNotUnderDomain = codes.Define("url.not_under_domain", "R-09", "网站首页网址的域名“%s”不属于本网站填写的域名，请填写本网站域名下的网址", "home URL host %s is not one of the website's domains or a subdomain of one")
)

// CheckHomeURL checks a website's home URL: http or https, a host
// that is one of domains or a subdomain of one (after NormalizeDomain), no
// user info, no port but the scheme's default, at most 2048 bytes. Domains
// that do not normalise are ignored; when none is left the URL cannot be
// under a filed domain (url.not_under_domain). It returns nil or a *problem.Problem.
func CheckHomeURL(raw string, domains []string) error {
	if _, p := (*Memo)(nil).CheckHomeURL(raw, func(host string) bool {
		for _, d := range domains {
			if a, err := NormalizeDomain(d); err == nil && Under(host, a) {
				return true
			}
		}
		return false
	}); p != nil {
		return p
	}
	return nil
}

// NormalizeHomeURL returns the form of a home URL to store and compare:
// NFKC, scheme lower-case (http added when missing), host as lower-case
// A-labels, default port and a lone "/" path dropped:
// " WWW.例子.中国:80/ " gives "http://www.xn--fsqu00a.xn--fiqs8s". It checks
// everything CheckHomeURL checks except the domains.
func NormalizeHomeURL(raw string) (string, error) {
	u, p := (*Memo)(nil).CheckHomeURL(raw, nil)
	if p != nil {
		return "", p
	}
	return u, nil
}

// CheckHomeURL checks raw and returns its normalised form, remembered by m
// (a nil *Memo remembers nothing). under, when not nil, decides whether the
// normalised host is under a filed domain.
func (m *Memo) CheckHomeURL(raw string, under func(host string) bool) (string, *problem.Problem) {
	if host, ok := m.homeURL(raw); ok {
		if under != nil && !under(host) {
			return "", problem.New(CodeURLNotUnderDomain, DomainUnicode(host))
		}
		return raw, nil
	}
	if out, host, ok := fastHomeURL(raw); ok {
		if under != nil && !under(host) {
			return "", problem.New(CodeURLNotUnderDomain, DomainUnicode(host))
		}
		m.rememberURL(out, host)
		return out, nil
	}
	return m.checkHomeURLSlow(raw, under)
}

// fastHomeURL returns the normal form and host of a home URL that is already
// in normal form but for an empty path "/": "http://" or "https://", a
// canonical ASCII domain (fastASCIIDomain), then nothing or a path of RFC
// 3986 unreserved characters and "/" (no query, fragment, port, user info or
// escapes). For such input net/url would give back the same string, so the
// slow path's parsing is skipped; TestR09_FastHomeURLMatchesSlowPath and
// FuzzCheckHomeURL check that both paths agree.
func fastHomeURL(s string) (out, host string, ok bool) {
	rest, found := strings.CutPrefix(s, "https://")
	if !found {
		if rest, found = strings.CutPrefix(s, "http://"); !found {
			return "", "", false
		}
	}
	if len(s) > HomeURLMaxLen {
		return "", "", false
	}
	end := strings.IndexByte(rest, '/')
	if end < 0 {
		end = len(rest)
	}
	host = rest[:end]
	if _, ok := fastASCIIDomain(host); !ok {
		return "", "", false
	}
	path := rest[end:]
	for i := 0; i < len(path); i++ {
		switch c := path[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~', c == '/':
		default:
			return "", "", false
		}
	}
	if path == "/" {
		return s[:len(s)-1], host, true
	}
	return s, host, true
}

// checkHomeURLSlow is checkHomeURL for any input: normalised, parsed with
// net/url and rebuilt.
func (m *Memo) checkHomeURLSlow(raw string, under func(host string) bool) (string, *problem.Problem) {
	if len(raw) > HomeURLMaxLen {
		return "", problem.New(CodeURLTooLong)
	}
	s := textnorm.Text(raw)
	if s == "" {
		return "", problem.New(CodeURLEmpty)
	}
	if len(s) > HomeURLMaxLen {
		return "", problem.New(CodeURLTooLong)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == 0x7f {
			return "", problem.New(CodeURLInvalid)
		}
	}
	switch i := strings.Index(s, "://"); {
	case i > 0:
		switch strings.ToLower(s[:i]) {
		case "http", "https":
		default:
			if isSchemeName(s[:i]) {
				return "", problem.New(CodeURLScheme)
			}
			return "", problem.New(CodeURLInvalid)
		}
	case strings.HasPrefix(s, "//"):
		s = "http:" + s
	default:
		// No "://": "www.example.com/x" or "javascript:alert(1)". A
		// leading name with no dot followed by ':' and a non-digit is a
		// scheme; "example.com:8080" is a host and port.
		if c := strings.IndexByte(s, ':'); c > 0 && isSchemeName(s[:c]) && !strings.Contains(s[:c], ".") &&
			(c+1 == len(s) || s[c+1] < '0' || s[c+1] > '9') {
			return "", problem.New(CodeURLScheme)
		}
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Opaque != "" || u.Host == "" {
		if err == nil && u.Host == "" && u.Opaque == "" && u.User == nil {
			return "", problem.New(CodeURLHost)
		}
		return "", problem.New(CodeURLInvalid)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.User != nil {
		return "", problem.New(CodeURLUserInfo)
	}
	host, port := u.Hostname(), u.Port()
	if strings.HasSuffix(u.Host, ":") {
		return "", problem.New(CodeURLInvalid)
	}
	if port != "" && !(u.Scheme == "http" && port == "80") && !(u.Scheme == "https" && port == "443") {
		return "", problem.New(CodeURLPort, port)
	}
	if strings.HasPrefix(u.Host, "[") {
		return "", problem.New(CodeURLIPHost)
	}
	if h := strings.TrimSuffix(host, "."); h != "" && (h[len(h)-1] >= '0' && h[len(h)-1] <= '9' || strings.Contains(h, ":")) {
		if _, err := netip.ParseAddr(h); err == nil {
			return "", problem.New(CodeURLIPHost)
		}
	}
	a, err := m.Normalize(host)
	if err != nil {
		if asProblem(err).Code == CodeDomainIPLiteral {
			return "", problem.New(CodeURLIPHost)
		}
		return "", problem.New(CodeURLHost)
	}
	if under != nil && !under(a) {
		return "", problem.New(CodeURLNotUnderDomain, DomainUnicode(a))
	}
	u.Host = a
	if u.Path == "/" && u.RawQuery == "" && u.Fragment == "" {
		u.Path, u.RawPath = "", ""
	}
	out := u.String()
	if len(out) > HomeURLMaxLen {
		return "", problem.New(CodeURLTooLong)
	}
	m.rememberURL(out, a)
	return out, nil
}

// isSchemeName reports whether s has the syntax of a URL scheme (RFC 3986:
// a letter, then letters, digits, "+", "-" or ".").
func isSchemeName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}
