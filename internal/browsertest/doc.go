// Package browsertest starts headless Chromium for the module's browser
// tests: the portal driven end to end, and the printed application forms.
//
// The tests run only when BEIAN_TEST_BROWSER names the Chromium binary
// (Debian: apt-get install --no-install-recommends chromium fonts-noto-cjk
// fonts-arphic-uming poppler-utils, then
// BEIAN_TEST_BROWSER=/usr/bin/chromium). Without it they skip with one line,
// so that `go test ./...` stays browser-free, except under CI=true, where
// they fail: CI installs the browser and must run them. The variable is
// read rather than /usr/bin/chromium detected, because a machine with the
// browser but without the CJK fonts or poppler-utils would fail in ways that
// say nothing about the code.
//
// A test takes a tab of a fresh browser, closed at its end:
//
//	func TestPage(t *testing.T) {
//		ctx := browsertest.New(t) // skips without BEIAN_TEST_BROWSER
//		require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(url)))
//		title, err := chromedp.Run(ctx, chromedp.Title())
//		...
//	}
//
// The chromedp driver is imported here and in tests only: no package of the
// SDK imports this one, so users' builds never see it.
package browsertest
