package shell

import (
	"context"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
)

// MaxLineBytes is the longest JSONL line ClassifyStream and
// ClassifyTypedStream accept (one subject with all its services in the
// export); longer lines are bad records. It is record.MaxLineBytes, so that
// a line the conflict index loads is a line the shell batch reads.
const MaxLineBytes = record.MaxLineBytes

// MaxSummaryErrors is how many bad records a StreamSummary keeps in Errors;
// all are counted in BadRecords and all go to the OnBadRecord handler.
const MaxSummaryErrors = 100

// Codes of bad stream records, the input of the classification (R-60..R-62).
var (
	CodeStreamSyntax = define("stream.syntax", "R-60",
		"记录格式不正确（不是有效的JSON）：%[1]s",
		"invalid JSON record: %[1]s")
	CodeStreamUnknownType = define("stream.unknown_type", "R-60",
		"记录类型“%[1]s”无法识别，应为subject、website或app",
		"unknown record type %[1]q (want \"subject\", \"website\" or \"app\")")
	CodeStreamSubjectNumberMissing = define("stream.subject_number_missing", "R-62",
		"主体记录缺少主体备案号",
		"subject record without a number")
	CodeStreamWebsiteSubject = define("stream.website_subject", "R-60",
		"网站记录所属主体“%[1]s”不是紧邻其上的主体记录（%[2]s）",
		"website record of subject %[1]q does not follow its subject's record (current subject: %[2]q); records must be grouped by subject")
	CodeStreamDuplicateSubject = define("stream.duplicate_subject", "R-62",
		"主体记录“%[1]s”重复",
		"subject %[1]q repeated")
	CodeStreamLineTooLong = define("stream.line_too_long", "R-60",
		"记录过长",
		"record longer than MaxLineBytes")
	CodeStreamBadTime = define("stream.bad_time", "R-60",
		"时间格式不正确：%[1]s",
		"invalid RFC 3339 instant %[1]q")
	CodeStreamSource = define("stream.source", "R-60",
		"记录读取失败：%[1]s",
		"record source failed: %[1]s")
)

// RecordError is a bad record of a stream: its position and every problem
// found in it. errors.Is(err, CodeX) matches a problem's code; errors.As
// reaches the *Problem values and, for ClassifyTypedSeq, the source's error.
type RecordError struct {
	// Line is the record's 1-based line (JSONL) or position (ClassifyTypedSeq).
	Line int `json:"line"`
	// SubjectNumber and WebsiteNumber identify the record when it could be
	// read that far.
	SubjectNumber string            `json:"subject_number,omitempty"`
	WebsiteNumber string            `json:"website_number,omitempty"`
	Problems      []*filing.Problem `json:"problems"`
	// Cause is the error a ClassifyTypedSeq source yielded, if any.
	Cause error `json:"-"`
}

