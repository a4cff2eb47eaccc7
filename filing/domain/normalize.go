package domain

import (
	"net/netip"
	"strings"

	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/internal/textnorm"
	"golang.org/x/net/idna"
)

// Domain problems found by NormalizeDomain and RegistrableDomain.
var (
	CodeDomainEmpty        = codes.Define("domain.empty", "R-09", "域名不能为空", "domain is empty")
	CodeDomainTooLong      = codes.Define("domain.too_long", "R-09", "域名过长（最多253个字符，每级最多63个字符）", "domain is too long (at most 253 characters, 63 per label)")
	CodeDomainInvalid      = codes.Define("domain.invalid", "R-09", "域名格式不正确", "domain is not a valid IDNA host name")
	CodeDomainIPLiteral    = codes.Define("domain.ip_literal", "R-09", "请填写域名，不能填写IP地址", "an IP address is not a domain")
	CodeDomainPort         = codes.Define("domain.port", "R-09", "域名中不能包含端口号", "domain must not carry a port")
	CodeDomainURL          = codes.Define("domain.url", "R-09", "请只填写域名，不要包含“http://”或路径", "domain must not carry a scheme, path, query or user info")
	CodeDomainWildcard     = codes.Define("domain.wildcard", "R-09", "域名中不能包含通配符“*”", "wildcard domains cannot be filed")
	CodeDomainSingleLabel  = codes.Define("domain.single_label", "R-09", "域名不完整，缺少后缀", "domain needs at least two labels")
	CodeDomainPublicSuffix = codes.Define("domain.public_suffix", "R-09", "该名称是公共后缀（如 com.cn），不是可备案的域名", "the name is a public suffix, not a registrable domain")
)

// NormalizeDomain returns the canonical form of a domain as it is stored and
// compared: NFKC (full-width input), "。" as a label separator (MIIT 公告2018年
// 第7号), surrounding spaces and one trailing dot removed, then IDNA (UTS #46,
// lookup profile) to lower-case A-labels. "例子.中国", "例子。中国" and
// "xn--fsqu00a.xn--fiqs8s" all give "xn--fsqu00a.xn--fiqs8s".
//
// It rejects IP literals, ports, URLs, wildcards, single labels and names
// that break IDNA or DNS length limits, returning a *problem.Problem. Whether the TLD
// may be filed is a separate check.
func NormalizeDomain(s string) (string, error) {
	if len(s) > 1024 {
		return "", problem.New(CodeDomainTooLong)
	}
	if d, ok := fastASCIIDomain(s); ok {
		return d, nil
	}
	if d, ok := foldASCIIDomain(s); ok {
		return d, nil
	}
	if d, ok := fastIDNTLDDomain(s); ok {
		return d, nil
	}
	return normalizeDomainIDNA(s)
}

// normalizeDomainIDNA is NormalizeDomain's general path: NFKC and "。",
// then, unless the folded name is one the fast paths answer, the syntax
// checks and IDNA. Given a name folding leaves as it is, it is the
// general path alone.
func normalizeDomainIDNA(s string) (string, error) {
	in := s
	s = textnorm.Text(s)
	s = strings.ReplaceAll(s, "。", ".")
	if s != in {
		if d, ok := foldedASCIIDomain(s); ok {
			return d, nil
		}
	}
	if s == "" {
		return "", problem.New(CodeDomainEmpty)
	}
	if strings.Contains(s, "://") || strings.ContainsAny(s, "/?#@\\") {
		return "", problem.New(CodeDomainURL)
	}
	if strings.Contains(s, "*") {
		return "", problem.New(CodeDomainWildcard)
	}
	if strings.HasPrefix(s, "[") {
		return "", problem.New(CodeDomainIPLiteral)
	}
	// Only a name ending in a digit or holding a colon can be an IP address
	// (ParseAddr allocates its error for every other name).
	if h := strings.TrimSuffix(s, "."); h != "" && (h[len(h)-1] >= '0' && h[len(h)-1] <= '9' || strings.Contains(h, ":")) {
		if _, err := netip.ParseAddr(h); err == nil {
			return "", problem.New(CodeDomainIPLiteral)
		}
	}
	if strings.Contains(s, ":") {
		return "", problem.New(CodeDomainPort)
	}
	s = strings.TrimSuffix(s, ".")
	ascii, err := idna.Lookup.ToASCII(s)
	if err != nil || ascii == "" {
		return "", problem.New(CodeDomainInvalid)
	}
	return checkDomainShape(ascii)
}

// fastASCIIDomain handles the common case without IDNA: lower-case ASCII
// letters, digits, hyphens and dots, no "xn--" label. It returns ok=false
// whenever the slow path must decide (including every error).
func fastASCIIDomain(s string) (string, bool) {
	labels, ok := ldhLabels(s)
	if !ok || labels < 2 || len(s) > 253 {
		return "", false
	}
	if allDigits(s[strings.LastIndexByte(s, '.')+1:]) {
		return "", false
	}
	return s, true
}

