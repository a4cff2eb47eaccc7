// Command portal is a small ISP filing portal (接入商备案系统) built on the
// beiankit SDK: it shows how an ISP developer embeds the SDK in a net/http
// server.
//
// A user fills in one subject and one website in a Chinese form. The portal
//
//   - normalises the input (filing.NormalizeFiling: full-width digits,
//     IDN domains, phone and certificate formats) and validates it with a
//     filing.Validator built once (R-01..R-09); each problem's Chinese
//     message is shown next to its field, with status 422;
//   - checks the filing against a record set (conflict.Index, loaded from
//     JSON Lines) and shows each conflict with the bureau to turn to and the
//     steps to resolve it (R-30..R-32, R-13), with status 409;
//   - otherwise takes the filing through the lifecycle (lifecycle.Apply: the
//     self-filing user creates and submits it, this ISP verifies it and
//     submits it to the bureau, R-10, R-14) and redirects to its status page,
//     which shows the status, the history and the bureau's time limit as a
//     working-day countdown (R-20; R-21 in Jiangxi). When the due date falls
//     in a year whose holiday schedule is not published yet, it is counted
//     from the statutory holidays and marked provisional; a notice
//     published after this release is loaded with -schedule, and -strict
//     shows such a due date as not computable (calendar.ErrNotPublished);
//   - sends the MIIT SMS verification code to the people the filing type
//     names (lifecycle.ActionSMSSend, R-83) when the filing reaches the
//     bureau; the status page shows the 24-hour countdown
//     (State.SMSCountdown) and a form to enter the code, and reading it
//     after the 24 hours returns the filing to the ISP
//     (lifecycle.ActionSMSExpire). The demo has no SMS gateway: with -debug
//     it writes each code to its log at debug level (mobile masked); no
//     page shows a code, and the filing keeps only the code's seal
//     (sms.Verifier).
//
// Personal data reaches the logs only masked, through the SDK's IDNumber,
// Phone and Email types; pages are escaped by html/template.
//
// Run it from the repository root and open http://127.0.0.1:8080/:
//
//	go run ./examples/portal
//	go run ./examples/portal -debug # the SMS codes appear in the log
//	go run ./examples/portal -addr 127.0.0.1:9000 -isp 示例云 -records examples/portal/data/records.jsonl
//
// The form comes prefilled with a valid sample; submit it to see the status
// page, submit it again to see the conflict with the first submission,
// or change the domain to example-shop.cn (filed in Zhejiang) or
// guizhou-tea.cn (filed in Guizhou) to see the domain conflicts of R-30.
//
// With -db (or DATABASE_URL) the record set lives in PostgreSQL and several
// instances share it: each checks against its own in-memory index, which
// follows the database, and the database decides which instance gets a
// domain when two accept it at once (conflict.Replica, conflict/pgstore):
//
//	export PORTAL_CONTACT_KEY=... # one secret of 16 bytes or more for every instance
//	go run ./examples/portal -addr 127.0.0.1:8081 -db postgres://user:pass@127.0.0.1:5432/beian
//	go run ./examples/portal -addr 127.0.0.1:8082 -db postgres://user:pass@127.0.0.1:5432/beian
//
// The records carry the principals' contacts as keyed hashes under that
// secret, so that the database refuses one instance a mobile or e-mail
// another recorded for another subject; without it each instance
// draws its own secret and says so in its log.
//
// Stop it with Ctrl-C (or SIGTERM): it finishes the requests in flight and
// exits. It also exits when the process that started it does, so that
// killing `go run` does not leave the compiled portal serving.
//
// Filings are kept in memory, at most -max-filings of them (a submission
// beyond the bound is answered 503 with a message), and lost on exit. Every
// response carries Cache-Control: no-store (the pages show personal data),
// and invalid UTF-8 in a submission is replaced before it is echoed. There are no user accounts: a
// real portal authenticates users and ISP staff, stores filings in its
// database and has an ISP reviewer verify each one (here it is verified at
// once).
package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx" for -db
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, stopWatching := untilParentExits(ctx, os.Getppid, time.Second)
	defer stopWatching()
	if err := run(ctx, os.Args[1:], os.Stderr, nil); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "portal:", err)
		os.Exit(1)
	}
}

