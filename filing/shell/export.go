package shell

import (
	"bytes"
	"context"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/record"
)

// The classification of the one export (package filing/record): one
// subject with all its websites and apps per record, so nothing needs
// grouping and each record is classified on its own, on any core.

// ClassifyRecord classifies one record on file as of asOf (R-60..R-64,
// its websites by their access and approval instants, its apps
// (kind app) by the same rules (FindingShellApp, FindingAppAtRisk), and
// the subject counting apps in force beside websites.
// Report.Websites counts websites in force, Report.Apps apps in force.
//
// Bad websites and apps (unknown status, access that ends before it starts
// or has no start, overlapping access at the same ISP, instants after
// asOf) are left out: the error is a *filing.ValidationError listing every
// problem with its path ("websites[2].access[0].until", "apps[0].status"),
// and the report covers the rest with Incomplete set. A bad subject
// (unknown status) or a zero asOf gives an empty report and the error.
// A record without a subject number (a filing under review or returned)
// has no subject findings. WithProvinceRules gives a caller's graces.
func ClassifyRecord(r record.Record, asOf time.Time, opts ...StreamOption) (Report, error) {
	c := recClassifier{grace: gracesOf(opts)}
	rep, probs, _ := c.classify(&r, asOf)
	return rep, probs.err()
}

// recClassifier classifies records, reusing its buffers from one record
// to the next.
type recClassifier struct {
	sites   []shellSite
	arena   []filing.Access
	scratch []int
	findBuf []Finding // with reuse: findings are gathered here, then copied
	reuse   bool
	grace   *graceTable // WithProvinceRules; nil: the default table
	// counts of the last record: websites and apps that were classified
	// (in force or not), bad ones excluded.
	websites, apps int
}

// classify classifies r. probs lists the problems with their paths; ok is
// false when the subject itself is bad (no report).
func (c *recClassifier) classify(r *record.Record, asOf time.Time) (rep Report, probs problemList, ok bool) {
	c.websites, c.apps = 0, 0
	if asOf.IsZero() {
		return Report{}, problemList{filing.NewProblem(CodeAsOfMissing).WithPath("as_of", "核查时间")}, false
	}
	s := &r.Subject
	if s.Status != "" && !s.Status.Valid() {
		return Report{}, problemList{filing.NewProblem(CodeUnknownStatus, string(s.Status)).WithPath("subject.status", "主体状态")}, false
	}
	nw := len(r.Websites)
	c.sites, c.arena = c.sites[:0], c.arena[:0]
	for i := range r.Websites {
		w := &r.Websites[i]
		c.sites = append(c.sites, shellSite{number: w.Number, status: w.Status, approvedAt: w.ApprovedAt, access: c.access(w.Access)})
	}
	for i := range r.Apps {
		a := &r.Apps[i]
		c.sites = append(c.sites, appSite(a.Number, a.Kind, a.Status, a.Host, a.ApprovedAt, c.access(a.Access), asOf))
	}
	var sc shellClassifier
	if c.reuse {
		sc.beginWith(s.Number, s.Province, s.Status, asOf, c.findBuf)
	} else {
		sc.begin(s.Number, s.Province, s.Status, asOf)
	}
	sc.grace = c.grace
	sc.sites = len(c.sites)
	appsInForce := 0
	for i := range c.sites {
		site := &c.sites[i]
		if p := checkSite(site, asOf, &c.scratch); p != nil {
			path, label := "websites["+strconv.Itoa(i)+"]."+p.Path, p.Label
			if i >= nw {
				path = "apps[" + strconv.Itoa(i-nw) + "]." + p.Path
				if label == "网站状态" {
					label = "应用备案状态"
				}
			}
			probs = append(probs, p.WithPath(path, label))
			sc.rep.Incomplete = true
			continue
		}
		if i >= nw {
			c.apps++
			if inForce(site.hasNumber(), site.status) {
				appsInForce++
			}
		} else {
			c.websites++
		}
		sc.site(site)
	}
	rep = sc.end()
	if len(r.Apps) > 0 {
		markApps(&rep, appsInForce, func(number string) bool {
			for i := nw; i < len(c.sites); i++ {
				if c.sites[i].number == number {
					return true
				}
			}
			return false
		})
	}
	if c.reuse {
		c.findBuf = rep.Findings[:0]
		if len(rep.Findings) == 0 {
			rep.Findings = nil
		} else {
			rep.Findings = slices.Clone(rep.Findings)
			clear(c.findBuf[:len(rep.Findings)])
		}
	}
	for i := range c.sites {
		c.sites[i] = shellSite{}
	}
	return rep, probs, true
}

