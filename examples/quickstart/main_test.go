package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/report.golden")

// TestRun runs the whole demonstration and compares its report with the
// golden file (go test ./examples/quickstart -update rewrites it after a
// deliberate change). The key facts are also asserted one by one, so that
// a regenerated golden file cannot hide a wrong answer.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	got := out.String()
	for _, want := range []string{
		"发现3个问题",
		"[id.checksum R-09]",             // wrong check character
		"[domain.tld_not_approved R-09]", // .io
		"[url.not_under_domain R-09]",    // home URL off the domain
		"省份=52",                          // "贵州" normalised to its code
		"手机=138****8000",                 // masked in fmt
		"粤ICP备2019012345号-1（广东省，R-30）；请联系：广东省通信管理局", // the Guangdong record blocks xingchen.cn
		"xn--2qun4fgsx4tu.xn--fiqs8s）：无冲突",          // the IDN, clean
		"管局审核期限（R-20，20个工作日）：2026-03-31",            // 20 working days after 2026-03-03
		"截至2026-03-20：剩余7个工作日",
		"[lifecycle.wrong_province]",
		"主体备案号 黔ICP备2026001073号，网站备案号 黔ICP备2026001073号-1", // after 黔ICP备2026001072号 on file
		"R-61 即将视为空壳网站",
		"将于2026-07-05 18:00后视为空壳网站",
		"应在2026-07-13前处理完毕",             // 5 working days after Monday 2026-07-06
		"注销原因：网站服务结束 → 注销备案信息申请表（注销网站）",
		"注销备案信息申请表",
		"注销网站",
		"[app.fingerprint_length R-72]",             // an MD5 fingerprint on the iOS row
		"[conflict.app_identifier_taken R-74]",      // CN.XINGCHEN.NOTES meets cn.xingchen.Notes
		"阻挡的备案：粤ICP备2019012345号-2A",                 // the Shenzhen company's app
		"备案号 黔ICP备2026001073号-2A",                   // the app after website -1
		"备案号 黔ICP备2026001073号-3X",                   // the mini-program
		"公共查询（R-33）：APP应用 黔ICP备2026001073号-2A 星辰记账", // the service type in the row
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(got, "19800101") {
		t.Error("report prints a resident ID number unmasked")
	}

	golden := filepath.Join("testdata", "report.golden")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("report differs from %s (run with -update after a deliberate change):\n%s", golden, got)
	}
}

// TestRunStable checks the report does not depend on the wall clock or on
// map order: two runs print the same.
func TestRunStable(t *testing.T) {
	var a, b bytes.Buffer
	if err := run(&a); err != nil {
		t.Fatal(err)
	}
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("two runs print different reports")
	}
}

// TestReportSaysWhatIsMasked: the report claims masking only where it
// happens. The mobile is masked in the report's own output, and the
// application form printed for the bureau carries it in full, as the bureau
// needs it; the report must say so rather than promise a masked printout.
func TestReportSaysWhatIsMasked(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if !strings.Contains(got, "手机号码：13800138000") {
		t.Fatal("the printed form no longer carries the mobile in full: revisit the masking note")
	}
	for _, line := range strings.Split(got, "\n") {
		if strings.Contains(line, "138****8000") && (strings.Contains(line, "打印") && !strings.Contains(line, "完整")) {
			t.Errorf("the report promises a masked printout, yet prints the form in full: %q", line)
		}
		if strings.Contains(line, "138****8000") && !strings.Contains(line, "申请表上是完整号码") {
			t.Errorf("the masked mobile's note does not say the form carries it in full: %q", line)
		}
	}
}

// TestFormFlagWritesThePrintablePage: with -form the demonstration writes
// the cancellation application as its A4 HTML page and says where.
func TestFormFlagWritesThePrintablePage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "form.html")
	*formFile = path
	t.Cleanup(func() { *formFile = "" })
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "申请表已写入"+path) {
		t.Errorf("report does not say where the form is")
	}
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<title>注销备案信息申请表</title>", "@page { size: A4 portrait", "贵州星辰科技有限公司"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("form page lacks %q", want)
		}
	}
}
