package certno

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing/problem"
	"github.com/beiankit/beian/filing/province"
)

// certTestNow is the fixed "today" of the resident-ID tests.
var certTestNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// ckWithIDCheck appends the MOD 11-2 check character, computed here
// independently of the code under test: weights 2^(17-i) mod 11, check =
// (12 - S mod 11) mod 11 with 10 written X (ISO 7064 MOD 11-2).
func ckWithIDCheck(t testing.TB, first17 string) string {
	t.Helper()
	if len(first17) != 17 {
		t.Fatalf("ckWithIDCheck(%q): need 17 digits", first17)
	}
	s := 0
	for i := 0; i < 17; i++ {
		w := 1
		for j := 0; j < 17-i; j++ {
			w = w * 2 % 11
		}
		s += int(first17[i]-'0') * w
	}
	c := (12 - s%11) % 11
	if c == 10 {
		return first17 + "X"
	}
	return first17 + string(rune('0'+c))
}

// ckWithUSCCCheck appends the GB 32100 check character, computed here
// independently: weights 3^i mod 31 from i=0, check = (31 - S mod 31) mod 31.
func ckWithUSCCCheck(t testing.TB, first17 string) string {
	t.Helper()
	const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	s, w := 0, 1
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(alphabet, first17[i])
		if v < 0 {
			t.Fatalf("ckWithUSCCCheck(%q): %q not in alphabet", first17, first17[i])
		}
		s += v * w
		w = w * 3 % 31
	}
	return first17 + string(alphabet[(31-s%31)%31])
}

// ckWithOrgCheck returns body plus its GB 11714 check (printed form without
// hyphen), computed independently.
func ckWithOrgCheck(t testing.TB, body string) string {
	t.Helper()
	ws := []int{3, 7, 9, 10, 5, 8, 4, 2}
	s := 0
	for i := 0; i < 8; i++ {
		c := body[i]
		v := int(c - '0')
		if c >= 'A' {
			v = int(c-'A') + 10
		}
		s += v * ws[i]
	}
	switch c := 11 - s%11; c {
	case 10:
		return body + "X"
	case 11:
		return body + "0"
	default:
		return body + string(rune('0'+c))
	}
}

// ckWantCode asserts that err is a *problem.Problem with the code, rule R-09 and no
// path, reachable through errors.Is and errors.As.
func ckWantCode(t *testing.T, in string, err error, code Code) {
	t.Helper()
	if code == "" {
		if err != nil {
			t.Errorf("%q: unexpected error %v", in, err)
		}
		return
	}
	if err == nil {
		t.Errorf("%q: got nil, want %s", in, code)
		return
	}
	if !errors.Is(err, code) {
		t.Errorf("%q: got %v, want %s", in, err, code)
		return
	}
	var p *problem.Problem
	if !errors.As(err, &p) {
		t.Errorf("%q: %T is not a *problem.Problem", in, err)
		return
	}
	if p.Rule != "R-09" || p.Path != "" || p.Zh == "" || p.En == "" || strings.Contains(p.Zh, "%!") {
		t.Errorf("%q: problem %+v: want rule R-09, no path, both messages", in, p)
	}
}

func TestR09_ResidentIDValid(t *testing.T) {
	for _, s := range []string{
		"11010519491231002X", // GB 11643 example, 北京朝阳
		"440524188001010014", // GB 11643 example, 广东汕头, born 1880
		"11010519491231002x", // lower-case x
		"１１０１０５１９４９１２３１００２Ｘ", // full-width
		"１１０１０５１９４９１２３１００２ｘ", // full-width lower-case x
		" 11010519491231002X ",                // stray spaces
		"110105 19491231 002X",                // grouped
		"\u3000110105\u300019491231002X",      // ideographic spaces
		ckWithIDCheck(t, "11010520000229001"), // leap day in a year divisible by 400
		ckWithIDCheck(t, "11010519960229001"), // ordinary leap day
		ckWithIDCheck(t, "65010218000101001"), // birth-date floor itself
		ckWithIDCheck(t, "81000019800101001"), // HK residence permit
		ckWithIDCheck(t, "82000019800101001"), // MO residence permit
		ckWithIDCheck(t, "83000019800101001"), // TW residence permit
		ckWithIDCheck(t, "52010220261123001"), // born "today" (China date)
	} {
		ckWantCode(t, s, CheckResidentIDAt(s, certTestNow), "")
	}
}

func TestR09_ResidentIDChecksum(t *testing.T) {
	// Every wrong check character of the standard's example is caught.
	const body = "11010519491231002"
	for _, c := range "0123456789X" {
		s := body + string(c)
		want := CodeIDChecksum
		if c == 'X' {
			want = ""
		}
		ckWantCode(t, s, CheckResidentIDAt(s, certTestNow), want)
	}
	ckWantCode(t, "110105194912310021", CheckResidentIDAt("110105194912310021", certTestNow), CodeIDChecksum)
	// A single-digit typo anywhere is caught by MOD 11-2.
	good := "440524188001010014"
	for i := 0; i < 17; i++ {
		for d := byte('0'); d <= '9'; d++ {
			if d == good[i] {
				continue
			}
			bad := good[:i] + string(d) + good[i+1:]
			if err := CheckResidentIDAt(bad, certTestNow); err == nil {
				t.Errorf("typo %q at %d accepted", bad, i)
			}
		}
	}
}

