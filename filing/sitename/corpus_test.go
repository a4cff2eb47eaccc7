package sitename_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing/sitename"
)

// corpusRefusals are the names of testdata/realnames.txt the rules refuse,
// each checked by hand against its rule (BENCHMARKS.md, "Names …", explains each).
// A refusal not listed here, or a listed name now accepted, fails the test.
var corpusRefusals = map[string]sitename.Code{}

// refusal is a name of testdata/sitenames.txt the rules refuse: the code of
// its first error and why, checked by hand against the rule and its source.
type refusal struct {
	code sitename.Code
	why  string
}

// Why a displayed title is refused although its site exists: the title is
// not the filed name (the source shows the title, not the record), or the
// site was filed before providers checked names as they do now.
const (
	latinTitle  = "R-90 not all Latin letters (Tencent 网站命名要求 B; 新网 C asks for Chinese characters; DESIGN: a Chinese character): the site shows a Latin title next to its ICP number; its filed name is not in the source"
	latinDigits = "R-90 as latinTitle; letters and digits only is refused by the DESIGN reading (新网: Chinese characters), Tencent's text alone would not refuse it"
	shortTitle  = "R-90 at least three characters (Tencent B, 新网 C): a two-character blog title; the filed name, if any, is not in the list"
	symbolTitle = "R-90 no special symbols (Tencent B; the SDK allows - ( ) only): a blog title with punctuation or a slogan; the filed name, if any, is not in the list"
)

// siteNameRefusals are the names of testdata/sitenames.txt the rules refuse,
// each checked by hand (BENCHMARKS.md, "Corpus of real names", gives the
// verdicts). No government site is refused: the state words are a warning
// for a government sponsor (TestR91_StateWordsWarnGovernment).
var siteNameRefusals = map[string]refusal{
	// A: names next to an ICP number.
	"MaxSihong":    {sitename.CodeAllLatin, latinTitle},
	"zsx's Blog":   {sitename.CodeAllLatin, latinTitle},
	"AJohn Blog":   {sitename.CodeAllLatin, latinTitle},
	"lmtss":        {sitename.CodeAllLatin, latinTitle},
	"JayHu":        {sitename.CodeAllLatin, latinTitle},
	"Jake":         {sitename.CodeAllLatin, latinTitle},
	"PGzxc":        {sitename.CodeAllLatin, latinTitle},
	"Razon Yang":   {sitename.CodeAllLatin, latinTitle},
	"ReAlign":      {sitename.CodeAllLatin, latinTitle},
	"ma Blog":      {sitename.CodeAllLatin, latinTitle},
	"DEC-10 Lab":   {sitename.CodeAllLatin, latinDigits},
	"Maples Blog":  {sitename.CodeAllLatin, latinTitle},
	"Cklovery":     {sitename.CodeAllLatin, latinTitle},
	"Venja's Zone": {sitename.CodeAllLatin, latinTitle},
	"XiaoJt":       {sitename.CodeAllLatin, latinTitle},
	"百度": {sitename.CodeTooShort, "R-90 at least three characters (Tencent B, 新网 C): the record query shows 百度 as the filed name under 京ICP证030173号, filed " +
		"before providers required three characters; the SDK follows the providers' current requirement"},

	// C: personal blogs' titles.
	"酷 壳 – CoolShell":          {sitename.CodeSymbol, symbolTitle},
	"DIYGod - 写代码是热爱，写到世界充满爱!": {sitename.CodeSymbol, symbolTitle},
	"全栈应用开发:精益实践":              {sitename.CodeSymbol, symbolTitle},
	"但行好事，莫问前程":                {sitename.CodeSymbol, symbolTitle},
	"zhonger 前端开发者，喜爱运维管理":     {sitename.CodeSymbol, symbolTitle},
	"依云's Blog":                {sitename.CodeSymbol, symbolTitle},
	"Mr. PM 下午先生":              {sitename.CodeSymbol, symbolTitle},
	"人人都是产品经理——iamsujie":       {sitename.CodeSymbol, symbolTitle},
	"Aiur · Zellux 的博客":        {sitename.CodeSymbol, symbolTitle},
	"黑·白":                      {sitename.CodeSymbol, symbolTitle},
	"褪墨・时间管理":                  {sitename.CodeSymbol, symbolTitle},
	"遥行 Gofurther 技术&ML&BC博客":  {sitename.CodeSymbol, symbolTitle},
	"不才's blog":                {sitename.CodeSymbol, symbolTitle},
	"解道jdon.com":               {sitename.CodeDomain, "R-90 not a domain (Tencent B: an individual's name is not a domain): the title reads as the domain 解道jdon.com"},
	"阁子":                       {sitename.CodeTooShort, shortTitle},
	"朽儿":                       {sitename.CodeTooShort, shortTitle},
	"某岛":                       {sitename.CodeTooShort, shortTitle},
	"鸟窝":                       {sitename.CodeTooShort, shortTitle},
	"朝舞":                       {sitename.CodeTooShort, shortTitle},
	"庭说":                       {sitename.CodeTooShort, shortTitle},
	"蓝卡":                       {sitename.CodeTooShort, shortTitle},
	"沐凉":                       {sitename.CodeTooShort, shortTitle},
	"桃园":                       {sitename.CodeTooShort, shortTitle},
	"码志":                       {sitename.CodeTooShort, shortTitle},
	"素生":                       {sitename.CodeTooShort, shortTitle},
	"木子":                       {sitename.CodeTooShort, shortTitle},
}

