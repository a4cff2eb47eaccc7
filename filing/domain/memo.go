package domain

// Memo remembers, for one filing's validation, the domains and home URLs
// already normalised, so that normalising, checking fields and checking
// rules do not redo IDNA and URL parsing on the same values. It relies on
// NormalizeDomain and NormalizeHomeURL being idempotent (their fuzz targets
// check it): an output normalises to itself. The zero Memo is ready; a Memo
// is used by one goroutine at a time; a nil *Memo remembers nothing.
type Memo struct {
	domains []string  // outputs of NormalizeDomain
	urls    []memoURL // outputs of NormalizeHomeURL with their host
	// The first entries of domains and urls, so that a filing of a few
	// websites remembers without growing the slices.
	domainBuf [8]string
	urlBuf    [4]memoURL
}

type memoURL struct{ url, host string }

// memoCap bounds what one Memo remembers.
const memoCap = 64

// Normalize is NormalizeDomain, remembered.
func (m *Memo) Normalize(s string) (string, error) {
	if m != nil {
		for _, d := range m.domains {
			if d == s {
				return s, nil
			}
		}
	}
	a, err := NormalizeDomain(s)
	if err == nil && m != nil && len(m.domains) < memoCap {
		if m.domains == nil {
			m.domains = m.domainBuf[:0]
		}
		m.domains = append(m.domains, a)
	}
	return a, err
}

// homeURL returns the host of a known normalised home URL.
func (m *Memo) homeURL(u string) (host string, ok bool) {
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

func (m *Memo) rememberURL(u, host string) {
	if m != nil && len(m.urls) < memoCap {
		if m.urls == nil {
			m.urls = m.urlBuf[:0]
		}
		m.urls = append(m.urls, memoURL{u, host})
	}
}
