package filing

import (
	"context"
	"time"
)

// memo remembers, for one validation, the values already normalised, so
// that the normalisation, the field pass and the rules pass do not redo IDNA
// and URL parsing on the same values. It relies on NormalizeDomain and
// NormalizeHomeURL being idempotent (their fuzz targets check it): an output
// normalises to itself. A memo is used by one goroutine at a time (the
// validator runs tag functions one after another); a nil *memo remembers
// nothing.
type memo struct {
	domains []string  // outputs of NormalizeDomain
	urls    []memoURL // outputs of NormalizeHomeURL with their host
	// now is the validation's clock reading (WithNow), against which the
	// field checks judge birth dates; zero means the wall clock.
	now time.Time
}

// at returns the instant field checks are made as of, or nil for the clock.
func (m *memo) at() *time.Time {
	if m == nil || m.now.IsZero() {
		return nil
	}
	return &m.now
}

type memoURL struct{ url, host string }

// memoCap bounds what one validation remembers.
const memoCap = 64

type memoKey struct{}

// memoFrom returns the memo a validation put in its context, or nil.
func memoFrom(ctx context.Context) *memo {
	m, _ := ctx.Value(memoKey{}).(*memo)
	return m
}

// normalizeDomain is NormalizeDomain, remembered.
func (m *memo) normalizeDomain(s string) (string, error) {
	if m != nil {
		for _, d := range m.domains {
			if d == s {
				return s, nil
			}
		}
	}
	a, err := NormalizeDomain(s)
	if err == nil && m != nil && len(m.domains) < memoCap {
		m.domains = append(m.domains, a)
	}
	return a, err
}

// homeURL returns the host of a known normalised home URL.
func (m *memo) homeURL(u string) (host string, ok bool) {
	if m == nil {
		return "", false
	}
	for _, e := range m.urls {
		if e.url == u {
			return e.host, true
		}
	}
	return "", false
}

func (m *memo) rememberURL(u, host string) {
	if m != nil && len(m.urls) < memoCap {
		m.urls = append(m.urls, memoURL{u, host})
	}
}
