package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync/atomic"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/shell"
	"github.com/beiankit/beian/filing/sms"
	"github.com/beiankit/beian/internal/safetext"
	"github.com/beiankit/beian/numbering"
)

// reviewMarker is what a line under review contains: its status value with
// the quotes. Lines without it are counted, never decoded.
var reviewMarker = []byte(`"` + string(filing.StatusBureauReview) + `"`)

// reviewScanner is the io.Writer of the io.TeeReader in front of
// ClassifyStream (see the package doc): it sees every byte of the input in
// order, counts lines exactly as ClassifyStream numbers them (each "\n" ends
// a line, blank ones included; bytes after the last "\n" are one more line)
// and works out the time limit of every line under review.
//
// Write is called from ClassifyStream's reader goroutine; the results are
// read after ClassifyStream has returned and Close has been called. Only
// the line and byte counters are read concurrently (by the progress line),
// so they are atomic.
type reviewScanner struct {
	asOf      time.Time
	cal       *calendar.Calendar
	dueWithin int

	lines atomic.Int64 // lines completed so far (for the progress line)
	bytes atomic.Int64

	line     int    // lines completed
	partial  []byte // the unfinished line (the marker may span two writes)
	inLine   bool   // a line is unfinished (partial may be empty)
	overlong bool   // the unfinished line is longer than shell.MaxLineBytes

	// Counts cover every review; the lists keep the first (or most
	// urgent) max entries.
	total, overdue, dueSoon, onTime, failed, unpublished int
	overdueList, dueSoonList, failedList                 topN
}

// review is one record under review and its time limit.
type review struct {
	line    int
	number  string // the record's number; "" for an added website
	subject string // the subject's number
	website bool

	cd  lifecycle.Countdown // when err is nil
	err error               // why no countdown; cd.Due may still be set
}

func newReviewScanner(asOf time.Time, cal *calendar.Calendar, dueWithin, max int) *reviewScanner {
	byDue := func(a, b *review) int {
		if c := a.cd.Due.Compare(b.cd.Due); c != 0 {
			return c
		}
		return a.line - b.line
	}
	byLine := func(a, b *review) int { return a.line - b.line }
	return &reviewScanner{
		asOf: asOf, cal: cal, dueWithin: dueWithin,
		overdueList: topN{max: max, cmp: byDue},
		dueSoonList: topN{max: max, cmp: byDue},
		failedList:  topN{max: max, cmp: byLine},
	}
}

// Write scans p; it never fails, so the TeeReader never does either.
func (s *reviewScanner) Write(p []byte) (int, error) {
	n := len(p)
	s.bytes.Add(int64(n))
	if s.inLine {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			s.keep(p)
			return n, nil
		}
		s.keep(p[:i])
		s.endLine()
		p = p[i+1:]
	}
	for len(p) > 0 {
		j := bytes.Index(p, reviewMarker)
		if j < 0 {
			break
		}
		start := bytes.LastIndexByte(p[:j], '\n') + 1
		s.line += bytes.Count(p[:start], []byte{'\n'})
		end := bytes.IndexByte(p[j:], '\n')
		if end < 0 {
			// The line goes on in the next Write.
			s.inLine = true
			s.keep(p[start:])
			s.lines.Store(int64(s.line))
			return n, nil
		}
		end += j
		s.line++
		if end-start < shell.MaxLineBytes { // longer: a bad record of the stream
			s.scanLine(s.line, p[start:end])
		}
		p = p[end+1:]
	}
	s.line += bytes.Count(p, []byte{'\n'})
	if k := bytes.LastIndexByte(p, '\n'); k < len(p)-1 {
		s.inLine = true
		s.keep(p[k+1:])
	}
	s.lines.Store(int64(s.line))
	return n, nil
}

// keep adds b to the unfinished line, up to shell.MaxLineBytes (a longer
// line is a bad record of ClassifyStream).
func (s *reviewScanner) keep(b []byte) {
	if s.overlong {
		return
	}
	if len(s.partial)+len(b) >= shell.MaxLineBytes {
		s.overlong, s.partial = true, s.partial[:0]
		return
	}
	s.partial = append(s.partial, b...)
}

// endLine finishes the unfinished line.
func (s *reviewScanner) endLine() {
	s.line++
	if !s.overlong && bytes.Contains(s.partial, reviewMarker) {
		s.scanLine(s.line, s.partial)
	}
	s.inLine, s.overlong = false, false
	if cap(s.partial) > 64<<10 {
		s.partial = nil // don't keep one long line's buffer for the whole run
	} else {
		s.partial = s.partial[:0]
	}
}

// Close finishes a last line that has no "\n". Call it once the input has
// been read (after ClassifyStream has returned).
func (s *reviewScanner) Close() error {
	if s.inLine {
		s.endLine()
	}
	s.lines.Store(int64(s.line))
	return nil
}

