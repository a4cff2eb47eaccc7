package filing_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/beiankit/beian/filing"
)

// A bureau runs the classification over its record set, one JSONL line per
// subject or website, grouped by subject. The bad line is reported with its
// position and the stream goes on.
func ExampleClassifyStream() {
	jsonl := `{"type":"subject","number":"黔ICP备2026001073号","province":"52","status":"approved"}
{"type":"website","subject":"黔ICP备2026001073号","number":"黔ICP备2026001073号-1","status":"approved","access":[{"isp":"中国电信","since":"2025-01-01T00:00:00+08:00","until":"2026-04-30T00:00:00+08:00"}]}
{"type":"website","subject":"黔ICP备2026001073号","number":"黔ICP备2026001073号-2","access":[{"isp":"中国电信","since":"2026-07-01T00:00:00+08:00"}]}
{"type":"subject","number":"京ICP备2024000001号","province":"11","status":"approved"}
`
	asOf := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	sum, err := filing.ClassifyStream(context.Background(), strings.NewReader(jsonl), asOf,
		func(r filing.SubjectReport) error {
			for _, f := range r.Findings {
				fmt.Println(strings.TrimSpace(fmt.Sprintf("line %d: %s %s %s", r.Line, f.Rule, f.Kind, f.WebsiteNumber)))
			}
			return nil
		},
		filing.OnBadRecord(func(e *filing.RecordError) error {
			fmt.Println("bad:", e.MessageZh())
			return nil
		}))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sum.Subjects, "subjects,", sum.Websites, "websites,", sum.BadRecords, "bad,", sum.Findings, "findings")
	fmt.Println("Guizhou:", sum.ByProvince["52"][filing.FindingShellWebsite], "shell website(s)")
	// Output:
	// bad: 第3行：时间晚于核查时间
	// line 1: R-17 access_cancelled_filing_kept 黔ICP备2026001073号-1
	// line 1: R-61 shell_website 黔ICP备2026001073号-1
	// line 4: R-62 shell_subject
	// 2 subjects, 1 websites, 1 bad, 3 findings
	// Guizhou: 1 shell website(s)
}
