package main

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/certno"
)

// clock is a settable clock for the server under test.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// lockedBuffer collects the server's logs; the server writes from its own
// goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string { b.mu.Lock(); defer b.mu.Unlock(); return b.buf.String() }

func cst(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, calendar.Location())
}

type portal struct {
	t      *testing.T
	ts     *httptest.Server
	client *http.Client
	clock  *clock
	logs   *lockedBuffer

	mu   sync.Mutex
	sent []sentSMS // the SMS codes the portal handed to options.SendSMS
}

// newPortal starts the portal on a test server with the clock at now.
func newPortal(t *testing.T, now time.Time) *portal {
	t.Helper()
	p := &portal{t: t, clock: &clock{t: now}, logs: &lockedBuffer{}}
	h, err := newServer(options{
		Now:    p.clock.Now,
		ISP:    "测试云",
		Logger: slog.New(slog.NewTextHandler(p.logs, nil)),
		SendSMS: func(id string, to filing.Phone, code string) {
			p.mu.Lock()
			defer p.mu.Unlock()
			p.sent = append(p.sent, sentSMS{id, to, code})
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	p.ts = httptest.NewServer(h)
	t.Cleanup(p.ts.Close)
	p.client = p.ts.Client()
	p.client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return p
}

func (p *portal) do(req *http.Request) (*http.Response, string) {
	p.t.Helper()
	resp, err := p.client.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		p.t.Fatal(err)
	}
	return resp, string(b)
}

func (p *portal) get(path string) (*http.Response, string) {
	p.t.Helper()
	req, err := http.NewRequest(http.MethodGet, p.ts.URL+path, nil)
	if err != nil {
		p.t.Fatal(err)
	}
	return p.do(req)
}

func (p *portal) post(v url.Values) (*http.Response, string) {
	p.t.Helper()
	req, err := http.NewRequest(http.MethodPost, p.ts.URL+"/filings", strings.NewReader(v.Encode()))
	if err != nil {
		p.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return p.do(req)
}

// submit posts a filing that must be accepted and returns its status page
// path.
func (p *portal) submit(v url.Values) string {
	p.t.Helper()
	resp, body := p.post(v)
	if resp.StatusCode != http.StatusSeeOther {
		p.t.Fatalf("POST /filings: status %d, want 303; body:\n%s", resp.StatusCode, body)
	}
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, "/filings/") {
		p.t.Fatalf("Location %q, want /filings/{id}", loc)
	}
	return loc
}

func sample() url.Values { return sampleForm().values() }

func with(v url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}

// company returns a valid filing of a distinct Guizhou company: its credit
// code (GB 32100, with its embedded GB 11714 organisation code) and domain
// are derived from i.
func company(t *testing.T, i int) url.Values {
	t.Helper()
	org8 := fmt.Sprintf("MA%06d", i)
	oc, err := certno.OrgCodeCheckChar(org8)
	if err != nil {
		t.Fatal(err)
	}
	body := "91520100" + org8 + string(oc)
	uc, err := certno.USCCCheckChar(body)
	if err != nil {
		t.Fatal(err)
	}
	domain := fmt.Sprintf("shop-%d.cn", i)
	return with(sample(),
		fieldSponsorName, fmt.Sprintf("贵阳第%d网络科技有限公司", i),
		fieldCertNumber, body+string(uc),
		fieldDomain, domain,
		fieldHomeURL, "https://www."+domain,
	)
}

// fieldBlock returns the HTML of one form field (its label, input and
// messages), so that tests can tell which field a message is next to.
func fieldBlock(t *testing.T, page, name string) string {
	t.Helper()
	start := strings.Index(page, `id="field-`+name+`"`)
	if start < 0 {
		t.Fatalf("no field %q on the page", name)
	}
	end := strings.Index(page[start:], "</div>")
	if end < 0 {
		t.Fatalf("field %q is not closed", name)
	}
	return page[start : start+end]
}

func wantContains(t *testing.T, where, s string, subs ...string) {
	t.Helper()
	missing := false
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q", where, sub)
			missing = true
		}
	}
	if missing {
		t.Logf("%s, as text:\n%s", where, pageText(s))
	}
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// pageText is a page without its tags and blank lines, for failure messages.
func pageText(page string) string {
	if i := strings.Index(page, "</style>"); i >= 0 {
		page = page[i:]
	}
	var lines []string
	for l := range strings.Lines(tagRE.ReplaceAllString(page, " ")) {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func wantNoMessages(t *testing.T, page string, fields ...string) {
	t.Helper()
	for _, f := range fields {
		if b := fieldBlock(t, page, f); strings.Contains(b, `class="err"`) {
			t.Errorf("field %s has messages, want none:\n%s", f, b)
		}
	}
}

func TestFormRendersPrefilledSample(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	resp, body := p.get("/")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /: status %d", resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	wantContains(t, "form", body,
		`<form method="post" action="/filings"`,
		`<option value="52" selected>贵州省</option>`,
		`<option value="36">江西省</option>`,
		`<option value="enterprise" selected>企业</option>`,
		`<option value="business_licence" selected>`,
		`value="贵阳云桥网络科技有限公司"`,
		`value="yunqiao-tech.cn"`,
	)
	if n := strings.Count(body, "<option value=\"") - strings.Count(body, "<option value=\"\""); n < len(filing.Provinces())+len(filing.Natures()) {
		t.Errorf("only %d options", n)
	}
	// The responsible person's certificate offers personal certificates only.
	if b := fieldBlock(t, body, fieldPrincipalCertType); strings.Contains(b, "business_licence") {
		t.Errorf("principal certificate types include an organisation certificate:\n%s", b)
	}
	if resp, _ := p.get("/nothing-here"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /nothing-here: status %d, want 404", resp.StatusCode)
	}
}

// A filing with a bad ID checksum and a .io domain, typed with full-width
// digits that normalise fine: 422, each message next to its own field, and
// the fields that were fine have none.
func TestInvalidFilingShowsMessagesNextToFields(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	v := with(sample(),
		fieldPrincipalCertNumber, "520102199003071231", // check digit is 6
		fieldDomain, "yunqiao.io",
		fieldHomeURL, "https://www.yunqiao.io",
		fieldMobile, "１３９ ８５０１ ２３４５", // full-width with spaces
		fieldCertNumber, "９１５２０１００ＭＡ６Ｈ７Ｋ２Ｑ１Ｄ",
	)
	resp, body := p.post(v)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", resp.StatusCode)
	}
	wantContains(t, "principal certificate field", fieldBlock(t, body, fieldPrincipalCertNumber), "身份证号码校验位不正确，请核对号码")
	wantContains(t, "domain field", fieldBlock(t, body, fieldDomain), "该域名后缀“.io”未经工信部批复，无法备案")
	wantNoMessages(t, body, fieldMobile, fieldCertNumber, fieldSponsorName, fieldProvince, fieldHomeURL)
	// The user's input comes back as typed, to be corrected.
	wantContains(t, "mobile field", fieldBlock(t, body, fieldMobile), `value="１３９ ８５０１ ２３４５"`)
	// The box above the form counts the problems and links to each field,
	// as the app form's does (one template for both).
	wantContains(t, "page", body, "备案信息有2处问题，请按提示修改后重新提交：",
		`<a href="#field-principal_cert_number">`, `<a href="#field-domain">`)
	// The checksum problem is reported for the subject's and the website's
	// principal (same form field), and shown once at the field and once in
	// the summary.
	if n := strings.Count(fieldBlock(t, body, fieldPrincipalCertNumber), "身份证号码校验位不正确"); n != 1 {
		t.Errorf("checksum message shown %d times at the field, want 1", n)
	}
	if n := strings.Count(body, "身份证号码校验位不正确"); n != 2 {
		t.Errorf("checksum message shown %d times, want 2 (field and summary)", n)
	}
}

func TestMissingFieldsAreRequired(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	resp, body := p.post(url.Values{})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", resp.StatusCode)
	}
	wantContains(t, "sponsor name field", fieldBlock(t, body, fieldSponsorName), "请填写“主办单位名称”")
	wantContains(t, "website name field", fieldBlock(t, body, fieldWebsiteName), "请填写“网站名称”")
	wantContains(t, "domain field", fieldBlock(t, body, fieldDomain), "域名")
	wantContains(t, "mobile field", fieldBlock(t, body, fieldMobile), "手机号码")
}

