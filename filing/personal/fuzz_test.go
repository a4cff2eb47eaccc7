package personal_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/personal"
)

// The masks (internal/mask.Middle and Email.Masked): an IDNumber keeps at
// most its first 6 and last 4 characters, a Phone its first 3 and last 4,
// and at least a third of the characters are always hidden, so a short value
// shows less; an Email keeps the first character of its local part and its
// domain ("z***@example.com"), and a value without a local part is masked
// like a number that keeps 1 character. The fuzz targets hold every way out
// of the package to those masks: fmt (every verb, through pointers, slices
// and maps), String, an error's message, LogValue, the slog text and JSON
// handlers (top level and in a group), while encoding/json keeps the value.

// personalValue is the method set of IDNumber, Phone and Email.
type personalValue interface {
	fmt.Stringer
	slog.LogValuer
	Raw() string
	Masked() string
}

// runes decodes s as range does, an invalid byte as U+FFFD.
func runes(s string) []rune {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		out = append(out, r)
	}
	return out
}

// requireMiddle checks masked against the rule of internal/mask.Middle for
// raw: masked is raw's first h runes, k asterisks and raw's last t runes,
// with h ≤ head, t ≤ tail and k at least a third of the runes (rounded up);
// a value long enough for the whole mask (head+tail visible runes and a
// third hidden) keeps exactly head and tail. It returns the hidden runes.
func requireMiddle(t *testing.T, raw, masked string, head, tail int) []rune {
	t.Helper()
	r, m := runes(raw), runes(masked)
	n := len(r)
	require.Len(t, m, n, "Masked(%q) = %q: not one rune for one", raw, masked)
	require.True(t, utf8.ValidString(masked), "Masked(%q) = %q: invalid UTF-8", raw, masked)
	if n == 0 {
		return nil
	}
	for h := head; h >= 0; h-- {
		for tl := tail; tl >= 0; tl-- {
			k := n - h - tl
			if k < (n+2)/3 {
				continue
			}
			want := string(r[:h]) + strings.Repeat("*", k) + string(r[n-tl:])
			if masked != want {
				continue
			}
			if head+tail <= n-(n+2)/3 {
				require.Equal(t, head, h, "Masked(%q) = %q: a long value keeps %d runes in front", raw, masked, head)
				require.Equal(t, tail, tl, "Masked(%q) = %q: a long value keeps %d runes at the end", raw, masked, tail)
			}
			return r[h : n-tl]
		}
	}
	t.Fatalf("Masked(%q) = %q: not at most %d+%d runes around a hidden third", raw, masked, head, tail)
	return nil
}

// hidesSomething reports whether the hidden part of a value holds a
// character other than the mask's '*': then the clear value cannot be read
// back from the mask. The callers ask it of valid UTF-8 only: the mask
// writes an invalid byte as U+FFFD, whose encoding may hold that byte
// ("\xbd*" shows as "\ufffd*", which holds "\xbd*" with nothing hidden but
// the '*'); requireMiddle has checked what the mask shows of such values.
func hidesSomething(hidden []rune) bool {
	for _, r := range hidden {
		if r != '*' {
			return true
		}
	}
	return false
}

// logged renders one record with the attributes through the text or the
// JSON handler, without its time.
func logged(json bool, args ...any) string {
	var b bytes.Buffer
	opts := &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
		if len(groups) == 0 && a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}
	var h slog.Handler = slog.NewTextHandler(&b, opts)
	if json {
		h = slog.NewJSONHandler(&b, opts)
	}
	slog.New(h).Info("m", args...)
	return b.String()
}