// Lines and Bytes report the progress so far; safe for concurrent use.
func (s *reviewScanner) Lines() int64 { return s.lines.Load() }
func (s *reviewScanner) Bytes() int64 { return s.bytes.Load() }

// reviewLine is one record under review as the review list reads it: the
// subject, or one of its websites.
type reviewLine struct {
	typ, status, number, subject, province string
	submittedAt, formAt                    string
}

// reviewRecord is the part of an export line the review list reads: the
// numbers and statuses of the record (package filing/record) and the two
// review fields of this program, which the SDK's decoder ignores.
type reviewRecord struct {
	Subject struct {
		Number      string `json:"number"`
		Province    string `json:"province"`
		Status      string `json:"status"`
		SubmittedAt string `json:"submitted_at"`
	} `json:"subject"`
	Websites []struct {
		Number      string `json:"number"`
		Status      string `json:"status"`
		SubmittedAt string `json:"submitted_at"`
		FormAt      string `json:"form_received_at"`
	} `json:"websites"`
}

// scanLine decodes a line that contains the marker and works out the time
// limit of the subject and of each website under review in it.
func (s *reviewScanner) scanLine(line int, b []byte) {
	// encoding/json matches keys as record.Decode does (it decodes as
	// encoding/json would), so the review list and the classification read
	// the same status.
	var r reviewRecord
	if json.Unmarshal(b, &r) != nil {
		return // not a record: a bad record of the stream, reported there
	}
	review := string(filing.StatusBureauReview)
	subj := &r.Subject
	if subj.Status == review {
		s.add(s.countdown(line, reviewLine{typ: "subject", status: subj.Status, number: subj.Number,
			province: subj.Province, submittedAt: subj.SubmittedAt}))
	}
	for _, w := range r.Websites {
		if w.Status == review {
			s.add(s.countdown(line, reviewLine{typ: "website", status: w.Status, number: w.Number,
				subject: subj.Number, province: subj.Province, submittedAt: w.SubmittedAt, formAt: w.FormAt}))
		}
	}
}

// Problems of a review line, in the SDK's style: Chinese for the bureau's
// staff, English for developers.
type reviewProblem struct{ zh, en string }

func (p *reviewProblem) Error() string     { return p.en }
func (p *reviewProblem) MessageZh() string { return p.zh }

var (
	errNoSubmittedAt = &reviewProblem{"缺少提交管局审核时间（submitted_at）", "no submitted_at"}
	errBadInstant    = &reviewProblem{"时间格式不正确（应为RFC 3339）", "instant is not RFC 3339"}
	errFuture        = &reviewProblem{"提交时间或核验单送达时间晚于核查时间", "submitted_at or form_received_at after the classification instant (as of)"}
	errNoProvince    = &reviewProblem{"无法确定所属省份（备案号前缀无法识别）", "province unknown (record number prefix not recognised)"}
)

// countdown works out the limit running on a line under review.
func (s *reviewScanner) countdown(line int, l reviewLine) review {
	r := review{line: line, number: l.number, subject: l.subject, website: l.typ == "website"}
	if !r.website {
		r.subject = l.number
	}
	fail := func(err error) review { r.err = err; return r }

	if l.submittedAt == "" {
		return fail(errNoSubmittedAt)
	}
	submitted, err := time.Parse(time.RFC3339Nano, l.submittedAt)
	if err != nil {
		return fail(fmt.Errorf("submitted_at %q: %w", l.submittedAt, errBadInstant))
	}
	var form time.Time
	if l.formAt != "" {
		if form, err = time.Parse(time.RFC3339Nano, l.formAt); err != nil {
			return fail(fmt.Errorf("form_received_at %q: %w", l.formAt, errBadInstant))
		}
	}
	if submitted.After(s.asOf) || form.After(s.asOf) {
		return fail(errFuture)
	}

	// The subject names its province; a website's province is its
	// subject's, read from the prefix of the subject's number when the
	// subject does not name it.
	province := l.province
	if province == "" {
		if n, err := numbering.Parse(r.subject); err == nil {
			province = n.ProvinceCode()
		}
	}
	if province == "" {
		return fail(errNoProvince)
	}

	// A record with a number under review is a change filing; a website
	// without one was added under its subject. lifecycle.State decides which
	// limit runs and from when.
	typ := sms.ChangeSubjectWebsite
	if l.number == "" {
		typ = sms.NewWebsite
		if !r.website {
			typ = sms.NewFiling
		}
	}
	st := lifecycle.State{Status: filing.StatusBureauReview, Type: typ, Province: province,
		ReviewFrom: submitted, FormAt: form}
	// When only the count up to as-of fails (as-of in a year without a
	// published schedule), the countdown still says whether the due date
	// has passed.
	cd, _, err := st.Countdown(s.cal, s.asOf)
	r.cd = cd
	if err != nil {
		return fail(err)
	}
	return r
}

