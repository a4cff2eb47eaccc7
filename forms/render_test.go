package forms

import (
	"bytes"
	"flag"
	"html"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/beiankit/beian/filing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

// goldenCases are the forms rendered to testdata/golden: each kind blank
// (bureau section empty) and filled by the bureau.
func goldenCases(t *testing.T) map[string]*Application {
	t.Helper()
	filledRetrieval := mustReceive(t, individualRetrieval(), NewDate(2026, time.March, 2))
	filledRetrieval, err := filledRetrieval.Process(NewDate(2026, time.March, 4), Decision{Result: ResultDone, Username: "zhangsan2021", Password: "Xk7#pQ2m", Remarks: "已核对身份证复印件与备案信息一致"})
	if err != nil {
		t.Fatal(err)
	}
	filledRetrieval, _ = filledRetrieval.Notify(NewDate(2026, time.March, 4), OutcomeNoAnswer, "")
	filledRetrieval, _ = filledRetrieval.Notify(NewDate(2026, time.March, 5), OutcomeDelivered, "")

	abandoned := mustReceive(t, orgCancellation(), NewDate(2026, time.March, 2))
	// The remarks say what the bureau found, written before the calls
	// failed: a done decision's remarks never say the work is done.
	abandoned, err = abandoned.Process(NewDate(2026, time.March, 3), Decision{Result: ResultDone, Remarks: "材料齐全，与备案信息一致"})
	require.NoError(t, err)
	for i, o := range []Outcome{OutcomePhoneOff, OutcomeNoAnswer, OutcomeNoAnswer} {
		abandoned, err = abandoned.Notify(NewDate(2026, time.March, 3+i), o, "")
		if err != nil {
			t.Fatal(err)
		}
	}
	return map[string]*Application{
		"retrieval":              individualRetrieval(),
		"retrieval_filled":       filledRetrieval,
		"cancellation":           orgCancellation(),
		"cancellation_abandoned": abandoned,
		"deletion":               orgDeletion(),
		"domain_holder":          holderCancellation(),
	}
}

func TestR57_GoldenRendering(t *testing.T) {
	for name, a := range goldenCases(t) {
		// The .json files are the applications themselves: fixtures for
		// the printing tests of forms/formpdf.
		for _, ext := range []string{"html", "txt", "json"} {
			t.Run(name+"."+ext, func(t *testing.T) {
				var buf bytes.Buffer
				var err error
				switch ext {
				case "html":
					err = a.RenderHTML(&buf)
				case "txt":
					err = a.RenderText(&buf)
				default:
					err = a.Encode(&buf)
				}
				require.NoError(t, err)
				path := filepath.Join("testdata", "golden", name+"."+ext)
				if *update {
					require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
					return
				}
				want, err := os.ReadFile(path)
				require.NoError(t, err, "run: go test ./forms -run Golden -update")
				assert.Equal(t, string(want), buf.String(), "%s differs from the golden file (rewrite with -update, then git diff)", path)
			})
		}
	}
}

func TestR57_RenderedSections(t *testing.T) {
	var blank, filled strings.Builder
	if err := individualRetrieval().RenderText(&blank); err != nil {
		t.Fatal(err)
	}
	if err := goldenCases(t)["retrieval_filled"].RenderText(&filled); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"找回用户名、密码申请表", "申请人姓名：张三", "手机号码：13812345678", "申请日期：2026年3月1日",
		"备案号", "域名", "主办单位名称", "联系人姓名", "联系人固定电话", "联系人邮箱", "用户名、密码丢失原因",
		"Ⅱ．单位公章", "Ⅲ．处理结果（以下由通信管理局填写）", "用户名：", "密码：", "处理日期：", "通知日期：", "[ ] 送达  [ ] 未送达  [ ] 三次", "备注："} {
		if !strings.Contains(blank.String(), s) {
			t.Errorf("blank form lacks %q", s)
		}
	}
	for _, s := range []string{"用户名：zhangsan2021", "密码：Xk7#pQ2m", "处理日期：2026年3月4日", "通知日期：2026年3月5日", "[✓] 送达  [ ] 未送达  [ ] 三次", "通知记录：2026年3月4日 不接听；2026年3月5日 送达", "答复期限：2026年3月9日"} {
		if !strings.Contains(filled.String(), s) {
			t.Errorf("filled form lacks %q", s)
		}
	}
	// The full personal data is printed: it is the applicant's own form.
	for _, s := range []string{"13812345678", "0371-65795120", "zhangsan@example.com"} {
		if !strings.Contains(blank.String(), s) {
			t.Errorf("rendered form masks %q", s)
		}
	}
	// Cancellation forms print their target and the 详细原因 note; the
	// retrieval form has no credentials on other kinds.
	var c strings.Builder
	_ = orgCancellation().RenderText(&c)
	for _, s := range []string{"注销对象", "注销网站", "备案注销原因（必须填写详细原因）", "单位用户：请在此处加盖单位公章"} {
		if !strings.Contains(c.String(), s) {
			t.Errorf("cancellation lacks %q", s)
		}
	}
	if strings.Contains(c.String(), "用户名：") {
		t.Error("cancellation form has the credentials boxes")
	}
}

