package numbering

import (
	"context"
	"errors"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/beiankit/beian/calendar"
)

// Key names one allocation counter of a Store: either the subject-number
// sequence of a province-year (Province and Year set) or the service-suffix
// sequence of a subject (Subject set). Key is comparable.
type Key struct {
	// Province is the two-digit GB/T 2260 code of a subject-number counter.
	Province string
	// Year is the year of a subject-number counter.
	Year int
	// Subject is the subject number of a service-suffix counter.
	Subject Number
}

// SubjectKey returns the key of the subject-number counter of a province
// (two-digit code) and year.
func SubjectKey(province string, year int) Key { return Key{Province: province, Year: year} }

// ServiceKey returns the key of the service-suffix counter of a subject.
func ServiceKey(subject Number) Key { return Key{Subject: subject.Subject()} }

// IsService reports whether k is a service-suffix counter.
func (k Key) IsService() bool { return !k.Subject.IsZero() }

// String returns a stable text form for storage: "subject/52/2026" or
// "service/黔ICP备2026001073号". ParseKey reads it back.
func (k Key) String() string {
	if k.IsService() {
		return "service/" + k.Subject.String()
	}
	return "subject/" + k.Province + "/" + strconv.Itoa(k.Year)
}

// ParseKey reads the text form of Key.String.
func ParseKey(s string) (Key, error) {
	if rest, ok := strings.CutPrefix(s, "service/"); ok {
		n, err := Parse(rest)
		if err != nil {
			return Key{}, err
		}
		if !n.IsSubject() {
			return Key{}, &AllocError{Code: CodeNotSubject, Detail: s, Err: CodeNotSubject}
		}
		return Key{Subject: n}, nil
	}
	if rest, ok := strings.CutPrefix(s, "subject/"); ok {
		code, year, ok := strings.Cut(rest, "/")
		y, err := strconv.Atoi(year)
		if p, known := lookupProvince(code); ok && err == nil && known && len(code) == 2 && y >= MinYear && y <= MaxYear {
			return Key{Province: provs[p-1].p.Code, Year: y}, nil
		}
	}
	return Key{}, &AllocError{Code: CodeOutOfRange, Detail: "key " + strconv.Quote(s), Err: CodeOutOfRange}
}

// Counter is one counter of a Store: the last value issued (or raised to).
type Counter struct {
	Key  Key
	Last uint64
}

// Store keeps the allocation counters. Implementations must be safe for
// concurrent use and must pass numberingtest.TestStore.
//
// The contract that makes numbers unique: a value Reserve returned
// for a key is never returned again for that key — not to a concurrent
// caller, not after Raise, not after the store is rebuilt from a Snapshot.
type Store interface {
	// Reserve atomically advances the counter of key by one and returns the
	// new value (the first value of a new key is 1). If the new value would
	// exceed max, Reserve changes nothing and returns an error matching
	// ErrSequenceExhausted. A cancelled or expired ctx returns an error
	// matching ctx.Err().
	Reserve(ctx context.Context, key Key, max uint64) (uint64, error)
	// Raise sets each counter to at least its Last value; it never lowers a
	// counter. Allocator.Seed and restarts use it.
	Raise(ctx context.Context, counters ...Counter) error
	// Snapshot returns every counter, in no particular order. A store
	// rebuilt by Raise(Snapshot()...) continues without reissuing a value.
	Snapshot(ctx context.Context) ([]Counter, error)
}

// YearCST returns the year of the civil date in China of the instant t
// (calendar.DayOf): the year a number approved at t carries
// (2025-12-31T16:30:00Z is 2026). It is 0 for the zero time and for an
// instant outside years 1..9999 in China, which no number carries.
func YearCST(t time.Time) int { return calendar.DayOf(t).Year() }

// Allocator issues record numbers: subject numbers per
// province and year, service suffixes per subject. It holds no state of its
// own, so any number of Allocators (in any number of processes) may share a
// Store; it is safe for concurrent use.
type Allocator struct {
	store Store
}

// NewAllocator returns an Allocator on store.
func NewAllocator(store Store) *Allocator { return &Allocator{store: store} }

// Store returns the allocator's store.
func (a *Allocator) Store() Store { return a.store }

