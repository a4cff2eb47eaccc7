package formpdf_test

// The printed forms: each golden form of package forms, printed to
// PDF by a Printer, must be one A4 page with no browser header or footer
// (no ink in the page's margins), whose fonts are all embedded CID
// TrueType fonts with a ToUnicode map (no Type 3 fonts), and whose Chinese
// text pdftotext extracts. The text is checked against
// testdata/print/<form>.txt (rewritten by -update), line breaks and spaces
// aside. The tests run when BEIAN_TEST_BROWSER names the Chromium binary
// (package internal/browsertest); without it they skip.

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/forms"
	"github.com/beiankit/beian/forms/formpdf"
	"github.com/beiankit/beian/internal/browsertest"
)

var update = flag.Bool("update", false, "rewrite testdata/print/*.txt")

// A4 in PostScript points and the form's @page margins (12mm 18mm).
const (
	a4Width, a4Height = 595.28, 841.89
	marginX, marginY  = 18 / 25.4 * 72, 12 / 25.4 * 72
)

// tools are the poppler-utils the checks read PDFs with.
type tools struct {
	dir                                    string
	pdftotext, pdfinfo, pdffonts, pdftoppm string
}

func newTools(t *testing.T) *tools {
	t.Helper()
	return &tools{
		dir:       t.TempDir(),
		pdftotext: browsertest.RequireTool(t, "pdftotext"),
		pdfinfo:   browsertest.RequireTool(t, "pdfinfo"),
		pdffonts:  browsertest.RequireTool(t, "pdffonts"),
		pdftoppm:  browsertest.RequireTool(t, "pdftoppm"),
	}
}

// newPrinter starts a Printer on the test's Chromium, its profile in a
// temporary directory of the test.
func newPrinter(t *testing.T) *formpdf.Printer {
	t.Helper()
	path := browsertest.Path(t)
	browsertest.RequireFont(t, "AR PL UMing CN", "fonts-arphic-uming")
	ctx, cancel := context.WithTimeout(context.Background(), browsertest.Timeout)
	t.Cleanup(cancel)
	p, err := formpdf.New(ctx, formpdf.Options{Browser: path, ProfileDir: t.TempDir()})
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, p.Close()) })
	return p
}

// cases are the golden applications of package forms (written by its
// golden test as JSON) plus the retrieval form with a long reason, to show
// the reason box grows without pushing the form onto a second page.
func cases(t *testing.T) map[string]*forms.Application {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "golden", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	out := map[string]*forms.Application{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		a, err := forms.DecodeBytes(b)
		require.NoError(t, err, f)
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = a
	}
	long := *out["retrieval"]
	long.Reason = strings.Repeat("备案时登记的联系人邮箱已停用，手机号码也已更换，无法在线找回密码。", 5)
	out["retrieval_long_reason"] = &long
	return out
}

func TestR55_PrintedFormIsOneA4PageOfChineseText(t *testing.T) {
	p := newPrinter(t)
	tl := newTools(t)
	all := cases(t)
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			a := all[name]
			pdf, err := p.Print(context.Background(), a)
			require.NoError(t, err)
			path := filepath.Join(tl.dir, name+".pdf")
			require.NoError(t, os.WriteFile(path, pdf, 0o644))
			text := tl.checkPDF(t, path)

			// The form's own text comes out of the PDF: every line of its
			// plain-text rendering, labels and values, line breaks aside.
			flat := squeeze(text)
			var plain strings.Builder
			require.NoError(t, a.RenderText(&plain))
			for _, want := range []string{a.Kind.Title(), a.ApplicantName, a.SponsorName, a.RecordNumber} {
				assert.Contains(t, flat, squeeze(want))
			}
			// Nothing of the browser's: no date line, URL or page count.
			for _, browser := range []string{"about:blank", "file://", "1/1", "data:"} {
				assert.NotContains(t, text, browser, "the browser's header or footer")
			}

			golden := filepath.Join("testdata", "print", name+".txt")
			got := textLines(text)
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run: BEIAN_TEST_BROWSER=/usr/bin/chromium go test ./forms/formpdf -run PrintedForm -update")
			// Line breaks and spaces may move with the browser's version
			// (a cell wraps a character earlier); the text may not change.
			if squeeze(string(want)) != squeeze(got) {
				assert.Equal(t, string(want), got, "text of the printed %s differs from %s", name, golden)
			}
		})
	}
}

