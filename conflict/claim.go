package conflict

import (
	"context"
	"fmt"
	"hash/maphash"
	"io"
	"log/slog"
	"slices"
	"strings"

	"github.com/beiankit/beian/filing"
)

// KeyKind is the kind of a unique key of the record set: what two subjects
// may never hold at once.
type KeyKind string

// Key kinds. A Store enforces that each key is held by one subject at most.
const (
	// KeyDomain is a registrable domain (lower-case A-label, Public Suffix
	// List): "example.com" for www.Example.com.
	KeyDomain KeyKind = "domain"
	// KeyApp is an app platform identifier (the package name, Bundle ID or
	// bundle name of an app) under filing.AppIdentifierKey: ASCII case
	// folded, whatever the platform, as Check meets identifiers.
	KeyApp KeyKind = "app"
	// KeyCert is a subject certificate, "cert type:number" with the number
	// in its stored form. A subject always holds its own.
	KeyCert KeyKind = "cert"
	// KeyNumber is a record number, subject or website, in its canonical
	// form.
	KeyNumber KeyKind = "number"
)

// Key is one unique key of the record set: a kind and a normalised value.
// Key is comparable. Certificate keys are personal data for individuals:
// String and the fmt verbs mask their number; encoding/json keeps it raw.
type Key struct {
	Kind  KeyKind `json:"kind"`
	Value string  `json:"value"`
}

// String returns "kind:value", with the number of a certificate key masked.
func (k Key) String() string {
	if k.Kind == KeyCert {
		t, n, _ := strings.Cut(k.Value, ":")
		return string(k.Kind) + ":" + t + ":" + filing.IDNumber(n).Masked()
	}
	return string(k.Kind) + ":" + k.Value
}

// Format prints String for every verb, so that no fmt verb shows a
// certificate number in clear.
func (k Key) Format(f fmt.State, verb rune) { _, _ = io.WriteString(f, k.String()) }

// LogValue logs String.
func (k Key) LogValue() slog.Value { return slog.StringValue(k.String()) }

// SubjectKey returns the key that identifies a subject in a Store: its
// certificate, in the form RecordKeys gives.
func SubjectKey(t filing.CertType, n filing.IDNumber) Key {
	return Key{KeyCert, string(t) + ":" + certKey(t, n.Raw())}
}

// keySeed hashes the records RecordKeys prepares (the hashes are not used).
var keySeed = maphash.MakeSeed()

