package browsertest

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// EnvBrowser is the environment variable that names the Chromium binary.
const EnvBrowser = "BEIAN_TEST_BROWSER"

// Timeout bounds one browser session, start to close, so that a hung
// browser fails its test instead of the whole run's -timeout.
const Timeout = 2 * time.Minute

// Path returns the Chromium binary of BEIAN_TEST_BROWSER. When the variable
// is unset it skips tb with one line saying how to run the browser tests, or
// fails it under CI=true. A set variable that names no executable fails tb.
func Path(tb testing.TB) string {
	tb.Helper()
	p := os.Getenv(EnvBrowser)
	if p == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal(EnvBrowser + " not set: .ci/run installs chromium and must set it")
			return ""
		}
		tb.Skip(EnvBrowser + " not set; to run the browser tests: apt-get install --no-install-recommends chromium fonts-noto-cjk fonts-arphic-uming poppler-utils && " + EnvBrowser + "=/usr/bin/chromium go test ./...")
		return ""
	}
	path, err := exec.LookPath(p)
	if err != nil {
		tb.Fatalf("%s=%s: %v", EnvBrowser, p, err)
		return ""
	}
	return path
}

// New starts a fresh headless Chromium (its own profile in a temporary
// directory, no network services, no sandbox since CI runs as root) and
// returns a chromedp context of one tab in it. The browser closes in
// tb.Cleanup; its profile and scratch folders live in tb's temporary
// directories, so nothing is left in the shared /tmp. It skips or fails tb
// as Path does, and fails it when the Noto CJK fonts (Debian's
// fonts-noto-cjk) are missing, since every page under test is Chinese.
func New(tb testing.TB) context.Context {
	tb.Helper()
	path := Path(tb)
	RequireCJKFonts(tb)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(tb.TempDir()),
		// Chromium's own scratch folders (org.chromium.Chromium.*) go
		// to TMPDIR: give it one that the test removes.
		chromedp.Env("TMPDIR=" + shortTempDir(tb)),
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
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("lang", "zh-CN"),
	}
	ctx, cancelTime := context.WithTimeout(context.Background(), Timeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	tb.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		cancelTime()
	})
	// Start the browser now, so that a broken installation fails here
	// with its own message.
	if err := chromedp.Do(tabCtx); err != nil {
		tb.Fatalf("starting %s: %v", path, err)
	}
	return tabCtx
}

// RequireTool returns the path of a command-line tool the browser tests
// need (pdftotext, pdfinfo, pdffonts from Debian's poppler-utils), failing
// tb when it is missing.
func RequireTool(tb testing.TB, name string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		tb.Fatalf("%s not found (%v): apt-get install poppler-utils", name, err)
	}
	return p
}

// RequireCJKFonts fails tb unless fontconfig knows a Noto CJK font for
// Simplified Chinese (Debian's fonts-noto-cjk), the font the pages and
// forms fall back to on Linux.
func RequireCJKFonts(tb testing.TB) {
	tb.Helper()
	out, err := exec.Command("fc-list", ":lang=zh-cn", "family").Output()
	if err != nil || !strings.Contains(string(out), "Noto") || !strings.Contains(string(out), "CJK") {
		tb.Fatalf("no Noto CJK font for Chinese (fc-list: %v): apt-get install fonts-noto-cjk", err)
	}
}

// RequireFont fails tb unless fontconfig knows the font family (a form's
// print face, say), naming the Debian package that installs it.
func RequireFont(tb testing.TB, family, pkg string) {
	tb.Helper()
	out, err := exec.Command("fc-list", family, "family").Output()
	if err != nil || !strings.Contains(string(out), family) {
		tb.Fatalf("font %q not installed (fc-list: %v): apt-get install %s", family, err, pkg)
	}
}

// shortTempDir is a temporary directory removed when tb ends, with a short
// path: Chromium puts its singleton socket in TMPDIR, and a Unix socket path
// has at most 107 bytes, which tb.TempDir() (named after the test, subtests
// included) can exceed. Registered before the browser's cleanup, it is
// removed after the browser has closed.
func shortTempDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.MkdirTemp("", "beian-cr-")
	if err != nil {
		tb.Fatalf("browsertest: temporary directory: %v", err)
	}
	tb.Cleanup(func() { _ = os.RemoveAll(dir) })
	return dir
}