// Jiangxi requires a landline as well as a mobile.
func TestJiangxiRequiresLandline(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	resp, body := p.post(with(sample(), fieldProvince, "36", fieldLandline, ""))
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", resp.StatusCode)
	}
	wantContains(t, "landline field", fieldBlock(t, body, fieldLandline), "江西省要求同时填写固定电话和手机号码")
}

// An individual files with their own resident ID. Fujian takes
// an individual with an ID from another province only with a local residence
// permit. An organisation's principal must be its legal representative
// unless an authorisation letter is on file, which Guizhou accepts.
func TestIndividualAndProvinceRules(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	individual := with(sample(),
		fieldSponsorName, "王磊",
		fieldNature, string(filing.NatureIndividual),
		fieldCertType, string(filing.CertResidentID),
		fieldCertNumber, "520102199003071236",
		fieldLegalRepresentative, "",
		fieldWebsiteName, "王磊的读书笔记",
		fieldServiceContent, "个人博客",
	)

	resp, body := p.post(with(individual, fieldProvince, "35"))
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("Fujian without residence permit: status %d, want 422", resp.StatusCode)
	}
	wantContains(t, "residence permit field", fieldBlock(t, body, fieldResidencePermit), "使用外省身份证在福建省个人备案，须持有本省居住证")

	loc := p.submit(with(individual, fieldProvince, "35", fieldResidencePermit, "1"))
	_, body = p.get(loc)
	wantContains(t, "status page", body, "管局审核中", "福建省通信管理局", "<dd>个人</dd>")

	other := company(t, 1)
	resp, body = p.post(with(other, fieldPrincipalName, "李娜"))
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("principal not the legal representative: status %d, want 422", resp.StatusCode)
	}
	wantContains(t, "authorisation letter field", fieldBlock(t, body, fieldAuthorisationLetter), "主体负责人不是法定代表人，请提供《主体负责人授权说明书》")
	p.submit(with(other, fieldPrincipalName, "李娜", fieldAuthorisationLetter, "1"))
}

