package filing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/beiankit/beian/filing/certno"
	"github.com/beiankit/beian/filing/contact"
)

// Personal data (PIPL): IDNumber, Phone and Email
// never print raw through fmt or log/slog.

const (
	pdRawID     = "11010519491231002X"
	pdRawMobile = "13800138000"
	pdRawLand   = "010-87654321-123"
	pdRawEmail  = "zhang.san@example.com"
)

func pdPerson() Person {
	return Person{
		Name:           "张三",
		CertType:       CertResidentID,
		CertNumber:     IDNumber(pdRawID),
		Mobile:         Phone(pdRawMobile),
		Landline:       Phone(pdRawLand),
		EmergencyPhone: Phone("13912345678"),
		Email:          Email(pdRawEmail),
	}
}

// pdRawParts are substrings that must never appear in output: the full values
// and their hidden middles.
var pdRawParts = []string{pdRawID, "19491231", pdRawMobile, "0013", pdRawLand, "87654321", pdRawEmail, "zhang.san", "13912345678", "1234"}

func pdAssertNoRaw(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range pdRawParts {
		if strings.Contains(out, r) {
			t.Errorf("%s leaks %q: %s", what, r, out)
		}
	}
}

func TestPersonalMaskedForms(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{IDNumber(pdRawID).Masked(), "110105********002X"},
		{Phone(pdRawMobile).Masked(), "138****8000"},
		{Email(pdRawEmail).Masked(), "z***@example.com"},
		{Email("张三@例子.中国").Masked(), "张***@例子.中国"},
		{IDNumber("").Masked(), ""},
		{Phone("").Masked(), ""},
		{Email("").Masked(), ""},
		{IDNumber("H12345678").Masked(), "H12***678"},
	} {
		if tc.got != tc.want {
			t.Errorf("masked %q, want %q", tc.got, tc.want)
		}
	}
	// Raw is the explicit way out.
	if IDNumber(pdRawID).Raw() != pdRawID || Phone(pdRawMobile).Raw() != pdRawMobile || Email(pdRawEmail).Raw() != pdRawEmail {
		t.Error("Raw does not return the value")
	}
}

// TestPersonalMaskShortValues: whatever the length, at least a third of the
// characters are hidden and the length is kept.
func TestPersonalMaskShortValues(t *testing.T) {
	for _, s := range []string{"1", "12", "123", "1234", "12345", "123456", "1234567", "一二三四五", "AB12", strings.Repeat("9", 40)} {
		for _, m := range []string{IDNumber(s).Masked(), Phone(s).Masked(), Email(s).Masked()} {
			n := utf8.RuneCountInString(s)
			if utf8.RuneCountInString(m) != n && !strings.Contains(m, "***") {
				t.Errorf("%q masked to %q: length changed", s, m)
			}
			hidden := strings.Count(m, "*")
			if hidden*3 < n {
				t.Errorf("%q masked to %q: only %d of %d hidden", s, m, hidden, n)
			}
			if n > 1 && m == s {
				t.Errorf("%q not masked", s)
			}
		}
	}
}

func TestPersonalFmtVerbs(t *testing.T) {
	values := []any{IDNumber(pdRawID), Phone(pdRawMobile), Phone(pdRawLand), Email(pdRawEmail)}
	verbs := []string{"%v", "%s", "%q", "%+v", "%#v", "%x", "%X", "%d", "%10s", "%-30v", "%.3s", "%T %v"}
	for _, v := range values {
		for _, verb := range verbs {
			pdAssertNoRaw(t, fmt.Sprintf("%s of %T", verb, v), fmt.Sprintf(verb, v))
		}
		pdAssertNoRaw(t, "Sprint", fmt.Sprint(v))
		pdAssertNoRaw(t, "Sprintln", fmt.Sprintln(v))
		pdAssertNoRaw(t, "String", v.(fmt.Stringer).String())
	}
	if got := fmt.Sprintf("%q", IDNumber(pdRawID)); got != `"110105********002X"` {
		t.Errorf("%%q = %s", got)
	}
	if got := fmt.Sprintf("%#v", Phone(pdRawMobile)); got != `"138****8000"` {
		t.Errorf("%%#v = %s", got)
	}
}

func TestPersonalFmtInsideStructs(t *testing.T) {
	p := pdPerson()
	s := Subject{Name: "某某科技有限公司", CertType: CertBusinessLicence, CertNumber: "91350100M000100Y43", Principal: p}
	f := Filing{Subject: s, Websites: []Website{{Service: Service{Name: "站", Principal: p}}}}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		for name, v := range map[string]any{"Person": p, "*Person": &p, "Subject": s, "Filing": f, "[]Person": []Person{p}, "map": map[string]Person{"a": p}} {
			out := fmt.Sprintf(verb, v)
			pdAssertNoRaw(t, verb+" of "+name, out)
			if !strings.Contains(out, "138****8000") {
				t.Errorf("%s of %s: masked mobile missing: %s", verb, name, out)
			}
		}
	}
	if out := fmt.Sprintf("%+v", s); strings.Contains(out, "M000100Y") {
		t.Errorf("credit code leaks: %s", out)
	}
}

