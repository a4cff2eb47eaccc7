package numbering_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/numbering"
)

// corpus holds real-world numbers of every kind, as found in public web pages
// and source code. Sources: the find_string search over public GitHub files
// (query in quotes, file id in brackets; the search gives no repository
// path), the examples of the guidance documents, and public pages.
var corpus = []struct {
	in        string
	canonical string
	kind      numbering.Kind
	province  string // GB/T 2260 code, "" for nationwide licences
	year      int
	seq       int
	suffix    int
	service   numbering.ServiceKind
	source    string
}{
	// ICP filing numbers, old 8-digit serials (two-digit year + six).
	{"京ICP备05002571号", "", numbering.KindICPFiling, "11", 2005, 2571, 0, numbering.ServiceNone, "documented example"},
	{"京ICP备10046444号", "", numbering.KindICPFiling, "11", 2010, 46444, 0, numbering.ServiceNone, `mi.com footer, "京ICP证" [41587256478]`},
	{"京ICP备11027288号", "", numbering.KindICPFiling, "11", 2011, 27288, 0, numbering.ServiceNone, `douban.com footer, "京ICP证" [29289770598]`},
	{"京ICP备15039648号-15", "", numbering.KindICPFiling, "11", 2015, 39648, 15, numbering.ServiceWebsite, `solidot.org footer, "京ICP证" [69105322713]`},
	{"京ICP备12034000号-2", "", numbering.KindICPFiling, "11", 2012, 34000, 2, numbering.ServiceWebsite, `"公网安备" [22571282626]`},
	{"豫ICP备20006012号-1", "", numbering.KindICPFiling, "41", 2020, 6012, 1, numbering.ServiceWebsite, `8-digit serial still issued in 2020, "公网安备" [43710708571]`},
	{"京ICP备16020626号", "", numbering.KindICPFiling, "11", 2016, 20626, 0, numbering.ServiceNone, "xiaosb.com"},
	{"蜀ICP备09001737号-1", "", numbering.KindICPFiling, "51", 2009, 1737, 1, numbering.ServiceWebsite, `四川长虹 footer, "蜀公网安备" [6530509264]`},
	{"黔ICP备16006408号-1", "", numbering.KindICPFiling, "52", 2016, 6408, 1, numbering.ServiceWebsite, `"黔B2-" [26294981919]`},
	{"滇ICP备14005523号-1", "", numbering.KindICPFiling, "53", 2014, 5523, 1, numbering.ServiceWebsite, `"滇B2-" [42635485715]`},
	// ICP filing numbers, 10-digit serials (four-digit year + six).
	{"京ICP备2021033841号-2", "", numbering.KindICPFiling, "11", 2021, 33841, 2, numbering.ServiceWebsite, `"ICP备2021" [11999726866]`},
	{"粤ICP备2021166258号-1", "", numbering.KindICPFiling, "44", 2021, 166258, 1, numbering.ServiceWebsite, `"ICP备2021" [42174882271]`},
	{"鲁ICP备2021029425号", "", numbering.KindICPFiling, "37", 2021, 29425, 0, numbering.ServiceNone, `"ICP备2021" [10231786]`},
	{"浙ICP备2021040463号-3", "", numbering.KindICPFiling, "33", 2021, 40463, 3, numbering.ServiceWebsite, `"ICP备2021" [13413308356]`},
	{"粤ICP备2026073665号-1", "", numbering.KindICPFiling, "44", 2026, 73665, 1, numbering.ServiceWebsite, `"公网安备" [57421015846]`},
	{"黔ICP备2025056580号", "", numbering.KindICPFiling, "52", 2025, 56580, 0, numbering.ServiceNone, `"贵公网安备" [55047647158]`},
	{"黔ICP备2026001073号-1", "", numbering.KindICPFiling, "52", 2026, 1073, 1, numbering.ServiceWebsite, "documented example"},
	// 2023 forms: apps (A), mini-programs (X), quick apps (K) share the sequence.
	{"浙ICP备2024071295号-2A", "", numbering.KindICPFiling, "33", 2024, 71295, 2, numbering.ServiceApp, `"号-2A" [28205246893]`},
	{"辽ICP备2023009191号-2A", "", numbering.KindICPFiling, "21", 2023, 9191, 2, numbering.ServiceApp, `"号-2A" [18132626397]`},
	{"蜀ICP备2026054850号-2A", "", numbering.KindICPFiling, "51", 2026, 54850, 2, numbering.ServiceApp, `"号-2A" [69386778686]`},
	{"鲁ICP备2021022006号-4A", "", numbering.KindICPFiling, "37", 2021, 22006, 4, numbering.ServiceApp, `"ICP备2021" [34416227611]`},
	{"苏ICP备2026036865号-1X", "", numbering.KindICPFiling, "32", 2026, 36865, 1, numbering.ServiceMiniProgram, `"号-1X" [55266397857]`},
	{"黔ICP备2025044274号-1X", "", numbering.KindICPFiling, "52", 2025, 44274, 1, numbering.ServiceMiniProgram, `"号-1X" [62930145803]`},
	{"皖ICP备2023023087号-1X", "", numbering.KindICPFiling, "34", 2023, 23087, 1, numbering.ServiceMiniProgram, `"号-1X" [12615339934]`},
	{"粤ICP备2024266252号-4K", "", numbering.KindICPFiling, "44", 2024, 266252, 4, numbering.ServiceQuickApp, `quick-app manifest, "号-4K" [17182779920]`},
	// ICP licences.
	{"京ICP证030173号", "", numbering.KindICPLicence, "11", 2003, 173, 0, numbering.ServiceNone, "documented example"},
	{"京ICP证110507号", "", numbering.KindICPLicence, "11", 2011, 507, 0, numbering.ServiceNone, `mi.com footer, "京ICP证" [41587256478]`},
	{"京ICP证090015号", "", numbering.KindICPLicence, "11", 2009, 15, 0, numbering.ServiceNone, `douban.com footer, "京ICP证" [29289770598]`},
	{"京ICP证161336号", "", numbering.KindICPLicence, "11", 2016, 1336, 0, numbering.ServiceNone, `solidot.org footer, "京ICP证" [69105322713]`},
	{"京ICP证040867号-3", "", numbering.KindICPLicence, "11", 2004, 867, 3, numbering.ServiceWebsite, `licence with a site suffix, "公网安备" [18716191]`},
	// Value-added telecom licences, with and without service suffixes.
	{"京B2-20090059", "", numbering.KindTelecomLicence, "11", 2009, 59, 0, numbering.ServiceNone, "documented example"},
	{"粤B2-20090059", "", numbering.KindTelecomLicence, "44", 2009, 59, 0, numbering.ServiceNone, `Tencent mainLicence, "粤B2-20090059" [22157204629]`},
	{"粤B2-20090059-5", "", numbering.KindTelecomLicence, "44", 2009, 59, 5, numbering.ServiceWebsite, `Tencent serviceLicence, "粤B2-20090059" [22157204629]`},
	{"粤B2-20090059-1626X", "", numbering.KindTelecomLicence, "44", 2009, 59, 1626, numbering.ServiceMiniProgram, `WeChat API doc 小程序备案号示例, "粤B2-20090059" [24750362436]`},
	{"浙B2-20080101", "", numbering.KindTelecomLicence, "33", 2008, 101, 0, numbering.ServiceNone, `aliyun.com footer, "B2-20" [55709478371]`},
	{"苏B1-20130063", "", numbering.KindTelecomLicence, "32", 2013, 63, 0, numbering.ServiceNone, `"B2-20" [39841697216]`},
	{"黔B2-20010020-102", "", numbering.KindTelecomLicence, "52", 2001, 20, 102, numbering.ServiceWebsite, `China Mobile Guizhou, "黔B2-" [24511230262]`},
	{"川B2-20030065号", "川B2-20030065", numbering.KindTelecomLicence, "51", 2003, 65, 0, numbering.ServiceNone, `"川B2-" [3521334856]`},
	{"蜀B2-20180596", "川B2-20180596", numbering.KindTelecomLicence, "51", 2018, 596, 0, numbering.ServiceNone, `"蜀B2-" [44396675428]`},
	{"B2-20230101", "", numbering.KindTelecomLicence, "", 2023, 101, 0, numbering.ServiceNone, `nationwide licence, "许可证：B2-" [12963168080]`},
	{"A2.B1.B2-20090003", "", numbering.KindTelecomLicence, "", 2009, 3, 0, numbering.ServiceNone, `China Unicom, "B1.B2-20" [33707095622]`},
	{"合字B1.B2-20130004", "", numbering.KindTelecomLicence, "", 2013, 4, 0, numbering.ServiceNone, `"B1.B2-20" [16585094403]`},
	// Public security filing numbers.
	{"京公网安备11010502030143号", "", numbering.KindPublicSecurity, "11", 0, 2030143, 0, numbering.ServiceNone, `documented example; "公网安备11010502030143" [70361221874]`},
	{"京公网安备11010802020134号", "", numbering.KindPublicSecurity, "11", 0, 2020134, 0, numbering.ServiceNone, `mi.com footer [41587256478]`},
	{"京公网安备11010502000728", "京公网安备11010502000728号", numbering.KindPublicSecurity, "11", 0, 2000728, 0, numbering.ServiceNone, `douban.com footer, no 号 [29289770598]`},
	{"京公网安备 11000002000088号", "京公网安备11000002000088号", numbering.KindPublicSecurity, "11", 0, 2000088, 0, numbering.ServiceNone, `"京ICP证" [112604763]`},
	{"京公网安备110105008661号", "", numbering.KindPublicSecurity, "11", 0, 8661, 0, numbering.ServiceNone, `old 12-digit form, "公网安备" [18716191]`},
	{"粤公网安备44030002017573号", "", numbering.KindPublicSecurity, "44", 0, 2017573, 0, numbering.ServiceNone, `"公网安备" [71562154156]`},
	{"川公网安备51080202020150号", "", numbering.KindPublicSecurity, "51", 0, 2020150, 0, numbering.ServiceNone, `"川公网安备" [53105281037]`},
	{"蜀公网安备51078202110037号", "川公网安备51078202110037号", numbering.KindPublicSecurity, "51", 0, 2110037, 0, numbering.ServiceNone, `"蜀公网安备" [6530509264]`},
	{"贵公网安备52052302000396号", "", numbering.KindPublicSecurity, "52", 0, 2000396, 0, numbering.ServiceNone, `"贵公网安备" [55047647158]`},
	{"贵公网安备 52010202003658 号", "贵公网安备52010202003658号", numbering.KindPublicSecurity, "52", 0, 2003658, 0, numbering.ServiceNone, `"贵公网安备" [1360641735]`},
	{"滇公网安备53010302000732号", "", numbering.KindPublicSecurity, "53", 0, 2000732, 0, numbering.ServiceNone, `"滇公网安备" [47320384554]`},
	{"甘公网安备 62090202000584号", "甘公网安备62090202000584号", numbering.KindPublicSecurity, "62", 0, 2000584, 0, numbering.ServiceNone, `"甘公网安备" [30410293263]`},
	// Older public-security forms (Number.Legacy, R-87).
	{"京公网安备110105000655号", "", numbering.KindPublicSecurity, "11", 0, 655, 0, numbering.ServiceNone, `12-digit form, "公网安备110105" [9967170793]`},
	{"京公网安备110105010620", "京公网安备110105010620号", numbering.KindPublicSecurity, "11", 0, 10620, 0, numbering.ServiceNone, `12-digit form without 号, "公网安备110105" [38122925458]`},
	{"陕公网安备110105006181号", "", numbering.KindPublicSecurity, "61", 0, 6181, 0, numbering.ServiceNone, `copied Beijing number, older form, unvalidated; "陕公网安备" [35205910851]`},
	{"浙备3301000000001号", "", numbering.KindPublicSecurity, "33", 0, 1, 0, numbering.ServiceNone, "bare 备 form (filing's test of the older forms)"},
	{"浙 備 33010000000012 號", "浙备33010000000012号", numbering.KindPublicSecurity, "33", 0, 12, 0, numbering.ServiceNone, "bare 备 form with 14 digits keeps its form (synthetic)"},
	// Messy real-world spellings that are unambiguous.
	{"陕 ICP 备 19000424 号 -2", "陕ICP备19000424号-2", numbering.KindICPFiling, "61", 2019, 424, 2, numbering.ServiceWebsite, `spaces everywhere, "陕公网安备" [56250949070]`},
	{"京 ICP 备 09031924号", "京ICP备09031924号", numbering.KindICPFiling, "11", 2009, 31924, 0, numbering.ServiceNone, `China Telecom footer, "B1.B2-20" [22126720249]`},
	{"京ICP备 12022551号", "京ICP备12022551号", numbering.KindICPFiling, "11", 2012, 22551, 0, numbering.ServiceNone, `"B1.B2-20" [25611239312]`},
	{"京ICP备12019458号－10", "京ICP备12019458号-10", numbering.KindICPFiling, "11", 2012, 19458, 10, numbering.ServiceWebsite, `full-width dash, "号－1" [6719127211]`},
	{"沪ICP备 15045419号－1", "沪ICP备15045419号-1", numbering.KindICPFiling, "31", 2015, 45419, 1, numbering.ServiceWebsite, `"号－1" [17088050884]`},
	{"京ICP备15004797号—1", "京ICP备15004797号-1", numbering.KindICPFiling, "11", 2015, 4797, 1, numbering.ServiceWebsite, `em dash, "号—1" [46708077630]`},
	{"粤ＩＣＰ备14023066号-1", "粤ICP备14023066号-1", numbering.KindICPFiling, "44", 2014, 23066, 1, numbering.ServiceWebsite, `full-width ICP, "ＩＣＰ备" [23174930193]`},
	{"京ＩＣＰ备１２３４５６７８号－２", "京ICP备12345678号-2", numbering.KindICPFiling, "11", 2012, 345678, 2, numbering.ServiceWebsite, `all full-width, "ＩＣＰ备" [70490199536]`},
	{"京ICP备：14012449号", "京ICP备14012449号", numbering.KindICPFiling, "11", 2014, 12449, 0, numbering.ServiceNone, `colon after 备, "黔B2-" [39434159527]`},
	{"川ICP备09150084号", "蜀ICP备09150084号", numbering.KindICPFiling, "51", 2009, 150084, 0, numbering.ServiceNone, `川 for 蜀, "川ICP备" [36440523659]`},
	{"贵ICP备2026001073号-1", "黔ICP备2026001073号-1", numbering.KindICPFiling, "52", 2026, 1073, 1, numbering.ServiceWebsite, "GB/T 2260 abbreviation for 黔 (filing/data/provinces.json alt_abbr)"},
	{"京icp备05002571号-2a", "京ICP备05002571号-2A", numbering.KindICPFiling, "11", 2005, 2571, 2, numbering.ServiceApp, "lower case (synthetic)"},
	{"\u3000京ICP備05002571號\u00a0", "京ICP备05002571号", numbering.KindICPFiling, "11", 2005, 2571, 0, numbering.ServiceNone, "ideographic/no-break spaces, Traditional 備號 (synthetic)"},
	{"黔B2-20140009号", "黔B2-20140009", numbering.KindTelecomLicence, "52", 2014, 9, 0, numbering.ServiceNone, `"黔B2-" [39434159527]`},
}

