package forms

// The printed forms: each golden form rendered by RenderHTML,
// printed to PDF by headless Chromium as a user's Ctrl+P would (the form's
// own @page rule, A4), must be one A4 page, drawn in Noto CJK, whose Chinese
// text pdftotext can extract, with no ink in the page's margins. The text
// extracted is checked against testdata/print/<form>.txt (rewritten by
// -update), line breaks and spaces aside. The tests run when
// BEIAN_TEST_BROWSER names the Chromium binary (package
// internal/browsertest); without it they skip.

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/internal/browsertest"
)

// A4 in PostScript points and the form's @page margins (12mm 18mm).
const (
	a4Width, a4Height = 595.28, 841.89
	marginX, marginY  = 18 / 25.4 * 72, 12 / 25.4 * 72
)

// printer prints HTML files to PDF in one headless Chromium and reads the
// PDFs with poppler-utils.
type printer struct {
	ctx                                    context.Context
	dir                                    string
	pdftotext, pdfinfo, pdffonts, pdftoppm string
}

func newPrinter(t *testing.T) *printer {
	t.Helper()
	return &printer{
		ctx:       browsertest.New(t),
		dir:       t.TempDir(),
		pdftotext: browsertest.RequireTool(t, "pdftotext"),
		pdfinfo:   browsertest.RequireTool(t, "pdfinfo"),
		pdffonts:  browsertest.RequireTool(t, "pdffonts"),
		pdftoppm:  browsertest.RequireTool(t, "pdftoppm"),
	}
}

// overflowJS lists what is wrong with the layout under print media:
// elements whose box leaves the .page column (174mm, the width between the
// A4 margins), cells whose content is wider than the cell, a label column
// that is not 42mm wide, and a form taller than the page.
const overflowJS = `(() => {
  const page = document.querySelector('.page').getBoundingClientRect();
  const out = [];
  const name = e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' «' + e.textContent.trim().slice(0, 20) + '»';
  for (const e of document.querySelectorAll('.page *')) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < page.left - 0.5 || r.right > page.right + 0.5) out.push('outside the page: ' + name(e));
    if ((e.tagName === 'TD' || e.tagName === 'TH') && e.scrollWidth > e.clientWidth + 1) out.push('overflows its cell: ' + name(e));
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) out.push('the document scrolls sideways');
  const th = document.querySelector('table.form th:not(.section)');
  const thmm = th.getBoundingClientRect().width * 25.4 / 96;
  if (Math.abs(thmm - 42) > 1) out.push('the label column is ' + thmm.toFixed(1) + 'mm wide, not 42mm');
  const mm = page.height * 25.4 / 96;
  if (mm > 297 - 2 * 12) out.push('the form is ' + mm.toFixed(1) + 'mm tall; 273mm fit between the A4 margins');
  return out;
})()`

// print renders a to HTML, opens it in the browser, checks the print layout
// for overflow and returns the PDF Chromium prints.
func (p *printer) print(t *testing.T, name string, a *Application) []byte {
	t.Helper()
	var html bytes.Buffer
	require.NoError(t, a.RenderHTML(&html))
	path := filepath.Join(p.dir, name+".html")
	require.NoError(t, os.WriteFile(path, html.Bytes(), 0o644))

	require.NoError(t, chromedp.Do(p.ctx,
		chromedp.Navigate("file://"+path),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			return err
		}),
	))
	overflow, err := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](overflowJS))
	require.NoError(t, err)
	assert.Empty(t, overflow, "print layout of %s", name)
	p.checkFonts(t)

	pdf, err := chromedp.Run(p.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
	require.NoError(t, err)
	return pdf
}

// checkFonts checks that the Chinese text of the form is drawn in a Noto
// CJK font (Debian's fonts-noto-cjk, the serif the form's CSS falls back to
// on Linux), as Chromium reports the platform fonts it used per element.
func (p *printer) checkFonts(t *testing.T) {
	t.Helper()
	glyphs := map[string]float64{}
	err := chromedp.Do(p.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, css.Enable, cdp.Empty{}); err != nil {
			return err
		}
		nodes, err := chromedp.Nodes(chromedp.CSSAll(".page *"))(ctx, tg)
		if err != nil {
			return err
		}
		for _, n := range nodes {
			r, err := cdp.Call(ctx, tg, css.GetPlatformFontsForNode, css.GetPlatformFontsForNodeParams{NodeID: n.NodeID})
			if err != nil {
				return err
			}
			for _, f := range r.Fonts {
				glyphs[f.FamilyName] += f.GlyphCount
			}
		}
		return nil
	}))
	require.NoError(t, err)
	var cjk, other float64
	for family, n := range glyphs {
		if strings.HasPrefix(family, "Noto Serif CJK") || strings.HasPrefix(family, "Noto Sans CJK") {
			cjk += n
		} else {
			other += n
		}
	}
	// A symbol the CJK font lacks (the ✓ of a ticked box) may come from
	// another font; the text may not.
	assert.Greater(t, cjk, 200.0, "glyphs drawn in Noto CJK; fonts used: %v", glyphs)
	assert.LessOrEqual(t, other, 3.0, "glyphs drawn in other fonts; fonts used: %v", glyphs)
}

func (p *printer) run(t *testing.T, tool string, args ...string) string {
	t.Helper()
	return string(p.runBytes(t, tool, args...))
}

func (p *printer) runBytes(t *testing.T, tool string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(tool, args...).Output()
	require.NoError(t, err, "%s %s", tool, strings.Join(args, " "))
	return out
}