// run parses the flags, starts the server and serves until ctx is done,
// then shuts down gracefully. Logs go to logw. ready, if not nil, is called
// with the listening address once the server accepts connections.
func run(ctx context.Context, args []string, logw io.Writer, ready func(addr string)) error {
	fs := flag.NewFlagSet("portal", flag.ContinueOnError)
	fs.SetOutput(logw)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	isp := fs.String("isp", "示例云", "name of this ISP (接入商), the actor that verifies filings")
	maxFilings := fs.Int("max-filings", defaultMaxFilings, "most filings kept in memory; beyond it submissions are refused (503)")
	recordsPath := fs.String("records", "", "record set for the conflict checks, JSON Lines of conflict.Record (default: a built-in sample)")
	dbURL := fs.String("db", os.Getenv("DATABASE_URL"), "PostgreSQL URL: keep the record set in the database, shared with other instances (default $DATABASE_URL; empty: in memory)")
	schedulePath := fs.String("schedule", "", "holiday schedule file (the calendar's JSON format) read at start: a year in it replaces the embedded or provisional one (R-24), e.g. next year's notice the day it is published")
	strict := fs.Bool("strict", false, "no provisional years: a deadline running into a year without a published holiday notice is shown as not computable (R-24)")
	dns := fs.String("dns", "", "host:port of the DNS server the access audit page (/audit, R-97) resolves through (empty: the page is off)")
	resourceCodes := fs.Int("resource-codes", 3, "filing resources (备案授权码, R-96) the demo instance issues at start-up, logged with -debug")
	wasmDir := fs.String("wasm", "", "directory of the SDK's WebAssembly build (go generate ./examples/portal writes examples/portal/wasm): fields are checked as the user types")
	debug := fs.Bool("debug", false, "log at debug level; the demo then logs the SMS verification codes it would send (R-83), with the mobiles masked")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %q", fs.Args())
	}

	level := slog.LevelInfo
	if *debug {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(logw, &slog.HandlerOptions{Level: level}))
	opts := options{ISP: *isp, Logger: logger, MaxFilings: *maxFilings, DNS: *dns, ResourceCodes: *resourceCodes,
		ContactKey: contactKey(logger, *dbURL != "")}
	cal, err := loadCalendar(*schedulePath, *strict)
	if err != nil {
		return err
	}
	opts.Calendar = cal
	opts.WasmDir = *wasmDir
	if *recordsPath != "" {
		f, err := os.Open(*recordsPath)
		if err != nil {
			return err
		}
		defer f.Close()
		opts.Records = f
	}
	if *dbURL != "" {
		db, err := sql.Open("pgx", *dbURL)
		if err != nil {
			return err
		}
		defer db.Close()
		opts.DB, opts.Context = db, ctx
	}
	handler, err := newServer(opts)
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       60 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	logger.Info("portal listening", "url", "http://"+ln.Addr().String()+"/")
	if ready != nil {
		ready(ln.Addr().String())
	}

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	logger.Info("portal stopped")
	return nil
}

// envContactKey names the environment variable holding the secret of the
// principals' contact keys, at least 16 bytes. It is read from the
// environment, not a flag, so that it shows in no process list.
const envContactKey = "PORTAL_CONTACT_KEY"

// contactKey returns the secret of the contact keys: $PORTAL_CONTACT_KEY,
// which every instance sharing a database must be given, or a random one
// for this process. With a shared database and a random secret, the keys
// of two instances never meet, so the store cannot refuse one instance a
// contact another recorded: that is logged.
func contactKey(log *slog.Logger, shared bool) []byte {
	if k := os.Getenv(envContactKey); k != "" {
		return []byte(k)
	}
	if shared {
		log.Warn(envContactKey + " is not set: the contact claims of this instance (R-94) will not meet those of the other instances on the database")
	}
	return []byte(rand.Text() + rand.Text())
}