func TestR40_ParseRealWorldCorpus(t *testing.T) {
	for _, c := range corpus {
		t.Run(c.in, func(t *testing.T) {
			n, err := numbering.Parse(c.in)
			require.NoError(t, err, "Parse(%q) (source: %s)", c.in, c.source)
			want := c.canonical
			if want == "" {
				want = c.in
			}
			assert.Equal(t, want, n.String(), "String()")
			assert.Equal(t, c.kind, n.Kind(), "Kind()")
			assert.Equal(t, c.province, n.ProvinceCode(), "ProvinceCode()")
			assert.Equal(t, c.year, n.Year(), "Year()")
			assert.Equal(t, c.seq, n.Sequence(), "Sequence()")
			assert.Equal(t, c.suffix, n.Suffix(), "Suffix()")
			assert.Equal(t, c.service, n.Service(), "Service()")
			again, err := numbering.Parse(n.String())
			assert.NoError(t, err, "Parse(String())")
			assert.Equal(t, n, again, "Parse(String())")
			assert.Equal(t, c.suffix == 0, n.IsSubject(), "IsSubject() with suffix %d", c.suffix)
		})
	}
}

// TestR40_ParseRejects covers empty, garbage, wrong provinces, wrong lengths,
// bad suffixes, mixed scripts and trailing junk: each gets its code and the
// byte offset of the problem, never a panic.
func TestR40_ParseRejects(t *testing.T) {
	cases := []struct {
		in   string
		code numbering.Code
		at   string // the input from the offending character on ("" = at the end)
	}{
		{"", numbering.CodeEmpty, ""},
		{"   \u3000 ", numbering.CodeEmpty, "   \u3000 "},
		{"hello", numbering.CodeProvinceUnknown, "hello"},
		{"ICP备14003256号—1", numbering.CodeProvinceUnknown, "ICP备14003256号—1"}, // real footer without province, "号—1" [26841936333]
		{"港ICP备05002571号", numbering.CodeProvinceUnknown, "港ICP备05002571号"},
		{"京IC备05002571号", numbering.CodeKindUnknown, "IC备05002571号"},
		{"京ICР备05002571号", numbering.CodeKindUnknown, "ICР备05002571号"}, // Cyrillic Р
		{"京ICP案05002571号", numbering.CodeKindUnknown, "案05002571号"},
		{"京网安备11010502030143号", numbering.CodeKindUnknown, "网安备11010502030143号"},
		{"京ICP备号", numbering.CodeSerialMissing, "号"},
		{"青ICP备案026000119号-2A", numbering.CodeSerialMissing, "案026000119号-2A"}, // "号-2A" [56830552349]
		{"京ICP备1004644号", numbering.CodeSerialLength, "1004644号"},
		{"京ICP备050025710号", numbering.CodeSerialLength, "050025710号"},
		{"京ICP备205002571234号", numbering.CodeSerialLength, "205002571234号"},
		{"京ICP备0500 2571号", numbering.CodeSerialLength, "0500 2571号"},
		{"京ICP备1234567890号", numbering.CodeSerialYear, "1234567890号"},
		{"京ICP证1900075号", numbering.CodeSerialLength, "1900075号"}, // template page with fake numbers, "京ICP证" [9951536343]
		{"黔ICP备1500041X号", numbering.CodeSerialMasked, "X号"},
		{"蜀ICP备XXX号-1XXX", numbering.CodeSerialMasked, "XXX号-1XXX"}, // "号-1X" [27923729197]
		{"京ICP备05002571", numbering.CodeMissingHao, ""},
		{"京ICP备05002571-1", numbering.CodeSuffixMisplaced, "-1"},
		{"沪ICP备2021527689-3号", numbering.CodeSuffixMisplaced, "-3号"}, // "ICP备2021" [29422519246]
		{"京ICP备05002571号-", numbering.CodeSuffixInvalid, ""},
		{"京ICP备05002571号-0", numbering.CodeSuffixInvalid, "0"},
		{"京ICP备05002571号-007", numbering.CodeSuffixInvalid, "007"},
		{"京ICP备05002571号-０７", numbering.CodeSuffixInvalid, "０７"},
		{"京ICP备05002571号-1000000", numbering.CodeSuffixTooLarge, "1000000"},
		{"京ICP备05002571号-99999999999999999999999", numbering.CodeSuffixTooLarge, "99999999999999999999999"},
		{"京ICP备05002571号-2B", numbering.CodeServiceKindUnknown, "B"},
		{"京ICP备05002571号-1 © 2024", numbering.CodeTrailingText, "© 2024"},
		{"京ICP备05002571号 京公网安备11010502030143号", numbering.CodeTrailingText, "京公网安备11010502030143号"},
		{"京ICP备05002571号-1XXX", numbering.CodeTrailingText, "XX"},
		{"备案号：京ICP备05002571号", numbering.CodeProvinceUnknown, "备案号：京ICP备05002571号"},
		{"京B3-20090059", numbering.CodeCategoryUnknown, "B3-20090059"},
		{"京B25-20090059", numbering.CodeCategoryUnknown, "B25-20090059"},
		{"京B2.B2-20090059", numbering.CodeCategoryUnknown, "B2-20090059"},
		{"京B2-2009005", numbering.CodeSerialLength, "2009005"},
		{"川B2-140912-1", numbering.CodeSerialLength, "140912-1"}, // "川B2-" [22663265025]
		{"京B2-19990059", numbering.CodeSerialYear, "19990059"},
		{"京B220090059", numbering.CodeCategoryUnknown, "B220090059"},
		{"京B2 20090059", numbering.CodeSerialMissing, "20090059"},
		{"京公网安备1101050203014号", numbering.CodeSerialLength, "1101050203014号"},
		{"滇公网安备 5303810000000 号", numbering.CodeSerialLength, "5303810000000 号"}, // placeholder, "滇公网安备" [23062631998]
		{"浙备3301000000001", numbering.CodeMissingHao, ""},                        // the bare 备 form needs its 号
		{"浙备1234567号", numbering.CodeSerialLength, "1234567号"},
		{"浙备12345678901234567890号", numbering.CodeSerialLength, "12345678901234567890号"},
		{"京公网安备110108020353400号", numbering.CodeSerialLength, "110108020353400号"},
		{"京备案号", numbering.CodeSerialMissing, "案号"},
		{"京公网安备11010502030143号-1", numbering.CodeSuffixNotAllowed, "-1"},
		{"京ICP备05002571号\xff", numbering.CodeInvalidUTF8, "\xff"},
		{"\xe4\xba", numbering.CodeInvalidUTF8, "\xe4\xba"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			require.True(t, strings.HasSuffix(c.in, c.at), "bad test: %q does not end with %q", c.in, c.at)
			n, err := numbering.Parse(c.in)
			require.Error(t, err, "Parse(%q) = %v, want error %s", c.in, n, c.code)
			assert.True(t, n.IsZero(), "failed Parse returned a non-zero Number %v", n)
			var pe *numbering.ParseError
			require.ErrorAs(t, err, &pe)
			assert.ErrorIs(t, err, c.code)
			assert.Equal(t, c.code, pe.Code)
			wantOff := len(c.in) - len(c.at)
			assert.Equal(t, wantOff, pe.Offset, "Offset: at %q, want at %q", c.in[min(pe.Offset, len(c.in)):], c.at)
			assert.Equal(t, c.in, pe.Input, "Input")
			assert.NotEmpty(t, pe.MessageZh(), "MessageZh")
			assert.NotEmpty(t, pe.MessageEn(), "MessageEn")
			assert.Equal(t, string(c.code), pe.ErrorCode(), "ErrorCode")
		})
	}
}

