package numbering

import (
	"strconv"
	"unicode/utf8"
)

// What Parse accepts (decided here; see also the package doc).
//
// Tolerated presentation noise, normalised away:
//   - white space before, after and between the parts of a number, but not
//     inside a digit run ("陕 ICP 备 19000424 号 -2" is 陕ICP备19000424号-2);
//     this includes the ideographic space, no-break space, zero-width space
//     and BOM;
//   - full-width digits and letters (京ＩＣＰ备０５００２５７１号), lower-case
//     letters (京icp备…, -2a);
//   - dash variants before the suffix: - － — – ‐ ‑ − ―;
//   - a colon after 备/证/公网安备 (京ICP备：14012449号, as seen in footers);
//   - Traditional characters 備 號 證 網;
//   - any abbreviation of the province in filing's table (川 and 蜀, 贵 and
//     黔, ...); output uses the canonical one;
//   - a missing 号 after a 公网安备 number (most footers omit it) and a
//     trailing 号 after a telecom licence (川B2-20030065号).
//
// Not checked by Parse, reported as warnings by Number.Warnings and
// ParsePublicSecurity instead: a public-security area code missing
// from the GB/T 2260 table or lying in another province than the
// abbreviation, and the older public-security forms.
//
// Rejected, with a *ParseError naming the code and the position:
//   - anything before or after the number: Parse reads one number; use Find
//     to scan a footer or a page;
//   - a missing 号 after an ICP filing or licence number
//     (CodeMissingHao), a suffix before 号 (沪ICP备2021527689-3号,
//     CodeSuffixMisplaced);
//   - serials of the wrong length: ICP备 8 (yy + 6) or 10 (yyyy + 6) digits,
//     ICP证 6 (yy + 4), telecom licences 8 (yyyy + 4), public security 14
//     (6-digit area code + 8) or, in the older forms, 12 after 公网安备 and
//     8 to 19 after a bare 备 (浙备3301000000001号; see ParsePublicSecurity);
//   - a missing 号 after the older 备 form of a public-security number
//     (CodeMissingHao): without 公网安备 the 号 is what marks it;
//   - the letter X inside a serial (CodeSerialMasked): the seed's
//     黔ICP备1500041X号 is an illustration with a masked
//     digit; no real number with a letter in its serial was found, so it is
//     refused rather than guessed at;
//   - suffixes "-0", with leading zeros ("-007"), over MaxSuffix, or followed by
//     a letter other than A, X, K.
//
// The core below works on the input bytes without allocating; it folds each
// character as it reads it and records byte offsets into the original input.

// fold reads the character at s[i:] and returns it folded (full-width ASCII
// to ASCII, a-z to A-Z, dash variants to '-', white space to ' ',
// Traditional to Simplified for 備號證網, '、' to '.') with its size in bytes.
// Invalid UTF-8 returns utf8.RuneError with size 1.
func fold(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		switch {
		case c >= 'a' && c <= 'z':
			return rune(c - 32), 1
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			return ' ', 1
		}
		return rune(c), 1
	}
	var r rune
	var n int
	if c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		// Three-byte sequence (all CJK and full-width forms): decoded inline,
		// the hot path of every number.
		r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		n = 3
		if r < 0x800 || (r >= 0xD800 && r <= 0xDFFF) {
			return utf8.RuneError, 1
		}
	} else {
		r, n = utf8.DecodeRuneInString(s[i:])
	}
	if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
		r -= 0xFEE0
		if r >= 'a' && r <= 'z' {
			r -= 32
		}
		return r, n
	}
	if r < 0x3000 {
		switch r {
		case 0x00A0, 0x200B, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F, 0x0085:
			return ' ', n
		case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212:
			return '-', n
		}
		return r, n
	}
	switch r {
	case 0x3000, 0xFEFF:
		return ' ', n
	case 0xFE63, 0xFE58:
		return '-', n
	case '備':
		return '备', n
	case '號':
		return '号', n
	case '證':
		return '证', n
	case '網':
		return '网', n
	case '、':
		return '.', n
	}
	return r, n
}

// provinceOf returns the province index+1 of an abbreviation character, or 0.
func provinceOf(r rune) uint8 {
	if r >= cjkBase && r < cjkBase+rune(len(provByCJK)) {
		return provByCJK[r-cjkBase]
	}
	return 0
}

// perr is an error found by the core: a code and a byte offset. It is a value
// so that Find can try candidates without allocating.
type perr struct {
	code Code
	off  int
}

type scanner struct {
	s string
	i int
}

func (sc *scanner) peek() (rune, int) {
	if sc.i >= len(sc.s) {
		return -1, 0
	}
	return fold(sc.s, sc.i)
}

