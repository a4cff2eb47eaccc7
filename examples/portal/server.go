package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/beiankit/beian/calendar"
	"github.com/beiankit/beian/conflict"
	"github.com/beiankit/beian/conflict/pgstore"
	"github.com/beiankit/beian/filing"
	"github.com/beiankit/beian/filing/lifecycle"
	"github.com/beiankit/beian/filing/record"
	"github.com/beiankit/beian/filing/sms"
)

var (
	//go:embed templates/*.html
	templateFS embed.FS

	// sampleRecords is a small national record set for the conflict checks:
	// one line per subject, in the JSON shape of conflict.Record.
	//
	//go:embed data/records.jsonl
	sampleRecords []byte
)

// defaultMaxFilings bounds the filings kept in memory: the demo has no
// database, and an unbounded map would let a client fill the memory with
// submissions.
const defaultMaxFilings = 10000

// errFull is record's answer when the bound on stored filings is reached.
var errFull = errors.New("portal: the bound on stored filings is reached")

// defaultMaxBody caps a form submission. The whole form is well under 4 KiB;
// anything much larger is not a filing.
const defaultMaxBody = 64 << 10

// options configures newServer. The zero value is usable.
type options struct {
	// Now is the clock: validation (birth dates, ages), lifecycle events and
	// deadlines all read it. Default time.Now.
	Now func() time.Time
	// Calendar counts working days for deadlines. Default calendar.Default().
	Calendar *calendar.Calendar
	// Records is the record set the conflict checks run against, as JSON
	// Lines (conflict.Index.LoadJSONL). Default: the embedded sample.
	Records io.Reader
	// ISP is the name of this access provider, the actor that verifies the
	// filings. Default "示例云".
	ISP string
	// Logger receives the server's logs. Default slog.Default().
	Logger *slog.Logger
	// MaxBody caps the request body in bytes. Default 64 KiB.
	MaxBody int64
	// MaxFilings bounds the filings kept in memory; a submission beyond it
	// is answered 503 with a message saying so. Default 10 000.
	MaxFilings int
	// DB, if not nil, keeps the record set in PostgreSQL (conflict/pgstore),
	// shared with every other portal instance on the database: the database
	// decides which of two instances gets a domain first. An empty database
	// is filled from Records. Default: the record set lives in this process
	// (conflict.MemoryStore).
	DB *sql.DB
	// Context ends the goroutine that follows the database's changes
	// (with DB only). Default context.Background().
	Context context.Context
	// FollowEvery is how often the index picks up the changes other
	// instances made (with DB only). Default 1s.
	FollowEvery time.Duration
	// SMSKey is the secret key of the sms.Verifier that seals the
	// SMS codes (R-83; at least 16 bytes). Default: 32 random bytes per
	// process, which is enough while the filings live in memory.
	SMSKey []byte
	// SendSMS delivers the SMS code of filing id to a mobile.
	// Default: the demo writes it to Logger at debug level, with the mobile
	// masked; no page shows a code.
	SendSMS func(id string, to filing.Phone, code string)
	// ContactKey is the secret of the contact claims (R-94, at least 16
	// bytes; ispchecks.go). Default nil: the contact check is off (main
	// sets 32 random bytes per process).
	ContactKey []byte
	// ResourceCodes is how many filing resources the demo's instance
	// issues at start-up (R-96; logged at debug level). Default 0.
	ResourceCodes int
	// DNS is the host:port of the DNS server the audit page resolves
	// through (R-97, audit_page.go); empty: the page is off.
	DNS string
	// Blocks are the ISP's filed address blocks. Default 119.29.0.0/16.
	Blocks []netip.Prefix
	// WasmDir holds the SDK's WebAssembly build (go run ./cmd/beianwasm
	// -o dir), served under /wasm/ for the field checks as the user types
	// (wasm.go). Default: none; the form works without it.
	WasmDir string
}