// TestPrinterConcurrentPrints: one Printer prints from many goroutines,
// each print in its own tab, and every PDF is the form it was given.
func TestPrinterConcurrentPrints(t *testing.T) {
	p := newPrinter(t)
	tl := newTools(t)
	all := cases(t)
	names := []string{"retrieval", "cancellation", "deletion", "domain_holder"}
	var wg sync.WaitGroup
	pdfs := make([][]byte, len(names))
	errs := make([]error, len(names))
	for i, name := range names {
		wg.Go(func() { pdfs[i], errs[i] = p.Print(context.Background(), all[name]) })
	}
	wg.Wait()
	for i, name := range names {
		require.NoError(t, errs[i], name)
		path := filepath.Join(tl.dir, name+".pdf")
		require.NoError(t, os.WriteFile(path, pdfs[i], 0o644))
		text := squeeze(tl.run(t, tl.pdftotext, "-raw", "-enc", "UTF-8", path, "-"))
		assert.Contains(t, text, squeeze(all[name].Kind.Title()), name)
	}
}

// A cancelled context ends the print with the context's error, and a nil
// application is an error, not a panic.
func TestPrinterErrors(t *testing.T) {
	_, err := formpdf.New(context.Background(), formpdf.Options{Browser: "/nonexistent/chromium"})
	assert.ErrorIs(t, err, formpdf.ErrNoBrowser)

	p := newPrinter(t)
	_, err = p.Print(context.Background(), nil)
	assert.Error(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = p.Print(ctx, cases(t)["retrieval"])
	assert.ErrorIs(t, err, context.Canceled)
}

func (tl *tools) run(t *testing.T, tool string, args ...string) string {
	t.Helper()
	return string(tl.runBytes(t, tool, args...))
}

func (tl *tools) runBytes(t *testing.T, tool string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(tool, args...).Output()
	require.NoError(t, err, "%s %s", tool, strings.Join(args, " "))
	return out
}

// checkPDF checks that the PDF at path is one A4 page in embedded CID
// TrueType fonts with extractable text and no ink in the margins, and
// returns its text in the order it is drawn (pdftotext -raw: the order of
// the HTML).
func (tl *tools) checkPDF(t *testing.T, path string) string {
	t.Helper()
	info := tl.run(t, tl.pdfinfo, path)
	assert.Regexp(t, `(?m)^Pages:\s+1$`, info, "not one page")
	assert.Regexp(t, `(?m)^Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)$`, info, "not A4")

	// Every font is an embedded CID TrueType font that maps its glyphs
	// back to Unicode: no Type 3 fonts (Chromium draws CFF-outlined
	// fonts, such as Noto CJK, as Type 3).
	fonts := tl.run(t, tl.pdffonts, path)
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	require.Greater(t, len(lines), 2, "no fonts in the PDF:\n%s", fonts)
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID: count from the end,
		// the type may have two words.
		require.GreaterOrEqual(t, len(f), 7, "pdffonts line %q", l)
		assert.Equal(t, "yes", f[len(f)-5], "font not embedded: %s", l)
		assert.Equal(t, "yes", f[len(f)-3], "font without a ToUnicode map, its text not extractable: %s", l)
		assert.Contains(t, l, "CID TrueType", "not a CID TrueType font: %s", l)
	}
	assert.LessOrEqual(t, len(lines)-2, 3, "fonts in the PDF:\n%s", fonts)

	// No ink in the margins: the page rendered at 72 dpi (one pixel a
	// point) is white outside the printable area.
	pgm := tl.runBytes(t, tl.pdftoppm, "-r", "72", "-gray", "-f", "1", "-l", "1", path)
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
	return tl.run(t, tl.pdftotext, "-raw", "-enc", "UTF-8", path, "-")
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
