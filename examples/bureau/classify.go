package main

import (
	"bufio"
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/shell"
	"github.com/beiankit/beian/internal/safetext"
)

// noISP labels the findings of websites that never had access (ISP "").
const noISP = "(no access)"

// classify reads the export and writes the report.
func classify(ctx context.Context, cfg config, stdin io.Reader, stdout, stderr io.Writer) (err error) {
	cal, err := loadCalendar(cfg.schedule, cfg.strict)
	if err != nil {
		return err
	}
	in, name := stdin, "standard input"
	if cfg.in != "-" {
		f, err := os.Open(cfg.in)
		if err != nil {
			return err // *fs.PathError: "open <path>: no such file or directory"
		}
		defer f.Close()
		in, name = f, cfg.in
	}

	out := bufio.NewWriterSize(stdout, 64<<10)
	defer func() {
		if ferr := out.Flush(); ferr != nil && err == nil {
			err = fmt.Errorf("writing the report: %w", ferr)
		}
	}()
	fmt.Fprintf(out, "bureau batch: %s as of %s CST\n", safetext.Escape(name), cfg.asOf.Format("2006-01-02 15:04"))

	reviews := newReviewScanner(cfg.asOf, cal, cfg.dueWithin, cfg.maxReviews)
	var prog *progress
	if cfg.progress || isTerminal(stderr) {
		prog = startProgress(stderr, reviews, isTerminal(stderr), time.Second)
	}

	list := findingLister{w: out, max: cfg.maxFindings}
	fmt.Fprintln(out, "\n== findings")
	tee := &gate{w: reviews}
	sum, cerr := shell.ClassifyStream(ctx, io.TeeReader(in, tee), cfg.asOf, list.report)
	// After a stop (Ctrl-C, an error) a Read of the input may still be in
	// progress: ClassifyStream does not wait for a stalled input. The gate
	// drops what it would write, and the scanner is ours again.
	tee.close()
	reviews.Close()
	if prog != nil {
		prog.stop()
	}
	list.end()
	if cerr != nil {
		fmt.Fprintf(out, "\n(stopped early: the counts below cover the first %d lines)\n", sum.Lines)
	}
	printSummary(out, sum)
	reviews.print(out)
	if cerr != nil {
		return fmt.Errorf("reading %s: stopped after line %d: %w", name, sum.Lines, cerr)
	}
	return nil
}

// findingLister prints the first max findings (all for max < 0).
type findingLister struct {
	w      io.Writer
	max    int
	listed int
	total  int
}

func (l *findingLister) report(r shell.SubjectReport) error {
	for i := range r.Findings {
		f := &r.Findings[i]
		l.total++
		if l.max >= 0 && l.listed >= l.max {
			continue
		}
		l.listed++
		number := f.WebsiteNumber
		if f.AppNumber != "" {
			number = f.AppNumber
		}
		if number == "" {
			number = f.SubjectNumber
		}
		fmt.Fprintf(l.w, "%s %s %s line %d: %s\n", f.Rule, f.Kind, safetext.Escape(number), r.Line, safetext.Escape(f.Zh))
	}
	return nil
}

func (l *findingLister) end() {
	if l.listed < l.total {
		fmt.Fprintf(l.w, "(%d more findings not listed; -max-findings %d)\n", l.total-l.listed, l.max)
	}
}

func printSummary(w io.Writer, sum shell.StreamSummary) {
	fmt.Fprintln(w, "\n== summary")
	fmt.Fprintf(w, "lines %d, subjects %d, websites %d, apps %d, bad records %d, incomplete subjects %d\n",
		sum.Lines, sum.Subjects, sum.Websites, sum.Apps, sum.BadRecords, sum.Incomplete)
	fmt.Fprintf(w, "findings %d\n", sum.Findings)
	fmt.Fprintln(w, "by kind:")
	for _, k := range findingKinds() {
		fmt.Fprintf(w, "  %s %d (%s)\n", k, sum.ByKind[k], k.Zh())
	}
	fmt.Fprintln(w, "by province:")
	for _, code := range sortedKeys(sum.ByProvince) {
		label := safetext.Escape(code)
		if p, ok := filing.ProvinceByCode(code); ok {
			label += " " + p.Name
		}
		fmt.Fprintf(w, "  %s: %s\n", label, countsLine(sum.ByProvince[code]))
	}
	fmt.Fprintln(w, "by ISP:")
	isps := sortedKeys(sum.ByISP)
	// Websites that never had access last.
	if len(isps) > 0 && isps[0] == "" {
		isps = append(isps[1:], "")
	}
	for _, isp := range isps {
		label := safetext.Escape(isp)
		if isp == "" {
			label = noISP
		}
		fmt.Fprintf(w, "  %s: %s\n", label, countsLine(sum.ByISP[isp]))
	}
	if sum.BadRecords == 0 {
		return
	}
	if len(sum.Errors) < sum.BadRecords {
		fmt.Fprintf(w, "bad records %d (the first %d):\n", sum.BadRecords, len(sum.Errors))
	} else {
		fmt.Fprintf(w, "bad records %d:\n", sum.BadRecords)
	}
	for _, e := range sum.Errors {
		fmt.Fprintf(w, "  line %d: %s %s\n", e.Line, e.ErrorCode(), safetext.Escape(strings.TrimPrefix(e.MessageZh(), fmt.Sprintf("第%d行：", e.Line))))
	}
}

// countsLine formats the non-zero counts in kind order:
// "shell_website 2, website_at_risk 1".
func countsLine(c shell.FindingCounts) string {
	var parts []string
	for _, k := range findingKinds() {
		if n := c[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", k, n))
		}
	}
	return strings.Join(parts, ", ")
}

// findingKinds are the kinds of findings of websites and subjects, then of
// apps (空壳APP, R-70).
func findingKinds() []shell.FindingKind {
	return append(shell.FindingKinds(), shell.AppFindingKinds()...)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, cmp.Compare[string])
	return keys
}

// isTerminal reports whether w is a terminal (a character device), without
// a dependency on golang.org/x/term.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// gate passes writes to w until it is closed, then drops them; safe for
// concurrent use (the TeeReader writes from ClassifyStream's reading
// goroutine, which may outlive a stopped ClassifyStream while a Read
// blocks).
type gate struct {
	mu     sync.Mutex
	w      io.Writer
	closed bool
}

func (g *gate) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return len(p), nil
	}
	return g.w.Write(p)
}

func (g *gate) close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
}