// setAllStrings sets every string field (recursively, including personal
// data types and slices of strings) to v.
func setAllStrings(rv reflect.Value, v string) {
	switch rv.Kind() {
	case reflect.Pointer:
		if rv.IsNil() {
			rv.Set(reflect.New(rv.Type().Elem()))
		}
		setAllStrings(rv.Elem(), v)
	case reflect.Struct:
		for i := range rv.NumField() {
			if rv.Type().Field(i).IsExported() {
				setAllStrings(rv.Field(i), v)
			}
		}
	case reflect.Slice:
		if rv.Type().Elem().Kind() == reflect.String || rv.Type().Elem().Kind() == reflect.Struct {
			s := reflect.MakeSlice(rv.Type(), 2, 2)
			for i := range 2 {
				setAllStrings(s.Index(i), v)
			}
			rv.Set(s)
		}
	case reflect.String:
		rv.SetString(v)
	}
}

func TestR55_ScriptInEveryFieldIsEscaped(t *testing.T) {
	payloads := []string{
		`<script>alert(1)</script>`,
		`"><script>alert(1)</script>`,
		`</td></tr></table><script>alert(1)</script>`,
		`<img src=x onerror=alert(1)>`,
		"<scr\x00ipt>alert(1)</script>",
		`javascript:alert(1)`,
	}
	for _, kind := range Kinds() {
		for _, payload := range payloads {
			a := &Application{}
			setAllStrings(reflect.ValueOf(a), payload)
			a.Kind = kind
			a.Date = NewDate(2026, time.March, 1)
			var h, tx bytes.Buffer
			if err := a.RenderHTML(&h); err != nil {
				t.Fatal(err)
			}
			if err := a.RenderText(&tx); err != nil {
				t.Fatal(err)
			}
			out := h.String()
			low := strings.ToLower(out)
			if strings.Contains(low, "<script") || strings.Contains(low, "<img") || strings.Contains(low, "onerror=") && strings.Contains(low, "<img") {
				t.Fatalf("%s: payload %q not escaped:\n%s", kind, payload, out)
			}
			if strings.Count(low, "<table") != 1 || strings.Count(low, "</table>") != 1 {
				t.Fatalf("%s: payload %q broke the table structure", kind, payload)
			}
			// The payload is shown, escaped, as text.
			if payload == payloads[0] && !strings.Contains(out, html.EscapeString("<script>")) && !strings.Contains(out, "&lt;script&gt;") {
				t.Errorf("%s: payload not shown as text", kind)
			}
			if strings.ContainsRune(tx.String(), 0) {
				t.Errorf("%s: NUL in text output", kind)
			}
			// And Check rejects it, in every text field it can reach.
			ps := problemsOf(t, a.Check(now))
			if payload[0] == '<' && !hasProblem(ps, "applicant_name", CodeMarkup) && !hasProblem(ps, "applicant_name", CodeControlChars) {
				t.Errorf("%s: markup in applicant_name not reported for %q", kind, payload)
			}
		}
	}
}

func TestR55_RenderingCapsOversizedValues(t *testing.T) {
	a := individualRetrieval()
	a.Reason = strings.Repeat("很长的原因", 100000)
	a.SponsorName = strings.Repeat("名", 10000)
	var b bytes.Buffer
	if err := a.RenderHTML(&b); err != nil {
		t.Fatal(err)
	}
	if b.Len() > 64<<10 {
		t.Errorf("rendered %d bytes", b.Len())
	}
}

func TestR55_RenderKeepsChinesePunctuation(t *testing.T) {
	a := orgCancellation()
	var b strings.Builder
	_ = a.RenderText(&b)
	if !strings.Contains(b.String(), "公司网站已停止运营，服务器") {
		t.Error("full-width comma folded in the printed reason")
	}
}

func TestR55_A4PrintCSS(t *testing.T) {
	var b strings.Builder
	_ = individualRetrieval().RenderHTML(&b)
	for _, s := range []string{"@page { size: A4", `<html lang="zh-CN">`, `<meta charset="utf-8">`, "Content-Security-Policy"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("HTML lacks %q", s)
		}
	}
	_ = filing.NatureIndividual
}
