package footer

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/internal/catalog"
	"github.com/beiankit/beian/numbering"
)

// codes are the codes this package owns, in the module's one registry
// (internal/catalog).
var codes catalog.Set[filing.Code]

// define registers a code of this package with its rule ID and its Chinese
// (end-user) and English (developer) messages, which may hold fmt verbs.
// For package-level variable initialisation only; a code defined twice in
// the module panics.
func define(code, rule, zh, en string) filing.Code { return codes.Define(code, rule, zh, en) }

// Codes returns every code the package defines, sorted.
func Codes() []filing.Code { return codes.Codes() }

// Codes of the footer check.
var (
	CodeTooLarge = define("footer.too_large", "R-88",
		"网页超过%[1]d字节，未完整检查",
		"page larger than %[1]d bytes: scan stopped")
	CodeTokenTooLarge = define("footer.token_too_large", "R-88",
		"网页中有过长的标签或文本，未完整检查",
		"an HTML token exceeds the tokenizer bound: scan stopped")
	CodeRead = define("footer.read", "R-88",
		"读取网页失败",
		"reading the page failed: %[1]s")
	CodeNumberMissing = define("footer.number_missing", "R-88",
		"首页未显示备案号",
		"the home page shows no record number")
	CodeNumberNotOwn = define("footer.number_not_own", "R-88",
		"首页显示的备案号（%[1]s）不是本网站或其主办单位的备案号",
		"the record number shown (%[1]s) is neither the website's nor its subject's")
	CodeNumberPreference = define("footer.number_preference", "R-88",
		"%[2]s通信管理局要求首页显示%[1]s",
		"the bureau of the province prefers the %[1]s number on the home page")
	CodeLinkMissing = define("footer.link_missing", "R-88",
		"备案号未链接到工信部备案管理系统（https://beian.miit.gov.cn/）",
		"the record number does not link to https://beian.miit.gov.cn/")
	CodeLinkNotOnNumber = define("footer.link_not_on_number", "R-88",
		"页面有备案管理系统链接，但备案号本身未加链接",
		"the page links to the filing system, but not on the record number")
	CodeLinkOutdated = define("footer.link_outdated", "R-88",
		"备案号链接到旧的备案系统地址（%[1]s），请改为https://beian.miit.gov.cn/",
		"the record number links to an outdated system host (%[1]s): use https://beian.miit.gov.cn/")
	CodeLinkWrong = define("footer.link_wrong", "R-88",
		"备案号链接到了其他网址（%[1]s），应链接到https://beian.miit.gov.cn/",
		"the record number links elsewhere (%[1]s), not to https://beian.miit.gov.cn/")
	CodePSNotDisplayed = define("footer.ps_not_displayed", "R-87",
		"首页未显示公安联网备案号%[1]s",
		"the home page does not show the public-security number %[1]s")
	CodePSLinkOutdated = define("footer.ps_link_outdated", "R-87",
		"公安联网备案号链接到旧的地址（%[1]s），请改为https://beian.mps.gov.cn/",
		"the public-security number links to an outdated host (%[1]s): use https://beian.mps.gov.cn/")
)

// SystemURL is the filing system address the record number links to.
const SystemURL = "https://beian.miit.gov.cn/"

// LinkKind classifies the link around a displayed number.
type LinkKind string

// Link kinds.
const (
	LinkNone     LinkKind = "none"     // not inside a link
	LinkCurrent  LinkKind = "current"  // the current system host
	LinkOutdated LinkKind = "outdated" // an older system host
	LinkOther    LinkKind = "other"    // anywhere else
)

// miitHosts are the filing-system hosts: current and outdated. DESIGN: the
// notices since 2019 name beian.miit.gov.cn and www.beian.miit.gov.cn
// (either scheme); www.miibeian.gov.cn (until 2010) and www.miitbeian.gov.cn
// (2010 to about 2019) are outdated.
var miitHosts = map[string]LinkKind{
	"beian.miit.gov.cn":     LinkCurrent,
	"www.beian.miit.gov.cn": LinkCurrent,
	"miibeian.gov.cn":       LinkOutdated,
	"www.miibeian.gov.cn":   LinkOutdated,
	"miitbeian.gov.cn":      LinkOutdated,
	"www.miitbeian.gov.cn":  LinkOutdated,
}

