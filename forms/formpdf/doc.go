// Package formpdf prints the bureau applications of package forms to PDF
// through a headless Chromium over the DevTools protocol (chromedp): one
// A4 page per form, laid out by the form's own @page rule, with no header
// or footer of the browser's (no date, title, file path or page number in
// the margins), and the Chinese text in embedded CID fonts that any PDF
// reader extracts.
//
// Fonts: Chromium embeds TrueType-outlined fonts as CID fonts but draws
// CFF-outlined OpenType fonts, such as Noto CJK, as one Type 3 font per
// run of glyphs (a one-page form came out with about 110 of them). The
// form's CSS therefore prefers TrueType Song/Ming faces: SimSun (Windows),
// Songti SC (macOS) and AR PL UMing CN (Debian's fonts-arphic-uming), and
// only then falls back to Noto Serif CJK. On Linux, install
// fonts-arphic-uming for a PDF with CID fonts.
//
// A Printer is safe for concurrent use: each Print opens its own tab.
// Without a browser, forms.Application.RenderHTML gives the same page for
// a user's own Ctrl+P (turn off the browser's "headers and footers").
package formpdf