// access returns the access periods as the classification reads them, in
// the classifier's arena (valid until the next record).
func (c *recClassifier) access(acc []record.Access) []filing.Access {
	if len(acc) == 0 {
		return nil
	}
	start := len(c.arena)
	for _, a := range acc {
		c.arena = append(c.arena, filing.Access{ISP: a.ISP, ISPProvince: a.ISPProvince, Since: a.Since, Until: a.Until})
	}
	return c.arena[start:len(c.arena):len(c.arena)]
}

// recResult is one record of the export, classified.
type recResult struct {
	line     int
	unfiled  bool         // no subject number: not classified
	bad      *RecordError // the record could not be classified
	rep      SubjectReport
	number   string
	websites int
	apps     int
}

// classifyLine classifies the record r of line n into res.
func (c *recClassifier) classifyLine(n int, r *record.Record, asOf time.Time, res *recResult) {
	*res = recResult{line: n}
	if r.Subject.Number == "" {
		res.unfiled = true
		return
	}
	res.number = r.Subject.Number
	rep, probs, ok := c.classify(r, asOf)
	if !ok {
		p := probs[0]
		res.bad = &RecordError{Line: n, SubjectNumber: r.Subject.Number, Problems: []*filing.Problem{p}}
		return
	}
	res.rep = SubjectReport{Report: rep, Line: n}
	res.websites, res.apps = c.websites, c.apps
	nw := len(r.Websites)
	for _, p := range probs {
		e := &RecordError{Line: n, SubjectNumber: r.Subject.Number, Problems: []*filing.Problem{p}}
		// The service's number, from the path's index.
		if i, ok := pathIndex(p.Path, "websites["); ok && i < nw {
			e.WebsiteNumber = r.Websites[i].Number
		} else if i, ok := pathIndex(p.Path, "apps["); ok && i < len(r.Apps) {
			e.WebsiteNumber = r.Apps[i].Number
		}
		res.rep.Errors = append(res.rep.Errors, e)
	}
}

// pathIndex returns the index in a path "prefix<i>]…".
func pathIndex(path, prefix string) (int, bool) {
	if len(path) <= len(prefix) || path[:len(prefix)] != prefix {
		return 0, false
	}
	rest := path[len(prefix):]
	k := 0
	for k < len(rest) && rest[k] != ']' {
		k++
	}
	i, err := strconv.Atoi(rest[:k])
	return i, err == nil
}

// deliver hands one classified record to the grouper's counts and
// callback, in input order.
func (g *grouper) deliver(res *recResult) error {
	switch {
	case res.unfiled:
		g.sum.Unfiled++
		return nil
	case res.bad != nil:
		return g.bad(res.bad, false)
	case g.have && res.number == g.subjNum:
		return g.bad(&RecordError{Line: res.line, SubjectNumber: res.number,
			Problems: []*filing.Problem{filing.NewProblem(CodeStreamDuplicateSubject, res.number)}}, false)
	}
	g.have, g.subjNum = true, res.number
	for _, e := range res.rep.Errors {
		if err := g.bad(e, false); err != nil {
			return err
		}
	}
	if len(res.rep.Errors) > 0 {
		g.sum.Incomplete++
	}
	g.sum.Subjects++
	g.sum.Websites += res.websites
	g.sum.Apps += res.apps
	g.count(&res.rep.Report)
	if g.fn != nil {
		return g.fn(res.rep)
	}
	return nil
}

// ClassifySeq classifies a sequence of records on file (record.Decode's,
// or a bureau's own source) as of asOf, calling fn with each subject's
// report in order, and returns the counts. A record without a subject
// number (under review or returned) is counted in Unfiled and not
// classified. An error the sequence yields, a bad subject, or a record
// repeating the subject just before it is a bad record at its position
// (1-based, or the record.DecodeError's line); bad websites and apps are
// bad records too, listed in their subject's report, which is Incomplete.
// The sequence goes on. fn's error, an OnBadRecord handler's error or
// ctx's error stops it and is returned with the counts so far.
func ClassifySeq(ctx context.Context, seq iter.Seq2[record.Record, error], asOf time.Time, fn func(SubjectReport) error, opts ...StreamOption) (StreamSummary, error) {
	g, err := newGrouper(asOf, fn, opts)
	if err != nil {
		return StreamSummary{}, err
	}
	c := recClassifier{reuse: true, grace: g.grace}
	pos := 0
	var res recResult
	for rec, rerr := range seq {
		pos++
		g.sum.Lines++
		if pos%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return g.sum, err
			}
		}
		if rerr != nil {
			line := pos
			var de *record.DecodeError
			if asDecodeError(rerr, &de) {
				line = de.Line
			}
			err = g.bad(&RecordError{Line: line, Problems: []*filing.Problem{sourceProblem(rerr)}, Cause: rerr}, false)
		} else {
			c.classifyLine(pos, &rec, asOf, &res)
			err = g.deliver(&res)
		}
		if err != nil {
			return g.sum, err
		}
	}
	return g.sum, ctx.Err()
}