// TestR40_MaskedSeedNumberRejected documents the decision on the seed's
// example 黔ICP备1500041X号 (R-40, 网站备案日常问题解答 §一): real serials are
// digits (no number with a letter in its serial turned up in the corpus
// searched, find_string "ICP备1500041X" has no hit), so the X is a masked
// digit; Parse refuses it with CodeSerialMasked pointing at the X, and the
// message says why.
func TestR40_MaskedSeedNumberRejected(t *testing.T) {
	for _, s := range []string{"黔ICP备1500041X号", "黔ICP备1500041X号-1", "黔ICP备1500041X号-2", "黔ICP备1500041x号"} {
		_, err := numbering.Parse(s)
		var pe *numbering.ParseError
		if !errors.As(err, &pe) || pe.Code != numbering.CodeSerialMasked {
			t.Fatalf("Parse(%q) = %v, want CodeSerialMasked", s, err)
		}
		if pe.RuneOffset != 12 {
			t.Errorf("Parse(%q): RuneOffset = %d, want 12 (the X)", s, pe.RuneOffset)
		}
		if !strings.Contains(pe.MessageZh(), "X") || !strings.Contains(pe.MessageZh(), "第13个字符") {
			t.Errorf("MessageZh = %q", pe.MessageZh())
		}
	}
}