// fastIDNTLDDomain handles an ASCII name under one of the approved Chinese
// TLDs, typed as its U-label or its A-label ("example.中国",
// "example.xn--fiqs8s"): IDNA works label by label, the ASCII labels are
// checked as in fastASCIIDomain and the TLD comes from the table, whose
// U-labels and A-labels were matched through IDNA when it loaded. Anything
// else (a Chinese label before the TLD, upper case, "。") takes the general
// path.
func fastIDNTLDDomain(s string) (string, bool) {
	i := strings.LastIndexByte(s, '.')
	if i <= 0 {
		return "", false
	}
	head, tld := s[:i], s[i+1:]
	a, ok := tlds.idnALabel[tld]
	if !ok {
		if _, ok = tlds.idnULabel[tld]; !ok {
			return "", false
		}
		a = tld
	}
	if _, ok := ldhLabels(head); !ok || len(head)+1+len(a) > 253 {
		return "", false
	}
	if a == tld {
		return s, true
	}
	return head + "." + a, true
}

// ldhLabels checks that s is one or more dot-separated labels of lower-case
// letters, digits and inner hyphens, each of 1 to 63 bytes, with no "--"
// anywhere (so no "xn--" label: IDNA must validate those), and returns how
// many there are. A letter or digit costs one table load and one
// comparison; hyphens and dots are checked where they stand.
func ldhLabels(s string) (int, bool) {
	if s == "" || len(s) > 254 {
		return 0, false
	}
	labels, start := 1, 0
	for i := 0; i < len(s); i++ {
		switch ldhClass[s[i]] {
		case ldhAlnum:
		case ldhHyphen:
			// Not the first byte of a label, not after a hyphen ("--").
			if i == start || s[i-1] == '-' {
				return 0, false
			}
		case ldhDot:
			// A label of 1 to 63 bytes ends here, not in a hyphen, and
			// another follows (a trailing dot: the slow path trims it).
			if i == start || i-start > 63 || s[i-1] == '-' || i == len(s)-1 {
				return 0, false
			}
			start = i + 1
			labels++
		default:
			return 0, false
		}
	}
	if len(s)-start > 63 || s[len(s)-1] == '-' {
		return 0, false
	}
	return labels, true
}

// The classes of ldhClass.
const (
	ldhOther = iota
	ldhAlnum
	ldhHyphen
	ldhDot
)

// ldhClass is the class of each byte for ldhLabels.
var ldhClass = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = ldhAlnum
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = ldhAlnum
	}
	t['-'], t['.'] = ldhHyphen, ldhDot
	return t
}()

// foldASCIIDomain is the fast path for ASCII input in upper or mixed case
// and with one trailing dot ("WWW.Example.COM."): lower-cased and without
// the dot, it is retried on fastASCIIDomain. Anything else (spaces,
// non-ASCII, errors) returns ok=false for the slow path to decide.
func foldASCIIDomain(s string) (string, bool) {
	if s == "" || len(s) > 255 {
		return "", false
	}
	t := strings.TrimSuffix(s, ".")
	upper := false
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case 'A' <= c && c <= 'Z':
			upper = true
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '.':
		default:
			return "", false
		}
	}
	if upper {
		t = strings.ToLower(t)
	}
	if t == s {
		return "", false // nothing to fold: fastASCIIDomain already said no
	}
	return fastASCIIDomain(t)
}

// checkDomainShape applies the DNS limits IDNA's lookup profile leaves out.
func checkDomainShape(ascii string) (string, error) {
	if len(ascii) > 253 {
		return "", problem.New(CodeDomainTooLong)
	}
	labels := 0
	for l := range strings.SplitSeq(ascii, ".") {
		if l == "" {
			return "", problem.New(CodeDomainInvalid)
		}
		if len(l) > 63 {
			return "", problem.New(CodeDomainTooLong)
		}
		labels++
	}
	if labels < 2 {
		return "", problem.New(CodeDomainSingleLabel)
	}
	if allDigits(ascii[strings.LastIndexByte(ascii, '.')+1:]) {
		return "", problem.New(CodeDomainIPLiteral)
	}
	return ascii, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// DomainUnicode returns the display form (U-labels) of a normalised domain:
// "xn--fsqu00a.xn--fiqs8s" gives "例子.中国". A name that does not decode is
// returned unchanged.
func DomainUnicode(ascii string) string {
	// An ASCII name under an approved Chinese TLD: the TLD from the table.
	if i := strings.LastIndexByte(ascii, '.'); i > 0 {
		if u, ok := tlds.idnULabel[ascii[i+1:]]; ok {
			if _, ok := ldhLabels(ascii[:i]); ok {
				return ascii[:i] + "." + u
			}
		}
	}
	u, err := idna.Display.ToUnicode(ascii)
	if err != nil {
		return ascii
	}
	return u
}

// foldedASCIIDomain is the general path's shortcut for a name that
// folding (textnorm.Text, "。") turned into plain ASCII, as the full-width
// letters and "．" Chinese users type do: the fast paths answer it as IDNA
// would (FuzzCheckDomain holds them to it), and folding it again changes
// nothing.
func foldedASCIIDomain(s string) (string, bool) {
	if d, ok := fastASCIIDomain(s); ok {
		return d, true
	}
	return foldASCIIDomain(s)
}