func TestR09_ResidentIDInvalid(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     Code
	}{
		{"empty", "", CodeCertEmpty},
		{"only spaces", "   ", CodeCertEmpty},
		{"too long", strings.Repeat("1", 200), CodeCertTooLong},
		{"legacy 15", "110105491231002", CodeIDLegacy15},
		{"legacy 15 full-width", "１１０１０５４９１２３１００２", CodeIDLegacy15},
		{"17 digits", "11010519491231002", CodeIDLength},
		{"19 chars", "11010519491231002X1", CodeIDLength},
		{"letter inside", "1101051949123100AX", CodeIDChars},
		{"X not last", "X10105194912310021", CodeIDChars},
		{"hyphenated", "110105-19491231-002X", CodeIDLength},
		{"check Y", "11010519491231002Y", CodeIDChars},
		{"province 00", ckWithIDCheck(t, "00010519491231002"), CodeIDRegion},
		{"province 10", ckWithIDCheck(t, "10010519491231002"), CodeIDRegion},
		{"province 16", ckWithIDCheck(t, "16010519491231002"), CodeIDRegion},
		{"province 71 reserved", ckWithIDCheck(t, "71000019491231002"), CodeIDRegion},
		{"province 99", ckWithIDCheck(t, "99010519491231002"), CodeIDRegion},
		{"HK permit not 810000", ckWithIDCheck(t, "81010019800101001"), CodeIDRegion},
		{"foreign PR ID is not a resident ID", ckWithIDCheck(t, "91100019800101001"), CodeIDRegion},
		{"1900 not leap", ckWithIDCheck(t, "11010519000229002"), CodeIDBirthDate},
		{"2100 not leap", ckWithIDCheck(t, "11010521000229002"), CodeIDBirthDate},
		{"2023 not leap", ckWithIDCheck(t, "11010520230229002"), CodeIDBirthDate},
		{"month 13", ckWithIDCheck(t, "11010519491331002"), CodeIDBirthDate},
		{"month 00", ckWithIDCheck(t, "11010519490031002"), CodeIDBirthDate},
		{"day 00", ckWithIDCheck(t, "11010519491200002"), CodeIDBirthDate},
		{"April 31", ckWithIDCheck(t, "11010519490431002"), CodeIDBirthDate},
		{"before floor", ckWithIDCheck(t, "11010517991231002"), CodeIDBirthEarly},
		{"year 0000", ckWithIDCheck(t, "11010500000101002"), CodeIDBirthEarly},
		{"tomorrow", ckWithIDCheck(t, "11010520261124002"), CodeIDBirthFuture},
		{"next year", ckWithIDCheck(t, "11010520270101002"), CodeIDBirthFuture},
		{"far future", ckWithIDCheck(t, "11010599991231002"), CodeIDBirthFuture},
		{"invalid UTF-8", "11010519491231002\xff", CodeIDLength},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ckWantCode(t, tc.in, CheckResidentIDAt(tc.in, certTestNow), tc.want)
		})
	}
}

// TestR09_ResidentIDFutureInChinaTime: "today" is the date in China (UTC+8),
// whatever the zone of now.
func TestR09_ResidentIDFutureInChinaTime(t *testing.T) {
	born := ckWithIDCheck(t, "11010520260101001")
	// 2025-12-31 15:59 UTC is 23:59 in China: 2026-01-01 is tomorrow.
	ckWantCode(t, born, CheckResidentIDAt(born, time.Date(2025, 12, 31, 15, 59, 0, 0, time.UTC)), CodeIDBirthFuture)
	// 16:00 UTC is midnight in China: born today.
	ckWantCode(t, born, CheckResidentIDAt(born, time.Date(2025, 12, 31, 16, 0, 0, 0, time.UTC)), "")
	// The same instant expressed in New York time gives the same answer.
	ny := time.FixedZone("EST", -5*3600)
	ckWantCode(t, born, CheckResidentIDAt(born, time.Date(2025, 12, 31, 11, 0, 0, 0, ny)), "")
}

func TestR09_ResidentIDUsesNow(t *testing.T) {
	tomorrow := time.Now().In(calendar.Location()).AddDate(0, 0, 2)
	s := ckWithIDCheck(t, "110105"+tomorrow.Format("20060102")+"001")
	ckWantCode(t, s, CheckResidentID(s), CodeIDBirthFuture)
	ckWantCode(t, "11010519491231002X", CheckResidentID("11010519491231002X"), "")
}

func TestR09_ResidentIDCheckChar(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want byte
	}{
		{"11010519491231002", 'X'},
		{"44052418800101001", '4'},
	} {
		got, err := ResidentIDCheckChar(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ResidentIDCheckChar(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "1101051949123100", "110105194912310021", "1101051949123100A", "１１０１０５１９４９１２３１００２"} {
		_, err := ResidentIDCheckChar(bad)
		ckWantCode(t, bad, err, CodeIDChars)
	}
	// Round trip against the independent implementation on random bodies.
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b [17]byte
		for i := range b {
			b[i] = byte('0' + r.IntN(10))
		}
		body := string(b[:])
		c, err := ResidentIDCheckChar(body)
		if err != nil {
			t.Fatal(err)
		}
		if want := ckWithIDCheck(t, body); body+string(c) != want {
			t.Fatalf("ResidentIDCheckChar(%q) = %q, independent gives %q", body, c, want)
		}
	}
}