// TestR41_EveryProvinceAbbreviation checks that every abbreviation in
// filing's table (ICPAbbr, Abbr, AltAbbr) parses to the same province and
// prints the canonical ICPAbbr.
func TestR41_EveryProvinceAbbreviation(t *testing.T) {
	ps := filing.Provinces()
	if len(ps) != 31 {
		t.Fatalf("filing.Provinces() has %d entries", len(ps))
	}
	for _, p := range ps {
		for _, a := range append([]string{p.ICPAbbr, p.Abbr}, p.AltAbbr...) {
			n, err := numbering.Parse(a + "ICP备2026000123号-1")
			if err != nil {
				t.Fatalf("%s (%s): %v", a, p.Name, err)
			}
			if got, want := n.String(), p.ICPAbbr+"ICP备2026000123号-1"; got != want {
				t.Errorf("%s: String() = %q, want %q", a, got, want)
			}
			got, ok := n.Province()
			if !ok || got.Code != p.Code {
				t.Errorf("%s: Province() = %v %v, want %s", a, got.Code, ok, p.Code)
			}
			ps, err := numbering.Parse(a + "公网安备" + p.Code + "010502030143号")
			if err != nil {
				t.Fatalf("%s 公网安备: %v", a, err)
			}
			if ps.ProvinceCode() != p.Code || ps.Region() != p.Code+"0105" {
				t.Errorf("%s: public security province %q region %q", a, ps.ProvinceCode(), ps.Region())
			}
		}
	}
}