func (sc *scanner) skipSpace() {
	for sc.i < len(sc.s) {
		if c := sc.s[sc.i]; c > ' ' && c < utf8.RuneSelf || c >= utf8.RuneSelf && c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF {
			return // fast path: cannot start a space
		}
		r, n := fold(sc.s, sc.i)
		if r != ' ' {
			return
		}
		sc.i += n
	}
}

// accept consumes r if it is next.
func (sc *scanner) accept(r rune) bool {
	if c, n := sc.peek(); c == r {
		sc.i += n
		return true
	}
	return false
}

// digits reads a run of (folded) decimal digits: the value of at most the
// first 19 digits, the count, and the start offset.
func (sc *scanner) digits() (v uint64, count, start int) {
	start = sc.i
	for sc.i < len(sc.s) && count < 19 { // fast path: ASCII digits
		c := sc.s[sc.i]
		if c < '0' || c > '9' {
			if c != 0xEF { // only full-width digits (U+FF10..FF19: EF BC 90..99) fold to digits
				return v, count, start
			}
			break
		}
		v = v*10 + uint64(c-'0')
		count++
		sc.i++
	}
	for sc.i < len(sc.s) {
		r, n := fold(sc.s, sc.i)
		if r < '0' || r > '9' {
			break
		}
		if count < 19 {
			v = v*10 + uint64(r-'0')
		}
		count++
		sc.i += n
	}
	return v, count, start
}

// parseAt reads one number starting at s[i:] (no leading space). find
// selects the Find behaviour: a dash not followed by a suffix, or a suffix
// on a public security number, ends the number instead of failing it.
func parseAt(s string, i int, find bool) (Number, int, perr) {
	sc := scanner{s: s, i: i}
	var n Number
	r, size := sc.peek()
	if size == 0 {
		return n, sc.i, perr{CodeEmpty, sc.i}
	}
	joint := false
	if p := provinceOf(r); p != 0 {
		n.prov = p
		sc.i += size
		sc.skipSpace()
	} else if r == '合' && len(s) >= sc.i+6 && s[sc.i+3:sc.i+6] == "字" {
		joint = true
		sc.i += 6
		sc.skipSpace() // 合字 B2-20250310, as footers print it
	} else if r != 'A' && r != 'B' {
		return n, sc.i, perr{CodeProvinceUnknown, sc.i}
	}
	r, _ = sc.peek()
	switch {
	case r == 'I' && !joint:
		return parseICP(&sc, n, find)
	case r == 'A' || r == 'B':
		if joint {
			n.cats = catJoint
		}
		return parseTelecom(&sc, n, find)
	case (r == '公' || r == '备') && n.prov != 0:
		return parsePublicSecurity(&sc, n, find)
	case n.prov == 0 && !joint:
		return n, sc.i, perr{CodeProvinceUnknown, i}
	}
	return n, sc.i, perr{CodeKindUnknown, sc.i}
}

func parseICP(sc *scanner, n Number, find bool) (Number, int, perr) {
	kindAt := sc.i
	if len(sc.s) >= sc.i+6 && sc.s[sc.i:sc.i+6] == "ICP备" { // fast path
		n.kind = KindICPFiling
		sc.i += 6
	} else {
		_, size := sc.peek() // the 'I', ASCII or full-width
		sc.i += size
		if !sc.accept('C') || !sc.accept('P') {
			return n, sc.i, perr{CodeKindUnknown, kindAt}
		}
		sc.skipSpace()
		switch r, size := sc.peek(); r {
		case '备':
			n.kind = KindICPFiling
			sc.i += size
		case '证':
			n.kind = KindICPLicence
			sc.i += size
		default:
			return n, sc.i, perr{CodeKindUnknown, sc.i}
		}
	}
	sc.skipSpace()
	if sc.accept(':') {
		sc.skipSpace()
	}
	v, count, start := sc.digits()
	if r, _ := sc.peek(); r == 'X' {
		return n, sc.i, perr{CodeSerialMasked, sc.i}
	}
	if count == 0 {
		return n, sc.i, perr{CodeSerialMissing, start}
	}
	if n.kind == KindICPFiling {
		switch count {
		case 8:
		case 10:
			if y := v / 1e6; y < MinYear || y > MaxYear {
				return n, sc.i, perr{CodeSerialYear, start}
			}
		default:
			return n, sc.i, perr{CodeSerialLength, start}
		}
	} else if count != 6 {
		return n, sc.i, perr{CodeSerialLength, start}
	}
	n.serial, n.width = v, uint8(count)
	sc.skipSpace()
	r, size := sc.peek()
	if r == '-' {
		return n, sc.i, perr{CodeSuffixMisplaced, sc.i}
	}
	if r != '号' {
		return n, sc.i, perr{CodeMissingHao, sc.i}
	}
	sc.i += size
	return parseSuffix(sc, n, find)
}

