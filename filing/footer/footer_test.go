package footer_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/footer"
	"github.com/beiankit/beian/numbering"
)

var (
	subject = filing.Subject{Province: "11", Number: "京ICP备05002571号"}
	website = filing.Website{Service: filing.Service{Number: "京ICP备05002571号-1"}, PublicSecurityNumber: "京公网安备11010802035340号"}
	gdSubj  = filing.Subject{Province: "44", Number: "粤ICP备04000001号"}
	gdSite  = filing.Website{Service: filing.Service{Number: "粤ICP备04000001号-3"}}
)

func scan(t *testing.T, page string) *footer.Page {
	t.Helper()
	p, err := footer.Scan(strings.NewReader(page), footer.Options{})
	require.NoError(t, err)
	return p
}

func codesOf(ps []*filing.Problem) []filing.Code {
	var out []filing.Code
	for _, p := range ps {
		out = append(out, p.Code)
	}
	return out
}

func refusedOf(err error) []filing.Code {
	var ve *filing.ValidationError
	if errors.As(err, &ve) {
		return codesOf(ve.Problems)
	}
	return nil
}

func TestR88_Footer(t *testing.T) {
	cases := []struct {
		name     string
		subject  filing.Subject
		website  filing.Website
		html     string
		refused  []filing.Code
		warnings []filing.Code
	}{
		{"site number linked, public-security number linked", subject, website,
			`<html><body><div class="footer"><a href="https://beian.miit.gov.cn/" target="_blank">京ICP备05002571号-1</a>
			<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010802035340"><img src="ga.png">京公网安备11010802035340号</a></div></body></html>`,
			nil, nil},
		{"split across inline tags and entities", subject, website,
			`<footer><a href="http://www.beian.miit.gov.cn"><span>京ICP备</span><b>05002571</b>&#21495;-1</a> 京公网安备 11010802035340号</footer>`,
			nil, nil},
		{"full-width digits", subject, website,
			`<p><a href="https://beian.miit.gov.cn/">京ICP备０５００２５７１号-１</a>京公网安备11010802035340号</p>`,
			nil, nil},
		{"no number at all", subject, website, `<html><body><p>© 2026 示例</p></body></html>`,
			[]filing.Code{footer.CodeNumberMissing}, nil},
		{"number only in a script", subject, website, `<script>var s="京ICP备05002571号-1"</script><p>hi</p>`,
			[]filing.Code{footer.CodeNumberMissing}, nil},
		{"number only in an attribute or comment", subject, website, `<p title="京ICP备05002571号-1"><!-- 京ICP备05002571号-1 --></p>`,
			[]filing.Code{footer.CodeNumberMissing}, nil},
		{"another subject's number", subject, website, `<a href="https://beian.miit.gov.cn/">京ICP备10036305号-7</a>`,
			[]filing.Code{footer.CodeNumberNotOwn}, nil},
		{"subject number outside Guangdong: preference warning", subject, website,
			`<a href="https://beian.miit.gov.cn/">京ICP备05002571号</a>京公网安备11010802035340号`,
			nil, []filing.Code{footer.CodeNumberPreference}},
		{"Guangdong prefers the subject number", gdSubj, gdSite, `<a href="https://beian.miit.gov.cn/">粤ICP备04000001号</a>`,
			nil, nil},
		{"Guangdong with the site number", gdSubj, gdSite, `<a href="https://beian.miit.gov.cn/">粤ICP备04000001号-3</a>`,
			nil, []filing.Code{footer.CodeNumberPreference}},
		{"not linked, no link on the page", subject, website, `<p>京ICP备05002571号-1 京公网安备11010802035340号</p>`,
			[]filing.Code{footer.CodeLinkMissing}, nil},
		{"not linked, system link elsewhere", subject, website,
			`<p>京ICP备05002571号-1 京公网安备11010802035340号</p><a href="https://beian.miit.gov.cn/">工信部备案</a>`,
			nil, []filing.Code{footer.CodeLinkNotOnNumber}},
		{"outdated host", subject, website, `<a href="http://www.miitbeian.gov.cn/">京ICP备05002571号-1</a>京公网安备11010802035340号`,
			nil, []filing.Code{footer.CodeLinkOutdated}},
		{"oldest host", subject, website, `<a href="http://www.miibeian.gov.cn">京ICP备05002571号-1</a>京公网安备11010802035340号`,
			nil, []filing.Code{footer.CodeLinkOutdated}},
		{"linked elsewhere", subject, website, `<a href="https://beian.miit.gov.cn.evil.example/">京ICP备05002571号-1</a>京公网安备11010802035340号`,
			[]filing.Code{footer.CodeLinkWrong}, nil},
		{"public-security number missing", subject, website, `<a href="https://beian.miit.gov.cn/">京ICP备05002571号-1</a>`,
			nil, []filing.Code{footer.CodePSNotDisplayed}},
		{"public-security link outdated", subject, website,
			`<a href="https://beian.miit.gov.cn/">京ICP备05002571号-1</a><a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010802035340">京公网安备11010802035340号</a>`,
			nil, []filing.Code{footer.CodePSLinkOutdated}},
		{"unclosed anchor at end of a truncated page", subject, website,
			`<div>京公网安备11010802035340号<a href="https://beian.miit.gov.cn/">京ICP备05002571号-1`, nil, nil},
	}
	for _, tc := range cases {
		p, err := footer.Scan(strings.NewReader(tc.html), footer.Options{})
		require.NoError(t, err, tc.name)
		warnings, err := footer.Check(p, tc.subject, tc.website)
		assert.Equal(t, tc.refused, refusedOf(err), tc.name)
		assert.Equal(t, tc.warnings, codesOf(warnings), tc.name)
	}
}

