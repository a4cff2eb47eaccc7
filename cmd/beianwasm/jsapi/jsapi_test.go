package jsapi_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/beiankit/beian/filing/contact"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/cmd/beianwasm/jsapi"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/filingtest"
)

var at = time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)

// call runs Dispatch and decodes its JSON into v.
func call(t *testing.T, method string, args any, v any) {
	t.Helper()
	b, err := json.Marshal(args)
	require.NoError(t, err)
	out := jsapi.Dispatch(method, b)
	require.NoError(t, json.Unmarshal(out, v), string(out))
}

func codes(ps []*filing.Problem) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Path+" "+string(p.Code))
	}
	return out
}

// TestDispatchValidateAgreesOnConformance: the browser's validate gives,
// case by case on the whole conformance corpus, exactly the problems
// filing.Validate gives the server (paths, labels, codes, rules and
// messages), and agrees with the corpus.
func TestDispatchValidateAgreesOnConformance(t *testing.T) {
	cases, err := filingtest.Conformance()
	require.NoError(t, err)
	require.NotEmpty(t, cases)
	for _, c := range cases {
		now := c.Now
		if now.IsZero() {
			now = at
		}
		raw, err := json.Marshal(c.Filing)
		require.NoError(t, err)
		var got jsapi.Result
		call(t, jsapi.MethodValidate, map[string]any{"filing": json.RawMessage(raw), "now": now.Format(time.RFC3339Nano)}, &got)
		serverErr := filing.Validate(c.Filing, filing.WithNow(func() time.Time { return now }))
		var want []*filing.Problem
		var ve *filing.ValidationError
		if errors.As(serverErr, &ve) {
			want = ve.Problems
		} else {
			require.NoError(t, serverErr, c.Name)
		}
		assert.Equal(t, serverErr == nil, got.Valid, c.Name)
		if len(want) == 0 {
			assert.Empty(t, got.Problems, c.Name)
		} else {
			assert.Equal(t, want, got.Problems, c.Name)
		}
		var asErr error
		if !got.Valid {
			asErr = &filing.ValidationError{Problems: got.Problems}
		}
		assert.NoError(t, c.Check(asErr), c.Name)
	}
}