// a domain on file for another subject, in another province, in the
// same province, and as an IDN typed with the ideographic full stop.
func TestDomainConflictShowsGuidance(t *testing.T) {
	tests := []struct {
		name, domain, home string
		want               []string
	}{
		{"other province", "example-shop.cn", "https://www.example-shop.cn", []string{
			"域名“example-shop.cn”已被浙江省的其他主体备案（备案号：浙ICP备2019012345号-1），本次备案无法提交。",
			"浙ICP备2019012345号-1（浙江省，已备案）",
			"受理管局</dt><dd>浙江省通信管理局",
			"《注销备案信息申请表》",
			"原备案为浙江省的备案：请与原备案所在地的浙江省通信管理局联系，请其为您注销原备案。",
			"(R-32)",
		}},
		{"same province", "Guizhou-Tea.CN", "https://www.guizhou-tea.cn", []string{
			"已被本省（贵州省）其他主体备案（备案号：黔ICP备2021004567号-1）",
			"贵州省通信管理局",
		}},
		{"IDN", "例子。中国", "https://www.例子.中国", []string{
			"域名“例子.中国”已被广东省的其他主体备案",
			"广东省通信管理局",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := newPortal(t, cst(2026, 3, 2, 10))
			resp, body := p.post(with(sample(), fieldDomain, tt.domain, fieldHomeURL, tt.home))
			if resp.StatusCode != http.StatusConflict {
				t.Fatalf("status %d, want 409:\n%s", resp.StatusCode, body)
			}
			body = strings.ReplaceAll(body, "（R-32）", "(R-32)")
			wantContains(t, "page", body, tt.want...)
			wantContains(t, "domain field", fieldBlock(t, body, fieldDomain), "与已有备案冲突")
			if strings.Contains(body, "备案信息有误") {
				t.Error("a conflict is presented as invalid input")
			}
		})
	}
}

// the subject whose filing was returned files it again as new;
// another name with an approved subject's certificate.
func TestSubjectConflicts(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	returned := with(sample(),
		fieldSponsorName, "贵阳小禾餐饮管理有限公司",
		fieldCertNumber, "91520100MA6J8N5R4Q",
		fieldDomain, "xiaohe-food.cn",
		fieldHomeURL, "https://www.xiaohe-food.cn",
	)
	resp, body := p.post(returned)
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("resubmission: status %d, want 409", resp.StatusCode)
	}
	wantContains(t, "page", body, "该网站（域名“xiaohe-food.cn”）此前提交的备案已被管局退回，请勿作为新备案再次提交。", "R-13", "查看被退回的理由")

	resp, body = p.post(with(sample(), fieldCertNumber, "91330100MA2CFK3L9N"))
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("certificate taken: status %d, want 409", resp.StatusCode)
	}
	wantContains(t, "page", body, "主办单位证件号码与已备案的主体重复（主体备案号：浙ICP备2019012345号，浙江省）", "R-31")
	wantContains(t, "certificate field", fieldBlock(t, body, fieldCertNumber), "与已有备案冲突")
}