// server is the portal. All its state is here; it is safe for concurrent
// requests.
type server struct {
	now       func() time.Time
	cal       *calendar.Calendar
	isp       string
	log       *slog.Logger
	maxBody   int64
	maxFiled  int
	tmpl      *template.Template
	validator *filing.Validator // built once, safe for concurrent use
	verifier  *sms.Verifier
	sendSMS   func(id string, to filing.Phone, code string)
	checks    ispChecks      // ispchecks.go
	dns       string         // audit_page.go
	blocks    []netip.Prefix // audit_page.go

	// replica keeps the index (the record set the checks read) in step
	// with the store that decides races: two submissions of one domain,
	// in this process or in two instances, cannot both pass
	// (conflict.Replica.Claim). It is safe for concurrent use.
	replica *conflict.Replica
	index   *conflict.Index

	mu       sync.RWMutex // guards filings and reserved
	filings  map[string]*entry
	reserved int // submissions between their slot and their entry
}

// entry is one filing the portal has accepted. Entries are never modified
// once stored (lifecycle.State is a value): a change of state stores a new
// entry under the lock (server.update), so readers may use them after
// releasing the lock.
type entry struct {
	ID     string
	Filing *filing.Filing // normalised
	State  lifecycle.State
}

// newServer builds the portal's handler. It fails when the record set does
// not load.
func newServer(opts options) (http.Handler, error) {
	s := &server{
		now:      opts.Now,
		cal:      opts.Calendar,
		isp:      opts.ISP,
		log:      opts.Logger,
		maxBody:  opts.MaxBody,
		maxFiled: opts.MaxFilings,
		index:    conflict.New(),
		filings:  map[string]*entry{},
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.cal == nil {
		s.cal = calendar.Default()
	}
	if s.isp == "" {
		s.isp = "示例云"
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.maxBody <= 0 {
		s.maxBody = defaultMaxBody
	}
	if s.maxFiled <= 0 {
		s.maxFiled = defaultMaxFilings
	}

	key := opts.SMSKey
	if key == nil {
		key = make([]byte, 32)
		_, _ = rand.Read(key) // never fails (crypto/rand)
	}
	var err error
	if s.verifier, err = sms.NewVerifier(key); err != nil {
		return nil, err
	}
	s.sendSMS = opts.SendSMS
	if s.sendSMS == nil {
		s.sendSMS = logSMS(s)
	}
	if err := s.newISPChecks(opts.ContactKey, opts.ResourceCodes); err != nil {
		return nil, err
	}
	s.dns, s.blocks = opts.DNS, opts.Blocks
	if s.blocks == nil {
		s.blocks = defaultBlocks
	}
	if s.validator, err = filing.NewValidator(filing.WithNow(s.now)); err != nil {
		return nil, err
	}
	if s.tmpl, err = template.New("").Funcs(template.FuncMap{
		"textField":     textField,
		"selectField":   selectField,
		"checkboxField": checkboxField,
		"appText":       appText, // app_handler.go
		"appSelect":     appSelect,
		"rowText":       rowText,
		"rowSelect":     rowSelect,
	}).ParseFS(templateFS, "templates/*.html"); err != nil {
		return nil, err
	}
	records := opts.Records
	if records == nil {
		records = bytes.NewReader(sampleRecords)
	}
	if opts.DB == nil {
		// One process: an in-memory store holds the record set (the
		// records as filed, which a change reads back) and decides the
		// races between concurrent requests; the index is loaded from it.
		if err := s.openMemory(opts, records); err != nil {
			return nil, err
		}
	} else if err := s.openDB(opts, records); err != nil {
		return nil, err
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handleForm)
	mux.HandleFunc("POST /filings", s.handleCreate)
	mux.HandleFunc("GET /filings/{id}", s.handleStatus)
	// materials_view.go:
	mux.HandleFunc("GET /filings/{id}/materials", s.handleMaterials)
	mux.HandleFunc("POST /filings/{id}/sms", s.handleSMS) // sms.go
	mux.HandleFunc("POST /filings/{id}/sms/resend", s.handleSMSResend)
	mux.HandleFunc("GET /apps", s.handleAppForm) // app_handler.go
	mux.HandleFunc("POST /apps", s.handleAppCreate)
	mux.HandleFunc("GET /audit", s.handleAudit) // audit_page.go
	if routeWasm(mux, opts.WasmDir) {           // wasm.go
		s.log.Info("serving the SDK's WebAssembly build", "dir", opts.WasmDir)
	}

	// Reject cross-site form posts (CSRF) by their Sec-Fetch-Site / Origin
	// headers.
	return securityHeaders(http.NewCrossOriginProtection().Handler(mux)), nil
}

// context is opts.Context, or the background context when none is set.
func (o options) context() context.Context {
	if o.Context == nil {
		return context.Background()
	}
	return o.Context
}

// openMemory puts the record set into an in-memory store and loads the
// index from it.
func (s *server) openMemory(opts options, records io.Reader) error {
	ctx := opts.context()
	store := conflict.NewMemoryStore()
	n := 0
	for r, err := range conflict.JSONL(records) {
		if err != nil {
			return fmt.Errorf("loading the record set: %w", err)
		}
		if _, err := store.Put(ctx, r, conflict.Unconditional); err != nil {
			return fmt.Errorf("loading the record set: record %d: %w", n+1, err)
		}
		n++
	}
	s.replica = conflict.NewReplica(store, s.index)
	if _, err := s.replica.Load(ctx); err != nil {
		return fmt.Errorf("loading the record set: %w", err)
	}
	subjects, websites := s.index.Len()
	s.log.Info("record set loaded", "records", n, "subjects", subjects, "websites", websites)
	return nil
}

// fillLock is the advisory-lock key under which one portal instance fills
// an empty database with the sample record set ("beianfil" in ASCII).
const fillLock int64 = 0x6265_6961_6e66_696c

// openDB loads the index from PostgreSQL (filling an empty database from
// records first) and starts following the changes of other instances.
func (s *server) openDB(opts options, records io.Reader) error {
	ctx := opts.context()
	store := pgstore.New(opts.DB)
	if err := store.Migrate(ctx); err != nil {
		return fmt.Errorf("migrating the database: %w", err)
	}
	s.replica = conflict.NewReplica(store, s.index)
	// Instances started together must not both find the database empty
	// and both fill it: the first takes a session-level advisory lock,
	// loads, fills if empty and lets go; the others wait and then load.
	conn, err := opts.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connecting to the database: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", fillLock); err != nil {
		return fmt.Errorf("locking the record set for the first fill: %w", err)
	}
	defer conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1)", fillLock) //nolint:errcheck // closing the connection releases it too
	n, err := s.replica.Load(ctx)
	if err != nil {
		return fmt.Errorf("loading the record set from the database: %w", err)
	}
	if n == 0 {
		imported, err := store.Import(ctx, conflict.JSONL(records))
		if err != nil {
			return fmt.Errorf("filling the database with the record set: %w", err)
		}
		if _, err := s.replica.Sync(ctx); err != nil {
			return fmt.Errorf("loading the record set from the database: %w", err)
		}
		s.log.Info("database filled with the record set", "records", imported)
	}
	subjects, websites := s.index.Len()
	s.log.Info("record set loaded from the database", "subjects", subjects, "websites", websites, "seq", s.replica.Seq())
	every := opts.FollowEvery
	if every <= 0 {
		every = time.Second
	}
	go s.replica.Follow(ctx, every, func(err error) {
		s.log.Warn("following the database", "err", err)
	})
	return nil
}

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		// The pages carry personal data (the form echoes what was typed,
		// the status page shows the filing): no cache may keep them.
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// handleForm serves the empty filing form, prefilled with a sample.
func (s *server) handleForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "form.html", newFormPage(sampleForm()))
}

