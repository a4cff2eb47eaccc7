// Package footer checks the record number a website shows on its home page
// (R-88, 信息产业部令第33号 Art. 13): Scan reads the page's HTML as a stream
// (golang.org/x/net/html's tokenizer, a size bound the caller sets) and
// finds the displayed record numbers and public-security numbers with the
// links around them; Check says whether one of the numbers is the website's
// or its subject's, whether it links to the filing system
// (https://beian.miit.gov.cn/; older hosts are outdated links), and the same
// for the public-security number. The package does no network I/O:
// fetch the page yourself.
//
// # What counts as displayed
//
// Order No. 33 asks for the number at the bottom centre of the home page;
// the position depends on style sheets and scripts, which Scan does not
// run, so it is not judged (DESIGN): any displayed text counts.
//
// Text inside script, style, template, noscript, title and textarea is not
// displayed and is skipped, as is the fallback text of iframe, noembed and
// noframes, and the whole content of an element with the hidden attribute
// or an inline style display:none or visibility:hidden (nesting counted;
// a "/>" on a non-void element opens it, as in browsers); so are comments
// and attribute values. Text runs are joined across inline tags
// (京ICP备<b>12345678</b>号) and split at block boundaries (div, p, br, li,
// td, footer ...). A number inside an <a href> is linked to that address.
// Memory is bounded: a text run or anchor text is searched in windows of
// 16 KiB that overlap, so a number after any length of text is found once;
// a token longer than the tokenizer bound is an error. Numbers are those
// numbering.FindAll finds: a public-security number without 号 or with a
// colon counts as displayed (DESIGN: the province and 14 digits identify
// it); older public-security forms (浙备3301000000001号) are not
// recognised on a page.
// A run is searched only when it holds "ICP" (any case or width), 公网安备
// or a licence category with its dash (B2-), which keeps the scan near the
// tokenizer's own speed.
//
// # Generating the footer
//
// Snippet and SnippetFor write the footer HTML: the ICP filing
// number linked to https://beian.miit.gov.cn/ and the public-security
// number linked to https://beian.mps.gov.cn/#/query/webSearch?code= with
// its 14 digits, the number the province prefers (PreferenceOf), every
// text and attribute escaped. Check accepts what they write.
//
// # Errors
//
// A page over Options.MaxBytes stops the scan with CodeTooLarge (the Page
// holds what was read); a token over the tokenizer bound is CodeTokenTooLarge.
// Check returns a *filing.ValidationError of refusals and a list of
// warnings.
package footer