func TestR09_ParseResidentID(t *testing.T) {
	r, err := ParseResidentID("11010519491231002x")
	if err != nil {
		t.Fatal(err)
	}
	if r.Region != "110105" || r.Province != "11" || r.Male || r.Legacy ||
		r.Birth != calendar.MustParseDay("1949-12-31") {
		t.Errorf("got %+v", r)
	}
	if !r.Birth.Time().Equal(time.Date(1949, 12, 31, 0, 0, 0, 0, calendar.Location())) {
		t.Errorf("birth %v, want midnight UTC+8", r.Birth.Time())
	}
	r, err = ParseResidentID("440524188001010014")
	if err != nil || !r.Male || r.Birth.Year() != 1880 || r.Province != "44" {
		t.Errorf("got %+v, %v", r, err)
	}
	// Legacy: parsed, flagged, birth year 19YY.
	r, err = ParseResidentID("110105491231002")
	if err != nil || !r.Legacy || r.Birth.Year() != 1949 || r.Male || r.Region != "110105" {
		t.Errorf("legacy: got %+v, %v", r, err)
	}
	r, err = ParseResidentID("110105491231001")
	if err != nil || !r.Male {
		t.Errorf("legacy male: got %+v, %v", r, err)
	}
	// Residence permit.
	r, err = ParseResidentID(ckWithIDCheck(t, "83000019800101002"))
	if err != nil || r.Province != "83" || r.Region != "830000" {
		t.Errorf("permit: got %+v, %v", r, err)
	}
	for in, want := range map[string]Code{
		"110105194912310021": CodeIDChecksum,
		"110105490231002":    CodeIDBirthDate, // legacy, 1949-02-31
		"990105491231002":    CodeIDRegion,    // legacy, bad province
		"1101054912310":      CodeIDLength,
		"":                   CodeCertEmpty,
	} {
		_, err := ParseResidentID(in)
		ckWantCode(t, in, err, want)
	}
}

func TestR09_UpgradeLegacyResidentID(t *testing.T) {
	got, err := UpgradeLegacyResidentID("110105491231002")
	if err != nil || got.Raw() != "11010519491231002X" {
		t.Errorf("got %q, %v", got.Raw(), err)
	}
	if err := CheckResidentIDAt(got.Raw(), certTestNow); err != nil {
		t.Errorf("upgraded number fails: %v", err)
	}
	for _, bad := range []string{"11010519491231002X", "11010549123100A", ""} {
		_, err := UpgradeLegacyResidentID(bad)
		if err == nil {
			t.Errorf("%q: accepted", bad)
		}
	}
}

func TestR09_ResidentIDAgeAt(t *testing.T) {
	at := func(y int, m time.Month, d int) time.Time {
		return time.Date(y, m, d, 12, 0, 0, 0, calendar.Location())
	}
	r := ResidentID{Birth: calendar.MustParseDay("2008-03-01")}
	for _, tc := range []struct {
		t    time.Time
		want int
	}{
		{at(2026, 2, 28), 17},
		{at(2026, 3, 1), 18},
		{at(2026, 12, 31), 18},
		{at(2008, 3, 1), 0},
		{at(2007, 3, 1), -1},
		// 2026-02-28 16:30 UTC is already 2026-03-01 in China.
		{time.Date(2026, 2, 28, 16, 30, 0, 0, time.UTC), 18},
		{time.Date(2026, 2, 28, 15, 30, 0, 0, time.UTC), 17},
	} {
		if got := r.AgeAt(tc.t); got != tc.want {
			t.Errorf("AgeAt(%v) = %d, want %d", tc.t, got, tc.want)
		}
	}
	leap := ResidentID{Birth: calendar.MustParseDay("2008-02-29")}
	if got := leap.AgeAt(at(2026, 2, 28)); got != 17 {
		t.Errorf("leap-day birth on 02-28: %d, want 17", got)
	}
	if got := leap.AgeAt(at(2026, 3, 1)); got != 18 {
		t.Errorf("leap-day birth on 03-01: %d, want 18", got)
	}
	if got := leap.AgeAt(at(2028, 2, 29)); got != 20 {
		t.Errorf("leap-day birth on 2028-02-29: %d, want 20", got)
	}
	p, err := ParseResidentID("11010519491231002X")
	if err != nil {
		t.Fatal(err)
	}
	if got := p.AgeAt(at(2026, 11, 23)); got != 76 {
		t.Errorf("parsed AgeAt = %d, want 76", got)
	}
}

// uscc vectors: GB 32100-2015 codes with their check characters recomputed.
var ckUSCCVectors = []string{
	"91350100M000100Y43", // GB 32100-2015 附录B
	"9144030071526726XG", // 腾讯科技（深圳）
	"9144030010001686XA", // 招商银行
	"911000001000013428", // 中国银行 (national registration 100000)
	"914403001922038216", // 华为
	"91440300708461136T", // 深圳市腾讯计算机系统
	"91110000802100433B", // 百度网讯
	"91100000100003962T", // 工商银行 (100000)
	"91440300192317458F", // 比亚迪
	"91520000214434146R", // 中航重机
	"91330106673959654P", // 阿里云
}