func TestR88_ScanFindsPositions(t *testing.T) {
	p := scan(t, `<div>京ICP备05002571号-1</div><div>京ICP证030173号</div>`)
	require.Len(t, p.Numbers, 2)
	assert.Equal(t, "京ICP备05002571号-1", p.Numbers[0].Number.String())
	assert.Equal(t, footer.LinkNone, p.Numbers[0].Kind)
	assert.Equal(t, "京ICP证030173号", p.Numbers[1].Number.String())
}

func TestR88_BlocksSplitRuns(t *testing.T) {
	p := scan(t, `<div>京ICP备</div><div>05002571号</div>`)
	assert.Empty(t, p.Numbers, "a number split across blocks is not displayed as one")
}

func TestR88_Bounds(t *testing.T) {
	big := "<p>" + strings.Repeat("x", 1<<20) + "</p>"
	p, err := footer.Scan(strings.NewReader(big), footer.Options{MaxBytes: 1 << 16})
	assert.ErrorIs(t, err, footer.CodeTooLarge)
	require.NotNil(t, p)
	assert.LessOrEqual(t, p.Bytes, int64(1<<16))

	_, err = footer.Scan(strings.NewReader(`<p `+strings.Repeat(`a="b" `, 100000)+`>`), footer.Options{MaxToken: 4096})
	assert.ErrorIs(t, err, footer.CodeTokenTooLarge)

	deep := strings.Repeat("<div><span>", 200000) + `<a href="https://beian.miit.gov.cn/">京ICP备05002571号-1</a>`
	p, err = footer.Scan(strings.NewReader(deep), footer.Options{})
	require.NoError(t, err)
	require.Len(t, p.Numbers, 1, "deep nesting costs nothing")
	assert.Equal(t, footer.LinkCurrent, p.Numbers[0].Kind)

	_, err = footer.Scan(errReader{}, footer.Options{})
	assert.ErrorIs(t, err, footer.CodeRead)
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }

func TestR88_CheckNilPage(t *testing.T) {
	_, err := footer.Check(nil, subject, website)
	assert.ErrorIs(t, err, footer.CodeNumberMissing)
}