// mpsHosts are the public-security platform's hosts: beian.mps.gov.cn now,
// www.beian.gov.cn before.
var mpsHosts = map[string]LinkKind{
	"beian.mps.gov.cn":     LinkCurrent,
	"www.beian.mps.gov.cn": LinkCurrent,
	"www.beian.gov.cn":     LinkOutdated,
	"beian.gov.cn":         LinkOutdated,
}

func isSystem(k LinkKind) bool { return k == LinkCurrent || k == LinkOutdated }

// classify returns the kind of the link href among hosts. Only a link a
// browser follows to the host can lead to the filing system: the scheme
// must be http, https or none (a scheme-relative "//host/" link), so that
// "javascript://beian.miit.gov.cn/%0Aalert(1)", which names the host but
// runs a script, is LinkOther.
func classify(href string, hosts map[string]LinkKind) LinkKind {
	if href == "" {
		return LinkNone
	}
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return LinkOther
	}
	switch strings.ToLower(u.Scheme) { // url.Parse lower-cases it; kept explicit
	case "http", "https", "":
	default:
		return LinkOther
	}
	if k, ok := hosts[strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")]; ok {
		return k
	}
	return LinkOther
}

// Displayed is a record number shown on the page.
type Displayed struct {
	Number numbering.Number `json:"number"`
	// Link is the href of the <a> the number is inside, or "".
	Link string   `json:"link,omitempty"`
	Kind LinkKind `json:"link_kind"`
}

// DisplayedPS is a public-security number shown on the page: a
// numbering.Number of KindPublicSecurity, as numbering's one parser reads
// it, older forms included (Number.Legacy); Number.Warnings gives what the
// parser warns about it.
type DisplayedPS struct {
	Number numbering.Number `json:"number"`
	Link   string           `json:"link,omitempty"`
	Kind   LinkKind         `json:"link_kind"`
}

// Page is what Scan found on a page.
type Page struct {
	Numbers        []Displayed   `json:"numbers"`
	PublicSecurity []DisplayedPS `json:"public_security"`
	// SystemLinks counts the links to the filing system's hosts (current
	// or outdated) anywhere on the page.
	SystemLinks int `json:"system_links"`
	// Bytes is how many bytes of HTML were read.
	Bytes int64 `json:"bytes"`
}

// Options bound a scan.
type Options struct {
	// MaxBytes bounds the HTML read; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxToken bounds one token (tag or text run) the tokenizer buffers; 0
	// means DefaultMaxToken.
	MaxToken int
}

// Default bounds.
const (
	DefaultMaxBytes = 8 << 20
	DefaultMaxToken = 256 << 10
	maxRun          = 16 << 10
)

// countingReader counts bytes and stops after limit+1.
type countingReader struct {
	r     io.Reader
	n     int64
	limit int64
}