// The sample is accepted (303); its status page shows 管局审核中, the history
// and the R-20 countdown as the clock moves; filing it again is refused
// while it is under review.
func TestGoodFilingLifecycleAndCountdown(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10)) // a Monday
	loc := p.submit(sample())

	resp, body := p.get(loc)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", loc, resp.StatusCode)
	}
	wantContains(t, "status page", body,
		`<strong id="status">管局审核中</strong>`,
		"备案审核期限（R-20）：20个工作日，自2026-03-02的次日起算。截止日期：<strong>2026-03-30</strong>",
		"距审核截止还有 <strong>20</strong> 个工作日。",
		"<td>2026-03-02 10:00</td><td>新建备案</td><td>自行备案用户</td>",
		"<td>提交备案</td><td>自行备案用户</td>",
		"<td>核验并提交管局</td><td>接入商（测试云）</td>",
		"贵阳云桥网络科技有限公司",
		"yunqiao-tech.cn",
		"贵州省通信管理局",
	)
	// Personal data on the page is masked by the SDK's types.
	wantContains(t, "status page", body, "915201********2Q1D", "139****2345")
	for _, raw := range []string{"91520100MA6H7K2Q1D", "13985012345", "wanglei@"} {
		if strings.Contains(body, raw) {
			t.Errorf("status page shows %q unmasked", raw)
		}
	}

	// The SMS step is done within its 24 hours, so that the filing
	// stays under review.
	p.verifySMS(loc)
	p.clock.Set(cst(2026, 3, 20, 9))
	_, body = p.get(loc)
	wantContains(t, "status page on 2026-03-20", body, "距审核截止还有 <strong>6</strong> 个工作日。")

	p.clock.Set(cst(2026, 3, 30, 9))
	_, body = p.get(loc)
	wantContains(t, "status page on 2026-03-30", body, "今天是审核截止日。")

	p.clock.Set(cst(2026, 4, 1, 9))
	_, body = p.get(loc)
	wantContains(t, "status page on 2026-04-01", body, "已超过审核截止日期 2 个工作日，请联系贵州省通信管理局")

	resp, body = p.post(sample())
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("second submission: status %d, want 409", resp.StatusCode)
	}
	wantContains(t, "page", body, "该网站（域名“yunqiao-tech.cn”）已有备案申请正在审核中，请勿重复提交。")
}

// Jiangxi reviews within 15 working days.
func TestJiangxiCountdown(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	loc := p.submit(with(sample(), fieldProvince, "36"))
	_, body := p.get(loc)
	wantContains(t, "status page", body,
		"江西省备案审核期限（R-21）：15个工作日，自2026-03-02的次日起算。截止日期：<strong>2026-03-23</strong>",
		"距审核截止还有 <strong>15</strong> 个工作日。",
		"江西省通信管理局",
	)
}

// The due date falls in a year whose holiday schedule is not published: the
// page explains it instead of failing or guessing.
// TestDeadlineInUnpublishedYear: a due date in a year whose holiday notice
// is not published is counted from the statutory holidays and says so
// see provisional_test.go for the strict calendar.
func TestDeadlineInUnpublishedYear(t *testing.T) {
	_, last := calendar.Default().Years()

	t.Run("due date provisional", func(t *testing.T) {
		p := newPortal(t, cst(last, 12, 20, 10))
		loc := p.submit(sample())
		resp, body := p.get(loc)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d, want 200", resp.StatusCode)
		}
		wantContains(t, "status page", body, `<strong id="status">管局审核中</strong>`, "截止日期：<strong>",
			"距审核截止还有", calendar.ProvisionalNoteZh, "暂按全国年节及纪念日放假办法规定的法定节假日推算")
		if strings.Contains(body, "节假日安排尚未公布") || strings.Contains(body, "无法计算") {
			t.Errorf("page says the schedule is missing instead of counting provisionally:\n%s", body)
		}
	})
	t.Run("due date passed, today unpublished", func(t *testing.T) {
		p := newPortal(t, cst(last, 11, 2, 10))
		loc := p.submit(sample())
		p.verifySMS(loc)
		p.clock.Set(cst(last+1, 1, 5, 10))
		_, body := p.get(loc)
		// The due date is in a published year; the count up to today is not.
		due, err := calendar.Default().Deadline(calendar.ReviewR20, cst(last, 11, 2, 10))
		if err != nil {
			t.Fatal(err)
		}
		wantContains(t, "status page", body, "截止日期：<strong>"+due.Format(time.DateOnly)+"</strong>。",
			"个工作日"+calendar.ProvisionalNoteZh+"，请联系")
	})
}

