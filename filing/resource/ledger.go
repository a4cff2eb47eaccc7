package resource

import (
	"context"
	"time"
)

// Ledger applies a Policy to the entries of a Store. It is safe for
// concurrent use when its Store is; every step is one compare-and-set of
// the Store, so concurrent steps on one code never both succeed.
type Ledger struct {
	store  Store
	policy Policy
	now    func() time.Time
	newID  func() string
}

// Option configures NewLedger.
type Option func(*Ledger)

// WithNow sets the clock (default time.Now).
func WithNow(now func() time.Time) Option { return func(l *Ledger) { l.now = now } }

// WithCodes sets the generator of new codes (default NewCode); it must
// return codes that NormalizeCode leaves unchanged.
func WithCodes(gen func() string) Option { return func(l *Ledger) { l.newID = gen } }

// NewLedger returns a Ledger on store under policy, or an *Error matching
// ErrBadInput for a policy that does not Validate.
func NewLedger(store Store, policy Policy, opts ...Option) (*Ledger, error) {
	if err := policy.Validate(); err != nil {
		return nil, err
	}
	l := &Ledger{store: store, policy: policy, now: time.Now, newID: NewCode}
	for _, o := range opts {
		o(l)
	}
	return l, nil
}

// Policy returns the ledger's policy.
func (l *Ledger) Policy() Policy { return l.policy }