// NextSubject issues the next ICP filing subject number of a province (a
// two-digit code, an abbreviation such as "黔"/"贵", or a name) for a filing
// approved at the instant at: province abbreviation + "ICP备" + year*1e6+seq
// + "号", seq counting from 1 in each province-year. When a province-year
// has issued MaxSequence numbers it returns an error matching
// ErrSequenceExhausted.
func (a *Allocator) NextSubject(ctx context.Context, province string, at time.Time) (Number, error) {
	p, ok := lookupProvince(province)
	if !ok {
		return Number{}, &AllocError{Code: CodeProvince, Detail: province, Err: CodeProvince}
	}
	year := YearCST(at)
	if year < MinYear || year > MaxYear {
		return Number{}, &AllocError{Code: CodeOutOfRange, Detail: "year " + strconv.Itoa(year), Err: CodeOutOfRange}
	}
	key := Key{Province: provs[p-1].p.Code, Year: year}
	seq, err := a.store.Reserve(ctx, key, MaxSequence)
	if err != nil {
		return Number{}, storeError(key, err)
	}
	if seq < 1 || seq > MaxSequence { // a broken store must not produce a wrong number
		return Number{}, &AllocError{Code: CodeOutOfRange, Detail: key.String() + " returned " + strconv.FormatUint(seq, 10), Err: CodeOutOfRange}
	}
	return filingNumber(p, year, int(seq)), nil
}

// NextService issues the next service number under a subject: the suffix is
// the highest ever issued under the subject plus one, shared by websites,
// apps, mini-programs and quick apps, so a cancelled service's suffix is
// never reused. subject may be an ICP filing number, an ICP
// licence or a telecom licence without suffix.
func (a *Allocator) NextService(ctx context.Context, subject Number, kind ServiceKind) (Number, error) {
	if !subject.IsSubject() || subject.kind == KindPublicSecurity {
		return Number{}, &AllocError{Code: CodeNotSubject, Detail: subject.String(), Err: CodeNotSubject}
	}
	if kind < ServiceWebsite || kind > ServiceQuickApp {
		return Number{}, &AllocError{Code: CodeServiceKind, Detail: kind.String(), Err: CodeServiceKind}
	}
	key := Key{Subject: subject}
	suffix, err := a.store.Reserve(ctx, key, MaxSuffix)
	if err != nil {
		return Number{}, storeError(key, err)
	}
	if suffix < 1 || suffix > MaxSuffix {
		return Number{}, &AllocError{Code: CodeOutOfRange, Detail: key.String() + " returned " + strconv.FormatUint(suffix, 10), Err: CodeOutOfRange}
	}
	subject.suffix = uint32(suffix)
	subject.svc = kind
	return subject, nil
}

func storeError(key Key, err error) error {
	if errors.Is(err, ErrSequenceExhausted) {
		return &AllocError{Code: CodeSequenceExhausted, Detail: key.String(), Err: err}
	}
	return &AllocError{Detail: key.String(), Err: err}
}

// seedBatch is the number of counters Seed hands to Store.Raise at once.
const seedBatch = 4096

// Seed raises the counters so that allocation continues after the highest
// numbers already issued (a bureau migrating its record set in): for every
// ICP filing number, the subject counter of its province-year (old 8-digit
// serials 05002571 count in year 2005, so the 10-digit form never repeats
// them); for every number with a suffix, the service counter of its subject.
// Public security numbers and zero Numbers are ignored. Seed never lowers a
// counter, so it may run on a live store and be repeated.
func (a *Allocator) Seed(ctx context.Context, numbers iter.Seq[Number]) error {
	high := map[Key]uint64{}
	raise := func(k Key, v uint64) {
		if v > high[k] {
			high[k] = v
		}
	}
	for n := range numbers {
		if n.kind == KindICPFiling {
			raise(Key{Province: n.ProvinceCode(), Year: n.Year()}, uint64(n.Sequence()))
		}
		if n.suffix != 0 {
			raise(Key{Subject: n.Subject()}, uint64(n.suffix))
		}
	}
	batch := make([]Counter, 0, min(len(high), seedBatch))
	for k, v := range high {
		batch = append(batch, Counter{Key: k, Last: v})
		if len(batch) == seedBatch {
			if err := a.store.Raise(ctx, batch...); err != nil {
				return &AllocError{Detail: "seed", Err: err}
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		if err := a.store.Raise(ctx, batch...); err != nil {
			return &AllocError{Detail: "seed", Err: err}
		}
	}
	return nil
}