var errLimit = errors.New("limit")

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n > c.limit {
		return 0, errLimit
	}
	if rem := c.limit + 1 - c.n; int64(len(p)) > rem {
		p = p[:rem]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// skipped are elements whose text is not displayed: scripts and styles,
// templates (inert), the fallback text of iframe, noembed and noframes
// (a browser that supports them shows the frame or embed instead), noscript
// (scripting is on in every browser a visitor uses), and the document title
// and a textarea's initial value (not page text).
var skipped = map[string]bool{"script": true, "style": true, "template": true, "noscript": true,
	"title": true, "textarea": true, "iframe": true, "noembed": true, "noframes": true}

// void are the HTML elements without content: a start tag of any other
// element opens it, whatever a "/>" says (browsers ignore the self-closing
// flag on HTML elements).
var void = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// blocks end a text run.
var blocks = map[string]bool{"address": true, "article": true, "aside": true, "blockquote": true, "br": true,
	"dd": true, "div": true, "dl": true, "dt": true, "footer": true, "form": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "header": true, "hr": true, "li": true, "main": true,
	"nav": true, "ol": true, "p": true, "pre": true, "section": true, "table": true, "td": true, "th": true,
	"tr": true, "ul": true, "body": true, "html": true}

type scanner struct {
	page     *Page
	run      []byte // text outside anchors, raw (entities unescaped at flush)
	anchor   []byte // text inside the current anchor
	href     []byte // href of the current anchor, reused
	inAnchor bool
	skip     string // element whose content is skipped, "" when none
	depth    int    // open elements named skip, the skipped one included
}

// Scan reads HTML from r and returns the numbers it displays. It
// reads at most opts.MaxBytes (CodeTooLarge beyond, with the Page found so
// far) and never more than one token of opts.MaxToken at a time. Broken
// HTML is read as browsers read it; nothing is fetched.
func Scan(r io.Reader, opts Options) (*Page, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.MaxToken <= 0 {
		opts.MaxToken = DefaultMaxToken
	}
	cr := &countingReader{r: r, limit: opts.MaxBytes}
	z := html.NewTokenizer(cr)
	z.SetMaxBuf(opts.MaxToken)
	s := &scanner{page: &Page{}}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			s.flushRun()
			s.endAnchor()
			s.page.Bytes = min(cr.n, opts.MaxBytes)
			err := z.Err()
			switch {
			case err == io.EOF:
				return s.page, nil
			case errors.Is(err, errLimit) || cr.n > opts.MaxBytes:
				return s.page, filing.NewProblem(CodeTooLarge, opts.MaxBytes)
			case errors.Is(err, html.ErrBufferExceeded):
				return s.page, filing.NewProblem(CodeTokenTooLarge)
			default:
				return s.page, filing.NewProblem(CodeRead, err.Error())
			}
		case html.TextToken:
			if s.skip != "" {
				continue
			}
			s.text(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			var nb [16]byte
			raw := z.Raw()
			name := tagName(raw, &nb)
			if s.skip != "" {
				if string(name) == s.skip && !void[s.skip] {
					s.depth++
				}
				continue
			}
			if !void[string(name)] && name != nil && (len(name) != 1 || name[0] != 'a' || tt == html.StartTagToken) &&
				(skipped[string(name)] || mayHide(raw) && hidden(z)) {
				s.skip, s.depth = string(name), 1
				continue
			}
			if len(name) == 1 && name[0] == 'a' {
				_, hasAttr := z.TagName()
				s.flushRun()
				s.endAnchor()
				s.href = s.href[:0]
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "href" {
						s.href = append(s.href, v...)
					}
				}
				s.inAnchor = tt == html.StartTagToken
				if mayBeSystem(s.href) && isSystem(classify(string(s.href), miitHosts)) {
					s.page.SystemLinks++
				}
				continue
			}
			if blocks[string(name)] {
				if s.inAnchor {
					s.anchor = append(s.anchor, ' ')
				} else {
					s.flushRun()
				}
			}
		case html.EndTagToken:
			var nb [16]byte
			name := tagName(z.Raw(), &nb)
			if s.skip != "" {
				if string(name) == s.skip {
					if s.depth--; s.depth <= 0 {
						s.skip = ""
					}
				}
				continue
			}
			if len(name) == 1 && name[0] == 'a' {
				s.endAnchor()
				continue
			}
			if blocks[string(name)] {
				if s.inAnchor {
					s.anchor = append(s.anchor, ' ')
				} else {
					s.flushRun()
				}
			}
		}
	}
}