func (s *reviewScanner) add(r review) {
	s.total++
	switch {
	case r.err != nil && r.cd.Overdue:
		// Overdue, by a number of working days that cannot be counted
		// (the list says why).
		s.overdue++
		s.overdueList.add(r)
	case r.err != nil:
		s.failed++
		s.failedList.add(r)
		if errors.Is(r.err, calendar.ErrNotPublished) {
			s.unpublished++
		}
	case r.cd.Overdue:
		s.overdue++
		s.overdueList.add(r)
	case r.cd.Remaining <= s.dueWithin:
		s.dueSoon++
		s.dueSoonList.add(r)
	default:
		s.onTime++
	}
}

// print writes the review section of the report.
func (s *reviewScanner) print(w io.Writer) {
	fmt.Fprintf(w, "\n== reviews (status %s) as of %s\n", filing.StatusBureauReview, s.asOf.Format("2006-01-02 15:04"))
	fmt.Fprintf(w, "reviews %d: overdue %d, due within %d working days %d, on time %d, not computable %d (schedule not published %d)\n",
		s.total, s.overdue, s.dueWithin, s.dueSoon, s.onTime, s.failed, s.unpublished)
	s.printList(w, "overdue", s.overdue, &s.overdueList)
	s.printList(w, fmt.Sprintf("due within %d working days", s.dueWithin), s.dueSoon, &s.dueSoonList)
	s.printList(w, "not computable", s.failed, &s.failedList)
}

func (s *reviewScanner) printList(w io.Writer, title string, n int, list *topN) {
	if n == 0 || list.max == 0 {
		return
	}
	items := list.sorted()
	if len(items) < n {
		fmt.Fprintf(w, "%s (%d, the first %d):\n", title, n, len(items))
	} else {
		fmt.Fprintf(w, "%s (%d):\n", title, n)
	}
	for i := range items {
		fmt.Fprintf(w, "  %s\n", safetext.Escape(items[i].describe())) // describe holds input text
	}
}

// describe formats a review for the lists, e.g.
// "line 18 黔ICP备2026000412号-2 R-20 备案审核期限 due 2026-05-22, overdue by 6 working days".
func (r *review) describe() string {
	what := r.number
	switch {
	case what != "":
	case r.website:
		what = "新增网站（主体" + r.subject + "）"
	default:
		what = "主体（未编号）"
	}
	head := fmt.Sprintf("line %d %s", r.line, what)
	if !r.cd.Due.IsZero() {
		head += fmt.Sprintf(" %s %s due %s", r.cd.Rule, r.cd.Kind.NameZh(), r.cd.Due.Format(time.DateOnly))
	}
	if r.err != nil {
		msg := r.err.Error()
		var zh interface{ MessageZh() string }
		if errors.As(r.err, &zh) {
			msg = zh.MessageZh() + " (" + msg + ")"
		}
		if r.cd.Overdue {
			return head + ", overdue; working days not countable: " + msg
		}
		return head + ": " + msg
	}
	cd := r.cd
	from := " (counted from " + cd.From.Format(time.DateOnly) + ")"
	if cd.Provisional { // a year without a published notice
		from += " " + calendar.ProvisionalNoteZh
	}
	switch {
	case cd.Overdue:
		return head + ", overdue by " + workdays(cd.OverdueBy) + from
	case cd.DueToday:
		return head + ", due today" + from
	default:
		return head + ", " + workdays(cd.Remaining) + " left" + from
	}
}

// workdays formats a number of working days: "1 working day", "3 working days".
func workdays(n int) string {
	if n == 1 {
		return "1 working day"
	}
	return fmt.Sprintf("%d working days", n)
}

// topN keeps the first max reviews in cmp order (all for max < 0) in
// bounded memory: it sorts and trims when it holds twice max, and once it
// is full it drops at once what comes after its last kept review.
type topN struct {
	max   int
	cmp   func(a, b *review) int
	items []review
	last  *review // the last kept review once trimmed to max, else nil
}

func (t *topN) add(r review) {
	if t.max == 0 || (t.last != nil && t.cmp(&r, t.last) >= 0) {
		return
	}
	t.items = append(t.items, r)
	if t.max > 0 && len(t.items) >= 2*t.max+64 {
		t.trim()
	}
}

func (t *topN) trim() {
	slices.SortFunc(t.items, func(a, b review) int { return t.cmp(&a, &b) })
	if t.max > 0 && len(t.items) >= t.max {
		clear(t.items[t.max:])
		t.items = t.items[:t.max]
		last := t.items[t.max-1]
		t.last = &last
	}
}

func (t *topN) sorted() []review {
	t.trim()
	return t.items
}
