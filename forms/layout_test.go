package forms

// The print layout: each golden form rendered by RenderHTML and
// shown under print media in headless Chromium fits the A4 page between
// the form's margins, with no cell overflowing and the label column 42mm
// wide, and its text is drawn in a TrueType Song/Ming face (AR PL UMing CN
// on Debian) that a PDF embeds as CID fonts. The PDF itself is checked by
// the tests of forms/formpdf, which prints these forms. The tests run when
// BEIAN_TEST_BROWSER names the Chromium binary (package
// internal/browsertest); without it they skip.

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/internal/browsertest"
)

// printer shows HTML files under print media in one headless Chromium.
type printer struct {
	ctx context.Context
	dir string
}

func newPrinter(t *testing.T) *printer {
	t.Helper()
	ctx := browsertest.New(t)
	browsertest.RequireFont(t, printFont, "fonts-arphic-uming")
	return &printer{ctx: ctx, dir: t.TempDir()}
}

// printFont is the face the form's CSS picks on Debian: TrueType outlines,
// so Chromium embeds it in a PDF as a CID font (Noto CJK, CFF outlines,
// comes out as Type 3 fonts).
const printFont = "AR PL UMing CN"

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

// layout renders a to HTML, opens it in the browser under print media and
// checks the layout for overflow and the fonts it is drawn in.
func (p *printer) layout(t *testing.T, name string, a *Application) {
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
}

// checkFonts checks that the Chinese text of the form is drawn in
// printFont (Debian's fonts-arphic-uming, the TrueType Ming face the
// form's CSS picks on Linux), as Chromium reports the platform fonts it
// used per element.
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
		switch {
		case family == printFont:
			cjk += n
		case strings.HasPrefix(family, "Noto") && strings.Contains(family, "CJK"):
			// CFF outlines: printed as Type 3 fonts.
			t.Errorf("%.0f glyphs drawn in %s, which a PDF gets as Type 3 fonts", n, family)
		default:
			other += n
		}
	}
	// The ✓ of a ticked box, which the Ming face lacks, comes from the
	// box's symbol font (DejaVu Sans on Debian; counted once for the box
	// and once for its cell); the text may not.
	assert.Greater(t, cjk, 200.0, "glyphs drawn in %s; fonts used: %v", printFont, glyphs)
	assert.LessOrEqual(t, other, 4.0, "glyphs drawn in other fonts; fonts used: %v", glyphs)
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

func TestR55_PrintLayoutFitsTheA4Page(t *testing.T) {
	p := newPrinter(t)
	cases := printCases(t)
	names := make([]string, 0, len(cases))
	for name := range cases {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) { p.layout(t, name, cases[name]) })
	}
}
