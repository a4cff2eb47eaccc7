package shell_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/shell"
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
	sum, err := shell.ClassifyStream(context.Background(), strings.NewReader(jsonl), asOf,
		func(r shell.SubjectReport) error {
			for _, f := range r.Findings {
				fmt.Println(strings.TrimSpace(fmt.Sprintf("line %d: %s %s %s", r.Line, f.Rule, f.Kind, f.WebsiteNumber)))
			}
			return nil
		},
		shell.OnBadRecord(func(e *shell.RecordError) error {
			fmt.Println("bad:", e.MessageZh())
			return nil
		}))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sum.Subjects, "subjects,", sum.Websites, "websites,", sum.BadRecords, "bad,", sum.Findings, "findings")
	fmt.Println("Guizhou:", sum.ByProvince["52"][shell.FindingShellWebsite], "shell website(s)")
	// Output:
	// bad: 第3行：时间晚于核查时间
	// line 1: R-17 access_cancelled_filing_kept 黔ICP备2026001073号-1
	// line 1: R-61 shell_website 黔ICP备2026001073号-1
	// line 4: R-62 shell_subject
	// 2 subjects, 1 websites, 1 bad, 3 findings
	// Guizhou: 1 shell website(s)
}

// A backend that already holds its records as Go values (a database cursor,
// say) classifies them through an iterator: a subject record followed by its
// website records.
func ExampleClassifySeq() {
	cst := calendar.Location()
	subject := &filing.Subject{Number: "黔ICP备2026001073号", Province: "52", Status: filing.StatusApproved}
	site := &shell.WebsiteRecord{
		Website:    filing.Website{Service: filing.Service{Number: "黔ICP备2026001073号-1", Status: filing.StatusApproved}},
		ApprovedAt: time.Date(2026, 5, 20, 10, 0, 0, 0, cst),
	}
	records := func(yield func(shell.StreamRecord, error) bool) {
		if yield(shell.StreamRecord{Subject: subject}, nil) {
			yield(shell.StreamRecord{Website: site, SubjectNumber: subject.Number}, nil)
		}
	}
	asOf := time.Date(2026, 6, 1, 9, 0, 0, 0, cst)
	sum, err := shell.ClassifySeq(context.Background(), records, asOf, func(r shell.SubjectReport) error {
		for _, f := range r.Findings {
			fmt.Println(f.Rule, f.Kind.Zh(), f.ShellDate)
		}
		return nil
	})
	fmt.Println(sum.Findings, "findings", err)
	// Output:
	// R-61 空壳网站 2026-05-27
	// R-62 清理后将成为空壳主体 2026-05-27
	// 2 findings <nil>
}

// One subject with its websites, as a bureau exports it, classified as of
// an instant.
func ExampleClassifyRecord() {
	cst := calendar.Location()
	rec := shell.SubjectRecord{
		Subject: filing.Subject{Number: "京ICP备2024000001号", Province: "11", Status: filing.StatusApproved},
	}
	r, err := shell.ClassifyRecord(rec, time.Date(2026, 6, 1, 9, 0, 0, 0, cst))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Has(shell.FindingShellSubject), r.Findings[0].Zh)
	fmt.Println(r.Findings[0].RecommendationZh[:strings.Index(r.Findings[0].RecommendationZh, "。")+len("。")])
	// Output:
	// true 主体京ICP备2024000001号下已无网站，视为空壳主体
	// 主体下已无网站，将在管局定期清理中被注销。
}