func TestR09_USCCValid(t *testing.T) {
	for _, s := range ckUSCCVectors {
		ckWantCode(t, s, CheckUSCC(s), "")
		lower := strings.ToLower(s)
		ckWantCode(t, lower, CheckUSCC(lower), "")
	}
	for _, s := range []string{
		"９１３５０１００Ｍ０００１００Ｙ４３", // full-width
		" 91350100M000100Y43\t",
		"9135 0100 M000 100Y 43",
		"91350100m000100y43",
	} {
		ckWantCode(t, s, CheckUSCC(s), "")
	}
}

// TestR09_USCCFactsVectorSPDB documents a vector of the facts file that
// passes MOD 31 but whose embedded organisation code 63129500-2 fails
// GB 11714 (the check should be 1): CheckUSCC rejects it with uscc.orgcode,
// not uscc.checksum.
func TestR09_USCCFactsVectorSPDB(t *testing.T) {
	const s = "91310000631295002H"
	if c, _ := USCCCheckChar(s[:17]); c != 'H' {
		t.Fatalf("MOD 31 check of %s is %q, the facts file says it passes", s, c)
	}
	ckWantCode(t, s, CheckUSCC(s), CodeUSCCOrgCode)
	ckWantCode(t, "63129500-2", CheckOrgCode("63129500-2"), CodeOrgCodeChecksum)
}

func TestR09_USCCChecksum(t *testing.T) {
	ckWantCode(t, "91100000100003962A", CheckUSCC("91100000100003962A"), CodeUSCCChecksum)
	ckWantCode(t, "914403001922038217", CheckUSCC("914403001922038217"), CodeUSCCChecksum)
	// Every single-character substitution within the alphabet is caught.
	good := "91350100M000100Y43"
	for i := 0; i < 18; i++ {
		for _, c := range usccAlphabet {
			if byte(c) == good[i] {
				continue
			}
			bad := good[:i] + string(c) + good[i+1:]
			if CheckUSCC(bad) == nil {
				t.Errorf("substitution %q at %d accepted", bad, i)
			}
		}
	}
}

func TestR09_USCCInvalid(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     Code
	}{
		{"empty", "", CodeCertEmpty},
		{"too long", strings.Repeat("9", certMaxInput+1), CodeCertTooLong},
		{"17 chars", "91350100M000100Y4", CodeUSCCLength},
		{"old registration number", "440301103097413", CodeUSCCRegNo15},
		{"letter I", "9135010OM000100Y43", CodeUSCCChars},
		{"letter O", "91350100O000100Y43", CodeUSCCChars},
		{"letter Z", "91350100Z000100Y43", CodeUSCCChars},
		{"letter S", "91350100S000100Y43", CodeUSCCChars},
		{"letter V", "91350100V000100Y43", CodeUSCCChars},
		{"hyphen", "91350100-M000100Y4", CodeUSCCChars},
		{"Chinese", "91350100M000100Y4号", CodeUSCCLength},
		{"department 0", ckWithUSCCCheck(t, "01350100M000100Y4"), CodeUSCCDepartment},
		{"department B", ckWithUSCCCheck(t, "B1350100M000100Y4"), CodeUSCCDepartment},
		{"region letter", ckWithUSCCCheck(t, "913501A0M000100Y4"), CodeUSCCRegion},
		{"region province 99", ckWithUSCCCheck(t, "91990100M000100Y4"), CodeUSCCRegion},
		{"region province 71", ckWithUSCCCheck(t, "91710000M000100Y4"), CodeUSCCRegion},
		{"region 000000", ckWithUSCCCheck(t, "91000000M000100Y4"), CodeUSCCRegion},
		{"embedded orgcode", ckWithUSCCCheck(t, "91350100M000100Y5"), CodeUSCCOrgCode},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ckWantCode(t, tc.in, CheckUSCC(tc.in), tc.want)
		})
	}
}

func TestR09_USCCCategories(t *testing.T) {
	for _, tc := range []struct {
		prefix         string
		dept, category string
		known          bool
	}{
		{"91", "工商", "企业", true},
		{"92", "工商", "个体工商户", true},
		{"93", "工商", "农民专业合作社", true},
		{"99", "工商", "其他（市场监管）", true}, // later addition
		{"11", "机构编制", "机关", true},
		{"12", "机构编制", "事业单位", true},
		{"31", "司法行政", "律师执业机构", true},
		{"36", "司法行政", "商事调解组织", true}, // later addition
		{"51", "民政", "社会团体", true},
		{"53", "民政", "基金会", true},
		{"54", "民政", "村民委员会", true}, // later addition
		{"A1", "中央军委改革和编制办公室", "军队事业单位", true},
		{"N2", "农业", "村级集体经济组织", true},
		{"Y1", "其他", "其他", true},
		{"G1", "公安", "境外非政府组织代表机构", true},
		{"Q1", "侨联", "", true},
		// Unknown category under a known department: accepted, flagged.
		{"94", "工商", "", false},
		{"1A", "机构编制", "", false},
	} {
		s := ckWithUSCCCheck(t, tc.prefix+"350100M000100Y4")
		u, err := ParseUSCC(s)
		if err != nil {
			t.Errorf("%s: %v", s, err)
			continue
		}
		if u.DepartmentName != tc.dept || u.CategoryName != tc.category || u.CategoryKnown != tc.known ||
			u.Department != tc.prefix[0] || u.Category != tc.prefix[1] {
			t.Errorf("%s: got %+v, want %s/%s known=%v", s, u, tc.dept, tc.category, tc.known)
		}
	}
}

