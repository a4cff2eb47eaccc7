// Command bureau is a provincial communications bureau's batch job over an
// export of ICP filing records: it classifies shell records (空壳网站、空壳主体,
// R-60..R-63, R-17) with shell.ClassifyStream and lists the filings whose
// review time limit has passed or is about to, with the
// official working-day calendar of package calendar.
//
// It demonstrates:
//
//   - streaming classification of millions of records in bounded memory,
//     with findings printed subject by subject, and a summary per finding
//     kind, per province and per ISP;
//   - bad records (invalid JSON, access that ends before it starts, ...)
//     reported with their line numbers while the stream goes on;
//   - time limits counted in working days (lifecycle.State.Countdown over
//     calendar.Default()), including the honest answer for a year whose
//     holiday schedule the State Council has not published yet: counted
//     from the statutory holidays and marked provisional, or with
//     -strict reported as not computable (calendar.ErrNotPublished); a
//     notice published after this release is loaded with -schedule;
//   - a deterministic generator of synthetic exports, for trying it at scale;
//   - with -checks, over full filed records: expired certificates,
//     domains expiring within the province's minimum and overdue
//     public-security filings (R-87) (see checks.go).
//
// # Input
//
// The input is the one export of the record set (package filing/record),
// which the conflict index reads too: one subject with all its websites
// and apps per line, e.g. (one line in the export)
//
//	{"subject":{"number":"黔ICP备2026001073号","province":"52","status":"approved"},
//	 "websites":[{"number":"黔ICP备2026001073号-1","status":"approved","approved_at":"2026-01-05T10:00:00+08:00",
//	  "access":[{"isp":"中国电信","since":"2026-01-06T09:00:00+08:00"}]}]}
//
// The export format has no submission instant, so this program reads two
// extra fields of a subject or website whose "status" is "bureau_review".
// The SDK's decoder (record.Decode, shell.ClassifyStream) ignores them as
// unknown fields.
//
//   - "submitted_at" (RFC 3339, required under review): when the ISP
//     verified the filing and submitted it to the bureau; the review
//     limit counts from it: 20 working days, 15 in Jiangxi, province
//     36.
//   - "form_received_at" (RFC 3339, optional, on a website): when the
//     verification form (真实性核验单) reached the bureau. A website added
//     under an existing subject (a website without a number) is not
//     reviewed before its form arrives: until then the limit running is
//     R-23 (the form is due within 7 working days of submission); once it
//     has arrived the review limit counts from the later of the two
//     instants. In Jiangxi R-21 counts from the form's arrival. One field
//     could not express either rule, so there are two; which limit runs is
//     decided by lifecycle.State, not here.
//
// A subject or website with a number under review is a change filing
// (sms.ChangeSubjectWebsite); a website without one is an added website
// (sms.NewWebsite). A website's province is its subject's.
//
// -gen writes such an export: it builds each subject's filing and writes
// record.Of of it, with the review fields.
//
// # Reading the extra fields without decoding every line twice
//
// ClassifyStream decodes the export with the SDK's decoder, which knows
// only the record's fields. Instead of decoding each line a second time with encoding/json, the input
// goes through an io.TeeReader whose writer is a small line scanner
// (reviewScanner): it counts lines with bytes.Count and looks for the bytes
// "bureau_review" (with their quotes) with bytes.Index, and only a line that
// contains them is json.Unmarshal-ed (keys match as in record.Decode,
// which decodes as encoding/json does). Records under review are a small part of
// an export, so the extra cost is a pass of vectorised searches over the
// bytes plus one encoding/json decode per line under review, a small
// fraction of the run. The scanner runs on ClassifyStream's reader goroutine
// (TeeReader writes before Read returns), needs no pipe or goroutine of its
// own, and is done when ClassifyStream returns; a gate drops what a Read
// still in progress after a stop would write (ClassifyStream does not wait
// for a stalled input, so that Ctrl-C ends the run at once). An io.Pipe to a scanning goroutine
// would let the scan overlap the decoding on a spare core, at the price of
// a goroutine, a copy of every byte and care for either side stopping
// early; decoding every line a second time would roughly double the run.
//
// The review list judges a record only by the fields it reads: a website
// that ClassifyStream reports as bad for another reason (say, access that
// ends before it starts) is still listed if its review fields are sound,
// and a line that is not valid JSON is left to the bad-record report. A status
// written with JSON escapes ("bureau\u005freview") is not recognised.
//
// # Output
//
// Standard output gets the findings (rule, kind, record number, the line of
// the subject record, the Chinese text), then the summary: counts of lines,
// records and bad records, findings per kind, per province and per ISP (the
// ISP of the website's last access), the bad records with their line
// numbers (the first shell.MaxSummaryErrors), and the reviews: overdue ones
// (most overdue first), ones due within -due-within working days (soonest
// first), and those whose limit cannot be computed (no submitted_at, a year
// without a published schedule, ...). A due date is the last day allowed.
// Lists are bounded by flags, so memory stays bounded whatever the input's
// size (unless a limit is -1); the counts are always complete. Each
// finding's recommendation (R-63, Finding.RecommendationZh) is left out to
// keep the listing short.
//
// Text read from the input (record numbers, ISP names, messages that quote
// the input) is printed with control characters and bidirectional
// overrides escaped (\x1b, \u202e), so that an export cannot drive the
// terminal.
//
// Ctrl-C (SIGINT) stops the run at once, also while standard input
// stalls: the report so far is printed and the exit status is 1.
//
// Standard error gets a progress line (lines read, rate) when it is a
// terminal or -progress is given.
//
// # Flags
//
//	-in path          JSONL export to read ("-" or absent: standard input)
//	-asof instant     classify as of this instant: RFC 3339, or YYYY-MM-DD for
//	                  midnight China Standard Time (default: now)
//	-max-findings N   list at most N findings (0: none, -1: all; default 50)
//	-max-reviews N    list at most N reviews per list (0: none, -1: all; default 50)
//	-due-within N     list reviews due within N working days (default 3)
//	-progress         show progress on standard error even when it is not a terminal
//	-gen N            write a synthetic export of N websites instead of reading
//	-seed S           seed of -gen (default 1; same seed, same export)
//	-out path         where -gen writes (default: standard output)
//	-audit path       audit the export's access (R-97, audit.go) against the DNS
//	                  answers in path, JSON Lines {"domain","addrs","failed"}
//	-blocks list      with -audit: the ISPs' filed address blocks, comma-separated
//
// With -gen, -asof is the instant the synthetic export is made for (default
// 2026-06-01, fixed so that the output does not depend on the day it is
// run); the export holds a realistic mix: websites served, ones whose access
// was cancelled days ago (at risk) and long ago (shells), never served,
// subjects without websites, filings under review with submission instants
// spread so that some are overdue, and a few bad lines.
//
// # Examples
//
//	go run ./examples/bureau -in examples/bureau/testdata/export.jsonl -asof 2026-06-01
//	go run ./examples/bureau -gen 100000 | go run ./examples/bureau -asof 2026-06-01
//	go run ./examples/bureau -gen 1000000 -seed 7 -out /tmp/export.jsonl
//	go run ./examples/bureau -in /tmp/export.jsonl -asof 2026-06-01 -max-findings 0 -progress
//	go run ./examples/bureau -in /tmp/export.jsonl -audit /tmp/answers.jsonl -blocks 119.29.0.0/16
//
// The exit status is 0 when the run completed (bad records do not fail it),
// 2 for a bad command line and 1 for any other error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/numbering"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if code := exitCode(err, os.Stderr); code != 0 {
		os.Exit(code)
	}
}