func TestUnknownFilingIs404(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	for _, path := range []string{"/filings/NOSUCHFILING", "/filings/%3Cscript%3E", "/filings/1"} {
		resp, body := p.get(path)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, resp.StatusCode)
		}
		wantContains(t, path, body, "未找到该备案申请")
	}
}

func TestWrongMethodIs405(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	loc := p.submit(sample())
	for _, tt := range []struct{ method, path string }{
		{http.MethodPost, "/"},
		{http.MethodDelete, "/"},
		{http.MethodGet, "/filings"},
		{http.MethodPut, "/filings"},
		{http.MethodPost, loc},
		{http.MethodDelete, loc},
	} {
		req, err := http.NewRequest(tt.method, p.ts.URL+tt.path, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, _ := p.do(req)
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s %s: status %d, want 405", tt.method, tt.path, resp.StatusCode)
		}
		if resp.Header.Get("Allow") == "" {
			t.Errorf("%s %s: no Allow header", tt.method, tt.path)
		}
	}
}

func TestHTMLInjectionIsEscaped(t *testing.T) {
	const attack = `<script>alert(1)</script>"><img src=x onerror=alert(2)>云桥有限公司`
	p := newPortal(t, cst(2026, 3, 2, 10))

	// Invalid elsewhere: the form comes back with the attack in a value.
	resp, body := p.post(with(sample(), fieldSponsorName, attack, fieldDomain, "yunqiao.io"))
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", resp.StatusCode)
	}
	checkEscaped(t, body, attack)

	// Accepted (the SDK does not restrict the characters of a sponsor name):
	// the status page shows it as text.
	loc := p.submit(with(sample(), fieldSponsorName, attack))
	_, body = p.get(loc)
	checkEscaped(t, body, attack)
	wantContains(t, "status page", body, `<dd id="sponsor">`+html.EscapeString(attack)+`</dd>`)
}

func checkEscaped(t *testing.T, body, attack string) {
	t.Helper()
	for _, bad := range []string{"<script>alert(1)", "<img src=x", `"><img`} {
		if strings.Contains(body, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("page does not show the escaped name %q", attack)
	}
}

func TestOversizedAndMalformedBodies(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))

	resp, body := p.post(with(sample(), fieldAddress, strings.Repeat("路", 40<<10)))
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("body over the cap: status %d, want 413", resp.StatusCode)
	}
	wantContains(t, "413 page", body, "提交的内容过大")

	// Large but under the cap: the field's limit is reported.
	resp, body = p.post(with(sample(), fieldSponsorName, strings.Repeat("云", 5000)+"有限公司"))
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("5,004-character name: status %d, want 422", resp.StatusCode)
	}
	wantContains(t, "sponsor name field", fieldBlock(t, body, fieldSponsorName), "“主办单位名称”过长，最多100个字符")

	req, err := http.NewRequest(http.MethodPost, p.ts.URL+"/filings", strings.NewReader("province=%zz"))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if resp, _ := p.do(req); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("bad form encoding: status %d, want 400", resp.StatusCode)
	}
}