// requireMaskedEverywhere checks that every way out of the package but
// encoding/json and Raw shows v as its mask, byte for byte, and that
// encoding/json keeps the value.
func requireMaskedEverywhere[T interface {
	personalValue
	~string
}](t *testing.T, v T) {
	t.Helper()
	raw, masked := v.Raw(), v.Masked()
	require.Equal(t, string(v), raw)
	require.Equal(t, masked, v.String())
	require.Equal(t, masked, v.Masked(), "Masked is not stable")

	// %p is left out: fmt prints a non-pointer under %p without calling its
	// methods, the one path no type can mask (see FormatMasked).
	quoted := strconv.Quote(masked)
	for verb, want := range map[string]string{
		"%v": masked, "%s": masked, "%+v": masked, "%d": masked, "%x": masked, "%X": masked,
		"%10s": masked, "%-10v": masked, "%.2s": masked, "%t": masked,
		"%q": quoted, "%#v": quoted, "%+q": quoted, "%#q": quoted,
	} {
		require.Equal(t, want, fmt.Sprintf(verb, v), "fmt %s", verb)
		require.Equal(t, want, fmt.Sprintf(verb, &v), "fmt %s of a pointer", verb)
	}
	require.Equal(t, "["+masked+" "+masked+"]", fmt.Sprint([]T{v, v}))
	require.Equal(t, "map["+masked+":"+masked+"]", fmt.Sprint(map[T]T{v: v}))
	require.Equal(t, "{"+masked+"}", fmt.Sprintf("%v", struct{ V T }{v}))
	require.Equal(t, "{V:"+masked+"}", fmt.Sprintf("%+v", struct{ V T }{v}))
	require.Equal(t, "bad: "+masked, fmt.Errorf("bad: %v", v).Error())
	require.Equal(t, masked, fmt.Sprint(v))
	require.Equal(t, masked+"\n", fmt.Sprintln(v))

	lv := v.LogValue()
	require.Equal(t, slog.KindString, lv.Kind())
	require.Equal(t, masked, lv.String())
	for _, js := range []bool{false, true} {
		require.Equal(t, logged(js, "v", masked), logged(js, "v", v), "slog, JSON %v", js)
		require.Equal(t, logged(js, slog.String("v", masked)), logged(js, slog.Any("v", &v)), "slog pointer, JSON %v", js)
		require.Equal(t, logged(js, slog.Group("g", "v", masked)), logged(js, slog.Group("g", "v", v)), "slog group, JSON %v", js)
		require.Equal(t, logged(js, slog.Group("g", "v", personal.MaskedLogValue([]string{masked}))), logged(js, slog.Group("g", "v", personal.MaskedLogValue([]T{v}))),
			"slog slice, JSON %v", js)
	}

	b, err := json.Marshal(v)
	require.NoError(t, err)
	want, err := json.Marshal(raw)
	require.NoError(t, err)
	require.Equal(t, string(want), string(b), "encoding/json does not keep the value")
	var back T
	require.NoError(t, json.Unmarshal(b, &back))
	if utf8.ValidString(raw) {
		require.Equal(t, v, back, "encoding/json round trip")
	}
}

// FuzzR04_IDNumber: a certificate number prints and logs as its mask
// (first 6 and last 4 of a long number), never in clear when the mask
// hides anything but asterisks; encoding/json keeps it.
func FuzzR04_IDNumber(f *testing.F) {
	for _, s := range []string{
		"11010519491231002X", "110105194912310021", "91350100M000100Y4A", "H12345678", "E12345678",
		"１１０１０５１９４９１２３１００２Ｘ", "11010519491231002Х", "", "1", "12", "1234567890", "**********",
		"\xff\xfe", "身份证号码",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := personal.IDNumber(s)
		hidden := requireMiddle(t, s, v.Masked(), 6, 4)
		if len(runes(s)) == 18 {
			require.Equal(t, string(runes(s)[:6])+"********"+string(runes(s)[14:]), v.Masked())
		}
		if utf8.ValidString(s) && hidesSomething(hidden) {
			require.NotContains(t, v.Masked(), s)
		}
		requireMaskedEverywhere(t, v)
	})
}

// FuzzR04_Phone: a phone number prints and logs as its mask (first 3 and
// last 4 of a mobile), never in clear when the mask hides anything but
// asterisks; encoding/json keeps it.
func FuzzR04_Phone(f *testing.F) {
	for _, s := range []string{
		"13812345678", "+8613812345678", "0851-86832000", "010 1234 5678", "１３８１２３４５６７８",
		"13８12345678", "", "1", "138", "1381234", "*******", "\xff", "١٣٨١٢٣٤٥٦٧٨",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := personal.Phone(s)
		hidden := requireMiddle(t, s, v.Masked(), 3, 4)
		if len(runes(s)) == 11 {
			require.Equal(t, string(runes(s)[:3])+"****"+string(runes(s)[7:]), v.Masked())
		}
		if utf8.ValidString(s) && hidesSomething(hidden) {
			require.NotContains(t, v.Masked(), s)
		}
		requireMaskedEverywhere(t, v)
	})
}

// FuzzR04_Email: an address prints and logs as its first character, "***"
// and its domain, never in clear when its local part has a character
// beyond the first that is not an asterisk; a value without a local part
// is masked as a number keeping one character; encoding/json keeps it.
func FuzzR04_Email(f *testing.F) {
	for _, s := range []string{
		"zhang.san@example.com", "z@example.com", "张三@例子.中国", "ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ",
		"zhаng@example.com", "a@b@c.com", "@example.com", "no-at-sign", "", "@", "**@x", "\xff@x", "a\xff@x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := personal.Email(s)
		masked := v.Masked()
		at := strings.LastIndexByte(s, '@')
		if at <= 0 {
			hidden := requireMiddle(t, s, masked, 1, 0)
			if utf8.ValidString(s) && hidesSomething(hidden) {
				require.NotContains(t, masked, s)
			}
		} else {
			_, size := utf8.DecodeRuneInString(s)
			require.Equal(t, s[:size]+"***"+s[at:], masked)
			if strings.Trim(s[size:at], "*") != "" {
				require.NotContains(t, masked, s)
			}
		}
		requireMaskedEverywhere(t, v)
	})
}

