package footer_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/footer"
	"github.com/beiankit/beian/numbering"
)

// recordOf is the record a snippet of number n belongs to: the subject
// number, the province of the number and, for a website number, the
// website number.
func recordOf(t testing.TB, record, ps string) (filing.Subject, filing.Website) {
	n, err := numbering.Parse(record)
	require.NoError(t, err)
	s := filing.Subject{Province: n.ProvinceCode(), Number: n.Subject().String()}
	w := filing.Website{PublicSecurityNumber: ps}
	if !n.IsSubject() {
		w.Number = n.String()
	}
	return s, w
}

// checkSnippet scans and checks html for the record; it returns the
// page, the warnings and the refusal.
func checkSnippet(t testing.TB, html string, s filing.Subject, w filing.Website) (*footer.Page, []*filing.Problem, error) {
	p, err := footer.Scan(strings.NewReader(html), footer.Options{})
	require.NoError(t, err)
	warn, err := footer.Check(p, s, w)
	return p, warn, err
}

func TestR98_SnippetLinksAndPreference(t *testing.T) {
	cases := []struct {
		name, record, ps string
		opts             footer.SnippetOptions
		shown            string // the ICP number displayed
		psShown          string
		psLink           string
	}{
		{name: "Beijing website number", record: "京ICP备05002571号-1", shown: "京ICP备05002571号-1"},
		{name: "Guangdong wants the subject number", record: "粤ICP备2021012345号-3", shown: "粤ICP备2021012345号"},
		{name: "Guangdong overridden", record: "粤ICP备2021012345号-3", opts: footer.SnippetOptions{Prefer: footer.PreferWebsite}, shown: "粤ICP备2021012345号-3"},
		{name: "subject number elsewhere stays", record: "京ICP备05002571号", shown: "京ICP备05002571号"},
		{name: "full-width and spaces canonicalised", record: " 京ＩＣＰ备 ０５００２５７１号－１ ", shown: "京ICP备05002571号-1"},
		{name: "traditional characters", record: "京ICP備05002571號-1", shown: "京ICP备05002571号-1"},
		{name: "2023 app suffix", record: "黔ICP备2026001073号-2A", shown: "黔ICP备2026001073号-2A"},
		{name: "with the public-security number", record: "京ICP备05002571号-1", ps: "京公网安备 １１０１０８０２０３５３４０号",
			shown: "京ICP备05002571号-1", psShown: "京公网安备11010802035340号",
			psLink: "https://beian.mps.gov.cn/#/query/webSearch?code=11010802035340"},
		{name: "class is escaped", record: "京ICP备05002571号-1", opts: footer.SnippetOptions{Class: `x" onmouseover="alert(1)`}, shown: "京ICP备05002571号-1"},
		{name: "same tab", record: "京ICP备05002571号-1", opts: footer.SnippetOptions{SameTab: true}, shown: "京ICP备05002571号-1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			html, err := footer.Snippet(c.record, c.ps, c.opts)
			require.NoError(t, err)
			p, err := footer.Scan(strings.NewReader(html), footer.Options{})
			require.NoError(t, err)
			require.Len(t, p.Numbers, 1, html)
			assert.Equal(t, c.shown, p.Numbers[0].Number.String())
			assert.Equal(t, footer.SystemURL, p.Numbers[0].Link)
			assert.Equal(t, footer.LinkCurrent, p.Numbers[0].Kind)
			if c.psShown == "" {
				assert.Empty(t, p.PublicSecurity)
			} else {
				require.Len(t, p.PublicSecurity, 1, html)
				assert.Equal(t, c.psShown, p.PublicSecurity[0].Number.String())
				assert.Equal(t, c.psLink, p.PublicSecurity[0].Link)
				assert.Equal(t, footer.LinkCurrent, p.PublicSecurity[0].Kind)
			}
			assert.NotContains(t, html, `" onmouseover`)
			assert.Equal(t, !c.opts.SameTab, strings.Contains(html, `target="_blank"`))
			if c.opts.Prefer == "" { // the province's own preference: no warning
				s, w := recordOf(t, c.record, c.ps)
				_, warn, err := checkSnippet(t, html, s, w)
				assert.NoError(t, err)
				assert.Empty(t, warn)
			}
		})
	}
}

func TestR98_SnippetRefuses(t *testing.T) {
	cases := []struct {
		name, record, ps string
		code             filing.Code
	}{
		{"empty", "", "", footer.CodeSnippetNumber},
		{"missing 号", "京ICP备05002571", "", footer.CodeSnippetNumber},
		{"masked serial", "黔ICP备1500041X号", "", footer.CodeSnippetNumber},
		{"markup around", `<b>京ICP备05002571号</b>`, "", footer.CodeSnippetNumber},
		{"licence, not a filing number", "京ICP证030173号", "", footer.CodeSnippetKind},
		{"telecom licence", "京B2-20090059", "", footer.CodeSnippetKind},
		{"public-security number as record", "京公网安备11010802035340号", "", footer.CodeSnippetKind},
		{"legacy public-security number", "浙ICP备05002571号-1", "浙备3301000000001号", footer.CodeSnippetPSNumber},
		{"public-security number, 13 digits", "京ICP备05002571号-1", "京公网安备1101080203534号", footer.CodeSnippetPSNumber},
		{"public-security number with markup", "京ICP备05002571号-1", `京公网安备11010802035340号"><script>`, footer.CodeSnippetPSNumber},
		{"invalid UTF-8", "京ICP备\xff05002571号", "", footer.CodeSnippetNumber},
	}
	for _, c := range cases {
		html, err := footer.Snippet(c.record, c.ps, footer.SnippetOptions{})
		assert.Empty(t, html, c.name)
		assert.ErrorIs(t, err, c.code, c.name)
		var p *filing.Problem
		if assert.True(t, errors.As(err, &p), c.name) {
			assert.Equal(t, "R-98", p.Rule, c.name)
		}
	}
}

