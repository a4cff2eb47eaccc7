// Package shell finds shell records (空壳类备案, R-60..R-63): filed websites
// with no access for more than their province's grace (the publicity
// period, one week by default, R-64: a row of package filing's province
// table, GraceFor in the default table; WithProvinceRules hands a caller's
// table to every classifier), and filed subjects with no
// website left in force, each finding with the recommendation the bureaus
// give. ClassifyRecord judges one record on file (package
// filing/record: a subject with its websites and apps) and ClassifySubject
// a subject with its websites; ClassifyStream and ClassifySeq apply the
// same rules to a bureau's national export — the one export of the record
// set, which the conflict index reads too — in bounded memory. An app whose
// access has ended is a shell app (空壳APP, FindingShellApp) as a website
// is.
//
// The rules come from 网站备案日常问题解答 (the Guizhou bureau's answers to
// common filing questions), §四: a website without access information for
// more than one week is treated as a shell website and cancelled in the
// bureaus' periodic cleanup; a subject left without websites is a shell
// subject.
//
// # Streams
//
// ClassifyStream reads the one export of package filing/record (JSON Lines,
// one record on file per line: the subject with all its websites and apps;
// see that package for the format) and ClassifySeq an iterator of
// record.Record values (record.Decode gives one). Each record is classified
// on its own, so nothing needs grouping: lines are decoded and classified
// in parallel, reports come in input order, one per subject, and only
// counts are kept (StreamSummary).
//
// The classification reads, of a record: the subject's number, province
// and status; each website's number, status, approved_at and access (isp,
// isp_province, since, until); each app's the same with its kind and host.
// An app (kind "app") is a shell app on the rules of websites; a
// mini-program or quick app is served by its host platform and is in force
// while it is filed. A record without a subject number (a
// filing under review or returned, which the conflict index keeps) is
// counted in StreamSummary.Unfiled and not classified.
//
// # Bad records
//
// A bad record is reported (a *RecordError with its 1-based line) and the
// stream goes on and loses nothing else: a line that does not decode
// (stream.syntax; the *record.DecodeError is reachable with errors.As), a
// line longer than MaxLineBytes, a subject with an unknown status, a record
// repeating the subject directly above it. A bad website or app (unknown
// status, access that ends before it starts, has no start or overlaps
// another period at the same ISP, instants after asOf) is a bad record of
// its own, with its number and path ("websites[1].access[0].since"); its
// subject is still classified without it, with Incomplete set and the error
// in SubjectReport.Errors. Duplicates of a subject that are not adjacent
// cannot be detected with bounded memory.
//
// # Typed-line format (deprecated)
//
// Before the one export, the shell batch read typed lines, a subject line
// followed directly by its website and app lines:
//
//	{"type":"subject","number":"黔ICP备2026001073号","province":"52","status":"approved"}
//	{"type":"website","subject":"黔ICP备2026001073号","number":"黔ICP备2026001073号-1","status":"approved",
//	 "approved_at":"2026-01-05T10:00:00+08:00","access":[{"isp":"ISP-A","since":"2026-01-06T09:00:00+08:00"}]}
//	{"type":"app","subject":"黔ICP备2026001073号","number":"黔ICP备2026001073号-3X","kind":"mini_program","host":"wechat"}
//
// (a line is shown on two here). ClassifyTypedStream and ClassifyTypedSeq,
// with StreamRecord, SubjectRecord, WebsiteRecord, AppRecord, FilingRecord
// and ClassifyFiling, still read it for one release and are deprecated.
// There a website line whose "subject" is not the subject line directly
// above it is a bad record (stream.website_subject: records must be
// grouped), which the one export cannot produce. To move, group each
// subject's lines into one record.Record and write them with
// record.NewEncoder.
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