// mayBeSystem reports whether href holds "beian" in any ASCII letter case,
// as every filing-system host does: a link without it is not classified.
func mayBeSystem(href []byte) bool {
	const key = "beian"
	for i := 0; i+len(key) <= len(href); i++ {
		j := 0
		for ; j < len(key); j++ {
			c := href[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != key[j] {
				break
			}
		}
		if j == len(key) {
			return true
		}
	}
	return false
}

// tagName returns the lower-case name of the tag in raw ("<DIV class>",
// "</p>") in buf, or nil for a name longer than buf (no tag of interest
// is). It saves the allocation of Tokenizer.TagName on every tag.
func tagName(raw []byte, buf *[16]byte) []byte {
	i := 1
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	n := 0
	for ; i < len(raw); i++ {
		c := raw[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if n == len(buf) {
			return nil
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[n] = c
		n++
	}
	return buf[:n]
}

// text adds displayed text (entities unescaped) to the current run or
// anchor text. A run never holds more than maxRun bytes: when it would, the
// run so far is searched and all but its last overlap bytes dropped, so
// that memory stays bounded and no number is lost, however long the text
// before it (a number crossing the cut lies whole in the overlap, and one
// starting before it is reported by the search that drops it, never twice).
func (s *scanner) text(t []byte) {
	buf := &s.run
	var href []byte
	if s.inAnchor {
		buf, href = &s.anchor, s.href
	}
	for len(*buf)+len(t) > maxRun {
		take := maxRun - len(*buf)
		*buf = append(*buf, t[:take]...)
		t = t[take:]
		cut := len(*buf) - overlap
		for cut > 0 && !utf8.RuneStart((*buf)[cut]) {
			cut--
		}
		s.findBefore(*buf, href, cut)
		*buf = append((*buf)[:0], (*buf)[cut:]...)
	}
	*buf = append(*buf, t...)
}

// overlap is the text kept after a search of a full run: far more than the
// longest number with its noise.
const overlap = 512

// mayHide reports whether a tag's raw text may hold the hidden attribute or
// a style that hides (display:none, visibility:hidden), in any ASCII case:
// the attributes of other tags are not read.
func mayHide(raw []byte) bool {
	return containsFold(raw, "hidden") || containsFold(raw, "none")
}

// hidden reports whether the tag the tokenizer is on hides its content: the
// hidden attribute (any value, "until-found" included: the content is not
// rendered until found) or an inline style with display:none or
// visibility:hidden (DESIGN: style sheets are not run, see the package
// doc; an inline style is the tag's own).
func hidden(z *html.Tokenizer) bool {
	_, more := z.TagName()
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case "hidden":
			return true
		case "style":
			st := strings.Map(func(r rune) rune {
				if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
					return -1
				}
				return unicode.ToLower(r)
			}, string(v))
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// containsFold reports whether b holds the lower-case ASCII key in any
// ASCII letter case.
func containsFold(b []byte, key string) bool {
	for i := 0; i+len(key) <= len(b); i++ {
		j := 0
		for ; j < len(key); j++ {
			c := b[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != key[j] {
				break
			}
		}
		if j == len(key) {
			return true
		}
	}
	return false
}

// mayHold reports whether text may hold a record or public-security number:
// "ICP" (either case or width), 备 or 備 (公网安备 and the older 浙备…号
// form), or a telecom licence's category and dash (B2-). A run without any
// of these is not searched.
func mayHold(b []byte) bool {
	for _, k := range holdKeys {
		if bytes.Contains(b, k) {
			return true
		}
	}
	return false
}

var holdKeys = [][]byte{[]byte("ICP"), []byte("icp"), []byte("Icp"), []byte("ＩＣＰ"), []byte("ｉｃｐ"), []byte("备"), []byte("備"),
	[]byte("B1-"), []byte("B2-"), []byte("A1-"), []byte("A2-")}

func (s *scanner) flushRun() {
	if len(s.run) > 0 {
		s.find(s.run, nil)
		s.run = s.run[:0]
	}
}

func (s *scanner) endAnchor() {
	if s.inAnchor {
		s.find(s.anchor, s.href)
		s.anchor = s.anchor[:0]
		s.inAnchor, s.href = false, s.href[:0]
	}
}

func (s *scanner) find(raw, hrefBytes []byte) { s.findBefore(raw, hrefBytes, len(raw)) }

// findBefore reports the numbers of the text that start before byte limit.
// The text is displayed text, entities already unescaped.
//
// A public-security number is reported exactly as numbering's one parser
// reads it (numbering.FindAll, the grammar of numbering.Parse and
// numbering.ParsePublicSecurity), and only once: "京公网安备 11010802017522"
// without 号 and "沪公网安备: 31010902002961号" with a colon count as
// displayed (DESIGN: a browser shows the number, and the 14 digits with the
// province are what identifies the filing; the 号 and the colon are
// typography), and so do the older forms and numbers whose area code is
// unknown or of another province, which the parser accepts with a warning.
func (s *scanner) findBefore(raw, hrefBytes []byte, limit int) {
	if !mayHold(raw) {
		return
	}
	href := string(hrefBytes)
	text := string(raw)
	for _, m := range numbering.FindAll(text) {
		if m.Start >= limit {
			break
		}
		if m.Number.Kind() == numbering.KindPublicSecurity {
			s.page.PublicSecurity = append(s.page.PublicSecurity, DisplayedPS{Number: m.Number, Link: href, Kind: classify(href, mpsHosts)})
			continue
		}
		s.page.Numbers = append(s.page.Numbers, Displayed{Number: m.Number, Link: href, Kind: classify(href, miitHosts)})
	}
}