func parseTelecom(sc *scanner, n Number, find bool) (Number, int, perr) {
	n.kind = KindTelecomLicence
	for {
		at := sc.i
		r, size := sc.peek()
		if r != 'A' && r != 'B' {
			return n, sc.i, perr{CodeCategoryUnknown, at}
		}
		sc.i += size
		d, size := sc.peek()
		if d != '1' && d != '2' {
			return n, sc.i, perr{CodeCategoryUnknown, at}
		}
		sc.i += size
		bit := uint8(1) << ((r-'A')*2 + (d - '1'))
		if n.cats&bit != 0 {
			return n, sc.i, perr{CodeCategoryUnknown, at}
		}
		if r, _ := sc.peek(); r >= '0' && r <= '9' { // B25, A21: not a licence category
			return n, sc.i, perr{CodeCategoryUnknown, at}
		}
		n.cats |= bit
		if !sc.accept('.') {
			break
		}
	}
	sc.skipSpace()
	if !sc.accept('-') {
		return n, sc.i, perr{CodeSerialMissing, sc.i}
	}
	sc.skipSpace()
	v, count, start := sc.digits()
	if r, _ := sc.peek(); r == 'X' {
		return n, sc.i, perr{CodeSerialMasked, sc.i}
	}
	switch {
	case count == 0:
		return n, sc.i, perr{CodeSerialMissing, start}
	case count != 8:
		return n, sc.i, perr{CodeSerialLength, start}
	}
	if y := v / 1e4; y < MinYear || y > MaxYear {
		return n, sc.i, perr{CodeSerialYear, start}
	}
	n.serial, n.width = v, 8
	end := sc.i
	sc.skipSpace()
	if !sc.accept('号') {
		sc.i = end
	}
	return parseSuffix(sc, n, find)
}

// parsePublicSecurity reads a public-security number after its province:
// 公网安备 and 14 digits (current) or 12 (older), or the older bare 备 form
// with 8 to 19 digits and a 号. Whether the area code is known and
// lies in the province is not checked here: Number.Warnings reports it.
func parsePublicSecurity(sc *scanner, n Number, find bool) (Number, int, perr) {
	at := sc.i
	if r, size := sc.peek(); r == '备' {
		n.short = true
		sc.i += size
	} else {
		sc.i += len("公")
		if !sc.accept('网') || !sc.accept('安') || !sc.accept('备') {
			return n, sc.i, perr{CodeKindUnknown, at}
		}
	}
	n.kind = KindPublicSecurity
	sc.skipSpace()
	if sc.accept(':') {
		sc.skipSpace()
	}
	v, count, start := sc.digits()
	if r, _ := sc.peek(); r == 'X' {
		return n, sc.i, perr{CodeSerialMasked, sc.i}
	}
	switch {
	case count == 0:
		return n, sc.i, perr{CodeSerialMissing, start}
	case n.short && (count < minPSLegacyDigits || count > maxPSLegacyDigits),
		!n.short && count != psDigits && count != psOldDigits:
		return n, sc.i, perr{CodeSerialLength, start}
	}
	n.serial, n.width = v, uint8(count)
	end := sc.i
	sc.skipSpace()
	if sc.accept('号') {
		end = sc.i
	} else if n.short {
		return n, sc.i, perr{CodeMissingHao, sc.i}
	}
	sc.i = end
	if !find {
		save := sc.i
		sc.skipSpace()
		if r, _ := sc.peek(); r == '-' {
			return n, sc.i, perr{CodeSuffixNotAllowed, sc.i}
		}
		sc.i = save
	}
	return n, sc.i, perr{}
}

// parseSuffix reads an optional "-N" with its kind letter after a subject
// number.
func parseSuffix(sc *scanner, n Number, find bool) (Number, int, perr) {
	end := sc.i
	sc.skipSpace()
	if !sc.accept('-') {
		return n, end, perr{}
	}
	dash := sc.i
	sc.skipSpace()
	v, count, start := sc.digits()
	switch {
	case count == 0:
		if find {
			return n, end, perr{}
		}
		return n, sc.i, perr{CodeSuffixInvalid, dash}
	case v == 0 || firstDigit(sc.s, start) == '0': // "-0", "-007"
		return n, sc.i, perr{CodeSuffixInvalid, start}
	case count > 6 || v > MaxSuffix:
		return n, sc.i, perr{CodeSuffixTooLarge, start}
	}
	n.suffix = uint32(v)
	n.svc = ServiceWebsite
	r, size := sc.peek()
	switch r {
	case 'A':
		n.svc = ServiceApp
	case 'X':
		n.svc = ServiceMiniProgram
	case 'K':
		n.svc = ServiceQuickApp
	default:
		if r >= 'A' && r <= 'Z' {
			return n, sc.i, perr{CodeServiceKindUnknown, sc.i}
		}
		return n, sc.i, perr{}
	}
	sc.i += size
	return n, sc.i, perr{}
}

