package formpdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/beiankit/beian/forms"
)

// ErrNoBrowser is returned by New when the Chromium binary cannot be found.
var ErrNoBrowser = errors.New("formpdf: no Chromium binary found")

// Options configure New.
type Options struct {
	// Browser is the Chromium binary: a path, or a name looked up in PATH.
	// Default: the first of "chromium", "chromium-browser",
	// "google-chrome" found in PATH.
	Browser string
	// ProfileDir is where the browser keeps its profile and scratch
	// folders. Default: a new temporary directory that Close removes.
	ProfileDir string
}

// Printer prints forms in one headless Chromium. Create it with New (the
// Printer starts and owns the browser) or FromBrowser (the caller's
// chromedp browser); it is safe for concurrent use.
type Printer struct {
	browser context.Context // a chromedp context of the browser
	close   func()
	tmp     string // removed by Close when New made it
}

// New starts a headless Chromium for printing: no sandbox (it runs as
// root in containers), no network services, its profile in opts.ProfileDir
// or a temporary directory. ctx bounds the browser's life. Close the
// Printer to stop the browser and remove its temporary directory.
func New(ctx context.Context, opts Options) (*Printer, error) {
	path, err := browserPath(opts.Browser)
	if err != nil {
		return nil, err
	}
	p := &Printer{}
	dir := opts.ProfileDir
	if dir == "" {
		if dir, err = os.MkdirTemp("", "beian-formpdf-"); err != nil {
			return nil, fmt.Errorf("formpdf: profile directory: %w", err)
		}
		p.tmp = dir
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.Env("TMPDIR="+dir),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("font-render-hinting", "none"),
	)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	p.browser = browser
	p.close = func() { cancelBrowser(); cancelAlloc() }
	if err := chromedp.Do(browser); err != nil {
		p.Close()
		return nil, fmt.Errorf("formpdf: starting %s: %w", path, err)
	}
	return p, nil
}

// FromBrowser returns a Printer that prints in the caller's browser: ctx
// is a chromedp context of it (from chromedp.NewContext). Each Print opens
// a new tab in that browser; Close closes nothing of the caller's.
func FromBrowser(ctx context.Context) *Printer {
	return &Printer{browser: ctx}
}

// Close stops the browser New started and removes its temporary profile.
// It does nothing for a Printer from FromBrowser. It is safe to call more
// than once.
func (p *Printer) Close() error {
	if p.close != nil {
		p.close()
		p.close = nil
	}
	if p.tmp != "" {
		err := os.RemoveAll(p.tmp)
		p.tmp = ""
		return err
	}
	return nil
}

// Print renders a (forms.Application.RenderHTML) and prints it to PDF: A4
// by the form's @page rule, no browser header or footer, backgrounds
// printed. ctx bounds this print alone.
func (p *Printer) Print(ctx context.Context, a *forms.Application) ([]byte, error) {
	if a == nil {
		return nil, errors.New("formpdf: Print of a nil application")
	}
	var html bytes.Buffer
	if err := a.RenderHTML(&html); err != nil {
		return nil, fmt.Errorf("formpdf: rendering the form: %w", err)
	}
	return p.PrintHTML(ctx, html.String())
}

// PrintHTML prints a complete HTML page, such as one RenderHTML wrote, to
// PDF as Print does. The page is set as the document of a blank tab: it
// loads nothing from the network or the file system.
func (p *Printer) PrintHTML(ctx context.Context, html string) ([]byte, error) {
	tab, cancelTab := chromedp.NewContext(p.browser)
	defer cancelTab()
	stop := context.AfterFunc(ctx, cancelTab)
	defer stop()
	err := chromedp.Do(tab,
		chromedp.Navigate("about:blank"),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
			if err != nil {
				return err
			}
			_, err = chromedp.Call(ctx, page.SetDocumentContent, page.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: html})
			return err
		}),
	)
	if err == nil {
		// Fonts load asynchronously after the document is set.
		_, err = chromedp.Run(tab, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise))
	}
	if err != nil {
		return nil, printErr(ctx, "loading the form", err)
	}
	pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPrintBackground(),
		func(p *page.PrintToPDFParams) { no := false; p.DisplayHeaderFooter = &no },
	))
	if err != nil {
		return nil, printErr(ctx, "printing", err)
	}
	return pdf, nil
}

func printErr(ctx context.Context, what string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("formpdf: %s: %w", what, ctx.Err())
	}
	return fmt.Errorf("formpdf: %s: %w", what, err)
}

// browserPath finds the Chromium binary.
func browserPath(name string) (string, error) {
	names := []string{"chromium", "chromium-browser", "google-chrome"}
	if name != "" {
		names = []string{name}
	}
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w (tried %v)", ErrNoBrowser, names)
}