// Error returns "line N: " and the problems' developer messages.
func (e *RecordError) Error() string {
	var b strings.Builder
	b.WriteString("line ")
	b.WriteString(strconv.Itoa(e.Line))
	b.WriteString(": ")
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap returns the problems (and the source's error).
func (e *RecordError) Unwrap() []error {
	out := make([]error, 0, len(e.Problems)+1)
	for _, p := range e.Problems {
		out = append(out, p)
	}
	if e.Cause != nil {
		out = append(out, e.Cause)
	}
	return out
}

// ErrorCode returns the code of the first problem.
func (e *RecordError) ErrorCode() string {
	if len(e.Problems) == 0 {
		return ""
	}
	return string(e.Problems[0].Code)
}

// MessageZh returns "第N行：" and the Chinese messages.
func (e *RecordError) MessageZh() string {
	var b strings.Builder
	b.WriteString("第")
	b.WriteString(strconv.Itoa(e.Line))
	b.WriteString("行：")
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(p.Zh)
	}
	return b.String()
}

// MessageEn returns the English messages with the line.
func (e *RecordError) MessageEn() string { return e.Error() }

// SubjectReport is the shell report of one subject of a stream.
type SubjectReport struct {
	Report
	// Line is the subject record's line (position).
	Line int `json:"line"`
	// Errors are the subject's bad website records, left out of the report
	// (Report.Incomplete is set).
	Errors []*RecordError `json:"errors,omitempty"`
}

// FindingCounts counts findings by kind.
type FindingCounts map[FindingKind]int

// StreamSummary is what a stream classification counted.
type StreamSummary struct {
	// Lines is the number of lines (positions) read, blank and bad included.
	Lines int `json:"lines"`
	// Subjects, Websites and Apps count the subject, website and app
	// records classified (bad records excluded).
	Subjects int `json:"subjects"`
	Websites int `json:"websites"`
	Apps     int `json:"apps,omitempty"`
	// Unfiled counts the records of the export without a subject number
	// (filings under review or returned, which the conflict index keeps):
	// not classified.
	Unfiled int `json:"unfiled,omitempty"`
	// BadRecords counts bad records; Errors keeps the first
	// MaxSummaryErrors of them.
	BadRecords int            `json:"bad_records"`
	Errors     []*RecordError `json:"errors,omitempty"`
	// Incomplete counts subjects reported with Incomplete set.
	Incomplete int `json:"incomplete"`
	// Findings counts all findings; ByKind per kind, ByProvince per kind in
	// each subject province, ByISP per kind for each ISP of a website or
	// app finding (the ISP of its last access; "" when it never had
	// access). Subject findings are not counted by ISP.
	Findings   int                      `json:"findings"`
	ByKind     FindingCounts            `json:"by_kind"`
	ByProvince map[string]FindingCounts `json:"by_province"`
	ByISP      map[string]FindingCounts `json:"by_isp"`
}

// StreamOption configures ClassifyTypedStream and ClassifyTypedSeq.
type StreamOption func(*streamConfig)

type streamConfig struct {
	onBad func(*RecordError) error
	grace *graceTable // WithProvinceRules (grace.go)
}

// OnBadRecord hands every bad record to fn as it is found, in stream
// order. An error from fn stops the stream and is returned.
func OnBadRecord(fn func(*RecordError) error) StreamOption {
	return func(c *streamConfig) { c.onBad = fn }
}

// RecordKind says whether a StreamRecord is a subject, a website or an app.
type RecordKind uint8

// Record kinds.
const (
	RecordSubject RecordKind = iota + 1
	RecordWebsite
	// RecordApp is an app, mini-program or quick app.
	RecordApp
)

// StreamRecord is one record of ClassifyTypedSeq: a subject (Subject set), a
// website (Website and SubjectNumber set) or an app (App and SubjectNumber
// set). ClassifyTypedSeq copies what it keeps during the yield, so a source
// may reuse the pointed-to values.
//
// Deprecated: ClassifySeq reads record.Record values, one subject with all
// its services each. StreamRecord is kept for one release.
type StreamRecord struct {
	// Line is the record's position for errors; 0 means its 1-based index
	// in the sequence.
	Line    int
	Subject *filing.Subject
	// Website is the website; SubjectNumber is its subject's number.
	Website *WebsiteRecord
	// App is the app, classified as ClassifyFiling classifies apps;
	// SubjectNumber is its subject's number.
	App           *AppRecord
	SubjectNumber string
}

// ClassifyTypedSeq classifies a sequence of typed records grouped by
// subject (a subject record followed by its website records) as of asOf,
// calling fn with each subject's report in order, and returns the counts. A record
// that is neither subject nor website, or an error the sequence yields, is
// a bad record at its position; the sequence goes on. fn's error, an
// OnBadRecord handler's error or ctx's error stops it and is returned with
// the counts so far.
//
// Deprecated: use ClassifySeq over record.Record values. ClassifyTypedSeq
// is kept for one release.
func ClassifyTypedSeq(ctx context.Context, seq iter.Seq2[StreamRecord, error], asOf time.Time, fn func(SubjectReport) error, opts ...StreamOption) (StreamSummary, error) {
	g, err := newGrouper(asOf, fn, opts)
	if err != nil {
		return StreamSummary{}, err
	}
	pos := 0
	for rec, rerr := range seq {
		pos++
		line := rec.Line
		if line == 0 {
			line = pos
		}
		g.sum.Lines++
		if pos%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return g.sum, err
			}
		}
		switch {
		case rerr != nil:
			re := &RecordError{Line: line, Problems: []*filing.Problem{filing.NewProblem(CodeStreamSource, rerr.Error())}, Cause: rerr}
			err = g.bad(re, false)
		case rec.Subject != nil && rec.Website == nil && rec.App == nil:
			s := rec.Subject
			err = g.subject(line, s.Number, s.Province, s.Status)
		case rec.Website != nil && rec.Subject == nil && rec.App == nil:
			w := rec.Website
			err = g.website(line, rec.SubjectNumber, shellSite{number: w.Number, status: w.Status, approvedAt: w.ApprovedAt, access: w.Access})
		case rec.App != nil && rec.Subject == nil && rec.Website == nil:
			a := rec.App
			err = g.website(line, rec.SubjectNumber, appSite(a.Number, a.Kind, a.Status, a.Host, a.ApprovedAt, a.Access, asOf))
		default:
			err = g.bad(&RecordError{Line: line, Problems: []*filing.Problem{filing.NewProblem(CodeStreamUnknownType, "")}}, false)
		}
		if err != nil {
			return g.sum, err
		}
	}
	if err := ctx.Err(); err != nil {
		return g.sum, err
	}
	return g.sum, g.flush()
}