func TestCheckField(t *testing.T) {
	cases := []struct {
		name  string
		field jsapi.Field
		value string
		opts  jsapi.FieldOptions
		code  filing.Code // "" for valid
	}{
		{"mobile", jsapi.FieldMobile, "13800138000", jsapi.FieldOptions{}, ""},
		{"mobile full-width with +86", jsapi.FieldMobile, "+86 １３８ ００１３ ８０００", jsapi.FieldOptions{}, ""},
		{"mobile too short", jsapi.FieldMobile, "138 0013 800", jsapi.FieldOptions{}, contact.CodePhoneMobileFormat},
		{"landline Beijing", jsapi.FieldLandline, "010-12345678", jsapi.FieldOptions{}, ""},
		{"landline 400", jsapi.FieldLandline, "400-810-8888", jsapi.FieldOptions{}, "*"},
		{"e-mail", jsapi.FieldEmail, "zhang.san@example.com", jsapi.FieldOptions{}, ""},
		{"e-mail without @", jsapi.FieldEmail, "zhang.san.example.com", jsapi.FieldOptions{}, "*"},
		{"domain IDN", jsapi.FieldDomain, "例子.中国", jsapi.FieldOptions{}, ""},
		{"domain full-width dot", jsapi.FieldDomain, "example。com", jsapi.FieldOptions{}, ""},
		{"domain unknown TLD", jsapi.FieldDomain, "example.invalidtld", jsapi.FieldOptions{}, "*"},
		{"home URL under domain", jsapi.FieldHomeURL, "https://www.example.com/", jsapi.FieldOptions{Domains: []string{"example.com"}}, ""},
		{"home URL elsewhere", jsapi.FieldHomeURL, "https://example.net/", jsapi.FieldOptions{Domains: []string{"example.com"}}, "*"},
		{"resident ID", jsapi.FieldCertNumber, "11010519491231002X", jsapi.FieldOptions{CertType: "居民身份证"}, ""},
		{"resident ID lower-case x", jsapi.FieldCertNumber, "11010519491231002x", jsapi.FieldOptions{CertType: "居民身份证"}, ""},
		{"resident ID bad checksum", jsapi.FieldCertNumber, "110105194912310021", jsapi.FieldOptions{CertType: "居民身份证"}, "*"},
		{"certificate type unknown", jsapi.FieldCertNumber, "11010519491231002X", jsapi.FieldOptions{CertType: "会员卡"}, "*"},
		{"website name empty", jsapi.FieldWebsiteName, "", jsapi.FieldOptions{}, filing.CodeRequired},
		{"website name", jsapi.FieldWebsiteName, "示例科技官网", jsapi.FieldOptions{}, ""},
		{"unknown field", jsapi.Field("qq"), "12345", jsapi.FieldOptions{}, jsapi.CodeField},
	}
	for _, c := range cases {
		c.opts.Now = at
		r := jsapi.CheckField(c.field, c.value, c.opts)
		switch c.code {
		case "":
			assert.True(t, r.Valid, "%s: %v", c.name, codes(r.Problems))
			assert.Empty(t, r.Problems, c.name)
		case "*":
			assert.False(t, r.Valid, c.name)
			assert.NotEmpty(t, r.Problems, c.name)
		default:
			assert.False(t, r.Valid, c.name)
			if assert.Len(t, r.Problems, 1, c.name) {
				assert.Equal(t, c.code, r.Problems[0].Code, c.name)
			}
		}
		for _, p := range r.Problems {
			assert.NotEmpty(t, p.Zh, c.name)
			assert.NotEmpty(t, p.En, c.name)
		}
	}
}

// TestCheckFieldAgreesWithValidate: a field checked alone with its path
// gives the problem filing.Validate gives at that path in a whole filing.
func TestCheckFieldAgreesWithValidate(t *testing.T) {
	g := filingtest.New(7)
	cases := []struct {
		field jsapi.Field
		path  string
		value string
		set   func(f *filing.Filing, v string)
	}{
		{jsapi.FieldMobile, "subject.principal.mobile", "1380013800", func(f *filing.Filing, v string) { f.Subject.Principal.Mobile = filing.Phone(v) }},
		{jsapi.FieldMobile, "websites[0].principal.mobile", "19900000000x", func(f *filing.Filing, v string) { f.Websites[0].Principal.Mobile = filing.Phone(v) }},
		{jsapi.FieldEmail, "subject.principal.email", "a@@example.com", func(f *filing.Filing, v string) { f.Subject.Principal.Email = filing.Email(v) }},
		{jsapi.FieldLandline, "subject.principal.landline", "0851-1234", func(f *filing.Filing, v string) { f.Subject.Principal.Landline = filing.Phone(v) }},
		{jsapi.FieldDomain, "websites[0].domains[0]", "example.invalidtld", func(f *filing.Filing, v string) { f.Websites[0].Domains[0] = v }},
		{jsapi.FieldWebsiteName, "websites[0].name", "", func(f *filing.Filing, v string) { f.Websites[0].Name = v }},
	}
	for _, c := range cases {
		f := g.Filing(g.Organisation("52"), 1)
		c.set(f, c.value)
		err := filing.Validate(f, filing.WithNow(func() time.Time { return at }))
		var ve *filing.ValidationError
		require.ErrorAs(t, err, &ve, c.path)
		var want []*filing.Problem
		for _, p := range ve.Problems {
			if p.Path == c.path {
				want = append(want, p)
			}
		}
		require.NotEmpty(t, want, c.path)
		r := jsapi.CheckField(c.field, c.value, jsapi.FieldOptions{Path: c.path, Now: at})
		assert.Equal(t, want, r.Problems, c.path)
	}
}

