package resource

import (
	"context"
	"time"
)

// Store keeps the ledger's entries. Every method is atomic and safe for
// concurrent use (across processes, for a shared database): the Ledger's
// guarantees (the cap, one winner per redemption) rest on Insert and Swap.
// NewMemoryStore and package pgstore implement it; package resourcetest is
// the suite an implementation must pass.
type Store interface {
	// Insert adds e if no entry has its code (else an *Error matching
	// ErrExists) and if e's instance holds fewer than limit live entries
	// (State.Live) (else an *Error matching ErrCapReached); limit 0 means
	// no cap. The count and the insert are one atomic step.
	Insert(ctx context.Context, e Entry, limit int) error
	// Swap applies set to the entry of code if, and only if, it satisfies
	// where at that moment, in one atomic step, and returns the entry after
	// the step and true. Otherwise it changes nothing and returns the entry
	// as it is and false. An unknown code is an *Error matching ErrNotFound.
	Swap(ctx context.Context, code string, where Where, set Set) (Entry, bool, error)
	// Get returns the entry of code, or an *Error matching ErrNotFound.
	Get(ctx context.Context, code string) (Entry, error)
	// ByInstance returns the entries of an instance, sorted by code.
	ByInstance(ctx context.Context, instance string) ([]Entry, error)
	// SetExpiry sets ExpiresAt of every entry of an instance (a renewal, or
	// the instance's release) and returns how many it changed.
	SetExpiry(ctx context.Context, instance string, expiresAt time.Time) (int, error)
}

// Where is the condition of a Swap. Zero fields are not checked.
type Where struct {
	// State is the state the entry must be in (required).
	State State
	// FilingID, when set, must equal the entry's FilingID.
	FilingID string
	// Account, when set, must equal the entry's Owner or Grantee.
	Account string
	// Owner, when set, must equal the entry's Owner.
	Owner string
	// LiveAt, when set, must be before the entry's ExpiresAt.
	LiveAt time.Time
}

// Set is the change of a Swap: every field is written, except Grantee,
// which is written only when SetGrantee is true.
type Set struct {
	State        State
	FilingID     string
	Filer        string
	RecordNumber string
	Grantee      string
	SetGrantee   bool
	At           time.Time // the new UpdatedAt
}

// Matches reports whether e satisfies w (for Store implementations).
func (w Where) Matches(e Entry) bool {
	return e.State == w.State &&
		(w.FilingID == "" || e.FilingID == w.FilingID) &&
		(w.Account == "" || e.Owner == w.Account || e.Grantee == w.Account) &&
		(w.Owner == "" || e.Owner == w.Owner) &&
		(w.LiveAt.IsZero() || w.LiveAt.Before(e.ExpiresAt))
}

// Apply returns e changed by s (for Store implementations).
func (s Set) Apply(e Entry) Entry {
	e.State, e.FilingID, e.Filer, e.RecordNumber, e.UpdatedAt = s.State, s.FilingID, s.Filer, s.RecordNumber, s.At
	if s.SetGrantee {
		e.Grantee = s.Grantee
	}
	return e
}

// NotFound returns the *Error a Store returns for an unknown code.
func NotFound(code string) error { return newError(ErrNotFound, code, code) }

// Exists returns the *Error a Store returns for a code already present.
func Exists(code string) error { return newError(ErrExists, code, code) }

// CapReached returns the *Error a Store returns for an instance at its cap.
func CapReached(instance string, limit int) error {
	return newError(ErrCapReached, instance, instance, limit)
}