// TestR42_ServiceKindsAndSubject: the letter marks the kind, Subject drops
// the suffix, and WithService builds each form.
func TestR42_ServiceKindsAndSubject(t *testing.T) {
	subject, err := numbering.Parse("黔ICP备2026001073号")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		in   string
		kind numbering.ServiceKind
		suf  int
	}{
		{"黔ICP备2026001073号-1", numbering.ServiceWebsite, 1},
		{"黔ICP备2026001073号-2A", numbering.ServiceApp, 2},
		{"黔ICP备2026001073号-3X", numbering.ServiceMiniProgram, 3},
		{"黔ICP备2026001073号-4K", numbering.ServiceQuickApp, 4},
	} {
		n, err := numbering.Parse(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.kind, n.Service(), "%s: Service()", c.in)
		assert.Equal(t, c.suf, n.Suffix(), "%s: Suffix()", c.in)
		assert.Equal(t, subject, n.Subject(), "%s: Subject()", c.in)
		assert.False(t, n.IsSubject(), "%s: IsSubject()", c.in)
		built, err := subject.WithService(c.kind, c.suf)
		assert.NoError(t, err, "WithService(%v, %d)", c.kind, c.suf)
		assert.Equal(t, n, built, "WithService(%v, %d)", c.kind, c.suf)
	}
	if _, err := subject.WithService(numbering.ServiceNone, 1); !errors.Is(err, numbering.CodeServiceKind) {
		t.Errorf("WithService(ServiceNone) err = %v", err)
	}
	if _, err := subject.WithService(numbering.ServiceWebsite, 0); !errors.Is(err, numbering.CodeOutOfRange) {
		t.Errorf("WithService(0) err = %v", err)
	}
	site, _ := subject.WithService(numbering.ServiceWebsite, 1)
	if _, err := site.WithService(numbering.ServiceWebsite, 2); !errors.Is(err, numbering.CodeNotSubject) {
		t.Errorf("WithService on a website number err = %v", err)
	}
	ps := numbering.MustParse("京公网安备11010502030143号")
	if _, err := ps.WithService(numbering.ServiceWebsite, 1); !errors.Is(err, numbering.CodeNotSubject) {
		t.Errorf("WithService on a public security number err = %v", err)
	}
}