// sourceProblem is the problem of an error a record source gave: a line
// that does not decode is stream.syntax, anything else stream.source.
func sourceProblem(err error) *filing.Problem {
	var de *record.DecodeError
	if asDecodeError(err, &de) {
		return streamSyntax("无法解析", de.Err.Error())
	}
	return filing.NewProblem(CodeStreamSource, err.Error())
}

func asDecodeError(err error, de **record.DecodeError) bool {
	for err != nil {
		if e, ok := err.(*record.DecodeError); ok {
			*de = e
			return true
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		err = u.Unwrap()
	}
	return false
}

// ClassifyStream classifies the one export of the record set (package
// filing/record: one subject with all its websites and apps per line) as
// of asOf, calling fn with each subject's report in input order, and
// returns the counts. Records are classified as ClassifySeq classifies
// them; a line that does not decode is a bad record with its line number
// (stream.syntax), a line longer than MaxLineBytes too (stream.line_too_long),
// and the stream goes on. fn's error, a handler's error, a read error of r
// or ctx's error stops it and is returned with the counts so far. fn may
// be nil when only the summary is wanted.
//
// Lines are read by a goroutine of their own and decoded and classified by
// up to min(GOMAXPROCS, 4) more; fn and the OnBadRecord handler are called
// from the caller's goroutine, in input order. When the input stalls for
// 10 ms the lines read so far are classified and reported. A cancelled ctx
// makes ClassifyStream return at once, also while r blocks in Read (see
// ClassifyTypedStream for the details, which are the same).
func ClassifyStream(ctx context.Context, r io.Reader, asOf time.Time, fn func(SubjectReport) error, opts ...StreamOption) (StreamSummary, error) {
	g, err := newGrouper(asOf, fn, opts)
	if err != nil {
		return StreamSummary{}, err
	}
	p := startLineReader(r, func() func(*lineBatch) {
		w := &exportWorker{asOf: asOf}
		w.dec.Reuse, w.dec.Borrow = true, true
		w.c.reuse, w.c.grace = true, g.grace
		return w.batch
	})
	defer p.stop()
	err = g.drain(ctx, p, func(b *lineBatch) error {
		for i := range b.results {
			if err := g.deliver(&b.results[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return g.sum, err
	}
	return g.sum, ctx.Err()
}

// exportWorker decodes and classifies the lines of the export's batches.
// Its decoder borrows the strings of a record from the batch's bytes
// (record.LineDecoder.Borrow), which are reused once the batch is
// delivered: own copies the few strings a result keeps.
type exportWorker struct {
	dec  record.LineDecoder
	c    recClassifier
	rec  record.Record
	asOf time.Time
	in   interner // provinces and ISPs
}

// own replaces the strings of res that point into the line by copies.
func (w *exportWorker) own(res *recResult) {
	res.number = strings.Clone(res.number)
	rep := &res.rep
	rep.SubjectNumber = res.number
	rep.Province = w.in.own(rep.Province)
	for i := range rep.Findings {
		f := &rep.Findings[i]
		f.SubjectNumber = res.number
		f.WebsiteNumber = strings.Clone(f.WebsiteNumber)
		f.AppNumber = strings.Clone(f.AppNumber)
		f.Province = rep.Province
		f.ISP = w.in.own(f.ISP)
	}
	for _, e := range rep.Errors {
		e.SubjectNumber, e.WebsiteNumber = res.number, strings.Clone(e.WebsiteNumber)
	}
	if res.bad != nil {
		res.bad.SubjectNumber = res.number
	}
}

func (w *exportWorker) batch(b *lineBatch) {
	start := 0
	for _, l := range b.split {
		if l.tooLong {
			b.results = append(b.results, recResult{line: l.line, bad: &RecordError{Line: l.line,
				Problems: []*filing.Problem{filing.NewProblem(CodeStreamLineTooLong)}}})
			continue
		}
		chunk := bytes.TrimSpace(b.raw[start:l.end])
		start = l.end
		if len(chunk) == 0 {
			continue
		}
		n := len(b.results)
		b.results = append(b.results, recResult{})
		if err := w.dec.Decode(chunk, &w.rec); err != nil {
			b.results[n] = recResult{line: l.line, bad: &RecordError{Line: l.line,
				Problems: []*filing.Problem{streamSyntax("无法解析", err.Error())}, Cause: &record.DecodeError{Line: l.line, Err: err}}}
			continue
		}
		w.c.classifyLine(l.line, &w.rec, w.asOf, &b.results[n])
		w.own(&b.results[n])
	}
}
