package forms

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/beiankit/beian/filing"
)

// Reason thresholds (R-51: "必须填写详细原因"). The guidance says only
// "detailed"; the SDK decides, and documents, that a reason is detailed when,
// after normalisation (NFKC, spaces folded):
//
//   - it has at least MinReasonHan Han characters, or at least
//     MinReasonRunes letters and digits of any script (for reasons written in
//     English or pinyin) — punctuation, symbols and spaces do not count;
//   - it has at least MinReasonDistinct distinct letters/digits/Han
//     characters ("啊啊啊啊啊啊啊啊啊啊" is not a reason);
//   - it is not made only of boilerplate: once the phrases of the boilerplate
//     list ("注销", "无", "不要了", "申请注销", "忘记密码", "个人原因", "测试",
//     "none", ...) are skipped wherever they occur (longest phrase first, in
//     one left-to-right scan of the letters, digits and Han characters), at
//     least 4 letters or Han characters must remain ("注销注销注销注销注销"
//     is not a reason).
//
// "网站已停止运营，服务器合同到期，不再使用该域名" passes;
// "注销", "无", "不要了", "  " and "个人原因，申请注销" do not.
const (
	MinReasonHan      = 10
	MinReasonRunes    = 20
	MinReasonDistinct = 5
)

// boilerplate lists phrases that carry no reason on their own. Longest
// first, so that "申请注销" is removed before "注销".
var boilerplate = func() []string {
	list := []string{
		"注销", "删除", "找回", "无", "没有", "不要了", "不用了", "不需要了", "不需要", "不想要了",
		"申请注销", "申请删除", "申请找回", "注销备案", "删除备案", "注销网站", "注销主体",
		"找回密码", "找回用户名", "忘记密码", "密码忘了", "忘了", "忘记", "丢失", "密码丢失", "丢了",
		"个人原因", "其他原因", "其它原因", "其他", "其它", "原因", "特殊原因", "私人原因", "公司原因", "单位原因",
		"略", "同上", "见附件", "如题", "测试", "请办理", "请尽快办理", "谢谢", "麻烦了", "申请", "备案", "密码",
		"用户名", "网站", "主体", "需要", "想要", "要", "我", "我们", "本人", "本公司", "了", "的", "请",
		"none", "null", "nil", "na", "test", "cancel", "delete", "no", "reason", "xxx", "abc", "asdf",
	}
	slices.SortFunc(list, func(a, b string) int { return len(b) - len(a) })
	return list
}()

// ReasonDetailed reports whether a reason is detailed enough under the rule
// above. It never panics and runs in time linear in len(s) times the
// boilerplate list.
func ReasonDetailed(s string) bool {
	if len(s) > 16*MaxReasonLen {
		s = s[:16*MaxReasonLen] // bounded work; too long is reported separately
	}
	s = filing.NormalizeText(s)
	var buf [256]byte
	kept := buf[:0] // the letters, digits and Han characters, lower-cased
	han, runes := 0, 0
	var distinct [MinReasonDistinct]rune
	nd := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			runes++
		default:
			continue
		}
		r = unicode.ToLower(r)
		if nd < MinReasonDistinct && !slices.Contains(distinct[:nd], r) {
			distinct[nd] = r
			nd++
		}
		kept = utf8.AppendRune(kept, r)
	}
	if han < MinReasonHan && han+runes < MinReasonRunes {
		return false
	}
	if nd < MinReasonDistinct {
		return false
	}
	// Greedy scan: skip every boilerplate phrase (longest first) and count
	// the letters left.
	rest := string(kept)
	n := 0
	for i := 0; i < len(rest); {
		skip := 0
		for _, b := range boilerplate {
			if strings.HasPrefix(rest[i:], b) {
				skip = len(b)
				break
			}
		}
		if skip > 0 {
			i += skip
			continue
		}
		r, size := utf8.DecodeRuneInString(rest[i:])
		if unicode.IsLetter(r) {
			n++
			if n >= 4 {
				return true
			}
		}
		i += size
	}
	return false
}