func TestR09_ParseUSCC(t *testing.T) {
	u, err := ParseUSCC("91350100m000100y43")
	if err != nil {
		t.Fatal(err)
	}
	want := USCC{Department: '9', Category: '1', DepartmentName: "工商", CategoryName: "企业", CategoryKnown: true, Region: "350100", OrgCode: "M000100Y-4"}
	if u != want {
		t.Errorf("got %+v, want %+v", u, want)
	}
	if err := CheckOrgCode(u.OrgCode); err != nil {
		t.Errorf("embedded org code %s: %v", u.OrgCode, err)
	}
	u, err = ParseUSCC("911000001000013428")
	if err != nil || u.Region != "100000" || u.OrgCode != "10000134-2" {
		t.Errorf("national: %+v, %v", u, err)
	}
	_, err = ParseUSCC("91100000100003962A")
	ckWantCode(t, "91100000100003962A", err, CodeUSCCChecksum)
	_, err = ParseUSCC("")
	ckWantCode(t, "", err, CodeCertEmpty)
}

func TestR09_USCCCheckChar(t *testing.T) {
	for _, s := range ckUSCCVectors {
		c, err := USCCCheckChar(s[:17])
		if err != nil || c != s[17] {
			t.Errorf("USCCCheckChar(%q) = %q, %v; want %q", s[:17], c, err, s[17])
		}
	}
	for _, bad := range []string{"", "91350100M000100Y", "91350100M000100Y43", "91350100I000100Y4", "91350100m000100Y4"} {
		_, err := USCCCheckChar(bad)
		ckWantCode(t, bad, err, CodeUSCCChars)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var b [17]byte
		for i := range b {
			b[i] = usccAlphabet[r.IntN(len(usccAlphabet))]
		}
		c, err := USCCCheckChar(string(b[:]))
		if err != nil {
			t.Fatal(err)
		}
		if want := ckWithUSCCCheck(t, string(b[:])); string(b[:])+string(c) != want {
			t.Fatalf("USCCCheckChar(%q) = %q, independent gives %q", b, c, want)
		}
	}
}

func TestR09_OrgCode(t *testing.T) {
	for _, s := range []string{
		"D2143569-X", "19220382-1", "71526726-X", "10001686-X", "19231745-8", "MA1FL0LY9", "768225469",
		"D2143569X", "d2143569-x", "ｄ２１４３５６９－Ｘ", " D2143569 - X ", "M000100Y-4",
		ckWithOrgCheck(t, "ZZZZZZZZ"),
	} {
		ckWantCode(t, s, CheckOrgCode(s), "")
	}
	for _, tc := range []struct{ in, want string }{
		{"D2143569-1", string(CodeOrgCodeChecksum)},
		{"19220382-2", string(CodeOrgCodeChecksum)},
		{"D2143569-Y", string(CodeOrgCodeFormat)},
		{"D214356-9X", string(CodeOrgCodeFormat)},
		{"D2143569--X", string(CodeOrgCodeFormat)},
		{"D2143569", string(CodeOrgCodeFormat)},
		{"D2143569XX", string(CodeOrgCodeFormat)},
		{"D21435_9-X", string(CodeOrgCodeFormat)},
		{"D2143569-", string(CodeOrgCodeFormat)},
		{"", string(CodeCertEmpty)},
		{strings.Repeat("D", 300), string(CodeCertTooLong)},
	} {
		ckWantCode(t, tc.in, CheckOrgCode(tc.in), Code(tc.want))
	}
}