func TestR98_SnippetForRecord(t *testing.T) {
	cases := []struct {
		name    string
		s       filing.Subject
		w       filing.Website
		shown   string
		code    filing.Code // refusal, or ""
		warning filing.Code // the one warning Check gives, or ""
	}{
		{name: "Guizhou website number", s: filing.Subject{Province: "52", Number: "黔ICP备2026001073号"},
			w: filing.Website{Service: filing.Service{Number: "黔ICP备2026001073号-1"}}, shown: "黔ICP备2026001073号-1"},
		{name: "Guangdong subject number", s: filing.Subject{Province: "44", Number: "粤ICP备2021012345号"},
			w: filing.Website{Service: filing.Service{Number: "粤ICP备2021012345号-3"}}, shown: "粤ICP备2021012345号"},
		{name: "Guangdong without the subject number shows the website's, Check warns",
			s: filing.Subject{Province: "44"}, w: filing.Website{Service: filing.Service{Number: "粤ICP备2021012345号-3"}},
			shown: "粤ICP备2021012345号-3", warning: footer.CodeNumberPreference},
		{name: "website without its number yet shows the subject's", s: filing.Subject{Province: "11", Number: "京ICP备05002571号"},
			shown: "京ICP备05002571号"},
		{name: "public-security number of the website", s: filing.Subject{Province: "11", Number: "京ICP备05002571号"},
			w:     filing.Website{Service: filing.Service{Number: "京ICP备05002571号-2"}, PublicSecurityNumber: "京公网安备11010802035340号"},
			shown: "京ICP备05002571号-2"},
		{name: "no number", s: filing.Subject{Province: "11"}, code: footer.CodeSnippetNoNumber},
		{name: "website number of another subject", s: filing.Subject{Province: "11", Number: "京ICP备05002571号"},
			w: filing.Website{Service: filing.Service{Number: "京ICP备05002572号-1"}}, code: footer.CodeSnippetMismatch},
		{name: "bad subject number", s: filing.Subject{Province: "11", Number: "京ICP备0500257号"}, code: footer.CodeSnippetNumber},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			html, err := footer.SnippetFor(c.s, c.w, footer.SnippetOptions{})
			if c.code != "" {
				assert.ErrorIs(t, err, c.code)
				assert.Empty(t, html)
				return
			}
			require.NoError(t, err)
			p, warn, err := checkSnippet(t, html, c.s, c.w)
			assert.NoError(t, err)
			require.Len(t, p.Numbers, 1)
			assert.Equal(t, c.shown, p.Numbers[0].Number.String())
			if c.warning == "" {
				assert.Empty(t, warn)
			} else if assert.Len(t, warn, 1) {
				assert.ErrorIs(t, warn[0], c.warning)
			}
		})
	}
}

// FuzzR98_SnippetPassesCheck: whatever Snippet accepts, Scan finds exactly
// its numbers, linked to the current hosts, and Check accepts it for the
// record of the number with no warning; Snippet never panics.
func FuzzR98_SnippetPassesCheck(f *testing.F) {
	f.Add("京ICP备05002571号-1", "京公网安备11010802035340号", "beian", false)
	f.Add("粤ICP备2021012345号-3", "", "", true)
	f.Add("黔ICP备2026001073号-2A", "黔公网安备52010202000001号", `"><script>alert(1)</script>`, false)
	f.Add("京ＩＣＰ备０５００２５７１号", "京公网安备 11010802035340 号", "a&amp;b", false)
	f.Add("京B2-20090059", "", "", false)
	f.Fuzz(func(t *testing.T, record, ps, class string, sameTab bool) {
		html, err := footer.Snippet(record, ps, footer.SnippetOptions{Class: class, SameTab: sameTab})
		if err != nil {
			var p *filing.Problem
			if !errors.As(err, &p) {
				t.Fatalf("error %T is not a *filing.Problem", err)
			}
			return
		}
		s, w := recordOf(t, record, ps)
		p, warn, err := checkSnippet(t, html, s, w)
		if err != nil || len(warn) > 0 {
			t.Fatalf("Check refuses or warns on %q: %v %v", html, err, warn)
		}
		if len(p.Numbers) != 1 || p.Numbers[0].Kind != footer.LinkCurrent {
			t.Fatalf("%q: numbers %+v", html, p.Numbers)
		}
		wantPS := 0
		if strings.TrimSpace(ps) != "" {
			wantPS = 1
		}
		if len(p.PublicSecurity) != wantPS || wantPS == 1 && p.PublicSecurity[0].Kind != footer.LinkCurrent {
			t.Fatalf("%q: public-security numbers %+v", html, p.PublicSecurity)
		}
	})
}

// BenchmarkR98_Snippet: generating one footer with both numbers.
func BenchmarkR98_Snippet(b *testing.B) {
	for b.Loop() {
		if _, err := footer.Snippet("京ICP备05002571号-1", "京公网安备11010802035340号", footer.SnippetOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