// ClassifyTypedStream classifies a stream in the typed-line format (see the
// package documentation) as of asOf,
// calling fn with each subject's report in input order, and returns the
// counts. Bad lines are reported with their line number and skipped (see
// OnBadRecord); the stream goes on. fn's error, a handler's error, a read
// error of r or ctx's error stops it and is returned with the counts so
// far. fn may be nil when only the summary is wanted.
//
// Lines are read by a goroutine of its own and decoded by up to
// min(GOMAXPROCS, 4) more, in parallel with the classification; fn and the
// OnBadRecord handler are called from the caller's goroutine, in input
// order.
//
// Reports come without waiting for a batch to fill: when the input stalls
// for 10 ms, the lines read so far are classified, so the report of a
// subject is delivered as soon as the next subject's line (or the end of
// the input) shows it is complete. A cancelled ctx makes ClassifyTypedStream
// return at once, also while r blocks in Read: no Read starts after it
// returns, but a Read in progress is not waited for — it ends when r
// delivers or fails (close r to end it, e.g. the read end of a pipe), and
// what it read is dropped.
//
// Deprecated: the record set has one export (package filing/record), which
// ClassifyStream reads. ClassifyTypedStream reads the typed-line format for
// one release more.
func ClassifyTypedStream(ctx context.Context, r io.Reader, asOf time.Time, fn func(SubjectReport) error, opts ...StreamOption) (StreamSummary, error) {
	g, err := newGrouper(asOf, fn, opts)
	if err != nil {
		return StreamSummary{}, err
	}
	// A pump goroutine reads r, a batcher splits lines into batches and
	// decoder goroutines decode them (the expensive part); this goroutine
	// groups and classifies them in input order. The batcher and the
	// decoders stop when this side stops and are waited for; the pump
	// starts no Read after that, and one in progress is left to finish.
	p := startLineReader(r, typedWorker)
	defer p.stop()
	err = g.drain(ctx, p, func(b *lineBatch) error {
		for i := range b.lines {
			if err := g.decoded(&b.lines[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return g.sum, err
	}
	return g.sum, g.flush()
}

// drain hands each batch p reads to each, in input order, counting the
// lines, and recycles it. It stops at each's error, at ctx's end, and at a
// read error (after the lines read before it), and returns that error.
func (g *grouper) drain(ctx context.Context, p *lineReader, each func(*lineBatch) error) error {
	for b := p.next(ctx); b != nil; b = p.next(ctx) {
		g.sum.Lines += b.count
		if err := each(b); err != nil {
			return err
		}
		rerr := b.err
		p.recycle(b)
		if err := ctx.Err(); err != nil {
			return err
		}
		if rerr != nil {
			return rerr
		}
	}
	return nil
}

// grouper groups records by subject and classifies each group.
type grouper struct {
	asOf  time.Time
	fn    func(SubjectReport) error
	onBad func(*RecordError) error
	grace *graceTable
	sum   StreamSummary

	// The current subject.
	have      bool
	subjLine  int
	subjNum   string
	subjProv  string
	subjState filing.Status
	sites     []shellSite
	errs      []*RecordError
	arena     []filing.Access
	bytes     []byte
	scratch   []int
	findBuf   []Finding

	// badSubject is the number of the last bad subject line, so that its
	// website lines say so.
	badSubject string
}

func newGrouper(asOf time.Time, fn func(SubjectReport) error, opts []StreamOption) (*grouper, error) {
	if asOf.IsZero() {
		return nil, &filing.ValidationError{Problems: []*filing.Problem{filing.NewProblem(CodeAsOfMissing).WithPath("as_of", "核查时间")}}
	}
	var cfg streamConfig
	for _, o := range opts {
		o(&cfg)
	}
	return &grouper{
		asOf: asOf, fn: fn, onBad: cfg.onBad, grace: cfg.grace,
		sum: StreamSummary{
			ByKind: FindingCounts{}, ByProvince: map[string]FindingCounts{}, ByISP: map[string]FindingCounts{},
		},
	}, nil
}

// bad records a bad record; inGroup attaches it to the current subject.
func (g *grouper) bad(e *RecordError, inGroup bool) error {
	g.sum.BadRecords++
	if len(g.sum.Errors) < MaxSummaryErrors {
		g.sum.Errors = append(g.sum.Errors, e)
	}
	if inGroup {
		g.errs = append(g.errs, e)
	}
	if g.onBad != nil {
		return g.onBad(e)
	}
	return nil
}

// subject ends the current group and starts one.
func (g *grouper) subject(line int, number, province string, status filing.Status) error {
	if number == "" {
		g.badSubject = ""
		return g.bad(&RecordError{Line: line, Problems: []*filing.Problem{filing.NewProblem(CodeStreamSubjectNumberMissing).WithPath("number", "主体备案号")}}, false)
	}
	if status != "" && !status.Valid() {
		g.badSubject = number
		return g.bad(&RecordError{Line: line, SubjectNumber: number,
			Problems: []*filing.Problem{filing.NewProblem(CodeUnknownStatus, string(status)).WithPath("status", "主体状态")}}, false)
	}
	if g.have && number == g.subjNum {
		return g.bad(&RecordError{Line: line, SubjectNumber: number,
			Problems: []*filing.Problem{filing.NewProblem(CodeStreamDuplicateSubject, number)}}, true)
	}
	if err := g.flush(); err != nil {
		return err
	}
	g.have, g.subjLine, g.subjNum, g.subjProv, g.subjState = true, line, number, province, status
	g.badSubject = ""
	return nil
}

// website adds a website to the current group. site.access may be a
// buffer the caller reuses: website copies it.
func (g *grouper) website(line int, subject string, site shellSite) error {
	if !g.have || subject != g.subjNum {
		cur := ""
		if g.have {
			cur = g.subjNum
		}
		if subject != "" && subject == g.badSubject {
			cur = "（无效的主体记录 / bad subject record）"
		}
		return g.bad(&RecordError{Line: line, SubjectNumber: subject, WebsiteNumber: site.num(),
			Problems: []*filing.Problem{filing.NewProblem(CodeStreamWebsiteSubject, subject, cur).WithPath("subject", "所属主体")}}, false)
	}
	if p := checkSite(&site, g.asOf, &g.scratch); p != nil {
		return g.bad(&RecordError{Line: line, SubjectNumber: subject, WebsiteNumber: site.num(), Problems: []*filing.Problem{p}}, true)
	}
	// Keep the access periods and the raw number in the group's arenas
	// (the decoder reuses its buffers). Earlier sub-slices stay valid when
	// an arena grows.
	start := len(g.arena)
	g.arena = append(g.arena, site.access...)
	site.access = g.arena[start:len(g.arena):len(g.arena)]
	if len(site.raw) > 0 {
		start := len(g.bytes)
		g.bytes = append(g.bytes, site.raw...)
		site.raw = g.bytes[start:len(g.bytes):len(g.bytes)]
	}
	g.sites = append(g.sites, site)
	return nil
}

// flush classifies the current group and hands its report to fn.
func (g *grouper) flush() error {
	if !g.have {
		return nil
	}
	g.have = false
	var c shellClassifier
	c.beginWith(g.subjNum, g.subjProv, g.subjState, g.asOf, g.findBuf)
	c.grace = g.grace
	for i := range g.sites {
		c.site(&g.sites[i])
	}
	c.rep.Incomplete = len(g.errs) > 0
	rep := SubjectReport{Report: c.end(), Line: g.subjLine}
	apps, appsInForce := 0, 0
	for i := range g.sites {
		if s := &g.sites[i]; s.app {
			apps++
			if inForce(s.hasNumber(), s.status) {
				appsInForce++
			}
		}
	}
	if apps > 0 {
		markApps(&rep.Report, appsInForce, func(number string) bool {
			for i := range g.sites {
				if s := &g.sites[i]; s.app && s.num() == number {
					return true
				}
			}
			return false
		})
	}
	// The findings were gathered in a reused buffer: hand out an exact copy.
	g.findBuf = rep.Findings[:0]
	if len(rep.Findings) == 0 {
		rep.Findings = nil
	} else {
		rep.Findings = slices.Clone(rep.Findings)
		clear(g.findBuf[:len(rep.Findings)])
	}
	if len(g.errs) > 0 {
		rep.Errors = g.errs
		g.errs = nil
		g.sum.Incomplete++
	}
	g.sum.Subjects++
	g.sum.Websites += len(g.sites) - apps
	g.sum.Apps += apps
	for i := range g.sites {
		g.sites[i] = shellSite{}
	}
	g.sites = g.sites[:0]
	clear(g.arena)
	g.arena, g.bytes = g.arena[:0], g.bytes[:0]
	if cap(g.arena) > 1<<16 {
		g.arena = nil
	}
	if cap(g.bytes) > 1<<20 {
		g.bytes = nil
	}
	g.count(&rep.Report)
	if g.fn != nil {
		return g.fn(rep)
	}
	return nil
}

func (g *grouper) count(r *Report) {
	if len(r.Findings) == 0 {
		return
	}
	byProv := g.sum.ByProvince[r.Province]
	if byProv == nil {
		byProv = FindingCounts{}
		g.sum.ByProvince[r.Province] = byProv
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		g.sum.Findings++
		g.sum.ByKind[f.Kind]++
		byProv[f.Kind]++
		if f.WebsiteNumber != "" || f.AppNumber != "" {
			byISP := g.sum.ByISP[f.ISP]
			if byISP == nil {
				byISP = FindingCounts{}
				g.sum.ByISP[f.ISP] = byISP
			}
			byISP[f.Kind]++
		}
	}
}

// decoded adds one decoded line.
func (g *grouper) decoded(dl *decodedLine) error {
	if dl.prob != nil {
		inGroup := dl.isWebsite && g.have && string(dl.subject) == g.subjNum
		return g.bad(&RecordError{Line: dl.line, SubjectNumber: string(dl.subject), WebsiteNumber: string(dl.number),
			Problems: []*filing.Problem{dl.prob}}, inGroup)
	}
	if dl.kind == RecordSubject {
		return g.subject(dl.line, string(dl.number), dl.province, dl.status)
	}
	subject := g.subjNum
	if !g.have || string(dl.subject) != g.subjNum {
		subject = string(dl.subject)
	}
	if dl.kind == RecordApp {
		s := appSite("", dl.appKind, dl.status, dl.host, dl.approvedAt, dl.access, g.asOf)
		s.raw = dl.number
		return g.website(dl.line, subject, s)
	}
	return g.website(dl.line, subject, shellSite{raw: dl.number, status: dl.status, approvedAt: dl.approvedAt, access: dl.access})
}

// Format prints the record as fmt prints a struct, following its pointers,
// personal data masked for every verb.
func (r StreamRecord) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, r) }

// LogValue logs the record with its personal data masked.
func (r StreamRecord) LogValue() slog.Value { return filing.MaskedLogValue(r) }