// Hostile and broken input never gets a 500 (nor a panic, which the fuzz
// target below checks without the HTTP server's recovery in between).
func TestGarbageInputNever500(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	inputs := []url.Values{
		with(sample(), fieldSponsorName, "\xff\xfe云桥\x00有限公司"),
		with(sample(), fieldProvince, "99", fieldNature, "alien", fieldCertType, "nope", fieldPrincipalCertType, "\x00"),
		with(sample(), fieldDomain, "http://user:pw@例子.中国:8080/path?q", fieldHomeURL, "javascript:alert(1)"),
		with(sample(), fieldDomain, "*.com.cn", fieldHomeURL, "https://[::1]/"),
		with(sample(), fieldDomain, strings.Repeat("a.", 200)+"cn"),
		with(sample(), fieldEmail, "\"a b\"@[127.0.0.1]", fieldMobile, "+1 (555) 010-9999", fieldLandline, "400-800-8888"),
		with(sample(), fieldNature, "individual", fieldCertType, "resident_id", fieldCertNumber, "520102199003071236"),
		with(sample(), fieldCertNumber, strings.Repeat("9", 2000)),
		{fieldDomain: {"a.cn", "b.cn"}, fieldProvince: {"52", "11"}},
	}
	for i, v := range inputs {
		resp, _ := p.post(v)
		switch resp.StatusCode {
		case http.StatusSeeOther, http.StatusUnprocessableEntity, http.StatusConflict:
		default:
			t.Errorf("input %d: status %d", i, resp.StatusCode)
		}
	}
	if strings.Contains(p.logs.String(), "level=ERROR") {
		t.Errorf("errors logged:\n%s", p.logs.String())
	}
}

func TestCrossSitePostIsRefused(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	req, err := http.NewRequest(http.MethodPost, p.ts.URL+"/filings", strings.NewReader(sample().Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if resp, _ := p.do(req); resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST: status %d, want 403", resp.StatusCode)
	}
}

// The logs carry masked personal data only.
func TestLogsMaskPersonalData(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	p.submit(sample())
	p.post(with(sample(), fieldPrincipalCertNumber, "520102199003071231"))
	p.post(with(sample(), fieldDomain, "example-shop.cn", fieldHomeURL, "https://example-shop.cn"))
	logs := p.logs.String()
	wantContains(t, "logs", logs, "filing accepted", "cert_number=915201********2Q1D", "principal_mobile=139****2345", "filing refused: invalid", "id.checksum", "filing refused: conflict", "conflict.domain_other_province")
	for _, raw := range []string{"91520100MA6H7K2Q1D", "520102199003071236", "520102199003071231", "13985012345", "wanglei@", "王磊", "0851-86801234"} {
		if strings.Contains(logs, raw) {
			t.Errorf("logs contain %q:\n%s", raw, logs)
		}
	}
}

// Many submissions at once: distinct filings are all accepted, and of
// identical ones exactly one is (the check and the recording are one step).
// Run with -race.
func TestConcurrentSubmissions(t *testing.T) {
	p := newPortal(t, cst(2026, 3, 2, 10))
	const distinct, identical = 16, 8
	var (
		wg        sync.WaitGroup
		mu        sync.Mutex
		locations []string
		codes     = map[int]int{}
	)
	start := make(chan struct{}) // released at once, to make the requests overlap
	post := func(v url.Values, keep bool) {
		defer wg.Done()
		<-start
		req, err := http.NewRequest(http.MethodPost, p.ts.URL+"/filings", strings.NewReader(v.Encode()))
		if err != nil {
			t.Error(err)
			return
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := p.client.Do(req)
		if err != nil {
			t.Error(err)
			return
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		mu.Lock()
		defer mu.Unlock()
		if keep {
			if resp.StatusCode != http.StatusSeeOther {
				t.Errorf("distinct filing: status %d, want 303", resp.StatusCode)
			}
			locations = append(locations, resp.Header.Get("Location"))
		} else {
			codes[resp.StatusCode]++
		}
	}
	for i := range distinct {
		wg.Add(1)
		go post(company(t, i+1), true)
	}
	for range identical {
		wg.Add(1)
		go post(sample(), false)
	}
	close(start)
	wg.Wait()
	if codes[http.StatusSeeOther] != 1 || codes[http.StatusConflict] != identical-1 {
		t.Errorf("identical filings: statuses %v, want one 303 and %d 409", codes, identical-1)
	}

	// And read them back concurrently while the clock moves.
	for _, loc := range locations {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := p.client.Get(p.ts.URL + loc)
			if err != nil {
				t.Error(err)
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			// Until the clock reaches the SMS step's 24 hours the filing is
			// under review; then the read returns it to the ISP.
			if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), "管局审核中") && !strings.Contains(string(b), "短信核验超时，系统退回接入商") {
				t.Errorf("GET %s: status %d", loc, resp.StatusCode)
			}
		}()
	}
	p.clock.Set(cst(2026, 3, 3, 10))
	wg.Wait()
	// Concurrent reads at the expiry record the timeout once per filing.
	for _, loc := range locations {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := p.client.Get(p.ts.URL + loc)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
		}()
	}
	wg.Wait()
	for _, loc := range locations {
		_, body := p.get(loc)
		if n := strings.Count(body, "<td>短信核验超时</td>"); n != 1 || !strings.Contains(body, `<strong id="status">短信核验超时，系统退回接入商</strong>`) {
			t.Errorf("GET %s after the 24 hours: %d timeouts recorded, want 1, and 短信核验超时，系统退回接入商", loc, n)
		}
	}
}