// TestR41_NumberIsCanonicalMapKey: equal numbers written differently are one
// map key.
func TestR41_NumberIsCanonicalMapKey(t *testing.T) {
	m := map[numbering.Number]int{}
	for _, s := range []string{"蜀ICP备09150084号-1", "川ICP备09150084号-1", "川 ICP 备 ０９１５００８４ 号 － 1", "蜀icp备09150084号—1"} {
		n, err := numbering.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		m[n]++
	}
	if len(m) != 1 {
		t.Fatalf("map has %d keys, want 1: %v", len(m), m)
	}
	a := numbering.MustParse("京ICP备05002571号")
	b := numbering.MustParse("京ICP备2005002571号")
	if a == b || a.String() == b.String() {
		t.Errorf("8-digit and 10-digit serials of the same year and sequence must stay distinct numbers")
	}
	if a.Year() != b.Year() || a.Sequence() != b.Sequence() {
		t.Errorf("year/sequence: %d/%d vs %d/%d", a.Year(), a.Sequence(), b.Year(), b.Sequence())
	}
	lic := numbering.MustParse("京ICP证030173号")
	if lic.Serial() != "030173" {
		t.Errorf("Serial() = %q, want leading zero kept", lic.Serial())
	}
	var zero numbering.Number
	if zero.String() != "" || !zero.IsZero() || zero.IsSubject() || zero.Year() != 0 {
		t.Errorf("zero Number misbehaves: %q", zero.String())
	}
	tl := numbering.MustParse("A2.B1.B2-20090003")
	if tl.Categories() != "A2.B1.B2" || tl.Joint() || tl.ProvinceCode() != "" {
		t.Errorf("Categories %q Joint %v Province %q", tl.Categories(), tl.Joint(), tl.ProvinceCode())
	}
	reordered, err := numbering.Parse("B2.A2.B1-20090003")
	if err != nil || reordered != tl {
		t.Errorf("category order must not matter: %v %v", reordered, err)
	}
	if _, ok := tl.Province(); ok {
		t.Errorf("nationwide licence reports a province")
	}
	j := numbering.MustParse("合字B1.B2-20130004")
	if !j.Joint() || j.String() != "合字B1.B2-20130004" {
		t.Errorf("合字: Joint %v String %q", j.Joint(), j.String())
	}
}