// exitCode reports err on stderr and returns the exit status: 0 for none
// (or -h), 2 for a bad command line, 1 otherwise.
func exitCode(err error, stderr io.Writer) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ue *usageError
	if errors.As(err, &ue) {
		if !ue.shown { // package flag has not printed it
			fmt.Fprintln(stderr, "bureau:", err)
			fmt.Fprintln(stderr, "run 'bureau -h' for usage")
		}
		return 2
	}
	fmt.Fprintln(stderr, "bureau:", err)
	return 1
}

// config is the parsed command line.
type config struct {
	checks      bool   // -checks: the record checks of checks.go
	audit       string // -audit: the DNS answers of the access audit (audit.go)
	blocks      string // -blocks: the ISPs' filed address blocks (audit.go)
	in          string
	asOf        time.Time
	maxFindings int
	maxReviews  int
	dueWithin   int
	progress    bool
	gen         int
	seed        uint64
	out         string
	schedule    string // -schedule: a holiday schedule file (calendar.ScheduleFile JSON)
	strict      bool   // -strict: no provisional years (calendar.WithStrict)
}

// usageError is a bad command line. shown is true when package flag has
// already printed it with the usage.
type usageError struct {
	err   error
	shown bool
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// genDefaultAsOf is the instant -gen makes its export for when -asof is not
// given: fixed, so that the same seed always gives the same bytes.
var genDefaultAsOf = calendar.Date(2026, time.June, 1)

// run is the whole program: it parses args, then generates (-gen) or
// classifies. It returns a *usageError for a bad command line and
// flag.ErrHelp for -h.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr, time.Now())
	if err != nil {
		return err
	}
	if cfg.gen > 0 {
		return generateTo(cfg, stdout)
	}
	if cfg.checks {
		return checkRecords(cfg, stdin, stdout)
	}
	if cfg.audit != "" {
		return auditExport(ctx, cfg, stdin, stdout)
	}
	return classify(ctx, cfg, stdin, stdout, stderr)
}

