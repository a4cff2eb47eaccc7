package problem_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"
	"github.com/beiankit/beian/filing/domain"
	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/internal/catalog"
)

// The codes of certno, contact and domain are registered in this test
// binary: messages without verbs, with %s, %d and %[1]q.
var _ = []problem.Code{certno.CodeIDLength, contact.CodePhoneLandNumber, domain.CodeURLPort}

// filled is what New makes of a registered message given one argument: a
// message with a verb is formatted, one without is kept (the argument may
// be the input, which a Chinese message often does not repeat, and fmt
// would append it as "%!(EXTRA string=...)"). A message of two verbs
// given one argument shows fmt's %!d(MISSING): a caller's mistake, not
// New's, which the registered codes' own tests catch.
func filled(msg, arg string) string {
	if !strings.Contains(strings.ReplaceAll(msg, "%%", ""), "%") {
		return msg
	}
	return fmt.Sprintf(msg, arg)
}

// FuzzNew: New and WithPath take any code, argument, path and label without
// panicking, and their output is stable: the same input gives the same
// Problem, its Error is "path: code: english message", it matches its code
// with errors.Is (also inside a ValidationError), WithPath changes a copy,
// and encoding/json round-trips it. A registered code's messages are the
// registry's, filled with the argument where they have a verb (see
// filled); an unregistered code's messages are the code itself.
//
// pick, when not zero, replaces code by one of the registered codes, so that
// the fuzzer reaches every message of the registry.
func FuzzNew(f *testing.F) {
	f.Add("id.length", uint(0), "", "subject.cert_number", "证件号码")
	f.Add("url.port", uint(0), "8080", "websites[0].home_url", "网站首页网址")
	f.Add("phone.landline_number", uint(0), "8", "subject.phone", "")
	f.Add("no.such_code", uint(0), "x", "", "")
	f.Add("", uint(0), "", "", "")
	f.Add("id.length", uint(0), "%s%d%!", "websites[0].domains[1]", "网站域名")
	f.Add("ｉｄ．ｌｅｎｇｔｈ", uint(0), "", "ｐａｔｈ", "")
	f.Add("", uint(7), "\xff", "a\x00b", "\xfe")
	all := catalog.All()
	require.NotEmpty(f, all)
	f.Fuzz(func(t *testing.T, code string, pick uint, arg, path, label string) {
		if pick != 0 {
			code = all[(pick-1)%uint(len(all))]
		}
		c := problem.Code(code)
		e, registered := catalog.Lookup(code)

		bare, p := problem.New(c), problem.New(c, arg)
		require.Equal(t, p, problem.New(c, arg), "New is not stable")
		for _, q := range []*problem.Problem{bare, p} {
			require.Equal(t, c, q.Code)
			require.Empty(t, q.Path)
			require.Empty(t, q.Label)
			require.Equal(t, code, q.ErrorCode())
			require.Equal(t, q.Zh, q.MessageZh())
			require.Equal(t, q.En, q.MessageEn())
			require.Equal(t, code+": "+q.En, q.Error())
			require.ErrorIs(t, q, c)
			require.False(t, errors.Is(q, problem.Code(code+"\x00")), "%v matches another code", q)
			require.False(t, errors.Is(q, errors.New(code)), "%v matches a plain error", q)
		}
		require.Equal(t, code, c.Error())
		if registered {
			require.Equal(t, e.Rule, c.Rule())
			require.Equal(t, e.Zh, c.MessageZh())
			require.Equal(t, e.En, c.MessageEn())
			require.Equal(t, &problem.Problem{Code: c, Rule: e.Rule, Zh: e.Zh, En: e.En}, bare)
			require.Equal(t, e.Rule, p.Rule)
			require.Equal(t, filled(e.Zh, arg), p.Zh)
			require.Equal(t, filled(e.En, arg), p.En)
			if !strings.Contains(arg, "%!(EXTRA") {
				require.NotContains(t, p.Zh, "%!(EXTRA", "the argument shown to the user as fmt's complaint")
				require.NotContains(t, p.En, "%!(EXTRA")
			}
		} else {
			require.Empty(t, c.Rule())
			require.Empty(t, c.MessageZh())
			require.Empty(t, c.MessageEn())
			for _, q := range []*problem.Problem{bare, p} {
				require.Equal(t, &problem.Problem{Code: c, Zh: code, En: code}, q)
			}
		}

		// WithPath: a copy at the path, the original untouched; an empty
		// label keeps the one the problem has.
		before := *p
		q := p.WithPath(path, label)
		require.Equal(t, before, *p, "WithPath changed its receiver")
		require.Equal(t, path, q.Path)
		require.Equal(t, label, q.Label)
		require.Equal(t, p.Zh, q.Zh)
		require.Equal(t, p.En, q.En)
		if path == "" {
			require.Equal(t, p.Error(), q.Error())
		} else {
			require.Equal(t, path+": "+p.Error(), q.Error())
		}
		r := q.WithPath(path+".x", "")
		require.Equal(t, q.Label, r.Label, "an empty label replaced the problem's own")
		require.ErrorIs(t, r, c)

		// ValidationError lists both; Error joins them; At, Has, errors.Is
		// and errors.As find them.
		ve := &problem.ValidationError{Problems: []*problem.Problem{p, q}}
		require.Equal(t, "filing: 2 problems: "+p.Error()+"; "+q.Error(), ve.Error())
		require.Equal(t, ve.Error(), ve.Error())
		require.Equal(t, "filing: "+q.Error(), (&problem.ValidationError{Problems: []*problem.Problem{q}}).Error())
		require.True(t, ve.Has(c))
		require.ErrorIs(t, ve, c)
		var as *problem.Problem
		require.ErrorAs(t, ve, &as)
		require.Same(t, p, as)
		at := ve.At(path)
		if path == "" {
			require.Equal(t, []*problem.Problem{p, q}, at)
		} else {
			require.Equal(t, []*problem.Problem{q}, at)
		}
		require.Len(t, ve.Unwrap(), 2)

		// encoding/json: always valid JSON; the problem comes back as it
		// was when its strings are valid UTF-8 (encoding/json replaces
		// invalid bytes).
		for _, v := range []any{q, ve} {
			b, err := json.Marshal(v)
			require.NoError(t, err)
			require.True(t, json.Valid(b), "%s", b)
			back := reflect.New(reflect.TypeOf(v).Elem()).Interface()
			require.NoError(t, json.Unmarshal(b, back))
			if utf8.ValidString(code) && utf8.ValidString(arg) && utf8.ValidString(path) && utf8.ValidString(label) {
				require.Equal(t, v, back)
			}
		}
	})
}