// noTime drops the records' time: a timestamp's digits ("…T15:58:43.001312…")
// can contain a leak pattern such as "0013" and made the test flaky.
var noTime = &slog.HandlerOptions{ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}}

func TestPersonalSlog(t *testing.T) {
	p := pdPerson()
	s := Subject{Name: "某某科技有限公司", CertType: CertResidentID, CertNumber: IDNumber(pdRawID), Principal: p}
	for _, h := range []struct {
		name string
		new  func(*bytes.Buffer) slog.Handler
	}{
		{"text", func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, noTime) }},
		{"json", func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, noTime) }},
	} {
		var buf bytes.Buffer
		log := slog.New(h.new(&buf))
		log.Info("person", "person", p)
		log.Info("pointer", "person", &p)
		log.Info("subject", "subject", s)
		log.Info("fields", "id", IDNumber(pdRawID), "mobile", Phone(pdRawMobile), "email", Email(pdRawEmail))
		log.Info("attrs", slog.Any("id", IDNumber(pdRawID)), slog.Any("land", Phone(pdRawLand)))
		log.With("subject", s).Info("with")
		log.WithGroup("g").Info("group", "person", p)
		log.Info("fmt-in-message " + fmt.Sprint(p.CertNumber))
		out := buf.String()
		pdAssertNoRaw(t, h.name, out)
		for _, want := range []string{"110105********002X", "138****8000", "z***@example.com"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s handler: %q missing in %s", h.name, want, out)
			}
		}
		if h.name == "json" {
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if !json.Valid([]byte(line)) {
					t.Errorf("invalid JSON line %s", line)
				}
			}
		}
	}
}

// TestPersonalJSONKeepsRaw: JSON encoding stores the full value (portals
// persist it); masking is for printing and logging only.
func TestPersonalJSONKeepsRaw(t *testing.T) {
	b, err := json.Marshal(pdPerson())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{pdRawID, pdRawMobile, pdRawEmail} {
		if !bytes.Contains(b, []byte(r)) {
			t.Errorf("JSON lacks %q: %s", r, b)
		}
	}
	var back Person
	if err := json.Unmarshal(b, &back); err != nil || back != pdPerson() {
		t.Errorf("round trip: %+v, %v", back, err)
	}
}

// TestPersonalNormalizedValuesMask: the values the checks return are the
// masked types.
func TestPersonalNormalizedValuesMask(t *testing.T) {
	id, err := certno.NormalizeCertNumber(CertResidentID, "11010519491231002x")
	if err != nil {
		t.Fatal(err)
	}
	ph, err := contact.NormalizePhone("+86 138 0013 8000")
	if err != nil {
		t.Fatal(err)
	}
	em, err := contact.NormalizeEmail("Zhang.San@Example.com")
	if err != nil {
		t.Fatal(err)
	}
	out := fmt.Sprintf("%v %s %+v %q", id, ph, em, []any{id, ph, em})
	pdAssertNoRaw(t, "normalised", out)
	if strings.Contains(out, "Zhang.San") {
		t.Errorf("e-mail leaks: %s", out)
	}
}

// TestIsPlainHan checks the fast path of the normalisation against the slow
// one: whatever isPlainHan accepts, NormalizeText leaves unchanged, and the
// boundary runes of the CJK Unified Ideographs block are classified right.
func TestIsPlainHan(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"贵州星辰科技有限公司", true}, {"张伟", true}, {"贵州省贵阳市观山湖区长岭北路1号", true},
		{"\u4e00\u9fff", true}, {"\u4dff", false}, {"\ua000", false}, // block edges
		{"星辰 科技", false}, {"星辰\u3000科技", false}, {"（有限）", false}, {"１号", false},
		{"李·娜", false}, {"\xe4\xb8", false}, {"\xe4\xb8\x41", false}, {"a\x00", false}, {"", true},
	} {
		if got := isPlainHan(tc.s); got != tc.want {
			t.Errorf("isPlainHan(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
	// Every rune of the block, and ASCII around it, normalises to itself.
	var b []rune
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		b = append(b, r)
		if r%64 == 0 {
			b = append(b, 'A'+r%26, '0'+r%10, '-')
		}
	}
	if s := string(b); !isPlainHan(s) || NormalizeText(s) != s {
		t.Error("the CJK Unified Ideographs block is not normal under NormalizeText")
	}
}
