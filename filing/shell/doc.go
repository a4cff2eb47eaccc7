// Package shell finds shell records (空壳类备案, R-60..R-63): filed websites
// with no access for more than their province's grace (the publicity
// period, one week by default, R-64: a row of package filing's province
// table, GraceFor in the default table; WithProvinceRules hands a caller's
// table to every classifier), and filed subjects with no
// website left in force, each finding with the recommendation the bureaus
// give. ClassifySubject and ClassifyRecord judge one subject;
// ClassifyStream and ClassifySeq apply the same rules to a bureau's national
// export, one subject at a time, in bounded memory. ClassifyFiling judges a
// subject with its apps too: an app whose access has ended is a shell app
// (空壳APP, FindingShellApp) as a website is; the app lines of a stream are
// judged the same way.
//
// The rules come from 网站备案日常问题解答 (the Guizhou bureau's answers to
// common filing questions), §四: a website without access information for
// more than one week is treated as a shell website and cancelled in the
// bureaus' periodic cleanup; a subject left without websites is a shell
// subject.
//
// # Streams
//
// ClassifyStream reads JSONL (format below) and ClassifySeq an iterator of
// StreamRecord values. Memory is bounded by one subject at a time: records
// come grouped by subject, each subject's report is handed to a callback as
// soon as its group ends, and only counts are kept (StreamSummary). Lines
// are decoded in parallel and classified in input order.
//
// # JSONL format
//
// One JSON object per line (UTF-8, "\n" or "\r\n" line ends; blank lines
// are skipped). Each object has a "type":
//
//	{"type":"subject","number":"黔ICP备2026001073号","province":"52","status":"approved"}
//	{"type":"website","subject":"黔ICP备2026001073号","number":"黔ICP备2026001073号-1","status":"approved",
//	 "approved_at":"2026-01-05T10:00:00+08:00",
//	 "access":[{"isp":"ISP-A","isp_province":"52","since":"2026-01-06T09:00:00+08:00","until":"2026-03-01T00:00:00+08:00"}]}
//	{"type":"app","subject":"黔ICP备2026001073号","number":"黔ICP备2026001073号-2A","kind":"app","status":"approved",
//	 "approved_at":"2026-02-02T10:00:00+08:00","access":[{"isp":"ISP-A","since":"2026-02-03T09:00:00+08:00"}]}
//	{"type":"app","subject":"黔ICP备2026001073号","number":"黔ICP备2026001073号-3X","kind":"mini_program","host":"wechat"}
//
// (a record is shown on up to two lines here; one line in the stream). A subject line starts a
// group; the website and app lines of that subject follow it directly, each
// naming its subject's number in "subject". The fields are those of
// filing.Subject, WebsiteRecord (filing.Website plus "approved_at") and
// AppRecord (filing.App plus "approved_at"); the classification reads
// number, province and status of a subject; number, status, approved_at and
// access (isp, isp_province, since, until) of a website; and the same of an
// app with its kind and host: an app (kind "app") is a shell app (空壳APP)
// on the rules of websites, a mini-program or quick app is served by its
// host platform and is in force while it is filed. Other
// fields are checked for JSON syntax and otherwise ignored. Keys are matched
// exactly (case-sensitive), the last of duplicate keys wins, null is the
// zero value. Instants are RFC 3339 strings.
//
// # Bad records
//
// A bad line is reported (a *RecordError with its 1-based line number) and
// skipped; the stream goes on and loses nothing else: invalid JSON, an
// unknown or missing "type", a subject without a number, a website whose
// "subject" is not the subject directly above it (an unknown subject, or a
// known one whose group has ended: records must be grouped), a bad instant,
// an unknown status, access that ends before it starts or overlaps another
// period at the same ISP, and instants after asOf. A subject with a bad
// website line is still classified, with Incomplete set and the error in
// SubjectReport.Errors. Website lines after a bad subject line are reported
// as bad records too (their subject is unknown). Duplicates of a subject
// that are not adjacent cannot be detected with bounded memory.
//
// # Errors
//
// Bad input to ClassifySubject and ClassifyRecord is a
// *filing.ValidationError of *filing.Problem values with this package's
// codes (shell.unknown_status, shell.access_overlap, ...). A bad record of a
// stream is a *RecordError; errors.Is(err, code) works on both.
//
// # Concurrency
//
// The classification functions are safe for concurrent use; ClassifyStream
// and ClassifySeq call their callback from the calling goroutine.
package shell
