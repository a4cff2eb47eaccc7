package shell_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
	"github.com/beiankit/beian/filing/shell"
)

// The typed-line format (deprecated): one line per subject or website,
// grouped by subject. The bad line is reported with its
// position and the stream goes on.
func ExampleClassifyTypedStream() {
	jsonl := `{"type":"subject","number":"黔ICP备2026001073号","province":"52","status":"approved"}
{"type":"website","subject":"黔ICP备2026001073号","number":"黔ICP备2026001073号-1","status":"approved","access":[{"isp":"中国电信","since":"2025-01-01T00:00:00+08:00","until":"2026-04-30T00:00:00+08:00"}]}
{"type":"website","subject":"黔ICP备2026001073号","number":"黔ICP备2026001073号-2","access":[{"isp":"中国电信","since":"2026-07-01T00:00:00+08:00"}]}
{"type":"subject","number":"京ICP备2024000001号","province":"11","status":"approved"}
`
	asOf := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	sum, err := shell.ClassifyTypedStream(context.Background(), strings.NewReader(jsonl), asOf,
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
func ExampleClassifyTypedSeq() {
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
	sum, err := shell.ClassifyTypedSeq(context.Background(), records, asOf, func(r shell.SubjectReport) error {
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

// One record on file, as the bureau's export holds it, classified as of
// an instant.
func ExampleClassifyRecord() {
	cst := calendar.Location()
	rec := record.Record{
		Subject: record.Subject{Number: "京ICP备2024000001号", Province: "11", Status: filing.StatusApproved},
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

// A bureau runs the classification over its export (package filing/record):
// one subject with all its websites and apps per line. The bad website is
// reported with its line and path, and its subject is still classified.
func ExampleClassifyStream() {
	export := `{"subject":{"number":"黔ICP备2026001073号","province":"52","status":"approved"},"websites":[{"number":"黔ICP备2026001073号-1","status":"approved","access":[{"isp":"中国电信","since":"2025-01-01T00:00:00+08:00","until":"2026-04-30T00:00:00+08:00"}]},{"number":"黔ICP备2026001073号-2","access":[{"isp":"中国电信","since":"2026-07-01T00:00:00+08:00"}]}]}
{"subject":{"province":"52","status":"bureau_review"},"websites":[{"domains":["review.cn"],"status":"bureau_review"}]}
{"subject":{"number":"京ICP备2024000001号","province":"11","status":"approved"}}
`
	asOf := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	sum, err := shell.ClassifyStream(context.Background(), strings.NewReader(export), asOf,
		func(r shell.SubjectReport) error {
			for _, f := range r.Findings {
				fmt.Println(strings.TrimSpace(fmt.Sprintf("line %d: %s %s %s", r.Line, f.Rule, f.Kind, f.WebsiteNumber)))
			}
			return nil
		},
		shell.OnBadRecord(func(e *shell.RecordError) error {
			fmt.Println("bad:", e.MessageZh(), e.Problems[0].Path)
			return nil
		}))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sum.Subjects, "subjects,", sum.Websites, "websites,", sum.BadRecords, "bad,", sum.Unfiled, "unfiled,", sum.Findings, "findings")
	// Output:
	// bad: 第1行：时间晚于核查时间 websites[1].access[0].since
	// line 1: R-17 access_cancelled_filing_kept 黔ICP备2026001073号-1
	// line 1: R-61 shell_website 黔ICP备2026001073号-1
	// line 3: R-62 shell_subject
	// 2 subjects, 1 websites, 1 bad, 1 unfiled, 3 findings
}

// A backend that holds its records as Go values classifies them through an
// iterator of records on file (record.Decode gives one over the export).
func ExampleClassifySeq() {
	cst := calendar.Location()
	records := []record.Record{{
		Subject: record.Subject{Number: "黔ICP备2026001073号", Province: "52", Status: filing.StatusApproved},
		Websites: []record.Website{{Number: "黔ICP备2026001073号-1", Status: filing.StatusApproved,
			ApprovedAt: time.Date(2026, 5, 20, 10, 0, 0, 0, cst)}},
	}}
	seq := func(yield func(record.Record, error) bool) {
		for _, r := range records {
			if !yield(r, nil) {
				return
			}
		}
	}
	asOf := time.Date(2026, 6, 1, 9, 0, 0, 0, cst)
	sum, err := shell.ClassifySeq(context.Background(), seq, asOf, func(r shell.SubjectReport) error {
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