// readForm parses a posted form of at most limit bytes into r.PostForm,
// with invalid UTF-8 replaced (U+FFFD) before anything is echoed back into
// a page or reaches validation. On bad input it answers (413 or 400) and
// returns false.
func (s *server) readForm(w http.ResponseWriter, r *http.Request, limit int64) bool {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	if err := r.ParseForm(); err != nil {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			s.renderMessage(w, http.StatusRequestEntityTooLarge, "提交的内容过大", "请检查填写的内容后重新提交。")
			return false
		}
		s.renderMessage(w, http.StatusBadRequest, "表单格式不正确", "请返回上一页重新填写。")
		return false
	}
	for _, vs := range r.PostForm {
		for i, v := range vs {
			vs[i] = strings.ToValidUTF8(v, "\uFFFD")
		}
	}
	return true
}

// handleCreate takes a filing: normalise, validate (422), check conflicts
// against the record set (409), then record it and redirect to its status
// page (303).
func (s *server) handleCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r, s.maxBody) {
		return
	}
	form := parseForm(r.PostForm)

	// The normalised filing (NFKC, A-label domains, canonical phone and
	// certificate numbers) is what is validated, checked and stored.
	f := filing.NormalizeFiling(form.filing())
	if err := s.validator.Validate(f); err != nil {
		s.rejectInvalid(w, form, err)
		return
	}
	state, codes, err := s.lifecycle(f)
	if err != nil {
		s.internalError(w, "lifecycle", err)
		return
	}
	h, ok := s.precheck(w, form, f, r.PostForm.Get("resource_code")) // ispchecks.go
	if !ok {
		return
	}
	accepted := false
	defer func() { s.settle(f, h, accepted) }()
	e, conflicts, err := s.record(r.Context(), f, state)
	switch {
	case errors.Is(err, errFull):
		s.log.Warn("filing refused: store full", "max_filings", s.maxFiled)
		w.Header().Set("Retry-After", "3600")
		s.renderMessage(w, http.StatusServiceUnavailable, "备案申请暂时无法受理",
			fmt.Sprintf("本系统保存的备案申请已达上限（%d件），暂不接收新的申请，请稍后再试或联系接入商。", s.maxFiled))
		return
	case errors.Is(err, pgstore.ErrUnavailable):
		s.log.Error("database unavailable", "step", "record", "err", err)
		s.renderMessage(w, http.StatusServiceUnavailable, "系统繁忙", "暂时无法提交，请稍后重试。")
		return
	case err != nil:
		// Check and Put report input they cannot use as a
		// *filing.ValidationError; anything else is the portal's fault.
		if _, ok := errors.AsType[*filing.ValidationError](err); ok {
			s.rejectInvalid(w, form, err)
			return
		}
		s.internalError(w, "record", err)
		return
	case len(conflicts) > 0:
		kinds := make([]string, len(conflicts))
		for i, c := range conflicts {
			kinds[i] = string(c.Kind)
		}
		s.log.Info("filing refused: conflict", "province", f.Subject.Province, "conflicts", kinds)
		page := newFormPage(form)
		page.addConflicts(disclose(f, conflicts)) // disclosure.go
		s.render(w, http.StatusConflict, "form.html", page)
		return
	}

	accepted = true
	s.deliver(e.ID, codes)
	// Log what support staff need; the SDK's personal-data types log
	// masked (IDNumber, Phone, Email implement slog.LogValuer).
	s.log.Info("filing accepted",
		"id", e.ID,
		"province", f.Subject.Province,
		"nature", f.Subject.Nature,
		"cert_type", f.Subject.CertType,
		"cert_number", f.Subject.CertNumber,
		"principal_mobile", f.Subject.Principal.Mobile,
		"principal_email", f.Subject.Principal.Email,
		"domain", f.Websites[0].Domains[0],
		"status", e.State.Status,
		"sms_targets", len(codes),
	)
	http.Redirect(w, r, "/filings/"+e.ID, http.StatusSeeOther)
}