func TestR40_JSONRoundTrip(t *testing.T) {
	type rec struct {
		Number numbering.Number `json:"number"`
		Empty  numbering.Number `json:"empty"`
	}
	n := numbering.MustParse("浙ICP备2024071295号-2A")
	data, err := json.Marshal(rec{Number: n})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(data), `{"number":"浙ICP备2024071295号-2A","empty":""}`; got != want {
		t.Fatalf("json = %s, want %s", got, want)
	}
	var back rec
	if err := json.Unmarshal(data, &back); err != nil || back.Number != n || !back.Empty.IsZero() {
		t.Fatalf("Unmarshal = %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"number":"浙ICP备2024071295号-0"}`), &back); !errors.Is(err, numbering.CodeSuffixInvalid) {
		t.Fatalf("Unmarshal of a bad number: %v", err)
	}
}

// TestR40_FindInFooters scans real footers (sources as in corpus).
func TestR40_FindInFooters(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{ // mi.com footer [41587256478]
			"©mi.com 京ICP证110507号 京ICP备10046444号 京公网安备11010802020134号 京网文[2014]0059-0009号 <br />",
			[]string{"京ICP证110507号", "京ICP备10046444号", "京公网安备11010802020134号"},
		},
		{ // dash as a separator, "公网安备" [7722560266]
			`小米公司版权所有-京ICP备案1004644-<span class="gong-1">京公网安备11010802020134号-京ICP证110507号</span>`,
			[]string{"京公网安备11010802020134号", "京ICP证110507号"},
		},
		{ // douban.com [29289770598]
			"<p>京ICP证090015号 京ICP备11027288号 网络视听许可证0110418号 </p><p>京网文[2015]2026-368号 京公网安备11010502000728 新出网证(京)字129号 </p>",
			[]string{"京ICP证090015号", "京ICP备11027288号", "京公网安备11010502000728号"},
		},
		{ // solidot.org, markdown link [69105322713]
			"京ICP证161336号    [京ICP备15039648号-15](http://beian.miit.gov.cn) 北京市公安局海淀分局备案号：11010802021500",
			[]string{"京ICP证161336号", "京ICP备15039648号-15"},
		},
		{ // "B1.B2-20" [5341436703]
			"京公网安备11010802032137号\n京ICP备20018813号-3\n营业执照\n增值电信业务经营许可证京B2-20202418，A2.B1.B2-20202637\n网络文化经营许可证：京网文（2023）4872-140号",
			[]string{"京公网安备11010802032137号", "京ICP备20018813号-3", "京B2-20202418", "A2.B1.B2-20202637"},
		},
		{ // "黔B2-" [39434159527]
			"<p><a >京ICP备：14012449号</a>黔ICP证：黔B2-20140009号<span>京公网安备：11010602030054号</span>",
			[]string{"京ICP备14012449号", "黔B2-20140009", "京公网安备11010602030054号"},
		},
		{"京ICP备05002571号-1 © 2024", []string{"京ICP备05002571号-1"}},
		{"京ICP备05002571号-1abc 京ICP备05002571号-007", nil},
		{"沪公网安备 31010702009578号 | 沪ICP备2021527689-3号 | Copyright ©", []string{"沪公网安备31010702009578号"}},
		{"XB2-20090059 ICP备14003256号—1 黔ICP备1500041X号", nil},
		{"", nil},
	}
	for _, c := range cases {
		var gs []string
		for _, n := range numbering.Find(c.text) {
			gs = append(gs, n.String())
		}
		assert.Equal(t, c.want, gs, "Find(%q)", c.text)
		for _, m := range numbering.FindAll(c.text) {
			n, err := numbering.Parse(c.text[m.Start:m.End])
			assert.NoError(t, err, "FindAll span %q", c.text[m.Start:m.End])
			assert.Equal(t, m.Number, n, "FindAll span %q does not parse back", c.text[m.Start:m.End])
		}
	}
}