// FuzzCreateFiling posts arbitrary values into every field: the handler never
// panics and never answers 500.
func FuzzCreateFiling(f *testing.F) {
	f.Add("52", "贵阳云桥网络科技有限公司", "enterprise", "business_licence", "91520100MA6H7K2Q1D", "yunqiao-tech.cn", "https://www.yunqiao-tech.cn", "13985012345")
	f.Add("", "", "", "", "", "", "", "")
	f.Add("黔", "王磊", "个人", "居民身份证", "５２０１０２１９９００３０７１２３６", "例子。中国", "www.例子.中国:80/", "+86 139-8501-2345")
	f.Add("36", "\xff", "\x00", "orgcode_certificate", "D2143569-X", "com.cn", "ftp://x", "0851-8680")
	h, err := newServer(options{
		Now:    func() time.Time { return cst(2026, 3, 2, 10) },
		Logger: slog.New(slog.DiscardHandler),
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, province, name, nature, certType, certNumber, domain, home, mobile string) {
		v := with(sample(),
			fieldProvince, province, fieldSponsorName, name, fieldNature, nature, fieldCertType, certType,
			fieldCertNumber, certNumber, fieldDomain, domain, fieldHomeURL, home, fieldMobile, mobile,
		)
		req := httptest.NewRequest(http.MethodPost, "/filings", strings.NewReader(v.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusSeeOther, http.StatusUnprocessableEntity, http.StatusConflict, http.StatusRequestEntityTooLarge:
		default:
			t.Fatalf("status %d for %q", rec.Code, v.Encode())
		}
	})
}

// run, the program's startup path: listen, serve, shut down when the
// context ends.
func TestRunServesAndShutsDown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	logs := &lockedBuffer{}
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-isp", "运行测试云"}, logs, func(a string) { addrc <- a })
	}()

	var addr string
	select {
	case addr = <-addrc:
	case err := <-done:
		t.Fatalf("run returned early: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("server did not start")
	}
	resp, err := http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), "ICP网站备案") {
		t.Fatalf("GET /: status %d", resp.StatusCode)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server did not shut down")
	}
	wantContains(t, "logs", logs.String(), "record set loaded", "records=5", "portal listening", "portal stopped")
}

func TestRunRejectsBadSetup(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"subject":{"province":"52","name":"x","cert_type":"business_licence","cert_number":"91520100MA6H7K2Q1D"},"websites":[{"name":"y","domains":["com.cn"]}]}`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.jsonl")
	if err := os.WriteFile(good, sampleRecords, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-records", bad, "-addr", "127.0.0.1:0"}, "conflict.bad_record"},
		{[]string{"-records", filepath.Join(dir, "missing.jsonl")}, "no such file"},
		{[]string{"-addr", "256.0.0.1:http"}, "256.0.0.1"},
		{[]string{"-nope"}, "flag provided but not defined"},
		{[]string{"extra"}, "unexpected arguments"},
	} {
		err := run(context.Background(), tt.args, io.Discard, nil)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("run(%q) = %v, want an error containing %q", tt.args, err, tt.want)
		}
	}

	// A good record file loads, and its records are what conflicts are checked
	// against.
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-records", good, "-addr", "127.0.0.1:0"}, io.Discard, func(a string) { addrc <- a })
	}()
	select {
	case addr := <-addrc:
		v := with(sample(), fieldDomain, "example-shop.cn", fieldHomeURL, "https://www.example-shop.cn")
		resp, err := http.PostForm("http://"+addr+"/filings", v)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusConflict {
			t.Errorf("conflicting filing against -records: status %d, want 409", resp.StatusCode)
		}
	case err := <-done:
		t.Fatalf("run: %v", err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