func TestParseNumber(t *testing.T) {
	r := jsapi.ParseNumber("粤ICP备2021012345号－3")
	assert.True(t, r.Valid)
	assert.Equal(t, "粤ICP备2021012345号-3", r.Number)
	assert.Equal(t, "粤ICP备2021012345号", r.Subject)
	assert.Equal(t, "icp_filing", r.Kind)
	assert.Equal(t, "44", r.Province)
	assert.Equal(t, 2021, r.Year)
	assert.Equal(t, 3, r.Suffix)

	ps := jsapi.ParseNumber("京公网安备11010502030143号")
	assert.True(t, ps.Valid)
	assert.Equal(t, "public_security", ps.Kind)
	assert.False(t, ps.Legacy)
	assert.Empty(t, ps.Warnings)

	// the one public-security parser's warnings reach the browser.
	old := jsapi.ParseNumber("浙备3301000000001号")
	assert.True(t, old.Valid)
	assert.True(t, old.Legacy)
	require.Len(t, old.Warnings, 1)
	assert.Equal(t, filing.Code("pubsec.legacy"), old.Warnings[0].Code)
	other := jsapi.ParseNumber("沪公网安备11010802035340号")
	assert.True(t, other.Valid)
	require.Len(t, other.Warnings, 1)
	assert.Equal(t, filing.Code("pubsec.province_mismatch"), other.Warnings[0].Code)

	bad := jsapi.ParseNumber("黔ICP备2026001073")
	assert.False(t, bad.Valid)
	require.NotNil(t, bad.Problem)
	assert.Equal(t, filing.Code("number.missing_hao"), bad.Problem.Code)
	assert.NotEmpty(t, bad.Problem.Zh)
}

func TestCountdown(t *testing.T) {
	from := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC) // a Monday
	var r jsapi.CountdownResult
	call(t, jsapi.MethodCountdown, map[string]string{"rule": "R-22", "from": from.Format(time.RFC3339), "now": from.Format(time.RFC3339)}, &r)
	require.Nil(t, r.Problem)
	assert.Equal(t, "R-22", r.Rule)
	assert.Equal(t, 5, r.Workdays)
	assert.Equal(t, "2026-03-09", r.Due)
	assert.Equal(t, 5, r.Remaining)
	assert.False(t, r.Overdue)

	r = jsapi.Countdown("R-22", from, from.AddDate(0, 0, 10))
	assert.True(t, r.Overdue)
	assert.Equal(t, 3, r.OverdueBy)

	r = jsapi.Countdown("R-99", from, from)
	require.NotNil(t, r.Problem)
	assert.Equal(t, jsapi.CodeDeadline, r.Problem.Code)
}

func TestDispatchRefusesBadCalls(t *testing.T) {
	cases := []struct {
		method, args string
		code         filing.Code
	}{
		{"nope", `{}`, jsapi.CodeMethod},
		{jsapi.MethodValidate, `{"filing":`, jsapi.CodeJSON},
		{jsapi.MethodValidate, `{"filing":{"subject":{"name":12}}}`, jsapi.CodeJSON},
		{jsapi.MethodValidate, `{"filing":{},"now":"yesterday"}`, jsapi.CodeTime},
		{jsapi.MethodCheckField, `{"field":"mobile","value":"13800138000","now":"2026-13-01"}`, jsapi.CodeTime},
		{jsapi.MethodCheckField, `{"field":"fax","value":"1"}`, jsapi.CodeField},
		{jsapi.MethodCountdown, `{"rule":"R-20"}`, jsapi.CodeTime},
		{jsapi.MethodParseNumber, `[1]`, jsapi.CodeJSON},
	}
	for _, c := range cases {
		var r jsapi.Result
		require.NoError(t, json.Unmarshal(jsapi.Dispatch(c.method, []byte(c.args)), &r), c.method)
		assert.False(t, r.Valid, c.args)
		if assert.Len(t, r.Problems, 1, c.args) {
			assert.Equal(t, c.code, r.Problems[0].Code, c.args)
		}
	}
	var r jsapi.Result
	require.NoError(t, json.Unmarshal(jsapi.Dispatch(jsapi.MethodValidate, []byte(`{"filing":null}`)), &r))
	if assert.Len(t, r.Problems, 1) {
		assert.Equal(t, filing.CodeFilingNil, r.Problems[0].Code)
	}
}