// RecordKeys returns the subject of a record (its certificate key) and the
// unique keys the record holds, sorted and each once: the certificate, the
// subject, website and app numbers, the registrable domain of every domain
// of its websites, and the platform identifiers of its apps
// (filing.AppIdentifierKey: one key for com.Example.App on Android and
// com.example.app on iOS, as Check compares them), and the contact keys
// of its principals (Record.Subject.ContactKeys, R-94). gone reports a record whose subject is cancelled or
// deleted (it holds no keys: storing it removes the subject). A record that
// fails its checks returns an error wrapping ErrBadRecord, as Put does.
func RecordKeys(r Record) (subject Key, keys []Key, gone bool, err error) {
	p, drop, err := prepare(&r, keySeed)
	if err != nil {
		return Key{}, nil, false, errorf(ErrBadRecord, "", "", err)
	}
	subject = Key{KeyCert, p.certType + ":" + p.cert}
	if drop {
		return subject, nil, true, nil
	}
	keys = append(keys, subject)
	if p.number != "" {
		keys = append(keys, Key{KeyNumber, p.number})
	}
	for i := range p.sites {
		s := &p.sites[i]
		if s.number != "" {
			keys = append(keys, Key{KeyNumber, s.number})
		}
		for _, d := range s.domains {
			keys = append(keys, Key{KeyDomain, d.domain[d.regOff:]})
		}
	}
	for i := range p.apps {
		a := &p.apps[i]
		if a.number != "" {
			keys = append(keys, Key{KeyNumber, a.number})
		}
		for _, id := range a.ids {
			keys = append(keys, Key{KeyApp, filing.AppIdentifierKey(id.id)})
		}
	}
	keys = append(keys, p.contacts...)
	slices.SortFunc(keys, func(a, b Key) int {
		if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	return subject, slices.Compact(keys), false, nil
}

// Store keeps the record set where many processes share it (a database):
// the records, the unique keys each subject holds, and a change sequence
// that Replica follows. A subject is identified by its certificate
// (RecordKeys). Implementations must be safe for concurrent use and pass
// conflicttest.TestStore.
//
// The contract that keeps two subjects from holding one domain, one
// certificate or one record number: Put claims all the
// keys of a record or none, and no key is ever held by two subjects, however
// many callers race.
type Store interface {
	// Put writes r as the record on file for its subject, replacing the
	// one before, and claims the record's keys for the subject, all or
	// none. When a key is held by another subject Put writes nothing and
	// returns a *ClaimError (errors.Is ErrKeyTaken) listing the keys taken.
	// When the subject's record changed after the sequence number since
	// (the caller checked an older state: the same applicant filing on
	// two instances at once, R-13), Put writes nothing and returns a
	// *ClaimError with Stale set (errors.Is ErrStale); since = Unconditional
	// skips that check. Keys the subject held that r no longer has are
	// released. A record whose subject is cancelled or deleted removes the
	// subject, as Remove. A record that fails its checks returns an error
	// wrapping ErrBadRecord. Put returns the change's sequence number.
	Put(ctx context.Context, r Record, since uint64) (seq uint64, err error)
	// Remove removes the record of the subject with a certificate and
	// releases every key it held (a filing cancelled, or rejected and
	// withdrawn). Removing a subject not on file changes nothing and
	// returns seq 0.
	Remove(ctx context.Context, t filing.CertType, n filing.IDNumber) (seq uint64, err error)
	// Get returns the record on file for the subject with a certificate,
	// as it was put (every field, where an Index keeps only what a Check
	// reads), and the sequence number of its last change: a Put with that
	// since writes only if the subject did not change in between. A
	// subject not on file (never put, or removed) returns NotOnFile's
	// error, which matches ErrNotFound.
	Get(ctx context.Context, t filing.CertType, n filing.IDNumber) (r Record, seq uint64, err error)
	// Export writes every record on file to w as JSON Lines (the input of
	// Index.LoadJSONL), all from one consistent snapshot, and returns the
	// sequence number of that snapshot: Changes(ctx, seq, …) then returns
	// what changed after it.
	Export(ctx context.Context, w io.Writer) (seq uint64, err error)
	// Changes returns up to limit changes with a sequence number above
	// after, in ascending order: the current state of each subject changed
	// since (a subject changed twice appears once, at its last change).
	Changes(ctx context.Context, after uint64, limit int) (Changes, error)
}

// NotOnFile returns the error for a subject certificate that has no record
// on file (Store.Get, Index.LookupCert): it matches ErrNotFound. For the
// Stores of other packages.
func NotOnFile() error {
	return errorf(ErrNotFound, "按证件未找到主体", "no subject with that certificate", nil)
}

// Change is the state of one subject after a change of the record set.
type Change struct {
	// Seq is the change's sequence number (ascending with commit order).
	Seq uint64 `json:"seq"`
	// Record is the subject's record; when Removed, the last record it had.
	Record Record `json:"record"`
	// Removed reports a subject that is no longer on file.
	Removed bool `json:"removed,omitempty"`
}

// Unconditional is the since of a Put that replaces the subject's record
// whatever it changed to.
const Unconditional = ^uint64(0)

// ErrKeyTaken matches a *ClaimError that lists keys held by other subjects
// (R-30 for domains and app identifiers, R-31 for certificates and numbers).
var ErrKeyTaken = define("conflict.key_taken", "R-30",
	"备案信息中的域名、应用标识、证件或备案号已被其他主体占用",
	"a unique key of the record is held by another subject")

// ErrStale matches a *ClaimError of a Put whose subject changed after its
// since: the same applicant's filing accepted twice.
var ErrStale = define("conflict.stale", "R-13",
	"该主体的备案信息刚刚发生变化，请刷新后重试",
	"the subject's record changed after the state the caller checked")

// ClaimError is a Put that lost: keys of the record are held by other
// subjects, or the subject's record changed after the state the caller
// checked. Replica.Claim turns it into the Conflicts Check gives, except
// a refusal for contact keys alone, which the index does not hold:
// it returns that as is, and ContactKeyer.TakenConflicts turns it into
// Conflicts.
type ClaimError struct {
	// Taken lists the keys held by other subjects.
	Taken []Taken `json:"taken,omitempty"`
	// Stale reports a subject whose record changed after since.
	Stale bool `json:"stale,omitempty"`
}

// Taken is one key held by another subject.
type Taken struct {
	Key Key `json:"key"`
	// Holder is the subject (certificate key) that holds Key.
	Holder Key `json:"holder"`
}

// Error returns "conflict.key_taken: …" with the keys taken (certificate
// numbers masked).
func (e *ClaimError) Error() string {
	if e.Stale {
		return string(ErrStale) + ": " + ErrStale.MessageEn()
	}
	keys := make([]string, len(e.Taken))
	for i, t := range e.Taken {
		keys[i] = t.Key.String()
	}
	return string(ErrKeyTaken) + ": " + ErrKeyTaken.MessageEn() + ": " + strings.Join(keys, ", ")
}

// Is matches ErrKeyTaken (keys taken) or ErrStale (Stale).
func (e *ClaimError) Is(target error) bool {
	return target == ErrKeyTaken && len(e.Taken) > 0 || target == ErrStale && e.Stale
}

// ErrorCode returns "conflict.key_taken" or "conflict.stale".
func (e *ClaimError) ErrorCode() string { return string(e.sentinel()) }

func (e *ClaimError) sentinel() filing.Code {
	if e.Stale {
		return ErrStale
	}
	return ErrKeyTaken
}

// MessageZh returns the Chinese message for end users.
func (e *ClaimError) MessageZh() string { return e.sentinel().MessageZh() }

// MessageEn returns the English message for developers.
func (e *ClaimError) MessageEn() string { return e.Error() }

// Format prints the change for fmt with the record's personal data masked
// (filing.FormatMasked).
func (c Change) Format(f fmt.State, verb rune) { filing.FormatMasked(f, verb, c) }

// LogValue logs the change with the record's personal data masked.
func (c Change) LogValue() slog.Value { return filing.MaskedLogValue(c) }
