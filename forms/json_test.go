package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONRoundTrip(t *testing.T) {
	for name, a := range goldenCases(t) {
		var buf bytes.Buffer
		if err := a.Encode(&buf); err != nil {
			t.Fatal(err)
		}
		b, err := Decode(&buf)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var again bytes.Buffer
		_ = b.Encode(&again)
		var first bytes.Buffer
		_ = a.Encode(&first)
		if first.String() != again.String() {
			t.Errorf("%s: round trip differs:\n%s\n%s", name, first.String(), again.String())
		}
		if err := b.Check(now.AddDate(0, 0, 30)); err != nil {
			t.Errorf("%s: decoded form fails Check: %v", name, err)
		}
	}
}

func TestJSONChineseInput(t *testing.T) {
	in := `{"kind":"注销备案信息申请表","target":"网站","approved":true,"applicant_name":"李四",
	"applicant_mobile":"139 1234 5678","date":"2026年2月27日","record_number":"豫ICP备2021012345号-2",
	"domain":"www.example.com.cn","sponsor_name":"郑州示例科技有限公司","sponsor_nature":"企业",
	"subject_cert_type":"工商营业执照","subject_cert_number":"91350100M000100Y43","principal_name":"王五",
	"contact_name":"李四","contact_landline":"0371-65795120","contact_email":"lisi@example.com.cn",
	"reason":"公司网站已停止运营，服务器租用合同于2026年1月到期，不再使用该域名提供服务",
	"domain_certificate":{"domain":"example.com.cn","holder":"郑州示例科技有限公司","authority":"CNNIC","expires":"２０２７－０５－０１"},
	"enclosed":["seal","principal_id_copy","licence_copy","applicant_id_copy"]}`
	a, err := DecodeBytes([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != KindCancellation || a.Target != TargetWebsite || a.SponsorNature != filing.NatureEnterprise ||
		a.SubjectCertType != filing.CertBusinessLicence || !a.Date.Equal(NewDate(2026, time.February, 27)) ||
		a.DomainCertificate.Authority != AuthorityCNNIC || !a.DomainCertificate.Expires.Equal(NewDate(2027, time.May, 1)) {
		t.Fatalf("decoded %+v", a)
	}
	if err := a.Check(now); err != nil {
		t.Fatal(err)
	}
}

func TestJSONBadInput(t *testing.T) {
	cases := []struct {
		name string
		in   string
		code filing.Code
	}{
		{"syntax", `{"kind":`, CodeJSONSyntax},
		{"not an object", `[1,2]`, CodeJSONField},
		{"unknown field", `{"kind":"retrieval","password":"x"}`, CodeJSONField},
		{"wrong type", `{"approved":"yes"}`, CodeJSONField},
		{"bad date", `{"date":"2025-02-29"}`, CodeJSONField},
		{"date as number", `{"date":20250101}`, CodeJSONField},
		{"trailing data", `{"kind":"retrieval"} {"kind":"deletion"}`, CodeJSONTrailing},
		{"too large", `{"reason":"` + strings.Repeat("长", MaxJSONSize) + `"}`, CodeJSONTooLarge},
		{"empty", ``, CodeJSONSyntax},
	}
	for _, tc := range cases {
		_, err := DecodeBytes([]byte(tc.in))
		if !errors.Is(err, tc.code) {
			t.Errorf("%s: want %s, got %v", tc.name, tc.code, err)
		}
		_, err = Decode(strings.NewReader(tc.in))
		if !errors.Is(err, tc.code) {
			t.Errorf("%s (reader): want %s, got %v", tc.name, tc.code, err)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
		y  int
	}{
		{"2026-03-01", true, 2026}, {"2026/3/1", true, 2026}, {"2026年3月1日", true, 2026}, {"２０２６－０３－０１", true, 2026},
		{"2024-02-29", true, 2024}, {"2025-02-29", false, 0}, {"2026-13-01", false, 0}, {"2026-00-10", false, 0},
		{"26-03-01", false, 0}, {"2026-03", false, 0}, {"yesterday", false, 0}, {"2026-03-01T10:00:00Z", false, 0}, {"", true, 0},
		{"2100-02-29", false, 0}, {"2000-02-29", true, 2000}, {"２０００年２月２９日", true, 2000}, {"0000-01-01", false, 0},
		{"9999-12-31", true, 9999}, {"2023/2/29", false, 0},
	} {
		d, ok := ParseDate(tc.in)
		if ok != tc.ok || (ok && !d.IsZero() && d.Time().Year() != tc.y) {
			t.Errorf("ParseDate(%q) = %v, %v", tc.in, d, ok)
		}
	}
}

// A Date is a calendar.Day: free conversions, the same text out, and the
// zero value is the zero Day. NewDate normalises (like time.Date), ParseDate
// does not.
func TestDateIsCalendarDay(t *testing.T) {
	day := calendar.MustParseDay("2024-02-29")
	d := Date(day)
	assert.Equal(t, day, d.Day())
	assert.Equal(t, day.String(), d.String())
	assert.Equal(t, "2024年2月29日", d.Chinese())
	assert.Equal(t, day.Time(), d.Time())
	b, err := json.Marshal(struct {
		D Date         `json:"d"`
		Z Date         `json:"z"`
		O Date         `json:"o,omitzero"`
		C calendar.Day `json:"c"`
	}{D: d, C: day})
	require.NoError(t, err)
	assert.Equal(t, `{"d":"2024-02-29","z":"","c":"2024-02-29"}`, string(b))
	assert.True(t, Date{}.IsZero())
	assert.False(t, Date{}.Day().IsValid())
	assert.Equal(t, "2026-03-02", NewDate(2026, time.February, 30).String(), "NewDate normalises")
	_, ok := ParseDate("2026-02-30")
	assert.False(t, ok, "ParseDate does not")
	assert.Equal(t, "2024-10-01", DateOf(time.Date(2024, 9, 30, 16, 30, 0, 0, time.UTC)).String())
	assert.True(t, DateOf(time.Time{}).IsZero())
}

// FuzzDecodeCheck decodes arbitrary JSON, checks it, lists its materials and
// renders it: nothing may panic, every error is typed, and no rendered form
// carries a script tag.
func FuzzDecodeCheck(f *testing.F) {
	for _, a := range []*Application{individualRetrieval(), orgCancellation(), orgDeletion(), holderCancellation()} {
		var b bytes.Buffer
		_ = a.Encode(&b)
		f.Add(b.Bytes())
	}
	f.Add([]byte(`{"kind":"retrieval","applicant_name":"<script>alert(1)</script>","reason":"\u0000\u202e"}`))
	f.Add([]byte(`{"kind":"cancellation","bureau":{"state":"abandoned","attempts":[{"on":"2026-03-01","outcome":"delivered"}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := DecodeBytes(data)
		if err != nil {
			var p *filing.Problem
			if !errors.As(err, &p) || p.Code == "" {
				t.Fatalf("untyped decode error %T: %v", err, err)
			}
			return
		}
		if err := a.Check(now); err != nil {
			var ve *filing.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("untyped check error %T: %v", err, err)
			}
		}
		_ = a.Checklist()
		var h bytes.Buffer
		if err := a.RenderHTML(&h); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(h.String()), "<script") {
			t.Fatalf("script in rendered form:\n%s", h.String())
		}
		if err := a.RenderText(&h); err != nil {
			t.Fatal(err)
		}
	})
}