func (s *server) rejectInvalid(w http.ResponseWriter, form filingForm, err error) {
	ve, ok := errors.AsType[*filing.ValidationError](err)
	if !ok {
		s.internalError(w, "validate", err)
		return
	}
	codes := make([]string, len(ve.Problems))
	for i, p := range ve.Problems {
		codes[i] = p.Path + " " + string(p.Code) // paths and codes only, never values
	}
	s.log.Info("filing refused: invalid", "problems", codes)
	page := newFormPage(form)
	page.addProblems(ve.Problems)
	s.render(w, http.StatusUnprocessableEntity, "form.html", page)
}

// lifecycle takes a new filing through the steps that happen at the portal:
// the self-filing user creates and submits it, and this ISP verifies
// it and submits it to the bureau of the subject's province, which
// starts the bureau's time limit (R-20, R-21 in Jiangxi) and the SMS
// verification (R-83, sms.go): the codes it returns go out once the filing
// is recorded. A real portal would have an ISP reviewer verify it later;
// the demo verifies at once.
func (s *server) lifecycle(f *filing.Filing) (lifecycle.State, []smsDelivery, error) {
	now := s.now()
	user := lifecycle.Actor{Kind: lifecycle.ActorSelfFiler}
	isp := s.ispActor()
	st := lifecycle.State{Type: sms.NewFiling, SelfFiled: true, ISP: s.isp, Province: f.Subject.Province,
		SMSRequired: true}
	for _, ev := range []lifecycle.Event{
		{Action: lifecycle.ActionCreate, Actor: user, At: now},
		{Action: lifecycle.ActionSubmit, Actor: user, At: now},
		{Action: lifecycle.ActionVerify, Actor: isp, At: now},
	} {
		var err error
		if st, err = lifecycle.Apply(st, ev); err != nil {
			return lifecycle.State{}, nil, err
		}
	}
	return s.smsSend(st, f, isp, now)
}

