package filing

import (
	"strconv"
	"strings"
)

// Warnings: values that do not fail a filing but are worth a second look.
// Hosting platforms publish no AppID format; the SDK compares AppIDs with the
// formats observed in the platforms' own examples and reports a mismatch as
// a warning (app.host_app_id_format), never as a problem of Validate:
//   - WeChat: "wx" + 16 lower-case hex digits (wx5a6c601ca97c8443);
//   - Alipay: 16 digits (2021002163661399);
//   - Douyin: "tt" + 16 hex digits (tt411d37a0de37d565, the open platform's
//     own example), or "tt" + 18 hex digits ending in "01" or "10", the
//     20-character AppIDs of newer mini-programs (observed on published
//     Douyin mini-programs).
//
// Other hosting platforms have no observed format and get no warning.

// AppIDWarning returns a warning when a hosting platform's AppID does not
// look like the AppIDs observed on that platform, or nil. An empty id is
// not warned about (the filing form does not carry the AppID).
func AppIDWarning(host HostPlatform, id string) *Problem {
	if id == "" {
		return nil
	}
	var ok bool
	var zh, en string
	switch host {
	case HostWeChat:
		ok = len(id) == 18 && id[:2] == "wx" && isLowerHex(id[2:])
		zh, en = "wx开头加16位小写十六进制字符", `"wx" + 16 lower-case hex digits`
	case HostAlipay:
		ok = len(id) == 16 && allDigits(id)
		zh, en = "16位数字", "16 digits"
	case HostDouyin:
		ok = len(id) == 18 && id[:2] == "tt" && isHexString(id[2:]) ||
			len(id) == 20 && id[:2] == "tt" && isHexString(id[2:]) && (id[18:] == "01" || id[18:] == "10")
		zh, en = "tt开头加16位十六进制字符（或18位，以01或10结尾）", `"tt" + 16 hex digits (or 18 ending in 01 or 10)`
	default:
		return nil
	}
	if ok {
		return nil
	}
	return problemZhEn(CodeHostAppIDFormat, []any{host.Zh(), zh, id}, []any{host.En(), en, id})
}

// Warnings returns the warnings about a filing (see AppIDWarning, and the
// name warnings of package sitename, R-90/R-91), each at
// its field path with its Chinese label. They never make Validate fail.
// The filing is read in its normalised form; nil gives nil.
func Warnings(f *Filing) []*Problem {
	if f == nil {
		return nil
	}
	var out []*Problem
	for i := range f.Apps {
		a := &f.Apps[i]
		host := HostPlatform(strings.ToLower(strings.TrimSpace(string(a.Host))))
		if w := AppIDWarning(host, strings.TrimSpace(a.HostAppID)); w != nil {
			path := "apps[" + strconv.Itoa(i) + "].host_app_id"
			out = append(out, w.WithPath(path, Label(path)))
		}
	}
	return append(out, nameWarnings(f)...) // R-90, R-91 (validate_names.go)
}

func isLowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isDigit(c) && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func isHexString(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isDigit(c) && (c|0x20 < 'a' || c|0x20 > 'f') {
			return false
		}
	}
	return true
}