// holder is a type that holds personal data the way package filing's types
// do: LogValue and Format through MaskedLogValue and FormatMasked.
type holder struct {
	Name    string                            `json:"name"`
	ID      personal.IDNumber                 `json:"id"`
	Mobile  personal.Phone                    `json:"mobile"`
	Mail    *personal.Email                   `json:"mail"`
	Others  []personal.Phone                  `json:"others"`
	ByPhone map[personal.Phone]personal.Email `json:"by_phone"`
}

func (h holder) LogValue() slog.Value          { return personal.MaskedLogValue(h) }
func (h holder) Format(f fmt.State, verb rune) { personal.FormatMasked(f, verb, h) }

// plain holds the same data without methods of its own, as a caller's type
// would; MaskAttr masks it for slog, fmt reaches its fields' own methods.
type plain struct {
	ID     personal.IDNumber `json:"id"`
	Mobile personal.Phone    `json:"mobile"`
}

// holderMasked is holder with each value replaced by its mask, as strings.
type holderMasked struct {
	Name    string            `json:"name"`
	ID      string            `json:"id"`
	Mobile  string            `json:"mobile"`
	Mail    *string           `json:"mail"`
	Others  []string          `json:"others"`
	ByPhone map[string]string `json:"by_phone"`
}

// FuzzR04_MaskedLogValue: a struct holding personal data prints (fmt with
// FormatMasked, every verb) and logs (MaskedLogValue, MaskAttr; text and JSON
// handlers) exactly as the same struct holding the masks, and encoding/json
// keeps the values.
func FuzzR04_MaskedLogValue(f *testing.F) {
	f.Add("11010519491231002X", "13812345678", "zhang.san@example.com")
	f.Add("１１０１０５１９４９１２３１００２Ｘ", "１３８１２３４５６７８", "ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ")
	f.Add("", "", "")
	f.Add("\xff", "\"", "\\@\n")
	f.Fuzz(func(t *testing.T, id, phone, email string) {
		mail := personal.Email(email)
		h := holder{Name: "张三", ID: personal.IDNumber(id), Mobile: personal.Phone(phone), Mail: &mail,
			Others: []personal.Phone{personal.Phone(phone)}, ByPhone: map[personal.Phone]personal.Email{personal.Phone(phone): mail}}
		mi, mp, me := h.ID.Masked(), h.Mobile.Masked(), mail.Masked()
		hm := holderMasked{Name: "张三", ID: mi, Mobile: mp, Mail: &me, Others: []string{mp}, ByPhone: map[string]string{mp: me}}

		q := strconv.Quote
		for verb, want := range map[string]string{
			"%v":  "{张三 " + mi + " " + mp + " " + me + " [" + mp + "] map[" + mp + ":" + me + "]}",
			"%s":  "{张三 " + mi + " " + mp + " " + me + " [" + mp + "] map[" + mp + ":" + me + "]}",
			"%+v": "{Name:张三 ID:" + mi + " Mobile:" + mp + " Mail:" + me + " Others:[" + mp + "] ByPhone:map[" + mp + ":" + me + "]}",
			"%q":  `{"张三" ` + q(mi) + " " + q(mp) + " " + q(me) + " [" + q(mp) + "] map[" + q(mp) + ":" + q(me) + "]}",
			"%#v": `personal_test.holder{Name:"张三", ID:` + q(mi) + ", Mobile:" + q(mp) + ", Mail:" + q(me) +
				", Others:[]personal.Phone{" + q(mp) + "}, ByPhone:map[personal.Phone]personal.Email{" + q(mp) + ":" + q(me) + "}}",
		} {
			require.Equal(t, want, fmt.Sprintf(verb, h), "fmt %s", verb)
			require.Equal(t, want, fmt.Sprintf(verb, &h), "fmt %s of a pointer", verb)
		}

		p := plain{ID: h.ID, Mobile: h.Mobile}
		pm := struct {
			ID     string `json:"id"`
			Mobile string `json:"mobile"`
		}{mi, mp}
		require.Equal(t, "{"+mi+" "+mp+"}", fmt.Sprint(p))
		for _, js := range []bool{false, true} {
			require.Equal(t, logged(js, "h", personal.MaskedLogValue(hm)), logged(js, "h", h), "slog, JSON %v", js)
			require.Equal(t, logged(js, "h", personal.MaskedLogValue([]holderMasked{hm})), logged(js, "h", personal.MaskedLogValue([]holder{h})),
				"slog slice, JSON %v", js)
			require.Equal(t, logged(js, "p", personal.MaskedLogValue(pm)), logged(js, personal.MaskAttr(nil, slog.Any("p", p))), "MaskAttr, JSON %v", js)
			require.Equal(t, logged(js, "p", personal.MaskedLogValue(map[string]any{"k": pm})),
				logged(js, personal.MaskAttr(nil, slog.Any("p", map[string]plain{"k": p}))), "MaskAttr map, JSON %v", js)
		}

		b, err := json.Marshal(h)
		require.NoError(t, err)
		var back holder
		require.NoError(t, json.Unmarshal(b, &back))
		if utf8.ValidString(id) && utf8.ValidString(phone) && utf8.ValidString(email) {
			require.Equal(t, h, back, "encoding/json round trip")
		}
	})
}