// TestDispatchDoesNotEchoTheValue: a JSON error on a field check names
// the byte offset or the field, never the value being typed.
func TestDispatchDoesNotEchoTheValue(t *testing.T) {
	out := string(jsapi.Dispatch(jsapi.MethodCheckField, []byte(`{"field":"mobile","value":13800138000}`)))
	assert.NotContains(t, out, "13800138000")
	assert.Contains(t, out, jsapi.CodeJSON)
}

// FuzzDispatch: any method and arguments give a JSON object, never a
// panic.
func FuzzDispatch(f *testing.F) {
	f.Add(jsapi.MethodValidate, []byte(`{"filing":{"subject":{"province":"黔","cert_type":"居民身份证"}},"draft":true}`))
	f.Add(jsapi.MethodCheckField, []byte(`{"field":"home_url","value":"http://例子。中国","domains":["例子.中国"]}`))
	f.Add(jsapi.MethodParseNumber, []byte(`{"number":"京ICP备05002571号-1"}`))
	f.Add(jsapi.MethodCountdown, []byte(`{"rule":"R-20","from":"2026-02-10T00:00:00+08:00","now":"2027-02-10T00:00:00+08:00"}`))
	f.Fuzz(func(t *testing.T, method string, args []byte) {
		out := jsapi.Dispatch(method, args)
		var m map[string]any
		if err := json.Unmarshal(out, &m); err != nil {
			t.Fatalf("%s %q: output %q is not a JSON object: %v", method, args, out, err)
		}
	})
}

// BenchmarkCheckField: one field check as the user types (the hot path of
// the browser).
func BenchmarkCheckField(b *testing.B) {
	args := []byte(`{"field":"mobile","value":"13800138000","path":"subject.principal.mobile"}`)
	for b.Loop() {
		jsapi.Dispatch(jsapi.MethodCheckField, args)
	}
}

// BenchmarkValidate: a whole filing through Dispatch, JSON in and out.
func BenchmarkValidate(b *testing.B) {
	raw, err := json.Marshal(newFiling(1))
	require.NoError(b, err)
	args, err := json.Marshal(map[string]any{"filing": json.RawMessage(raw)})
	require.NoError(b, err)
	for b.Loop() {
		jsapi.Dispatch(jsapi.MethodValidate, args)
	}
}

// newFiling is a valid generated filing of an organisation in Guizhou
// with two websites.
func newFiling(seed int64) *filing.Filing {
	g := filingtest.New(seed)
	return g.Filing(g.Organisation("52"), 2)
}

// TestCheckFieldAcceptsGeneratedCertificates: the certificate numbers of
// generated subjects, valid by construction, pass the field check with
// their type given as the filing's JSON gives it.
func TestCheckFieldAcceptsGeneratedCertificates(t *testing.T) {
	g := filingtest.New(3)
	for i := 0; i < 20; i++ {
		s := g.Subject()
		r := jsapi.CheckField(jsapi.FieldCertNumber, string(s.CertNumber), jsapi.FieldOptions{CertType: string(s.CertType), Now: at})
		assert.True(t, r.Valid, "%s: %v", s.CertType, codes(r.Problems))
		r = jsapi.CheckField(jsapi.FieldCertNumber, string(s.Principal.CertNumber), jsapi.FieldOptions{CertType: string(s.Principal.CertType), Now: at})
		assert.True(t, r.Valid, "%s: %v", s.Principal.CertType, codes(r.Problems))
	}
}