// MustParse is like Parse but panics when s is not a record number. It is
// meant for tests and for constants in code, as netip.MustParseAddr is; input
// from users goes through Parse.
func MustParse(s string) Number {
	n, err := Parse(s)
	if err != nil {
		panic("numbering.MustParse(" + strconv.Quote(s) + "): " + err.Error())
	}
	return n
}

// Parse reads one record number: an ICP filing number (京ICP备05002571号,
// 粤ICP备2021012345号-3, 浙ICP备2024071295号-2A), an ICP licence
// (京ICP证030173号), a value-added telecom licence (京B2-20090059,
// A2.B1.B2-20090003, 粤B2-20090059-1626X) or a public security filing number
// (京公网安备11010502030143号, and its older forms 京公网安备110105000655号 and
// 浙备3301000000001号, for which Number.Legacy is true). It tolerates
// presentation noise (spaces, full-width characters, dash variants; see the
// package doc) and returns the canonical Number, or a *ParseError with a
// stable Code and the offset of the problem. Text around the number is an
// error: use Find for footers.
//
// Parse is the one parser of public-security numbers: ParsePublicSecurity is
// Parse plus the R-87 warnings (Number.Warnings), which Parse, having no
// place for them, leaves to the caller. A public-security number whose area
// code is unknown or in another province parses; so does an older form.
//
// Parse never panics and does not allocate on success.
func Parse(s string) (Number, error) {
	n, e := parse(s)
	if e.code != "" {
		return Number{}, newParseError(e.code, s, e.off)
	}
	return n, nil
}

// parse is Parse without building the error: the one code path of Parse
// and ParsePublicSecurity.
func parse(s string) (Number, perr) {
	sc := scanner{s: s}
	sc.skipSpace()
	if sc.i >= len(s) {
		return Number{}, perr{CodeEmpty, 0}
	}
	n, end, e := parseAt(s, sc.i, false)
	if e.code == "" {
		sc.i = end
		sc.skipSpace()
		if sc.i < len(s) {
			e = perr{CodeTrailingText, sc.i}
		}
	}
	if e.code != "" {
		if e.off < len(s) {
			if r, size := utf8.DecodeRuneInString(s[e.off:]); r == utf8.RuneError && size == 1 {
				e.code = CodeInvalidUTF8
			}
		}
		return Number{}, e
	}
	return n, perr{}
}

// Match is a number found by FindAll, with its byte range in the text.
type Match struct {
	Number Number
	// Start and End delimit the number in the text: text[Start:End].
	Start, End int
}

// Find scans free text (a page footer, an HTML fragment, a scraped record)
// and returns every record number in it, in order of appearance, duplicates
// included. It is Parse applied at every place a number can begin, with two
// differences that only make sense in running text: a dash not followed by a
// suffix ends the number (footers use "-" as a separator:
// 京公网安备11010802020134号-京ICP证110507号), and a number must not run on into
// letters or digits (京ICP备05002571号-1abc is skipped, not cut). Candidates
// that fail to parse are skipped; nothing is guessed.
func Find(text string) []Number {
	var out []Number
	for m := range findIter(text) {
		out = append(out, m.Number)
	}
	return out
}

// FindAll is Find with the position of each number.
func FindAll(text string) []Match {
	var out []Match
	for m := range findIter(text) {
		out = append(out, m)
	}
	return out
}

func findIter(text string) func(func(Match) bool) {
	return func(yield func(Match) bool) {
		prevAlnum := false
		for i := 0; i < len(text); {
			r, size := fold(text, i)
			start := false
			if provinceOf(r) != 0 {
				start = true
			} else if r == '合' || ((r == 'A' || r == 'B') && !prevAlnum) {
				start = true
			}
			if start {
				if n, end, e := parseAt(text, i, true); e.code == "" && boundary(text, end) {
					if !yield(Match{Number: n, Start: i, End: end}) {
						return
					}
					i = end
					prevAlnum = false
					continue
				}
			}
			prevAlnum = r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r == '.'
			i += size
		}
	}
}

func firstDigit(s string, i int) rune {
	r, _ := fold(s, i)
	return r
}

// boundary reports whether a number ending at end is not followed by a
// letter or digit.
func boundary(s string, end int) bool {
	if end >= len(s) {
		return true
	}
	r, _ := fold(s, end)
	return !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z')
}
