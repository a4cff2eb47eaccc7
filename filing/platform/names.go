package platform

import (
	"strings"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
)

// SameName reports whether a platform's list entry names the SDK's entry:
// equal, or equal once the platform's parenthesised note is dropped
// ("营业执照（个人或企业）" is "营业执照"), or the SDK's name ends with the
// platform's (of at least two characters: "工商营业执照" is "营业执照").
// DESIGN: the platforms' lists are answers of their APIs, not hard-coded,
// so entries are matched by their Chinese names.
func SameName(platformName, sdkName string) bool {
	p, s := strings.TrimSpace(platformName), strings.TrimSpace(sdkName)
	if p == "" || s == "" {
		return false
	}
	if p == s {
		return true
	}
	if i := strings.IndexAny(p, "（("); i > 0 {
		p = strings.TrimSpace(p[:i])
	}
	return p == s || (len([]rune(p)) >= 2 && strings.HasSuffix(s, p))
}

// NatureByName returns the SDK's subject nature a platform's list names.
func NatureByName(name string) (filing.Nature, bool) {
	var hit filing.Nature
	n := 0
	for _, info := range filing.Natures() {
		if SameName(name, info.Zh) {
			hit, n = info.Code, n+1
		}
	}
	return hit, n == 1
}

// CertTypeByName returns the SDK's certificate type a platform's list
// names; ok is false when none or several match.
func CertTypeByName(name string) (filing.CertType, bool) {
	var hit filing.CertType
	n := 0
	for _, info := range certno.CertTypes() {
		if SameName(name, info.Zh) {
			hit, n = info.Code, n+1
		}
	}
	return hit, n == 1
}

// PreApprovalByName returns the SDK's pre-approval category a platform's
// list names.
func PreApprovalByName(name string) (filing.PreApprovalCategory, bool) {
	for _, info := range filing.PreApprovalCategories() {
		if SameName(name, info.Zh) {
			return info.Code, true
		}
	}
	return "", false
}