// Issue checks inst (Eligible) and issues a new resource from it to its
// account, within the policy's cap per instance (ErrCapReached).
func (l *Ledger) Issue(ctx context.Context, inst Instance) (Entry, error) {
	if inst.ID == "" || inst.Account == "" {
		return Entry{}, newError(ErrBadInput, "", "instance ID and account are required")
	}
	if err := bounded(inst.ID, inst.Account); err != nil {
		return Entry{}, err
	}
	now := l.clock()
	inst.ExpiresAt = inst.ExpiresAt.Truncate(time.Microsecond)
	if err := Eligible(inst, l.policy, now); err != nil {
		return Entry{}, err
	}
	code, err := NormalizeCode(l.newID())
	if err != nil {
		return Entry{}, err
	}
	e := Entry{Code: code, Kind: l.policy.Kind, Instance: inst.ID, Owner: inst.Account, State: StateIssued,
		IssuedAt: now, ExpiresAt: inst.ExpiresAt, UpdatedAt: now}
	if err := l.store.Insert(ctx, e, l.policy.CapPerInstance); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// Redeem reserves the resource for one filing of account (备案中): the
// code must be issued, not expired, and the account's (owner or grantee)
// unless the policy makes codes bearer codes. A code in review for another
// filing is an *Error matching ErrInUse; of two filings redeeming one code
// at once exactly one wins. Redeeming again for the same filing returns
// the entry unchanged (idempotent).
func (l *Ledger) Redeem(ctx context.Context, code, account, filingID string) (Entry, error) {
	if account == "" || filingID == "" {
		return Entry{}, newError(ErrBadInput, "", "account and filing ID are required")
	}
	if err := bounded(account, filingID); err != nil {
		return Entry{}, err
	}
	now := l.clock()
	w := Where{State: StateIssued, LiveAt: now}
	if !l.policy.Bearer {
		w.Account = account
	}
	return l.step(ctx, code, w, func(Entry) Set {
		return Set{State: StateInReview, FilingID: filingID, Filer: account, At: now}
	}, func(e Entry) bool { return e.State == StateInReview && e.FilingID == filingID && e.Filer == account })
}

// Complete marks the resource used by its successful filing (已备案,
// single use from then on), with the record number issued.
func (l *Ledger) Complete(ctx context.Context, code, filingID, recordNumber string) (Entry, error) {
	if filingID == "" {
		return Entry{}, newError(ErrBadInput, "", "filing ID is required")
	}
	if err := bounded(filingID, recordNumber); err != nil {
		return Entry{}, err
	}
	now := l.clock()
	return l.step(ctx, code, Where{State: StateInReview, FilingID: filingID}, func(e Entry) Set {
		return Set{State: StateFiled, FilingID: filingID, Filer: e.Filer, RecordNumber: recordNumber, At: now}
	}, func(e Entry) bool { return e.State == StateFiled && e.FilingID == filingID })
}

// Abandon frees the resource of an abandoned or rejected filing: it is
// issued again and may be redeemed before its instance expires.
func (l *Ledger) Abandon(ctx context.Context, code, filingID string) (Entry, error) {
	if filingID == "" {
		return Entry{}, newError(ErrBadInput, "", "filing ID is required")
	}
	now := l.clock()
	return l.step(ctx, code, Where{State: StateInReview, FilingID: filingID}, func(Entry) Set {
		return Set{State: StateIssued, At: now}
	}, nil)
}

// Grant lets account to redeem an unused resource of owner, where the
// policy allows grants (ErrNotGrantable otherwise).
func (l *Ledger) Grant(ctx context.Context, code, owner, to string) (Entry, error) {
	if owner == "" || to == "" {
		return Entry{}, newError(ErrBadInput, "", "owner and grantee are required")
	}
	if err := bounded(owner, to); err != nil {
		return Entry{}, err
	}
	c, err := NormalizeCode(code)
	if err != nil {
		return Entry{}, err
	}
	if !l.policy.Grantable {
		return Entry{}, newError(ErrNotGrantable, c, c)
	}
	now := l.clock()
	return l.step(ctx, c, Where{State: StateIssued, Owner: owner, LiveAt: now}, func(Entry) Set {
		return Set{State: StateIssued, Grantee: to, SetGrantee: true, At: now}
	}, func(e Entry) bool { return e.State == StateIssued && e.Owner == owner && e.Grantee == to })
}

// Revoke withdraws an unused resource of owner (已失效); it no longer
// counts toward the instance's cap.
func (l *Ledger) Revoke(ctx context.Context, code, owner string) (Entry, error) {
	if owner == "" {
		return Entry{}, newError(ErrBadInput, "", "owner is required")
	}
	now := l.clock()
	return l.step(ctx, code, Where{State: StateIssued, Owner: owner}, func(Entry) Set {
		return Set{State: StateRevoked, At: now}
	}, func(e Entry) bool { return e.State == StateRevoked })
}

// Renew records the instance's new end of service (a renewal, or its
// release: the resources die with it) and returns how many entries changed.
func (l *Ledger) Renew(ctx context.Context, instance string, expiresAt time.Time) (int, error) {
	if instance == "" {
		return 0, newError(ErrBadInput, "", "instance ID is required")
	}
	return l.store.SetExpiry(ctx, instance, expiresAt.Truncate(time.Microsecond))
}

// MaxIDLen is the longest instance ID, account, filing ID or record number
// the ledger takes, in bytes.
const MaxIDLen = 255

// bounded refuses identifiers longer than MaxIDLen.
func bounded(ids ...string) error {
	for _, s := range ids {
		if len(s) > MaxIDLen {
			return newError(ErrBadInput, "", "identifier longer than 255 bytes")
		}
	}
	return nil
}

// clock returns the time to the microsecond, the precision every Store
// keeps.
func (l *Ledger) clock() time.Time { return l.now().Truncate(time.Microsecond) }

// Get returns the entry of a code as typed by a user (NormalizeCode).
func (l *Ledger) Get(ctx context.Context, code string) (Entry, error) {
	c, err := NormalizeCode(code)
	if err != nil {
		return Entry{}, err
	}
	return l.store.Get(ctx, c)
}

// ByInstance returns the entries of an instance.
func (l *Ledger) ByInstance(ctx context.Context, instance string) ([]Entry, error) {
	return l.store.ByInstance(ctx, instance)
}

// maxSteps bounds the retries of a step whose refusal could not be
// explained (the entry changed between the Swap and the read).
const maxSteps = 8

// step runs one compare-and-set, and explains a refusal from the entry as
// the Swap saw it; done, when not nil, accepts an entry already in the
// wanted state (a repeated call).
func (l *Ledger) step(ctx context.Context, code string, w Where, set func(Entry) Set, done func(Entry) bool) (Entry, error) {
	c, err := NormalizeCode(code)
	if err != nil {
		return Entry{}, err
	}
	for range maxSteps {
		cur, err := l.store.Get(ctx, c)
		if err != nil {
			return Entry{}, err
		}
		e, ok, err := l.store.Swap(ctx, c, w, set(cur))
		if err != nil {
			return Entry{}, err
		}
		if ok {
			return e, nil
		}
		if done != nil && done(e) {
			return e, nil
		}
		if err := refusal(e, w); err != nil {
			return Entry{}, err
		}
	}
	return Entry{}, newError(ErrInUse, c, c)
}

// refusal explains why e does not satisfy w, or returns nil when it does
// (it changed since).
func refusal(e Entry, w Where) error {
	c := e.Code
	if e.State != w.State {
		switch {
		case !w.LiveAt.IsZero() && e.StateAt(w.LiveAt) == StateExpired:
			return newError(ErrExpired, c, c)
		case e.State == StateInReview && w.FilingID == "":
			return newError(ErrInUse, c, c)
		case e.State == StateInReview, e.State == StateIssued:
			return newError(ErrWrongFiling, c, c)
		case e.State == StateFiled:
			return newError(ErrUsed, c, c)
		default:
			return newError(ErrRevoked, c, c)
		}
	}
	switch {
	case !w.LiveAt.IsZero() && !w.LiveAt.Before(e.ExpiresAt):
		return newError(ErrExpired, c, c)
	case w.FilingID != "" && e.FilingID != w.FilingID:
		if w.State == StateInReview {
			return newError(ErrWrongFiling, c, c)
		}
		return newError(ErrInUse, c, c)
	case w.Owner != "" && e.Owner != w.Owner:
		return newError(ErrNotYours, c, c)
	case w.Account != "" && e.Owner != w.Account && e.Grantee != w.Account:
		return newError(ErrNotYours, c, c)
	}
	return nil
}