func parseFlags(args []string, stderr io.Writer, now time.Time) (config, error) {
	var cfg config
	var asOf string
	fs := flag.NewFlagSet("bureau", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: bureau [-in export.jsonl] [-asof 2026-06-01] [flags]")
		fmt.Fprintln(fs.Output(), "       bureau -gen N [-seed S] [-asof 2026-06-01] [-out export.jsonl]")
		fs.PrintDefaults()
	}
	fs.StringVar(&cfg.in, "in", "-", "JSONL export to read (`path`; \"-\": standard input)")
	fs.StringVar(&asOf, "asof", "", "classify as of this `instant`: RFC 3339 or YYYY-MM-DD (midnight CST); default now (-gen: 2026-06-01)")
	fs.IntVar(&cfg.maxFindings, "max-findings", 50, "list at most `N` findings (0: none, -1: all)")
	fs.IntVar(&cfg.maxReviews, "max-reviews", 50, "list at most `N` reviews per list (0: none, -1: all)")
	fs.IntVar(&cfg.dueWithin, "due-within", 3, "list reviews due within `N` working days")
	fs.BoolVar(&cfg.progress, "progress", false, "show progress on standard error even when it is not a terminal")
	fs.IntVar(&cfg.gen, "gen", 0, "write a synthetic export of `N` websites instead of reading one")
	fs.Uint64Var(&cfg.seed, "seed", 1, "`seed` of -gen")
	fs.StringVar(&cfg.out, "out", "-", "where -gen writes (`path`; \"-\": standard output)")
	fs.StringVar(&cfg.schedule, "schedule", "", "holiday schedule file (`path`, the calendar's JSON format) read at start: a year in it replaces the embedded or provisional one (R-24)")
	fs.BoolVar(&cfg.strict, "strict", false, "no provisional years: a limit running into a year without a published notice is reported as not computable (R-24)")
	fs.BoolVar(&cfg.checks, "checks", false, "read filed records (one filing JSON per line) and report expired certificates, domains expiring within the minimum and overdue public-security filings")
	fs.StringVar(&cfg.audit, "audit", "", "audit the export's access (R-97) against the DNS answers in this JSONL `file` ({\"domain\",\"addrs\",\"failed\"} per line)")
	fs.StringVar(&cfg.blocks, "blocks", "", "with -audit: the ISPs' filed address `blocks`, comma-separated prefixes")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, err
		}
		return cfg, &usageError{err: err, shown: true}
	}
	bad := func(format string, a ...any) (config, error) {
		return cfg, &usageError{err: fmt.Errorf(format, a...)}
	}
	if fs.NArg() > 0 {
		return bad("unexpected argument %q (the input is given with -in)", fs.Arg(0))
	}
	var err error
	switch {
	case asOf != "":
		if cfg.asOf, err = parseAsOf(asOf); err != nil {
			return bad("%v", err)
		}
	case cfg.gen > 0:
		cfg.asOf = genDefaultAsOf
	default:
		cfg.asOf = now.In(calendar.Location())
	}
	switch {
	case cfg.gen < 0:
		return bad("-gen %d: want a positive number of websites", cfg.gen)
	case cfg.dueWithin < 0:
		return bad("-due-within %d: want 0 or more working days", cfg.dueWithin)
	case cfg.maxFindings < -1:
		return bad("-max-findings %d: want -1 (all), 0 (none) or a limit", cfg.maxFindings)
	case cfg.maxReviews < -1:
		return bad("-max-reviews %d: want -1 (all), 0 (none) or a limit", cfg.maxReviews)
	case cfg.gen > 0 && (cfg.asOf.Year() < genMinYear || cfg.asOf.Year() > numbering.MaxYear):
		return bad("-gen -asof %s: want an instant in the years %d to %d (record numbers carry the year)",
			cfg.asOf.Format(time.DateOnly), genMinYear, numbering.MaxYear)
	case cfg.gen > 0 && cfg.in != "-":
		return bad("-gen writes an export and -in reads one: give one of them")
	case cfg.gen == 0 && cfg.out != "-":
		return bad("-out is where -gen writes; without -gen the report goes to standard output")
	}
	return cfg, nil
}

// parseAsOf reads an RFC 3339 instant, or a YYYY-MM-DD date meaning
// midnight China Standard Time.
func parseAsOf(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t, err = time.ParseInLocation(time.DateOnly, s, calendar.Location())
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("-asof %q: want an RFC 3339 instant (2026-06-01T09:30:00+08:00) or a date (2026-06-01)", s)
	}
	if t.IsZero() {
		return time.Time{}, fmt.Errorf("-asof %q: the zero instant cannot be a classification instant", s)
	}
	return t.In(calendar.Location()), nil
}