// TestR88_LinkSchemeMustBeHTTP: only an http, https or scheme-relative link
// leads to the filing system; a javascript:, data: or ftp: URL that names
// its host leads nowhere and is a link elsewhere.
func TestR88_LinkSchemeMustBeHTTP(t *testing.T) {
	gzSubj := filing.Subject{Province: "52", Number: "黔ICP备15000410号"}
	gzSite := filing.Website{Service: filing.Service{Number: "黔ICP备15000410号-1"}}
	for _, tc := range []struct {
		name, href string
		kind       footer.LinkKind
	}{
		{"javascript with the host", "javascript://beian.miit.gov.cn/%0Aalert(1)", footer.LinkOther},
		{"javascript in capitals", "JavaScript://BEIAN.MIIT.GOV.CN/%0Aalert(1)", footer.LinkOther},
		{"javascript behind spaces", " \tjavascript://beian.miit.gov.cn/%0Aalert(1)", footer.LinkOther},
		{"vbscript", "vbscript://beian.miit.gov.cn/", footer.LinkOther},
		{"ftp", "ftp://beian.miit.gov.cn/", footer.LinkOther},
		{"data", "data://beian.miit.gov.cn/,x", footer.LinkOther},
		{"outdated host under javascript", "javascript://www.miitbeian.gov.cn/%0Aalert(1)", footer.LinkOther},
		{"https", "https://beian.miit.gov.cn/", footer.LinkCurrent},
		{"http in capitals", "HTTP://BEIAN.MIIT.GOV.CN", footer.LinkCurrent},
		{"scheme-relative", "//beian.miit.gov.cn/", footer.LinkCurrent},
		{"scheme-relative outdated", "//www.miitbeian.gov.cn/", footer.LinkOutdated},
	} {
		page := `<div><a href="` + tc.href + `">黔ICP备15000410号-1</a></div>`
		p := scan(t, page)
		require.Len(t, p.Numbers, 1, tc.name)
		assert.Equal(t, tc.kind, p.Numbers[0].Kind, tc.name)
		_, err := footer.Check(p, gzSubj, gzSite)
		if tc.kind == footer.LinkOther {
			assert.Equal(t, []filing.Code{footer.CodeLinkWrong}, refusedOf(err), tc.name)
			assert.Zero(t, p.SystemLinks, "%s: no link to the filing system", tc.name)
		} else {
			assert.NoError(t, err, tc.name)
			assert.Equal(t, 1, p.SystemLinks, tc.name)
		}
	}

	// The public-security link is held to the same schemes.
	p := scan(t, `<a href="javascript://beian.mps.gov.cn/%0Aalert(1)">京公网安备11010802035340号</a>`)
	require.Len(t, p.PublicSecurity, 1)
	assert.Equal(t, footer.LinkOther, p.PublicSecurity[0].Kind)
}

// TestR87_ScanReportsWhatTheParserFinds: Scan reports every public-security
// number of a footer exactly as numbering's one parser reads it, once, in
// order: a current number, the older forms (12 digits, the bare 备 form), an
// area code missing from the division table (崇文区, merged into 东城区 in
// 2010), one of another province, full-width digits and Traditional
// characters. The parser's warnings are the found Number's.
func TestR87_ScanReportsWhatTheParserFinds(t *testing.T) {
	cases := []struct {
		name       string
		html       string
		candidates []string // the public-security numbers as the page shows them
		warnings   [][]filing.Code
	}{
		{"current number, linked",
			`<div class="footer">©2026 Xiaomi <a href="https://beian.miit.gov.cn/">京ICP备10046444号</a>
			<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010802020134"><img src="/ga.png">京公网安备11010802020134号</a></div>`,
			[]string{"京公网安备11010802020134号"}, [][]filing.Code{nil}},
		{"older 12-digit number between separators",
			`<div class="foot">京ICP备10009806号-1|京公网安备110105000655号|京ICP证041124号|家长监护工程<br>版权所有© 2026</div>`,
			[]string{"京公网安备110105000655号"}, [][]filing.Code{{numbering.CodePSLegacy}}},
		{"older bare 备 form, alone in its paragraph",
			`<p>浙ICP备05002571号-1</p><p>浙备3301000000001号</p>`,
			[]string{"浙备3301000000001号"}, [][]filing.Code{{numbering.CodePSLegacy}}},
		{"area code not in the table, and one of another province",
			`<footer><span>京公网安备 11010302000123号</span> <span>沪公网安备11010802035340号</span></footer>`,
			[]string{"京公网安备 11010302000123号", "沪公网安备11010802035340号"},
			[][]filing.Code{{numbering.CodePSAreaUnknown}, {numbering.CodePSProvinceMismatch}}},
		{"full-width digits and Traditional characters",
			`<div>京公网安备１１０１０８０２０３５３４０号</div><div>京公網安備11010502030143號</div>`,
			[]string{"京公网安备１１０１０８０２０３５３４０号", "京公網安備11010502030143號"}, [][]filing.Code{nil, nil}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Len(t, tc.warnings, len(tc.candidates), "bad test")
			var want []numbering.Number
			for i, c := range tc.candidates {
				require.Contains(t, tc.html, c, "bad test: the candidate is not on the page")
				n, w, err := numbering.ParsePublicSecurity(c)
				require.NoError(t, err, c)
				assert.Equal(t, tc.warnings[i], codesOf(w), "the parser's warnings for %q", c)
				want = append(want, n)
			}
			p := scan(t, tc.html)
			var got []numbering.Number
			for i, d := range p.PublicSecurity {
				got = append(got, d.Number)
				if i < len(tc.warnings) {
					assert.Equal(t, tc.warnings[i], codesOf(d.Number.Warnings()), "warnings of the found %v", d.Number)
				}
			}
			assert.Equal(t, want, got, "Scan's public-security numbers")
		})
	}
}
