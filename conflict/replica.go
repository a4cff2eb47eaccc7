package conflict

import (
	"context"
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/beiankit/beian/filing"
)

// Replica keeps an Index in step with a Store: Load streams the record set
// into the index, Sync (or Follow, on a timer) applies the changes made
// since, by this process or any other. Readers use the Index and stay
// in-memory fast; the Store stays the truth, and Claim makes the Store
// decide a race that two processes' indexes cannot see.
//
// A Replica is safe for concurrent use.
type Replica struct {
	store Store
	ix    *Index
	seq   atomic.Uint64
	mu    sync.Mutex // serialises Load and Sync
}

// syncBatch is the number of changes Sync asks the store for at once.
const syncBatch = 1024

// NewReplica returns a Replica that keeps ix in step with store. ix should
// be empty: call Load before use.
func NewReplica(store Store, ix *Index) *Replica { return &Replica{store: store, ix: ix} }

// Index returns the replica's index.
func (r *Replica) Index() *Index { return r.ix }

// Seq returns the sequence number of the last change applied to the index.
func (r *Replica) Seq() uint64 { return r.seq.Load() }

// Load streams the store's record set into the index (Store.Export piped
// into Index.LoadJSONL: records are decoded and normalised on all cores as
// they arrive; nothing but the index is kept) and returns the number of
// records loaded. After an error the index may hold part of the record
// set: start again with a new Replica and Index.
func (r *Replica) Load(ctx context.Context) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	pr, pw := io.Pipe()
	var seq uint64
	exported := make(chan error, 1)
	go func() {
		var err error
		seq, err = r.store.Export(ctx, pw)
		pw.CloseWithError(err)
		exported <- err
	}()
	n, err := r.ix.LoadJSONL(pr)
	pr.CloseWithError(errors.New("conflict: load stopped")) // unblocks Export after a bad record
	if eerr := <-exported; eerr != nil {
		return n, eerr
	}
	if err != nil {
		return n, err
	}
	r.seq.Store(seq)
	return n, nil
}

// Sync applies to the index every change the store has after Seq and
// returns how many it applied.
func (r *Replica) Sync(ctx context.Context) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	applied := 0
	for {
		changes, err := r.store.Changes(ctx, r.seq.Load(), syncBatch)
		if err != nil {
			return applied, err
		}
		for _, c := range changes {
			if err := r.apply(c); err != nil {
				return applied, err
			}
			r.seq.Store(c.Seq)
			applied++
		}
		if len(changes) < syncBatch {
			return applied, nil
		}
	}
}

func (r *Replica) apply(c Change) error {
	s := &c.Record.Subject
	if c.Removed {
		if err := r.ix.RemoveCert(s.CertType, s.CertNumber); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		return nil
	}
	err := r.ix.Put(c.Record)
	if errors.Is(err, ErrNumberTaken) && s.Number != "" {
		// The index still has the subject number under a subject that gave
		// it up: that subject changed after this change (the store sends
		// each subject once, at its last change), so its own change comes
		// later in this Sync. Take it out until then.
		if rerr := r.ix.Remove(s.Number); rerr == nil {
			err = r.ix.Put(c.Record)
		}
	}
	return err
}

// Follow calls Sync every interval until ctx is done, and returns ctx's
// error. A failed Sync (the database restarting) is passed to onError, if
// not nil, and retried at the next tick.
func (r *Replica) Follow(ctx context.Context, every time.Duration, onError func(error)) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			if _, err := r.Sync(ctx); err != nil && onError != nil && ctx.Err() == nil {
				onError(err)
			}
		}
	}
}

// claimTries bounds the rounds of Claim when the keys it lost are released
// again before it can describe them.
const claimTries = 3