// corpusLine is one line of a corpus file: name|nature|sponsor|source.
type corpusLine struct {
	name, nature, sponsor, source string
}

// readCorpus reads a corpus file, skipping blank lines and comments.
func readCorpus(t *testing.T, path string) []corpusLine {
	t.Helper()
	fh, err := os.Open(path)
	require.NoError(t, err)
	defer fh.Close()
	var out []corpusLine
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 4)
		require.Len(t, parts, 4, line)
		require.NotEmpty(t, parts[0], "no name: %s", line)
		require.NotEmpty(t, parts[1], "no nature: %s", line)
		require.NotEmpty(t, parts[3], "no source: %s", line)
		out = append(out, corpusLine{parts[0], parts[1], parts[2], parts[3]})
	}
	require.NoError(t, sc.Err())
	return out
}

// checkCorpus runs the lines through the rules: every refusal must be
// listed with the code it gets (want), and every listed name refused. It
// returns how many are refused and how many warned.
func checkCorpus(t *testing.T, lines []corpusLine, want func(name string) (sitename.Code, bool)) (refused, warned int) {
	t.Helper()
	for _, l := range lines {
		fs := sitename.Check(sitename.Input{Name: l.name, Nature: l.nature, Sponsor: l.sponsor})
		errs := sitename.Errors(fs)
		if ws := sitename.Warnings(fs); len(ws) > 0 {
			warned++
			t.Logf("warned %s (%s): %s %s", l.name, l.nature, ws[0].Code, ws[0].Zh)
		}
		code, listed := want(l.name)
		if len(errs) > 0 {
			refused++
			t.Logf("refused %s (%s): %s %s", l.name, l.nature, errs[0].Code, errs[0].Zh)
			assert.True(t, listed, "refusal not checked by hand: %s (%s): %s", l.name, l.nature, errs[0].Zh)
			if listed {
				assert.Equal(t, code, errs[0].Code, l.name)
			}
		} else {
			assert.False(t, listed, "%s is listed as refused but accepted", l.name)
		}
	}
	return refused, warned
}

// TestR90_RealNames runs the corpus of real names through the rules and
// reports how many are refused and why.
func TestR90_RealNames(t *testing.T) {
	lines := readCorpus(t, "testdata/realnames.txt")
	refused, warned := checkCorpus(t, lines, func(name string) (sitename.Code, bool) {
		c, ok := corpusRefusals[name]
		return c, ok
	})
	t.Logf("%d names, %d refused, %d warned", len(lines), refused, warned)
	assert.GreaterOrEqual(t, len(lines), 300, "the corpus holds at least 300 real names")
}

// TestR90_SiteNamesCorpus runs the corpus of website names as real sites
// file or display them (testdata/sitenames.txt: names next to an ICP
// number, government sites, personal blogs' titles) through the rules;
// every refusal is listed in siteNameRefusals with the code it gets and why.
func TestR90_SiteNamesCorpus(t *testing.T) {
	lines := readCorpus(t, "testdata/sitenames.txt")
	inRealNames := map[string]bool{}
	for _, l := range readCorpus(t, "testdata/realnames.txt") {
		inRealNames[l.name] = true
	}
	seen := map[string]bool{}
	natures := map[string]int{}
	for _, l := range lines {
		assert.False(t, seen[l.name], "%s appears twice", l.name)
		assert.False(t, inRealNames[l.name], "%s is in realnames.txt already", l.name)
		seen[l.name] = true
		natures[l.nature]++
	}
	for name := range siteNameRefusals {
		assert.True(t, seen[name], "siteNameRefusals lists %s, which the corpus does not hold", name)
	}
	refused, warned := checkCorpus(t, lines, func(name string) (sitename.Code, bool) {
		r, ok := siteNameRefusals[name]
		if ok {
			assert.NotEmpty(t, r.why, name)
		}
		return r.code, ok
	})
	t.Logf("%d names (%v), %d refused, %d warned", len(lines), natures, refused, warned)
	assert.GreaterOrEqual(t, len(lines), 300, "the corpus holds at least 300 real website names")
}