// record checks f against the record set and, when nothing conflicts,
// claims its keys and puts it in the record set as a filing under review,
// so that filing the same website again is refused, here or on
// another instance. It refuses with errFull once MaxFilings filings
// are kept.
func (s *server) record(ctx context.Context, f *filing.Filing, st lifecycle.State) (*entry, []conflict.Conflict, error) {
	// A slot is reserved before the claim, so that concurrent submissions
	// never keep more than MaxFilings filings.
	s.mu.Lock()
	if len(s.filings)+s.reserved >= s.maxFiled {
		s.mu.Unlock()
		return nil, nil, errFull
	}
	s.reserved++
	s.mu.Unlock()
	rec := underReview(f, st.Status)
	s.checks.stampContacts(&rec, f)
	conflicts, err := s.replica.Claim(ctx, f, rec)
	if cs := s.checks.takenContacts(f, err); len(cs) > 0 {
		conflicts, err = cs, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reserved--
	if err != nil || len(conflicts) > 0 {
		return nil, conflicts, err
	}
	// Unguessable IDs: the status page is reachable by its link alone.
	e := &entry{ID: rand.Text(), Filing: f, State: st}
	s.filings[e.ID] = e
	return e, nil, nil
}

// underReview is the record-set entry of a filing that has reached the
// bureau: its record on file (record.Of, with its apps and access
// addresses), every part in the review status.
func underReview(f *filing.Filing, status filing.Status) conflict.Record {
	return record.Of(f, status, time.Time{})
}

// handleStatus shows a filing's status, history, deadline and SMS step.
func (s *server) handleStatus(w http.ResponseWriter, r *http.Request) {
	now := s.now()
	e, ok := s.readEntry(r.PathValue("id"), now) // applies the SMS timeout (sms.go)
	if !ok {
		s.renderMessage(w, http.StatusNotFound, "未找到该备案申请", "请核对链接是否完整。")
		return
	}
	page := newStatusPage(e, s.cal, now)
	if outcome := r.URL.Query().Get("sms"); outcome != "" {
		page.setNotice(smsNotice(outcome, e.State))
	}
	s.render(w, http.StatusOK, "status.html", page)
}

type messagePage struct{ Title, Detail string }

func (s *server) renderMessage(w http.ResponseWriter, status int, title, detail string) {
	s.render(w, status, "message.html", messagePage{title, detail})
}

func (s *server) internalError(w http.ResponseWriter, step string, err error) {
	// SDK errors carry codes and paths, not the values that failed.
	s.log.Error("internal error", "step", step, "err", err)
	s.renderMessage(w, http.StatusInternalServerError, "系统内部错误", "请稍后重试。")
}

// render executes a template into a buffer first, so that a template error
// is a clean 500 rather than half a page.
func (s *server) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		s.log.Error("render", "template", name, "err", err)
		http.Error(w, "系统内部错误", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}