// Claim checks a filing against the index (Check, with opts) and, when
// nothing conflicts, puts rec (the filing's record, e.g. the filing under
// review) in the store, claiming its keys for the filing's subject, all or
// none, on condition that the subject's record has not changed since the
// state the index checked. When another process claimed one of the keys
// first, or changed the subject's record (the same applicant filing
// on two instances, R-13), the store refuses the record; Claim then syncs
// the index and checks again, so the loser gets the same typed Conflicts,
// with the same guidance, that Check gives once the winner's record is
// known. When the index finds conflicts, Claim syncs and checks again
// before refusing, so that a record released elsewhere no longer blocks (if
// the store cannot be reached, the index's answer stands).
//
// It returns the conflicts (and stores nothing) or nil once rec is stored;
// the index has the record when Claim returns, unless the sync after the
// store failed (the record is stored then, and the next Sync applies it).
//
// Errors: what Check returns for bad input, the store's errors (a database
// that cannot be reached), and a *ClaimError when the store refuses rec for
// a reason Check does not report (rec holds keys the filing does not, such
// as a principal's contact key another subject holds, R-94:
// ContactKeyer.TakenConflicts reads it). A refusal for contact keys
// together with keys Check reports gives Check's conflicts; the contact
// conflict shows once those are cleared.
func (r *Replica) Claim(ctx context.Context, f *filing.Filing, rec Record, opts ...CheckOption) ([]Conflict, error) {
	for try := 0; ; try++ {
		since := r.Seq() // the index holds every change up to since
		conflicts, err := r.ix.Check(f, opts...)
		if err == nil && len(conflicts) > 0 && try == 0 {
			// The index may lag: a blocking record may have been released
			// since. Refuse on what the store has now, or, when the store
			// cannot answer, on what the index has.
			if _, serr := r.Sync(ctx); serr != nil {
				return conflicts, nil
			}
			since = r.Seq()
			conflicts, err = r.ix.Check(f, opts...)
		}
		if err != nil || len(conflicts) > 0 {
			return conflicts, err
		}
		retry, err := r.put(ctx, rec, since, try)
		if !retry {
			return nil, err
		}
		if _, serr := r.Sync(ctx); serr != nil {
			return nil, errors.Join(err, serr)
		}
	}
}

// ClaimChange claims a change of a subject on file (an app or a website
// added, a website changed), which its record must carry over: it reads
// the subject's record from the store (Store.Get: every field, where the
// index keeps only what a Check reads, such as access periods, approval
// instants and the restricted flag), checks f as Claim does, lets edit
// change the record, and writes it only if the subject did not change
// since it was read. A subject changed in between (another instance, R-13)
// is read, checked and edited again; a key another process claimed first
// gives the conflicts Check gives once the index has it. edit may
// run more than once, each time on a record freshly read.
//
// It returns the conflicts (and stores nothing) or nil once the edited
// record is stored. Errors: what Check returns for bad input, an error
// matching ErrNotFound when the subject is not on file, what edit returns,
// and the store's errors, as Claim.
func (r *Replica) ClaimChange(ctx context.Context, f *filing.Filing, edit func(*Record) error, opts ...CheckOption) ([]Conflict, error) {
	for try := 0; ; try++ {
		if _, err := r.Sync(ctx); err != nil {
			return nil, err
		}
		conflicts, err := r.ix.Check(f, opts...) // an error for a nil f: f is read below only after it
		if err != nil || len(conflicts) > 0 {
			return conflicts, err
		}
		rec, seq, err := r.store.Get(ctx, f.Subject.CertType, f.Subject.CertNumber)
		if err != nil {
			return nil, err
		}
		if err := edit(&rec); err != nil {
			return nil, err
		}
		if retry, err := r.put(ctx, rec, seq, try); !retry {
			return nil, err
		}
	}
}

// put writes rec to the store on condition since, for round try of Claim
// or ClaimChange, and syncs the index once it is stored. retry reports a
// refusal that another round may clear: a *ClaimError for keys the index
// can learn (or a stale since), before the last round; otherwise err is
// what to return (nil once stored).
func (r *Replica) put(ctx context.Context, rec Record, since uint64, try int) (retry bool, err error) {
	if _, err = r.store.Put(ctx, rec, since); err == nil {
		_, _ = r.Sync(ctx)
		return false, nil
	}
	var ce *ClaimError
	if !errors.As(err, &ce) || try+1 == claimTries || ce.contactOnly() {
		// A contact key taken (R-94, ContactKeyer.Stamp) is not in the
		// index: checking again cannot clear it.
		return false, err
	}
	return true, err
}

// Release removes the record of the subject with a certificate from the
// store, releasing its keys (a filing cancelled, or rejected and
// withdrawn), and syncs the index.
func (r *Replica) Release(ctx context.Context, t filing.CertType, n filing.IDNumber) error {
	if _, err := r.store.Remove(ctx, t, n); err != nil {
		return err
	}
	_, err := r.Sync(ctx)
	return err
}