func TestR09_OrgCodeCheckChar(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want byte
	}{{"D2143569", 'X'}, {"19220382", '1'}, {"MA1FL0LY", '9'}, {"76822546", '9'}} {
		got, err := OrgCodeCheckChar(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("OrgCodeCheckChar(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	// Both special mappings occur: 10 → X and 11 → 0.
	seen := map[byte]bool{}
	r := rand.New(rand.NewPCG(5, 6))
	const chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for range 3000 {
		var b [8]byte
		for i := range b {
			b[i] = chars[r.IntN(len(chars))]
		}
		c, err := OrgCodeCheckChar(string(b[:]))
		if err != nil {
			t.Fatal(err)
		}
		if want := ckWithOrgCheck(t, string(b[:])); string(b[:])+string(c) != want {
			t.Fatalf("OrgCodeCheckChar(%q) = %q, independent gives %q", b, c, want)
		}
		seen[c] = true
	}
	if !seen['X'] || !seen['0'] {
		t.Errorf("check characters seen: %v; want X and 0 among them", seen)
	}
	for _, bad := range []string{"", "D214356", "D21435690", "d2143569", "D214356-"} {
		_, err := OrgCodeCheckChar(bad)
		ckWantCode(t, bad, err, CodeOrgCodeFormat)
	}
}

func TestR09_Permits(t *testing.T) {
	for _, tc := range []struct {
		name  string
		check func(string) error
		in    string
		want  Code
	}{
		{"HK card", CheckHKMOPermit, "H12345678", ""},
		{"MO card", CheckHKMOPermit, "M87654321", ""},
		{"HK old 11", CheckHKMOPermit, "H1234567801", ""},
		{"HK lower", CheckHKMOPermit, "h12345678", ""},
		{"HK full-width", CheckHKMOPermit, "Ｈ１２３４５６７８", ""},
		{"HK spaces", CheckHKMOPermit, "H 1234 5678", ""},
		{"HK 7 digits", CheckHKMOPermit, "H1234567", CodeHKMOPermitFormat},
		{"HK 9 digits", CheckHKMOPermit, "H123456789", CodeHKMOPermitFormat},
		{"wrong letter", CheckHKMOPermit, "C12345678", CodeHKMOPermitFormat},
		{"no letter", CheckHKMOPermit, "12345678", CodeHKMOPermitFormat},
		{"HK letter inside", CheckHKMOPermit, "H1234567A", CodeHKMOPermitFormat},
		{"HK empty", CheckHKMOPermit, "", CodeCertEmpty},
		{"TW card", CheckTWPermit, "12345678", ""},
		{"TW old 10", CheckTWPermit, "1234567801", ""},
		{"TW full-width", CheckTWPermit, "１２３４５６７８", ""},
		{"TW office code", CheckTWPermit, "1234567801(B)", CodeTWPermitFormat},
		{"TW 9 digits", CheckTWPermit, "123456789", CodeTWPermitFormat},
		{"TW letter", CheckTWPermit, "T1234567", CodeTWPermitFormat},
		{"TW too long", CheckTWPermit, strings.Repeat("1", 129), CodeCertTooLong},
		{"passport CN", CheckPassport, "E12345678", ""},
		{"passport CN EA", CheckPassport, "EA1234567", ""},
		{"passport US digits", CheckPassport, "123456789", ""},
		{"passport lower", CheckPassport, "e12345678", ""},
		{"passport 5", CheckPassport, "AB123", ""},
		{"passport 17", CheckPassport, "A1234567890123456", ""},
		{"passport 4", CheckPassport, "A123", CodePassportFormat},
		{"passport 18", CheckPassport, "A12345678901234567", CodePassportFormat},
		{"passport hyphen", CheckPassport, "E-12345678", CodePassportFormat},
		{"passport Chinese", CheckPassport, "护照12345678", CodePassportFormat},
		{"PRID 2023", CheckForeignPRID, ckWithIDCheck(t, "91100019800101001"), ""},
		{"PRID 2023 x", CheckForeignPRID, strings.ToLower(ckPRID2023X(t)), ""},
		{"PRID 2023 bad check", CheckForeignPRID, ckFlipLast(ckWithIDCheck(t, "91100019800101001")), CodePRIDChecksum},
		{"PRID 2023 not 9", CheckForeignPRID, ckWithIDCheck(t, "81100019800101001"), CodePRIDFormat},
		{"PRID 2023 letter", CheckForeignPRID, "9110001980010100AX", CodePRIDFormat},
		{"PRID 2017", CheckForeignPRID, "USA110012345678", ""},
		{"PRID 2017 lower", CheckForeignPRID, "usa110012345678", ""},
		{"PRID 2017 digit in letters", CheckForeignPRID, "US1110012345678", CodePRIDFormat},
		{"PRID 2017 letter in digits", CheckForeignPRID, "USA11001234567A", CodePRIDFormat},
		{"PRID 16", CheckForeignPRID, "USA1100123456789", CodePRIDFormat},
		{"PRID empty", CheckForeignPRID, "", CodeCertEmpty},
	} {
		t.Run(tc.name, func(t *testing.T) { ckWantCode(t, tc.in, tc.check(tc.in), tc.want) })
	}
}

// ckPRID2023X returns a 2023 permanent-residence number whose check is X.
func ckPRID2023X(t *testing.T) string {
	for i := 0; i < 1000; i++ {
		s := ckWithIDCheck(t, fmt.Sprintf("9110001980010%04d", i))
		if s[17] == 'X' {
			return s
		}
	}
	t.Fatal("no X check found")
	return ""
}

func ckFlipLast(s string) string {
	if s[len(s)-1] == '0' {
		return s[:len(s)-1] + "1"
	}
	return s[:len(s)-1] + "0"
}

func TestR09_CertNumberDispatch(t *testing.T) {
	permit := ckWithIDCheck(t, "81000019800101001")
	for _, tc := range []struct {
		t     CertType
		in    string
		want  string // canonical form when ok
		code  Code
		label string
	}{
		{CertResidentID, "11010519491231002x", "11010519491231002X", "", "resident ID"},
		{CertResidentID, "１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X", "", "full-width"},
		{CertResidentID, "110105491231002", "", CodeIDLegacy15, "legacy"},
		{CertResidentID, permit, "", CodeIDPermitNumber, "permit number as resident ID"},
		{CertHKMOTWResidence, permit, permit, "", "residence permit"},
		{CertHKMOTWResidence, "11010519491231002X", "", CodeIDNotPermit, "resident ID as permit"},
		{CertBusinessLicence, "91350100m000100y43", "91350100M000100Y43", "", "licence"},
		{CertUSCC, "914403001922038217", "", CodeUSCCChecksum, "uscc bad"},
		{"law_firm_licence", ckFlipLast(ckWithUSCCCheck(t, "31110000400000448")), "", CodeUSCCChecksum, "law firm bad check"},
		{CertOrgCode, "d2143569x", "D2143569-X", "", "org code canonical hyphen"},
		{CertOrgCode, "D2143569-X", "D2143569-X", "", "org code"},
		{CertInstitution, ckFlipLast(ckWithUSCCCheck(t, "12100000400000624")), "", CodeUSCCChecksum, "institution 18 → uscc"},
		{CertInstitution, ckWithUSCCCheck(t, "12100000400000624"), ckWithUSCCCheck(t, "12100000400000624"), "", "institution uscc"},
		{CertInstitution, "D2143569 X", "D2143569-X", "", "institution org code"},
		{CertInstitution, "D2143569-1", "", CodeOrgCodeChecksum, "institution bad org code"},
		{CertHKMOPermit, "h12345678", "H12345678", "", "HK"},
		{CertHKMOPermit, "12345678", "", CodeHKMOPermitFormat, "HK bad"},
		{CertTWPermit, "１２３４５６７８", "12345678", "", "TW"},
		{CertTWPermit, "H12345678", "", CodeTWPermitFormat, "TW bad"},
		{CertPassport, "e 1234 5678", "E12345678", "", "passport"},
		{CertPassport, "E1", "", CodePassportFormat, "passport bad"},
		{CertForeignPRID, "usa110012345678", "USA110012345678", "", "PR ID"},
		{CertForeignPRID, "11010519491231002X", "", CodePRIDFormat, "PR ID bad"},
		{"military_code", "  第１２３４５部队 ", "第12345部队", "", "free format"},
		{"military_code", "", "", CodeCertEmpty, "free empty"},
		{"military_code", strings.Repeat("部", 65), "", CodeCertFree, "free too many chars"},
		{"military_code", "abc\x01def", "", CodeCertFree, "free control char"},
		{"military_code", strings.Repeat("x", 1000), "", CodeCertTooLong, "free huge"},
		{"no_such_type", "11010519491231002X", "", CodeCertUnknownType, "unknown type"},
		{"", "11010519491231002X", "", CodeCertUnknownType, "empty type"},
		{"居民身份证", "11010519491231002X", "11010519491231002X", "", "Chinese name of the type"},
	} {
		t.Run(tc.label, func(t *testing.T) {
			got, err := NormalizeCertNumber(tc.t, tc.in)
			ckWantCode(t, tc.in, err, tc.code)
			ckWantCode(t, tc.in, CheckCertNumber(tc.t, tc.in), tc.code)
			if tc.code == "" && got.Raw() != tc.want {
				t.Errorf("NormalizeCertNumber(%s, %q) = %q, want %q", tc.t, tc.in, got.Raw(), tc.want)
			}
			if tc.code != "" && got != "" {
				t.Errorf("error with non-empty result %q", got.Raw())
			}
		})
	}
}

// TestR09_CertNormalizeIdempotent: the canonical form passes again unchanged,
// for every certificate type.
func TestR09_CertNormalizeIdempotent(t *testing.T) {
	inputs := []string{
		"11010519491231002x", ckWithIDCheck(t, "83000019800101001"), "91350100m000100y43", "d2143569x",
		"h12345678", "１２３４５６７８", "e12345678", "usa110012345678", "第１２３４５部队",
		ckWithIDCheck(t, "91100019800101001"),
	}
	for _, info := range CertTypes() {
		for _, in := range inputs {
			n, err := NormalizeCertNumber(info.Code, in)
			if err != nil {
				continue
			}
			again, err := NormalizeCertNumber(info.Code, n.Raw())
			if err != nil || again != n {
				t.Errorf("%s: %q → %q → %q, %v", info.Code, in, n.Raw(), again.Raw(), err)
			}
		}
	}
}

// TestR09_EveryCertTypeHasACheck: every type of data/certificates.json
// dispatches to a check (no type falls through to cert.unknown_type).
func TestR09_EveryCertTypeHasACheck(t *testing.T) {
	for _, info := range CertTypes() {
		err := CheckCertNumber(info.Code, "?")
		if errors.Is(err, CodeCertUnknownType) {
			t.Errorf("%s (format %s): no check", info.Code, info.Format)
		}
	}
}

func TestR09_CertDataTables(t *testing.T) {
	// The mainland province list equals the provinces table.
	var n int
	for _, p := range province.All() {
		if !certProvince[int(p.Code[0]-'0')*10+int(p.Code[1]-'0')] {
			t.Errorf("province %s missing from regions.json", p.Code)
		}
	}
	for i := range certProvince {
		if certProvince[i] {
			n++
			if _, ok := province.ByCode(fmt.Sprintf("%02d", i)); !ok {
				t.Errorf("regions.json province %02d not in provinces.json", i)
			}
		}
	}
	if n != 31 {
		t.Errorf("%d mainland provinces, want 31", n)
	}
	if len(certPermitRegion) != 3 {
		t.Errorf("residence permit regions: %v", certPermitRegion)
	}
	// Every department of the GB 32100 table, including later additions.
	want := "123456789ANYGJQ"
	for c := 0; c < 256; c++ {
		if d := certDepartments[c]; d != nil {
			if !strings.ContainsRune(want, rune(c)) {
				t.Errorf("unexpected department %q", rune(c))
			}
			if len(d.Categories) == 0 || d.Zh == "" {
				t.Errorf("department %q empty", rune(c))
			}
			for k := range d.Categories {
				if len(k) != 1 || usccValue[k[0]] < 0 {
					t.Errorf("department %q: bad category %q", rune(c), k)
				}
			}
		}
	}
	for _, c := range want {
		if certDepartments[c] == nil {
			t.Errorf("department %q missing", c)
		}
	}
}

// TestR09_CertCodesRegistered: every code used here is in the catalogue with
// rule R-09.
func TestR09_CertCodesRegistered(t *testing.T) {
	for _, c := range []Code{
		CodeCertEmpty, CodeCertTooLong, CodeCertUnknownType, CodeCertFree, CodeIDLength, CodeIDLegacy15,
		CodeIDChars, CodeIDRegion, CodeIDBirthDate, CodeIDBirthFuture, CodeIDBirthEarly, CodeIDChecksum,
		CodeIDPermitNumber, CodeIDNotPermit, CodeUSCCLength, CodeUSCCRegNo15, CodeUSCCChars, CodeUSCCChecksum,
		CodeUSCCDepartment, CodeUSCCRegion, CodeUSCCOrgCode, CodeOrgCodeFormat, CodeOrgCodeChecksum,
		CodeHKMOPermitFormat, CodeTWPermitFormat, CodePassportFormat, CodePRIDFormat, CodePRIDChecksum,
	} {
		if c.Rule() != "R-09" {
			t.Errorf("%s: rule %q", c, c.Rule())
		}
	}
}

// TestR09_CertConcurrent runs the checks from many goroutines (run with
// -race): the tables are read-only after init.
func TestR09_CertConcurrent(t *testing.T) {
	done := make(chan struct{})
	for g := 0; g < 8; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := 0; i < 200; i++ {
				_ = CheckResidentID("11010519491231002X")
				_, _ = ParseUSCC("91350100M000100Y43")
				_ = CheckCertNumber(CertInstitution, "D2143569-X")
			}
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
}

// TestR09_ResidentIDZeroNow: the At variant takes now literally; the zero
// time (year 1) puts every birth date in the future.
func TestR09_ResidentIDZeroNow(t *testing.T) {
	ckWantCode(t, "11010519491231002X", CheckResidentIDAt("11010519491231002X", time.Time{}), CodeIDBirthFuture)
}

// TestR09_BirthDates checks the reading of digits 7-14 against the time
// package across the accepted range (every week from 1799-12-25 to 2100),
// the leap days, and the date in China of "now" around midnight.
func TestR09_BirthDates(t *testing.T) {
	codeOf := func(p *problem.Problem) Code {
		if p == nil {
			return ""
		}
		return p.Code
	}
	for d := time.Date(1799, 12, 25, 0, 0, 0, 0, time.UTC); d.Year() < 2101; d = d.AddDate(0, 0, 7) {
		b, p := certBirth(d.Format("20060102"))
		if d.Year() < 1800 {
			if codeOf(p) != CodeIDBirthEarly {
				t.Fatalf("%s: %v, want %s", d.Format("2006-01-02"), p, CodeIDBirthEarly)
			}
			continue
		}
		if p != nil || b.String() != d.Format("2006-01-02") {
			t.Fatalf("certBirth(%s) = %v, %v", d.Format("20060102"), b, p)
		}
	}
	for in, want := range map[string]Code{
		"20240229": "", "20000229": "", "20230229": CodeIDBirthDate, "21000229": CodeIDBirthDate,
		"19000229": CodeIDBirthDate, "20240431": CodeIDBirthDate, "20241301": CodeIDBirthDate,
		"20240100": CodeIDBirthDate, "00000101": CodeIDBirthEarly, "00001301": CodeIDBirthDate,
		"17991231": CodeIDBirthEarly, "18000101": "", "99991231": "",
	} {
		_, p := certBirth(in)
		if codeOf(p) != want {
			t.Errorf("certBirth(%s) = %v, want %q", in, p, want)
		}
	}
	// Born on 2026-01-01 (China): not yet born at 15:59:59 UTC on 31 December.
	id := ckWithIDCheck(t, "11010520260101001")
	for _, tc := range []struct {
		now  time.Time
		want Code
	}{
		{time.Date(2025, 12, 31, 15, 59, 59, 0, time.UTC), CodeIDBirthFuture},
		{time.Date(2025, 12, 31, 16, 0, 0, 0, time.UTC), ""},
		{time.Date(2025, 12, 31, 8, 0, 0, 0, time.FixedZone("PST", -8*3600)), ""},
		{time.Date(2025, 12, 31, 23, 59, 0, 0, calendar.Location()), CodeIDBirthFuture},
	} {
		if got := ckCodeOf(CheckResidentIDAt(id, tc.now)); got != tc.want {
			t.Errorf("born 2026-01-01, now %v: %q, want %q", tc.now, got, tc.want)
		}
	}
}

// TestR09_CanonicalInputZeroAlloc: the fast paths for canonical ASCII input
// allocate nothing (the benchmarks measure the time).
func TestR09_CanonicalInputZeroAlloc(t *testing.T) {
	for name, f := range map[string]func(){
		"CheckResidentID":     func() { _ = CheckResidentID("11010519491231002X") },
		"CheckResidentID x":   func() { _ = CheckResidentID("11010519491231002x") },
		"CheckResidentIDAt":   func() { _ = CheckResidentIDAt("11010519491231002X", certTestNow) },
		"CheckUSCC":           func() { _ = CheckUSCC("91350100M000100Y43") },
		"CheckOrgCode":        func() { _ = CheckOrgCode("D2143569-X") },
		"NormalizeCertNumber": func() { _, _ = NormalizeCertNumber(CertUSCC, "91350100M000100Y43") },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s: %.1f allocs per run, want 0", name, n)
		}
	}
}