// TestCodesCatalogue: every code of the package is complete and is a
// record-number code ("number.") or a public-security code ("pubsec.", R-87,
// kept from when package filing defined them).
func TestCodesCatalogue(t *testing.T) {
	codes := numbering.Codes()
	if len(codes) < 20 {
		t.Fatalf("only %d codes", len(codes))
	}
	pubsec := 0
	for _, c := range codes {
		if strings.HasPrefix(string(c), "pubsec.") {
			pubsec++
			assert.Equal(t, "R-87", c.Rule(), c)
		} else if !strings.HasPrefix(string(c), "number.") {
			t.Errorf("code %q: neither number. nor pubsec.", c)
		}
		if c.Rule() == "" || c.MessageZh() == "" || c.MessageEn() == "" {
			t.Errorf("code %q incomplete: rule %q zh %q en %q", c, c.Rule(), c.MessageZh(), c.MessageEn())
		}
	}
	assert.Equal(t, 5, pubsec, "the public-security codes: empty, format, area_unknown, province_mismatch, legacy")
}

func TestR40_MustParse(t *testing.T) {
	for _, s := range []string{"京ICP备05002571号", "粤ICP备2021012345号-3", "京公网安备11010502030143号", "Ａ2.B1.B2-20090003"} {
		want, err := numbering.Parse(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, numbering.MustParse(s), s)
	}
	for _, s := range []string{"", "黔ICP备1500041X号", "京ICP备05002571", "example"} {
		assert.Panics(t, func() { numbering.MustParse(s) }, "%q", s)
	}
}