// parsePGM reads a binary 8-bit PGM (P5), as pdftoppm -gray writes it:
// "P5", width, height and maxval separated by white space, one white-space
// byte, then the pixels.
func parsePGM(t *testing.T, b []byte) (w, h int, px []byte) {
	t.Helper()
	var fields []int
	i := 0
	for len(fields) < 4 {
		for i < len(b) && unicode.IsSpace(rune(b[i])) {
			i++
		}
		j := i
		for j < len(b) && !unicode.IsSpace(rune(b[j])) {
			j++
		}
		require.Less(t, j, len(b), "truncated PGM header")
		tok := string(b[i:j])
		if len(fields) == 0 {
			require.Equal(t, "P5", tok, "not a binary PGM")
			fields = append(fields, 0)
		} else {
			n, err := strconv.Atoi(tok)
			require.NoError(t, err, "PGM header")
			fields = append(fields, n)
		}
		i = j
	}
	w, h = fields[1], fields[2]
	require.Equal(t, 255, fields[3], "PGM maxval")
	px = b[i+1:]
	require.Len(t, px, w*h, "PGM pixels")
	return w, h, px
}

// checkPDF checks that the PDF at path is one A4 page in embedded fonts
// with extractable text and no ink in the margins, and returns its text in
// the order it is drawn (pdftotext -raw: the order of the HTML).
func (p *printer) checkPDF(t *testing.T, path string) string {
	t.Helper()
	info := p.run(t, p.pdfinfo, path)
	assert.Regexp(t, `(?m)^Pages:\s+1$`, info, "not one page")
	assert.Regexp(t, `(?m)^Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)$`, info, "not A4")

	// Every font is embedded and maps its glyphs back to Unicode (Chromium
	// embeds the CFF-flavoured Noto CJK as Type 3 fonts, named [none]).
	fonts := p.run(t, p.pdffonts, path)
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	require.Greater(t, len(lines), 2, "no fonts in the PDF:\n%s", fonts)
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID: count from the end,
		// the type may have two words.
		require.GreaterOrEqual(t, len(f), 7, "pdffonts line %q", l)
		assert.Equal(t, "yes", f[len(f)-5], "font not embedded: %s", l)
		assert.Equal(t, "yes", f[len(f)-3], "font without a ToUnicode map, its text not extractable: %s", l)
	}

	// No ink in the margins: the page rendered at 72 dpi (one pixel a
	// point) is white outside the printable area.
	pgm := p.runBytes(t, p.pdftoppm, "-r", "72", "-gray", "-f", "1", "-l", "1", path)
	w, h, px := parsePGM(t, pgm)
	require.InDelta(t, a4Width, float64(w), 1.5)
	require.InDelta(t, a4Height, float64(h), 1.5)
	const slack = 1.5 // points: antialiasing, the outer half of a table border
	var ink []string
	for y := range h {
		for x := range w {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			inside := fx > marginX-slack && fx < a4Width-marginX+slack && fy > marginY-slack && fy < a4Height-marginY+slack
			if !inside && px[y*w+x] < 240 && len(ink) < 5 {
				ink = append(ink, fmt.Sprintf("(%d,%d)", x, y))
			}
		}
	}
	assert.Empty(t, ink, "ink in the margins at these points")
	return p.run(t, p.pdftotext, "-raw", "-enc", "UTF-8", path, "-")
}

// textLines is the extracted text as its golden file holds it: one line
// per non-empty line, inner runs of space folded.
func textLines(s string) string {
	var out []string
	for l := range strings.SplitSeq(s, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n") + "\n"
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// printCases are the golden forms plus the retrieval form with a long
// reason, to show the reason box grows without pushing the form onto a
// second page.
func printCases(t *testing.T) map[string]*Application {
	cases := goldenCases(t)
	long := individualRetrieval()
	long.Reason = strings.Repeat("备案时登记的联系人邮箱已停用，手机号码也已更换，无法在线找回密码。", 5)
	cases["retrieval_long_reason"] = long
	return cases
}

func TestR55_PrintedFormIsOneA4PageOfChineseText(t *testing.T) {
	p := newPrinter(t)
	cases := printCases(t)
	names := make([]string, 0, len(cases))
	for name := range cases {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			a := cases[name]
			pdf := p.print(t, name, a)
			path := filepath.Join(p.dir, name+".pdf")
			require.NoError(t, os.WriteFile(path, pdf, 0o644))
			text := p.checkPDF(t, path)

			// Every label and value of the form, and the title, come out
			// of the PDF as text (line breaks aside).
			flat := squeeze(text)
			v := a.view()
			assert.Contains(t, flat, squeeze(v.Title))
			assert.Contains(t, flat, squeeze("申请人姓名："+v.Name))
			for _, r := range v.Rows {
				assert.Contains(t, flat, squeeze(r.Label+r.Note), "label of %s", r.Label)
				assert.Contains(t, flat, squeeze(r.Value), "value of %s", r.Label)
			}
			for _, m := range v.Materials {
				assert.Contains(t, flat, squeeze(m.Zh))
			}

			golden := filepath.Join("testdata", "print", name+".txt")
			got := textLines(text)
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run: BEIAN_TEST_BROWSER=/usr/bin/chromium go test ./forms -run PrintedForm -update")
			// Line breaks and spaces may move with the browser's version
			// (a cell wraps a character earlier); the text may not change.
			if squeeze(string(want)) != squeeze(got) {
				assert.Equal(t, string(want), got, "text of the printed %s differs from %s", name, golden)
			}
		})
	}
}
